"""Measure understanding and safety; print the numbers (`make eval`).

    python -m benchmarks.nlu_eval [--model models/signpost.tar.gz] [--folds 5] [--skip-cv]
                                  [--diet-member POSITION]

On the held-out sets in tests/nlu/ (never trained on):
- intent macro-F1 on test_set.yml and typos.yml, with a per-intent table and a confusion
  matrix picture (docs/nlu/);
- crisis recall on the test set's crisis messages: "escalated" counts a crisis message
  answered by either crisis response (both start with 999), "exact" needs the right one;
- false escalation: benign_alarming.yml and the CLINC150 test split classed as crisis;
- crisis recall and false escalation on tests/nlu/sealed/, a set nobody on the team reads
  (only counts are printed), for an estimate the safety-net review could not bias;
- `location` entity F1 on places.yml (exact spans);
- a keyword-matching baseline on the same sets, side by side;
- k-fold cross-validation macro-F1 on the training data (trains k models), also with
  synthetic phone-keyboard slips in the held-out folds (benchmarks/synthetic_typos.py):
  how configurations are compared, since it never touches the evaluation sets.
Results also go to docs/nlu/results.json; docs/benchmarks.md records them with this command.
"""
import argparse
import asyncio
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import time

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

from benchmarks.synthetic_typos import misspell_message

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "nlu"
OUT = ROOT / "docs" / "nlu"
CRISIS = {"crisis_immediate_danger", "crisis_suicide_self_harm"}
ANNOTATION = re.compile(r"\[([^\]]+)\]\((?:[^)]*)\)|\[([^\]]+)\]\{[^}]*\}")


@dataclass
class Example:
    text: str
    intent: str
    locations: List[Tuple[int, int]]  # character spans of annotated places


def read_examples(path: Path) -> List[Example]:
    """Rasa NLU YAML into plain examples, keeping the spans of [place](location)."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    examples = []
    for block in document.get("nlu", []):
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            line = line.strip()
            if not line.startswith("- "):
                continue
            raw, text, spans, cursor = line[2:], "", [], 0
            for match in ANNOTATION.finditer(raw):
                text += raw[cursor:match.start()]
                value = match.group(1) or match.group(2)
                spans.append((len(text), len(text) + len(value)))
                text += value
                cursor = match.end()
            text += raw[cursor:]
            examples.append(Example(text, block["intent"], spans))
    return examples


def read_clinc(path: Path) -> List[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- The keyword baseline -------------------------------------------------------------------
# What a simple rules-only bot would do: the intent whose keywords appear most. Written from
# the contract's descriptions (CONCERNS.md), not from the test sets.
KEYWORDS: Dict[str, List[str]] = {
    "crisis_immediate_danger": ["knife", "stabbed", "gun", "kill me", "hurting me", "danger", "breaking in",
                                "not breathing", "attacking", "emergency", "help me now"],
    "crisis_suicide_self_harm": ["suicide", "suicidal", "kill myself", "end my life", "want to die", "self harm",
                                 "self-harm", "cutting myself", "overdose", "end it all", "take my own life"],
    "concern_domestic_abuse": ["husband", "partner", "boyfriend", "wife", "abuse", "controlling", "hits me",
                               "domestic", "ex ", "coercive"],
    "concern_own_abusive_behaviour": ["my temper", "i hit my", "i shout at my", "how i treat", "my anger"],
    "concern_sexual_violence": ["rape", "raped", "sexual", "assaulted", "touched me"],
    "concern_loneliness": ["lonely", "alone", "isolated", "no friends", "company", "nobody to talk"],
    "concern_carer_support": ["caring for", "carer", "dementia", "look after my", "respite"],
    "concern_mental_health": ["depressed", "anxious", "anxiety", "low mood", "stress", "not coping", "panic"],
    "concern_scam_fraud": ["scam", "fraud", "scammed", "con", "bank details", "rogue trader", "doorstep"],
    "concern_exploitation": ["county lines", "gang", "dealing", "drugs run", "cuckoo", "grooming him", "knife crime"],
    "concern_modern_slavery": ["passport", "trafficked", "forced to work", "no pay", "slavery", "trafficking"],
    "concern_child_safety": ["child", "kid", "neglect", "groomed", "grooming", "missing child", "my daughter is 1"],
    "concern_substance_misuse": ["drink", "drinking", "alcohol", "drugs", "addicted", "cocaine", "heroin"],
    "concern_homelessness": ["homeless", "evicted", "eviction", "sleeping rough", "sofa", "nowhere to live"],
    "concern_money_debt": ["debt", "bills", "money", "benefits", "loan", "rent arrears", "can't pay"],
    "concern_antisocial_behaviour": ["neighbour", "noise", "anti-social", "antisocial", "vandal", "youths"],
    "concern_hate_crime": ["racist", "racism", "because i'm gay", "homophobic", "disability hate", "hate crime",
                           "religion", "muslim", "transphobic"],
    "concern_radicalisation": ["extremist", "extreme", "radical", "radicalised", "far right", "isis", "terror"],
    "greet": ["hello", "hi ", "hiya", "good morning"],
    "goodbye": ["bye", "goodbye", "see you"],
    "thank": ["thanks", "thank you", "cheers"],
    "affirm": ["yes", "yeah", "yep", "ok"],
    "deny": ["no", "nope", "rather not"],
    "inform_location": ["i live in", "i'm in", "postcode"],
    "ask_helpline": ["number", "phone", "call"],
    "ask_capabilities": ["what can you", "what do you do", "help with"],
    "bot_challenge": ["are you a bot", "real person", "robot", "human?"],
    "request_human": ["speak to someone", "talk to a person", "real person", "human"],
    "restart": ["start again", "restart", "start over", "clear"],
    "inform_about_someone_else": ["not me", "my friend", "someone else", "for my"],
    "ask_more_services": ["more", "other options", "anything else"],
    "ask_if_worse": ["gets worse", "if he comes back", "what if"],
}


def keyword_intent(text: str) -> str:
    lowered = f" {text.lower()} "
    scores = {intent: sum(1 for k in words if k in lowered) for intent, words in KEYWORDS.items()}
    best = max(scores.items(), key=lambda item: item[1])
    return best[0] if best[1] > 0 else "out_of_scope"


# --- Scoring ----------------------------------------------------------------------------------------
def intent_scores(gold: List[str], predicted: List[str]) -> dict:
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    labels = sorted(set(gold))
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=labels, zero_division=0)
    crisis_gold = [i for i, g in enumerate(gold) if g in CRISIS]
    non_crisis = [i for i, g in enumerate(gold) if g not in CRISIS]
    return {
        "n": len(gold),
        "macro_f1": float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)),
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / len(gold),
        "crisis_messages": len(crisis_gold),
        "crisis_recall_escalated": (sum(predicted[i] in CRISIS for i in crisis_gold) / len(crisis_gold)
                                    if crisis_gold else None),
        "crisis_recall_exact": (sum(predicted[i] == gold[i] for i in crisis_gold) / len(crisis_gold)
                                if crisis_gold else None),
        "false_escalation_rate": (sum(predicted[i] in CRISIS for i in non_crisis) / len(non_crisis)
                                  if non_crisis else None),
        "per_intent": {label: {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
                       for label, p, r, f, s in zip(labels, precision, recall, f1, support)},
    }


def entity_scores(examples: List[Example], predicted_spans: List[List[Tuple[int, int]]]) -> dict:
    true_positive = false_positive = false_negative = 0
    for example, spans in zip(examples, predicted_spans):
        gold, found = set(example.locations), set(spans)
        true_positive += len(gold & found)
        false_positive += len(found - gold)
        false_negative += len(gold - found)
    precision = true_positive / (true_positive + false_positive) if true_positive + false_positive else 0.0
    recall = true_positive / (true_positive + false_negative) if true_positive + false_negative else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold": true_positive + false_negative,
            "predicted": true_positive + false_positive}


def location_spans(parsed: dict) -> List[Tuple[int, int]]:
    """The character spans of the places a parse result found."""
    return [(e["start"], e["end"]) for e in parsed.get("entities", [])
            if e.get("entity") == "location" and e.get("end", 0) > e.get("start", 0)]


def keyword_location_spans(text: str, names: List[str]) -> List[Tuple[int, int]]:
    """Baseline entity extraction: exact, case-insensitive gazetteer look-up."""
    spans, lowered = [], text.lower()
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"\b{re.escape(name.lower())}\b", lowered):
            if not any(s <= match.start() < e for s, e in spans):
                spans.append((match.start(), match.end()))
    return spans


def score_one_diet(position: int) -> None:
    """Make every model loaded from now on answer with its DIET at this position (0 for the
    first) instead of the average of its DIETs (bot/components/diet_average.py): one
    training of the averaged pipeline scored alone, without retraining it."""
    from bot.components import diet_average

    def one_of(rankings):
        # Each DietAverage sees the DIETs so far; only the last one's answer is kept.
        one_of.diets_seen = max(one_of.diets_seen, len(rankings))
        return rankings[min(position, len(rankings) - 1)]

    one_of.diets_seen = 0
    diet_average.average_rankings = one_of


def check_diet_member(model: "Parser", position: int) -> None:
    from bot.components import diet_average

    model.parse("hello")
    diets = diet_average.average_rankings.diets_seen
    if position >= diets:
        raise SystemExit(f"--diet-member {position}: this model averages {diets} DIETs "
                         "(0 means it has no DietAverage); positions start at 0")


class Parser:
    """The trained model, in-process (same pipeline the server runs, minus HTTP)."""

    def __init__(self, model: Path):
        from rasa.core.agent import Agent

        self.agent = Agent.load(str(model))
        self.loop = asyncio.new_event_loop()

    def parse(self, text: str) -> dict:
        return self.loop.run_until_complete(self.agent.parse_message(text))

    def intents(self, texts: List[str]) -> List[str]:
        return [self.parse(t)["intent"]["name"] for t in texts]

    def intents_with_top_guess(self, texts: List[str]) -> Tuple[List[str], List[str]]:
        """The final intent, and the classifier's best guess had the FallbackClassifier not
        stepped in (the bot then asks "did you mean ...?" with that guess as a button)."""
        final, guesses = [], []
        for text in texts:
            result = self.parse(text)
            final.append(result["intent"]["name"])
            ranked = [r["name"] for r in result.get("intent_ranking", []) if r["name"] != "nlu_fallback"]
            guesses.append(ranked[0] if final[-1] == "nlu_fallback" and ranked else final[-1])
        return final, guesses


def confusion_picture(gold: List[str], predicted: List[str], path: Path, title: str) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import confusion_matrix

    labels = sorted(set(gold) | set(predicted))
    matrix = confusion_matrix(gold, predicted, labels=labels)
    figure, axes = plt.subplots(figsize=(14, 12))
    axes.imshow(matrix, cmap="Blues")
    axes.set_xticks(range(len(labels)), labels=labels, rotation=90, fontsize=7)
    axes.set_yticks(range(len(labels)), labels=labels, fontsize=7)
    for i in range(len(labels)):
        for j in range(len(labels)):
            if matrix[i, j]:
                axes.text(j, i, matrix[i, j], ha="center", va="center", fontsize=6,
                          color="white" if matrix[i, j] > matrix.max() / 2 else "black")
    axes.set_xlabel("predicted")
    axes.set_ylabel("true")
    axes.set_title(title)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def cross_validate(folds: int, config: Path = ROOT / "config.yml", only_folds: int = 0,
                   seed: int = 20261125) -> dict:
    """Stratified k-fold over data/nlu: train on k-1 folds, score the held-out fold.
    only_folds > 0 runs just the first few folds (for comparing configurations quickly)."""
    import random
    from rasa.model_training import train_nlu

    examples = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        if path.name.startswith("generated_"):
            continue
        examples += [(e, path) for e in read_examples(path)]
    random.Random(seed).shuffle(examples)
    by_intent: Dict[str, List[Example]] = {}
    for example, _ in examples:
        by_intent.setdefault(example.intent, []).append(example)
    fold_of = {}
    for intent, items in by_intent.items():
        for index, example in enumerate(items):
            fold_of[id(example)] = index % folds
    scores, typo_scores, fallback_rates, pooled_gold, pooled_predicted = [], [], [], [], []
    for fold in range(only_folds or folds):
        work = Path(tempfile.mkdtemp(prefix=f"signpost-cv{fold}-"))
        train = [e for e, _ in examples if fold_of[id(e)] != fold]
        test = [e for e, _ in examples if fold_of[id(e)] == fold]
        (work / "nlu").mkdir()
        write_nlu(train, work / "nlu" / "train.yml")
        shutil.copy(ROOT / "data" / "nlu" / "generated_place_synonyms.yml", work / "nlu")
        started = time.monotonic()
        model = train_nlu(str(config), str(work / "nlu"), str(work), fixed_model_name="fold")
        parser = Parser(Path(model))
        predicted = parser.intents([e.text for e in test])
        result = intent_scores([e.intent for e in test], predicted)
        fallback_rate = predicted.count("nlu_fallback") / len(predicted)
        # The same held-out messages with synthetic slips: typo robustness measured
        # without the typo evaluation set.
        typo_rng = random.Random(seed + fold)
        typo_result = intent_scores([e.intent for e in test],
                                    parser.intents([misspell_message(e.text, typo_rng) for e in test]))
        print(f"  fold {fold + 1}/{folds}: macro-F1 {result['macro_f1']:.3f}, fallback {fallback_rate:.1%}, "
              f"false crisis {result['false_escalation_rate']:.1%}, "
              f"with synthetic typos macro-F1 {typo_result['macro_f1']:.3f} "
              f"({len(train)} train, {len(test)} test, {time.monotonic() - started:.0f} s)", flush=True)
        scores.append(result["macro_f1"])
        typo_scores.append(typo_result["macro_f1"])
        fallback_rates.append(fallback_rate)
        pooled_gold += [e.intent for e in test]
        pooled_predicted += predicted
        shutil.rmtree(work, ignore_errors=True)
    mean = sum(scores) / len(scores)
    spread = (sum((s - mean) ** 2 for s in scores) / len(scores)) ** 0.5
    pooled = intent_scores(pooled_gold, pooled_predicted)
    confusions: Dict[str, int] = {}
    for gold, predicted in zip(pooled_gold, pooled_predicted):
        if gold != predicted:
            confusions[f"{gold} -> {predicted}"] = confusions.get(f"{gold} -> {predicted}", 0) + 1
    top_confusions = dict(sorted(confusions.items(), key=lambda item: -item[1])[:15])
    print("  most frequent held-out mistakes: " + "; ".join(f"{k} ({v})" for k, v in top_confusions.items()))
    return {"folds": folds, "macro_f1_mean": mean, "macro_f1_std": spread, "per_fold": scores,
            "synthetic_typos_macro_f1_mean": sum(typo_scores) / len(typo_scores),
            "fallback_rate_mean": sum(fallback_rates) / len(fallback_rates),
            "per_intent_pooled": pooled["per_intent"], "top_confusions": top_confusions}


def write_nlu(examples: List[Example], path: Path) -> None:
    grouped: Dict[str, List[str]] = {}
    for example in examples:
        text = example.text
        for start, end in sorted(example.locations, reverse=True):
            text = f"{text[:start]}[{text[start:end]}](location){text[end:]}"
        grouped.setdefault(example.intent, []).append(text)
    document = {"version": "3.1", "nlu": [
        {"intent": intent, "examples": "".join(f"- {t}\n" for t in texts)} for intent, texts in grouped.items()]}
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")


def per_intent_table(scores: dict, baseline: dict) -> str:
    lines = ["| intent | support | precision | recall | F1 | keyword baseline F1 |", "|---|---|---|---|---|---|"]
    for intent, row in scores["per_intent"].items():
        base = baseline["per_intent"].get(intent, {}).get("f1", 0.0)
        lines.append(f"| {intent} | {row['support']} | {row['precision']:.2f} | {row['recall']:.2f} | "
                     f"{row['f1']:.2f} | {base:.2f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "signpost.tar.gz")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--skip-cv", action="store_true", help="skip cross-validation (it trains k models)")
    parser.add_argument("--cv-only", type=Path, metavar="CONFIG",
                        help="only cross-validate this pipeline configuration (never touches the test sets): "
                             "how configurations are compared")
    parser.add_argument("--cv-folds-to-run", type=int, default=0, help="with --cv-only: run only the first N folds")
    parser.add_argument("--diet-member", type=int, metavar="POSITION",
                        help="score one DIET of a model that averages several (0 for the first) alone")
    args = parser.parse_args(argv)
    if args.diet_member is not None:
        score_one_diet(args.diet_member)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    from rasa.utils.log_utils import configure_structlog
    configure_structlog(logging.WARNING)  # otherwise Rasa prints every parsed message
    logging.disable(logging.WARNING)
    OUT.mkdir(parents=True, exist_ok=True)

    if args.cv_only:
        cv = cross_validate(args.folds, config=args.cv_only, only_folds=args.cv_folds_to_run)
        print(f"{args.cv_only}: cross-validation macro-F1 {cv['macro_f1_mean']:.3f} ± {cv['macro_f1_std']:.3f}, "
              f"fallback {cv['fallback_rate_mean']:.1%}, "
              f"with synthetic typos {cv['synthetic_typos_macro_f1_mean']:.3f}")
        for intent, row in sorted(cv["per_intent_pooled"].items(), key=lambda item: item[1]["f1"]):
            print(f"    {intent:<32} F1 {row['f1']:.2f}  precision {row['precision']:.2f}  "
                  f"recall {row['recall']:.2f}  ({row['support']})")
        return 0

    model = Parser(args.model)
    model_path = args.model.resolve()
    results: dict = {"model": str(model_path.relative_to(ROOT) if model_path.is_relative_to(ROOT) else model_path)}
    if args.diet_member is not None:
        check_diet_member(model, args.diet_member)
        results["diet_member"] = args.diet_member
    sets = {name: read_examples(SETS / f"{name}.yml") for name in ("test_set", "typos", "benign_alarming", "places")}

    print(f"{'set':<18}{'n':>6}{'macro-F1':>10}{'crisis recall':>15}{'false crisis':>14}   keyword baseline (F1 / recall / false)")
    for name in ("test_set", "typos", "benign_alarming"):
        examples = sets[name]
        gold = [e.intent for e in examples]
        predicted, guesses = model.intents_with_top_guess([e.text for e in examples])
        baseline_predicted = [keyword_intent(e.text) for e in examples]
        scores, baseline = intent_scores(gold, predicted), intent_scores(gold, baseline_predicted)
        scores["errors"] = [{"text": e.text, "gold": g, "predicted": p}
                            for e, g, p in zip(examples, gold, predicted) if g != p]
        without_fallback = intent_scores(gold, guesses)
        scores["fallback_rate"] = predicted.count("nlu_fallback") / len(predicted)
        scores["macro_f1_without_fallback"] = without_fallback["macro_f1"]
        results[name] = {"model": scores, "keyword_baseline": baseline}
        recall = "-" if scores["crisis_recall_escalated"] is None else f"{scores['crisis_recall_escalated']:.1%}"
        base_recall = "-" if baseline["crisis_recall_escalated"] is None else f"{baseline['crisis_recall_escalated']:.1%}"
        print(f"{name:<18}{scores['n']:>6}{scores['macro_f1']:>10.3f}{recall:>15}"
              f"{scores['false_escalation_rate']:>14.1%}   {baseline['macro_f1']:.3f} / {base_recall} / "
              f"{baseline['false_escalation_rate']:.1%}")
        print(f"{'':<18}{'':>6}   asked 'did you mean?' on {scores['fallback_rate']:.1%}; macro-F1 of the "
              f"classifier's best guess {without_fallback['macro_f1']:.3f}")
        if name != "benign_alarming":
            confusion_picture(gold, predicted, OUT / f"confusion_{name}.png", f"Intent confusion: {name}.yml")
            (OUT / f"intents_{name}.md").write_text(
                f"# Per-intent scores on tests/nlu/{name}.yml\n\nProduced by `make eval`.\n\n"
                + per_intent_table(scores, baseline) + "\n", encoding="utf-8")
        missed = [e for e in scores["errors"] if e["gold"] in CRISIS and e["predicted"] not in CRISIS]
        for item in missed:
            print(f"    MISSED CRISIS: {item['text']!r} -> {item['predicted']}")

    # Written after the safety-net phrases were last reviewed, by someone who saw neither
    # them nor the training data, and never read by the team: only counts are printed.
    sealed = read_examples(SETS / "sealed" / "crisis_sealed.yml")
    sealed_predicted = model.intents([e.text for e in sealed])
    sealed_scores = intent_scores([e.intent for e in sealed], sealed_predicted)
    results["sealed_crisis"] = {k: v for k, v in sealed_scores.items() if k != "per_intent"}
    print(f"{'sealed crisis set':<18}{sealed_scores['n']:>6}{sealed_scores['macro_f1']:>10.3f}"
          f"{sealed_scores['crisis_recall_escalated']:>15.1%}{sealed_scores['false_escalation_rate']:>14.1%}   "
          "(messages not shown: the set stays sealed)")

    clinc = read_clinc(SETS / "clinc150" / "test.jsonl")
    clinc_predicted = model.intents(clinc)
    escalated = [t for t, p in zip(clinc, clinc_predicted) if p in CRISIS]
    baseline_escalated = [t for t in clinc if keyword_intent(t) in CRISIS]
    results["clinc150_test"] = {"n": len(clinc), "false_escalation_rate": len(escalated) / len(clinc),
                                "escalated": escalated,
                                "keyword_baseline_false_escalation_rate": len(baseline_escalated) / len(clinc)}
    print(f"{'clinc150 test':<18}{len(clinc):>6}{'':>10}{'':>15}{len(escalated) / len(clinc):>14.2%}   "
          f"keyword baseline false crisis {len(baseline_escalated) / len(clinc):.2%}")

    places = sets["places"]
    predicted_spans = [location_spans(model.parse(example.text)) for example in places]
    from services_directory.files import read_data_dir
    names = [n for area in read_data_dir().areas for n in [area.name, *area.aliases]]
    entities = entity_scores(places, predicted_spans)
    baseline_entities = entity_scores(places, [keyword_location_spans(e.text, names) for e in places])
    results["places"] = {"model": entities, "keyword_baseline": baseline_entities}
    print(f"location entity F1 on places.yml ({entities['gold']} places): {entities['f1']:.3f} "
          f"(precision {entities['precision']:.3f}, recall {entities['recall']:.3f}); "
          f"exact-name baseline {baseline_entities['f1']:.3f}")

    if not args.skip_cv:
        print(f"{args.folds}-fold cross-validation on data/nlu (trains {args.folds} models):")
        results["cross_validation"] = cross_validate(args.folds)
        cv = results["cross_validation"]
        print(f"cross-validation macro-F1: {cv['macro_f1_mean']:.3f} ± {cv['macro_f1_std']:.3f}; "
              f"held-out folds with synthetic typos: {cv['synthetic_typos_macro_f1_mean']:.3f}")

    (OUT / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"Wrote {OUT.relative_to(ROOT)}/results.json, confusion matrices and per-intent tables.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

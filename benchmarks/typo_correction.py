"""How well TypoCorrector reads misspelt words, measured without the evaluation sets.

    .venv/bin/python -m benchmarks.typo_correction [--samples 4000]

It builds the corrector's vocabulary from data/nlu exactly as training does (minus
spaCy's tokenizer: a plain word split is close enough for a word-level check), then:
- misspells words drawn from the training messages (in proportion to how often they are
  used) with the slips people make on phone keyboards, and counts how many come back as
  the intended word, how many are left alone, and how many become a different word;
- feeds it correctly spelt everyday English it has never seen (the CLINC150 *train*
  queries' words that are not in the vocabulary) and counts how many it changes, and how
  many of those become a word typical of the crisis examples (the dangerous kind).
Prints numbers; it does not pass or fail anything.
"""
import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

from benchmarks.nlu_eval import read_examples
from benchmarks.synthetic_typos import misspell
from bot.components.spelling import TypoCorrector, Vocabulary

ROOT = Path(__file__).resolve().parent.parent
# The train split only (the test split is an evaluation set); it lives beside the repo.
CLINC_TRAIN = ROOT.parent / "shared" / "reference" / "clinc150" / "train.jsonl"
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")

def training_vocabulary(min_count: int) -> Counter:
    counts: Counter = Counter()
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for example in read_examples(path):
            counts.update(w.lower() for w in WORD.findall(example.text))
    return Counter({w: n for w, n in counts.items() if n >= min_count})


def crisis_vocabulary() -> set:
    """Words used at least 3 times in the crisis examples and 3 times more there than in
    all the other training examples put together."""
    crisis, other = Counter(), Counter()
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for example in read_examples(path):
            words = (w.lower() for w in WORD.findall(example.text))
            (crisis if example.intent.startswith("crisis_") else other).update(words)
    return {w for w, n in crisis.items() if n >= 3 and n > 3 * other[w]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=20261125)
    args = parser.parse_args(argv)
    config = TypoCorrector.get_default_config()
    counts = training_vocabulary(config["min_count"])
    vocabulary = Vocabulary(dict(counts), config["min_length"], config["two_slips_from"])
    rng = random.Random(args.seed)

    # Misspelt training words, as often as they are used, long enough to be corrected.
    words = [w for w, n in counts.items() if len(w) >= config["min_length"] and w.isalpha() for _ in range(n)]
    outcome = Counter()
    for _ in range(args.samples):
        word = rng.choice(words)
        typo = misspell(word, rng)
        if typo == word or typo in counts:
            outcome["slip made another known word (not counted)"] += 1
            continue
        corrected = vocabulary.correct(typo)
        outcome["restored" if corrected == word else "left as typed" if corrected is None else "wrong word"] += 1
    counted = sum(v for k, v in outcome.items() if "not counted" not in k)
    print(f"misspelt training words ({counted} counted, seed {args.seed}):")
    for key in ("restored", "left as typed", "wrong word"):
        print(f"  {key:<15}{outcome[key]:>6}  {outcome[key] / counted:6.1%}")

    # Correct English the assistant has not seen: it should be left alone.
    unseen = Counter()
    if CLINC_TRAIN.exists():
        for line in CLINC_TRAIN.read_text(encoding="utf-8").splitlines():
            for word in WORD.findall(json.loads(line)["text"]):
                word = word.lower()
                if word not in counts and word.isalpha() and len(word) >= config["min_length"]:
                    unseen[word] += 1
        changed = {w: vocabulary.correct(w) for w in unseen}
        changed = {w: c for w, c in changed.items() if c}
        print(f"unseen correctly spelt words (CLINC150 train): {len(unseen)}; "
              f"changed into a training word: {len(changed)} ({len(changed) / len(unseen):.1%})")
        print("  e.g. " + ", ".join(f"{w}->{c}" for w, c in sorted(changed.items())[:25]))
        # The dangerous kind: a harmless word read as a word of the crisis examples.
        crisis_words = crisis_vocabulary()
        into_crisis = sorted(f"{w}->{c}" for w, c in changed.items() if c in crisis_words)
        print(f"  changed into a crisis word ({len(crisis_words)} words typical of the crisis examples): "
              f"{len(into_crisis)} {into_crisis[:25]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

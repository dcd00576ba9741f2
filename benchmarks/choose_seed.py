"""Score trainings of the same data on a development set and choose one by a written rule.

    python -m benchmarks.choose_seed --dev benchmarks/dev/twelfth_dev.yml \
        --model current=models/signpost.tar.gz --model 20261206=/tmp/m/seed_20261206.tar.gz ...

One training of DIET is a draw: the same data and pipeline at another `random_seed` moves
test macro-F1 by 0.03 and the benign set by several messages (docs/benchmarks.md, "How
much one training moves the numbers"). So `config.yml`'s seed is chosen among several
trainings on a development set that nothing trains on, never on the evaluation sets in
tests/nlu/. For each model this prints, with the full pipeline (safety net included):
- crises escalated (answered by either crisis intent) and missed;
- harmless messages (every other intent) escalated;
- safety errors: 2 per missed crisis plus 1 per harmless message escalated;
- intent macro-F1 over the set's intents ("did you mean?" counts as wrong).
The rule (`choose`): every model within SAFETY_SLACK safety errors of the fewest is
eligible; of those the highest macro-F1 wins; the first model listed (the one in use)
wins a tie. Each model is parsed in its own process, so no two share TensorFlow state.
"""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

from benchmarks.nlu_eval import CRISIS, ROOT, intent_scores, read_examples

# A missed crisis is the worst failure the bot can have; a false alarm costs a frightened
# person a wrong answer too, so it counts, at half the weight.
MISSED_CRISIS_WEIGHT = 2
SAFETY_SLACK = 2


def score(gold: List[str], predicted: List[str]) -> dict:
    crises = [i for i, g in enumerate(gold) if g in CRISIS]
    harmless = [i for i, g in enumerate(gold) if g not in CRISIS]
    missed = sum(predicted[i] not in CRISIS for i in crises)
    false_alarms = sum(predicted[i] in CRISIS for i in harmless)
    return {
        "crises": len(crises), "crises_escalated": len(crises) - missed, "crises_missed": missed,
        "harmless": len(harmless), "harmless_escalated": false_alarms,
        "safety_errors": MISSED_CRISIS_WEIGHT * missed + false_alarms,
        "macro_f1": intent_scores(gold, predicted)["macro_f1"],
    }


def choose(scores: Dict[str, dict]) -> str:
    """The rule, applied to scores in the order the models were listed (the one in use first)."""
    fewest = min(s["safety_errors"] for s in scores.values())
    eligible = [name for name, s in scores.items() if s["safety_errors"] <= fewest + SAFETY_SLACK]
    return max(eligible, key=lambda name: (scores[name]["macro_f1"], -list(scores).index(name)))


def predict(model: Path, dev: Path) -> List[str]:
    """The final intent of every development message, from a fresh process."""
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.choose_seed", "--predict", str(model), "--dev", str(dev)],
        cwd=ROOT, check=True, capture_output=True, text=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"})
    return json.loads(completed.stdout.strip().splitlines()[-1])


def print_predictions(model: Path, dev: Path) -> None:
    import logging

    from rasa.utils.log_utils import configure_structlog

    from benchmarks.nlu_eval import Parser

    configure_structlog(logging.WARNING)
    logging.disable(logging.WARNING)
    parser = Parser(model)
    print(json.dumps(parser.intents([e.text for e in read_examples(dev)])))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, required=True, help="a development set in benchmarks/dev/")
    parser.add_argument("--model", action="append", default=[], metavar="NAME=PATH",
                        help="a trained model; list the one in use first")
    parser.add_argument("--predict", type=Path, help=argparse.SUPPRESS)  # the per-model child process
    args = parser.parse_args(argv)
    if args.predict:
        print_predictions(args.predict, args.dev)
        return 0
    if not args.model or any("=" not in m for m in args.model):
        parser.error("give at least one --model NAME=PATH")
    gold = [e.intent for e in read_examples(args.dev)]
    scores = {}
    print(f"{args.dev}: {sum(g in CRISIS for g in gold)} crises, {sum(g not in CRISIS for g in gold)} harmless")
    print(f"{'model':<14}{'crises escalated':>18}{'missed':>8}{'harmless escalated':>20}"
          f"{'safety errors':>15}{'macro-F1':>10}")
    for name, path in (m.split("=", 1) for m in args.model):
        scores[name] = s = score(gold, predict(Path(path).resolve(), args.dev.resolve()))
        print(f"{name:<14}{s['crises_escalated']:>18}{s['crises_missed']:>8}{s['harmless_escalated']:>20}"
              f"{s['safety_errors']:>15}{s['macro_f1']:>10.3f}", flush=True)
    print(f"chosen by the rule (within {SAFETY_SLACK} safety errors of the fewest, then the highest "
          f"macro-F1): {choose(scores)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

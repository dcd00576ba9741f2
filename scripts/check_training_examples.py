"""Check new NLU training examples before they go into data/nlu/, without showing the
evaluation sets to whoever wrote them.

    .venv/bin/python scripts/check_training_examples.py data/nlu/new_batch.yml
    .venv/bin/python scripts/check_training_examples.py --held-out benchmarks/dev/new_set.yml

It reports, by line number in the candidate file:
- intents that are not in domain.yml (the contract's, and the few added alongside);
- lines that repeat an existing training example, or another line of the file;
- lines too close to a held-out evaluation message (the same character-trigram test as
  tests/test_nlu_datasets.py). The held-out message itself is never printed, so the
  writer rewrites their own line in their own words, and the evaluation stays honest.
With --held-out the file is a new development or evaluation set, which must also stay
clear of the training data: lines too close to a training example are reported too.
Exit status 1 if anything needs fixing.
"""
import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.nlu_eval import read_examples  # noqa: E402
from bot.components.crisis_or_not import read_crisis_or_not_folder  # noqa: E402
from benchmarks.near_duplicates import first_near_duplicates  # noqa: E402

# The development sets are held out too: they measure training changes before the
# evaluation sets are looked at, which only works if nothing is trained on them (spent
# sets move to data/crisis_or_not/, where only the crisis-or-not check learns from them).
HELD_OUT = [ROOT / "tests" / "nlu" / name for name in
            ("test_set.yml", "typos.yml", "benign_alarming.yml", "places.yml", "sealed/crisis_sealed.yml")
            ] + sorted((ROOT / "benchmarks" / "dev").glob("*.yml"))


def domain_intents():
    """The contract's intents plus the few the domain adds alongside them."""
    return set(yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"]) - {"nlu_fallback"}


def normalised(text):
    return " ".join(text.lower().split())


def problems(candidate: Path, held_out_candidate: bool = False):
    examples = read_examples(candidate)
    lines = [i for i, line in enumerate(candidate.read_text(encoding="utf-8").splitlines(), 1)
             if line.strip().startswith("- ") and not line.strip().startswith("- intent:")]
    if len(lines) != len(examples):  # keep line numbers honest if the layout is unusual
        lines = [None] * len(examples)
    intents = domain_intents()
    existing = {normalised(e.text) for p in sorted((ROOT / "data" / "nlu").glob("*.yml"))
                if p.resolve() != candidate.resolve() for e in read_examples(p)}
    held_out = [e.text for p in HELD_OUT if p.exists() and p.resolve() != candidate.resolve()
                for e in read_examples(p)]
    # The crisis-or-not check's own training data counts as training data for a held-out set.
    training = (sorted(existing) + [text for text, _ in read_crisis_or_not_folder(ROOT / "data" / "crisis_or_not")]
                if held_out_candidate else [])
    texts = [example.text for example in examples]
    close_to_held_out = first_near_duplicates(texts, held_out)
    close_to_training = first_near_duplicates(texts, training)
    seen = set()
    for line, example, held_out_twin, training_twin in zip(lines, examples, close_to_held_out, close_to_training):
        where = f"line {line}" if line else repr(example.text)
        key = normalised(example.text)
        if example.intent not in intents:
            yield f"{where}: intent {example.intent!r} is not in domain.yml"
        if key in existing:
            yield f"{where}: already a training example"
        elif key in seen:
            yield f"{where}: repeated in this file"
        seen.add(key)
        if held_out_twin is not None:
            yield f"{where}: too close to a held-out evaluation message; rewrite it in other words"
        if held_out_candidate and key not in existing and training_twin is not None:
            yield f"{where}: too close to a training example; a held-out line must be new"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--held-out", action="store_true",
                        help="the files are new development or evaluation sets: keep them clear of training data too")
    args = parser.parse_args()
    found = 0
    for path in args.files:
        for problem in problems(path, args.held_out):
            print(f"{path}: {problem}")
            found += 1
        print(f"{path}: {len(read_examples(path))} examples checked")
    print(f"{found} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

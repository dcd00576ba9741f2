"""The NLU data itself: enough hand-written examples, and held-out evaluation sets that
really are held out (no near-duplicates of training examples)."""
import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.near_duplicates import NEAR_DUPLICATE, near_duplicates, trigrams
from benchmarks.nlu_eval import read_examples
from bot.components.crisis_or_not import read_crisis_or_not_folder

ROOT = Path(__file__).resolve().parent.parent
TRAINING = [e for p in sorted((ROOT / "data" / "nlu").glob("*.yml")) if not p.name.startswith("generated_")
            for e in read_examples(p)]
# The spent development sets the crisis-or-not check alone learns from (config.yml).
CHECK_TRAINING = [text for text, _ in read_crisis_or_not_folder(ROOT / "data" / "crisis_or_not")]
SETS = {name: read_examples(ROOT / "tests" / "nlu" / f"{name}.yml")
        for name in ("test_set", "typos", "benign_alarming", "places")}
# Every held-out evaluation message, the sealed crisis set included (its messages are never shown).
HELD_OUT = ([e.text for examples in SETS.values() for e in examples]
            + [e.text for e in read_examples(ROOT / "tests" / "nlu" / "sealed" / "crisis_sealed.yml")])
CONTRACT = (ROOT / "docs" / "contract" / "CONCERNS.md").read_text(encoding="utf-8").split("## Entities")[0]
CONTRACT_INTENTS = re.findall(r"^\| `([a-z_]+)` \|", CONTRACT, flags=re.MULTILINE)
CRISIS = ("crisis_immediate_danger", "crisis_suicide_self_harm")


def test_every_contract_intent_has_training_examples():
    counts = Counter(e.intent for e in TRAINING)
    for intent in CONTRACT_INTENTS:
        if intent == "nlu_fallback":
            continue  # set by the FallbackClassifier, never trained
        minimum = 25 if intent.startswith(("concern_", "crisis_")) else 10
        assert counts[intent] >= minimum, f"{intent} has {counts[intent]} examples"


def test_no_training_example_is_repeated():
    counts = Counter(" ".join(e.text.lower().split()) for e in TRAINING)
    assert [t for t, n in counts.items() if n > 1] == []


def test_test_set_sizes():
    counts = Counter(e.intent for e in SETS["test_set"])
    for intent in CONTRACT_INTENTS:
        if intent.startswith("concern_"):
            assert counts[intent] >= 20, intent
        if intent.startswith("crisis_"):
            assert counts[intent] >= 60, intent
    assert len(SETS["benign_alarming"]) >= 150
    assert not [e for e in SETS["benign_alarming"] if e.intent in CRISIS]
    assert sum(len(e.locations) for e in SETS["places"]) >= 100


def test_typo_set_mirrors_the_test_set():
    assert [e.intent for e in SETS["typos"]] == [e.intent for e in SETS["test_set"]]
    changed = sum(a.text != b.text for a, b in zip(SETS["typos"], SETS["test_set"]))
    assert changed == len(SETS["test_set"])


def test_near_duplicates_finds_a_reworded_copy_of_any_length_and_nothing_else():
    """The size shortcut must not hide a clash: the same pairs as comparing every text
    with every other."""
    others = ["where is my nearest food bank", "I'm worried my neighbour is being scammed by a caller",
              "my partner checks my phone every night and I feel scared", "bins"]
    texts = ["where is my nearest foodbank", "my partner checks my phone every night and i feel so scared",
             "how do I pay my council tax", "bins!"]
    assert near_duplicates(texts, others) == [
        ("where is my nearest foodbank", "where is my nearest food bank"),
        ("my partner checks my phone every night and i feel so scared",
         "my partner checks my phone every night and I feel scared"),
        ("bins!", "bins"),
    ]


def test_near_duplicates_agrees_with_comparing_every_pair_on_real_data():
    """The matrix shortcut must give exactly what comparing each pair in turn gives,
    including which other is first. Half the texts are lightly edited training examples,
    so there are clashes to find."""
    others = [e.text for e in TRAINING[::7]]
    texts = [e.text for e in SETS["test_set"][:150]] + [text[:-2] + "!!" for text in others[::12]] + ["", "ok"]

    others_grams = [trigrams(other) for other in others]

    def first_by_pairs(text):
        grams = trigrams(text)
        for other, other_grams in zip(others, others_grams):
            if len(grams & other_grams) / len(grams | other_grams) >= NEAR_DUPLICATE:
                return (text, other)
        return None

    expected = [pair for pair in map(first_by_pairs, texts) if pair]
    assert len(expected) > 50
    assert near_duplicates(texts, others) == expected
    assert near_duplicates([], others) == [] and near_duplicates(texts, []) == []


# places.yml is left out on purpose: it measures the gazetteer-built entity ruler, which
# learns nothing from training examples, and a bare place name ("Taunton") is in both.
@pytest.mark.parametrize("name", ["test_set", "typos", "benign_alarming"])
def test_evaluation_sets_hold_no_near_duplicates_of_training_examples(name):
    clashes = near_duplicates([e.text for e in SETS[name]], [e.text for e in TRAINING])
    assert clashes == [], f"{len(clashes)} near-duplicates, e.g. {clashes[:5]}"


def test_training_examples_stay_apart_from_the_development_set():
    """benchmarks/dev/ measures a training change before anyone looks at the evaluation
    sets; a training example (the crisis-or-not check's included) close to a development
    line would flatter that measure."""
    development = [e.text for p in sorted((ROOT / "benchmarks" / "dev").glob("*.yml")) for e in read_examples(p)]
    clashes = near_duplicates([e.text for e in TRAINING] + CHECK_TRAINING, development)
    assert clashes == [], f"{len(clashes)} training examples too close to development lines: {clashes[:5]}"


def test_the_development_set_stays_apart_from_the_evaluation_sets():
    """benchmarks/dev/ tunes the safety net's second opinion; it must not leak the
    evaluation sets (the sealed one included) into that tuning. Only the development
    line is shown, never the held-out message."""
    development = [e.text for p in sorted((ROOT / "benchmarks" / "dev").glob("*.yml")) for e in read_examples(p)]
    clashes = [text for text, _ in near_duplicates(development, HELD_OUT)]
    assert clashes == [], f"{len(clashes)} development lines too close to a held-out message: {clashes[:5]}"


def test_the_crisis_or_not_training_data_stays_apart_from_the_evaluation_sets():
    """The spent development sets in data/crisis_or_not/ train the crisis-or-not check, so
    like any training data they must hold nothing close to an evaluation message. Only
    the training line is shown."""
    assert len(CHECK_TRAINING) > 2000  # all five spent sets are read
    clashes = [text for text, _ in near_duplicates(CHECK_TRAINING, HELD_OUT)]
    assert clashes == [], f"{len(clashes)} crisis-or-not training lines too close to a held-out message: {clashes[:5]}"

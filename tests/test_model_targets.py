"""The trained model against issue 6's understanding and safety targets.

The same evaluation sets `make eval` scores (tests/nlu/, never trained on), parsed by the
model `make` trained, in-process with the full NLU pipeline (safety net included). A change
to the data, the pipeline or the seed that costs a target fails here, not only in a
benchmark someone has to remember to run. docs/benchmarks.md records the figures; the
sealed set and CLINC150 stay with the benchmark (`python -m benchmarks.nlu_eval`).
"""
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.nlu_eval import CRISIS, SETS, Parser, entity_scores, intent_scores, location_spans, read_examples
from bot.stack import MODEL

# Issue 6's targets.
TEST_SET_MACRO_F1 = 0.92
TYPOS_MACRO_F1 = 0.85
BENIGN_CLASSED_CRISIS_AT_MOST = 0.01
LOCATION_F1 = 0.95


def parse_all(sets):
    model = Parser(MODEL)
    return {name: [model.parse(example.text) for example in examples] for name, examples in sets.items()}


@pytest.fixture(scope="module")
def scored():
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` (make test does it for you).")
    sets = {name: read_examples(SETS / f"{name}.yml") for name in ("test_set", "typos", "benign_alarming", "places")}
    # In a thread of its own: the browser tests keep an event loop running on this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        parses = pool.submit(parse_all, sets).result()
    return sets, parses


def intents(scored, name):
    sets, parses = scored
    return [e.intent for e in sets[name]], [p["intent"]["name"] for p in parses[name]], [e.text for e in sets[name]]


def test_every_crisis_in_the_test_set_is_escalated(scored):
    gold, predicted, texts = intents(scored, "test_set")
    missed = [(t, p) for t, g, p in zip(texts, gold, predicted) if g in CRISIS and p not in CRISIS]
    assert sum(g in CRISIS for g in gold) >= 120
    assert not missed, f"crises not escalated: {missed}"


@pytest.mark.parametrize("name, target", [("test_set", TEST_SET_MACRO_F1), ("typos", TYPOS_MACRO_F1)])
def test_intent_macro_f1_meets_its_target(scored, name, target):
    gold, predicted, _ = intents(scored, name)
    assert intent_scores(gold, predicted)["macro_f1"] >= target


def test_at_most_one_percent_of_the_benign_set_is_classed_as_crisis(scored):
    _, predicted, texts = intents(scored, "benign_alarming")
    escalated = [t for t, p in zip(texts, predicted) if p in CRISIS]
    assert len(escalated) <= BENIGN_CLASSED_CRISIS_AT_MOST * len(texts), f"harmless messages escalated: {escalated}"


def test_location_entity_f1_meets_its_target(scored):
    sets, parses = scored
    spans = [location_spans(parse) for parse in parses["places"]]
    assert entity_scores(sets["places"], spans)["f1"] >= LOCATION_F1

"""The custom Rasa graph components, built the way Rasa builds them (real
LocalModelStorage, Resource and ExecutionContext; nothing of Rasa mocked)."""
import os

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.model_data import FeatureSignature
from rasa.utils.tensorflow.rasa_layers import RasaFeatureCombiningLayer

from bot.components.channel_metadata import ChannelMetadataEntities
from bot.components.crisis_or_not import CRISIS_OR_NOT_KEY, CrisisOrNotClassifier
from bot.components.safety_net import (CRISIS_OR_NOT_AT_LEAST, CRISIS_OR_NOT_BELOW, SECOND_OPINION_BELOW,
                                      CrisisSafetyNet)
from bot.components.sentence_features import SentenceFeaturesOnly


@pytest.fixture
def model_storage(tmp_path):
    return LocalModelStorage(tmp_path)


@pytest.fixture
def context():
    return ExecutionContext(GraphSchema({}), "test-model")


def build(component_class, model_storage, context):
    return component_class.create(component_class.get_default_config(), model_storage,
                                  Resource(component_class.__name__), context)


def message(text, intent, confidence=0.9, ranking=None, metadata=None, entities=None):
    data = {TEXT: text, INTENT: {"name": intent, "confidence": confidence},
            INTENT_RANKING_KEY: ranking or [{"name": intent, "confidence": confidence}]}
    if metadata is not None:
        data["metadata"] = metadata
    if entities is not None:
        data[ENTITIES] = entities
    return Message(data=data)


# --- CrisisSafetyNet ------------------------------------------------------------------------
def test_safety_net_overrides_a_missed_crisis_with_full_confidence(model_storage, context):
    net = build(CrisisSafetyNet, model_storage, context)
    parsed = message("my mate said he wants to kill himself", "concern_mental_health", 0.8,
                     [{"name": "concern_mental_health", "confidence": 0.8},
                      {"name": "crisis_suicide_self_harm", "confidence": 0.15}])
    [result] = net.process([parsed])
    assert result.get(INTENT) == {"name": "crisis_suicide_self_harm", "confidence": 1.0}
    ranking = result.get(INTENT_RANKING_KEY)
    assert ranking[0] == {"name": "crisis_suicide_self_harm", "confidence": 1.0}
    assert [r["name"] for r in ranking].count("crisis_suicide_self_harm") == 1
    why = result.get("safety_net")
    assert why["fired"] and why["overrode"] and why["pattern"] == "kill-self"
    assert why["model_intent"] == "concern_mental_health"
    assert "safety_net" in result.as_dict(only_output_properties=True)


def test_safety_net_beats_the_fallback_classifier(model_storage, context):
    net = build(CrisisSafetyNet, model_storage, context)
    parsed = message("he's outside with a knife", "nlu_fallback", 0.55,
                     [{"name": "nlu_fallback", "confidence": 0.55}, {"name": "concern_exploitation", "confidence": 0.4}])
    [result] = net.process([parsed])
    assert result.get(INTENT)["name"] == "crisis_immediate_danger"
    assert result.get(INTENT_RANKING_KEY)[0]["name"] == "crisis_immediate_danger"


def test_safety_net_does_not_turn_an_unsure_guess_into_a_crisis(model_storage, context):
    """Restoring a crisis the fallback hid was tried and measured: on ordinary questions
    the model's unsure best guess is often a crisis class, so it escalated far too many
    ordinary messages (docs/benchmarks.md). A crisis needs a reviewed phrase or a
    confident model."""
    net = build(CrisisSafetyNet, model_storage, context)
    parsed = message("how many pounds are in ten kilos", "nlu_fallback", 0.55,
                     [{"name": "nlu_fallback", "confidence": 0.55},
                      {"name": "crisis_suicide_self_harm", "confidence": 0.41}])
    [result] = net.process([parsed])
    assert result.get(INTENT)["name"] == "nlu_fallback"
    assert result.get("safety_net")["overrode"] is False


def test_safety_net_keeps_a_crisis_the_model_found_when_anything_alarming_is_left(model_storage, context):
    net = build(CrisisSafetyNet, model_storage, context)
    parsed = message("I'm not suicidal, I just can't see the point any more", "crisis_suicide_self_harm", 0.7)
    [result] = net.process([parsed])
    assert result.get(INTENT) == {"name": "crisis_suicide_self_harm", "confidence": 0.7}
    assert result.get("safety_net")["overrode"] is False


def test_second_opinion_asks_did_you_mean_when_only_the_model_was_alarmed(model_storage, context):
    net = build(CrisisSafetyNet, model_storage, context)
    unsure = SECOND_OPINION_BELOW - 0.05
    parsed = message("my phone is dead", "crisis_immediate_danger", unsure,
                     [{"name": "crisis_immediate_danger", "confidence": unsure},
                      {"name": "out_of_scope", "confidence": 0.02}])
    [result] = net.process([parsed])
    assert result.get(INTENT)["name"] == "nlu_fallback"
    # The crisis stays the first choice the "did you mean?" question offers.
    assert [r["name"] for r in result.get(INTENT_RANKING_KEY)] == [
        "nlu_fallback", "crisis_immediate_danger", "out_of_scope"]
    why = result.get("safety_net")
    assert why["second_opinion"]["accounted_for"][0]["everyday_use"] == "device, plant or pet is dead"
    assert why["model_intent"] == "crisis_immediate_danger" and why["model_confidence"] == unsure


def test_second_opinion_leaves_a_sure_model_and_a_phrase_alone(model_storage, context):
    net = build(CrisisSafetyNet, model_storage, context)
    sure = message("my phone is dead", "crisis_immediate_danger", SECOND_OPINION_BELOW + 0.001)
    phrase = message("my phone is dead and he's got a knife to my throat", "crisis_immediate_danger", 0.3)
    for result in net.process([sure, phrase]):
        assert result.get(INTENT)["name"] == "crisis_immediate_danger"
        assert result.get("safety_net")["second_opinion"] is None


def test_second_opinion_can_be_turned_off(model_storage, context):
    net = CrisisSafetyNet.create({"second_opinion_below": 0}, model_storage, Resource("net"), context)
    [result] = net.process([message("my phone is dead", "crisis_immediate_danger", 0.3)])
    assert result.get(INTENT)["name"] == "crisis_immediate_danger"


def checked(text, intent, confidence, crisis_probability):
    parsed = message(text, intent, confidence, [{"name": intent, "confidence": confidence},
                                                {"name": "concern_mental_health", "confidence": 0.05}])
    parsed.set(CRISIS_OR_NOT_KEY, {"crisis_probability": crisis_probability})
    return parsed


def test_crisis_or_not_disagreeing_turns_a_model_only_crisis_into_did_you_mean(model_storage, context):
    net = build(CrisisSafetyNet, model_storage, context)
    # Sure model, no everyday use to explain it away: only the crisis check doubts it.
    [result] = net.process([checked("the whole team got slaughtered", "crisis_immediate_danger", 0.99,
                                    CRISIS_OR_NOT_BELOW / 2)])
    assert result.get(INTENT)["name"] == "nlu_fallback"
    assert [r["name"] for r in result.get(INTENT_RANKING_KEY)][:2] == ["nlu_fallback", "crisis_immediate_danger"]
    assert result.get("safety_net")["second_opinion"] == {
        "crisis_or_not": {"crisis_probability": CRISIS_OR_NOT_BELOW / 2, "below": CRISIS_OR_NOT_BELOW}}


def test_crisis_or_not_agreeing_or_absent_keeps_the_model_crisis(model_storage, context):
    net = build(CrisisSafetyNet, model_storage, context)
    agreeing = checked("the whole team got slaughtered", "crisis_immediate_danger", 0.99, CRISIS_OR_NOT_BELOW)
    absent = message("the whole team got slaughtered", "crisis_immediate_danger", 0.99)
    for result in net.process([agreeing, absent]):
        assert result.get(INTENT)["name"] == "crisis_immediate_danger"
        assert result.get("safety_net")["second_opinion"] is None


def test_crisis_or_not_never_lowers_a_crisis_the_phrases_found(model_storage, context):
    net = build(CrisisSafetyNet, model_storage, context)
    for intent in ("crisis_suicide_self_harm", "concern_mental_health"):
        [result] = net.process([checked("I want to kill myself", intent, 0.9, 0.0)])
        assert result.get(INTENT)["name"] == "crisis_suicide_self_harm"
        assert result.get("safety_net")["second_opinion"] is None


def missed(text, crisis_probability, ranking):
    parsed = message(text, ranking[0]["name"], ranking[0]["confidence"], ranking)
    parsed.set(CRISIS_OR_NOT_KEY, {"crisis_probability": crisis_probability})
    return parsed


ANSWERED_AS_DEBT = [{"name": "concern_money_debt", "confidence": 0.9},
                    {"name": "concern_mental_health", "confidence": 0.06},
                    {"name": "crisis_suicide_self_harm", "confidence": 0.03},
                    {"name": "crisis_immediate_danger", "confidence": 0.01}]


def test_crisis_or_not_sure_of_a_crisis_the_model_missed_offers_the_crisis_first(model_storage, context):
    """The two models disagree the other way: ask, with the model's likelier crisis first
    and its own answer still offered."""
    net = build(CrisisSafetyNet, model_storage, context)
    [result] = net.process([missed("it won't matter about the arrears, the letters are written and I'm "
                                   "going somewhere high tonight", CRISIS_OR_NOT_AT_LEAST, ANSWERED_AS_DEBT)])
    assert result.get(INTENT)["name"] == "nlu_fallback"
    assert [r["name"] for r in result.get(INTENT_RANKING_KEY)][:3] == [
        "nlu_fallback", "crisis_suicide_self_harm", "concern_money_debt"]
    assert result.get("safety_net")["second_opinion"] == {
        "crisis_or_not": {"crisis_probability": CRISIS_OR_NOT_AT_LEAST, "at_least": CRISIS_OR_NOT_AT_LEAST}}
    assert result.get("safety_net")["model_intent"] == "concern_money_debt"


def test_crisis_or_not_offers_the_danger_route_when_the_model_ranked_no_crisis(model_storage, context):
    net = build(CrisisSafetyNet, model_storage, context)
    [result] = net.process([missed("the balcony's come away from the wall with the family still on it", 0.9,
                                   [{"name": "concern_antisocial_behaviour", "confidence": 0.8},
                                    {"name": "out_of_scope", "confidence": 0.2}])])
    assert [r["name"] for r in result.get(INTENT_RANKING_KEY)] == [
        "nlu_fallback", "crisis_immediate_danger", "concern_antisocial_behaviour", "out_of_scope"]


def test_crisis_or_not_below_its_threshold_or_absent_leaves_the_model_answer(model_storage, context):
    net = build(CrisisSafetyNet, model_storage, context)
    unsure = missed("the arrears letters keep coming", CRISIS_OR_NOT_AT_LEAST - 0.01, ANSWERED_AS_DEBT)
    absent = message("the arrears letters keep coming", "concern_money_debt", 0.9, ANSWERED_AS_DEBT)
    for result in net.process([unsure, absent]):
        assert result.get(INTENT) == {"name": "concern_money_debt", "confidence": 0.9}
        assert result.get("safety_net")["second_opinion"] is None


def test_crisis_or_not_offering_the_crisis_can_be_turned_off(model_storage, context):
    net = CrisisSafetyNet.create({"crisis_or_not_at_least": 0}, model_storage, Resource("net"), context)
    [result] = net.process([missed("the arrears letters keep coming", 0.99, ANSWERED_AS_DEBT)])
    assert result.get(INTENT)["name"] == "concern_money_debt"


def test_crisis_or_not_can_be_turned_off(model_storage, context):
    net = CrisisSafetyNet.create({"crisis_or_not_below": 0}, model_storage, Resource("net"), context)
    [result] = net.process([checked("the whole team got slaughtered", "crisis_immediate_danger", 0.99, 0.0)])
    assert result.get(INTENT)["name"] == "crisis_immediate_danger"


def test_safety_net_ignores_ordinary_messages_and_empty_text(model_storage, context):
    net = build(CrisisSafetyNet, model_storage, context)
    ordinary = message("when do the bins get collected", "out_of_scope", 0.95)
    empty = Message(data={TEXT: ""})
    results = net.process([ordinary, empty])
    assert results[0].get(INTENT) == {"name": "out_of_scope", "confidence": 0.95}
    assert results[0].get("safety_net")["fired"] is False
    assert results[1].get("safety_net") is None


# --- ChannelMetadataEntities ---------------------------------------------------------------------
def test_mode_from_metadata_becomes_an_entity(model_storage, context):
    component = build(ChannelMetadataEntities, model_storage, context)
    [result] = component.process([message("hello", "greet", metadata={"mode": "handler"})])
    assert {"entity": "mode", "value": "handler"}.items() <= result.get(ENTITIES)[0].items()


def test_unknown_mode_and_missing_metadata_add_nothing(model_storage, context):
    component = build(ChannelMetadataEntities, model_storage, context)
    results = component.process([message("hello", "greet", metadata={"mode": "admin"}),
                                 message("hello", "greet")])
    assert not results[0].get(ENTITIES)
    assert not results[1].get(ENTITIES)


def test_kiosk_place_is_used_only_when_the_person_named_no_place(model_storage, context):
    component = build(ChannelMetadataEntities, model_storage, context)
    typed = [{"entity": "location", "value": "Dereham", "start": 10, "end": 17}]
    results = component.process([
        message("I'm lonely", "concern_loneliness", metadata={"mode": "kiosk", "place": "Thetford"}),
        message("I live in Dereham", "inform_location", metadata={"mode": "kiosk", "place": "Thetford"},
                entities=typed),
        message("I'm lonely", "concern_loneliness", metadata={"mode": "web", "place": "Thetford"}),
        message("I'm lonely", "concern_loneliness", metadata={"mode": "kiosk", "place": "x" * 200}),
    ])
    locations = [[e["value"] for e in r.get(ENTITIES) if e["entity"] == "location"] for r in results]
    assert locations == [["Thetford"], ["Dereham"], [], []]


# --- TypoCorrector -------------------------------------------------------------------------------
def test_typo_corrector_learns_the_training_words_and_fixes_slips(model_storage, context):
    from rasa.nlu.constants import TOKENS_NAMES
    from bot.components.spelling import TypoCorrector

    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    training = TrainingData([Message(data={TEXT: t, INTENT: "x"}) for t in
                             ["I feel so lonely", "my husband is controlling", "I have been scammed",
                              "lonely and isolated", "he took my passport"]])
    tokenizer.process_training_data(training)
    resource = Resource("TypoCorrector")
    corrector = TypoCorrector.create(TypoCorrector.get_default_config(), model_storage, resource, context)
    corrector.train(training)

    loaded = TypoCorrector.load(TypoCorrector.get_default_config(), model_storage, resource, context)
    messages = [Message(data={TEXT: t}) for t in
                ["i feel so lonley", "my husbnd is controling", "I have been scamed", "the dye is cast",
                 "passprot", "zzzz"]]
    tokenizer.process(messages)
    loaded.process(messages)
    words = [[t.text for t in m.get(TOKENS_NAMES[TEXT])] for m in messages]
    assert words[0][-1] == "lonely"
    assert messages[0].get(TOKENS_NAMES[TEXT])[-1].lemma == "lonely"  # what CountVectorsFeaturizer reads
    assert words[1][1:] == ["husband", "is", "controlling"]
    assert words[2][-1] == "scammed"
    assert words[3] == ["the", "dye", "is", "cast"]  # short words are never changed
    assert words[4] == ["passport"]  # two letters swapped
    assert words[5] == ["zzzz"]  # nothing close: left alone
    original = messages[1].get(TOKENS_NAMES[TEXT])[1]
    assert (original.start, original.end) == (3, 9)  # positions unchanged, so entities are too

    from bot.components.spelling import corrected_text

    assert corrected_text(messages[1]) == "my husband is controlling"
    typed = Message(data={TEXT: "Help,  my husbnd is SCAMED me!!"})
    tokenizer.process([typed])
    loaded.process([typed])
    assert corrected_text(typed) == "Help,  my husband is scammed me!!"  # only the slips change
    assert corrected_text(Message(data={TEXT: "not tokenized"})) == "not tokenized"


def test_linear_components_read_the_corrected_text_only_when_told(model_storage, context):

    from bot.components.crisis_or_not import CrisisOrNotClassifier
    from bot.components.intent_blend import LinearIntentBlend
    from bot.components.spelling import TypoCorrector

    typed = Message(data={TEXT: "i feel so lonley"})
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([typed])
    TypoCorrector(TypoCorrector.get_default_config(), model_storage, Resource("t"),
                  {"lonely": 5, "feel": 5}).process([typed])
    for component_class in (LinearIntentBlend, CrisisOrNotClassifier):
        assert component_class.get_default_config()["read_corrected_text"] is False
        as_typed = build(component_class, model_storage, context)
        corrected = component_class.create({"read_corrected_text": True}, model_storage, Resource("c"), context)
        assert as_typed.text_of(typed) == "i feel so lonley"
        assert corrected.text_of(typed) == "i feel so lonely"



def test_typo_corrector_reads_slips_in_the_training_data_as_the_word():
    from bot.components.spelling import Vocabulary

    vocabulary = Vocabulary({"the": 500, "teh": 2, "die": 40, "dye": 1, "lonely": 30}, min_length=4, two_slips_from=8)
    assert vocabulary.correct("teh") == "the"
    assert vocabulary.correct("dye") is None  # not common enough a neighbour to be sure
    assert vocabulary.correct("lonley") == "lonely"


def test_typo_corrector_breaks_ties_the_same_way_in_every_process():
    """A slip one letter from two equally common words ("cars" between "care" and
    "card") must be read the same way whatever Python's hash seed, or training and
    replies would change from one process to the next."""
    import subprocess
    import sys

    script = ("from bot.components.spelling import Vocabulary; "
              "v = Vocabulary({'care': 500, 'card': 500, 'cart': 500, 'carz': 1}, 4, 8); "
              "print(v.correct('carz'), v.correct('carx'))")
    answers = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip()
               for seed in range(4)}
    assert answers == {"card card"}



# --- CrisisOrNotClassifier ---------------------------------------------------------------------------------
CRISIS_TRAINING = {
    "crisis_suicide_self_harm": ["I want to kill myself", "I am going to end my life tonight",
                                 "I took all my pills", "I keep cutting myself", "I don't want to be alive",
                                 "my son says he wants to die"],
    "crisis_immediate_danger": ["he is at the door with a knife", "my neighbour is being beaten right now",
                                "he says he will kill me", "someone is breaking in"],
    "out_of_scope": ["when are the bins collected", "my phone is dead", "how do I renew my parking permit",
                     "is the library open on sunday", "can I pay council tax online", "the queue is killing me"],
    "concern_loneliness": ["I feel so lonely", "I have no one to talk to", "my mum lives alone"],
    "concern_money_debt": ["I am behind on my rent", "I can't pay my energy bill", "debt collectors keep calling"],
}


def crisis_or_not_training_data():
    return TrainingData([Message(data={TEXT: text, INTENT: intent})
                         for intent, texts in CRISIS_TRAINING.items() for text in texts])


def test_crisis_or_not_learns_crisis_or_not_and_survives_saving(model_storage, context):
    resource = Resource("CrisisOrNotClassifier")
    trained = CrisisOrNotClassifier.create(CrisisOrNotClassifier.get_default_config(), model_storage, resource, context)
    trained.train(crisis_or_not_training_data())
    loaded = CrisisOrNotClassifier.load(CrisisOrNotClassifier.get_default_config(), model_storage, resource, context)

    texts = ["i want to kil myself tonight", "he's at the door and he has a knife", "when are the bins collected",
             "my phone is dead again"]
    results = {}
    for name, component in (("trained", trained), ("loaded", loaded)):
        messages = [Message(data={TEXT: t}) for t in texts]
        component.process(messages)
        results[name] = [m.get(CRISIS_OR_NOT_KEY)["crisis_probability"] for m in messages]
        assert CRISIS_OR_NOT_KEY in messages[0].as_dict(only_output_properties=True)
    assert results["loaded"] == results["trained"]  # the JSON round trip loses nothing
    crisis, danger, bins, phone = results["loaded"]
    assert min(crisis, danger) > max(bins, phone)
    assert all(0.0 <= p <= 1.0 for p in results["loaded"])


def test_crisis_or_not_skips_empty_text_and_needs_both_kinds_of_example(model_storage, context):
    check = CrisisOrNotClassifier.create(CrisisOrNotClassifier.get_default_config(), model_storage, Resource("CrisisOrNotClassifier"), context)
    only_harmless = TrainingData([Message(data={TEXT: t, INTENT: "out_of_scope"}) for t in CRISIS_TRAINING["out_of_scope"]])
    with pytest.raises(ValueError, match="both"):
        check.train(only_harmless)
    check.train(crisis_or_not_training_data())
    [empty] = check.process([Message(data={TEXT: ""})])
    assert empty.get(CRISIS_OR_NOT_KEY) is None


def write_crisis_or_not_file(folder, text):
    folder.mkdir(exist_ok=True)
    (folder / "spent_set.yml").write_text(text, encoding="utf-8")
    return folder


def crisis_probability(check, text):
    [message] = check.process([Message(data={TEXT: text})])
    return message.get(CRISIS_OR_NOT_KEY)["crisis_probability"]


def test_crisis_or_not_also_learns_from_its_own_folder(model_storage, context, tmp_path):
    """The spent development sets teach the check only: a kind of crisis that only that
    folder holds must come out more alarming than without it, and a harmless message that
    only the folder holds less so."""
    folder = write_crisis_or_not_file(tmp_path / "crisis_or_not", (
        "crisis:\n- the lorry driver is slumped over the wheel and the cab is filling with fumes\n"
        "- grandad went into the loft with the ladder and a rope and he has been quiet for an hour\n"
        "not_crisis:\n- the fumes from the bus garage make the washing smell, who do I complain to\n"))
    without = build(CrisisOrNotClassifier, model_storage, context)
    without.train(crisis_or_not_training_data())
    config = {**CrisisOrNotClassifier.get_default_config(), "also_trained_on": str(folder)}
    with_folder = CrisisOrNotClassifier.create(config, model_storage, Resource("with_folder"), context)
    with_folder.train(crisis_or_not_training_data())
    crisis = "grandad has gone into the loft with a rope and he is quiet"
    harmless = "the fumes from the bus garage make my washing smell"
    assert crisis_probability(with_folder, crisis) > crisis_probability(without, crisis)
    assert crisis_probability(with_folder, harmless) < crisis_probability(without, harmless)


@pytest.mark.parametrize("content, problem", [
    ("crisis: [a]\nnot_crisis: [b\n", "cannot be read as YAML"),
    ("- a\n- b\n", "expected exactly the lists crisis and not_crisis, found list"),
    ("crisis: [a]\n", "expected exactly the lists crisis and not_crisis, found crisis"),
    ("crisis: [a]\nnot_crisis: [b]\nmaybe: [c]\n", "found crisis, not_crisis, maybe"),
    ("crisis: []\nnot_crisis: [b]\n", "'crisis' must be a non-empty list"),
    ("crisis: [a]\nnot_crisis: [b, 3]\n", "'not_crisis' item 2 is not a message: 3"),
    ("crisis: [a, '  ']\nnot_crisis: [b]\n", "'crisis' item 2 is not a message"),
])
def test_crisis_or_not_refuses_a_malformed_file_naming_it(model_storage, context, tmp_path, content, problem):
    folder = write_crisis_or_not_file(tmp_path / "crisis_or_not", content)
    config = {**CrisisOrNotClassifier.get_default_config(), "also_trained_on": str(folder)}
    check = CrisisOrNotClassifier.create(config, model_storage, Resource("CrisisOrNotClassifier"), context)
    with pytest.raises(ValueError, match="spent_set.yml") as refused:
        check.train(crisis_or_not_training_data())
    assert problem in str(refused.value)


@pytest.mark.parametrize("folder, problem", [("nowhere", "nowhere, which is not a folder"),
                                             ("empty", "empty, which holds no .yml files")])
def test_crisis_or_not_refuses_a_missing_or_empty_folder(model_storage, context, tmp_path, folder, problem):
    (tmp_path / "empty").mkdir()
    config = {**CrisisOrNotClassifier.get_default_config(), "also_trained_on": str(tmp_path / folder)}
    check = CrisisOrNotClassifier.create(config, model_storage, Resource("CrisisOrNotClassifier"), context)
    with pytest.raises(ValueError, match=problem):
        check.train(crisis_or_not_training_data())


def test_crisis_or_not_fingerprint_follows_its_folder(tmp_path):
    """Rasa does not read the folder, so without this an edit to it would reuse the old check."""
    folder = write_crisis_or_not_file(tmp_path / "crisis_or_not", "crisis: [a]\nnot_crisis: [b]\n")
    config = {**CrisisOrNotClassifier.get_default_config(), "also_trained_on": str(folder)}
    before = CrisisOrNotClassifier.fingerprint_addon(config)
    assert before == CrisisOrNotClassifier.fingerprint_addon(config)
    write_crisis_or_not_file(folder, "crisis: [a, c]\nnot_crisis: [b]\n")
    assert CrisisOrNotClassifier.fingerprint_addon(config) not in (None, before)
    assert CrisisOrNotClassifier.fingerprint_addon(CrisisOrNotClassifier.get_default_config()) is None


def test_the_pipeline_trains_the_crisis_or_not_check_on_the_spent_sets():
    import yaml

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "config.yml"), encoding="utf-8") as config_file:
        pipeline = yaml.safe_load(config_file)["pipeline"]
    [check] = [c for c in pipeline if c["name"].endswith("CrisisOrNotClassifier")]
    assert check["also_trained_on"] == "data/crisis_or_not"


def test_crisis_or_not_model_file_is_plain_json(model_storage, context):
    """No pickle: a model archive must not be able to run code when it is loaded."""
    import json

    resource = Resource("CrisisOrNotClassifier")
    CrisisOrNotClassifier.create(CrisisOrNotClassifier.get_default_config(), model_storage, resource, context).train(
        crisis_or_not_training_data())
    with model_storage.read_from(resource) as path:
        files = sorted(p.name for p in path.iterdir())
        stored = json.loads((path / files[0]).read_text())
    assert files == ["crisis_or_not.json"]
    assert set(stored) == {"vectorizers", "labels", "coefficients", "intercepts"}
    assert stored["labels"] == [False, True]


# --- LinearIntentBlend ------------------------------------------------------------------------------------
def linear_probabilities(blend, text):
    """The linear classifier's own answer for one text, as {intent: probability}."""
    return dict(zip(blend.model.labels, blend.model.probabilities([text])[0]))


def test_intent_blend_alone_learns_the_intents_and_survives_saving(model_storage, context):
    from bot.components.intent_blend import LinearIntentBlend

    resource = Resource("LinearIntentBlend")
    trained = LinearIntentBlend.create(LinearIntentBlend.get_default_config(), model_storage, resource, context)
    trained.train(crisis_or_not_training_data())
    loaded = LinearIntentBlend.load(LinearIntentBlend.get_default_config(), model_storage, resource, context)
    texts = {"when are the bins collectd": "out_of_scope", "i feel so lonley": "concern_loneliness",
             "i cant pay my energy bill": "concern_money_debt", "he is at the door with a knife": "crisis_immediate_danger"}
    rankings = {}
    for name, component in (("trained", trained), ("loaded", loaded)):
        # No ranking from an earlier classifier: the linear classifier answers alone.
        messages = component.process([Message(data={TEXT: text}) for text in texts])
        rankings[name] = [m.get(INTENT_RANKING_KEY) for m in messages]
        assert [m.get(INTENT)["name"] for m in messages] == list(texts.values())
        for m in messages:
            ranking = m.get(INTENT_RANKING_KEY)
            assert m.get(INTENT) == ranking[0]
            assert [r["confidence"] for r in ranking] == sorted((r["confidence"] for r in ranking), reverse=True)
            assert len(ranking) == len(CRISIS_TRAINING)  # every intent, as it is fewer than ranking_length
    assert rankings["loaded"] == rankings["trained"]  # the JSON round trip loses nothing


def test_linear_model_keeps_its_coefficients_laid_out_for_scoring_and_scores_the_same(model_storage, context):
    """scipy multiplies the features by coef_.T; unless that transpose is contiguous it
    copies all the coefficients for every message, most of a parse's time."""
    from bot.components.intent_blend import LinearIntentBlend
    from bot.components.linear_text import LinearTextModel

    blend = build(LinearIntentBlend, model_storage, context)
    blend.train(crisis_or_not_training_data())
    texts = ["i feel so lonley", "he is at the door with a knife", "when are the bins collected"]
    for model in (blend.model, LinearTextModel.from_json(blend.model.as_json())):
        assert model.classifier.coef_.T.flags["C_CONTIGUOUS"]
        laid_out = model.probabilities(texts)
        model.classifier.coef_ = np.ascontiguousarray(model.classifier.coef_)  # row order, as scikit-learn fits it
        assert not model.classifier.coef_.T.flags["C_CONTIGUOUS"]
        assert np.array_equal(laid_out, model.probabilities(texts))


def test_intent_blend_averages_diet_and_the_linear_classifier(model_storage, context):
    from bot.components.intent_blend import LinearIntentBlend

    blend = build(LinearIntentBlend, model_storage, context)
    assert blend.diet_weight == 0.4  # chosen on the fifteenth development set
    blend.train(crisis_or_not_training_data())
    text = "the queue at the council is killing me"
    linear = linear_probabilities(blend, text)
    diet_ranking = [{"name": "crisis_suicide_self_harm", "confidence": 0.7},
                    {"name": "out_of_scope", "confidence": 0.2}]
    [blended] = blend.process([message(text, "crisis_suicide_self_harm", 0.7, diet_ranking)])
    got = {r["name"]: r["confidence"] for r in blended.get(INTENT_RANKING_KEY)}
    diet = {r["name"]: r["confidence"] for r in diet_ranking}
    for intent in CRISIS_TRAINING:  # DIET's left-out intents count as 0 from DIET
        assert got[intent] == pytest.approx(blend.diet_weight * diet.get(intent, 0.0)
                                            + (1 - blend.diet_weight) * linear[intent])
    assert blended.get(INTENT)["name"] == max(got, key=got.get)


def test_intent_blend_with_all_weight_on_diet_keeps_diets_answer(model_storage, context):
    from bot.components.intent_blend import LinearIntentBlend

    config = {**LinearIntentBlend.get_default_config(), "diet_weight": 1.0, "ranking_length": 3}
    blend = LinearIntentBlend.create(config, model_storage, Resource("diet_only"), context)
    blend.train(crisis_or_not_training_data())
    diet_ranking = [{"name": "concern_loneliness", "confidence": 0.6}, {"name": "out_of_scope", "confidence": 0.3},
                    {"name": "concern_money_debt", "confidence": 0.1}]
    [kept] = blend.process([message("when are the bins collected", "concern_loneliness", 0.6, diet_ranking)])
    assert kept.get(INTENT) == {"name": "concern_loneliness", "confidence": pytest.approx(0.6)}
    assert [r["name"] for r in kept.get(INTENT_RANKING_KEY)] == [r["name"] for r in diet_ranking]


def test_the_safety_net_benchmark_can_score_another_blend_weight(model_storage, context, monkeypatch):
    """benchmarks/second_opinion.py --diet-weight re-weights a trained blend as it loads."""
    from benchmarks.second_opinion import set_blend_weight
    from bot.components.intent_blend import LinearIntentBlend

    monkeypatch.setattr(LinearIntentBlend, "__init__", LinearIntentBlend.__init__)  # undone after the test
    set_blend_weight(0.25)
    blend = LinearIntentBlend.create(LinearIntentBlend.get_default_config(), model_storage, Resource("w"), context)
    assert blend.diet_weight == 0.25
    with pytest.raises(ValueError, match="between 0 and 1"):
        set_blend_weight(2.0)
        LinearIntentBlend.create(LinearIntentBlend.get_default_config(), model_storage, Resource("x"), context)


def test_intent_blend_refuses_a_bad_weight_and_one_intent_and_skips_empty_text(model_storage, context):
    from bot.components.intent_blend import LinearIntentBlend

    with pytest.raises(ValueError, match="between 0 and 1"):
        LinearIntentBlend.create({"diet_weight": 1.5}, model_storage, Resource("bad"), context)
    blend = build(LinearIntentBlend, model_storage, context)
    with pytest.raises(ValueError, match="at least two intents"):
        blend.train(TrainingData([Message(data={TEXT: t, INTENT: "out_of_scope"}) for t in CRISIS_TRAINING["out_of_scope"]]))
    blend.train(crisis_or_not_training_data())
    [empty] = blend.process([Message(data={TEXT: ""})])
    assert empty.get(INTENT) is None



# --- SentenceFeaturesOnly -------------------------------------------------------------------
def featurized(texts, model_storage, context, intents=None):
    """Messages tokenized and given word and character n-gram bags, as the pipeline does."""
    messages = [Message(data={TEXT: text, INTENT: intent}) for text, intent in zip(texts, intents or ["greet"] * len(texts))]
    training_data = TrainingData(messages)
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process_training_data(training_data)
    for name, extra in (("words", {}), ("chars", {"analyzer": "char_wb", "min_ngram": 1, "max_ngram": 4})):
        featurizer = CountVectorsFeaturizer.create({**CountVectorsFeaturizer.get_default_config(), **extra},
                                                   model_storage, Resource(name), context)
        featurizer.train(training_data)
        featurizer.process_training_data(training_data)
    return messages


def text_feature_signatures(message):
    """The feature signatures DIET builds its input layers from, for the text attribute."""
    signatures = {"sequence": [], "sentence": []}
    for getter, is_sparse in ((message.get_sparse_features, True), (message.get_dense_features, False)):
        for feature_type, features in zip(("sequence", "sentence"), getter(TEXT)):
            if features is not None:
                signatures[feature_type].append(FeatureSignature(is_sparse, features.features.shape[-1], 3))
    return signatures


def diet_feature_combiner(message):
    return RasaFeatureCombiningLayer(TEXT, text_feature_signatures(message),
                                     DIETClassifier.get_default_config())


def test_sentence_features_only_keeps_the_sentence_features_and_one_zero_token(model_storage, context):
    [long_message, short_message] = featurized(["my neighbour keeps shouting at my kids", "help"],
                                               model_storage, context)
    sentence_before = long_message.get_sparse_features(TEXT)[1].features.toarray()
    assert long_message.get_sparse_features(TEXT)[0].features.shape[0] == 7  # one row per word

    SentenceFeaturesOnly().process([long_message, short_message])

    for processed in (long_message, short_message):
        sequence, sentence = processed.get_sparse_features(TEXT)
        assert sequence.features.shape == (1, 1) and sequence.features.nnz == 0
        assert processed.get_dense_features(TEXT) == (None, None)
    assert (long_message.get_sparse_features(TEXT)[1].features.toarray() == sentence_before).all()


def test_sentence_features_only_leaves_the_sentence_path_of_diet_unchanged(model_storage, context):
    """DIET adds a dense layer with dropout to the sentence path when the token and
    sentence features differ in width; a sparse placeholder keeps them the same width."""
    [message_with_tokens, message_without] = featurized(["someone is following me home", "help"],
                                                        model_storage, context)
    SentenceFeaturesOnly().process([message_without])
    unify = "unify_dims_before_seq_sent_concat.sentence"
    assert unify not in diet_feature_combiner(message_with_tokens)._tf_layers
    assert unify not in diet_feature_combiner(message_without)._tf_layers

    # The ninth session's dense placeholder, one unit wide, did add the layer.
    message_without.features = [f for f in message_without.features if f.type != "sequence"]
    message_without.features.append(Features(np.zeros((1, 1)), "sequence", TEXT, "dense-placeholder"))
    assert unify in diet_feature_combiner(message_without)._tf_layers


def test_sentence_features_only_skips_messages_without_tokens(model_storage, context):
    label_only = Message(data={INTENT: "greet"})
    SentenceFeaturesOnly().process([label_only])
    assert label_only.features == []


# --- DietAverage ----------------------------------------------------------------------------
def diet_says(message_to_update, ranking):
    """What a DIETClassifier does to a message: its own ranking replaces the one before."""
    ranking = [{"id": index, "name": name, "confidence": confidence} for index, (name, confidence) in enumerate(ranking)]
    message_to_update.set(INTENT, ranking[0], add_to_output=True)
    message_to_update.set(INTENT_RANKING_KEY, ranking, add_to_output=True)


def test_diet_average_averages_every_diet_so_far_counting_a_left_out_intent_as_zero():
    from bot.components.diet_average import DietAverage

    average = DietAverage()
    averaged = Message(data={TEXT: "my phone is dead and I want to die of boredom"})
    diet_says(averaged, [("crisis_suicide_self_harm", 0.9), ("out_of_scope", 0.1)])
    average.process([averaged])
    assert averaged.get(INTENT) == {"name": "crisis_suicide_self_harm", "confidence": pytest.approx(0.9)}
    diet_says(averaged, [("out_of_scope", 0.8), ("chitchat", 0.2)])
    average.process([averaged])
    diet_says(averaged, [("out_of_scope", 0.7), ("crisis_suicide_self_harm", 0.3)])
    average.process([averaged])
    got = [(r["name"], r["confidence"]) for r in averaged.get(INTENT_RANKING_KEY)]
    assert got == [("out_of_scope", pytest.approx(1.6 / 3)), ("crisis_suicide_self_harm", pytest.approx(1.2 / 3)),
                   ("chitchat", pytest.approx(0.2 / 3))]
    assert averaged.get(INTENT)["name"] == "out_of_scope"
    assert sum(confidence for _, confidence in got) == pytest.approx(1.0)
    # The kept rankings are working state, not part of the parse result.
    assert set(averaged.as_dict(only_output_properties=True)) == {TEXT, INTENT, INTENT_RANKING_KEY}


def test_diet_average_refuses_to_count_one_diet_twice_and_skips_empty_text():
    from bot.components.diet_average import DietAverage

    twice = Message(data={TEXT: "hello"})
    diet_says(twice, [("greet", 1.0)])
    DietAverage().process([twice])
    with pytest.raises(ValueError, match="must follow a DIETClassifier"):
        DietAverage().process([twice])
    empty = Message(data={TEXT: ""})
    DietAverage().process([empty])
    assert empty.get(INTENT) is None


def test_diet_average_of_real_diets_and_one_member_scored_alone(model_storage, context, monkeypatch):
    """Two real DIETs, differing only in seed, averaged; the benchmark's --diet-member scores
    one of them alone from the same model (benchmarks/nlu_eval.py)."""
    from benchmarks import nlu_eval
    from bot.components import diet_average

    texts = {"greet": ["hello", "hi there", "good morning", "hey"],
             "goodbye": ["bye", "see you later", "goodbye then", "cheerio"]}
    training = featurized([t for group in texts.values() for t in group], model_storage, context,
                          [intent for intent, group in texts.items() for _ in group])
    diets = []
    for seed in (1, 2):
        config = {**DIETClassifier.get_default_config(), "epochs": 10, "entity_recognition": False,
                  "constrain_similarities": True,
                  "random_seed": seed, "number_of_transformer_layers": 0}
        diet = DIETClassifier.create(config, model_storage, Resource(f"diet{seed}"), context)
        diet.train(TrainingData(training))
        diets.append(diet)

    [probe] = [m for m in training if m.get(TEXT) == "hello"]
    probe = Message(data={TEXT: "hello"}, features=list(probe.features))
    rankings = []
    for diet in diets:
        diet.process([probe])
        rankings.append({r["name"]: r["confidence"] for r in probe.get(INTENT_RANKING_KEY)})
        diet_average.DietAverage().process([probe])
    assert rankings[0] != rankings[1]  # the seeds train different models
    got = {r["name"]: r["confidence"] for r in probe.get(INTENT_RANKING_KEY)}
    assert got == {name: pytest.approx((rankings[0][name] + rankings[1][name]) / 2) for name in texts}

    monkeypatch.setattr(diet_average, "average_rankings", diet_average.average_rankings)  # undone after the test
    nlu_eval.score_one_diet(0)
    alone = Message(data={TEXT: "hello"}, features=list(probe.features))
    for diet in diets:
        diet.process([alone])
        diet_average.DietAverage().process([alone])
    assert {r["name"]: r["confidence"] for r in alone.get(INTENT_RANKING_KEY)} == pytest.approx(rankings[0])
    assert diet_average.average_rankings.diets_seen == 2


def test_scoring_one_diet_refuses_a_position_the_model_does_not_have(monkeypatch):
    from benchmarks import nlu_eval
    from bot.components import diet_average

    class TwoDiets:  # stands in for nlu_eval.Parser: two DIETs, each followed by DietAverage
        def parse(self, text):
            parsed = Message(data={TEXT: text})
            for ranking in ([("greet", 0.9), ("goodbye", 0.1)], [("goodbye", 0.6), ("greet", 0.4)]):
                diet_says(parsed, ranking)
                diet_average.DietAverage().process([parsed])
            return parsed

    monkeypatch.setattr(diet_average, "average_rankings", diet_average.average_rankings)  # undone after the test
    nlu_eval.score_one_diet(1)
    nlu_eval.check_diet_member(TwoDiets(), 1)
    assert TwoDiets().parse("bye").get(INTENT)["name"] == "goodbye"  # the second DIET alone
    with pytest.raises(SystemExit, match="averages 2 DIETs"):
        nlu_eval.check_diet_member(TwoDiets(), 2)

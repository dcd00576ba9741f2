"""The second opinion on a crisis only the model found (bot/components/second_opinion.py):
everyday uses of alarming words are explained away; anything that could be danger is not."""
import pytest

from bot.components.crisis_language import check
from bot.components.second_opinion import ALARMING, EVERYDAY, explain_away


def explained(text):
    return explain_away(text, check(text).set_aside)


@pytest.mark.parametrize("text", [
    "this queue is killing me",
    "the gas bill is killing me",
    "my feet are killing me after that walk",
    "my phone is dead",
    "my laptop's dead again",
    "the battery on my phone died",
    "I could murder a cuppa",
    "I'm dying for a brew",
    "dying to know when the library opens",
    "knife skills class at the community centre",
    "it's dead good here",
    "bored to death in this house",
    "I burnt the toast",
    "I need to cut the hedge",
    "got my flu jab today",
    "how do I bleed the radiators",
    "my back hurts",
    "hang the washing out",
    "who do I ring for a gas safety check",
    "I'm not suicidal, just tired",
    "mum's going to kill me when she sees the bill",
])
def test_everyday_uses_are_explained(text):
    assert explained(text) is not None


@pytest.mark.parametrize("text", [
    # An alarming word that no everyday use covers keeps the model's crisis.
    "my phone's dead and he's outside banging on the door",
    "the battery's dead and he has a knife",
    "work is killing me and I want to die",
    "the pain is killing me and I want it to end",
    "he's killing me",
    "my husband is killing me slowly",
    # Despair, or a turn in time, after an everyday use or a negation.
    "my dog died and there's no point anymore",
    "I never wanted to kill myself until now",
    "I'm not going to hurt myself tonight but I have the pills ready",
    "I'm not suicidal, I just can't see the point any more",
    # Nothing alarming recognised means nothing to explain: the model decides.
    "i can't do this anymore",
    "dying inside",
    # "Told as past" and "a worry" are not reasons to doubt a crisis.
    "I took an overdose last night",
    "I'm scared he'll kill me",
])
def test_anything_that_could_be_danger_keeps_the_crisis(text):
    assert explained(text) is None


def test_the_explanation_says_what_accounted_for_each_word():
    explanation = explained("my phone is dead")
    assert explanation.as_dict() == {"accounted_for": [{"everyday_use": "device, plant or pet is dead",
                                                        "matched": "my phone is dead"}]}
    negated = explained("I'm not suicidal, just tired").as_dict()["accounted_for"]
    assert negated == [{"set_aside_phrase": "suicide-word", "matched": "suicidal", "reason": "negated"}]


def test_every_everyday_use_contains_an_alarming_word():
    """An everyday use that explains no alarming word is dead weight, or a sign the
    alarming list has lost a word."""
    samples = {
        "ache or ordeal is killing": "this queue is killing me", "killing me about an ordeal": "it's killing me this heat",
        "device, plant or pet is dead": "my phone is dead", "dead device": "a dead battery",
        "dead as very": "dead good", "deadly as very": "deadly serious", "could kill for a treat": "could murder a pint",
        "dying for a treat": "dying for a wee", "died of embarrassment": "nearly died of embarrassment",
        "bored to death": "bored to death", "kill time or pests": "kill the slugs", "weed or bug killer": "weed killer",
        "killed it": "you killed it", "killer as great": "killer sudoku", "murder mystery": "murder mystery night",
        "it's murder": "it's murder", "murdered a song or a meal": "murdered that song", "kitchen knife": "bread knife",
        "have a stab at": "have a stab at", "shoot a photo": "photo shoot", "jab or shot": "flu shot",
        "tool or toy gun": "glue gun", "bath bomb": "bath bomb", "blew up online": "blew up balloons",
        "overdosed on a treat": "overdosed on chocolate", "cut something ordinary": "cut the grass",
        "hang out": "hang out", "burnt dinner": "burnt the toast", "drowning in things": "drowning in paperwork",
        "jump leads": "jump leads", "ache hurts": "my back hurts", "poisoning from food": "food poisoning",
        "bleed radiators": "bleed the radiators", "fight off a cold": "fighting off a cold",
        "attack in sport or chores": "attacking midfielder", "gas appliances": "gas bill",
        "scream or bang as exasperation": "could scream", "end a contract": "end my tenancy",
        "door and window jobs": "window cleaner", "kills in a game": "kill streak",
        "smells like something died": "smells like something died", "shoot as a swear": "shoot, forgot it",
    }
    assert set(samples) == {name for name, _ in EVERYDAY}
    for name, regex in EVERYDAY:
        match = regex.search(samples[name])
        assert match, name
        assert ALARMING.search(match.group(0)), name

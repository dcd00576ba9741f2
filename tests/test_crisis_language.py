"""The reviewed crisis phrases: what they catch, and what they deliberately leave alone.

Examples here are written for these tests (not copied from tests/nlu/, which measures
the whole model): each names the reason a phrase should or should not count.
"""
import pytest

from bot.components.crisis_language import DANGER, PATTERNS, SUICIDE, check, normalise

CATCHES = [
    # direct
    ("I want to kill myself", SUICIDE),
    ("i'm going to end my life tonight", SUICIDE),
    ("I feel suicidal", SUICIDE),
    ("kms", SUICIDE),
    ("thinking about how to unalive myself", SUICIDE),
    ("I've been self-harming again", SUICIDE),
    ("I keep cutting my wrists", SUICIDE),
    ("I've swallowed a whole packet of paracetamol", SUICIDE),
    ("I took too many tablets an hour ago", SUICIDE),
    ("I don't want to live any more", SUICIDE),
    ("there's no point in going on", SUICIDE),
    ("I'm not sure I want to live anymore", SUICIDE),
    ("everyone would be better off without me", SUICIDE),
    # about someone else
    ("my brother says he wants to die", SUICIDE),
    ("my mum keeps talking about killing herself", SUICIDE),
    # warning signs
    ("I'm just a burden to my family", SUICIDE),
    ("I won't be around much longer so it doesn't matter", SUICIDE),
    ("she's researching ways to end it", SUICIDE),
    ("I'm standing on the bridge", SUICIDE),
    ("I'm going to stop taking my insulin and let it happen", SUICIDE),
    ("my husband passed away and I just want to be with him", SUICIDE),
    ("nobody would miss me", SUICIDE),
    # typing slips
    ("i want to kil myslef", SUICIDE),
    ("had loads to drink and then took all my sleeping tablets", SUICIDE),
    ("I've planned exactly how I'll do it", SUICIDE),
    ("please help, she says she's going to kill me", DANGER),
    ("we are in danger", DANGER),
    ("he says I'll never see the kids alive again", DANGER),
    ("my son's just been knocked down by a car", DANGER),
    ("feeling suicdal", SUICIDE),
    # danger now
    ("he's going to kill me", DANGER),
    ("my ex is outside my house", DANGER),
    ("he's at the door and he's drunk", DANGER),
    ("someone is breaking in", DANGER),
    ("I've just been stabbed", DANGER),
    ("he's got a knife and he's in the kitchen", DANGER),
    ("she's hitting me right now", DANGER),
    ("my dad isn't breathing", DANGER),
    ("my nan has collapsed", DANGER),
    ("I've locked myself in the bathroom", DANGER),
    ("a man just snatched a child from the playground", DANGER),
    ("there's blood everywhere", DANGER),
    ("my son is being beaten up outside", DANGER),
    ("he's breathng funny and not breathing now", DANGER),
]

LEAVES_ALONE = [
    # negation
    ("I'm not suicidal, just exhausted", "negated"),
    ("I would never kill myself, I just need someone to talk to", "negated"),
    ("I don't want to die, I want things to get better", "negated"),
    # fiction, study, campaigns
    ("is there a suicide prevention course for volunteers", "study"),
    ("my son is writing an essay about self-harm for school", "study"),
    # everyday exaggeration about trivial things
    ("my wife is going to kill me when she sees the credit card bill", "trivial"),
    ("mum's going to kill me, I forgot her birthday", "trivial"),
    # told as past
    ("I was being beaten as a child and it still affects me", "past"),
    # idioms and ordinary words
    ("this traffic is killing me", None),
    ("my phone is dead again", None),
    ("I could murder a curry", None),
    ("I want to get shot of this old sofa", None),
    ("overdose of chocolate at Christmas", None),
    ("I cut myself shaving", None),
    ("I want to take my life in a new direction", None),
    ("I want to dye my hair", None),
    ("the bridge club meets on Tuesdays", None),
    ("I took my son to school", None),
    ("the roof collapsed in the storm", None),
    ("the council website is not responding", None),
    ("my friend was stabbed last year and I worry about my son", None),
    ("I was raped years ago and never told anyone", None),
    ("he punches walls but he hasn't hit me", None),
    ("I'm not going to hurt myself, I'm just anxious", "negated"),
    ("the kids were killing themselves laughing", None),
    ("his drinking is going to kill him one day", None),
    ("my friend OD'd last year and I want to get clean", "past"),
    ("how much is a samurai sword", None),
    ("I'm in danger of losing my flat", None),
    ("my dad was hit by a car years ago and still struggles", "past"),
]


@pytest.mark.parametrize("text,intent", CATCHES)
def test_catches_crisis_language(text, intent):
    result = check(text)
    assert result.finding is not None, f"missed: {text!r}"
    assert result.finding.intent == intent, f"{text!r} -> {result.finding}"


@pytest.mark.parametrize("text,why", LEAVES_ALONE)
def test_leaves_non_crisis_alone(text, why):
    result = check(text)
    assert result.finding is None, f"false alarm on {text!r}: {result.finding}"
    if why == "negated":
        assert any(s["reason"] == "negated" for s in result.set_aside)
    elif why == "study":
        assert any("study" in s["reason"] for s in result.set_aside)
    elif why == "trivial":
        assert any("trivial" in s["reason"] for s in result.set_aside)
    elif why == "past":
        assert any("past" in s["reason"] for s in result.set_aside)


def test_a_negation_does_not_hide_a_second_crisis_phrase():
    result = check("I'm not suicidal but I've taken all my pills")
    assert result.finding and result.finding.intent == SUICIDE
    assert result.finding.pattern == "taken-pills"
    assert result.set_aside and result.set_aside[0]["reason"] == "negated"


def test_reports_which_pattern_matched_and_the_words():
    result = check("My partner said he'd kill me if I left").as_dict()
    assert result == {**result, "fired": True, "intent": DANGER, "pattern": "threat-to-kill"}
    assert "kill me" in result["matched"]


def test_empty_and_huge_input():
    assert check("").finding is None
    assert check(None).finding is None
    huge = "the bins were late again. " * 4000 + "I want to end my life"
    assert check(huge).finding.intent == SUICIDE


def test_normalise_fixes_one_slip_in_long_crisis_words_only():
    assert normalise("himslef") == "himself"
    assert normalise("breating") == "breathing"
    assert normalise("I want to dye") == "i want to dye"  # short words are never "corrected"
    assert normalise("Curly \u2019quotes\u2019") == "curly 'quotes'"


def test_pattern_ids_are_unique():
    ids = [p.id for p in PATTERNS]
    assert len(ids) == len(set(ids))

"""Safety copy is tested like code: what the bot says in a crisis is short, plain, and
always gives a number; every number the static replies give is in the directory."""
import re
from pathlib import Path

import pytest
import yaml

from services_directory.files import read_data_dir

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
RESPONSES = DOMAIN["responses"]
CONTRACT = (ROOT / "docs" / "contract" / "CONCERNS.md").read_text(encoding="utf-8")
CONTRACT_INTENTS = re.findall(r"^\| `([a-z_]+)` \|", CONTRACT.split("## Entities")[0], flags=re.MULTILINE)
CONCERNS = [i for i in CONTRACT_INTENTS if i.startswith("concern_")]
MODES = ("web", "kiosk", "handler")
# UK numbers as written in our copy: 999, 101, 111, 116 123, 0808 2000 247, 08000 121 700...
PHONE = re.compile(r"(?<![\d£])(?:0\d{2,4}(?: ?\d{2,4}){1,3}|116 ?\d{3}|999|111|101|85258|82111|7726|18000)(?![\d])")
PLAIN_ENGLISH_BANNED = ("MARAC", "MASH", "DASH", "NRM", "signpost", "service user", "safeguarding")


def variations(name):
    return RESPONSES[name]


def variation_for(name, mode):
    for variation in RESPONSES[name]:
        conditions = variation.get("condition") or []
        modes = [c["value"] for c in conditions if c["name"] == "mode"]
        if (mode == "web" and not conditions) or modes == [mode]:
            return variation
    return None


def words(text):
    return re.findall(r"[A-Za-z']+", text)


def test_the_contract_copy_matches_the_shared_one():
    shared = Path("/work/shared/CONCERNS.md")
    if shared.exists():  # on the team's machines; CI clones carry docs/contract only
        assert shared.read_text(encoding="utf-8") == CONTRACT


def test_every_contract_intent_is_in_the_domain():
    assert set(CONTRACT_INTENTS) <= set(DOMAIN["intents"])
    assert "location" in DOMAIN["entities"]


@pytest.mark.parametrize("mode", MODES)
def test_danger_reply_gives_999_and_the_silent_solution(mode):
    text = variation_for("utter_crisis_immediate_danger", mode)["text"]
    assert "999" in text
    assert "55" in text, "the Silent Solution (press 55 on a mobile) must be explained"


@pytest.mark.parametrize("mode", MODES)
def test_suicide_reply_gives_999_samaritans_and_nhs_111(mode):
    text = variation_for("utter_crisis_suicide_self_harm", mode)["text"]
    for number in ("999", "116 123", "111"):
        assert number in text, f"{mode} suicide reply lacks {number}"


@pytest.mark.parametrize("name", ["utter_crisis_immediate_danger", "utter_crisis_suicide_self_harm"])
@pytest.mark.parametrize("mode", ["web", "kiosk"])
def test_crisis_copy_for_residents_is_short_and_plain(name, mode):
    text = variation_for(name, mode)["text"]
    sentences = [s for s in re.split(r"(?<=[.!?:])\s+|\n", text) if s.strip()]
    assert len(words(text)) <= 90, "a crisis reply must be readable in seconds"
    assert max(len(words(s)) for s in sentences) <= 25, "keep sentences short"
    for jargon in PLAIN_ENGLISH_BANNED:
        assert jargon.lower() not in text.lower()


def test_crisis_copy_starts_with_the_emergency_route_for_danger():
    for mode in ("web", "kiosk"):
        first_line = variation_for("utter_crisis_immediate_danger", mode)["text"].splitlines()[0]
        assert "999" in first_line


@pytest.mark.parametrize("concern", CONCERNS)
def test_each_concern_has_an_acknowledgement_in_each_mode(concern):
    for mode in MODES:
        variation = variation_for(f"utter_ack_{concern}", mode)
        assert variation and variation["text"].strip(), f"{concern} has no {mode} acknowledgement"
    web = variation_for(f"utter_ack_{concern}", "web")["text"]
    assert len(words(web)) <= 40, "an acknowledgement is one or two short sentences"


@pytest.mark.parametrize("concern", CONCERNS)
def test_each_concern_has_a_national_number(concern):
    matching = [v for v in variations("utter_helpline")
                if (v.get("condition") or [{}])[0].get("value") == concern]
    assert len(matching) == 1, "exactly one variation per concern (Rasa picks randomly among matches)"
    assert PHONE.search(matching[0]["text"]) or "report-it.org.uk" in matching[0]["text"]


def test_handler_copy_tells_the_handler_what_to_ask():
    for concern in CONCERNS:
        text = variation_for(f"utter_ack_{concern}", "handler")["text"]
        assert "Say:" in text or "Ask:" in text, concern


def test_conditional_variations_never_overlap():
    """Rasa picks at random among all matching conditional variations, so a response's
    conditions must be mutually exclusive: one slot per response, distinct values."""
    for name, options in RESPONSES.items():
        conditions = [tuple((c["name"], c["value"]) for c in v.get("condition") or []) for v in options]
        conditional = [c for c in conditions if c]
        assert len(conditional) == len(set(conditional)), f"{name} has duplicate conditions"
        slots = {slot for condition in conditional for slot, _ in condition}
        assert len(slots) <= 1, f"{name} conditions on several slots: {slots}"
        assert all(v.get("channel") is None for v in options), f"{name}: a channel variation outranks slots"


def test_every_number_in_a_static_reply_is_in_the_directory():
    data = read_data_dir()
    known = set()
    for service in data.services:
        if service.status == "ended":
            continue
        for field in (service.phone, service.text, service.how_to_contact, service.what_happens):
            for number in PHONE.findall(field or ""):
                known.add(number.replace(" ", ""))
        if service.phone:
            known.add(service.phone.replace(" ", ""))
    for name, options in RESPONSES.items():
        for variation in options:
            for number in PHONE.findall(variation.get("text", "")):
                assert number.replace(" ", "") in known, f"{name} gives {number}, which is not in the directory"


def test_concern_buttons_use_the_plain_words_table():
    import csv

    with (ROOT / "actions" / "intent_labels.csv").open(encoding="utf-8") as handle:
        labels = {row["intent"]: row["button_text"] for row in csv.DictReader(handle)}
    buttons = RESPONSES["utter_ask_concern"][0]["buttons"]
    assert {b["payload"].lstrip("/") for b in buttons} == set(CONCERNS)
    for button in buttons:
        assert button["title"] == labels[button["payload"].lstrip("/")]
    assert set(CONTRACT_INTENTS) - {"nlu_fallback"} <= set(labels)

"""Whole conversations through the real Rasa server (REST webhook), action server and
directory API, started on free ports by the fixtures in conftest.py."""
import re

import pytest
import requests
import yaml

from tests.conftest import PROJECT_ROOT, chat, texts

RESPONSES = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]

# One plain opening message per concern (written for these tests, not from the NLU sets).
OPENERS = {
    "concern_domestic_abuse": "my partner keeps hitting me and checks my phone all the time",
    "concern_own_abusive_behaviour": "I lose my temper and shove my wife, I want to stop",
    "concern_sexual_violence": "I was sexually assaulted at a party last month",
    "concern_loneliness": "I'm so lonely, I haven't spoken to anyone in weeks",
    "concern_carer_support": "I care for my husband who has dementia and I'm exhausted",
    "concern_mental_health": "I've been really depressed and anxious for months",
    "concern_scam_fraud": "I think I've been scammed, someone rang pretending to be my bank",
    "concern_exploitation": "I think older lads are getting my son to run drugs for them, county lines",
    "concern_modern_slavery": "my boss took my passport and doesn't pay me",
    "concern_child_safety": "I'm worried the child next door is being neglected",
    "concern_substance_misuse": "my drinking is out of control",
    "concern_homelessness": "I'm being evicted next week and have nowhere to go",
    "concern_money_debt": "I'm in a lot of debt and can't pay my bills",
    "concern_antisocial_behaviour": "the neighbours play loud music all night and threaten us",
    "concern_hate_crime": "someone shouted racist abuse at me and spat at me",
    "concern_radicalisation": "I'm worried my nephew is being drawn into extremist groups online",
}
DANGER_CONCERNS = {"concern_domestic_abuse", "concern_sexual_violence", "concern_exploitation",
                   "concern_modern_slavery", "concern_child_safety", "concern_hate_crime"}


def variation_text(name, mode):
    for variation in RESPONSES[name]:
        conditions = variation.get("condition") or []
        if mode == "web" and not conditions:
            return variation["text"]
        if [c["value"] for c in conditions if c["name"] == "mode"] == [mode]:
            return variation["text"]
    raise KeyError(name)


def parse(rasa_server, rasa_token, text):
    response = requests.post(f"{rasa_server.url}/model/parse", params={"token": rasa_token}, json={"text": text},
                             timeout=30)
    response.raise_for_status()
    return response.json()


# --- The checks named in the foundation issue ---------------------------------------------
def test_domestic_abuse_in_thetford_gets_a_helpline_then_local_services(rasa_server, new_sender):
    sender = new_sender()
    first = texts(chat(rasa_server.url, sender, "my husband hits me and I live in Thetford"))
    assert "0808 2000 247" in first  # National Domestic Abuse Helpline, straight away
    assert "are you safe right now" in first.lower()
    services = texts(chat(rasa_server.url, sender, "yes"))
    assert "near Thetford" in services
    assert "Leeway" in services and "0300 561 0077" in services


def test_suicide_gets_the_crisis_numbers_first(rasa_server, new_sender):
    reply = chat(rasa_server.url, new_sender(), "I want to end my life")
    first = reply[0]["text"]
    assert "116 123" in first and "999" in first and "111" in first


def test_model_parse_needs_the_token_and_returns_contract_intents(rasa_server, rasa_token):
    assert requests.post(f"{rasa_server.url}/model/parse", json={"text": "hi"}, timeout=10).status_code == 401
    assert requests.get(f"{rasa_server.url}/conversations/x/tracker", timeout=10).status_code == 401
    result = parse(rasa_server, rasa_token, "I'm so lonely since my wife died")
    assert result["intent"]["name"] == "concern_loneliness"
    assert parse(rasa_server, rasa_token, "he's outside with a knife")["intent"]["name"] == "crisis_immediate_danger"
    located = parse(rasa_server, rasa_token, "I live in Dereham")
    assert [(e["entity"], e["value"]) for e in located["entities"]] == [("location", "Dereham")]


def test_the_webhook_needs_no_token(rasa_server, new_sender):
    assert chat(rasa_server.url, new_sender(), "hello")


# --- Every concern in each of the three modes ----------------------------------------------------------
@pytest.mark.parametrize("mode", ["web", "kiosk", "handler"])
@pytest.mark.parametrize("concern", sorted(OPENERS))
def test_every_concern_in_every_mode(rasa_server, new_sender, concern, mode):
    sender = new_sender()
    reply = chat(rasa_server.url, sender, OPENERS[concern], {"mode": mode})
    said = texts(reply)
    assert variation_text(f"utter_ack_{concern}", mode) in said, f"{concern} not recognised in {mode} mode"
    if concern in DANGER_CONCERNS:
        assert variation_text("utter_ask_safe_now", mode) in said
        said = texts(chat(rasa_server.url, sender, "/affirm", {"mode": mode}))
    assert variation_text("utter_ask_location", mode) in said
    services = chat(rasa_server.url, sender, "Norwich", {"mode": mode})
    service_text = texts(services)
    assert re.search(r"\b0\d{3}|\b116 123\b|\b999\b|\b101\b|https://", service_text), "no way to contact anyone"
    if mode == "handler":
        assert "Case notes:" in service_text
        assert any((m.get("custom") or {}).get("case_notes") for m in services)
    if mode == "kiosk":
        assert any((m.get("custom") or {}).get("print_summary") for m in services)
    assert any(m.get("buttons") for m in services), "offers what to do next"


# --- Paths through a conversation ----------------------------------------------------------------
def test_a_crisis_interrupts_the_place_question(rasa_server, new_sender):
    sender = new_sender()
    assert "Which town" in texts(chat(rasa_server.url, sender, OPENERS["concern_loneliness"]))
    crisis = chat(rasa_server.url, sender, "I've taken all my tablets")
    assert "999" in crisis[0]["text"] and "116 123" in crisis[0]["text"]
    assert "Which town" not in texts(crisis)  # the form was stopped, not resumed over the top
    after = texts(chat(rasa_server.url, sender, "I'm in Dereham"))
    assert "near Dereham" in after  # and the conversation can continue to local support


def test_not_safe_gets_emergency_advice_before_anything_else(rasa_server, new_sender):
    sender = new_sender()
    chat(rasa_server.url, sender, OPENERS["concern_domestic_abuse"])
    reply = chat(rasa_server.url, sender, "/deny")
    assert "999" in reply[0]["text"] and "55" in reply[0]["text"]


def test_declining_to_give_a_place_gives_national_services(rasa_server, new_sender):
    sender = new_sender()
    chat(rasa_server.url, sender, OPENERS["concern_money_debt"])
    reply = texts(chat(rasa_server.url, sender, "I'd rather not say"))
    assert "anywhere in England" in reply
    assert "0300 555 2222" in reply or "0808 8020 133" in reply


def test_an_unknown_place_is_not_guessed(rasa_server, new_sender):
    sender = new_sender()
    chat(rasa_server.url, sender, OPENERS["concern_loneliness"])
    reply = texts(chat(rasa_server.url, sender, "Narnia"))
    assert "didn't recognise" in reply and "national services" in reply
    again = texts(chat(rasa_server.url, sender, "sorry I mean Swaffham"))
    assert "near Swaffham" in again


def test_a_second_concern_mid_way(rasa_server, new_sender):
    sender = new_sender()
    chat(rasa_server.url, sender, OPENERS["concern_loneliness"])
    reply = texts(chat(rasa_server.url, sender, OPENERS["concern_money_debt"]))
    assert variation_text("utter_ack_concern_money_debt", "web") in reply
    services = texts(chat(rasa_server.url, sender, "Stafford"))
    assert "near Stafford" in services


def test_changing_place_looks_again(rasa_server, new_sender):
    sender = new_sender()
    chat(rasa_server.url, sender, OPENERS["concern_loneliness"])
    assert "near Dereham" in texts(chat(rasa_server.url, sender, "Dereham"))
    assert "near Taunton" in texts(chat(rasa_server.url, sender, "actually I live in Taunton"))


def test_worry_about_someone_else_gets_the_reporting_route(rasa_server, new_sender):
    sender = new_sender()
    chat(rasa_server.url, sender, OPENERS["concern_child_safety"])
    chat(rasa_server.url, sender, "/affirm")
    reply = texts(chat(rasa_server.url, sender, "Thetford"))
    assert "To report your worry" in reply
    assert "0344 800 8020" in reply  # Norfolk's children's front door


def test_just_a_number(rasa_server, new_sender):
    sender = new_sender()
    chat(rasa_server.url, sender, OPENERS["concern_substance_misuse"])
    reply = texts(chat(rasa_server.url, sender, "just give me a number to call"))
    assert "0300 123 6600" in reply  # FRANK


def test_asking_for_a_person(rasa_server, new_sender):
    sender = new_sender()
    chat(rasa_server.url, sender, OPENERS["concern_mental_health"])
    reply = texts(chat(rasa_server.url, sender, "can I speak to a real person please"))
    assert "automated" in reply and "116 123" in reply


def test_restart_clears_everything(rasa_server, new_sender):
    sender = new_sender()
    chat(rasa_server.url, sender, OPENERS["concern_loneliness"])
    chat(rasa_server.url, sender, "Dereham")
    assert "cleared" in texts(chat(rasa_server.url, sender, "/restart"))
    reply = chat(rasa_server.url, sender, "Thetford")
    assert reply[0].get("buttons"), "with the concern forgotten, it asks what the worry is"
    assert "What are you worried about" in texts(reply)


def test_out_of_scope_gets_the_council_route(rasa_server, new_sender):
    sender = new_sender()
    chat(rasa_server.url, sender, OPENERS["concern_loneliness"])
    chat(rasa_server.url, sender, "Forebridge")
    reply = texts(chat(rasa_server.url, sender, "when is my bin collected"))
    assert "not other council services" in reply
    assert "Staffordshire" in reply


def test_a_kiosk_knows_its_place_without_typing(rasa_server, new_sender):
    sender = new_sender()
    reply = texts(chat(rasa_server.url, sender, OPENERS["concern_loneliness"], {"mode": "kiosk", "place": "Thetford"}))
    assert "near Thetford" in reply  # (buttons carry the place as payload entities: test_web_server.py)


def test_sessions_expire():
    config = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())["session_config"]
    assert 0 < config["session_expiration_time"] <= 60
    assert config["carry_over_slots_to_new_session"] is False


# --- With the action server down ------------------------------------------------------------------
def test_crisis_and_concerns_still_answer_with_the_action_server_down(rasa_server, action_server, new_sender):
    action_server.stop()
    try:
        crisis = chat(rasa_server.url, new_sender(), "I want to end my life")
        assert "116 123" in crisis[0]["text"] and "999" in crisis[0]["text"]
        danger = chat(rasa_server.url, new_sender(), "he's kicking the door in")
        assert "999" in danger[0]["text"]
        sender = new_sender()
        first = texts(chat(rasa_server.url, sender, OPENERS["concern_scam_fraud"] + ", I live in Taunton"))
        assert "0300 123 2040" in first  # Report Fraud, from the static reply
        assert "couldn't look up local services" in first
        sender = new_sender()
        chat(rasa_server.url, sender, OPENERS["concern_loneliness"])
        assert "couldn't look up local services" in texts(chat(rasa_server.url, sender, "Dereham"))
    finally:
        action_server.start()
    assert "near Dereham" in texts(chat(rasa_server.url, sender, "Dereham"))


def test_more_options_shows_the_next_three_services(rasa_server, directory_server, new_sender):
    """Page two is services four to six of the directory's own ranking: nothing skipped,
    nothing repeated (a slot mapping once re-ran the look-up on every message and moved the
    page on before "more options" was answered)."""
    from actions.directory_client import DirectoryClient

    ranking = [service.name for service in DirectoryClient(directory_server.url).find(
        "concern_mental_health", "Norwich", limit=6).services]
    assert len(ranking) == 6, "the seed directory should have six mental-health services for Norwich"
    sender = new_sender()
    chat(rasa_server.url, sender, OPENERS["concern_mental_health"])
    first_page = texts(chat(rasa_server.url, sender, "Norwich"))
    assert all(name in first_page for name in ranking[:3])
    second_page = texts(chat(rasa_server.url, sender, "more options"))
    assert all(name in second_page for name in ranking[3:]), (ranking, second_page)
    assert not any(name in second_page for name in ranking[:3])

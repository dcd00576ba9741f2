"""Every custom action, run against a real SQLite directory served by the real
directory API (the `directory_server` fixture), from tracker fixtures."""
import re

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as action_module
from actions.directory_client import DirectoryClient, DirectoryUnavailable
from services_directory.files import read_data_dir
from tests.conftest import run_coroutine

DOMAIN = {}
PHONE = re.compile(r"\b0\d{2,4}(?: ?\d{2,4}){1,3}\b|\b116 123\b|\b999\b|\b111\b|\b101\b")


@pytest.fixture
def directory(directory_server, monkeypatch):
    client = DirectoryClient(directory_server.url)
    monkeypatch.setattr(action_module, "directory", client)
    return client


@pytest.fixture
def dead_directory(monkeypatch):
    client = DirectoryClient("http://127.0.0.1:9", timeout=0.5)  # nothing listens on port 9
    monkeypatch.setattr(action_module, "directory", client)
    return client


def tracker(slots=None, intent="inform_location", ranking=None):
    base = {"mode": "web", "concern": None, "location": None, "safe_now": None, "about_someone_else": None,
            "result_offset": 0, "directory_status": "pending"}
    base.update(slots or {})
    return Tracker.from_dict({
        "sender_id": "test", "slots": base,
        "latest_message": {"text": "(test)", "intent": {"name": intent, "confidence": 0.9},
                           "intent_ranking": ranking or [], "entities": []},
        "events": [], "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen",
    })


def run(action, state):
    dispatcher = CollectingDispatcher()
    events = run_coroutine(action.run(dispatcher, state, DOMAIN))
    return dispatcher.messages, events


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def all_text(messages):
    return "\n".join(m.get("text") or "" for m in messages)


def directory_numbers():
    numbers = set()
    for service in read_data_dir().services:
        if service.phone and service.status != "ended":
            numbers.add(service.phone)
    return numbers


def test_finds_local_services_for_a_concern_and_place(directory):
    messages, events = run(action_module.ActionFindServices(),
                           tracker({"concern": "concern_domestic_abuse", "location": "Thetford"}))
    text = all_text(messages)
    assert "near Thetford" in text
    assert "Leeway" in text and "0300 561 0077" in text
    assert "Phone:" in text and "What happens:" in text
    assert messages[-1]["response"] == "utter_what_next"
    assert slot_events(events)["directory_status"] == "ok"
    service_cards = [m for m in messages if m.get("text") and "\n" in m["text"]]
    assert 1 <= len(service_cards) <= 3


def test_every_number_in_a_reply_comes_from_the_directory(directory):
    known = directory_numbers()
    for concern, place in [("concern_loneliness", "Dereham"), ("concern_substance_misuse", "Taunton"),
                           ("concern_hate_crime", "Aylesbury"), ("concern_domestic_abuse", "Stafford")]:
        messages, _ = run(action_module.ActionFindServices(), tracker({"concern": concern, "location": place}))
        for number in PHONE.findall(all_text(messages)):
            assert number in known, f"{number} in a reply for {concern}/{place} is not in the directory"


def test_declining_a_place_gives_national_services(directory):
    messages, events = run(action_module.ActionFindServices(),
                           tracker({"concern": "concern_mental_health", "location": "declined"}, intent="deny"))
    text = all_text(messages)
    assert "anywhere in England" in text
    # Which national lines come first depends on which are open at this hour (CALM opens
    # at 5 pm), so the test asks for a national number, not a particular one.
    assert re.search(r"\b(?:0[0-9]{3} ?[0-9]{2,3} ?[0-9]{3,4}|116 ?123|111)\b", text), text
    assert "Norfolk" not in text and "Somerset" not in text


def test_an_unknown_place_is_said_plainly_and_can_be_retried(directory):
    messages, events = run(action_module.ActionFindServices(),
                           tracker({"concern": "concern_loneliness", "location": "Narnia"}))
    assert "didn't recognise \"Narnia\"" in all_text(messages)
    assert "national services" in all_text(messages)
    assert slot_events(events)["location"] is None  # so the next place they type is used


def test_a_misspelt_place_is_resolved(directory):
    messages, _ = run(action_module.ActionFindServices(),
                      tracker({"concern": "concern_domestic_abuse", "location": "Thetferd"}))
    assert "near Thetford" in all_text(messages)


def test_asks_for_the_concern_when_there_is_none(directory):
    messages, events = run(action_module.ActionFindServices(), tracker({"location": "Thetford"}))
    assert messages == [{**messages[0], "response": "utter_ask_concern"}]
    assert slot_events(events) == {"directory_status": "ok"}


def test_more_options_shows_the_next_page(directory):
    first, first_events = run(action_module.ActionFindServices(),
                              tracker({"concern": "concern_mental_health", "location": "Norwich"}))
    more, more_events = run(action_module.ActionFindServices(),
                            tracker({"concern": "concern_mental_health", "location": "Norwich", "result_offset": 0},
                                    intent="ask_more_services"))
    assert slot_events(more_events)["result_offset"] == 3.0
    first_names = set(slot_events(first_events)["services_shown"])
    assert not first_names & set(slot_events(more_events)["services_shown"])


def test_worry_about_someone_else_gives_the_reporting_route_first(directory):
    messages, _ = run(action_module.ActionFindServices(),
                      tracker({"concern": "concern_child_safety", "location": "Thetford", "about_someone_else": True}))
    text = all_text(messages)
    assert "To report your worry" in text
    assert text.index("To report your worry") < text.index("Children's Advice and Duty Service")


def test_handler_mode_adds_the_professional_route_and_case_notes(directory):
    messages, _ = run(action_module.ActionFindServices(),
                      tracker({"mode": "handler", "concern": "concern_domestic_abuse", "location": "Thetford",
                               "safe_now": True}))
    assert any(m.get("response") == "utter_professional_route" for m in messages)
    notes = next(m for m in messages if (m.get("custom") or {}).get("case_notes"))["custom"]["case_notes"]
    assert "Concern: Abuse by a partner or family member" in notes
    assert "Safe to talk: yes" in notes
    assert "Area: Thetford, Breckland, Norfolk" in notes
    assert "Leeway 0300 561 0077" in notes
    assert "Tell the caller about" in all_text(messages)


def test_kiosk_mode_sends_a_print_summary_without_what_was_said(directory):
    messages, _ = run(action_module.ActionFindServices(),
                      tracker({"mode": "kiosk", "concern": "concern_loneliness", "location": "Dereham"}))
    summary = next(m for m in messages if (m.get("custom") or {}).get("print_summary"))["custom"]["print_summary"]
    assert summary["services"] and all(s["name"] for s in summary["services"])
    assert "(test)" not in str(summary)  # the person's message text never goes to print


def test_directory_down_says_so_and_marks_the_turn_answered(dead_directory):
    messages, events = run(action_module.ActionFindServices(),
                           tracker({"concern": "concern_scam_fraud", "location": "Taunton"}))
    assert messages[0]["response"] == "utter_directory_unavailable"
    assert slot_events(events) == {"directory_status": "ok"}


def test_council_contact_names_the_councils_for_the_place(directory):
    messages, _ = run(action_module.ActionCouncilContact(), tracker({"location": "Forebridge"}, intent="out_of_scope"))
    text = all_text(messages)
    assert "Forebridge" in text and "Stafford" in text and "Staffordshire" in text
    assert messages[-1]["response"] == "utter_capabilities"


def test_council_contact_without_a_place_asks_for_one(directory):
    messages, _ = run(action_module.ActionCouncilContact(), tracker({}, intent="out_of_scope"))
    assert "tell me your town" in all_text(messages)


def test_clarifying_question_uses_plain_words_not_intent_names():
    ranking = [{"name": "nlu_fallback", "confidence": 0.55}, {"name": "concern_money_debt", "confidence": 0.4},
               {"name": "concern_homelessness", "confidence": 0.3}, {"name": "out_of_scope", "confidence": 0.1}]
    messages, _ = run(action_module.ActionDefaultAskAffirmation(), tracker({}, intent="nlu_fallback", ranking=ranking))
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles == ["Money and debt", "Housing or homelessness", "Something else from the council", "Something else"]
    assert all("_" not in title for title in titles)
    assert messages[0]["buttons"][0]["payload"] == "/concern_money_debt"
    assert "call 999" in messages[0]["text"]


def test_clarifying_question_offers_the_crisis_first_when_the_safety_net_asked_it():
    # The safety net's second opinion keeps the model's crisis at the top of the ranking.
    ranking = [{"name": "nlu_fallback", "confidence": 0.4}, {"name": "crisis_immediate_danger", "confidence": 0.6},
               {"name": "out_of_scope", "confidence": 0.3}]
    messages, _ = run(action_module.ActionDefaultAskAffirmation(), tracker({}, intent="nlu_fallback", ranking=ranking))
    assert messages[0]["buttons"][0]["payload"] == "/crisis_immediate_danger"
    assert "call 999" in messages[0]["text"]


def test_directory_client_reports_a_dead_directory_quickly():
    client = DirectoryClient("http://127.0.0.1:9", timeout=0.5)
    with pytest.raises(DirectoryUnavailable):
        client.find("concern_loneliness", "Thetford")


def test_reporting_routes_when_no_service_covers_the_concern(directory):
    messages, _ = run(action_module.ActionFindServices(),
                      tracker({"concern": "concern_antisocial_behaviour", "location": "Norwich"}))
    text = all_text(messages)
    assert "You can report it to:" in text
    assert "101" in text

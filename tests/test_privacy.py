"""Privacy by default: no conversation text in any log, and no tracker written to disk."""
import uuid

import yaml

from tests.conftest import PROJECT_ROOT, chat


def test_no_conversation_text_in_any_server_log(web_server, rasa_server, action_server, directory_server,
                                                 logs_dir, new_sender):
    marker = "zqx" + uuid.uuid4().hex[:10]
    sender = new_sender()
    chat(rasa_server.url, sender, f"I'm so lonely and my cat {marker} died")
    chat(rasa_server.url, sender, f"I live in {marker}ville")  # an unknown place, echoed back to the person only
    import requests
    requests.post(f"{web_server.url}/api/message",
                  json={"sender": "privacy" + uuid.uuid4().hex[:8], "message": f"help {marker}"}, timeout=30)
    for log in logs_dir.glob("*.log"):
        assert marker not in log.read_text(errors="replace"), f"conversation text found in {log.name}"


def test_trackers_stay_in_memory_by_default():
    endpoints = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text()) or {}
    assert "tracker_store" not in endpoints, "the default must keep conversations in memory only"
    assert "event_broker" not in endpoints

"""The prebuilt check of the action server's replies judges exactly as Rasa's own does,
and checks Rasa's schema against the meta-schema once, not on every reply."""
from unittest import mock

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot import action_response_check

RASAS_OWN_CHECK = RemoteAction._validate_action_result
assert RASAS_OWN_CHECK is not action_response_check.validate_action_result

VALID = [
    {},
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "timestamp": None, "name": "location", "value": "Thetford"},
                {"event": "active_loop", "name": None}],
     "responses": [{"text": "Here are services near Thetford.", "buttons": [{"title": "More", "payload": "/affirm"}]},
                   {"response": "utter_capabilities"}]},
]
INVALID = [
    {"events": "not a list"},
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"event": "slot"}]},  # a slot event needs a name
    {"responses": [["not", "an", "object"]]},
    [],
]


@pytest.fixture
def installed(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RASAS_OWN_CHECK)
    action_response_check.install()
    return RemoteAction("action_find_services", None)


def rasa_accepts(result) -> bool:
    try:
        return RASAS_OWN_CHECK(RemoteAction("action_find_services", None), result)
    except ValidationError:
        return False


@pytest.mark.parametrize("result", VALID + INVALID)
def test_the_prebuilt_check_gives_rasas_verdict(installed, result):
    if rasa_accepts(result):
        assert installed._validate_action_result(result) is True
    else:
        with pytest.raises(ValidationError) as raised:
            installed._validate_action_result(result)
        assert "Failed to validate Action server response" in raised.value.message


def test_the_fixtures_cover_both_verdicts():
    assert all(rasa_accepts(result) for result in VALID)
    assert not any(rasa_accepts(result) for result in INVALID)


def test_rasas_schema_is_checked_against_the_meta_schema_once(installed):
    action_response_check.action_response_validator.cache_clear()
    validator_class = type(action_response_check.action_response_validator())
    action_response_check.action_response_validator.cache_clear()
    with mock.patch.object(validator_class, "check_schema", wraps=validator_class.check_schema) as check_schema:
        for _ in range(5):
            installed._validate_action_result(VALID[2])
    assert check_schema.call_count == 1


def test_the_rasa_server_starts_with_the_prebuilt_check(monkeypatch, tmp_path):
    """bot.serve_rasa installs the check before serving (serving itself is stubbed here)."""
    from bot import serve_rasa

    monkeypatch.setattr(RemoteAction, "_validate_action_result", RASAS_OWN_CHECK)
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"")
    monkeypatch.setenv("RASA_API_TOKEN", "x" * 32)
    served = []
    monkeypatch.setattr("rasa.core.run.serve_application", lambda **kwargs: served.append(
        RemoteAction._validate_action_result))
    assert serve_rasa.main(["--model", str(model)]) == 0
    assert served == [action_response_check.validate_action_result]

"""Rasa's own end-to-end test stories (tests/stories/) and data validation, run the
way CI would run them by hand."""
import subprocess
import sys

from tests.conftest import MODEL, PROJECT_ROOT

RASA = [sys.executable, "-m", "rasa"]
ENV_NOTE = "see the output above"
# Responses sent by forms (utter_ask_*), by custom actions (via dispatcher), or by Rasa's
# default actions, so no story or rule names them; Rasa's validator warns about each.
USED_OUTSIDE_STORIES = {"utter_ask_safe_now", "utter_ask_location", "utter_ask_concern", "utter_what_next",
                        "utter_professional_route", "utter_default", "utter_restart"}


def run(args, timeout):
    return subprocess.run(RASA + args, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout,
                          env={**__import__("os").environ, "RASA_TELEMETRY_ENABLED": "false"})


def test_story_and_nlu_data_validate_cleanly():
    result = run(["data", "validate"], timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    warnings = [line for line in output.splitlines() if "UserWarning" in line]
    unexpected = [w for w in warnings if not any(f"'{name}'" in w and "is not used" in w for name in USED_OUTSIDE_STORIES)]
    assert not unexpected, "\n".join(unexpected)
    assert "No story structure conflicts found" in output


def test_conversation_stories_pass(tmp_path):
    assert MODEL.exists(), "train the model first (make train)"
    result = run(["test", "core", "--model", str(MODEL), "--stories", "tests/stories",
                  "--out", str(tmp_path), "--fail-on-prediction-errors", "--no-plot"], timeout=900)
    output = result.stdout + result.stderr
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, f"{output[-2000:]}\n{details[:4000]}"

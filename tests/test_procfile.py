"""The Procfile `make run` starts: a crashed helper service comes back on its own and
leaves the others running, and stopping the process group (what honcho does on
Ctrl-C) stops the wrapper and its service together."""
import os
import signal
import subprocess
import time
from pathlib import Path

import requests

from bot.stack import free_port

ROOT = Path(__file__).resolve().parent.parent


def wait_until(check, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def answering(url: str) -> bool:
    """Any HTTP answer will do: the empty database makes /health say 503, by design."""
    try:
        requests.get(url, timeout=1)
        return True
    except requests.RequestException:
        return False


def test_procfile_runs_every_helper_service_through_the_restarting_wrapper():
    entries = dict(line.split(": ", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line.strip())
    assert set(entries) == {"rasa", "actions", "directory", "web"}
    for name in ("actions", "directory", "web"):
        assert entries[name] == f"scripts/keep-running.sh {name}"


def test_a_crashed_service_is_started_again_and_a_group_stop_ends_it(tmp_path):
    port = free_port()
    env = dict(os.environ, DIRECTORY_PORT=str(port), RESTART_DELAY_SECONDS="0.2",
               DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    wrapper = subprocess.Popen(["scripts/keep-running.sh", "directory"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    health = f"http://127.0.0.1:{port}/health"
    try:
        assert wait_until(lambda: answering(health), 30), "the directory API never started"
        served_by = subprocess.run(["pgrep", "-f", f"services_directory serve --port {port}"],
                                   capture_output=True, text=True).stdout.split()
        assert len(served_by) == 1
        os.kill(int(served_by[0]), signal.SIGKILL)  # a crash, not a polite stop
        assert wait_until(lambda: not answering(health), 5)
        assert wait_until(lambda: answering(health), 30), "the directory API was not started again"
        assert wrapper.poll() is None
    finally:
        os.killpg(wrapper.pid, signal.SIGTERM)
    assert wrapper.wait(timeout=15) is not None
    assert "directory stopped (exit status" in wrapper.stderr.read().decode()
    gone = subprocess.run(["pgrep", "-f", f"services_directory serve --port {port}"], capture_output=True)
    assert gone.returncode == 1, "the service outlived its wrapper"

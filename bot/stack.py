"""Start Signpost's servers as subprocesses on free ports: used by the tests, the
benchmarks and the terminal chat (`make run` uses honcho and the Procfile instead).

    with Stack.start(database_url, rasa=True) as stack:
        stack.rasa_url, stack.directory_url, stack.action_url ...
"""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

import requests

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MODEL = PROJECT_ROOT / "models" / "signpost.tar.gz"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(**extra) -> dict:
    env = dict(os.environ)
    env.update({"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONUNBUFFERED": "1",
                "SANIC_HOST": "127.0.0.1"})
    env.update({key: str(value) for key, value in extra.items()})
    return env


class ServiceProcess:
    """A server started as a subprocess, ready once `health_url` answers."""

    def __init__(self, name: str, args: List[str], env: dict, log_dir: Path, health_url: str,
                 timeout: float = 120):
        self.name, self.args, self.env, self.health_url, self.timeout = name, args, env, health_url, timeout
        self.log_path = Path(log_dir) / f"{name}.log"
        self.process: Optional[subprocess.Popen] = None
        self.url = health_url.split("/", 3)[0] + "//" + health_url.split("/", 3)[2]

    def start(self) -> "ServiceProcess":
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(self.args, cwd=PROJECT_ROOT, env=self.env, stdout=log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.tail()}")
            try:
                if requests.get(self.health_url, timeout=1).status_code < 500:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"{self.name} did not start within {self.timeout}s:\n{self.tail()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    @property
    def pid(self) -> Optional[int]:
        return self.process.pid if self.process else None

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def directory_process(database_url: str, log_dir: Path, ready_path: str = "/health",
                      name: str = "directory") -> ServiceProcess:
    """The directory API; ready when `ready_path` answers (`/health` needs loaded data)."""
    port = free_port()
    return ServiceProcess(
        name, [PYTHON, "-m", "services_directory", "--database", database_url, "serve", "--port", str(port)],
        server_env(), log_dir, f"http://127.0.0.1:{port}{ready_path}", timeout=60)


def action_process(directory_url: str, log_dir: Path) -> ServiceProcess:
    port = free_port()
    return ServiceProcess(
        "actions", [PYTHON, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)],
        server_env(DIRECTORY_URL=directory_url), log_dir, f"http://127.0.0.1:{port}/health", timeout=90)


def rasa_process(action_url: str, token: str, log_dir: Path, model: Path = MODEL) -> ServiceProcess:
    port = free_port()
    endpoints = Path(log_dir) / f"endpoints-{port}.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "{action_url}/webhook"\n')
    return ServiceProcess(
        "rasa", [PYTHON, "-m", "bot.serve_rasa", "--port", str(port), "--endpoints", str(endpoints),
                 "--model", str(model)],
        server_env(RASA_API_TOKEN=token), log_dir, f"http://127.0.0.1:{port}/", timeout=240)


@contextmanager
def running_stack(database_url: str, log_dir: Optional[Path] = None) -> Iterator[dict]:
    """Directory API, action server and Rasa, stopped (in reverse order) on exit."""
    log_dir = Path(log_dir or tempfile.mkdtemp(prefix="signpost-logs-"))
    token = uuid.uuid4().hex + uuid.uuid4().hex
    started: List[ServiceProcess] = []
    try:
        directory = directory_process(database_url, log_dir).start()
        started.append(directory)
        actions = action_process(directory.url, log_dir).start()
        started.append(actions)
        rasa = rasa_process(actions.url, token, log_dir).start()
        started.append(rasa)
        yield {"directory": directory, "actions": actions, "rasa": rasa, "token": token, "log_dir": log_dir}
    finally:
        for process in reversed(started):
            process.stop()

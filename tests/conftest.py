"""Shared fixtures: real servers on free ports, a real SQLite directory, and (when asked
for) a throwaway PostgreSQL database.

Servers start once per test session and stop at the end. Each writes its log to a file
in the session's temporary folder; a server that does not come up fails with its log.
"""
import os
import shutil
import uuid
from pathlib import Path

import pytest
import requests

from bot.stack import (  # noqa: E402  (shared with the benchmarks and the terminal chat)
    MODEL, PROJECT_ROOT, PYTHON, ServiceProcess, action_process, directory_process, free_port,
    rasa_process, server_env,
)

POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(scope="session")
def logs_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("server-logs")


@pytest.fixture(scope="session")
def directory_database(tmp_path_factory) -> str:
    """A real SQLite directory loaded from the data files, shared by the session."""
    from services_directory import db
    from services_directory.loader import load

    url = f"sqlite:///{tmp_path_factory.mktemp('directory') / 'directory.sqlite3'}"
    load(db.make_engine(url))
    return url


@pytest.fixture(scope="session")
def directory_server(directory_database, logs_dir):
    server = directory_process(directory_database, logs_dir).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def action_server(directory_server, logs_dir):
    server = action_process(directory_server.url, logs_dir).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def rasa_token() -> str:
    return uuid.uuid4().hex + uuid.uuid4().hex


@pytest.fixture(scope="session")
def rasa_server(action_server, logs_dir, rasa_token):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` (make test does it for you).")
    server = rasa_process(action_server.url, rasa_token, logs_dir).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def web_server(rasa_server, logs_dir):
    port = free_port()
    server = ServiceProcess(
        "web", [PYTHON, "-m", "bot.web", "--port", str(port)],
        server_env(RASA_URL=rasa_server.url, HANDLER_USERNAME="handler", HANDLER_PASSWORD="test-password-123",
                 SIGNPOST_ENV="development", KIOSK_WARN_SECONDS=4, KIOSK_WIPE_SECONDS=7,
                 RATE_LIMIT_BURST=50, RATE_LIMIT_PER_MINUTE=600),
        logs_dir, f"http://127.0.0.1:{port}/healthz", timeout=60).start()
    server.url = f"http://127.0.0.1:{port}"
    server.handler_credentials = ("handler", "test-password-123")
    yield server
    server.stop()


def chat(rasa_url: str, sender: str, text: str, metadata: dict = None) -> list:
    """One message through Rasa's REST webhook; returns the bot's messages."""
    body = {"sender": sender, "message": text}
    if metadata:
        body["metadata"] = metadata
    response = requests.post(f"{rasa_url}/webhooks/rest/webhook", json=body, timeout=30)
    response.raise_for_status()
    return response.json()


def run_coroutine(coroutine):
    """Run a coroutine to completion from a test. Playwright's sync API keeps an event
    loop running on the main thread for the browser tests' session, so asyncio.run()
    there would refuse; a worker thread has no loop of its own yet."""
    from concurrent.futures import ThreadPoolExecutor
    import asyncio

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def texts(messages: list) -> str:
    return "\n".join(m.get("text", "") for m in messages if m.get("text"))


@pytest.fixture
def new_sender():
    return lambda: "test-" + uuid.uuid4().hex[:16]


@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway PostgreSQL database, created for the session and dropped after."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"signpost_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_ADMIN_URL, future=True, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # a real failure, reported clearly: these tests need PostgreSQL
        pytest.fail(f"PostgreSQL at {POSTGRES_ADMIN_URL} is needed for these tests: {error}")
    url = make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as connection:
        connection.execute(text(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's chromium is needed for the browser tests: `make test` installs it "
                    "(apt-get install chromium).")
    return path

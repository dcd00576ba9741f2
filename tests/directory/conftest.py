"""Fixtures for the services directory tests: the same tests run against SQLite and
against PostgreSQL.

`backend` is a session fixture parametrised over both, so every test that asks for a
database (directly or through `directory`, `ranking`, `fresh_url`, `api`...) runs once
per backend; test ids end in [sqlite] or [postgresql]. PostgreSQL tests use the
throwaway database of tests/conftest.py (`postgres_url`): the real data is loaded into
its public schema, and tests that write get a schema of their own (search_path set in
the URL), dropped afterwards with the database.
"""
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

from tests.directory.directory_test_support import start_api, copy_data_dir, ranking_data
from services_directory import db
from services_directory.files import read_data_dir
from services_directory.loader import load
from services_directory.search import Directory

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def real_data():
    """The real data files, read and checked once."""
    return read_data_dir()


def _schema_url(postgres_url: str, prefix: str) -> str:
    """A new schema in the throwaway database, and a URL that uses it."""
    schema = f"{prefix}_{uuid.uuid4().hex[:8]}"
    engine = create_engine(postgres_url, future=True, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return f"{postgres_url}?options={quote(f'-csearch_path={schema}')}"


def _drop_schema(url: str) -> None:
    schema = url.split("search_path%3D")[-1]
    engine = create_engine(url.split("?")[0], future=True, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture(scope="session")
def loaded_url(backend, request, real_data) -> str:
    """A database loaded from the real data files; read-only for tests."""
    if backend == "sqlite":
        return request.getfixturevalue("directory_database")
    url = request.getfixturevalue("postgres_url")
    engine = db.make_engine(url)
    load(engine, real_data)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def directory(loaded_url) -> Directory:
    directory = Directory(db.make_engine(loaded_url))
    yield directory
    directory.engine.dispose()


@pytest.fixture
def fresh_url(backend, request, tmp_path) -> str:
    """An empty database of the backend under test, for tests that write."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    url = _schema_url(request.getfixturevalue("postgres_url"), "fresh")
    yield url
    _drop_schema(url)


@pytest.fixture(scope="session")
def shared_writable(backend, request, tmp_path_factory, real_data) -> Directory:
    """A second database with the real data, for tests that try writes which must fail
    and leave it as it was (they check that they did)."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('writable') / 'writable.sqlite3'}"
    else:
        url = _schema_url(request.getfixturevalue("postgres_url"), "writable")
    engine = db.make_engine(url)
    load(engine, real_data)
    directory = Directory(engine)
    directory.url = url
    yield directory
    engine.dispose()


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return copy_data_dir(tmp_path / "data")


@pytest.fixture(scope="session")
def ranking(backend, request, tmp_path_factory) -> Directory:
    """A Directory over the ranking fixture (tests/directory/fixtures/ranking)."""
    data = ranking_data(tmp_path_factory.mktemp("ranking-data"))
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('ranking') / 'ranking.sqlite3'}"
    else:
        url = _schema_url(request.getfixturevalue("postgres_url"), "ranking")
    engine = db.make_engine(url)
    load(engine, data)
    directory = Directory(engine)
    yield directory
    engine.dispose()


@pytest.fixture(scope="session")
def api(backend, request, loaded_url, tmp_path_factory) -> str:
    """Base URL of the HTTP API over the real data: the shared `directory_server` for
    SQLite, a second API process on the PostgreSQL database for PostgreSQL."""
    if backend == "sqlite":
        yield request.getfixturevalue("directory_server").url
        return
    server = start_api(loaded_url, tmp_path_factory.mktemp("api-logs") / "api-postgresql.log")
    yield server.url
    server.stop()

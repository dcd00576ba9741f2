"""Helpers for the services directory tests (imported by conftest.py and the tests)."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from sqlalchemy import inspect, select

from services_directory import db
from services_directory.files import DATA_DIR, read_data_dir

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PYTHON = sys.executable
# Integer ids the database assigns (they differ between loads, by design).
ASSIGNED_IDS = {"phone", "schedule", "service_area", "area_name"}


def find_record(records: list, record_id: str) -> dict:
    return next(r for r in records if r.get("id") == record_id)


def copy_data_dir(target: Path) -> Path:
    """A copy of the real data files (areas, services, taxonomy) to change in a test.
    Quotes are still checked against the real sources (services_directory/data/sources)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("areas", "services"):
        shutil.copytree(DATA_DIR / name, target / name)
    shutil.copy(DATA_DIR / "taxonomy.yml", target / "taxonomy.yml")
    return target


def read_records(path: Path) -> list:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_records(path: Path, records: list) -> None:
    path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True), encoding="utf-8")


def ranking_data(target: Path):
    """Real areas and taxonomy with the ranking fixture's services and source."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(DATA_DIR / "areas", target / "areas")
    shutil.copytree(FIXTURES / "ranking" / "services", target / "services")
    shutil.copy(DATA_DIR / "taxonomy.yml", target / "taxonomy.yml")
    return read_data_dir(target, sources_dir=FIXTURES / "ranking" / "sources")


def snapshot(url: str) -> dict:
    """Every row of every table (database-assigned integer ids left out), sorted: two
    equal snapshots mean the same directory content."""
    engine = db.make_engine(url)
    tables = {}
    with engine.connect() as connection:
        for table in db.Base.metadata.sorted_tables:
            if not inspect(connection).has_table(table.name):
                continue
            columns = [c for c in table.columns if not (table.name in ASSIGNED_IDS and c.name == "id")]
            rows = connection.execute(select(*columns)).all()
            tables[table.name] = sorted(tuple(str(v) for v in row) for row in rows)
    engine.dispose()
    return tables


def run_cli(*args, timeout=120) -> subprocess.CompletedProcess:
    """`python -m services_directory ARGS` as the officer would run it."""
    return subprocess.run([PYTHON, "-m", "services_directory", *map(str, args)], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def start_api(database_url: str, log_path: Path, ready_path: str = "/health"):
    """`python -m services_directory serve` on a free port (bot/stack.py), started."""
    from bot.stack import directory_process

    return directory_process(database_url, log_path.parent, ready_path=ready_path, name=log_path.stem).start()

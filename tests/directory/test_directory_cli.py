"""`python -m services_directory` as the maintaining officer runs it: exit codes (0 done,
1 problems found, 2 wrong usage) and messages, on SQLite and PostgreSQL."""
import json
import uuid

from sqlalchemy.engine import make_url

from services_directory.oruk import check_feed
from tests.conftest import POSTGRES_ADMIN_URL
from tests.directory.directory_test_support import FIXTURES, find_record, read_records, run_cli, write_records


# --- No database needed ---------------------------------------------------------------------

def test_validate_the_real_files(real_data):
    result = run_cli("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"OK: {len(real_data.areas)} areas and {len(real_data.services)} services")


def test_validate_names_every_problem(data_dir):
    path = data_dir / "services" / "national.yml"
    records = read_records(path)
    find_record(records, "national-samaritans")["areas"] = ["atlantis"]
    find_record(records, "national-shout")["concerns"] = ["concern_weather"]
    write_records(path, records)
    result = run_cli("validate", "--data", data_dir)
    assert result.returncode == 1
    assert "2 problem(s) in the directory data" in result.stderr
    assert "services/national.yml: record 'national-samaritans', field 'areas': 'atlantis' is not an area id" \
        in result.stderr
    assert "services/national.yml: record 'national-shout', field 'concerns'" in result.stderr


def test_wrong_usage_exits_2():
    assert run_cli("frobnicate").returncode == 2
    wrong_format = run_cli("export", "--format", "csv")
    assert wrong_format.returncode == 2 and "invalid choice: 'csv'" in wrong_format.stderr


# --- Against each backend -------------------------------------------------------------------

def test_load_export_import_and_stale(fresh_url, tmp_path):
    load = run_cli("--database", fresh_url, "load")
    assert load.returncode == 0, load.stderr
    assert load.stdout.startswith("Loaded ") and "password" not in load.stdout

    export_file = tmp_path / "export.json"
    export = run_cli("--database", fresh_url, "export", "--format", "oruk", "--output", export_file)
    assert export.returncode == 0, export.stderr
    feed = json.loads(export_file.read_text())
    assert check_feed(feed) == [] and feed["total_items"] == len(feed["contents"]) > 90
    assert f"Wrote {len(feed['contents'])} services to {export_file}" in export.stderr
    to_stdout = run_cli("--database", fresh_url, "export")
    assert to_stdout.returncode == 0 and json.loads(to_stdout.stdout) == feed

    imported = run_cli("--database", fresh_url, "import", FIXTURES / "oruk-1.0-page.json")
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip().startswith("Imported 2 services from")

    search = run_cli("--database", fresh_url, "search", "concern_money_debt", "--place", "Thetford", "--limit", "20")
    assert search.returncode == 0
    assert "Place: Thetford (town, matched by name)" in search.stdout
    assert "Council: Breckland District Council" in search.stdout
    assert "Test Money Advice Line" in search.stdout

    stale = run_cli("--database", fresh_url, "stale", "--today", "2027-03-01")
    assert stale.returncode == 0
    assert "record(s) past their review date" in stale.stdout and "norfolk-" in stale.stdout
    none = run_cli("--database", fresh_url, "stale", "--today", "2026-01-01")
    assert none.stdout.strip() == "No records are past their review date."


def test_database_option_may_follow_the_command(fresh_url):
    # The Makefile and the README both write it after the command; the docstring before it.
    load = run_cli("load", "--database", fresh_url)
    assert load.returncode == 0, load.stderr
    search = run_cli("search", "concern_scam_fraud", "--database", fresh_url)
    assert search.returncode == 0, search.stderr
    assert "Report Fraud" in search.stdout


def test_a_bad_feed_is_refused_naming_record_and_field(shared_writable, tmp_path):
    fresh_url = shared_writable.url
    feed = json.loads((FIXTURES / "oruk-3.0-page.json").read_text())
    feed["contents"][1]["status"] = "paused"
    bad = tmp_path / "bad-feed.json"
    bad.write_text(json.dumps(feed))
    result = run_cli("--database", fresh_url, "import", bad)
    assert result.returncode == 1
    assert f"{bad}: service 2 (Test Friendship Group): field 'status' has unknown value 'paused'" in result.stderr
    not_json = tmp_path / "not-json.json"
    not_json.write_text("this is not JSON")
    result = run_cli("--database", fresh_url, "import", not_json)
    assert result.returncode == 1 and "cannot read the feed as JSON" in result.stderr


def test_a_database_that_is_not_there_is_reported_clearly(backend, tmp_path):
    if backend == "postgresql":
        url = make_url(POSTGRES_ADMIN_URL).set(database=f"signpost_missing_{uuid.uuid4().hex[:8]}")
        url = url.render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp_path / 'never-loaded.sqlite3'}"
    result = run_cli("--database", url, "stale")
    assert result.returncode == 1
    assert result.stderr.startswith("Database error (OperationalError)")
    assert "python -m services_directory load" in result.stderr

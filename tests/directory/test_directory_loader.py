"""Loading the data files, on SQLite and PostgreSQL: all or nothing, and idempotent."""
import json

import pytest
from sqlalchemy import func, select, text

from services_directory import db, loader
from services_directory.files import read_data_dir
from services_directory.loader import load, stable_id
from services_directory.models import Area, AreaCouncil, Service
from services_directory.oruk import export_feed, import_feed
from services_directory.places import PlaceNotFound
from services_directory.search import Directory
from tests.directory.directory_test_support import (
    FIXTURES, find_record, read_records, run_cli, snapshot, write_records,
)


def count(url, model) -> int:
    engine = db.make_engine(url)
    with engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(model)).scalar_one()
    engine.dispose()
    return total


def test_loading_twice_gives_identical_content(fresh_url, real_data):
    engine = db.make_engine(fresh_url)
    first = load(engine, real_data)
    before = snapshot(fresh_url)
    second = load(engine, real_data)
    engine.dispose()
    assert first == second == {"areas": len(real_data.areas), "services": len(real_data.services),
                               "replaced_imports": 0}
    assert snapshot(fresh_url) == before
    service_ids = {row[0] for row in before["service"]}
    assert service_ids == {stable_id("service", s.id) for s in real_data.services}
    assert len(before["area"]) == len(real_data.areas)
    assert len(before["area_council"]) == sum(1 for a in real_data.areas if a.council)
    assert before["service_coverage"], "the search index table is filled"


def test_a_bad_data_dir_loads_nothing_and_names_the_problem(fresh_url, real_data, data_dir):
    engine = db.make_engine(fresh_url)
    load(engine, real_data)
    engine.dispose()
    before = snapshot(fresh_url)
    path = data_dir / "services" / "norfolk.yml"
    records = read_records(path)
    find_record(records, "norfolk-leeway")["contact"]["phone"] = "ring the office"
    find_record(records, "norfolk-cads")["name"] = "CADS renamed (a good change that must not be loaded either)"
    write_records(path, records)
    result = run_cli("--database", fresh_url, "load", "--data", data_dir)
    assert result.returncode == 1
    assert "services/norfolk.yml: record 'norfolk-leeway', field 'contact.phone'" in result.stderr
    assert snapshot(fresh_url) == before


def test_a_failure_part_way_through_a_load_rolls_everything_back(fresh_url, real_data, data_dir, monkeypatch):
    engine = db.make_engine(fresh_url)
    load(engine, real_data)
    before = snapshot(fresh_url)
    path = data_dir / "services" / "national.yml"
    records = read_records(path)
    find_record(records, "national-samaritans")["name"] = "Samaritans (changed)"
    write_records(path, records[:10])  # and most national records dropped
    changed = read_data_dir(data_dir)
    real_insert = loader._insert_services

    def insert_then_fail(session, services, taxonomy):
        real_insert(session, services, taxonomy)  # every delete and insert has happened...
        raise RuntimeError("the disk is full")  # ... and then the load fails

    monkeypatch.setattr(loader, "_insert_services", insert_then_fail)
    with pytest.raises(RuntimeError, match="disk is full"):
        load(engine, changed)
    engine.dispose()
    assert snapshot(fresh_url) == before


def test_dropping_an_area_an_import_still_uses_loads_nothing(fresh_url, real_data, data_dir, tmp_path):
    engine = db.make_engine(fresh_url)
    load(engine, real_data)
    feed = {"contents": [{"id": "8a6c1e2f-3b4d-4e5f-8a9b-0c1d2e3f4a01", "name": "Buckingham Test Lunch Club",
                          "status": "active", "service_areas": [{"service_area": "Buckingham"}]}]}
    import_feed(db.make_session_factory(engine), feed, source="buckingham.json")
    engine.dispose()
    before = snapshot(fresh_url)
    path = data_dir / "areas" / "buckinghamshire.yml"
    write_records(path, [a for a in read_records(path) if a["id"] != "buckingham"])
    result = run_cli("--database", fresh_url, "load", "--data", data_dir)
    assert result.returncode == 1
    assert "Nothing was loaded: Area 'buckingham' is no longer in the data files" in result.stderr
    assert snapshot(fresh_url) == before


def test_areas_dropped_from_the_files_go_with_their_wards(fresh_url, real_data, data_dir):
    engine = db.make_engine(fresh_url)
    load(engine, real_data)
    path = data_dir / "areas" / "norfolk.yml"
    gone = {"kings-lynn", "gaywood", "north-lynn", "south-lynn"}
    write_records(path, [a for a in read_records(path) if a["id"] not in gone])
    load(engine, read_data_dir(data_dir))
    with engine.connect() as connection:
        left = set(connection.execute(select(Area.id)).scalars())
    assert not gone & left and "kings-lynn-and-west-norfolk" in left
    for name in ("Gaywood", "North Lynn", "King's Lynn"):
        place = Directory(engine).resolve_place(name)
        assert isinstance(place, PlaceNotFound) or place.area_id not in gone, place
    engine.dispose()


def test_imported_services_survive_a_reload(fresh_url, real_data):
    engine = db.make_engine(fresh_url)
    load(engine, real_data)
    feed = json.loads((FIXTURES / "oruk-3.0-page.json").read_text())
    import_feed(db.make_session_factory(engine), feed, source="neighbour.json")
    load(engine, real_data)
    assert count(fresh_url, Service) == len(real_data.services) + 2
    response = Directory(engine).search("concern_domestic_abuse", place="Thetford", limit=50)
    assert "Thetford Test Drop-in" in [s.name for s in response.services]
    engine.dispose()


def test_a_reload_replaces_imported_copies_of_file_records(fresh_url, real_data, tmp_path):
    """Importing our own export turns file records into imported copies; the next load
    must put the file records back (it failed on the duplicate ids before)."""
    engine = db.make_engine(fresh_url)
    load(engine, real_data)
    before = snapshot(fresh_url)
    sessions = db.make_session_factory(engine)
    feed = export_feed(sessions)
    import_feed(sessions, feed, source="our-own-export.json")
    assert snapshot(fresh_url) != before
    counts = load(engine, real_data)
    engine.dispose()
    assert counts["replaced_imports"] == len(feed["contents"])
    assert snapshot(fresh_url) == before


def test_a_database_loaded_before_councils_and_coverage_still_answers(fresh_url, real_data):
    """Code upgraded before the next `load`: the new tables are missing. Places still
    resolve (without a council) and search still works (without the coverage index)."""
    engine = db.make_engine(fresh_url)
    load(engine, real_data)
    expected = Directory(engine).search("concern_domestic_abuse", place="Thetford", limit=10)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE area_council"))
        connection.execute(text("DROP TABLE service_coverage"))
    old = Directory(engine)
    place = old.resolve_place("Thetford")
    assert place.area_id == "thetford" and place.council is None
    response = old.search("concern_domestic_abuse", place="Thetford", limit=10)
    assert [s.id for s in response.services] == [s.id for s in expected.services]
    load(engine, real_data)  # the next load creates and fills them
    assert Directory(engine).resolve_place("Thetford").council.name == "Breckland District Council"
    assert count(fresh_url, AreaCouncil) == sum(1 for a in real_data.areas if a.council)
    engine.dispose()


def test_the_shared_database_is_the_real_data(directory, real_data):
    with directory.sessions() as session:
        assert session.execute(select(func.count(Service.id))).scalar_one() == len(real_data.services)
        councils = dict(session.execute(select(AreaCouncil.area_id, AreaCouncil.name)).all())
    assert councils == {a.id: a.council.name for a in real_data.areas if a.council}

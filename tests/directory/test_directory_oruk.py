"""Open Referral UK out and in, on SQLite and PostgreSQL: the export is valid against the
official ORUK 3.0 schema (checked here independently with jsonschema), check_feed
catches a broken export, and the importer reads ORUK 3.0 and 1.0 pages."""
import copy
import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import select

from services_directory import db
from services_directory.files import read_data_dir
from services_directory.loader import load, stable_id
from services_directory.models import Service
from services_directory.oruk import SCHEMA_DIR, FeedError, check_feed, export_feed, feed_items, import_feed
from services_directory.search import Directory
from tests.directory.directory_test_support import FIXTURES, copy_data_dir

WEDNESDAY_10AM = dt.datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/London"))
SERVICE_SCHEMA = json.loads((SCHEMA_DIR / "compiled" / "service.json").read_text())


def official_errors(service: dict) -> list:
    validator = Draft202012Validator(SERVICE_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(service)]


@pytest.fixture(scope="module")
def feeds():
    return {"3.0": json.loads((FIXTURES / "oruk-3.0-page.json").read_text()),
            "1.0": json.loads((FIXTURES / "oruk-1.0-page.json").read_text())}


@pytest.fixture
def loaded_fresh(fresh_url, real_data):
    """A writable database with the real data loaded."""
    engine = db.make_engine(fresh_url)
    load(engine, real_data)
    directory = Directory(engine)
    yield directory
    engine.dispose()


# --- Export -------------------------------------------------------------------------------

def test_the_export_is_valid_oruk_3(directory, real_data):
    feed = export_feed(directory.sessions)
    live = [s for s in real_data.services if s.status != "ended"]
    assert feed["total_items"] == len(feed["contents"]) == len(live)
    assert check_feed(feed) == []
    for service in feed["contents"]:
        assert official_errors(service) == [], service["name"]
        assert service["organization_id"] == service["organization"]["id"]
        assert service["status"] == "active"
    assert {s["signpost"]["slug"] for s in feed["contents"]} == {s.id for s in live}


def test_the_export_carries_what_a_signposting_feed_needs(directory, real_data):
    feed = export_feed(directory.sessions)
    leeway = next(s for s in feed["contents"] if s["signpost"]["slug"] == "norfolk-leeway")
    record = next(s for s in real_data.services if s.id == "norfolk-leeway")
    assert leeway["phones"][0]["number"] == record.phone == "0300 561 0077"
    assert {a["taxonomy_term"]["name"] for a in leeway["attributes"]} >= {
        "Domestic Violence Survivors", "Concern domestic abuse"}
    assert leeway["service_areas"][0]["extent"] == "norfolk"
    assert leeway["signpost"]["source"] == {"document": record.source_document, "quote": record.source_quote}
    unverified = next(s for s in feed["contents"] if s["signpost"]["status"] == "unverified")
    assert unverified["status"] == "active" and "not been confirmed recently" in unverified["alert"]


def test_ended_services_are_exported_only_when_asked_and_then_as_defunct(directory, real_data):
    ended = {s.id for s in real_data.services if s.status == "ended"}
    assert ended
    feed = export_feed(directory.sessions, include_ended=True)
    assert check_feed(feed) == []
    exported = {s["signpost"]["slug"]: s for s in feed["contents"]}
    assert ended <= set(exported)
    assert {exported[slug]["status"] for slug in ended} == {"defunct"}
    assert all(exported[slug]["alert"].startswith("This service has ended.") for slug in ended)


@pytest.mark.parametrize("breakage, words", [
    (lambda f: f["contents"][0].pop("status"), "'status' is a required property"),
    (lambda f: f["contents"][0].update(id="not-a-uuid"), "is not a 'uuid'"),
    (lambda f: f["contents"][0].update(email="not an email"), "is not a 'email'"),
    (lambda f: f["contents"][0].update(status="open"), "is not one of ['active'"),
    (lambda f: f["contents"][0].update(minimum_age="sixteen"), "is not of type 'number'"),
    (lambda f: f["contents"][1].update(id=f["contents"][0]["id"]), "is used twice"),
    (lambda f: f["contents"][0].update(organization_id=f["contents"][1]["organization_id"])
     if f["contents"][0]["organization_id"] != f["contents"][1]["organization_id"]
     else f["contents"][0].update(organization_id=stable_id("organization", "someone else")),
     "organization_id does not match the nested organization"),
    (lambda f: f["contents"][0]["attributes"][0].update(link_id=f["contents"][1]["id"]), "links to another record"),
    (lambda f: f["contents"][0]["attributes"][0].update(taxonomy_term_id=f["contents"][0]["attributes"][1]["id"]),
     "names a different taxonomy term"),
    (lambda f: f["contents"][1]["attributes"].append(f["contents"][0]["attributes"][0]), "is also used by"),
    (lambda f: f["contents"][0]["service_at_locations"][0].update(location_id=stable_id("location", "nowhere")),
     "names a different location"),
    (lambda f: f["contents"][0]["service_at_locations"][0]["location"].update(location_type="office"),
     "'office' is not one of"),
])
def test_a_broken_export_is_caught(directory, breakage, words):
    feed = copy.deepcopy(export_feed(directory.sessions))
    assert check_feed(feed) == []
    breakage(feed)
    problems = check_feed(feed)
    assert any(words in p for p in problems), problems


# --- Import -------------------------------------------------------------------------------

def test_import_an_oruk_3_page(loaded_fresh, feeds):
    assert import_feed(loaded_fresh.sessions, feeds["3.0"], source="neighbour-3.0.json") == 2
    drop_in = loaded_fresh.get("6d0f3c52-8f5e-4b7e-9a51-0b5c0c3f3001")
    assert (drop_in.name, drop_in.status, drop_in.minimum_age, drop_in.url) == (
        "Thetford Test Drop-in", "unverified", 16, "https://example.org/thetford-drop-in")
    assert drop_in.source_document == "import:neighbour-3.0.json"
    # The area and the concern come from the feed's service area and taxonomy term.
    found = loaded_fresh.search("concern_domestic_abuse", place="Thetford", limit=50, at=WEDNESDAY_10AM)
    result = next(s for s in found.services if s.name == "Thetford Test Drop-in")
    assert (result.phone, result.scope, result.area, result.open_now) == ("01632 960101", "local", "Thetford", True)
    assert "details not confirmed recently" in result.reason
    # An LGA term given only by its URI maps to loneliness; Norfolk-wide.
    group = loaded_fresh.search("concern_loneliness", place="Dereham", limit=50, at=WEDNESDAY_10AM)
    assert "Test Friendship Group" in [s.name for s in group.services]
    assert "Test Friendship Group" not in [s.name for s in loaded_fresh.search(
        "concern_mental_health", place="Dereham", limit=50).services]


def test_import_an_oruk_1_page(loaded_fresh, feeds):
    assert import_feed(loaded_fresh.sessions, feeds["1.0"], source="charity-1.0.json") == 2
    with loaded_fresh.sessions() as session:
        imported = {s.name: s for s in session.execute(
            select(Service).where(Service.source_document == "import:charity-1.0.json")).scalars()}
        line = imported["Test Money Advice Line"]
        assert line.id == stable_id("imported-service", "charity-1.0.json", "svc-1001")
        assert [p.number for p in line.phones] == ["01632 960201"]  # from contacts[].phones
        assert [(s.byday, s.opens_at, s.closes_at) for s in line.schedules] == [
            ("MO", "09:00", "17:00"), ("TU", "09:00", "17:00")]  # regular_schedules, weekday names
        assert (line.minimum_age, line.maximum_age) == (18, None)  # eligibilitys
        assert line.concern_tags == ["concern_money_debt"]  # service_taxonomys esdServiceTypes 651
        assert line.area_ids == ["breckland"]
        evening = imported["Test Evening Listening Line"]
        assert [(s.byday, s.opens_at, s.closes_at) for s in evening.schedules] == [("SU", "18:00", "23:00")]
        assert evening.concern_tags == ["concern_mental_health"]  # openEligibility 1220 Counseling
        assert evening.area_ids == ["england"]  # no service area: the --area default
    debt = loaded_fresh.search("concern_money_debt", place="Thetford", limit=50, at=WEDNESDAY_10AM)
    assert "Test Money Advice Line" in [s.name for s in debt.services]


def test_an_organisation_id_already_taken_gets_an_id_of_its_own(loaded_fresh, feeds):
    feed = copy.deepcopy(feeds["3.0"])
    feed["contents"][1]["organization"]["name"] = "Another Council Using The Same Id"
    feed["contents"][1]["signpost"] = {"areas": ["norfolk", "norfolk"], "concerns": ["concern_loneliness"] * 2}
    assert import_feed(loaded_fresh.sessions, feed, source="same-org-id.json") == 2
    first = loaded_fresh.get("6d0f3c52-8f5e-4b7e-9a51-0b5c0c3f3001")
    second = loaded_fresh.get("6d0f3c52-8f5e-4b7e-9a51-0b5c0c3f3002")
    assert first.organization_id == "0b3e7a4c-2d1f-4c6a-8e9b-5a7d6c4b3001"
    assert second.organization_id == stable_id("organization", "Another Council Using The Same Id")


def test_importing_the_same_feed_again_replaces_its_records(loaded_fresh, feeds):
    import_feed(loaded_fresh.sessions, feeds["1.0"], source="charity-1.0.json")
    changed = copy.deepcopy(feeds["1.0"])
    changed["content"][0]["name"] = "Test Money Advice Line (renamed)"
    import_feed(loaded_fresh.sessions, changed, source="charity-1.0.json")
    with loaded_fresh.sessions() as session:
        names = sorted(session.execute(select(Service.name).where(
            Service.source_document == "import:charity-1.0.json")).scalars())
    assert names == ["Test Evening Listening Line", "Test Money Advice Line (renamed)"]


def test_export_then_import_into_a_fresh_database_round_trips(directory, fresh_url, tmp_path):
    original = export_feed(directory.sessions)
    # A fresh database knows the places and taxonomies, but has no services.
    areas_only = copy_data_dir(tmp_path / "areas-only")
    for path in (areas_only / "services").glob("*.yml"):
        path.unlink()
    engine = db.make_engine(fresh_url)
    load(engine, read_data_dir(areas_only))
    fresh = Directory(engine)
    assert fresh.search("concern_domestic_abuse", place="Thetford").services == []
    assert import_feed(fresh.sessions, original, source="export.json") == len(original["contents"])
    again = export_feed(fresh.sessions)
    assert check_feed(again) == []

    def comparable(service):
        projection = {k: v for k, v in service.items()
                      if k not in ("attributes", "service_at_locations", "signpost")}
        projection["term_ids"] = sorted(a["taxonomy_term_id"] for a in service.get("attributes", []))
        projection["locations"] = sorted(s["location_id"] for s in service.get("service_at_locations", []))
        signpost = dict(service["signpost"], source=dict(service["signpost"]["source"], document=None))
        return projection, signpost

    before = {s["id"]: comparable(s) for s in original["contents"]}
    after = {s["id"]: comparable(s) for s in again["contents"]}
    assert after == before
    assert {s["signpost"]["source"]["document"] for s in again["contents"]} == {"import:export.json"}
    # The imported directory answers like the original.
    expected = directory.search("concern_domestic_abuse", place="Thetford", at=WEDNESDAY_10AM)
    answer = fresh.search("concern_domestic_abuse", place="Thetford", at=WEDNESDAY_10AM)
    assert [(s.id, s.reason) for s in answer.services] == [(s.id, s.reason) for s in expected.services]
    engine.dispose()


@pytest.mark.parametrize("breakage, words", [
    (lambda f: f["contents"][1].update(status="paused"), "service 2 (Test Friendship Group): field 'status' has unknown value 'paused'"),
    (lambda f: f["contents"][1].pop("name"), "service 2 (6d0f3c52-8f5e-4b7e-9a51-0b5c0c3f3002): field 'name' is missing"),
    (lambda f: f["contents"][1].update(minimum_age="sixteen"), "service 2 (Test Friendship Group): field 'minimum_age' has 'sixteen'"),
    (lambda f: f["contents"][0]["schedules"][0].update(opens_at="ten o'clock"),
     "service 1 (Thetford Test Drop-in): field 'schedules[0].opens_at'"),
    (lambda f: f["contents"][0]["schedules"][0].update(byday="MONDAY"),
     "service 1 (Thetford Test Drop-in): field 'schedules[0].byday'"),
    (lambda f: f["contents"][1].update(phones="01632 960999"), "service 2 (Test Friendship Group): field 'phones' must be a list"),
    (lambda f: f["contents"][1].update(id=f["contents"][0]["id"]), "field 'id' repeats"),
    (lambda f: f["contents"][1].update(signpost={"kind": "charity"}), "field 'signpost.kind' has unknown value 'charity'"),
])
def test_a_bad_feed_names_the_record_and_field_and_imports_nothing(shared_writable, feeds, breakage, words):
    feed = copy.deepcopy(feeds["3.0"])
    breakage(feed)
    with shared_writable.sessions() as session:
        before = sorted(session.execute(select(Service.id)).scalars())
    with pytest.raises(FeedError) as raised:
        import_feed(shared_writable.sessions, feed, source="broken.json")
    assert words in str(raised.value)
    with shared_writable.sessions() as session:
        assert sorted(session.execute(select(Service.id)).scalars()) == before  # not even service 1


def test_a_bad_1_0_schedule_names_the_field(shared_writable, feeds):
    feed = copy.deepcopy(feeds["1.0"])
    feed["content"][0]["regular_schedules"][1]["weekday"] = "Funday"
    with pytest.raises(FeedError, match=r"service 1 \(Test Money Advice Line\): field 'regular_schedules\[1\].weekday'"):
        import_feed(shared_writable.sessions, feed, source="broken-1.0.json")


@pytest.mark.parametrize("document", [{"items": []}, "a string", 42, {"total_items": 0}])
def test_something_that_is_not_a_feed_is_refused(document):
    with pytest.raises(FeedError, match="not an ORUK feed"):
        feed_items(document)


def test_feed_shapes_are_all_read(feeds):
    single = feeds["3.0"]["contents"][0]
    assert feed_items(feeds["3.0"]) == feeds["3.0"]["contents"]
    assert feed_items(feeds["1.0"]) == feeds["1.0"]["content"]
    assert feed_items([single]) == [single] == feed_items(single)

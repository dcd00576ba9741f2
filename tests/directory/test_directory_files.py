"""The data files: every real file validates, and each kind of mistake an officer can
make is reported as a DataError naming the file, the record and the field."""
from pathlib import Path

import pytest

from tests.directory.directory_test_support import find_record, read_records, write_records
from services_directory.files import DATA_DIR, DataError, read_data_dir


def problems(root: Path):
    with pytest.raises(DataError) as raised:
        read_data_dir(root)
    return raised.value


def assert_reported(error: DataError, file: str, record: str, field: str, words: str):
    """One of the problems names exactly this file, record and field, says `words`, and
    the message an officer sees names all three."""
    matching = [p for p in error.problems if (p.file, p.record, p.field) == (file, record, field)]
    assert matching, f"no problem for {file} / {record} / {field}; got: {error.problems}"
    assert any(words in p.message for p in matching), [p.message for p in matching]
    assert f"{file}: record '{record}', field '{field}'" in str(error)


# --- The real files -----------------------------------------------------------------------

def test_every_real_data_file_validates_and_is_read(real_data):
    files = {a.file for a in real_data.areas} | {s.file for s in real_data.services}
    on_disk = {str(p.relative_to(DATA_DIR)) for folder in ("areas", "services")
               for p in (DATA_DIR / folder).iterdir() if p.is_file()}
    assert on_disk == files, "every file in areas/ and services/ is a .yml file with records"
    assert len(real_data.areas) > 150 and len(real_data.services) > 90
    assert real_data.taxonomy["concerns"], "taxonomy.yml maps concerns to terms"


def test_real_data_has_the_councils_the_sources_allow(real_data):
    councils = {a.id: a.council for a in real_data.areas if a.council}
    assert councils["norfolk"].name == "Norfolk County Council"
    assert councils["norfolk"].phone == "0344 800 8020"  # reference/helplines.md
    assert councils["breckland"].name == "Breckland District Council"
    assert councils["staffordshire"].website == "https://www.staffordshire.gov.uk"  # seed 002
    assert councils["somerset"].website == "https://www.somerset.gov.uk"  # seed 004
    # Only Norfolk County Council's number is in helplines.md: no other phone is given.
    assert [a for a, c in councils.items() if c.phone] == ["norfolk"]
    # Former districts (abolished) have none; their unitary county has one.
    for former in ("aylesbury-vale", "chiltern", "south-bucks", "wycombe", "taunton-deane", "sedgemoor",
                   "mendip", "south-somerset", "west-somerset", "somerset-west-and-taunton"):
        assert former not in councils
    districts = [a.id for a in real_data.areas if a.type in ("county", "district")]
    still_councils = set(districts) - {"aylesbury-vale", "chiltern", "south-bucks", "wycombe", "taunton-deane",
                                       "sedgemoor", "mendip", "south-somerset", "west-somerset",
                                       "somerset-west-and-taunton"}
    assert still_councils <= set(councils)


# --- Mistakes -----------------------------------------------------------------------------

def edit_service(root: Path, file: str, record_id: str, change):
    path = root / file
    records = read_records(path)
    change(find_record(records, record_id))
    write_records(path, records)


def edit_area(root: Path, file: str, record_id: str, change):
    edit_service(root, file, record_id, change)


def test_bad_yaml_names_the_file_and_line(data_dir):
    (data_dir / "services" / "breckland.yml").write_text("- id: broken\n  name: [unclosed\n", encoding="utf-8")
    error = problems(data_dir)
    assert_reported(error, "services/breckland.yml", "-", "-", "not valid YAML (line")


@pytest.mark.parametrize("change, field, words", [
    (lambda r: r.update(colour="blue"), "colour", "unknown field"),
    (lambda r: r["contact"].update(phone="call the office"), "contact.phone", "does not look like a UK phone number"),
    (lambda r: r["contact"].update(fax="0300 561 0078"), "contact.fax", "unknown field"),
    (lambda r: r.update(areas=["atlantis"]), "areas", "'atlantis' is not an area id"),
    (lambda r: r.update(areas=["norfolk", "norfolk"]), "areas", "lists 'norfolk' more than once"),
    (lambda r: r.update(concerns=["concern_weather"]), "concerns", "'concern_weather' is not one of"),
    (lambda r: r.update(kind="charity"), "kind", "'charity' is not one of"),
    (lambda r: r.update(status="closed"), "status", "'closed' is not one of"),
    (lambda r: r["source"].update(quote="Leeway is funded by a grant from the moon."), "source.quote",
     "is not word for word"),
    (lambda r: r["source"].update(document="999_missing.txt"), "source.document", "is not a file"),
    (lambda r: r["source"].pop("quote"), "source.quote", "is required"),
    (lambda r: r.pop("review_due"), "review_due", "is required"),
    (lambda r: r.update(review_due="next year"), "review_due", "is not a date"),
    (lambda r: r.update(minimum_age=200), "minimum_age", "is not an age"),
    (lambda r: r.update(schedule=[{"days": ["mon"], "opens": "17:00", "closes": "09:00"}]), "schedule",
     "must be after opens"),
    (lambda r: r.update(schedule=[{"days": ["funday"], "opens": "09:00", "closes": "17:00"}]), "schedule.days",
     "'funday' is not one of"),
    (lambda r: r["contact"].update(website="www.example.org"), "contact.website", "must be a full address"),
])
def test_a_bad_service_field_is_named(data_dir, change, field, words):
    edit_service(data_dir, "services/norfolk.yml", "norfolk-leeway", change)
    assert_reported(problems(data_dir), "services/norfolk.yml", "norfolk-leeway", field, words)


def test_a_duplicate_service_id_is_named_with_both_files(data_dir):
    national = read_records(data_dir / "services" / "national.yml")
    copy = dict(find_record(read_records(data_dir / "services" / "norfolk.yml"), "norfolk-leeway"))
    copy["name"] = "Leeway (copied by mistake)"
    write_records(data_dir / "services" / "national.yml", national + [copy])
    error = problems(data_dir)
    assert_reported(error, "services/norfolk.yml", "norfolk-leeway", "id", "duplicate service id")


def test_the_same_live_service_entered_twice_is_named(data_dir):
    path = data_dir / "services" / "national.yml"
    records = read_records(path)
    copy = dict(find_record(records, "national-samaritans"))
    copy["id"] = "national-samaritans-again"
    write_records(path, records + [copy])
    assert_reported(problems(data_dir), "services/national.yml", "national-samaritans-again", "name",
                    "is already record 'national-samaritans'")


def test_an_ended_copy_of_a_service_is_not_a_duplicate(data_dir):
    path = data_dir / "services" / "national.yml"
    records = read_records(path)
    copy = dict(find_record(records, "national-samaritans"), id="national-samaritans-old", status="ended")
    write_records(path, records + [copy])
    read_data_dir(data_dir)  # no DataError: history is kept


def test_a_parent_loop_is_named(data_dir):
    edit_area(data_dir, "areas/norfolk.yml", "breckland", lambda a: a.update(parent="thetford"))
    assert_reported(problems(data_dir), "areas/norfolk.yml", "breckland", "parent", "loops back on itself")


@pytest.mark.parametrize("change, field, words", [
    (lambda a: a.update(parent="atlantis"), "parent", "'atlantis' is not an area id"),
    (lambda a: a.update(type="hamlet"), "type", "'hamlet' is not one of"),
    (lambda a: a.update(postcode_districts=["IP24", "ZZZ9"]), "postcode_districts", "is not an outward code"),
    (lambda a: a.update(lat=12.5), "lat", "is not a lat in England"),
    (lambda a: a.update(council="Breckland Council"), "council", "must be a mapping"),
    (lambda a: a.update(council={"website": "https://example.org"}), "council.name", "is required"),
    (lambda a: a.update(council={"name": "Thetford Town Council", "phone": "ring the town hall"}),
     "council.phone", "does not look like a UK phone number"),
    (lambda a: a.update(council={"name": "Thetford Town Council", "website": "thetford.example"}),
     "council.website", "must be a full address"),
    (lambda a: a.update(council={"name": "Thetford Town Council", "email": "clerk@example.org"}),
     "council.email", "unknown field"),
])
def test_a_bad_area_field_is_named(data_dir, change, field, words):
    edit_area(data_dir, "areas/norfolk.yml", "thetford", change)
    assert_reported(problems(data_dir), "areas/norfolk.yml", "thetford", field, words)


def test_a_name_given_to_two_areas_is_named(data_dir):
    edit_area(data_dir, "areas/norfolk.yml", "dereham", lambda a: a.update(aliases=["Thetford"]))
    assert_reported(problems(data_dir), "areas/norfolk.yml", "dereham", "aliases", "is also a name of 'thetford'")


def test_a_postcode_district_given_to_two_areas_is_named(data_dir):
    edit_area(data_dir, "areas/norfolk.yml", "dereham", lambda a: a.update(postcode_districts=["IP24"]))
    assert_reported(problems(data_dir), "areas/norfolk.yml", "dereham", "postcode_districts",
                    "IP24 is already given to 'thetford'")


def test_a_good_council_is_read(data_dir):
    edit_area(data_dir, "areas/norfolk.yml", "thetford",
              lambda a: a.update(council={"name": "Thetford Town Council", "website": "https://example.org",
                                          "phone": "01632 960999"}))
    thetford = next(a for a in read_data_dir(data_dir).areas if a.id == "thetford")
    assert (thetford.council.name, thetford.council.website, thetford.council.phone) == \
        ("Thetford Town Council", "https://example.org", "01632 960999")


def test_every_problem_is_reported_at_once(data_dir):
    edit_service(data_dir, "services/norfolk.yml", "norfolk-leeway", lambda r: r.update(kind="charity"))
    edit_area(data_dir, "areas/norfolk.yml", "thetford", lambda a: a.update(type="hamlet"))
    error = problems(data_dir)
    assert {(p.record, p.field) for p in error.problems} >= {("norfolk-leeway", "kind"), ("thetford", "type")}
    assert str(error).startswith(f"{len(error.problems)} problem(s) in the directory data")


def test_a_folder_without_areas_and_services_is_refused(tmp_path):
    error = problems(tmp_path)
    assert "must contain areas/ and services/" in str(error)

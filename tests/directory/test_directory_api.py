"""The read-only HTTP API (ORUK 3.0 plus our concern and place filters), served as a real
process over SQLite (the shared `directory_server`) and over PostgreSQL."""
import math
import uuid

import pytest
import requests
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from services_directory.loader import CONCERN_TAXONOMY, stable_id
from services_directory.models import Service, ServiceConcern
from services_directory.places import distance_metres
from tests.conftest import POSTGRES_ADMIN_URL
from tests.directory.directory_test_support import start_api

PAGE_KEYS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}


def get(api, path, **params):
    response = requests.get(api + path, params=params, timeout=10)
    return response.status_code, response.json()


def live_count(directory, *where) -> int:
    with directory.sessions() as session:
        query = select(func.count(Service.id)).where(Service.status != "ended", *where)
        return session.execute(query).scalar_one()


def test_root_describes_the_api(api):
    status, body = get(api, "/")
    assert status == 200
    assert body["version"] == "HSDS-UK-3.0"
    assert body["profile"].startswith("https://openreferraluk.org/")
    assert body["openapi_url"].endswith("/openapi.json")
    assert {"concern", "place"} <= set(body["signpost"]["filters"])
    status, openapi = get(api, "/openapi.json")
    assert status == 200 and "/services" in openapi["paths"]
    assert requests.get(api + "/", timeout=10).headers["Access-Control-Allow-Origin"] == "*"


def test_services_pages_have_the_oruk_shape(api, directory):
    total = live_count(directory)
    status, first = get(api, "/services", per_page=10)
    assert status == 200 and set(first) == PAGE_KEYS
    assert (first["total_items"], first["total_pages"], first["page_number"], first["size"]) == (
        total, math.ceil(total / 10), 1, 10)
    assert (first["first_page"], first["last_page"], first["empty"]) == (True, False, False)
    status, last = get(api, "/services", per_page=10, page=first["total_pages"])
    assert (last["last_page"], last["first_page"], last["size"]) == (True, False, total - 10 * (first["total_pages"] - 1))
    status, beyond = get(api, "/services", per_page=10, page=first["total_pages"] + 1)
    assert (beyond["empty"], beyond["contents"], beyond["size"]) == (True, [], 0)
    every = get(api, "/services", per_page=200)[1]["contents"]
    assert len(every) == total == len({s["id"] for s in every})
    assert {s["status"] for s in every} == {"active"}, "ended services are never listed"


def test_search_finds_words_in_names_and_descriptions(api):
    status, body = get(api, "/services", search="samaritans")
    assert status == 200 and "Samaritans" in [s["name"] for s in body["contents"]]
    assert get(api, "/services", text="samaritans")[1]["total_items"] == body["total_items"]  # ORUK 1.0 name
    assert get(api, "/services", search="zzqqxx")[1]["total_items"] == 0
    assert get(api, "/services", search="%")[1]["total_items"] == 0, "% is a character, not a wildcard"


def test_taxonomy_term_filter(api, directory):
    term = stable_id("taxonomy_term", CONCERN_TAXONOMY, "concern_domestic_abuse")
    status, body = get(api, "/services", taxonomy_term_id=term, per_page=200)
    expected = live_count(directory, Service.id.in_(
        select(ServiceConcern.service_id).where(ServiceConcern.concern == "concern_domestic_abuse")))
    assert status == 200 and body["total_items"] == expected > 5
    leeway = next(s for s in body["contents"] if s["name"] == "Leeway")
    _, full = get(api, f"/services/{leeway['id']}")
    assert term in [a["taxonomy_term_id"] for a in full["attributes"]]
    _, terms = get(api, "/taxonomy_terms", per_page=200)
    oe = next(t for t in terms["contents"] if t["name"] == "Domestic Violence Survivors")
    assert get(api, "/services", taxonomy_term_id=oe["id"])[1]["total_items"] == expected


def test_age_filters(api):
    _, older = get(api, "/services", minimum_age=16, per_page=200)
    assert older["total_items"] > 0 and all(s["minimum_age"] >= 16 for s in older["contents"])
    _, younger = get(api, "/services", maximum_age=18, per_page=200)
    assert younger["total_items"] > 0 and all(s["maximum_age"] <= 18 for s in younger["contents"])
    assert "Childline" in [s["name"] for s in younger["contents"]]


def test_concern_and_place_give_ranked_results_with_reasons(api):
    status, body = get(api, "/services", concern="concern_domestic_abuse", place="Thetford")
    assert status == 200 and set(body) >= PAGE_KEYS
    assert [s["name"] for s in body["contents"]] == ["The Daisy Programme", "Leeway", "National Domestic Abuse Helpline"]
    assert body["contents"][0]["signpost"]["reason"] == "Covers Breckland, including Thetford."
    place = body["signpost"]["place"]
    assert (place["found"], place["area_id"], place["method"]) == (True, "thetford", "name")
    assert place["council"] == {"name": "Breckland District Council", "website": None, "phone": None,
                                "area_id": "breckland", "area_name": "Breckland"}
    assert body["total_items"] > 3 and body["last_page"] is False
    _, second = get(api, "/services", concern="concern_domestic_abuse", place="Thetford", page=2)
    assert second["page_number"] == 2 and not {s["id"] for s in second["contents"]} & {s["id"] for s in body["contents"]}


def test_place_alone_reports_the_place_and_its_council(api):
    _, body = get(api, "/services", place="NR19 1AA", per_page=1)
    assert body["signpost"]["place"]["name"] == "Dereham"
    assert body["signpost"]["place"]["council"]["name"] == "Breckland District Council"
    _, norfolk = get(api, "/services", place="Norfolk", per_page=1)
    assert norfolk["signpost"]["place"]["council"]["phone"] == "0344 800 8020"


def test_an_unknown_place_is_reported_not_guessed(api):
    _, ranked = get(api, "/services", concern="concern_domestic_abuse", place="Atlantis")
    assert ranked["signpost"]["place"]["found"] is False
    assert ranked["signpost"]["place"]["reason"] == "unknown"
    assert all(s["signpost"]["scope"] == "national" for s in ranked["contents"])
    _, listing = get(api, "/services", place="SW1A 1AA")
    assert listing["signpost"]["place"]["reason"] == "outside_area" and listing["contents"] == []


def test_one_service_in_full_and_a_missing_one(api):
    _, page = get(api, "/services", search="Leeway")
    leeway_id = page["contents"][0]["id"]
    status, leeway = get(api, f"/services/{leeway_id}")
    assert status == 200 and leeway["id"] == leeway_id
    assert leeway["phones"][0]["number"] == "0300 561 0077"
    assert leeway["service_areas"][0]["name"] == "Norfolk"
    assert get(api, "/services/norfolk-leeway")[1]["id"] == leeway_id  # our slug works too
    status, missing = get(api, f"/services/{uuid.uuid4()}")
    assert status == 404 and "No service with id" in missing["error"]
    status, nowhere = get(api, "/no-such-endpoint")
    assert status == 404 and "error" in nowhere


def test_an_ended_service_is_never_presented_as_current(api):
    status, ended = get(api, "/services/bucks-willow-project")
    assert status == 200
    assert ended["status"] == "defunct" and ended["alert"].startswith("This service has ended.")
    assert "Willow Project" not in [s["name"] for s in get(api, "/services", search="willow")[1]["contents"]]


def test_service_at_locations_by_postcode_and_proximity(api):
    centre = (52.41, 0.75)  # Thetford, IP24
    status, near = get(api, "/service_at_locations", postcode="IP24 2AB", proximity=25000, per_page=200)
    assert status == 200 and set(near) == PAGE_KEYS | {"signpost"} and near["total_items"] > 0
    distances = [distance_metres(*centre, r["location"]["latitude"], r["location"]["longitude"])
                 for r in near["contents"]]
    assert all(d <= 25000 for d in distances) and distances == sorted(distances)
    assert near["signpost"]["place"]["postcode"] == "IP24 2AB"
    _, covering = get(api, "/service_at_locations", postcode="IP24 2AB", per_page=200)
    assert covering["total_items"] > near["total_items"]  # county-wide and national ones too
    _, tight = get(api, "/service_at_locations", postcode="IP24 2AB", proximity=1000)
    assert tight["total_items"] < near["total_items"]
    _, outside = get(api, "/service_at_locations", postcode="SW1A 1AA")
    assert outside["empty"] and outside["signpost"]["place"]["reason"] == "outside_area"
    _, every = get(api, "/service_at_locations", per_page=5)
    assert every["size"] == 5 and every["total_items"] > 100


def test_taxonomies_and_terms(api):
    status, taxonomies = get(api, "/taxonomies")
    assert status == 200 and set(taxonomies) == PAGE_KEYS
    names = {t["name"] for t in taxonomies["contents"]}
    assert {"signpost-concerns", "signpost-audiences", "esdServiceTypes", "openEligibility"} <= names
    concerns = next(t for t in taxonomies["contents"] if t["name"] == "signpost-concerns")
    assert get(api, f"/taxonomies/{concerns['id']}")[1]["name"] == "signpost-concerns"
    _, terms = get(api, "/taxonomy_terms", taxonomy_id=concerns["id"], per_page=100)
    assert terms["total_items"] == 18
    assert {t["taxonomy_id"] for t in terms["contents"]} == {concerns["id"]}
    term = terms["contents"][0]
    assert get(api, f"/taxonomy_terms/{term['id']}")[1]["name"] == term["name"]
    assert get(api, f"/taxonomy_terms/{uuid.uuid4()}")[0] == 404


@pytest.mark.parametrize("path, params, words", [
    ("/services", {"page": "0"}, "'page' must be between 1"),
    ("/services", {"per_page": "1000"}, "'per_page' must be between 1 and 200"),
    ("/services", {"per_page": "ten"}, "'per_page' must be a number"),
    ("/services", {"page": "inf"}, "'page' must be a number"),
    ("/services", {"page": "1e999"}, "'page' must be a number"),
    ("/services", {"minimum_age": "-1"}, "'minimum_age' must be between 0 and 120"),
    ("/services", {"day": "Funday"}, "is not a day"),
    ("/services", {"start_time": "25:00"}, "'start_time' must be a time of day"),
    ("/services", {"end_time": "noon"}, "'end_time' must be a time like 09:00"),
    ("/services", {"concern": "concern_weather"}, "Unknown concern 'concern_weather'"),
    ("/services", {"concern": "concern_loneliness", "kind": "charity"}, "Unknown kind 'charity'"),
    ("/services", {"concern": "concern_loneliness", "audience": "aliens"}, "Unknown audience 'aliens'"),
    ("/services", {"concern": "concern_loneliness", "age": "old"}, "'age' must be a number"),
    ("/service_at_locations", {"proximity": "500"}, "'proximity' needs a 'postcode'"),
    ("/service_at_locations", {"postcode": "IP24 2AB", "proximity": "far"}, "'proximity' must be a number"),
])
def test_bad_parameters_get_a_400_that_says_what_to_fix(api, path, params, words):
    status, body = get(api, path, **params)
    assert status == 400
    assert words in body["error"]


def test_opening_time_filters(api):
    _, weekend = get(api, "/services", day="Saturday", start_time="09:00", per_page=200)
    assert weekend["total_items"] > 0
    _, all_days = get(api, "/services", per_page=1)
    assert weekend["total_items"] < all_days["total_items"]


@pytest.fixture(scope="module")
def api_without_database(backend, tmp_path_factory):
    """An API pointed at a database that is not there: a PostgreSQL database that does
    not exist, or an SQLite file with no tables. It starts (nothing is read until a
    request comes) and must answer 503, never hang or crash."""
    if backend == "postgresql":
        url = make_url(POSTGRES_ADMIN_URL).set(database=f"signpost_missing_{uuid.uuid4().hex[:8]}")
        url = url.render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('empty') / 'empty.sqlite3'}"
    server = start_api(url, tmp_path_factory.mktemp("api-down") / "api.log", ready_path="/")
    yield server.url
    server.stop()


@pytest.mark.parametrize("path, params", [
    ("/services", {}),
    ("/services", {"concern": "concern_domestic_abuse", "place": "Thetford"}),
    ("/services", {"place": "Thetford"}),
    ("/services/norfolk-leeway", {}),
    ("/service_at_locations", {"postcode": "IP24 2AB"}),
    ("/taxonomies", {}),
    ("/health", {}),
])
def test_database_down_gives_503_json(api_without_database, path, params):
    status, body = get(api_without_database, path, **params)
    assert status == 503
    assert "error" in body and "password" not in body["error"].lower()

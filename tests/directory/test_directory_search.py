"""Search ranking, on SQLite and PostgreSQL.

Most tests use the ranking fixture (real areas, services from
fixtures/ranking/services/ranking.yml) so each one controls exactly what could be
returned; the last ones check invariants and a known answer on the real data.
Opening times are tested with fixed datetimes passed as `at=`."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from services_directory.places import PlaceMatch, PlaceNotFound
from services_directory.search import _never_only_unverified
from services_directory.vocabulary import ALL_TAGS, KINDS

UK = ZoneInfo("Europe/London")
WEDNESDAY_10AM = dt.datetime(2026, 11, 25, 10, 0, tzinfo=UK)
WEDNESDAY_8PM = dt.datetime(2026, 11, 25, 20, 0, tzinfo=UK)
SATURDAY_NOON = dt.datetime(2026, 11, 28, 12, 0, tzinfo=UK)
EVERY_KIND = tuple(KINDS)


def slugs(response):
    return [s.slug for s in response.services]


def test_the_fixed_times_are_what_the_tests_assume():
    assert (WEDNESDAY_10AM.weekday(), SATURDAY_NOON.weekday()) == (2, 5)


# --- Locality, status, ended records ------------------------------------------------------

def test_local_first_then_district_county_and_national(ranking):
    response = ranking.search("concern_domestic_abuse", place="Thetford", limit=10, at=WEDNESDAY_10AM)
    assert slugs(response) == ["t-local-thetford", "t-district-breckland", "t-county-norfolk",
                               "t-national-service", "t-unverified-local"]
    assert [s.scope for s in response.services] == ["local", "local", "county", "national", "local"]
    assert [s.area for s in response.services] == ["Thetford", "Breckland", "Norfolk", "England", "Thetford"]
    assert response.total == 5


@pytest.mark.parametrize("place", ["IP24 2AB", "thetferd", "I live in Thetford"])
def test_the_same_ranking_whatever_way_the_place_is_written(ranking, place):
    response = ranking.search("concern_domestic_abuse", place=place, limit=4, at=WEDNESDAY_10AM)
    assert slugs(response) == ["t-local-thetford", "t-district-breckland", "t-county-norfolk", "t-national-service"]


def test_services_for_other_places_are_left_out(ranking):
    norwich = ranking.search("concern_domestic_abuse", place="Norwich", limit=10, at=WEDNESDAY_10AM)
    assert slugs(norwich) == ["t-county-norfolk", "t-national-service"]
    stafford = ranking.search("concern_domestic_abuse", place="Stafford", limit=10, at=WEDNESDAY_10AM)
    assert slugs(stafford) == ["t-national-service"]


def test_without_a_place_only_national_services(ranking):
    response = ranking.search("concern_domestic_abuse", limit=10, at=WEDNESDAY_10AM)
    assert slugs(response) == ["t-national-service"]
    assert response.place is None and response.place_not_found is None


def test_an_unknown_place_says_so_and_still_offers_national_help(ranking):
    response = ranking.search("concern_domestic_abuse", place="Atlantis", limit=10, at=WEDNESDAY_10AM)
    assert isinstance(response.place_not_found, PlaceNotFound)
    assert response.place_not_found.reason == "unknown"
    assert slugs(response) == ["t-national-service"]


def test_ended_records_are_never_returned(ranking):
    # All three are in the database, and would rank first in Thetford by name...
    ended = ranking.get("t-ended-local")
    assert (ended.status, ended.ended_on) == ("ended", dt.date(2024, 3, 31))
    assert (ranking.get("t-ended-no-date").status, ranking.get("t-ended-no-date").ended_on) == ("ended", None)
    assert ranking.get("t-past-end-date").status == "active"
    # ... yet no search returns them, whatever the place, kinds, audience or page size.
    for concern in ALL_TAGS:
        for place in (None, "Thetford", "IP24 2AB", "Breckland", "Norfolk"):
            response = ranking.search(concern, place=place, limit=50, kinds=EVERY_KIND, at=WEDNESDAY_10AM)
            assert not {"t-ended-local", "t-ended-no-date", "t-past-end-date"} & set(slugs(response))
            assert all(s.status != "ended" for s in response.services)


def test_a_record_is_returned_until_its_end_date(ranking):
    before = ranking.search("concern_domestic_abuse", place="Thetford", limit=10,
                            at=dt.datetime(2025, 6, 30, 12, 0, tzinfo=UK))
    assert "t-past-end-date" in slugs(before)
    assert not {"t-ended-local", "t-ended-no-date"} & set(slugs(before))  # status ended: never
    after = ranking.search("concern_domestic_abuse", place="Thetford", limit=10,
                           at=dt.datetime(2025, 7, 1, 12, 0, tzinfo=UK))
    assert "t-past-end-date" not in slugs(after)


def test_an_unverified_record_is_never_the_only_route(ranking):
    # The unverified Thetford record is the most local, but a checked national line comes first.
    top = ranking.search("concern_money_debt", place="Thetford", limit=1, at=WEDNESDAY_10AM)
    assert slugs(top) == ["u-national"]
    both = ranking.search("concern_money_debt", place="Thetford", limit=3, at=WEDNESDAY_10AM)
    assert slugs(both) == ["u-national", "u-local"]
    assert "details not confirmed recently" in both.services[1].reason


def test_never_only_unverified_makes_room_for_an_active_record():
    class Row:
        def __init__(self, status):
            self.status = status

    class Candidate:
        def __init__(self, name, status):
            self.name, self.row = name, Row(status)

    unverified = [Candidate("u1", "unverified"), Candidate("u2", "unverified")]
    active = Candidate("a1", "active")
    chosen = _never_only_unverified(unverified, unverified + [active], limit=2)
    assert [c.name for c in chosen] == ["a1", "u1"]
    assert _never_only_unverified([active], [active], limit=1) == [active]


def test_an_unverified_record_is_offered_with_a_warning_when_nothing_else_exists(ranking):
    response = ranking.search("concern_hate_crime", place="Thetford", limit=3, at=WEDNESDAY_10AM)
    assert slugs(response) == ["u-only"]
    assert response.services[0].reason.endswith("details not confirmed recently, so check before relying on them.")


def test_paging_gives_the_rest_of_the_ranking(ranking):
    everything = slugs(ranking.search("concern_domestic_abuse", place="Thetford", limit=50, at=WEDNESDAY_10AM))
    pages = [slugs(ranking.search("concern_domestic_abuse", place="Thetford", limit=2, offset=offset,
                                  at=WEDNESDAY_10AM)) for offset in (0, 2, 4)]
    assert sum(pages, []) == everything


# --- Opening hours --------------------------------------------------------------------------

def test_helplines_open_now_or_24_7_rank_first(ranking):
    morning = ranking.search("concern_mental_health", limit=4, at=WEDNESDAY_10AM)
    assert slugs(morning) == ["h-day", "h-247", "h-nohours", "h-evening"]
    assert [s.open_now for s in morning.services] == [True, True, None, False]
    evening = ranking.search("concern_mental_health", limit=4, at=WEDNESDAY_8PM)
    assert slugs(evening) == ["h-evening", "h-247", "h-nohours", "h-day"]
    weekend = ranking.search("concern_mental_health", limit=4, at=SATURDAY_NOON)
    assert slugs(weekend) == ["h-247", "h-nohours", "h-day", "h-evening"]


def test_opening_hours_are_uk_time_in_summer_and_winter(ranking):
    # 08:30 UTC is 09:30 in British Summer Time (open) but 08:30 GMT in winter (closed).
    summer = ranking.search("concern_mental_health", limit=4, at=dt.datetime(2026, 7, 15, 8, 30, tzinfo=dt.timezone.utc))
    winter = ranking.search("concern_mental_health", limit=4, at=dt.datetime(2026, 11, 25, 8, 30, tzinfo=dt.timezone.utc))
    assert {s.slug: s.open_now for s in summer.services}["h-day"] is True
    assert {s.slug: s.open_now for s in winter.services}["h-day"] is False


def test_reasons_say_in_one_line_why_each_was_chosen(ranking):
    local = ranking.search("concern_domestic_abuse", place="Thetford", limit=5, at=WEDNESDAY_10AM)
    assert [s.reason for s in local.services] == [
        "Covers Thetford.",
        "Covers Breckland, including Thetford.",
        "Covers Norfolk, including Thetford.",
        "National service.",
        "Covers Thetford; details not confirmed recently, so check before relying on them.",
    ]
    evening = ranking.search("concern_mental_health", limit=4, at=WEDNESDAY_8PM)
    assert [s.reason for s in evening.services] == [
        "National helpline, open now.",
        "National helpline, open 24 hours.",
        "National helpline.",
        "National helpline, closed now (Monday to Friday, 9am to 5pm).",
    ]
    for response in (local, evening):
        assert all("\n" not in s.reason for s in response.services)


# --- Audience, age and kind -----------------------------------------------------------------

def test_general_services_before_ones_for_a_narrower_group(ranking):
    response = ranking.search("concern_loneliness", limit=4, at=WEDNESDAY_10AM)
    assert slugs(response) == ["a-adults", "a-general", "a-older", "a-youth"]


def test_the_audience_asked_for_is_not_pushed_down(ranking):
    response = ranking.search("concern_loneliness", audience="older_people", limit=4, at=WEDNESDAY_10AM)
    assert slugs(response) == ["a-older", "a-adults", "a-general", "a-youth"]
    assert response.services[0].reason == "National service; for older people."


def test_age_filters_out_services_that_do_not_accept_it(ranking):
    fifteen = ranking.search("concern_loneliness", age=15, limit=4, at=WEDNESDAY_10AM)
    assert slugs(fifteen) == ["a-youth", "a-general", "a-older"]  # a youth club is right for 15
    thirty = ranking.search("concern_loneliness", age=30, limit=4, at=WEDNESDAY_10AM)
    assert slugs(thirty) == ["a-adults", "a-general", "a-older"]
    boundary = ranking.search("concern_loneliness", age=18, limit=4, at=WEDNESDAY_10AM)
    assert set(slugs(boundary)) == {"a-adults", "a-general", "a-older", "a-youth"}


def test_kinds_choose_personal_help_or_reporting_routes(ranking):
    default = ranking.search("concern_child_safety", place="Thetford", limit=5, at=WEDNESDAY_10AM)
    assert slugs(default) == ["k-service", "k-helpline"]
    routes = ranking.search("concern_child_safety", place="Thetford", limit=5, kinds=("safeguarding_route",),
                            at=WEDNESDAY_10AM)
    assert slugs(routes) == ["k-route"]
    every = ranking.search("concern_child_safety", place="Thetford", limit=5, kinds=EVERY_KIND, at=WEDNESDAY_10AM)
    assert set(slugs(every)) == {"k-route", "k-service", "k-helpline"}


@pytest.mark.parametrize("arguments, words", [
    ({"concern": "concern_weather"}, "Unknown concern 'concern_weather'"),
    ({"concern": "concern_loneliness", "audience": "aliens"}, "Unknown audience 'aliens'"),
    ({"concern": "concern_loneliness", "kinds": ("charity",)}, "Unknown kind ['charity']"),
    ({"concern": "concern_loneliness", "kinds": ()}, "Unknown kind"),
])
def test_bad_arguments_are_refused_with_a_clear_message(ranking, arguments, words):
    with pytest.raises(ValueError, match=words.replace("[", r"\[").replace("]", r"\]")):
        ranking.search(**arguments)


# --- stale() --------------------------------------------------------------------------------

def test_stale_lists_records_past_review_due_oldest_first(ranking):
    stale = ranking.stale(dt.date(2026, 6, 1))
    assert [s.slug for s in stale] == ["t-county-norfolk", "h-nohours", "u-local"]  # not the ended record
    assert [s.slug for s in ranking.stale(dt.date(2026, 6, 2))][-1] == "a-general"  # due on 1 June
    assert ranking.stale(dt.date(2025, 1, 1)) == []


# --- The real data --------------------------------------------------------------------------

SCOPE_ORDER = {"local": 0, "county": 1, "national": 2}
PLACES = [None, "Thetford", "IP24 2AB", "Forebridge", "Taunton Deane", "King's Lynn", "Aylesbury", "Atlantis"]


@pytest.mark.parametrize("place", PLACES)
def test_real_data_ranking_invariants(directory, place):
    for concern in ALL_TAGS:
        for kinds in (("service", "helpline"), ("safeguarding_route",)):
            response = directory.search(concern, place=place, limit=50, kinds=kinds, at=WEDNESDAY_10AM)
            results = response.services
            assert all(s.status in ("active", "unverified") for s in results)
            assert len({s.id for s in results}) == len(results), "no record twice"
            active = [s for s in results if s.status == "active"]
            assert [SCOPE_ORDER[s.scope] for s in active] == sorted(SCOPE_ORDER[s.scope] for s in active)
            if any(s.status == "active" for s in results):
                assert results[0].status == "active"
            assert all(s.reason and s.reason.endswith(".") and "\n" not in s.reason for s in results)
            short = directory.search(concern, place=place, limit=3, kinds=kinds, at=WEDNESDAY_10AM)
            assert [s.id for s in short.services] == [s.id for s in results[:3]]
            assert short.total == response.total == len(results)


def test_real_data_domestic_abuse_in_thetford(directory):
    response = directory.search("concern_domestic_abuse", place="Thetford", at=WEDNESDAY_10AM)
    assert isinstance(response.place, PlaceMatch) and response.place.council.name == "Breckland District Council"
    assert [s.slug for s in response.services] == [
        "breckland-daisy-programme", "norfolk-leeway", "national-domestic-abuse-helpline"]
    assert [s.reason for s in response.services] == [
        "Covers Breckland, including Thetford.", "Covers Norfolk, including Thetford.",
        "National helpline, open 24 hours."]

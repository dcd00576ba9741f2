"""Place resolution over the real gazetteer (loaded into SQLite and into PostgreSQL): what
a person types becomes an area with its chain of parents and its council, or a clear
"place not found" that says why."""
import difflib
import random

import pytest

from services_directory.places import PlaceMatch, PlaceNotFound, _CloseMatcher, normalise_place


@pytest.mark.parametrize("typed, area_id, method, matched_text", [
    ("Thetford", "thetford", "name", "Thetford"),
    ("thetford", "thetford", "name", "thetford"),
    ("thetferd", "thetford", "spelling", "thetferd"),
    ("I live in Thetferd", "thetford", "spelling", "Thetferd"),
    ("IP24 2AB", "thetford", "postcode", "IP24 2AB"),
    ("ip242ab", "thetford", "postcode", "ip242ab"),
    ("IP24", "thetford", "postcode", "IP24"),
    ("Forebridge", "stafford-forebridge", "name", "Forebridge"),
    ("Taunton Deane", "taunton-deane", "name", "Taunton Deane"),
    ("King's Lynn", "kings-lynn", "name", "King's Lynn"),
    ("kings lynn", "kings-lynn", "name", "kings lynn"),
    ("King\u2019s Lynn", "kings-lynn", "name", "King\u2019s Lynn"),
    ("I live in Dereham", "dereham", "name", "Dereham"),
    ("Stone", "stone-staffordshire", "name", "Stone"),
    ("I'm in Stone, near the station", "stone-staffordshire", "name", "Stone"),
])
def test_places_resolve(directory, typed, area_id, method, matched_text):
    place = directory.resolve_place(typed)
    assert isinstance(place, PlaceMatch), place
    assert (place.area_id, place.method, place.matched_text) == (area_id, method, matched_text)
    assert place.chain[0] == area_id and place.chain[-1] == "england"


def test_a_place_knows_its_chain_of_parents(directory):
    forebridge = directory.resolve_place("Forebridge")
    assert forebridge.type == "ward"
    assert forebridge.chain == ["stafford-forebridge", "stafford", "stafford-borough", "staffordshire", "england"]
    assert forebridge.chain_names == ["Forebridge", "Stafford", "Stafford Borough", "Staffordshire", "England"]
    deane = directory.resolve_place("Taunton Deane")
    assert deane.chain == ["taunton-deane", "somerset-west-and-taunton", "somerset", "england"]
    postcode = directory.resolve_place("ip242ab")
    assert postcode.postcode == "IP24 2AB"
    assert (postcode.latitude, postcode.longitude) == (52.41, 0.75)


@pytest.mark.parametrize("typed", ["stone", "I live near stone", "a stone's throw away"])
def test_an_everyday_word_is_not_a_place(directory, typed):
    place = directory.resolve_place(typed)
    assert isinstance(place, PlaceNotFound)
    assert place.reason == "unknown"


@pytest.mark.parametrize("typed, reason, words", [
    ("Atlantis", "unknown", "'Atlantis' is not a place we know in our areas."),
    ("Thetfordshire-on-the-Moon", "unknown", "is not a place we know"),
    ("SW1A 1AA", "outside_area", "SW1A 1AA is outside the areas this service covers."),
    ("M1 1AE", "outside_area", "outside the areas"),
    ("NR5 8AB", "unknown_postcode", "NR5 covers more than one council area"),
    ("", "unknown", "No place was given."),
    ("   ", "unknown", "No place was given."),
])
def test_unknown_places_say_why(directory, typed, reason, words):
    place = directory.resolve_place(typed)
    assert isinstance(place, PlaceNotFound)
    assert place.reason == reason
    assert words in place.message


def test_an_unknown_place_comes_with_suggestions(directory):
    unknown = directory.resolve_place("Swoffem")  # too far from Swaffham to guess, close enough to suggest
    assert isinstance(unknown, PlaceNotFound)
    assert "Swaffham" in unknown.suggestions
    assert len(unknown.suggestions) == len(set(unknown.suggestions)) <= 3


@pytest.mark.parametrize("typed, council, area_id", [
    ("Thetford", "Breckland District Council", "breckland"),  # a town: its district's council
    ("IP24 2AB", "Breckland District Council", "breckland"),
    ("Norwich", "Norwich City Council", "norwich"),
    ("Norfolk", "Norfolk County Council", "norfolk"),
    ("Forebridge", "Stafford Borough Council", "stafford-borough"),
    ("Stoke-on-Trent", "Stoke-on-Trent City Council", "stoke-on-trent"),  # unitary, not the county
    ("Taunton Deane", "Somerset Council", "somerset"),  # former district: the unitary council
    ("Aylesbury", "Buckinghamshire Council", "buckinghamshire"),
])
def test_a_place_carries_the_nearest_council(directory, typed, council, area_id):
    place = directory.resolve_place(typed)
    assert place.council is not None, typed
    assert (place.council.name, place.council.area_id) == (council, area_id)


def test_council_contact_details_come_only_from_the_sources(directory):
    norfolk = directory.resolve_place("Norfolk").council
    assert (norfolk.phone, norfolk.website) == ("0344 800 8020", None)
    taunton = directory.resolve_place("Taunton").council
    assert (taunton.name, taunton.website, taunton.phone) == ("Somerset Council", "https://www.somerset.gov.uk", None)
    breckland = directory.resolve_place("Thetford").council
    assert (breckland.phone, breckland.website) == (None, None)
    assert directory.resolve_place("England").council is None


def test_close_matcher_gives_exactly_difflibs_answers(real_data):
    """The bigram index only skips keys that cannot reach the cutoff: the answers are
    the same as difflib over every key, for typing slips and for random text."""
    keys = sorted({normalise_place(n) for a in real_data.areas for n in [a.name, *a.aliases]})
    matcher = _CloseMatcher(keys)
    rng = random.Random(20261125)
    words = []
    for _ in range(250):
        word = rng.choice(keys)
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(word))
            slip = rng.choice(["drop", "add", "change", "swap"])
            if slip == "drop":
                word = word[:i] + word[i + 1:]
            elif slip == "add":
                word = word[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz ") + word[i:]
            elif slip == "change":
                word = word[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[i + 1:]
            else:
                word = word[:i] + word[i + 1:i + 2] + word[i:i + 1] + word[i + 2:]
        words.append(word)
    words += ["".join(rng.choice("aeinorst lk") for _ in range(rng.randint(1, 14))) for _ in range(100)]
    for word in words:
        for cutoff in (0.82, 0.9, 0.7):
            assert matcher.close_matches(word, n=3, cutoff=cutoff) == \
                difflib.get_close_matches(word, keys, n=3, cutoff=cutoff), (word, cutoff)

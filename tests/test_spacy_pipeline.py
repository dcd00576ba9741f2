"""The place pipeline built from the directory's gazetteer: what it matches, what it
must not, and that an unchanged place list never forces a retrain."""
import json

import pytest
import spacy

from bot.spacy_pipeline import build, name_slips, typing_slips


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("spacy")
    output, synonyms = folder / "pipeline", folder / "synonyms.yml"
    assert build(output, synonyms) is True
    return output, synonyms


@pytest.fixture(scope="module")
def nlp(built):
    return spacy.load(built[0])


def places(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize("text,expected", [
    ("my husband hits me and I live in Thetford", ["Thetford"]),
    ("i live in thetford", ["thetford"]),
    ("near Kings Lynn", ["Kings Lynn"]),
    ("in Taunton Deane", ["Taunton Deane"]),
    ("Forebridge", ["Forebridge"]),
    ("my postcode is IP24 2AB", ["IP24 2AB"]),
    ("ip242ab", ["ip242ab"]),
    ("I'm in TA1", ["TA1"]),
    ("I live in Stone", ["Stone"]),
    ("thetferd", ["thetferd"]),  # one typing slip
    ("Dereahm", ["Dereahm"]),
    ("Froom", ["Froom"]),  # spelt by sound
    ("in kings lyn", ["kings lyn"]),  # a doubled letter dropped
    ("Stafford town centre", ["Stafford"]),  # the place, not the words after it
])
def test_recognises_places_and_postcodes(nlp, text, expected):
    found = places(nlp, text)
    assert [t for t, _ in found] == expected
    assert all(label == "location" for _, label in found)


@pytest.mark.parametrize("text", [
    "I'm stone broke", "see you b4 tea", "the A1 is closed", "my wellington boots leak",
    "I need help", "he said he would come back",
])
def test_ignores_everyday_words(nlp, text):
    assert places(nlp, text) == []


def test_metadata_records_how_it_was_built(built):
    meta = json.loads((built[0] / "meta.json").read_text())
    assert meta["name"] == "signpost_places"
    assert meta["signpost"]["areas"] > 100
    assert len(meta["signpost"]["patterns_sha256"]) == 64
    assert [p for p in spacy.load(built[0]).pipe_names] == ["entity_ruler"]


def test_unchanged_places_rewrite_nothing(built):
    before = (built[0] / "meta.json").stat().st_mtime_ns
    assert build(built[0], built[1]) is False
    assert (built[0] / "meta.json").stat().st_mtime_ns == before


def test_synonyms_map_aliases_and_slips_to_the_place_name(built):
    import yaml

    document = yaml.safe_load(built[1].read_text())
    synonyms = {item["synonym"]: item["examples"] for item in document["nlu"]}
    assert "- thetferd" in synonyms["Thetford"]
    assert "King's Lynn" in synonyms or any("kings lynn" in v.lower() for v in synonyms.values())


def test_typing_slips_are_realistic_and_never_the_word_itself():
    slips = typing_slips("thetford")
    assert "thetferd" in slips and "thetfrod" in slips and "thettford" in slips and "thtford" in slips
    assert "thetford" not in slips
    assert not {"dss", "doss", "diiss"} & name_slips("Diss")  # no keyboard slips of short words
    assert "norwitch" in name_slips("Norwich") and "chessam" in name_slips("Chesham")


def test_patterns_come_out_in_the_same_order_in_every_process():
    """The fingerprint that spares a rebuild (and a retrain) hashes the patterns in order,
    so the order must not depend on Python's per-process hash seed."""
    import os
    import subprocess
    import sys

    script = ("import hashlib, json; from pathlib import Path; "
              "from bot.spacy_pipeline import DATA_DIR, collect_patterns, read_data_dir, training_vocabulary; "
              ""
              "patterns, _ = collect_patterns(read_data_dir(DATA_DIR).areas, training_vocabulary(Path('data/nlu'))); "
              "print(hashlib.sha256(json.dumps(patterns).encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip()
               for seed in range(3)}
    assert len(digests) == 1

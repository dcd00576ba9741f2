"""Build the spaCy pipeline Rasa uses for place names, from the directory's gazetteer.

No pretrained spaCy model can be downloaded here (and none knows Forebridge or IP24),
so the pipeline is blank English plus an `entity_ruler` whose patterns are:

- every place name and alias in services_directory/data/areas/*.yml, matched in any case,
  except names that are everyday words ("Stone", "Street"), matched only as written;
- common one-letter typing slips of longer names ("thetferd", "Dereahm", "Aylesbry");
- UK postcodes: full ones anywhere, outward codes alone only for our postcode areas.

It also writes the Rasa synonyms that normalise every alias and slip to the place's
name. Both outputs are rewritten only when the place list changes, so `make` retrains
the model exactly when places change. Rasa loads the pipeline from its folder at start
(it is not packed into the model), so setup rebuilds it wherever the model runs.

    python -m bot.spacy_pipeline --output models/spacy_places --synonyms data/nlu/generated_place_synonyms.yml
"""
import argparse
import hashlib
import json
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Set, Tuple

import yaml

from services_directory.files import DATA_DIR, DataError, read_data_dir

LABEL = "location"
PIPELINE_NAME = "signpost_places"
MIN_SLIP_LENGTH = 5  # slips of shorter words collide with ordinary words too often

# Keys that sit next to each other on a QWERTY keyboard: the likeliest wrong letters.
KEYBOARD_NEIGHBOURS = {
    "q": "wa", "w": "qeas", "e": "wrsd", "r": "etdf", "t": "ryfg", "y": "tugh", "u": "yihj",
    "i": "uojk", "o": "ipkl", "p": "ol", "a": "qwsz", "s": "awedxz", "d": "serfcx",
    "f": "drtgvc", "g": "ftyhbv", "h": "gyujnb", "j": "huikmn", "k": "jiolm", "l": "kop",
    "z": "asx", "x": "zsdc", "c": "xdfv", "v": "cfgb", "b": "vghn", "n": "bhjm", "m": "njk",
}
VOWELS = "aeiou"

FULL_POSTCODE = [
    {"TEXT": {"REGEX": r"^(?i:[a-z]{1,2}[0-9][a-z0-9]?)$"}},
    {"TEXT": {"REGEX": r"^(?i:[0-9][a-z]{2})$"}},
]
FULL_POSTCODE_NO_SPACE = [{"TEXT": {"REGEX": r"^(?i:[a-z]{1,2}[0-9][a-z0-9]?[0-9][a-z]{2})$"}}]


def typing_slips(word: str) -> Set[str]:
    """Realistic one-slip misspellings: a dropped, doubled, swapped or neighbouring key,
    or a wrong vowel."""
    slips = set()
    for i, letter in enumerate(word):
        slips.add(word[:i] + word[i + 1:])  # dropped letter
        slips.add(word[:i] + letter + word[i:])  # doubled letter
        if i + 1 < len(word):
            slips.add(word[:i] + word[i + 1] + letter + word[i + 2:])  # swapped pair
        replacements = KEYBOARD_NEIGHBOURS.get(letter, "") + (VOWELS if letter in VOWELS else "")
        for other in replacements:
            slips.add(word[:i] + other + word[i + 1:])  # neighbouring key / wrong vowel
            slips.add(word[:i + 1] + other + word[i + 1:])  # extra neighbouring key
    slips.discard(word)
    return {s for s in slips if len(s) >= MIN_SLIP_LENGTH - 1}


# Spelling by sound: the usual English confusions, each applied once ("Froom", "Norwitch",
# "Chessam", "Burnham on See").
SOUND_ALIKE = [("ch", "tch"), ("tch", "ch"), ("sh", "ss"), ("wh", "w"), ("w", "wh"), ("ome", "oom"),
               ("ea", "ee"), ("ee", "ea"), ("ck", "k"), ("y", "i"), ("i", "y"), ("ph", "f"), ("c", "k"),
               ("k", "c"), ("ough", "uff"), ("wich", "ich"), ("ich", "itch"), ("ham", "um"), ("er", "a")]


def sound_alike_spellings(word: str) -> Set[str]:
    spellings = set()
    for old, new in SOUND_ALIKE:
        start = word.find(old)
        while start != -1:
            spellings.add(word[:start] + new + word[start + len(old):])
            start = word.find(old, start + 1)
    if word.endswith("e"):
        spellings.add(word[:-1])
    return spellings - {word}


def undoubled(word: str) -> Set[str]:
    """"Lynn" typed "Lyn": one of a doubled letter dropped, in a word of any length."""
    return {word[:i] + word[i + 1:] for i in range(1, len(word)) if word[i] == word[i - 1]}


def name_slips(name: str) -> Set[str]:
    """Misspellings of a (possibly multi-word) name: one slip in one word."""
    words = name.lower().split()
    variants = set()
    for index, word in enumerate(words):
        if not word.isalpha():
            continue
        slips = undoubled(word)
        if len(word) >= MIN_SLIP_LENGTH:
            slips |= typing_slips(word) | sound_alike_spellings(word)
        elif len(word) == MIN_SLIP_LENGTH - 1:
            slips |= sound_alike_spellings(word)
        for slip in slips:
            if len(slip) >= 3:
                variants.add(" ".join(words[:index] + [slip] + words[index + 1:]))
    return variants


# Aliases like "Stafford town centre" help the directory resolve a place, but as entity
# patterns they would swallow the words after the place name.
GENERIC_SUFFIX = re.compile(r"\s+(?:town\s+centre|city\s+centre|town|city|ward|district|borough|area|village|parish)$",
                            re.IGNORECASE)


def collect_patterns(areas, protected_words: Set[str]) -> Tuple[List[dict], Dict[str, Set[str]]]:
    """Entity-ruler patterns and synonyms (canonical name -> variants) for the areas."""
    patterns: List[dict] = []
    synonyms: Dict[str, Set[str]] = defaultdict(set)
    exact_keys: Dict[str, str] = {}
    for area in areas:
        for written in [area.name, *area.aliases]:
            exact_keys.setdefault(written.lower(), area.name)
    taken = set(exact_keys) | protected_words
    slip_owner: Dict[str, Set[str]] = defaultdict(set)
    for area in areas:
        for written in [area.name, *area.aliases]:
            if GENERIC_SUFFIX.search(written) and GENERIC_SUFFIX.sub("", written).lower() in exact_keys:
                continue
            if area.ambiguous:
                patterns.append({"label": LABEL, "pattern": [{"ORTH": token} for token in written.split()]})
            else:
                patterns.append({"label": LABEL, "pattern": written})
                for slip in name_slips(written):
                    slip_owner[slip].add(area.name)
            if written != area.name:
                synonyms[area.name].add(written)
    # sorted: slips come out of sets, whose order changes per process; a stable order keeps
    # the fingerprint stable, so an unchanged gazetteer never forces a rebuild and retrain.
    for slip, owners in sorted(slip_owner.items()):
        # A slip that is a real name or word, or could be two places, is not a slip.
        if len(owners) == 1 and slip not in taken:
            owner = next(iter(owners))
            patterns.append({"label": LABEL, "pattern": slip})
            synonyms[owner].add(slip)
    return patterns, synonyms


def postcode_patterns(areas) -> List[dict]:
    """Full postcodes anywhere; an outward code alone only if it is one of ours, or in one
    of our two-letter postcode areas ("TA3"): one-letter ones ("B4") read as text-speak."""
    codes = sorted({code for a in areas for code in a.postcode_districts})
    letters = sorted({re.match(r"[A-Z]+", code).group(0) for code in codes} - set("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    outward_in_our_areas = [{"TEXT": {"REGEX": rf"^(?i:(?:{'|'.join(letters)})[0-9][0-9a-z]?)$"}}]
    patterns = [FULL_POSTCODE, FULL_POSTCODE_NO_SPACE, outward_in_our_areas]
    return [{"label": LABEL, "pattern": p} for p in patterns] + [{"label": LABEL, "pattern": c} for c in codes]


def training_vocabulary(nlu_dir: Path) -> Set[str]:
    """Every word in the NLU training data: a place 'slip' that is one of these is a word."""
    words = set()
    for path in nlu_dir.glob("*.yml"):
        if path.name.startswith("generated_"):
            continue
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\[([^\]]+)\]\([^)]*\)", " ", text)  # annotated places are not ordinary words
        words |= set(re.findall(r"[a-z]+", text.lower()))
    return words


def build(output: Path, synonyms_path: Path, data_dir: Path = DATA_DIR, nlu_dir: Path = Path("data/nlu")) -> bool:
    """Build both outputs; return True if anything changed on disk."""
    import spacy

    areas = read_data_dir(data_dir).areas
    ruler_patterns, synonyms = collect_patterns(areas, training_vocabulary(nlu_dir))
    ruler_patterns += postcode_patterns(areas)
    fingerprint = hashlib.sha256(json.dumps(ruler_patterns, sort_keys=True).encode()).hexdigest()

    meta_path = output / "meta.json"
    if meta_path.exists() and synonyms_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("signpost", {}).get("patterns_sha256") == fingerprint:
            print(f"Place pipeline unchanged ({len(ruler_patterns)} patterns): {output}")
            return False

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": True})
    ruler.add_patterns(ruler_patterns)
    nlp.meta.update({
        "name": PIPELINE_NAME, "version": "1.0.0",
        "description": "Blank English with an entity_ruler for Signpost's places and UK postcodes, "
                       "built by bot/spacy_pipeline.py from services_directory/data/areas.",
        "signpost": {"patterns_sha256": fingerprint, "patterns": len(ruler_patterns), "areas": len(areas)},
    })
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)

    synonyms_path.parent.mkdir(parents=True, exist_ok=True)
    document = {"version": "3.1", "nlu": [
        {"synonym": name, "examples": "".join(f"- {variant}\n" for variant in sorted(variants))}
        for name, variants in sorted(synonyms.items()) if variants
    ]}
    header = "# Generated by bot/spacy_pipeline.py from services_directory/data/areas: do not edit.\n"
    synonyms_path.write_text(header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"Built place pipeline with {len(ruler_patterns)} patterns for {len(areas)} areas: {output}")
    return True


def main(argv: Iterable[str] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=Path("models/spacy_places"))
    parser.add_argument("--synonyms", type=Path, default=Path("data/nlu/generated_place_synonyms.yml"))
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    try:
        build(args.output, args.synonyms, args.data)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

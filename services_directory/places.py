"""Place resolution: turn what a person typed ("Thetford", "thetferd", "IP24 2AB",
"I'm in Forebridge") into an area of the gazetteer, or say clearly that we could not.

Order of attempts: a postcode or outward code; an exact name or alias; then a close
spelling (difflib) of a word or phrase in the text. Names that are everyday words
("Stone", "Street", "Wells") only count when written with a capital letter.

A match also carries the council for the place (the nearest area in its chain that has
one), so a question the directory cannot answer can go to the council's general route.
"""
import difflib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Tuple

from sqlalchemy import inspect, select

from services_directory.models import Area, AreaCouncil, AreaName, PostcodeDistrict
from services_directory.vocabulary import NATIONAL_AREA_ID

# Full postcode ("IP24 2AB", "ip242ab") or outward code alone ("IP24", "TA1").
POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})?\b", re.IGNORECASE)
FUZZY_CUTOFF = 0.82
MIN_FUZZY_LENGTH = 5  # shorter words are too often ordinary words one letter away
STOPWORDS = frozenset(
    "i im i'm me my we our live living in at near from the a an of and to around just outside "
    "town city village area centre center north south east west by close here there is it "
    "please thanks thank you yes no not sure road".split()
)


def normalise_place(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("&", " and ")
    text = re.sub(r"'s\b", "s", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


@dataclass
class Council:
    """The council whose general contact route covers a place."""
    name: str
    website: Optional[str]
    phone: Optional[str]
    area_id: str  # the area the council is recorded on, e.g. "breckland"
    area_name: str


@dataclass
class PlaceMatch:
    area_id: str
    name: str
    type: str
    chain: List[str]  # this area, then each parent, ending with "england"
    chain_names: List[str]  # the same areas' names, e.g. ["Thetford", "Breckland", "Norfolk", "England"]
    matched_text: str
    method: str  # "postcode" | "name" | "spelling"
    postcode: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    council: Optional[Council] = None  # the nearest area in `chain` that has one

    @property
    def is_national(self) -> bool:
        return self.area_id == NATIONAL_AREA_ID


@dataclass
class PlaceNotFound:
    text: str
    reason: str  # "unknown" | "unknown_postcode" | "outside_area"
    message: str
    suggestions: List[str] = field(default_factory=list)


@dataclass
class _AreaInfo:
    id: str
    name: str
    type: str
    parent_id: Optional[str]
    latitude: Optional[float]
    longitude: Optional[float]
    ambiguous: bool
    council: Optional[Council] = None


class _CloseMatcher:
    """difflib.get_close_matches over many keys, without comparing every key.

    A character-bigram index picks the keys that can reach the cutoff: if two strings
    have a SequenceMatcher ratio r >= c (c > 2/3), their matching blocks (in order,
    adjacent ones merged, so a gap in one string between any two) hold M >= c(a+b)/2
    characters in B <= 1 + 2M(1-c)/c blocks, so they share at least
    M - B >= (a+b)(3c-2)/2 - 1 bigrams. Keys below that bound cannot match; the answer
    is exactly difflib's over all keys. For lower cutoffs (suggestions), keys sharing
    no bigram are skipped: a hint, not a guarantee.
    """

    def __init__(self, keys: Iterable[str]):
        self.keys = sorted(set(keys))
        self.postings: Dict[str, List[Tuple[int, int]]] = defaultdict(list)
        for index, key in enumerate(self.keys):
            for gram, count in _bigrams(key).items():
                self.postings[gram].append((index, count))

    def close_matches(self, word: str, n: int, cutoff: float) -> List[str]:
        shared: Dict[int, int] = defaultdict(int)
        for gram, count in _bigrams(word).items():
            for index, key_count in self.postings.get(gram, ()):
                shared[index] += min(count, key_count)
        if cutoff > 2 / 3:
            factor = (3 * cutoff - 2) / 2
            slack = 1 + 1e-9  # the bound's "- 1", plus room for floating point
            candidates = [self.keys[i] for i, common in shared.items()
                          if common >= factor * (len(word) + len(self.keys[i])) - slack]
            longest_unbounded = slack / factor - len(word)  # keys this short need no shared bigram
            if longest_unbounded >= 0:
                candidates += [k for i, k in enumerate(self.keys) if len(k) <= longest_unbounded and i not in shared]
        else:
            candidates = [self.keys[i] for i in shared]
        return difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)


def _bigrams(text: str) -> Dict[str, int]:
    grams: Dict[str, int] = defaultdict(int)
    for i in range(len(text) - 1):
        grams[text[i:i + 2]] += 1
    return grams


class Gazetteer:
    """An in-memory copy of the place tables: small, read often, changed only by `load`."""

    def __init__(self, areas: Dict[str, _AreaInfo], names: Dict[str, Tuple[str, str]],
                 postcodes: Dict[str, str]):
        self.areas = areas
        self.names = names  # normalised key -> (area id, name as written)
        self.postcodes = postcodes  # outward code -> area id
        self.postcode_areas = {re.match(r"[A-Z]+", code).group(0) for code in postcodes}
        self._fuzzy = _CloseMatcher(k for k in names if len(k) >= MIN_FUZZY_LENGTH)
        self._suggester = _CloseMatcher(names)

    @classmethod
    def from_session(cls, session) -> "Gazetteer":
        """Plain column queries (no ORM objects): this runs again after every `load`."""
        councils = {}
        # A database loaded before councils were recorded has no such table until the
        # next `load`: places still resolve, without a council.
        if inspect(session.connection()).has_table(AreaCouncil.__tablename__):
            councils = {row.area_id: row for row in session.execute(
                select(AreaCouncil.area_id, AreaCouncil.name, AreaCouncil.website, AreaCouncil.phone))}
        areas = {}
        for a in session.execute(select(Area.id, Area.name, Area.type, Area.parent_id, Area.latitude,
                                        Area.longitude, Area.ambiguous)):
            council = councils.get(a.id)
            areas[a.id] = _AreaInfo(
                a.id, a.name, a.type, a.parent_id, a.latitude, a.longitude, bool(a.ambiguous),
                Council(council.name, council.website, council.phone, a.id, a.name) if council else None)
        names = {n.key: (n.area_id, n.name)
                 for n in session.execute(select(AreaName.key, AreaName.area_id, AreaName.name))}
        postcodes = {p.code: p.area_id for p in session.execute(select(PostcodeDistrict.code, PostcodeDistrict.area_id))}
        return cls(areas, names, postcodes)

    def chain(self, area_id: str) -> List[str]:
        chain, current = [], self.areas.get(area_id)
        while current is not None and current.id not in chain:
            chain.append(current.id)
            current = self.areas.get(current.parent_id) if current.parent_id else None
        if NATIONAL_AREA_ID not in chain:
            chain.append(NATIONAL_AREA_ID)
        return chain

    def coordinates(self, area_id: str) -> Tuple[Optional[float], Optional[float]]:
        """The area's own centre, or the nearest parent's that has one."""
        for candidate in self.chain(area_id):
            info = self.areas.get(candidate)
            if info and info.latitude is not None:
                return info.latitude, info.longitude
        return None, None

    def council(self, area_id: str) -> Optional[Council]:
        """The council of the nearest area in the chain that has one."""
        for candidate in self.chain(area_id):
            info = self.areas.get(candidate)
            if info and info.council:
                return info.council
        return None

    def _match(self, area_id: str, matched_text: str, method: str, postcode=None) -> PlaceMatch:
        info = self.areas[area_id]
        lat, lon = self.coordinates(area_id)
        chain = self.chain(area_id)
        names = [self.areas[a].name if a in self.areas else a for a in chain]
        return PlaceMatch(area_id=area_id, name=info.name, type=info.type, chain=chain, chain_names=names,
                          matched_text=matched_text, method=method, postcode=postcode,
                          latitude=lat, longitude=lon, council=self.council(area_id))

    def resolve(self, text: str):
        """Return a PlaceMatch, or a PlaceNotFound that says why and what to try."""
        original = " ".join((text or "").split())
        if not original:
            return PlaceNotFound(text="", reason="unknown", message="No place was given.")
        postcode_result = self._resolve_postcode(original)
        if postcode_result is not None:
            return postcode_result
        exact = self._resolve_name(original)
        if exact is not None:
            return exact
        fuzzy = self._resolve_spelling(original)
        if fuzzy is not None:
            return fuzzy
        return PlaceNotFound(
            text=original, reason="unknown",
            message=f"'{original}' is not a place we know in our areas.",
            suggestions=self.suggest(original),
        )

    def _resolve_postcode(self, text: str):
        for match in POSTCODE.finditer(text):
            outward = match.group(1).upper()
            inward = (match.group(2) or "").upper()
            letters = re.match(r"[A-Z]+", outward).group(0)
            if outward in self.postcodes:
                postcode = f"{outward} {inward}".strip()
                return self._match(self.postcodes[outward], match.group(0), "postcode", postcode)
            if letters in self.postcode_areas:
                # Ours, but a district split between councils: ask rather than guess.
                return PlaceNotFound(
                    text=match.group(0), reason="unknown_postcode",
                    message=f"{outward} covers more than one council area, so we cannot tell which is yours.",
                )
            if inward:  # a complete postcode elsewhere is still a real place: say so clearly
                return PlaceNotFound(
                    text=match.group(0), reason="outside_area",
                    message=f"{match.group(0).upper()} is outside the areas this service covers.",
                )
        return None

    def _candidate_phrases(self, text: str):
        """Word n-grams of the text, longest first, with the text as written."""
        words = re.findall(r"[A-Za-z0-9'\u2019&-]+", text)
        for size in range(min(5, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                yield " ".join(words[start:start + size])

    def _resolve_name(self, text: str):
        key = normalise_place(text)
        if key in self.names:
            return self._match_if_written_right(text, key, "name")
        for phrase in self._candidate_phrases(text):
            key = normalise_place(phrase)
            if key in self.names and key not in STOPWORDS:
                match = self._match_if_written_right(phrase, key, "name")
                if match is not None:
                    return match
        return None

    def _match_if_written_right(self, written: str, key: str, method: str):
        area_id, _ = self.names[key]
        if self.areas[area_id].ambiguous and not written.strip()[:1].isupper():
            return None
        return self._match(area_id, written, method)

    def _resolve_spelling(self, text: str):
        best: Optional[Tuple[float, str, str]] = None
        for phrase in self._candidate_phrases(text):
            key = normalise_place(phrase)
            if len(key) < MIN_FUZZY_LENGTH or key in STOPWORDS:
                continue
            for candidate in self._fuzzy.close_matches(key, n=1, cutoff=FUZZY_CUTOFF):
                score = difflib.SequenceMatcher(None, key, candidate).ratio()
                if self.areas[self.names[candidate][0]].ambiguous:
                    continue  # never guess an everyday word from a misspelling
                if best is None or score > best[0]:
                    best = (score, phrase, candidate)
        if best is None:
            return None
        return self._match(self.names[best[2]][0], best[1], "spelling")

    def suggest(self, text: str, limit: int = 3) -> List[str]:
        key = normalise_place(text)
        keys = self._suggester.close_matches(key, n=limit * 3, cutoff=0.6)
        return list(dict.fromkeys(self.areas[self.names[k][0]].name for k in keys))[:limit]

    def place_names(self):
        """(name, ambiguous) for every name and alias, for building entity patterns."""
        return [(name, self.areas[area_id].ambiguous) for area_id, name in self.names.values()]


def distance_metres(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance (haversine)."""
    radius = 6_371_000
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))

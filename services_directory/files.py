"""Reading and checking the human-editable data files (format: docs/directory-data.md).

Every problem is reported with the file, the record and the field, so a council
officer can find and fix it; `read_data_dir` collects all problems before failing.
"""
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

from services_directory.places import normalise_place as _place_key
from services_directory.vocabulary import (
    ALL_TAGS, AREA_TYPES, AUDIENCES, KINDS, NATIONAL_AREA_ID, STATUSES, WEEKDAYS,
)

# libyaml's safe loader when PyYAML has it: the same documents, ten times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = Path(__file__).resolve().parent / "data"
SOURCES_DIR = DATA_DIR / "sources"

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
OUTWARD_CODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
# A UK phone number as people write it: 3 to 11 digits (999, 101, 116 123, 0808 2000 247).
PHONE = re.compile(r"^\+?[0-9][0-9 ]{1,16}[0-9]$")
TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$")
URL = re.compile(r"^https?://[^\s/$.?#].[^\s]*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

AREA_FIELDS = {"id", "name", "type", "parent", "aliases", "postcode_districts", "lat", "lon", "ambiguous",
               "council"}
COUNCIL_FIELDS = {"name", "website", "phone"}
SERVICE_FIELDS = {
    "id", "name", "organization", "kind", "description", "concerns", "audiences",
    "minimum_age", "maximum_age", "areas", "contact", "hours", "open_24_7", "schedule",
    "what_happens", "status", "status_note", "ended_on", "source", "last_verified",
    "review_due",
}
CONTACT_FIELDS = {"phone", "text", "email", "website", "webchat", "how_to_contact"}
SCHEDULE_FIELDS = {"days", "opens", "closes"}
SOURCE_FIELDS = {"document", "quote"}


@dataclass(frozen=True)
class Problem:
    file: str
    record: str
    field: str
    message: str

    def __str__(self):
        return f"{self.file}: record '{self.record}', field '{self.field}': {self.message}"


class DataError(Exception):
    """The data files have problems; nothing should be loaded."""

    def __init__(self, problems: List[Problem]):
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the directory data:\n{lines}{more}")


@dataclass
class CouncilRecord:
    """The council for an area: its general contact route (docs/directory-data.md)."""
    name: str
    website: Optional[str] = None
    phone: Optional[str] = None


@dataclass
class AreaRecord:
    id: str
    name: str
    type: str
    parent: Optional[str]
    aliases: List[str]
    postcode_districts: List[str]
    lat: Optional[float]
    lon: Optional[float]
    ambiguous: bool
    file: str
    council: Optional[CouncilRecord] = None


@dataclass
class ScheduleRecord:
    days: List[str]
    opens: str
    closes: str


@dataclass
class ServiceRecord:
    id: str
    name: str
    organization: str
    kind: str
    description: str
    concerns: List[str]
    audiences: List[str]
    areas: List[str]
    status: str
    source_document: str
    source_quote: str
    last_verified: Optional[dt.date]
    review_due: Optional[dt.date]
    phone: Optional[str] = None
    text: Optional[str] = None
    email: Optional[str] = None
    website: Optional[str] = None
    webchat: Optional[str] = None
    how_to_contact: Optional[str] = None
    hours: Optional[str] = None
    open_24_7: bool = False
    schedule: List[ScheduleRecord] = field(default_factory=list)
    what_happens: Optional[str] = None
    minimum_age: Optional[int] = None
    maximum_age: Optional[int] = None
    status_note: Optional[str] = None
    ended_on: Optional[dt.date] = None
    file: str = ""


@dataclass
class DirectoryData:
    areas: List[AreaRecord]
    services: List[ServiceRecord]
    taxonomy: Dict[str, Any]


class _Checker:
    """Collects problems while converting raw YAML into records."""

    def __init__(self):
        self.problems: List[Problem] = []

    def problem(self, file, record, field_name, message):
        self.problems.append(Problem(file, str(record), field_name, message))

    def load_list(self, path: Path, root: Path) -> List[dict]:
        name = str(path.relative_to(root))
        try:
            content = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"line {mark.line + 1}" if mark else "unknown line"
            self.problem(name, "-", "-", f"not valid YAML ({where}): {getattr(error, 'problem', error)}")
            return []
        except UnicodeDecodeError:
            self.problem(name, "-", "-", "not UTF-8 text")
            return []
        if content is None:
            return []
        if not isinstance(content, list):
            self.problem(name, "-", "-", "the file must be a list of records (each starting with '- id:')")
            return []
        records = []
        for index, item in enumerate(content, start=1):
            if not isinstance(item, dict):
                self.problem(name, f"#{index}", "-", "each record must be a mapping of fields")
            else:
                records.append(item)
        return records

    def text(self, file, rid, raw, key, required=True, max_length=None, where=""):
        """`where` prefixes the field name for nested mappings ("contact.")."""
        value = raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(file, rid, f"{where}{key}", "is required")
            return None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.problem(file, rid, f"{where}{key}", "must be text")
            return None
        value = " ".join(str(value).split())
        if max_length and len(value) > max_length:
            self.problem(file, rid, f"{where}{key}", f"is longer than {max_length} characters")
        return value

    def text_list(self, file, rid, raw, key, vocabulary=None, required=False, where=""):
        value = raw.get(key)
        name = f"{where}{key}"
        if value is None:
            if required:
                self.problem(file, rid, name, "is required (a list)")
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(file, rid, name, "must be a list of text values")
            return []
        if required and not value:
            self.problem(file, rid, name, "must not be empty")
        for v in sorted({v for v in value if value.count(v) > 1}):
            self.problem(file, rid, name, f"lists '{v}' more than once")
        if vocabulary is not None:
            for v in value:
                if v not in vocabulary:
                    self.problem(file, rid, name, f"'{v}' is not one of: {', '.join(vocabulary)}")
        return [v.strip() for v in value]

    def date(self, file, rid, raw, key, required=False):
        value = raw.get(key)
        if value is None:
            if required:
                self.problem(file, rid, key, "is required (YYYY-MM-DD)")
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.problem(file, rid, key, f"'{value}' is not a date (YYYY-MM-DD)")
            return None

    def integer(self, file, rid, raw, key):
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value > 120:
            self.problem(file, rid, key, f"'{value}' is not an age in years")
            return None
        return value

    def unknown_fields(self, file, rid, raw, allowed, where=""):
        for key in sorted(set(raw) - allowed):
            self.problem(file, rid, f"{where}{key}", f"unknown field (allowed: {', '.join(sorted(allowed))})")


def read_areas(checker: _Checker, root: Path) -> List[AreaRecord]:
    areas = []
    for path in sorted((root / "areas").glob("*.yml")):
        file = str(path.relative_to(root))
        for index, raw in enumerate(checker.load_list(path, root), start=1):
            rid = raw.get("id") or f"#{index}"
            checker.unknown_fields(file, rid, raw, AREA_FIELDS)
            area_id = checker.text(file, rid, raw, "id")
            if area_id and not SLUG.match(area_id):
                checker.problem(file, rid, "id", "must be a lowercase slug like 'kings-lynn'")
            area_type = checker.text(file, rid, raw, "type")
            if area_type and area_type not in AREA_TYPES:
                checker.problem(file, rid, "type", f"'{area_type}' is not one of: {', '.join(AREA_TYPES)}")
            codes = [c.upper().replace(" ", "") for c in checker.text_list(file, rid, raw, "postcode_districts")]
            for code in codes:
                if not OUTWARD_CODE.match(code):
                    checker.problem(file, rid, "postcode_districts", f"'{code}' is not an outward code like IP24")
            coordinates = {}
            for key, low, high in (("lat", 49.0, 61.0), ("lon", -8.0, 2.0)):
                value = raw.get(key)
                if value is not None and (not isinstance(value, (int, float)) or not low <= value <= high):
                    checker.problem(file, rid, key, f"'{value}' is not a {key} in England")
                    value = None
                coordinates[key] = value
            ambiguous = raw.get("ambiguous", False)
            if not isinstance(ambiguous, bool):
                checker.problem(file, rid, "ambiguous", "must be true or false")
                ambiguous = False
            areas.append(AreaRecord(
                id=area_id or "", name=checker.text(file, rid, raw, "name") or "",
                type=area_type or "", parent=checker.text(file, rid, raw, "parent", required=False),
                aliases=checker.text_list(file, rid, raw, "aliases"), postcode_districts=codes,
                lat=coordinates["lat"], lon=coordinates["lon"], ambiguous=ambiguous, file=file,
                council=_read_council(checker, file, rid, raw),
            ))
    _check_area_links(checker, areas)
    return areas


def _read_council(checker: _Checker, file, rid, raw) -> Optional[CouncilRecord]:
    """The optional `council` mapping: name (required), website and phone (optional)."""
    if raw.get("council") is None:
        return None
    council = raw["council"]
    if not isinstance(council, dict):
        checker.problem(file, rid, "council", "must be a mapping with name, and optionally website and phone")
        return None
    checker.unknown_fields(file, rid, council, COUNCIL_FIELDS, where="council.")
    name = checker.text(file, rid, council, "name", max_length=200, where="council.")
    website = checker.text(file, rid, council, "website", required=False, where="council.")
    if website and not URL.match(website):
        checker.problem(file, rid, "council.website", f"'{website}' must be a full address starting https://")
    phone = checker.text(file, rid, council, "phone", required=False, where="council.")
    if phone and not PHONE.match(phone):
        checker.problem(file, rid, "council.phone", f"'{phone}' does not look like a UK phone number")
    if name is None:
        return None
    return CouncilRecord(name=name, website=website, phone=phone)


def _check_area_links(checker: _Checker, areas: List[AreaRecord]) -> None:
    by_id: Dict[str, AreaRecord] = {}
    for area in areas:
        if area.id in by_id:
            checker.problem(area.file, area.id, "id", f"duplicate area id (also in {by_id[area.id].file})")
        by_id[area.id] = area
    names: Dict[str, AreaRecord] = {}
    for area in areas:  # a name that leads to two places would resolve to either, silently
        for name in dict.fromkeys([area.name, *area.aliases]):
            key = _place_key(name)
            other = names.setdefault(key, area)
            if key and other.id != area.id:
                field_name = "name" if name == area.name else "aliases"
                checker.problem(area.file, area.id, field_name,
                                f"'{name}' is also a name of '{other.id}' (in {other.file}); "
                                "a name must lead to one place, so qualify one of them")
    codes: Dict[str, str] = {}
    for area in areas:
        if area.id == NATIONAL_AREA_ID:
            continue
        if not area.parent:
            checker.problem(area.file, area.id, "parent", "is required (every place sits inside another)")
        elif area.parent not in by_id:
            checker.problem(area.file, area.id, "parent", f"'{area.parent}' is not an area id")
        for code in area.postcode_districts:
            if code in codes and codes[code] != area.id:
                checker.problem(area.file, area.id, "postcode_districts", f"{code} is already given to '{codes[code]}'")
            codes[code] = area.id
    for area in areas:  # a loop in the parents would hang place resolution
        seen, current = set(), area
        while current and current.parent and current.id not in seen:
            seen.add(current.id)
            current = by_id.get(current.parent)
        if current and current.id in seen:
            checker.problem(area.file, area.id, "parent", "the chain of parents loops back on itself")


def read_services(checker: _Checker, root: Path, area_ids: set) -> List[ServiceRecord]:
    services = []
    seen: Dict[str, str] = {}
    for path in sorted((root / "services").glob("*.yml")):
        file = str(path.relative_to(root))
        for index, raw in enumerate(checker.load_list(path, root), start=1):
            rid = raw.get("id") or f"#{index}"
            record = _read_service(checker, file, rid, raw, area_ids)
            if record.id in seen:
                checker.problem(file, rid, "id", f"duplicate service id (also in {seen[record.id]})")
            seen[record.id] = file
            services.append(record)
    _check_duplicate_records(checker, services)
    return services


def _check_duplicate_records(checker: _Checker, services: List[ServiceRecord]) -> None:
    """Two live records with the same name for the same area are one service entered
    twice: a search would offer it twice. Keep one (ids are never reused)."""
    live: Dict[tuple, ServiceRecord] = {}
    for record in services:
        if record.status == "ended" or not record.name:
            continue
        for area in record.areas:
            other = live.setdefault((_place_key(record.name), area), record)
            if other.id != record.id:
                checker.problem(record.file, record.id, "name",
                                f"'{record.name}' for '{area}' is already record '{other.id}' "
                                f"(in {other.file}); keep one of them")
                break


def _read_service(checker: _Checker, file, rid, raw, area_ids) -> ServiceRecord:
    c = checker
    c.unknown_fields(file, rid, raw, SERVICE_FIELDS)
    service_id = c.text(file, rid, raw, "id") or ""
    if service_id and not SLUG.match(service_id):
        c.problem(file, rid, "id", "must be a lowercase slug like 'norfolk-leeway'")
    kind = c.text(file, rid, raw, "kind")
    if kind and kind not in KINDS:
        c.problem(file, rid, "kind", f"'{kind}' is not one of: {', '.join(KINDS)}")
    status = c.text(file, rid, raw, "status")
    if status and status not in STATUSES:
        c.problem(file, rid, "status", f"'{status}' is not one of: {', '.join(STATUSES)}")
    areas = c.text_list(file, rid, raw, "areas", required=True)
    for area in areas:
        if area not in area_ids:
            c.problem(file, rid, "areas", f"'{area}' is not an area id in areas/*.yml")

    contact = raw.get("contact") or {}
    if not isinstance(contact, dict):
        c.problem(file, rid, "contact", "must be a mapping (phone, text, email, website, webchat, how_to_contact)")
        contact = {}
    c.unknown_fields(file, rid, contact, CONTACT_FIELDS, where="contact.")
    phone = c.text(file, rid, contact, "phone", required=False, where="contact.")
    if phone and not PHONE.match(phone):
        c.problem(file, rid, "contact.phone", f"'{phone}' does not look like a UK phone number")
    email = c.text(file, rid, contact, "email", required=False, where="contact.")
    if email and not EMAIL.match(email):
        c.problem(file, rid, "contact.email", f"'{email}' is not an email address")
    urls = {}
    for key in ("website", "webchat"):
        urls[key] = c.text(file, rid, contact, key, required=False, where="contact.")
        if urls[key] and not URL.match(urls[key]):
            c.problem(file, rid, f"contact.{key}", f"'{urls[key]}' must be a full address starting https://")

    schedule = []
    raw_schedule = raw.get("schedule") or []
    if not isinstance(raw_schedule, list):
        c.problem(file, rid, "schedule", "must be a list of {days, opens, closes}")
        raw_schedule = []
    for slot in raw_schedule:
        if not isinstance(slot, dict):
            c.problem(file, rid, "schedule", "each entry must be {days, opens, closes}")
            continue
        c.unknown_fields(file, rid, slot, SCHEDULE_FIELDS, where="schedule.")
        days = c.text_list(file, rid, slot, "days", vocabulary=WEEKDAYS, required=True, where="schedule.")
        opens, closes = str(slot.get("opens", "")), str(slot.get("closes", ""))
        if not TIME.match(opens) or not TIME.match(closes) or opens == "24:00":
            c.problem(file, rid, "schedule", f"times must be HH:MM (got opens '{opens}', closes '{closes}')")
        elif closes <= opens:
            c.problem(file, rid, "schedule", f"closes ({closes}) must be after opens ({opens}); split overnight hours in two")
        schedule.append(ScheduleRecord(days=days, opens=opens, closes=closes))

    source = raw.get("source") or {}
    if not isinstance(source, dict):
        c.problem(file, rid, "source", "must be a mapping with document and quote")
        source = {}
    c.unknown_fields(file, rid, source, SOURCE_FIELDS, where="source.")
    document = c.text(file, rid, source, "document", where="source.")
    quote = c.text(file, rid, source, "quote", where="source.")

    open_24_7 = raw.get("open_24_7", False)
    if not isinstance(open_24_7, bool):
        c.problem(file, rid, "open_24_7", "must be true or false")
        open_24_7 = False
    minimum_age, maximum_age = c.integer(file, rid, raw, "minimum_age"), c.integer(file, rid, raw, "maximum_age")
    if minimum_age is not None and maximum_age is not None and minimum_age > maximum_age:
        c.problem(file, rid, "minimum_age", "is greater than maximum_age")

    last_verified = c.date(file, rid, raw, "last_verified", required=True)
    review_due = c.date(file, rid, raw, "review_due", required=True)
    if last_verified and review_due and review_due < last_verified:
        c.problem(file, rid, "review_due", "is before last_verified")

    return ServiceRecord(
        id=service_id,
        name=c.text(file, rid, raw, "name", max_length=300) or "",
        organization=c.text(file, rid, raw, "organization", required=False) or c.text(file, rid, raw, "name", required=False) or "",
        kind=kind or "",
        description=c.text(file, rid, raw, "description") or "",
        concerns=c.text_list(file, rid, raw, "concerns", vocabulary=ALL_TAGS, required=True),
        audiences=c.text_list(file, rid, raw, "audiences", vocabulary=AUDIENCES),
        areas=areas, status=status or "", source_document=document or "", source_quote=quote or "",
        last_verified=last_verified, review_due=review_due,
        phone=phone, text=c.text(file, rid, contact, "text", required=False, where="contact."), email=email,
        website=urls["website"], webchat=urls["webchat"],
        how_to_contact=c.text(file, rid, contact, "how_to_contact", required=False, where="contact."),
        hours=c.text(file, rid, raw, "hours", required=False), open_24_7=open_24_7,
        schedule=schedule, what_happens=c.text(file, rid, raw, "what_happens", required=False),
        minimum_age=minimum_age, maximum_age=maximum_age,
        status_note=c.text(file, rid, raw, "status_note", required=False),
        ended_on=c.date(file, rid, raw, "ended_on"), file=file,
    )


def read_taxonomy(checker: _Checker, root: Path) -> Dict[str, Any]:
    path = root / "taxonomy.yml"
    if not path.exists():
        return {"vocabularies": {}, "concerns": {}}
    try:
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as error:
        checker.problem("taxonomy.yml", "-", "-", f"not valid YAML: {error}")
        return {"vocabularies": {}, "concerns": {}}
    if not isinstance(content, dict):
        checker.problem("taxonomy.yml", "-", "-", "must be a mapping with vocabularies and concerns")
        return {"vocabularies": {}, "concerns": {}}
    vocabularies = content.get("vocabularies") or {}
    concerns = content.get("concerns") or {}
    if not isinstance(vocabularies, dict) or not isinstance(concerns, dict):
        checker.problem("taxonomy.yml", "-", "-", "vocabularies and concerns must be mappings")
        return {"vocabularies": {}, "concerns": {}}
    for concern, terms in concerns.items():
        if concern not in ALL_TAGS:
            checker.problem("taxonomy.yml", concern, "concerns", "is not a concern tag from CONCERNS.md")
        if not isinstance(terms, list) or not all(isinstance(term, dict) for term in terms):
            checker.problem("taxonomy.yml", concern, "concerns", "must be a list of {vocabulary, id, name}")
            continue
        for term in terms:
            if term.get("vocabulary") not in vocabularies:
                checker.problem("taxonomy.yml", concern, "vocabulary", f"'{term.get('vocabulary')}' is not listed under vocabularies")
            if not term.get("id") or not term.get("name"):
                checker.problem("taxonomy.yml", concern, "id", "every term needs an id and a name")
    return {"vocabularies": vocabularies, "concerns": concerns}


def check_provenance(checker: _Checker, services: List[ServiceRecord], sources_dir: Path) -> None:
    """Every quote must appear, word for word, in the source it names."""
    cache: Dict[str, Optional[str]] = {}
    for record in services:
        if not record.source_document:
            continue
        if record.source_document not in cache:
            path = sources_dir / record.source_document
            cache[record.source_document] = (
                _normalise_quote(path.read_text(encoding="utf-8")) if path.is_file() else None
            )
        text = cache[record.source_document]
        if text is None:
            checker.problem(record.file, record.id, "source.document",
                            f"'{record.source_document}' is not a file in {sources_dir.name}/")
        elif record.source_quote and _normalise_quote(record.source_quote) not in text:
            checker.problem(record.file, record.id, "source.quote",
                            f"is not word for word in {record.source_document}")


def _normalise_quote(text: str) -> str:
    """Compare quotes ignoring layout: whitespace, markdown emphasis and table pipes."""
    text = re.sub(r"[*_|`]", " ", text.replace("\u2019", "'").replace("\u2018", "'"))
    return " ".join(text.split()).lower()


def read_data_dir(root: Path = DATA_DIR, sources_dir: Path = SOURCES_DIR) -> DirectoryData:
    """Read and check every data file. Raises DataError listing all problems."""
    checker = _Checker()
    if not (root / "areas").is_dir() or not (root / "services").is_dir():
        raise DataError([Problem(str(root), "-", "-", "must contain areas/ and services/ folders")])
    areas = read_areas(checker, root)
    services = read_services(checker, root, {a.id for a in areas})
    taxonomy = read_taxonomy(checker, root)
    check_provenance(checker, services, sources_dir)
    if checker.problems:
        raise DataError(checker.problems)
    return DirectoryData(areas=areas, services=services, taxonomy=taxonomy)

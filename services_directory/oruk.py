"""Open Referral UK (HSDS-UK 3.0) in and out: the JSON the API serves, the export, the
checks the official schemas lack, and the importer for ORUK 3.0 and 1.0 feeds.

ORUK 3.0 removed phone numbers from services; a signposting feed without numbers is
useless, so we keep HSDS 3.0's `phones` list on each service (the ORUK schemas allow
extra fields). Signpost's own fields travel in a `signpost` object so another ORUK
consumer can ignore them and our importer can round-trip them.
"""
import datetime as dt
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional

from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import FlushError
from sqlalchemy.orm import selectinload

from services_directory.files import TIME
from services_directory.loader import AUDIENCE_TAXONOMY, CONCERN_TAXONOMY, IMPORTED_PREFIX, stable_id
from services_directory.models import (
    Area, Attribute, ConcernTerm, Organization, Phone, Schedule, Service, ServiceArea, ServiceAtLocation,
    ServiceAudience, ServiceConcern, ServiceCoverage, Taxonomy, TaxonomyTerm,
)
from services_directory.places import Gazetteer, normalise_place
from services_directory.vocabulary import ALL_TAGS, AUDIENCES, KINDS, NATIONAL_AREA_ID, STATUSES

SCHEMA_DIR = Path(__file__).resolve().parent / "schema" / "oruk-3.0"
VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://openreferraluk.org/specifications/3.0"
STATUS_TO_ORUK = {"active": "active", "unverified": "active", "ended": "defunct"}
ORUK_TO_STATUS = {"active": "unverified", "inactive": "ended", "defunct": "ended", "temporarily closed": "ended"}
DAY_NAMES = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
             "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}


class FeedError(Exception):
    """An ORUK feed we cannot import; the message names the record and field."""


# --- Serialising our records -------------------------------------------------------------

def _time(value: str) -> str:
    return "23:59:59" if value == "24:00" else f"{value}:00"


def compact(value: Any) -> Any:
    """Leave out fields with no value. The ORUK schemas type fields as string or number,
    not null: `"email": null` fails validation where a missing email is fine. Our own
    `signpost` extension keeps its nulls (no schema covers it; the importer reads it)."""
    if isinstance(value, dict):
        return {key: item if key == "signpost" else compact(item)
                for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [compact(item) for item in value]
    return value


def organization_json(organization: Organization) -> dict:
    return compact({"id": organization.id, "name": organization.name,
                    "description": organization.description, "website": organization.website})


def service_summary(service: Service) -> dict:
    """The one-to-one fields of a service: ORUK's `service_list` item."""
    return compact({
        "id": service.id,
        "organization_id": service.organization_id,
        "name": service.name,
        "description": service.description,
        "url": service.url,
        "email": service.email,
        "status": STATUS_TO_ORUK[service.status],
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "assured_date": service.assured_date.isoformat() if service.assured_date else None,
        "alert": _alert(service),
        "organization": organization_json(service.organization),
    })


def _alert(service: Service) -> Optional[str]:
    if service.status == "unverified":
        return "These details have not been confirmed recently: check before relying on them."
    if service.status == "ended":
        return f"This service has ended. {service.status_note or ''}".strip()
    return None


def service_json(service: Service, areas: Dict[str, Area]) -> dict:
    """A fully nested ORUK 3.0 service, plus `phones` and our `signpost` extension."""
    result = service_summary(service)
    result.update({
        "phones": [
            {"id": stable_id("phone", service.id, str(index)), "number": phone.number,
             "description": phone.description}
            for index, phone in enumerate(service.phones)
        ],
        "schedules": [
            {"id": stable_id("schedule", service.id, str(index)), "service_id": service.id,
             "freq": "WEEKLY", "byday": slot.byday, "opens_at": _time(slot.opens_at),
             "closes_at": _time(slot.closes_at),
             "description": f"{', '.join(DAY_NAMES[d] for d in slot.byday.split(','))}: "
                            f"{slot.opens_at} to {slot.closes_at} (UK time)"}
            for index, slot in enumerate(service.schedules)
        ],
        "service_areas": [
            {"id": stable_id("service_area", service.id, sa.area_id), "service_id": service.id,
             "name": areas[sa.area_id].name if sa.area_id in areas else sa.area_id,
             "service_area": areas[sa.area_id].name if sa.area_id in areas else sa.area_id,
             "extent_type": "other", "extent": sa.area_id}
            for sa in service.service_areas
        ],
        "service_at_locations": [
            {"id": sal.id, "service_id": service.id, "location_id": sal.location_id,
             "location": {
                 "id": sal.location.id, "name": sal.location.name,
                 "description": sal.location.description,
                 "location_type": sal.location.location_type,
                 "latitude": sal.location.latitude, "longitude": sal.location.longitude,
             }}
            for sal in service.service_at_locations
        ],
        "contacts": [],
        "attributes": [
            {"id": attribute.id, "link_id": service.id, "link_type": "service",
             "link_entity": "service", "taxonomy_term_id": attribute.taxonomy_term_id,
             "taxonomy_term": taxonomy_term_json(attribute.taxonomy_term)}
            for attribute in service.attributes
        ],
        "last_modified": None,
        "signpost": {
            "slug": service.slug, "kind": service.kind, "status": service.status,
            "status_note": service.status_note,
            "ended_on": service.ended_on.isoformat() if service.ended_on else None,
            "concerns": service.concern_tags, "audiences": service.audience_tags,
            "areas": service.area_ids, "hours": service.hours, "open_24_7": service.open_24_7,
            "text": service.text_contact, "webchat": service.webchat_url,
            "how_to_contact": service.how_to_contact, "what_happens": service.what_happens,
            "source": {"document": service.source_document, "quote": service.source_quote},
            "review_due": service.review_due.isoformat() if service.review_due else None,
        },
    })
    result.pop("last_modified")
    return compact(result)


def taxonomy_term_json(term: TaxonomyTerm) -> dict:
    return compact({"id": term.id, "code": term.code, "name": term.name, "description": term.description,
                    "taxonomy": term.taxonomy.name if term.taxonomy else None, "taxonomy_id": term.taxonomy_id,
                    "term_uri": term.term_uri, "term": term.name})


def taxonomy_json(taxonomy: Taxonomy) -> dict:
    return compact({"id": taxonomy.id, "name": taxonomy.name, "description": taxonomy.description,
                    "uri": taxonomy.uri, "version": taxonomy.version})


def page(contents: List[Any], total_items: int, page_number: int, per_page: int) -> dict:
    """ORUK 3.0 list shape."""
    total_pages = max(1, math.ceil(total_items / per_page)) if per_page else 1
    return {
        "total_items": total_items, "total_pages": total_pages, "page_number": page_number,
        "size": len(contents), "first_page": page_number == 1,
        "last_page": page_number >= total_pages, "empty": len(contents) == 0,
        "contents": contents,
    }


def full_service_options():
    return (
        selectinload(Service.phones), selectinload(Service.schedules),
        selectinload(Service.service_areas), selectinload(Service.concerns),
        selectinload(Service.audiences), selectinload(Service.organization),
        selectinload(Service.service_at_locations).selectinload(ServiceAtLocation.location),
        selectinload(Service.attributes).selectinload(Attribute.taxonomy_term).selectinload(TaxonomyTerm.taxonomy),
    )


def export_feed(sessions, include_ended: bool = False) -> dict:
    """Every service as one ORUK 3.0 page (what `export --format oruk` writes)."""
    with sessions() as session:
        areas = {a.id: a for a in session.execute(select(Area)).scalars()}
        query = select(Service).options(*full_service_options()).order_by(Service.slug)
        if not include_ended:
            query = query.where(Service.status != "ended")
        services = [service_json(s, areas) for s in session.execute(query).scalars()]
    return page(services, len(services), 1, max(1, len(services)))


# --- Checking an export ------------------------------------------------------------------

@lru_cache(maxsize=None)
def schema_validator(name: str = "service.json"):
    from jsonschema import Draft202012Validator

    schema = json.loads((SCHEMA_DIR / "compiled" / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check_feed(feed: dict) -> List[str]:
    """Schema errors plus what the schemas cannot check: unique ids and working links."""
    problems = []
    validator = schema_validator()
    seen: Dict[str, str] = {}
    for index, service in enumerate(feed.get("contents", [])):
        label = f"service {service.get('name', index)!r}"
        for error in validator.iter_errors(service):
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            problems.append(f"{label}: {where}: {error.message}")
        if service.get("organization", {}).get("id") != service.get("organization_id"):
            problems.append(f"{label}: organization_id does not match the nested organization")
        for collection in ("phones", "schedules", "service_areas", "service_at_locations", "attributes"):
            for item in service.get(collection, []):
                key = f"{collection}:{item.get('id')}"
                if key in seen:
                    problems.append(f"{label}: {collection} id {item.get('id')} is also used by {seen[key]}")
                seen[key] = label
                if collection != "phones" and "service_id" in item and item["service_id"] != service["id"]:
                    problems.append(f"{label}: {collection} {item['id']} points at another service")
        for attribute in service.get("attributes", []):
            if attribute.get("link_id") != service.get("id"):
                problems.append(f"{label}: attribute {attribute.get('id')} links to another record")
            if attribute.get("taxonomy_term", {}).get("id") != attribute.get("taxonomy_term_id"):
                problems.append(f"{label}: attribute {attribute.get('id')} names a different taxonomy term")
        for sal in service.get("service_at_locations", []):
            if sal.get("location", {}).get("id") != sal.get("location_id"):
                problems.append(f"{label}: service_at_location {sal.get('id')} names a different location")
        key = f"service:{service.get('id')}"
        if key in seen:
            problems.append(f"{label}: service id {service.get('id')} is used twice")
        seen[key] = label
    return problems


# --- Importing a feed --------------------------------------------------------------------

def feed_items(document: Any) -> List[dict]:
    """The services in an ORUK 3.0 page (`contents`), an ORUK 1.0 page (`content`), a
    bare list, or a single service."""
    if isinstance(document, list):
        items = document
    elif isinstance(document, dict) and isinstance(document.get("contents"), list):
        items = document["contents"]
    elif isinstance(document, dict) and isinstance(document.get("content"), list):
        items = document["content"]
    elif isinstance(document, dict) and "id" in document and "name" in document:
        items = [document]
    else:
        raise FeedError("not an ORUK feed: expected a page with 'contents' (3.0) or 'content' (1.0), "
                        "a list of services, or one service")
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise FeedError(f"item {index + 1} is not a service object")
    return items


class _TermIndex:
    """Our taxonomy terms, to map a feed's terms back to concern tags and to attach
    terms (attributes) to imported services as the loader does for file records."""

    def __init__(self, session):
        self.term_ids = set()
        self.by_key: Dict[tuple, List[str]] = {}  # (vocabulary, code), (vocabulary, name), (uri,)
        for term in session.execute(select(TaxonomyTerm).options(selectinload(TaxonomyTerm.taxonomy))).scalars():
            self.term_ids.add(term.id)
            keys = [(term.taxonomy.name, term.code), (term.taxonomy.name, term.name.lower())]
            keys += [(term.term_uri,)] if term.term_uri else []
            for key in keys:
                self.by_key.setdefault(key, []).append(term.id)
        self.concerns_by_term: Dict[str, set] = {}
        if inspect(session.connection()).has_table(ConcernTerm.__tablename__):  # absent before a new load
            for concern, term_id in session.execute(select(ConcernTerm.concern, ConcernTerm.taxonomy_term_id)):
                self.concerns_by_term.setdefault(term_id, set()).add(concern)

    def concerns(self, terms: List[dict]) -> List[str]:
        """Map a feed's taxonomy terms back to our concern tags: by vocabulary and code
        (ORUK 1.0 `service_taxonomys`), by term URI or by vocabulary and name (ORUK 3.0
        dropped `code`), or a concern tag itself."""
        concerns = set()
        for term in terms:
            code = str(term.get("code") or term.get("id") or "")
            vocabulary = term.get("taxonomy") or term.get("vocabulary")
            names = {str(n) for n in (term.get("name"), term.get("term")) if n}
            concerns |= {tag for tag in {code, *names} if tag in ALL_TAGS}
            keys = [(vocabulary, code), (term.get("term_uri"),)] + [(vocabulary, n.lower()) for n in names]
            for key in keys:
                for term_id in self.by_key.get(key, []):
                    concerns |= self.concerns_by_term.get(term_id, set())
        return sorted(concerns)

    def for_service(self, concerns: List[str], audiences: List[str], feed_terms: List[dict]) -> List[str]:
        """Term ids to attach: the ones the loader attaches for these concerns and
        audiences, and the feed's own terms where they are terms of ours (as in our
        export), so an export imported again keeps its categories."""
        wanted = [stable_id("taxonomy_term", CONCERN_TAXONOMY, c) for c in concerns]
        for concern in concerns:
            wanted += [t for t, tags in self.concerns_by_term.items() if concern in tags]
        wanted += [stable_id("taxonomy_term", AUDIENCE_TAXONOMY, a) for a in audiences]
        wanted += [str(term.get("id")) for term in feed_terms]
        return [t for t in dict.fromkeys(wanted) if t in self.term_ids]


def _objects(item: dict, key: str, label: str) -> List[dict]:
    value = item.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise FeedError(f"{label}: field '{key}' must be a list of objects")
    return value


def _clock(value, label: str, field_name: str) -> str:
    """'09:00', '09:00:00' or '09:00:00Z' as HH:MM; ORUK's 23:59:59 closing is our 24:00."""
    text = str(value or "").strip()
    if text.startswith("23:59:59"):
        return "24:00"
    if not TIME.match(text[:5]) or (len(text) > 5 and text[5] != ":"):
        raise FeedError(f"{label}: field '{field_name}' has '{value}', not a time like 09:00")
    return text[:5]


def _schedules_from(item: dict, label: str) -> List[Schedule]:
    slots = []
    for index, slot in enumerate(_objects(item, "schedules", label)):  # 3.0
        byday, opens, closes = slot.get("byday"), slot.get("opens_at"), slot.get("closes_at")
        if byday and opens and closes:
            days = [d.strip() for d in str(byday).upper().split(",")]
            if not all(d in DAY_NAMES for d in days):
                raise FeedError(f"{label}: field 'schedules[{index}].byday' has '{byday}', not days like MO,TU")
            slots.append(Schedule(byday=",".join(days),
                                  opens_at=_clock(opens, label, f"schedules[{index}].opens_at"),
                                  closes_at=_clock(closes, label, f"schedules[{index}].closes_at")))
    for index, slot in enumerate(_objects(item, "regular_schedules", label)):  # 1.0
        weekday, opens, closes = str(slot.get("weekday", "")), slot.get("opens_at"), slot.get("closes_at")
        day = {name.lower(): code for code, name in DAY_NAMES.items()}.get(weekday.lower())
        if day is None and weekday.isdigit() and 1 <= int(weekday) <= 7:
            day = list(DAY_NAMES)[int(weekday) - 1]
        if day is None:
            raise FeedError(f"{label}: field 'regular_schedules[{index}].weekday' has '{weekday}', "
                            "not a day like Monday")
        if opens and closes:
            slots.append(Schedule(byday=day,
                                  opens_at=_clock(opens, label, f"regular_schedules[{index}].opens_at"),
                                  closes_at=_clock(closes, label, f"regular_schedules[{index}].closes_at")))
    return slots


def _phones_from(item: dict, label: str) -> List[str]:
    numbers = [p.get("number") for p in _objects(item, "phones", label)]  # HSDS 3.0 / ours
    for contact in _objects(item, "contacts", label):  # ORUK 1.0 keeps phones on contacts
        numbers += [p.get("number") for p in _objects(contact, "phones", label)]
    return [n.strip() for n in numbers if isinstance(n, str) and re.search(r"\d{3}", n)]


def _terms_from(item: dict, label: str) -> List[dict]:
    terms = [a.get("taxonomy_term") or {} for a in _objects(item, "attributes", label)]  # 3.0
    terms += [t.get("taxonomy") or {} for t in _objects(item, "service_taxonomys", label)]  # 1.0
    return [t for t in terms if isinstance(t, dict)]


def _areas_from(item: dict, gazetteer: Gazetteer, default_area: str, label: str) -> List[str]:
    area_ids = []
    for area in _objects(item, "service_areas", label):
        for text in (area.get("extent"), area.get("service_area"), area.get("name")):
            if isinstance(text, str) and text in gazetteer.areas:
                area_ids.append(text)
                break
            if isinstance(text, str) and text:
                key = normalise_place(text)
                if key in gazetteer.names:
                    area_ids.append(gazetteer.names[key][0])
                    break
    return sorted(set(area_ids)) or [default_area]


def _age(item: dict, eligibility: dict, key: str, label: str) -> Optional[int]:
    """minimum_age / maximum_age from the service (3.0) or its first eligibility (1.0)."""
    value, field_name = item.get(key), key
    if value is None:
        value, field_name = eligibility.get(key), f"eligibilitys[0].{key}"
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 120 \
            or value != int(value):
        raise FeedError(f"{label}: field '{field_name}' has {value!r}, not an age in whole years")
    return int(value)


def import_feed(sessions, document: Any, source: str, default_area: str = NATIONAL_AREA_ID) -> int:
    """Add or replace the feed's services (keyed by their ORUK id). All or nothing: the
    first problem raises FeedError naming the record and the field, and nothing is kept."""
    items = feed_items(document)
    with sessions.begin() as session:
        gazetteer = Gazetteer.from_session(session)
        if default_area not in gazetteer.areas:
            raise FeedError(f"--area '{default_area}' is not an area id; load the directory first")
        terms = _TermIndex(session)
        organizations = {o.name: o for o in session.execute(select(Organization)).scalars()}
        seen: Dict[str, str] = {}
        for index, item in enumerate(items, start=1):
            label = f"service {index} ({item.get('name') or item.get('id') or 'no name'})"
            try:
                for field_name in ("id", "name"):
                    if not isinstance(item.get(field_name), str) or not item[field_name].strip():
                        raise FeedError(f"{label}: field '{field_name}' is missing or not text")
                if item["id"] in seen:
                    raise FeedError(f"{label}: field 'id' repeats {item['id']} (also {seen[item['id']]})")
                seen[item["id"]] = label
                extension = item.get("signpost") or {}
                if not isinstance(extension, dict):
                    raise FeedError(f"{label}: field 'signpost' must be an object")
                oruk_status = str(item.get("status") or "active").lower()
                status = extension.get("status") or ORUK_TO_STATUS.get(oruk_status)
                if status is None:
                    raise FeedError(f"{label}: field 'status' has unknown value '{item.get('status')}'")
                if status not in STATUSES:
                    raise FeedError(f"{label}: field 'signpost.status' has unknown value '{status}'")
                kind = extension.get("kind") or "service"
                if kind not in KINDS:
                    raise FeedError(f"{label}: field 'signpost.kind' has unknown value '{kind}'")
                org_data = item.get("organization") or {}
                if not isinstance(org_data, dict):
                    raise FeedError(f"{label}: field 'organization' must be an object")
                org_name = org_data.get("name") or item["name"]
                organization = organizations.get(org_name)
                if organization is None:
                    taken = {o.id for o in organizations.values()}
                    org_id = org_data.get("id") if _is_uuid(org_data.get("id")) else None
                    organization = Organization(
                        # the feed's id, unless another organisation of ours already has it
                        id=org_id if org_id and org_id not in taken else stable_id("organization", org_name),
                        name=org_name, description=org_data.get("description") or org_name,
                        website=org_data.get("website") or org_data.get("url"),
                    )
                    session.add(organization)
                    organizations[org_name] = organization
                service_id = item["id"] if _is_uuid(item["id"]) else stable_id("imported-service", source, item["id"])
                existing = session.get(Service, service_id)
                if existing is not None:
                    if not existing.source_document.startswith(IMPORTED_PREFIX) and not extension:
                        raise FeedError(f"{label}: id {service_id} belongs to a record from our data files")
                    session.delete(existing)
                    session.flush()
                slug = extension.get("slug") or f"imported-{service_id}"
                holder = session.execute(select(Service.id).where(Service.slug == slug)).scalar()
                if holder is not None:
                    raise FeedError(f"{label}: field 'signpost.slug' has '{slug}', already the slug of "
                                    f"another service ({holder})")
                feed_terms = _terms_from(item, label)
                concerns = sorted({c for c in extension.get("concerns", []) if c in ALL_TAGS}) or \
                    terms.concerns(feed_terms)
                areas = sorted({a for a in extension.get("areas", []) if a in gazetteer.areas}) or \
                    _areas_from(item, gazetteer, default_area, label)
                audiences = sorted({a for a in extension.get("audiences", []) if a in AUDIENCES})
                eligibilitys = _objects(item, "eligibilitys", label)
                eligibility = eligibilitys[0] if eligibilitys else {}
                source_info = extension.get("source") or {}
                service = Service(
                    id=service_id, slug=slug,
                    organization=organization, name=item["name"].strip(),
                    description=(item.get("description") or "").strip() or item["name"],
                    kind=kind, status=status,
                    status_note=extension.get("status_note"),
                    ended_on=_date(extension.get("ended_on")),
                    url=item.get("url") or None, email=item.get("email") or None,
                    text_contact=extension.get("text"), webchat_url=extension.get("webchat"),
                    how_to_contact=extension.get("how_to_contact"), hours=extension.get("hours"),
                    open_24_7=bool(extension.get("open_24_7")), what_happens=extension.get("what_happens"),
                    minimum_age=_age(item, eligibility, "minimum_age", label),
                    maximum_age=_age(item, eligibility, "maximum_age", label),
                    source_document=f"{IMPORTED_PREFIX}{source}",
                    source_quote=source_info.get("quote") or f"Imported from {source}, ORUK id {item['id']}",
                    assured_date=_date(item.get("assured_date")),
                    review_due=_date(extension.get("review_due")) or dt.date.today() + dt.timedelta(days=90),
                )
                for number in _phones_from(item, label):
                    service.phones.append(Phone(number=number))
                service.schedules.extend(_schedules_from(item, label))
                for area_id in areas:
                    service.service_areas.append(ServiceArea(area_id=area_id))
                    service.service_at_locations.append(ServiceAtLocation(
                        id=stable_id("service_at_location", service_id, area_id),
                        location_id=stable_id("location", area_id)))
                for concern in concerns:
                    service.concerns.append(ServiceConcern(concern=concern))
                    service.coverage += [ServiceCoverage(area_id=area_id, concern=concern) for area_id in areas]
                for audience in audiences:
                    service.audiences.append(ServiceAudience(audience=audience))
                for term_id in terms.for_service(concerns, audiences, feed_terms):
                    service.attributes.append(Attribute(id=stable_id("attribute", service_id, term_id),
                                                        link_type="service", taxonomy_term_id=term_id))
                session.add(service)
                session.flush()  # a conflict now still names this record
            except (IntegrityError, FlushError) as error:
                reason = str(getattr(error, "orig", error)).splitlines()[0]
                raise FeedError(f"{label}: the database refused it ({reason})") from error
    return len(items)


def _is_uuid(value) -> bool:
    return isinstance(value, str) and re.fullmatch(
        r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", value) is not None


def _date(value) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None

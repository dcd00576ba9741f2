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

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from services_directory.loader import IMPORTED_PREFIX, stable_id
from services_directory.models import (
    Area, Attribute, Organization, Phone, Schedule, Service, ServiceArea, ServiceAtLocation,
    ServiceAudience, ServiceConcern, Taxonomy, TaxonomyTerm,
)
from services_directory.places import Gazetteer, normalise_place
from services_directory.vocabulary import ALL_TAGS, AUDIENCES, NATIONAL_AREA_ID

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


def organization_json(organization: Organization) -> dict:
    return {"id": organization.id, "name": organization.name,
            "description": organization.description, "website": organization.website}


def service_summary(service: Service) -> dict:
    """The one-to-one fields of a service: ORUK's `service_list` item."""
    return {
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
    }


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
    return result


def taxonomy_term_json(term: TaxonomyTerm) -> dict:
    return {"id": term.id, "code": term.code, "name": term.name, "description": term.description,
            "taxonomy": term.taxonomy.name if term.taxonomy else None, "taxonomy_id": term.taxonomy_id,
            "term_uri": term.term_uri, "term": term.name}


def taxonomy_json(taxonomy: Taxonomy) -> dict:
    return {"id": taxonomy.id, "name": taxonomy.name, "description": taxonomy.description,
            "uri": taxonomy.uri, "version": taxonomy.version}


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


def _concerns_from_terms(session, terms: List[dict]) -> List[str]:
    """Map a feed's taxonomy terms back to our concern tags."""
    by_code: Dict[tuple, List[str]] = {}
    for attribute_term in session.execute(
        select(TaxonomyTerm).options(selectinload(TaxonomyTerm.taxonomy))
    ).scalars():
        by_code.setdefault((attribute_term.taxonomy.name, attribute_term.code), []).append(attribute_term.id)
    concern_by_term: Dict[str, set] = {}
    for link in session.execute(select(Attribute.taxonomy_term_id, ServiceConcern.concern).join(
            ServiceConcern, ServiceConcern.service_id == Attribute.link_id)).all():
        concern_by_term.setdefault(link[0], set()).add(link[1])
    concerns = set()
    for term in terms:
        code, vocabulary, name = str(term.get("code") or term.get("id") or ""), term.get("taxonomy") or term.get("vocabulary"), term.get("name")
        if code in ALL_TAGS:
            concerns.add(code)
        if name in ALL_TAGS:
            concerns.add(name)
        for term_id in by_code.get((vocabulary, code), []):
            concerns |= {c for c in concern_by_term.get(term_id, set())}
    return sorted(concerns)


def _schedules_from(item: dict) -> List[Schedule]:
    slots = []
    for slot in item.get("schedules") or []:  # 3.0
        byday, opens, closes = slot.get("byday"), slot.get("opens_at"), slot.get("closes_at")
        if byday and opens and closes:
            slots.append(Schedule(byday=byday.upper(), opens_at=opens[:5], closes_at=closes[:5]))
    for slot in item.get("regular_schedules") or []:  # 1.0
        weekday, opens, closes = str(slot.get("weekday", "")), slot.get("opens_at"), slot.get("closes_at")
        day = {name.lower(): code for code, name in DAY_NAMES.items()}.get(weekday.lower())
        if day is None and weekday.isdigit() and 1 <= int(weekday) <= 7:
            day = list(DAY_NAMES)[int(weekday) - 1]
        if day and opens and closes:
            slots.append(Schedule(byday=day, opens_at=opens[:5], closes_at=closes[:5]))
    return slots


def _phones_from(item: dict) -> List[str]:
    numbers = [p.get("number") for p in item.get("phones") or []]  # HSDS 3.0 / ours
    for contact in item.get("contacts") or []:  # ORUK 1.0 keeps phones on contacts
        numbers += [p.get("number") for p in contact.get("phones") or []]
    return [n.strip() for n in numbers if isinstance(n, str) and re.search(r"\d{3}", n)]


def _terms_from(item: dict) -> List[dict]:
    terms = [a.get("taxonomy_term") or {} for a in item.get("attributes") or []]  # 3.0
    terms += [t.get("taxonomy") or {} for t in item.get("service_taxonomys") or []]  # 1.0
    return terms


def _areas_from(item: dict, gazetteer: Gazetteer, default_area: str) -> List[str]:
    area_ids = []
    for area in item.get("service_areas") or []:
        for text in (area.get("extent"), area.get("service_area"), area.get("name")):
            if text and text in gazetteer.areas:
                area_ids.append(text)
                break
            if text:
                key = normalise_place(text)
                if key in gazetteer.names:
                    area_ids.append(gazetteer.names[key][0])
                    break
    return sorted(set(area_ids)) or [default_area]


def import_feed(sessions, document: Any, source: str, default_area: str = NATIONAL_AREA_ID) -> int:
    """Add or replace the feed's services (keyed by their ORUK id). All or nothing."""
    items = feed_items(document)
    with sessions.begin() as session:
        gazetteer = Gazetteer.from_session(session)
        if default_area not in gazetteer.areas:
            raise FeedError(f"--area '{default_area}' is not an area id; load the directory first")
        organizations = {o.name: o for o in session.execute(select(Organization)).scalars()}
        for index, item in enumerate(items, start=1):
            label = f"service {index} ({item.get('name') or item.get('id') or 'no name'})"
            for field_name in ("id", "name"):
                if not isinstance(item.get(field_name), str) or not item[field_name].strip():
                    raise FeedError(f"{label}: field '{field_name}' is missing or not text")
            extension = item.get("signpost") or {}
            oruk_status = str(item.get("status") or "active").lower()
            status = extension.get("status") or ORUK_TO_STATUS.get(oruk_status)
            if status is None:
                raise FeedError(f"{label}: field 'status' has unknown value '{item.get('status')}'")
            org_data = item.get("organization") or {}
            org_name = org_data.get("name") or item["name"]
            organization = organizations.get(org_name)
            if organization is None:
                organization = Organization(
                    id=org_data.get("id") if _is_uuid(org_data.get("id")) else stable_id("organization", org_name),
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
            concerns = [c for c in extension.get("concerns", []) if c in ALL_TAGS] or \
                _concerns_from_terms(session, _terms_from(item))
            areas = [a for a in extension.get("areas", []) if a in gazetteer.areas] or \
                _areas_from(item, gazetteer, default_area)
            eligibility = (item.get("eligibilitys") or [{}])[0]
            source_info = extension.get("source") or {}
            service = Service(
                id=service_id,
                slug=extension.get("slug") or f"imported-{service_id[:8]}",
                organization=organization, name=item["name"].strip(),
                description=(item.get("description") or "").strip() or item["name"],
                kind=extension.get("kind") or "service", status=status,
                status_note=extension.get("status_note"),
                ended_on=_date(extension.get("ended_on")),
                url=item.get("url") or None, email=item.get("email") or None,
                text_contact=extension.get("text"), webchat_url=extension.get("webchat"),
                how_to_contact=extension.get("how_to_contact"), hours=extension.get("hours"),
                open_24_7=bool(extension.get("open_24_7")), what_happens=extension.get("what_happens"),
                minimum_age=item.get("minimum_age", eligibility.get("minimum_age")),
                maximum_age=item.get("maximum_age", eligibility.get("maximum_age")),
                source_document=f"{IMPORTED_PREFIX}{source}",
                source_quote=source_info.get("quote") or f"Imported from {source}, ORUK id {item['id']}",
                assured_date=_date(item.get("assured_date")),
                review_due=_date(extension.get("review_due")) or dt.date.today() + dt.timedelta(days=90),
            )
            for number in _phones_from(item):
                service.phones.append(Phone(number=number))
            service.schedules.extend(_schedules_from(item))
            for area_id in areas:
                service.service_areas.append(ServiceArea(area_id=area_id))
                service.service_at_locations.append(ServiceAtLocation(
                    id=stable_id("service_at_location", service_id, area_id),
                    location_id=stable_id("location", area_id)))
            for concern in concerns:
                service.concerns.append(ServiceConcern(concern=concern))
            for audience in extension.get("audiences", []):
                if audience in AUDIENCES:
                    service.audiences.append(ServiceAudience(audience=audience))
            session.add(service)
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

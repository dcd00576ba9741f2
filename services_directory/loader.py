"""Load checked data files into the database: all or nothing, and idempotent.

Loading replaces every record that came from the data files inside one transaction, so
a failure leaves the previous content untouched, and loading the same files twice gives
the same database (ids are derived from slugs). Records brought in by `import` from an
ORUK feed are kept.
"""
import uuid
from typing import Dict, Iterable, List

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from services_directory import db
from services_directory.files import DirectoryData, read_data_dir
from services_directory.models import (
    Area, AreaName, Attribute, Location, Organization, Phone, PostcodeDistrict, Schedule,
    Service, ServiceArea, ServiceAtLocation, ServiceAudience, ServiceConcern, Taxonomy,
    TaxonomyTerm,
)
from services_directory.places import normalise_place
from services_directory.vocabulary import ALL_TAGS, AUDIENCES, NATIONAL_AREA_ID

ID_NAMESPACE = uuid.UUID("6f1c3c1e-5d6b-4a8e-9a37-2b1f0e6c9d10")
IMPORTED_PREFIX = "import:"

# Bulk deletes: the session holds none of these objects, so skip syncing it.
NO_SYNC = {"synchronize_session": False}

CONCERN_TAXONOMY = "signpost-concerns"
AUDIENCE_TAXONOMY = "signpost-audiences"


def stable_id(*parts: str) -> str:
    """A UUID that is the same every time for the same record (ORUK wants UUIDs)."""
    return str(uuid.uuid5(ID_NAMESPACE, ":".join(parts)))


def load(engine: Engine, data: DirectoryData = None) -> Dict[str, int]:
    """Replace the file-sourced content of the database with `data` in one transaction."""
    data = data or read_data_dir()
    db.create_schema(engine)
    sessions = db.make_session_factory(engine)
    with sessions.begin() as session:
        _delete_file_sourced(session)
        _ensure_taxonomies(session, data.taxonomy)
        _replace_areas(session, data.areas)
        organizations: Dict[str, Organization] = {
            o.name: o for o in session.execute(select(Organization)).scalars()
        }
        terms_by_concern = _concern_terms(session, data.taxonomy)
        for record in data.services:
            organization = organizations.get(record.organization)
            if organization is None:
                organization = Organization(
                    id=stable_id("organization", record.organization), name=record.organization,
                    description=f"{record.organization} (from the Signpost directory).",
                    website=record.website,
                )
                session.add(organization)
                organizations[record.organization] = organization
            service_id = stable_id("service", record.id)
            service = Service(
                id=service_id, slug=record.id, organization=organization, name=record.name,
                description=record.description, kind=record.kind, status=record.status,
                status_note=record.status_note, ended_on=record.ended_on, url=record.website,
                email=record.email, text_contact=record.text, webchat_url=record.webchat,
                how_to_contact=record.how_to_contact, hours=record.hours,
                open_24_7=record.open_24_7, what_happens=record.what_happens,
                minimum_age=record.minimum_age, maximum_age=record.maximum_age,
                source_document=record.source_document, source_quote=record.source_quote,
                assured_date=record.last_verified, review_due=record.review_due,
            )
            if record.phone:
                service.phones.append(Phone(number=record.phone))
            for slot in record.schedule:
                service.schedules.append(Schedule(
                    byday=",".join(d[:2].upper() for d in slot.days),
                    opens_at=slot.opens, closes_at=slot.closes,
                ))
            for area_id in record.areas:
                service.service_areas.append(ServiceArea(area_id=area_id))
                service.service_at_locations.append(ServiceAtLocation(
                    id=stable_id("service_at_location", record.id, area_id),
                    location_id=stable_id("location", area_id),
                ))
            for concern in record.concerns:
                service.concerns.append(ServiceConcern(concern=concern))
                for term_id in terms_by_concern.get(concern, []):
                    service.attributes.append(Attribute(
                        id=stable_id("attribute", record.id, term_id), link_type="service",
                        taxonomy_term_id=term_id,
                    ))
            for audience in record.audiences:
                service.audiences.append(ServiceAudience(audience=audience))
                term_id = stable_id("taxonomy_term", AUDIENCE_TAXONOMY, audience)
                service.attributes.append(Attribute(
                    id=stable_id("attribute", record.id, term_id), link_type="service",
                    taxonomy_term_id=term_id,
                ))
            session.add(service)
    return {"areas": len(data.areas), "services": len(data.services)}


def _delete_file_sourced(session) -> None:
    """Remove what a previous load wrote, keeping services imported from ORUK feeds."""
    file_services = select(Service.id).where(~Service.source_document.startswith(IMPORTED_PREFIX))
    ids = list(session.execute(file_services).scalars())
    for chunk in _chunks(ids, 500):
        session.execute(delete(Attribute).where(Attribute.link_id.in_(chunk)), execution_options=NO_SYNC)
        for table in (Phone, Schedule, ServiceArea, ServiceConcern, ServiceAudience, ServiceAtLocation):
            session.execute(delete(table).where(table.service_id.in_(chunk)), execution_options=NO_SYNC)
        session.execute(delete(Service).where(Service.id.in_(chunk)), execution_options=NO_SYNC)
    # Imported services keep pointing at the area locations, so locations are rebuilt
    # only where nothing imported uses them.
    used = select(ServiceAtLocation.location_id)
    session.execute(delete(Location).where(~Location.id.in_(used)), execution_options=NO_SYNC)
    orphans = select(Organization.id).where(~Organization.id.in_(select(Service.organization_id)))
    session.execute(delete(Organization).where(Organization.id.in_(orphans)), execution_options=NO_SYNC)
    session.flush()


def _replace_areas(session, areas) -> None:
    """Upsert areas parents first; drop areas no longer in the files unless an imported
    service still covers one (then fail, naming it: nothing is lost silently)."""
    session.execute(delete(AreaName), execution_options=NO_SYNC)
    session.execute(delete(PostcodeDistrict), execution_options=NO_SYNC)
    wanted = {area.id for area in areas}
    for area in _parents_first(areas):
        session.merge(Area(
            id=area.id, name=area.name, type=area.type, parent_id=area.parent,
            latitude=area.lat, longitude=area.lon, ambiguous=area.ambiguous,
        ))
        session.flush()
    for area in areas:
        names = {normalise_place(n): n for n in [area.name, *area.aliases]}
        for key, name in names.items():
            session.add(AreaName(area_id=area.id, name=name, key=key))
        for code in area.postcode_districts:
            session.add(PostcodeDistrict(code=code, area_id=area.id))
    stale = [a for a in session.execute(select(Area)).scalars() if a.id not in wanted]
    in_use = set(session.execute(select(ServiceArea.area_id)).scalars())
    for area in stale:
        if area.id in in_use:
            raise ValueError(f"Area '{area.id}' is no longer in the data files, but an imported "
                             "service still covers it; re-import that feed first.")
        session.execute(delete(Location).where(Location.area_id == area.id), execution_options=NO_SYNC)
    for area in sorted(stale, key=lambda a: a.type == "country"):
        session.execute(delete(Area).where(Area.id == area.id), execution_options=NO_SYNC)
    _add_area_locations(session, areas)
    session.flush()


def _parents_first(areas):
    by_id = {a.id: a for a in areas}
    ordered, done = [], set()

    def visit(area):
        if area.id in done:
            return
        if area.parent in by_id:
            visit(by_id[area.parent])
        done.add(area.id)
        ordered.append(area)

    for area in areas:
        visit(area)
    return ordered


def _add_area_locations(session, areas) -> None:
    """One location per area: the approximate centre of the area a service covers."""
    existing = set(session.execute(select(Location.id)).scalars())
    for area in areas:
        location_id = stable_id("location", area.id)
        if location_id in existing:
            continue
        national = area.id == NATIONAL_AREA_ID
        session.add(Location(
            id=location_id,
            name="Available across England" if national else f"{area.name} area",
            description=(
                "Offered by phone, text or online across England; no premises to visit."
                if national else
                f"Approximate centre of {area.name}, an area this service covers. Not an address."
            ),
            location_type="virtual" if national else "physical",
            latitude=area.lat, longitude=area.lon, area_id=area.id,
        ))


def _ensure_taxonomies(session, taxonomy) -> None:
    """Our concern and audience vocabularies, plus the external ones we map to."""
    wanted: List[Taxonomy] = [
        Taxonomy(id=stable_id("taxonomy", CONCERN_TAXONOMY), name=CONCERN_TAXONOMY,
                 description="Signpost concern tags (the intents of CONCERNS.md).", version="1"),
        Taxonomy(id=stable_id("taxonomy", AUDIENCE_TAXONOMY), name=AUDIENCE_TAXONOMY,
                 description="Who a Signpost service is for (eligibility).", version="1"),
    ]
    for code, vocabulary in taxonomy.get("vocabularies", {}).items():
        wanted.append(Taxonomy(
            id=stable_id("taxonomy", code), name=code,
            description=vocabulary.get("description") or vocabulary.get("name") or code,
            uri=vocabulary.get("uri"),
        ))
    for item in wanted:
        session.merge(item)
    terms = [
        TaxonomyTerm(id=stable_id("taxonomy_term", CONCERN_TAXONOMY, tag), code=tag,
                     name=tag.replace("_", " ").capitalize(), description=f"Signpost concern: {tag}",
                     taxonomy_id=stable_id("taxonomy", CONCERN_TAXONOMY))
        for tag in ALL_TAGS
    ] + [
        TaxonomyTerm(id=stable_id("taxonomy_term", AUDIENCE_TAXONOMY, audience), code=audience,
                     name=audience.replace("_", " ").capitalize(), description=f"For: {audience.replace('_', ' ')}",
                     taxonomy_id=stable_id("taxonomy", AUDIENCE_TAXONOMY))
        for audience in AUDIENCES
    ]
    for concern, mapped in taxonomy.get("concerns", {}).items():
        for term in mapped or []:
            terms.append(TaxonomyTerm(
                id=stable_id("taxonomy_term", term["vocabulary"], str(term["id"])),
                code=str(term["id"]), name=term["name"], description=term["name"],
                taxonomy_id=stable_id("taxonomy", term["vocabulary"]), term_uri=term.get("uri"),
            ))
    for term in terms:
        session.merge(term)
    session.flush()


def _concern_terms(session, taxonomy) -> Dict[str, List[str]]:
    """Taxonomy term ids to attach to a service for each of its concern tags."""
    result = {tag: [stable_id("taxonomy_term", CONCERN_TAXONOMY, tag)] for tag in ALL_TAGS}
    for concern, mapped in taxonomy.get("concerns", {}).items():
        for term in mapped or []:
            result[concern].append(stable_id("taxonomy_term", term["vocabulary"], str(term["id"])))
    return result


def _chunks(items: List[str], size: int) -> Iterable[List[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]

"""Load checked data files into the database: all or nothing, and idempotent.

Loading replaces every record that came from the data files inside one transaction, so
a failure leaves the previous content untouched, and loading the same files twice gives
the same database (ids are derived from slugs). Records brought in by `import` from an
ORUK feed are kept, except imported copies of the files' own records (same id or slug),
which the files replace.
"""
import uuid
from typing import Dict, Iterable, List

from sqlalchemy import bindparam, delete, insert, select, text, update
from sqlalchemy.engine import Engine

from services_directory import db
from services_directory.files import DirectoryData, read_data_dir
from services_directory.models import (
    Area, AreaCouncil, AreaName, Attribute, Base, ConcernTerm, Location, Organization, Phone,
    PostcodeDistrict, Schedule, Service, ServiceArea, ServiceAtLocation, ServiceAudience,
    ServiceConcern, ServiceCoverage, Taxonomy, TaxonomyTerm,
)
from services_directory.places import normalise_place
from services_directory.vocabulary import ALL_TAGS, AUDIENCES, NATIONAL_AREA_ID

ID_NAMESPACE = uuid.UUID("6f1c3c1e-5d6b-4a8e-9a37-2b1f0e6c9d10")
IMPORTED_PREFIX = "import:"

# Bulk deletes: the session holds none of these objects, so skip syncing it.
NO_SYNC = {"synchronize_session": False}
BULK_CHUNK = 5000  # rows per executemany

CONCERN_TAXONOMY = "signpost-concerns"
AUDIENCE_TAXONOMY = "signpost-audiences"


def stable_id(*parts: str) -> str:
    """A UUID that is the same every time for the same record (ORUK wants UUIDs)."""
    return str(uuid.uuid5(ID_NAMESPACE, ":".join(parts)))


def load(engine: Engine, data: DirectoryData = None) -> Dict[str, int]:
    """Replace the file-sourced content of the database with `data` in one transaction.

    Rows are written with bulk INSERTs (SQLAlchemy Core executemany) rather than one ORM
    object at a time: the same rows, about ten times faster for a large directory."""
    data = data or read_data_dir()
    db.create_schema(engine)
    sessions = db.make_session_factory(engine)
    with sessions.begin() as session:
        replaced = _delete_file_sourced(session, data.services)
        _ensure_taxonomies(session, data.taxonomy)
        _replace_areas(session, data.areas)
        _insert_services(session, data.services, data.taxonomy)
    _analyze(engine)
    return {"areas": len(data.areas), "services": len(data.services), "replaced_imports": replaced}


def _insert(session, model, rows: List[dict]) -> None:
    for chunk in _chunks(rows, BULK_CHUNK):
        session.execute(insert(model.__table__), chunk)


def _insert_services(session, services, taxonomy) -> None:
    organizations = dict(session.execute(select(Organization.name, Organization.id)).all())
    terms_by_concern = _concern_terms(taxonomy)
    rows: Dict[type, List[dict]] = {model: [] for model in (
        Organization, Service, Phone, Schedule, ServiceArea, ServiceAtLocation, ServiceConcern,
        ServiceCoverage, ServiceAudience, Attribute)}
    for record in services:
        organization_id = organizations.get(record.organization)
        if organization_id is None:
            organization_id = stable_id("organization", record.organization)
            organizations[record.organization] = organization_id
            rows[Organization].append({
                "id": organization_id, "name": record.organization,
                "description": f"{record.organization} (from the Signpost directory).",
                "website": record.website,
            })
        service_id = stable_id("service", record.id)
        rows[Service].append({
            "id": service_id, "slug": record.id, "organization_id": organization_id, "name": record.name,
            "description": record.description, "kind": record.kind, "status": record.status,
            "status_note": record.status_note, "ended_on": record.ended_on, "url": record.website,
            "email": record.email, "text_contact": record.text, "webchat_url": record.webchat,
            "how_to_contact": record.how_to_contact, "hours": record.hours,
            "open_24_7": record.open_24_7, "what_happens": record.what_happens,
            "minimum_age": record.minimum_age, "maximum_age": record.maximum_age,
            "source_document": record.source_document, "source_quote": record.source_quote,
            "assured_date": record.last_verified, "review_due": record.review_due,
        })
        if record.phone:
            rows[Phone].append({"service_id": service_id, "number": record.phone, "description": None})
        for slot in record.schedule:
            rows[Schedule].append({"service_id": service_id, "byday": ",".join(d[:2].upper() for d in slot.days),
                                   "opens_at": slot.opens, "closes_at": slot.closes})
        for area_id in record.areas:
            rows[ServiceArea].append({"service_id": service_id, "area_id": area_id})
            rows[ServiceAtLocation].append({
                "id": stable_id("service_at_location", record.id, area_id), "service_id": service_id,
                "location_id": stable_id("location", area_id)})
        term_ids = []
        for concern in record.concerns:
            rows[ServiceConcern].append({"service_id": service_id, "concern": concern})
            term_ids += terms_by_concern.get(concern, [])
            rows[ServiceCoverage] += [{"area_id": area_id, "concern": concern, "service_id": service_id}
                                      for area_id in record.areas]
        for audience in record.audiences:
            rows[ServiceAudience].append({"service_id": service_id, "audience": audience})
            term_ids.append(stable_id("taxonomy_term", AUDIENCE_TAXONOMY, audience))
        for term_id in dict.fromkeys(term_ids):
            rows[Attribute].append({"id": stable_id("attribute", record.id, term_id), "link_id": service_id,
                                    "link_type": "service", "taxonomy_term_id": term_id})
    for model, model_rows in rows.items():  # parents before children
        _insert(session, model, model_rows)


def _analyze(engine: Engine) -> None:
    """Fresh planner statistics for the directory's tables after a bulk load, so that
    searches use the right indexes straight away (not after autovacuum gets round to it)."""
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            connection.execute(text(f"ANALYZE {engine.dialect.identifier_preparer.quote(table.name)}"))
        connection.commit()


def _delete_file_sourced(session, services) -> int:
    """Remove what a previous load wrote, keeping services imported from ORUK feeds.

    The data files win over an imported copy of one of their records (same id or slug,
    e.g. after importing our own export): the copy is removed, or the load could not
    write the record. Returns how many such copies were removed."""
    incoming_ids = {stable_id("service", record.id) for record in services}
    incoming_slugs = {record.id for record in services}
    imported = session.execute(select(Service.id, Service.slug).where(
        Service.source_document.startswith(IMPORTED_PREFIX))).all()
    copies = [row.id for row in imported if row.id in incoming_ids or row.slug in incoming_slugs]
    doomed = [select(Service.id).where(~Service.source_document.startswith(IMPORTED_PREFIX))]
    doomed += [select(Service.id).where(Service.id.in_(chunk)) for chunk in _chunks(copies, 500)]
    for ids in doomed:
        session.execute(delete(Attribute).where(Attribute.link_id.in_(ids)), execution_options=NO_SYNC)
        for table in (Phone, Schedule, ServiceArea, ServiceConcern, ServiceCoverage, ServiceAudience,
                      ServiceAtLocation):
            session.execute(delete(table).where(table.service_id.in_(ids)), execution_options=NO_SYNC)
    for ids in doomed:
        session.execute(delete(Service).where(Service.id.in_(ids)), execution_options=NO_SYNC)
    # Imported services keep pointing at the area locations, so locations are rebuilt
    # only where nothing imported uses them.
    used = select(ServiceAtLocation.location_id)
    session.execute(delete(Location).where(~Location.id.in_(used)), execution_options=NO_SYNC)
    orphans = select(Organization.id).where(~Organization.id.in_(select(Service.organization_id)))
    session.execute(delete(Organization).where(Organization.id.in_(orphans)), execution_options=NO_SYNC)
    return len(copies)


def _replace_areas(session, areas) -> None:
    """Upsert areas parents first; drop areas no longer in the files unless an imported
    service still covers one (then fail, naming it: nothing is lost silently)."""
    for table in (AreaName, PostcodeDistrict, AreaCouncil):
        session.execute(delete(table), execution_options=NO_SYNC)
    existing = dict(session.execute(select(Area.id, Area.parent_id)).all())
    ordered = _parents_first(areas)
    values = [{"id": a.id, "name": a.name, "type": a.type, "parent_id": a.parent, "latitude": a.lat,
               "longitude": a.lon, "ambiguous": a.ambiguous} for a in ordered]
    _insert(session, Area, [v for v in values if v["id"] not in existing])
    _update_by_id(session, Area, [v for v in values if v["id"] in existing])

    wanted = {area.id for area in areas}
    stale = [area_id for area_id in existing if area_id not in wanted]
    if stale:
        in_use = set(session.execute(select(ServiceArea.area_id).where(ServiceArea.area_id.in_(stale))).scalars())
        if in_use:
            raise ValueError(f"Area '{sorted(in_use)[0]}' is no longer in the data files, but an imported "
                             "service still covers it; re-import that feed first.")
        session.execute(delete(Location).where(Location.area_id.in_(stale)), execution_options=NO_SYNC)

        def depth(area_id):
            steps, seen = 0, set()
            while area_id in existing and area_id not in seen:
                seen.add(area_id)
                area_id, steps = existing[area_id], steps + 1
            return steps

        for area_id in sorted(stale, key=depth, reverse=True):  # children before parents
            session.execute(delete(Area).where(Area.id == area_id), execution_options=NO_SYNC)

    names, codes, councils = [], [], []
    for area in areas:
        for key, name in {normalise_place(n): n for n in [area.name, *area.aliases]}.items():
            names.append({"area_id": area.id, "name": name, "key": key})
        codes += [{"code": code, "area_id": area.id} for code in area.postcode_districts]
        if area.council:
            councils.append({"area_id": area.id, "name": area.council.name,
                             "website": area.council.website, "phone": area.council.phone})
    _insert(session, AreaName, names)
    _insert(session, PostcodeDistrict, codes)
    _insert(session, AreaCouncil, councils)
    _upsert_area_locations(session, areas)


def _update_by_id(session, model, rows: List[dict]) -> None:
    """Executemany UPDATE ... WHERE id = :id for rows of column values."""
    if not rows:
        return
    table = model.__table__
    columns = [key for key in rows[0] if key != "id"]
    statement = (update(table).where(table.c.id == bindparam("b_id"))
                 .values({column: bindparam(f"b_{column}") for column in columns}))
    for chunk in _chunks(rows, BULK_CHUNK):
        session.execute(statement, [{f"b_{key}": value for key, value in row.items()} for row in chunk],
                        execution_options=NO_SYNC)


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


def _upsert_area_locations(session, areas) -> None:
    """One location per area: the approximate centre of the area a service covers. Kept
    locations (used by imported services) are updated too, so a moved centre or a
    renamed area never leaves a stale location behind."""
    existing = set(session.execute(select(Location.id)).scalars())
    rows = []
    for area in areas:
        national = area.id == NATIONAL_AREA_ID
        rows.append({
            "id": stable_id("location", area.id),
            "name": "Available across England" if national else f"{area.name} area",
            "description": (
                "Offered by phone, text or online across England; no premises to visit."
                if national else
                f"Approximate centre of {area.name}, an area this service covers. Not an address."
            ),
            "location_type": "virtual" if national else "physical",
            "latitude": area.lat, "longitude": area.lon, "area_id": area.id,
        })
    _insert(session, Location, [row for row in rows if row["id"] not in existing])
    _update_by_id(session, Location, [row for row in rows if row["id"] in existing])


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
    session.execute(delete(ConcernTerm), execution_options=NO_SYNC)
    _insert(session, ConcernTerm, [{"concern": concern, "taxonomy_term_id": term_id}
                                   for concern, term_ids in _concern_terms(taxonomy).items()
                                   for term_id in dict.fromkeys(term_ids)])


def _concern_terms(taxonomy) -> Dict[str, List[str]]:
    """Taxonomy term ids to attach to a service for each of its concern tags."""
    result = {tag: [stable_id("taxonomy_term", CONCERN_TAXONOMY, tag)] for tag in ALL_TAGS}
    for concern, mapped in taxonomy.get("concerns", {}).items():
        for term in mapped or []:
            result[concern].append(stable_id("taxonomy_term", term["vocabulary"], str(term["id"])))
    return result


def _chunks(items: List[str], size: int) -> Iterable[List[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]

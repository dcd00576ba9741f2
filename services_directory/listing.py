"""The ORUK list endpoints' filters as plain queries (the HTTP layer only parses and
formats). Ended services are left out unless asked for."""
import datetime as dt
import math
from dataclasses import dataclass
from typing import List, Optional, Tuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from services_directory.models import (
    Attribute, Location, Schedule, Service, ServiceArea, ServiceAtLocation, Taxonomy,
    TaxonomyTerm,
)
from services_directory.oruk import full_service_options
from services_directory.places import distance_metres

DAY_CODES = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH",
             "friday": "FR", "saturday": "SA", "sunday": "SU"}


@dataclass
class ServiceFilters:
    search: Optional[str] = None
    taxonomy_term_id: Optional[str] = None
    taxonomy_id: Optional[str] = None
    minimum_age: Optional[int] = None
    maximum_age: Optional[int] = None
    day: Optional[str] = None  # "MO".."SU" or a day name
    start_time: Optional[str] = None  # "HH:MM"
    end_time: Optional[str] = None
    area_chain: Optional[List[str]] = None  # only services covering one of these areas
    concern: Optional[str] = None
    include_ended: bool = False


def day_code(value: str) -> str:
    value = value.strip().lower()
    if value.upper() in DAY_CODES.values():
        return value.upper()
    if value in DAY_CODES:
        return DAY_CODES[value]
    raise ValueError(f"'{value}' is not a day (use Monday..Sunday or MO..SU)")


def _service_query(filters: ServiceFilters):
    query = select(Service)
    if not filters.include_ended:
        query = query.where(Service.status != "ended")
    if filters.search:
        # The words as typed: "%" and "_" are not wildcards here.
        words = filters.search.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{words}%"
        query = query.where(or_(func.lower(Service.name).like(pattern, escape="\\"),
                                func.lower(Service.description).like(pattern, escape="\\")))
    if filters.taxonomy_term_id:
        query = query.where(Service.id.in_(
            select(Attribute.link_id).where(Attribute.taxonomy_term_id == filters.taxonomy_term_id)))
    if filters.taxonomy_id:
        query = query.where(Service.id.in_(
            select(Attribute.link_id).join(TaxonomyTerm, TaxonomyTerm.id == Attribute.taxonomy_term_id)
            .where(TaxonomyTerm.taxonomy_id == filters.taxonomy_id)))
    if filters.minimum_age is not None:
        query = query.where(Service.minimum_age >= filters.minimum_age)
    if filters.maximum_age is not None:
        query = query.where(Service.maximum_age <= filters.maximum_age)
    if filters.day or filters.start_time or filters.end_time:
        slots = select(Schedule.service_id)
        if filters.day:
            slots = slots.where(Schedule.byday.like(f"%{day_code(filters.day)}%"))
        if filters.start_time:
            slots = slots.where(Schedule.opens_at >= filters.start_time)
        if filters.end_time:
            slots = slots.where(Schedule.closes_at <= filters.end_time)
        query = query.where(or_(Service.id.in_(slots), Service.open_24_7.is_(True)))
    if filters.area_chain:
        query = query.where(Service.id.in_(
            select(ServiceArea.service_id).where(ServiceArea.area_id.in_(filters.area_chain))))
    if filters.concern:
        from services_directory.models import ServiceConcern
        query = query.where(Service.id.in_(
            select(ServiceConcern.service_id).where(ServiceConcern.concern == filters.concern)))
    return query


def list_services(session, filters: ServiceFilters, page: int, per_page: int) -> Tuple[List[Service], int]:
    query = _service_query(filters)
    total = session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = session.execute(
        query.options(selectinload(Service.organization)).order_by(Service.name, Service.id)
        .offset((page - 1) * per_page).limit(per_page)
    ).scalars()
    return list(rows), total


def list_service_at_locations(session, filters: ServiceFilters, page: int, per_page: int,
                              centre: Optional[Tuple[float, float]] = None,
                              proximity: Optional[float] = None):
    """Service-at-location rows; with a centre and proximity, only those within that many
    metres of it (nearest first). Locations are area centres, so this is approximate."""
    services = _service_query(filters).with_only_columns(Service.id)
    options = (selectinload(ServiceAtLocation.location),
               selectinload(ServiceAtLocation.service).selectinload(Service.organization))
    query = select(ServiceAtLocation).where(ServiceAtLocation.service_id.in_(services))
    if centre is None:  # page in SQL: never load every row of a large directory
        total = session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        rows = session.execute(
            query.join(Service, Service.id == ServiceAtLocation.service_id)
            .order_by(Service.name, ServiceAtLocation.id)
            .offset((page - 1) * per_page).limit(per_page).options(*options)).scalars()
        return list(rows), total
    # Nearest first: only locations inside a box around the centre can be within
    # `proximity` metres (a degree of latitude is 111 km; of longitude, less).
    located = query.join(Location, Location.id == ServiceAtLocation.location_id).where(
        Location.latitude.isnot(None), Location.longitude.isnot(None))
    if proximity is not None:
        dlat = proximity / 111_000 + 0.01
        dlon = proximity / (111_000 * max(0.1, math.cos(math.radians(centre[0])))) + 0.01
        located = located.where(Location.latitude.between(centre[0] - dlat, centre[0] + dlat),
                                Location.longitude.between(centre[1] - dlon, centre[1] + dlon))
    with_distance = []
    for row in session.execute(located.options(*options)).scalars():
        distance = distance_metres(centre[0], centre[1], row.location.latitude, row.location.longitude)
        if proximity is None or distance <= proximity:
            with_distance.append((distance, row))
    with_distance.sort(key=lambda pair: (pair[0], pair[1].service.name, pair[1].id))
    rows = [row for _, row in with_distance]
    return rows[(page - 1) * per_page: page * per_page], len(rows)


def get_service(session, service_id: str) -> Optional[Service]:
    query = (select(Service).where(or_(Service.id == service_id, Service.slug == service_id))
             .options(*full_service_options()))
    return session.execute(query).scalars().first()


def get_service_at_location(session, row_id: str) -> Optional[ServiceAtLocation]:
    query = (select(ServiceAtLocation).where(ServiceAtLocation.id == row_id)
             .options(selectinload(ServiceAtLocation.location),
                      selectinload(ServiceAtLocation.service).selectinload(Service.organization)))
    return session.execute(query).scalars().first()


def list_taxonomies(session, page: int, per_page: int):
    total = session.execute(select(func.count(Taxonomy.id))).scalar_one()
    rows = session.execute(select(Taxonomy).order_by(Taxonomy.name).offset((page - 1) * per_page).limit(per_page))
    return list(rows.scalars()), total


def list_taxonomy_terms(session, page: int, per_page: int, taxonomy_id: Optional[str] = None):
    query = select(TaxonomyTerm).options(selectinload(TaxonomyTerm.taxonomy))
    if taxonomy_id:
        query = query.where(TaxonomyTerm.taxonomy_id == taxonomy_id)
    total = session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = session.execute(query.order_by(TaxonomyTerm.taxonomy_id, TaxonomyTerm.code)
                           .offset((page - 1) * per_page).limit(per_page))
    return list(rows.scalars()), total


def location_count(session) -> int:
    return session.execute(select(func.count(Location.id))).scalar_one()


def today() -> dt.date:
    return dt.date.today()

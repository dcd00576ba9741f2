"""Search: the right services for a concern in a place, best first, each with a reason.

Ranking: records with confirmed (active) details first; among them, services for the
most local area first (ward or town, then district, then county), then national ones.
Within a tier, helplines open now (or 24/7) come first, and general services before
ones for a specific audience unless that audience was asked for. Ended services are never returned, and an
unverified record is never the only route offered.
"""
import datetime as dt
import threading
import time
from dataclasses import asdict, dataclass
from typing import List, Optional, Sequence, Union

from sqlalchemy import or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import selectinload

from services_directory import db
from services_directory.models import Service, ServiceArea, ServiceConcern
from services_directory.opening_hours import is_open, uk_now
from services_directory.places import Gazetteer, PlaceMatch, PlaceNotFound
from services_directory.vocabulary import ALL_TAGS, AUDIENCES, KINDS, NATIONAL_AREA_ID

PERSONAL_HELP_KINDS = ("service", "helpline")
BROAD_AUDIENCES = {"everyone", "victims", "families", "friends", "adults", "women", "men", "carers"}
GAZETTEER_MAX_AGE_SECONDS = 60  # picks up a `load` run while the API is serving


@dataclass
class ServiceResult:
    id: str
    slug: str
    name: str
    organization: str
    kind: str
    description: str
    phone: Optional[str]
    text: Optional[str]
    email: Optional[str]
    website: Optional[str]
    webchat: Optional[str]
    how_to_contact: Optional[str]
    hours: Optional[str]
    open_24_7: bool
    open_now: Optional[bool]
    what_happens: Optional[str]
    status: str
    scope: str  # "local" | "county" | "national"
    area: str  # the covered area that matched, e.g. "Norfolk"
    reason: str  # one line: why this result was chosen
    source_document: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class SearchResponse:
    concern: str
    place: Optional[PlaceMatch]
    place_not_found: Optional[PlaceNotFound]
    services: List[ServiceResult]

    def to_dict(self) -> dict:
        return {
            "concern": self.concern,
            "place": asdict(self.place) if self.place else None,
            "place_not_found": asdict(self.place_not_found) if self.place_not_found else None,
            "services": [s.to_dict() for s in self.services],
        }


class Directory:
    """The directory's query interface. Thread-safe; one per process is enough."""

    def __init__(self, engine: Engine = None):
        self.engine = engine or db.make_engine()
        self.sessions = db.make_session_factory(self.engine)
        self._gazetteer: Optional[Gazetteer] = None
        self._gazetteer_loaded_at = 0.0
        self._lock = threading.Lock()

    @property
    def gazetteer(self) -> Gazetteer:
        with self._lock:
            if self._gazetteer is None or time.monotonic() - self._gazetteer_loaded_at > GAZETTEER_MAX_AGE_SECONDS:
                with self.sessions() as session:
                    self._gazetteer = Gazetteer.from_session(session)
                self._gazetteer_loaded_at = time.monotonic()
            return self._gazetteer

    def resolve_place(self, text: str) -> Union[PlaceMatch, PlaceNotFound]:
        return self.gazetteer.resolve(text)

    def search(self, concern: str, place: Optional[str] = None, audience: Optional[str] = None,
               limit: int = 3, age: Optional[int] = None, offset: int = 0,
               kinds: Sequence[str] = PERSONAL_HELP_KINDS,
               at: Optional[dt.datetime] = None) -> SearchResponse:
        """Services for `concern` near `place`. By default only services and helplines a
        person can contact for themselves; pass kinds=("safeguarding_route",) for the
        routes used to report a worry about someone else."""
        if concern not in ALL_TAGS:
            raise ValueError(f"Unknown concern '{concern}'. Use one of: {', '.join(ALL_TAGS)}")
        if audience is not None and audience not in AUDIENCES:
            raise ValueError(f"Unknown audience '{audience}'. Use one of: {', '.join(AUDIENCES)}")
        unknown_kinds = set(kinds) - set(KINDS)
        if unknown_kinds or not kinds:
            raise ValueError(f"Unknown kind {sorted(unknown_kinds)}. Use some of: {', '.join(KINDS)}")
        limit = max(1, min(int(limit), 50))
        gazetteer = self.gazetteer
        matched: Optional[PlaceMatch] = None
        not_found: Optional[PlaceNotFound] = None
        if place and place.strip():
            resolved = gazetteer.resolve(place)
            if isinstance(resolved, PlaceMatch):
                matched = resolved
            else:
                not_found = resolved
        chain = matched.chain if matched else [NATIONAL_AREA_ID]
        at = at or uk_now()
        services = self._candidates(concern, chain, kinds, at.date())
        results = [
            self._rank_and_explain(service, chain, gazetteer, matched, audience, at)
            for service in services
            if _age_fits(service, age)
        ]
        results.sort(key=lambda pair: pair[0])
        offset = max(0, int(offset))
        chosen = [result for _, result in results[offset:offset + limit]]
        if offset == 0:
            chosen = _never_only_unverified(chosen, [r for _, r in results], limit)
        return SearchResponse(concern=concern, place=matched, place_not_found=not_found, services=chosen)

    def _candidates(self, concern: str, chain: List[str], kinds: Sequence[str], today: dt.date):
        query = (
            select(Service)
            .where(Service.id.in_(select(ServiceConcern.service_id).where(ServiceConcern.concern == concern)))
            .where(Service.id.in_(select(ServiceArea.service_id).where(ServiceArea.area_id.in_(chain))))
            .where(Service.status != "ended")
            .where(Service.kind.in_(list(kinds)))
            .where(or_(Service.ended_on.is_(None), Service.ended_on >= today))
            .options(
                selectinload(Service.phones), selectinload(Service.schedules),
                selectinload(Service.service_areas), selectinload(Service.audiences),
                selectinload(Service.organization),
            )
        )
        with self.sessions() as session:
            return list(session.execute(query).scalars())

    def _rank_and_explain(self, service: Service, chain, gazetteer, matched, audience, at):
        covered = {sa.area_id for sa in service.service_areas}
        depth = min(chain.index(area) for area in covered if area in chain)
        area_id = chain[depth]
        area_info = gazetteer.areas.get(area_id)
        area_name = area_info.name if area_info else area_id
        if area_id == NATIONAL_AREA_ID:
            scope = "national"
        elif area_info and area_info.type == "county":
            scope = "county"
        else:
            scope = "local"
        open_now = is_open(service.open_24_7, service.schedules, at)
        audiences = set(service.audience_tags)
        # Roles (victims, families...) and gender cover most people asking; a service only
        # for a narrower group (LGBT+, older people, children...) ranks after general ones.
        specific = bool(audiences - BROAD_AUDIENCES) and "everyone" not in audiences
        audience_penalty = 0 if (audience and audience in audiences) else (1 if specific else 0)
        if audience and specific and audience not in audiences:
            audience_penalty = 2
        if audience is None and service.maximum_age is not None and service.maximum_age <= 25:
            audience_penalty = 2  # without an age, assume an adult: youth lines go last
        opening_penalty = {True: 0, None: 1, False: 2}[open_now]
        # Confirmed details first: an unverified local record must not push a checked
        # county or national line off a three-item answer.
        sort_key = (
            service.status != "active", depth, opening_penalty if service.kind == "helpline" else 1,
            audience_penalty, not service.phones, service.name.lower(),
        )
        result = ServiceResult(
            id=service.id, slug=service.slug, name=service.name,
            organization=service.organization.name, kind=service.kind,
            description=service.description,
            phone=service.phones[0].number if service.phones else None,
            text=service.text_contact, email=service.email, website=service.url,
            webchat=service.webchat_url, how_to_contact=service.how_to_contact,
            hours=service.hours, open_24_7=service.open_24_7, open_now=open_now,
            what_happens=service.what_happens, status=service.status, scope=scope,
            area=area_name, reason=_reason(service, scope, area_name, matched, open_now),
            source_document=service.source_document,
        )
        return sort_key, result

    def get(self, id_or_slug: str) -> Optional[Service]:
        query = select(Service).where(or_(Service.id == id_or_slug, Service.slug == id_or_slug))
        with self.sessions() as session:
            return session.execute(query).scalars().first()

    def stale(self, today: Optional[dt.date] = None) -> List[Service]:
        """Records past their review date: the maintaining officer's to-do list."""
        today = today or dt.date.today()
        query = (select(Service)
                 .where(Service.review_due < today)
                 .where(Service.status != "ended")
            .where(Service.kind.in_(list(kinds)))
                 .order_by(Service.review_due, Service.slug))
        with self.sessions() as session:
            return list(session.execute(query).scalars())


def _age_fits(service: Service, age: Optional[int]) -> bool:
    if age is None:
        return True
    if service.minimum_age is not None and age < service.minimum_age:
        return False
    return service.maximum_age is None or age <= service.maximum_age


def _reason(service: Service, scope: str, area_name: str, matched, open_now) -> str:
    if scope == "national":
        where = "National " + ("helpline" if service.kind == "helpline" else "service")
    elif matched and area_name != matched.name:
        where = f"Covers {area_name}, including {matched.name}"
    else:
        where = f"Covers {area_name}"
    if service.open_24_7:
        when = "open 24 hours"
    elif open_now is True:
        when = "open now"
    elif open_now is False and service.hours:
        when = f"closed now ({service.hours})"
    else:
        when = ""
    reason = f"{where}, {when}" if when else where
    if service.status == "unverified":
        reason += "; details not confirmed recently, so check before relying on them"
    return reason + "."


def _never_only_unverified(chosen: List[ServiceResult], ranked: List[ServiceResult], limit: int):
    """Unverified details must never be the only route: make room for the best active one."""
    if not chosen or any(r.status == "active" for r in chosen):
        return chosen
    active = next((r for r in ranked if r.status == "active"), None)
    if active is None:
        return chosen
    return ([active] + chosen)[:limit]

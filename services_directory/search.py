"""Search: the right services for a concern in a place, best first, each with a reason.

Ranking: records with confirmed (active) details first; among them, services for the
most local area first (ward or town, then district, then county), then national ones.
Within a tier, helplines open now (or 24/7) come first, and general services before
ones for a specific audience unless that audience was asked for (or, when the person's
age is given, the service's age range is what makes it specific: it accepts them).
Ended services are never returned, and an unverified record is never the only route
offered.
"""
import datetime as dt
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Set, Union

from sqlalchemy import (
    Date, Integer, bindparam, exists, inspect, literal_column, null, or_, select, text, union_all,
)
from sqlalchemy.engine import Engine

from services_directory import db
from services_directory.models import (
    Organization, Phone, Schedule, Service, ServiceArea, ServiceAudience, ServiceConcern, ServiceCoverage,
)
from services_directory.opening_hours import UK, is_open, uk_now
from services_directory.places import Gazetteer, PlaceMatch, PlaceNotFound
from services_directory.vocabulary import ALL_TAGS, AUDIENCES, KINDS, NATIONAL_AREA_ID

PERSONAL_HELP_KINDS = ("service", "helpline")
BROAD_AUDIENCES = {"everyone", "victims", "families", "friends", "adults", "women", "men", "carers"}
AUDIENCE_WORDS = {"lgbt": "LGBT+ people", "older_people": "older people", "young_people": "young people"}
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
    total: int = 0  # how many records match in all, for paging

    def to_dict(self) -> dict:
        return {
            "concern": self.concern,
            "total": self.total,
            "place": asdict(self.place) if self.place else None,
            "place_not_found": asdict(self.place_not_found) if self.place_not_found else None,
            "services": [s.to_dict() for s in self.services],
        }


# Search's two queries, built once (their bound values change, their shape does not).
_SERVICE, _ORGANIZATION = Service.__table__, Organization.__table__
_SERVICE_AREA, _SERVICE_CONCERN = ServiceArea.__table__, ServiceConcern.__table__
_COVERAGE = ServiceCoverage.__table__
_AUDIENCE, _PHONE, _SCHEDULE = ServiceAudience.__table__, Phone.__table__, Schedule.__table__
_RESULT_COLUMNS = (
    "id", "slug", "name", "description", "kind", "status", "url", "email", "text_contact",
    "webchat_url", "how_to_contact", "hours", "open_24_7", "what_happens", "minimum_age",
    "maximum_age", "source_document",
)


def _candidates_statement(with_age: bool, with_coverage: bool = True):
    """Services with the concern covering any area of the chain, with the area.

    Driven by service_coverage's primary key (area, concern): a range scan per area of
    the chain returns just the matching services. A database loaded before that table
    existed falls back to service_area plus a concern check per service (EXISTS): about
    five times slower with 50,000 services, still right. (`service.id IN (services with
    the concern)` was worse: SQLite walked every service with the concern, 50 ms.)"""
    s = _SERVICE.c
    if with_coverage:
        covered = _COVERAGE
        concern_filter = _COVERAGE.c.concern == bindparam("concern")
    else:
        covered = _SERVICE_AREA
        concern_filter = (exists().where(_SERVICE_CONCERN.c.service_id == _SERVICE_AREA.c.service_id)
                          .where(_SERVICE_CONCERN.c.concern == bindparam("concern")))
    query = (
        select(*[s[name] for name in _RESULT_COLUMNS], _ORGANIZATION.c.name.label("organization"),
               covered.c.area_id)
        .select_from(covered.join(_SERVICE, covered.c.service_id == s.id)
                     .join(_ORGANIZATION, _ORGANIZATION.c.id == s.organization_id))
        .where(covered.c.area_id.in_(bindparam("chain", expanding=True)))
        .where(concern_filter)
        .where(s.status != "ended")
        .where(s.kind.in_(bindparam("kinds", expanding=True)))
        .where(or_(s.ended_on.is_(None), s.ended_on >= bindparam("today", type_=Date)))
    )
    if with_age:
        age = bindparam("age", type_=Integer)
        query = query.where(or_(s.minimum_age.is_(None), s.minimum_age <= age))
        query = query.where(or_(s.maximum_age.is_(None), s.maximum_age >= age))
    return query


_CANDIDATES = {(age, coverage): _candidates_statement(age, coverage)
               for age in (False, True) for coverage in (False, True)}
_DETAILS = union_all(
    select(_AUDIENCE.c.service_id, literal_column("'audience'").label("what"), _AUDIENCE.c.audience.label("value"),
           null().label("opens"), null().label("closes"), literal_column("0").label("seq"))
    .where(_AUDIENCE.c.service_id.in_(bindparam("ids", expanding=True))),
    select(_PHONE.c.service_id, literal_column("'phone'"), _PHONE.c.number, null(), null(), _PHONE.c.id)
    .where(_PHONE.c.service_id.in_(bindparam("ids", expanding=True))),
    select(_SCHEDULE.c.service_id, literal_column("'schedule'"), _SCHEDULE.c.byday, _SCHEDULE.c.opens_at,
           _SCHEDULE.c.closes_at, _SCHEDULE.c.id)
    .where(_SCHEDULE.c.service_id.in_(bindparam("ids", expanding=True))),
).order_by(text("what"), text("service_id"), text("seq"))


class _Slot(NamedTuple):
    byday: str
    opens_at: str
    closes_at: str


@dataclass
class _Candidate:
    """A record that could answer a search, with what ranking and the result need."""
    row: Any  # a Row of _RESULT_COLUMNS, organization and area_id
    depth: int  # index in the place chain of the most local area it covers
    area_id: str  # that area
    audiences: Set[str] = field(default_factory=set)
    phones: List[str] = field(default_factory=list)
    schedules: List[Any] = field(default_factory=list)
    open_now: Optional[bool] = None

    def group(self) -> tuple:
        """The start of the ranking: confirmed (active) first, then the most local."""
        return (self.row.status != "active", self.depth)


class Directory:
    """The directory's query interface. Thread-safe; one per process is enough."""

    def __init__(self, engine: Engine = None):
        self.engine = engine or db.make_engine()
        self.sessions = db.make_session_factory(self.engine)
        self._gazetteer: Optional[Gazetteer] = None
        self._gazetteer_loaded_at = 0.0
        self._has_coverage = True
        self._lock = threading.Lock()

    @property
    def gazetteer(self) -> Gazetteer:
        with self._lock:
            if self._gazetteer is None or time.monotonic() - self._gazetteer_loaded_at > GAZETTEER_MAX_AGE_SECONDS:
                with self.sessions() as session:
                    self._gazetteer = Gazetteer.from_session(session)
                    self._has_coverage = inspect(session.connection()).has_table(ServiceCoverage.__tablename__)
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
        at = (at or uk_now()).astimezone(UK)
        offset = max(0, int(offset))
        ranked = self._ranked(concern, chain, kinds, at, age, audience, needed=offset + limit)
        chosen = ranked[offset:offset + limit]
        if offset == 0:
            chosen = _never_only_unverified(chosen, ranked, limit)
        results = [self._result(c, gazetteer, matched, audience) for c in chosen]
        return SearchResponse(concern=concern, place=matched, place_not_found=not_found, services=results,
                              total=len(ranked))

    def _ranked(self, concern: str, chain: List[str], kinds: Sequence[str], at: dt.datetime,
                age: Optional[int], audience: Optional[str], needed: int) -> List["_Candidate"]:
        """Every record that could answer, best first, in two prepared Core queries (rows,
        not ORM objects). The first finds the records (ended and age-excluded ones are
        filtered in SQL) with the area that brought each in. Ranking starts with status
        and how local that area is, so only records in the (status, locality) groups
        that reach the first `needed` places can change what is shown: the second query
        fetches audiences, phones and opening times for those alone, and the rest keep
        their group order (they only count towards the total)."""
        params = {"chain": list(chain), "concern": concern, "kinds": list(kinds), "today": at.date()}
        if age is not None:
            params["age"] = age
        depth_of = {area_id: depth for depth, area_id in enumerate(chain)}
        by_id: Dict[str, _Candidate] = {}
        with self.engine.connect() as connection:
            statement = _CANDIDATES[age is not None, self._has_coverage]
            for row in connection.execute(statement, params):
                depth = depth_of[row.area_id]
                known = by_id.get(row.id)
                if known is None or depth < known.depth:
                    by_id[row.id] = _Candidate(row=row, depth=depth, area_id=row.area_id)
            candidates = sorted(by_id.values(), key=_Candidate.group)
            if not candidates:
                return []
            last_group = candidates[min(needed, len(candidates)) - 1].group()
            detailed = [c for c in candidates if c.group() <= last_group]
            by_id = {c.row.id: c for c in detailed}
            for detail in connection.execute(_DETAILS, {"ids": list(by_id)}):
                candidate = by_id[detail.service_id]
                if detail.what == "audience":
                    candidate.audiences.add(detail.value)
                elif detail.what == "phone":
                    candidate.phones.append(detail.value)
                else:
                    candidate.schedules.append(_Slot(detail.value, detail.opens, detail.closes))
        detailed.sort(key=lambda c: self._rank(c, audience, age, at))
        return detailed + candidates[len(detailed):]

    @staticmethod
    def _rank(candidate: "_Candidate", audience, age, at) -> tuple:
        service = candidate.row
        candidate.open_now = is_open(service.open_24_7, candidate.schedules, at)
        audiences = candidate.audiences
        # Roles (victims, families...) and gender cover most people asking; a service only
        # for a narrower group (LGBT+, older people, children...) ranks after general ones.
        specific = bool(audiences - BROAD_AUDIENCES) and "everyone" not in audiences
        if age is not None and (service.minimum_age is not None or service.maximum_age is not None):
            specific = False  # an age range that accepts the person's age is meant for them
        audience_penalty = 0 if (audience and audience in audiences) else (1 if specific else 0)
        if audience and specific and audience not in audiences:
            audience_penalty = 2
        if audience is None and age is None and service.maximum_age is not None and service.maximum_age <= 25:
            audience_penalty = 2  # without an age, assume an adult: youth lines go last
        opening_penalty = {True: 0, None: 1, False: 2}[candidate.open_now]
        # Confirmed details first: an unverified local record must not push a checked
        # county or national line off a three-item answer.
        return (
            *candidate.group(),
            opening_penalty if service.kind == "helpline" else 1,
            audience_penalty, not candidate.phones, service.name.lower(), service.id,
        )

    @staticmethod
    def _result(candidate: "_Candidate", gazetteer, matched, audience) -> ServiceResult:
        service = candidate.row
        area_info = gazetteer.areas.get(candidate.area_id)
        area_name = area_info.name if area_info else candidate.area_id
        if candidate.area_id == NATIONAL_AREA_ID:
            scope = "national"
        elif area_info and area_info.type == "county":
            scope = "county"
        else:
            scope = "local"
        return ServiceResult(
            id=service.id, slug=service.slug, name=service.name,
            organization=service.organization, kind=service.kind,
            description=service.description,
            phone=candidate.phones[0] if candidate.phones else None,
            text=service.text_contact, email=service.email, website=service.url,
            webchat=service.webchat_url, how_to_contact=service.how_to_contact,
            hours=service.hours, open_24_7=service.open_24_7, open_now=candidate.open_now,
            what_happens=service.what_happens, status=service.status, scope=scope,
            area=area_name,
            reason=_reason(service, scope, area_name, matched, candidate.open_now,
                           audience if audience in candidate.audiences and audience != "everyone" else None),
            source_document=service.source_document,
        )

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
                 .order_by(Service.review_due, Service.slug))
        with self.sessions() as session:
            return list(session.execute(query).scalars())


def _reason(service, scope: str, area_name: str, matched, open_now, for_audience: Optional[str] = None) -> str:
    """One line: where it covers (and that this includes the person's place), whether it
    is open, who it is for when that was asked, and a warning if unconfirmed."""
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
    if for_audience:
        reason += f"; for {AUDIENCE_WORDS.get(for_audience, for_audience.replace('_', ' '))}"
    if service.status == "unverified":
        reason += "; details not confirmed recently, so check before relying on them"
    return reason + "."


def _never_only_unverified(chosen: List["_Candidate"], ranked: List["_Candidate"], limit: int):
    """Unverified details must never be the only route: make room for the best active one."""
    if not chosen or any(c.row.status == "active" for c in chosen):
        return chosen
    active = next((c for c in ranked if c.row.status == "active"), None)
    if active is None:
        return chosen
    return ([active] + chosen)[:limit]

"""Read-only HTTP API following the Open Referral UK 3.0 OpenAPI, plus Signpost's
own filters on /services and /service_at_locations:

    concern   a concern tag (CONCERNS.md): ranked search, best first, with reasons
    place     a town, district, ward or postcode; resolved like the chat resolves it
    audience  who is asking (victims, men, older_people, ...)
    age       the person's age: only services that accept it
    kind      service | helpline | safeguarding_route (repeatable)

Database work runs in a thread pool so one slow query never stalls other requests.
"""
import asyncio
import json
import logging
from dataclasses import asdict
from typing import Optional

from sanic import Sanic
from sanic.exceptions import NotFound
from sanic.request import Request
from sanic.response import json as json_response
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from services_directory import db, listing, oruk
from services_directory.models import Area, Taxonomy, TaxonomyTerm
from services_directory.places import PlaceMatch, PlaceNotFound
from services_directory.search import Directory, PERSONAL_HELP_KINDS
from services_directory.vocabulary import ALL_TAGS, KINDS

logger = logging.getLogger(__name__)
MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 50


class BadRequest(ValueError):
    """A parameter the caller must fix; the message says how."""


def _int_param(request: Request, name: str, default=None, low=None, high=None) -> Optional[int]:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(float(raw))
    except (ValueError, OverflowError):  # "abc", "nan"; "inf" and "1e999" overflow
        raise BadRequest(f"'{name}' must be a number (got '{raw}')")
    if (low is not None and value < low) or (high is not None and value > high):
        raise BadRequest(f"'{name}' must be between {low} and {high} (got {value})")
    return value


def _time_param(request: Request, name: str) -> Optional[str]:
    raw = request.args.get(name)
    if not raw:
        return None
    parts = raw.split(":")
    if not 2 <= len(parts) <= 3 or not all(p.isdigit() and len(p) <= 2 for p in parts):
        raise BadRequest(f"'{name}' must be a time like 09:00 (got '{raw}')")
    hours, minutes = int(parts[0]), int(parts[1])
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        raise BadRequest(f"'{name}' must be a time of day between 00:00 and 24:00 (got '{raw}')")
    return f"{hours:02d}:{minutes:02d}"


def _paging(request: Request, default_per_page=DEFAULT_PER_PAGE):
    return (_int_param(request, "page", 1, 1, 100_000),
            _int_param(request, "per_page", default_per_page, 1, MAX_PER_PAGE))


def create_app(directory: Directory, name: str = "signpost_directory") -> Sanic:
    app = Sanic(name)
    app.config.FALLBACK_ERROR_FORMAT = "json"

    async def in_thread(function, *args):
        return await asyncio.get_running_loop().run_in_executor(None, function, *args)

    def with_session(function):
        def run(*args):
            with directory.sessions() as session:
                return function(session, *args)
        return run

    @app.middleware("response")
    async def open_feed_headers(request, response):
        response.headers["Access-Control-Allow-Origin"] = "*"  # ORUK feeds are open
        response.headers["Cache-Control"] = "no-store"

    @app.exception(BadRequest, ValueError)
    async def bad_request(request, error):
        return json_response({"error": str(error)}, status=400)

    @app.exception(DBAPIError)
    async def database_down(request, error):
        logger.error("Directory database error: %s", type(error).__name__)
        return json_response({"error": "The services directory database is unavailable. "
                                       "Try again shortly."}, status=503)

    @app.exception(NotFound)
    async def not_found(request, error):
        return json_response({"error": f"Nothing at {request.path}"}, status=404)

    @app.get("/")
    async def root(request):
        return json_response({
            "version": oruk.VERSION, "profile": oruk.PROFILE_URL,
            "openapi_url": request.url_for("openapi_document"),
            "signpost": {"filters": ["concern", "place", "audience", "age", "kind"],
                         "concerns": list(ALL_TAGS)},
        })

    @app.get("/openapi.json", name="openapi_document")
    async def openapi_document(request):
        return json_response(_openapi())

    @app.get("/health")
    async def health(request):
        count = await in_thread(with_session(lambda s: s.execute(select(Area.id).limit(1)).first()))
        if count is None:
            return json_response({"status": "empty", "error": "No areas loaded: run "
                                  "`python -m services_directory load`."}, status=503)
        return json_response({"status": "ok"})

    def _filters(request: Request) -> listing.ServiceFilters:
        day = request.args.get("day")
        if day:
            listing.day_code(day)
        return listing.ServiceFilters(
            search=request.args.get("search") or request.args.get("text"),  # 1.0 used `text`
            taxonomy_term_id=request.args.get("taxonomy_term_id"),
            taxonomy_id=request.args.get("taxonomy_id"),
            minimum_age=_int_param(request, "minimum_age", None, 0, 120),
            maximum_age=_int_param(request, "maximum_age", None, 0, 120),
            day=day, start_time=_time_param(request, "start_time"),
            end_time=_time_param(request, "end_time"),
            concern=request.args.get("concern"),
        )

    @app.get("/services")
    async def services(request):
        concern = request.args.get("concern")
        if concern:
            return await _ranked_services(request, concern)
        filters = _filters(request)
        place = request.args.get("place")
        place_info = None
        if place:
            resolved = await in_thread(directory.resolve_place, place)  # may (re)load the gazetteer
            place_info = _place_json(resolved)
            if isinstance(resolved, PlaceNotFound):
                return json_response({**oruk.page([], 0, 1, 1), "signpost": {"place": place_info}})
            filters.area_chain = resolved.chain
        page_number, per_page = _paging(request)
        rows, total = await in_thread(with_session(listing.list_services), filters, page_number, per_page)
        body = oruk.page([oruk.service_summary(s) for s in rows], total, page_number, per_page)
        if place_info:
            body["signpost"] = {"place": place_info}
        return json_response(body)

    async def _ranked_services(request, concern):
        if concern not in ALL_TAGS:
            raise BadRequest(f"Unknown concern '{concern}'. Use one of: {', '.join(ALL_TAGS)}")
        kinds = request.args.getlist("kind") or list(PERSONAL_HELP_KINDS)
        for kind in kinds:
            if kind not in KINDS:
                raise BadRequest(f"Unknown kind '{kind}'. Use: {', '.join(KINDS)}")
        page_number, per_page = _paging(request, default_per_page=3)
        response = await in_thread(lambda: directory.search(
            concern, place=request.args.get("place"), audience=request.args.get("audience"),
            limit=per_page, offset=(page_number - 1) * per_page,
            age=_int_param(request, "age", None, 0, 120), kinds=kinds))
        contents = []
        for result in response.services:
            contents.append(oruk.compact({
                "id": result.id, "name": result.name, "description": result.description,
                "url": result.website, "email": result.email, "status": oruk.STATUS_TO_ORUK[result.status],
                "organization": {"name": result.organization},
                "phones": [{"number": result.phone}] if result.phone else [],
                "signpost": result.to_dict(),
            }))
        place = response.place or response.place_not_found
        body = oruk.page(contents, response.total, page_number, per_page)
        body["signpost"] = {"concern": concern, "place": _place_json(place) if place else None}
        return json_response(body)

    @app.get("/services/<service_id>")
    async def service(request, service_id):
        def fetch(session):
            found = listing.get_service(session, service_id)
            if found is None:
                return None
            covered = [sa.area_id for sa in found.service_areas]
            areas = {a.id: a for a in session.execute(select(Area).where(Area.id.in_(covered))).scalars()}
            return oruk.service_json(found, areas)
        body = await in_thread(with_session(fetch))
        if body is None:
            return json_response({"error": f"No service with id '{service_id}'"}, status=404)
        return json_response(body)

    @app.get("/service_at_locations")
    async def service_at_locations(request):
        filters = _filters(request)
        page_number, per_page = _paging(request)
        centre, place_info = None, None
        postcode = request.args.get("postcode")
        proximity = _int_param(request, "proximity", None, 0, 1_000_000)
        if proximity is not None and not postcode:
            raise BadRequest("'proximity' needs a 'postcode' to measure from")
        if postcode:
            resolved = await in_thread(directory.resolve_place, postcode)
            place_info = _place_json(resolved)
            if isinstance(resolved, PlaceNotFound) or resolved.method != "postcode":
                return json_response({**oruk.page([], 0, 1, per_page), "signpost": {"place": place_info}})
            filters.area_chain = resolved.chain
            if proximity is not None:
                centre = (resolved.latitude, resolved.longitude)
                if centre[0] is None:
                    raise BadRequest(f"We have no map position for {resolved.name}, so cannot use proximity")
        rows, total = await in_thread(with_session(listing.list_service_at_locations),
                                      filters, page_number, per_page, centre, proximity)
        body = oruk.page([_sal_json(row) for row in rows], total, page_number, per_page)
        if place_info:
            body["signpost"] = {"place": place_info}
        return json_response(body)

    @app.get("/service_at_locations/<row_id>")
    async def service_at_location(request, row_id):
        row = await in_thread(with_session(listing.get_service_at_location), row_id)
        if row is None:
            return json_response({"error": f"No service_at_location with id '{row_id}'"}, status=404)
        return json_response(_sal_json(row))

    @app.get("/taxonomies")
    async def taxonomies(request):
        page_number, per_page = _paging(request)
        rows, total = await in_thread(with_session(listing.list_taxonomies), page_number, per_page)
        return json_response(oruk.page([oruk.taxonomy_json(t) for t in rows], total, page_number, per_page))

    @app.get("/taxonomies/<taxonomy_id>")
    async def taxonomy(request, taxonomy_id):
        row = await in_thread(with_session(lambda s: s.get(Taxonomy, taxonomy_id)))
        if row is None:
            return json_response({"error": f"No taxonomy with id '{taxonomy_id}'"}, status=404)
        return json_response(oruk.taxonomy_json(row))

    @app.get("/taxonomy_terms")
    async def taxonomy_terms(request):
        page_number, per_page = _paging(request)
        rows, total = await in_thread(with_session(listing.list_taxonomy_terms), page_number, per_page,
                                      request.args.get("taxonomy_id"))
        return json_response(oruk.page([oruk.taxonomy_term_json(t) for t in rows], total, page_number, per_page))

    @app.get("/taxonomy_terms/<term_id>")
    async def taxonomy_term(request, term_id):
        def fetch(session):
            term = session.get(TaxonomyTerm, term_id)
            return oruk.taxonomy_term_json(term) if term else None
        body = await in_thread(with_session(fetch))
        if body is None:
            return json_response({"error": f"No taxonomy term with id '{term_id}'"}, status=404)
        return json_response(body)

    return app


def _sal_json(row) -> dict:
    return oruk.compact({
        "id": row.id, "service_id": row.service_id, "location_id": row.location_id,
        "service": oruk.service_summary(row.service),
        "location": {"id": row.location.id, "name": row.location.name,
                     "description": row.location.description,
                     "location_type": row.location.location_type,
                     "latitude": row.location.latitude, "longitude": row.location.longitude}})


def _place_json(place) -> dict:
    if isinstance(place, PlaceMatch):
        return {"found": True, "area_id": place.area_id, "name": place.name, "type": place.type,
                "matched_text": place.matched_text, "method": place.method,
                "postcode": place.postcode, "chain": place.chain, "chain_names": place.chain_names,
                # the council's general contact route, for questions the directory cannot answer
                "council": asdict(place.council) if place.council else None}
    return {"found": False, "text": place.text, "reason": place.reason, "message": place.message,
            "suggestions": place.suggestions}


def _openapi() -> dict:
    """The ORUK 3.0 OpenAPI with our extra filters added to /services."""
    document = json.loads((oruk.SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))
    extra = [
        {"name": "concern", "in": "query", "required": False, "schema": {"type": "string", "enum": list(ALL_TAGS)},
         "description": "Signpost: ranked search for this concern (best first, with a reason for each)."},
        {"name": "place", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "Signpost: a town, district, ward or postcode; local services first."},
        {"name": "audience", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "Signpost: who is asking (victims, men, older_people, ...)."},
        {"name": "age", "in": "query", "required": False, "schema": {"type": "integer"},
         "description": "Signpost: only services that accept a person of this age."},
        {"name": "kind", "in": "query", "required": False, "schema": {"type": "string", "enum": list(KINDS)},
         "description": "Signpost: service, helpline or safeguarding_route (repeatable)."},
    ]
    document["paths"]["/services"]["get"].setdefault("parameters", []).extend(extra)
    document.setdefault("info", {})["description"] = "Signpost services directory (ORUK 3.0 profile, read-only)."
    return document


def run(host: str = "127.0.0.1", port: int = 8090, database_url: str = None) -> None:
    directory = Directory(db.make_engine(database_url))
    app = create_app(directory)
    app.run(host=host, port=port, access_log=False, motd=False, workers=1)

"""The one way actions ask the services directory anything: over HTTP, with `requests`.

Points at Signpost's own directory API (DIRECTORY_URL) or at another council's Open
Referral UK endpoint. Our API understands `concern` and `place` and ranks results; a
plain ORUK 3.0 or 1.0 endpoint does not, so the client falls back to the taxonomy terms
our concerns map to and accepts both list shapes.

`requests` blocks, and the Rasa SDK runs every action on one event loop, so the async
methods run each call in a worker thread with a short timeout.
"""
import asyncio
import os
import threading
from dataclasses import dataclass, field
from typing import List, Optional, Sequence

import requests

DEFAULT_URL = "http://127.0.0.1:8090"
TIMEOUT_SECONDS = float(os.environ.get("DIRECTORY_TIMEOUT_SECONDS", "2.5"))
PERSONAL_HELP = ("service", "helpline")


class DirectoryUnavailable(Exception):
    """The directory did not answer in time, or answered with an error."""


@dataclass
class Place:
    found: bool
    name: str = ""
    text: str = ""
    reason: str = ""  # when not found: unknown | unknown_postcode | outside_area
    message: str = ""
    chain_names: List[str] = field(default_factory=list)
    suggestions: List[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: Optional[dict]) -> Optional["Place"]:
        if not data:
            return None
        return cls(found=bool(data.get("found")), name=data.get("name", ""), text=data.get("text", ""),
                   reason=data.get("reason", ""), message=data.get("message", ""),
                   chain_names=data.get("chain_names") or [], suggestions=data.get("suggestions") or [])


@dataclass
class Service:
    name: str
    description: str
    phone: Optional[str] = None
    text: Optional[str] = None
    website: Optional[str] = None
    webchat: Optional[str] = None
    email: Optional[str] = None
    how_to_contact: Optional[str] = None
    hours: Optional[str] = None
    open_now: Optional[bool] = None
    what_happens: Optional[str] = None
    status: str = "active"
    kind: str = "service"
    reason: str = ""

    @classmethod
    def from_json(cls, item: dict) -> "Service":
        extra = item.get("signpost") or {}
        phones = item.get("phones") or []
        for contact in item.get("contacts") or []:  # ORUK 1.0 keeps phones on contacts
            phones += contact.get("phones") or []
        return cls(
            name=extra.get("name") or item.get("name", ""),
            description=extra.get("description") or item.get("description") or "",
            phone=extra.get("phone") or (phones[0].get("number") if phones else None),
            text=extra.get("text"), website=extra.get("website") or item.get("url"),
            webchat=extra.get("webchat"), email=extra.get("email") or item.get("email"),
            how_to_contact=extra.get("how_to_contact"), hours=extra.get("hours"),
            open_now=extra.get("open_now"), what_happens=extra.get("what_happens"),
            status=extra.get("status") or ("active" if item.get("status", "active") == "active" else "ended"),
            kind=extra.get("kind", "service"), reason=extra.get("reason", ""),
        )


@dataclass
class Results:
    services: List[Service]
    place: Optional[Place]


def list_items(body: dict) -> List[dict]:
    """Items of an ORUK 3.0 (`contents`) or 1.0 (`content`) page."""
    if isinstance(body.get("contents"), list):
        return body["contents"]
    if isinstance(body.get("content"), list):
        return body["content"]
    raise DirectoryUnavailable("The directory's answer was not an ORUK list")


class DirectoryClient:
    def __init__(self, base_url: Optional[str] = None, timeout: float = TIMEOUT_SECONDS):
        self.base_url = (base_url or os.environ.get("DIRECTORY_URL") or DEFAULT_URL).rstrip("/")
        self.timeout = timeout
        self._local = threading.local()  # one keep-alive session per worker thread
        self._understands_concerns: Optional[bool] = None

    def _session(self) -> requests.Session:
        if not hasattr(self._local, "session"):
            self._local.session = requests.Session()
        return self._local.session

    def _get(self, path: str, params) -> dict:
        try:
            response = self._session().get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
        except requests.RequestException as error:
            raise DirectoryUnavailable(f"{type(error).__name__} calling {path}") from error
        if response.status_code >= 500:
            raise DirectoryUnavailable(f"HTTP {response.status_code} from {path}")
        try:
            body = response.json()
        except ValueError as error:
            raise DirectoryUnavailable(f"non-JSON answer from {path}") from error
        if response.status_code >= 400:
            raise DirectoryUnavailable(f"HTTP {response.status_code} from {path}: {body.get('error', '')}")
        return body

    def understands_concerns(self) -> bool:
        """Signpost's API says so on its root document; a plain ORUK feed does not."""
        if self._understands_concerns is None:
            root = self._get("/", None)
            self._understands_concerns = "concern" in (root.get("signpost") or {}).get("filters", [])
        return self._understands_concerns

    def find(self, concern: str, place: Optional[str], kinds: Sequence[str] = PERSONAL_HELP,
             limit: int = 3, page: int = 1, audience: Optional[str] = None) -> Results:
        if self.understands_concerns():
            params = [("concern", concern), ("per_page", limit), ("page", page)]
            params += [("kind", kind) for kind in kinds]
            if place:
                params.append(("place", place))
            if audience:
                params.append(("audience", audience))
            body = self._get("/services", params)
            place_info = Place.from_json((body.get("signpost") or {}).get("place"))
            return Results([Service.from_json(item) for item in list_items(body)], place_info)
        return self._find_in_plain_oruk(concern, place, limit, page)

    def _find_in_plain_oruk(self, concern: str, place: Optional[str], limit: int, page: int) -> Results:
        """Another council's ORUK feed: search by the taxonomy terms our concern maps to,
        and by postcode where one was given. No ranking or place resolution is possible."""
        from actions.concern_terms import search_words_for

        params = [("per_page", limit), ("page", page), ("search", search_words_for(concern))]
        path = "/services"
        if place and any(ch.isdigit() for ch in place):
            path = "/service_at_locations"
            params.append(("postcode", place))
        body = self._get(path, params)
        items = [item.get("service", item) for item in list_items(body)]
        return Results([Service.from_json(item) for item in items], None)

    async def find_async(self, *args, **kwargs) -> Results:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, lambda: self.find(*args, **kwargs))

    async def resolve_place_async(self, place: str) -> Optional[Place]:
        def resolve():
            body = self._get("/services", [("place", place), ("per_page", 1)])
            return Place.from_json((body.get("signpost") or {}).get("place"))
        return await asyncio.get_running_loop().run_in_executor(None, resolve)

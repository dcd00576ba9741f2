"""The web server in front of Rasa: serves the three pages and forwards chat messages.

- `/` resident chat on a demo council page, `/kiosk` library kiosk, `/handler` the
  call-handler console (login required), `/widget.js` for councils to embed.
- `POST /api/message` forwards one message to Rasa's REST webhook. Nothing else of Rasa
  is reachable from here: its HTTP API (trackers, models) stays on 127.0.0.1 behind its
  token. Messages are limited in size and rate per client.
- `POST /api/end` ends a conversation on the server (quick exit, kiosk timeout).

No conversation text is logged or stored here; conversation ids are random per page load.
"""
import asyncio
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Deque, Dict, Optional

import aiohttp
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, empty, html, json as json_response, redirect

logger = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
PROJECT_ROOT = WEB_DIR.parent.parent
GOVUK_DIST = PROJECT_ROOT / "node_modules" / "govuk-frontend" / "dist" / "govuk"

MAX_MESSAGE_CHARS = 1000
SENDER_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MODES = ("web", "kiosk", "handler")
SESSION_COOKIE = "signpost_handler"
SESSION_SECONDS = 8 * 60 * 60

# Shown by the server itself when Rasa cannot be reached, so nobody is left without a number.
EMERGENCY_NUMBERS = [
    {"text": "If you or someone else is in danger, call 999. If you can't speak, call 999 from a "
             "mobile, stay on the line and press 55 when asked."},
    {"text": "Samaritans are there day and night: call 116 123 free."},
    {"text": "For urgent help from the NHS, call 111."},
]
EMERGENCY_FALLBACK = [{"text": "Sorry, the assistant is not available right now."}] + EMERGENCY_NUMBERS
# Rasa answered with nothing: a custom action failed (the action server is down), so the
# person still gets the numbers rather than silence.
NO_REPLY_FALLBACK = [{"text": "Sorry, I couldn't answer that just now. Please try again in a moment."}] + EMERGENCY_NUMBERS


class RateLimiter:
    """Sliding-window limit per client: a burst limit and a per-minute limit."""

    def __init__(self, burst: int, burst_seconds: float, per_minute: int):
        self.burst, self.burst_seconds, self.per_minute = burst, burst_seconds, per_minute
        self.hits: Dict[str, Deque[float]] = defaultdict(deque)

    def allow(self, client: str, now: Optional[float] = None) -> bool:
        now = now if now is not None else time.monotonic()
        hits = self.hits[client]
        while hits and now - hits[0] > 60:
            hits.popleft()
        recent = sum(1 for t in hits if now - t <= self.burst_seconds)
        if recent >= self.burst or len(hits) >= self.per_minute:
            return False
        hits.append(now)
        if len(self.hits) > 10_000:  # forget idle clients so memory stays bounded
            for key in [k for k, v in self.hits.items() if not v or now - v[-1] > 60]:
                del self.hits[key]
        return True


class HandlerLogin:
    """Credentials from the environment; a signed, expiring cookie after login."""

    def __init__(self, username: str, password: str, secret: bytes):
        self.username, self.password, self.secret = username, password, secret

    @classmethod
    def from_environment(cls) -> "HandlerLogin":
        username = os.environ.get("HANDLER_USERNAME", "")
        password = os.environ.get("HANDLER_PASSWORD", "")
        production = os.environ.get("SIGNPOST_ENV", "development") == "production"
        if production and (not username or len(password) < 12):
            raise SystemExit("In production, HANDLER_USERNAME and HANDLER_PASSWORD (12+ characters) must be "
                             "set: there is no default password.")
        secret = os.environ.get("SESSION_SECRET", "").encode() or secrets.token_bytes(32)
        return cls(username, password, secret)

    @property
    def enabled(self) -> bool:
        return bool(self.username and self.password)

    def check(self, username: str, password: str) -> bool:
        return self.enabled and hmac.compare_digest(username.encode(), self.username.encode()) and \
            hmac.compare_digest(password.encode(), self.password.encode())

    def issue(self, now: Optional[float] = None) -> str:
        expires = int((now or time.time()) + SESSION_SECONDS)
        payload = f"{self.username}|{expires}"
        signature = hmac.new(self.secret, payload.encode(), hashlib.sha256).hexdigest()
        return f"{payload}|{signature}"

    def valid(self, cookie: Optional[str], now: Optional[float] = None) -> bool:
        if not cookie or cookie.count("|") != 2:
            return False
        username, expires, signature = cookie.split("|")
        expected = hmac.new(self.secret, f"{username}|{expires}".encode(), hashlib.sha256).hexdigest()
        return hmac.compare_digest(signature, expected) and expires.isdigit() and \
            int(expires) > (now or time.time()) and username == self.username


BUTTON_PAYLOAD = re.compile(r"^/[a-z_]+$")


def with_button_entities(text: str, metadata: dict) -> str:
    """A button's payload ("/concern_loneliness") skips Rasa's NLU pipeline, so the
    metadata that sets the mode (and a kiosk's place) travels as payload entities."""
    if not BUTTON_PAYLOAD.match(text):
        return text
    entities = {"mode": metadata["mode"]}
    if metadata.get("place"):
        entities["location"] = metadata["place"]
    return text + json.dumps(entities)


def client_key(request: Request) -> str:
    return request.ip or "unknown"


def create_app(rasa_url: Optional[str] = None, login: Optional[HandlerLogin] = None,
               limiter: Optional[RateLimiter] = None, name: str = "signpost_web") -> Sanic:
    app = Sanic(name)
    app.config.REQUEST_MAX_SIZE = 16_384  # bytes: far above a 1,000-character message
    app.config.FALLBACK_ERROR_FORMAT = "json"
    rasa_webhook = (rasa_url or os.environ.get("RASA_URL", "http://127.0.0.1:5005")).rstrip("/") + \
        "/webhooks/rest/webhook"
    login = login or HandlerLogin.from_environment()
    limiter = limiter or RateLimiter(burst=int(os.environ.get("RATE_LIMIT_BURST", "8")), burst_seconds=10,
                                     per_minute=int(os.environ.get("RATE_LIMIT_PER_MINUTE", "40")))
    timeout = aiohttp.ClientTimeout(total=float(os.environ.get("RASA_TIMEOUT_SECONDS", "15")))
    # Websites allowed to embed the widget and call /api/ from the browser, e.g.
    # "https://www.anytown.gov.uk". Same-site use needs nothing here.
    allowed_origins = {o.strip() for o in os.environ.get("ALLOWED_ORIGINS", "").split(",") if o.strip()}
    kiosk_timeouts = {
        "warn": int(os.environ.get("KIOSK_WARN_SECONDS", "120")),
        "wipe": int(os.environ.get("KIOSK_WIPE_SECONDS", "180")),
    }

    @app.listener("before_server_start")
    async def open_client(app, loop):
        app.ctx.http = aiohttp.ClientSession(timeout=timeout)

    @app.listener("after_server_stop")
    async def close_client(app, loop):
        await app.ctx.http.close()

    @app.middleware("request")
    async def preflight(request):
        if request.method == "OPTIONS" and request.path.startswith("/api/"):
            return empty(status=204)

    @app.middleware("response")
    async def security_headers(request, response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if request.path.startswith(("/assets/", "/static/")) or request.path in ("/widget.js", "/widget.css"):
            # Scripts, styles and fonts hold nothing personal: let browsers keep them.
            response.headers["Cache-Control"] = "public, max-age=3600"
        else:
            response.headers["Cache-Control"] = "no-store"
        if "text/html" in (response.content_type or ""):
            # No page has inline script or style, so this can be strict.
            response.headers["Content-Security-Policy"] = (
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
                "frame-ancestors 'none'")
            response.headers["X-Frame-Options"] = "DENY"
        origin = request.headers.get("origin")
        if request.path.startswith("/api/") and origin and origin in allowed_origins:
            # A council's own website embedding the widget (ALLOWED_ORIGINS).
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Methods"] = "POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Content-Type"
            response.headers["Vary"] = "Origin"

    def page(name: str, replacements: Optional[dict] = None) -> HTTPResponse:
        text = (STATIC_DIR / name).read_text(encoding="utf-8")
        for key, value in (replacements or {}).items():
            text = text.replace("{{" + key + "}}", value)
        return html(text)

    @app.get("/")
    async def resident_page(request):
        return page("index.html")

    @app.get("/kiosk")
    async def kiosk_page(request):
        return page("kiosk.html", {"KIOSK_WARN_SECONDS": str(kiosk_timeouts["warn"]),
                                   "KIOSK_WIPE_SECONDS": str(kiosk_timeouts["wipe"])})

    @app.get("/handler")
    async def handler_page(request):
        if not login.valid(request.cookies.get(SESSION_COOKIE)):
            return redirect("/handler/login")
        return page("handler.html")

    @app.get("/handler/login")
    async def handler_login_page(request):
        message = "" if login.enabled else \
            '<p class="govuk-error-message">Handler login is not configured on this server.</p>'
        return page("login.html", {"ERROR": message})

    @app.post("/handler/login")
    async def handler_login(request):
        username = (request.form.get("username") or "").strip()
        password = request.form.get("password") or ""
        if not limiter.allow("login:" + client_key(request)) or not login.check(username, password):
            await asyncio.sleep(0.5)  # slow down guessing
            return page("login.html", {"ERROR": '<p class="govuk-error-message" id="login-error">'
                                                '<span class="govuk-visually-hidden">Error:</span> '
                                                'The username or password is not right.</p>'})
        response = redirect("/handler")
        response.cookies[SESSION_COOKIE] = login.issue()
        response.cookies[SESSION_COOKIE]["httponly"] = True
        response.cookies[SESSION_COOKIE]["samesite"] = "Strict"
        response.cookies[SESSION_COOKIE]["path"] = "/"
        response.cookies[SESSION_COOKIE]["max-age"] = SESSION_SECONDS
        return response

    @app.post("/handler/logout")
    async def handler_logout(request):
        response = redirect("/handler/login")
        del response.cookies[SESSION_COOKIE]
        return response

    @app.get("/healthz")
    async def health(request):
        return json_response({"status": "ok"})

    @app.post("/api/message")
    async def message(request):
        try:
            body = request.json
        except Exception:
            body = None
        if not isinstance(body, dict):
            return json_response({"error": "Send JSON: {\"sender\": ..., \"message\": ...}"}, status=400)
        sender, text = body.get("sender"), body.get("message")
        metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else {}
        if not isinstance(sender, str) or not SENDER_PATTERN.match(sender):
            return json_response({"error": "The conversation id is missing or not valid. Reload the page."}, status=400)
        if not isinstance(text, str) or not text.strip():
            return json_response({"error": "Please type a message first."}, status=400)
        if len(text) > MAX_MESSAGE_CHARS:
            return json_response({"error": f"That message is too long. Please keep it under "
                                           f"{MAX_MESSAGE_CHARS} characters.", "max_chars": MAX_MESSAGE_CHARS},
                                 status=413)
        if not limiter.allow(client_key(request)):
            return json_response({"error": "You're sending messages very quickly. Please wait a few seconds "
                                           "and try again. If you are in danger, call 999."}, status=429)
        mode = metadata.get("mode") if metadata.get("mode") in MODES else "web"
        if mode == "handler" and not login.valid(request.cookies.get(SESSION_COOKIE)):
            return json_response({"error": "Please log in to the call-handler console."}, status=401)
        forwarded = {"mode": mode}
        if mode == "kiosk" and isinstance(metadata.get("place"), str):
            forwarded["place"] = metadata["place"][:80]
        return await forward(request.app, sender, with_button_entities(text.strip(), forwarded), forwarded)

    @app.post("/api/end")
    async def end(request):
        body = request.json if request.body else None
        sender = body.get("sender") if isinstance(body, dict) else None
        if not isinstance(sender, str) or not SENDER_PATTERN.match(sender):
            return json_response({"error": "The conversation id is missing or not valid."}, status=400)
        # "/restart" resets the conversation on the Rasa server (action_restart).
        await forward(request.app, sender, "/restart", {})
        return empty(status=204)

    async def forward(app, sender: str, text: str, metadata: dict) -> HTTPResponse:
        payload = {"sender": sender, "message": text, "metadata": metadata}
        try:
            async with app.ctx.http.post(rasa_webhook, json=payload) as response:
                if response.status != 200:
                    raise aiohttp.ClientResponseError(response.request_info, (), status=response.status)
                replies = await response.json()
        except (aiohttp.ClientError, asyncio.TimeoutError, json.JSONDecodeError) as error:
            logger.warning("Rasa unavailable: %s", type(error).__name__)
            return json_response({"error": "The assistant is not available right now.",
                                  "messages": EMERGENCY_FALLBACK}, status=503)
        if not replies:
            logger.warning("Rasa gave no reply")
            return json_response({"messages": NO_REPLY_FALLBACK})
        return json_response({"messages": replies})

    app.static("/static", str(STATIC_DIR), name="static")
    app.static("/assets/govuk", str(GOVUK_DIST), name="govuk")
    # GOV.UK Frontend's compiled CSS asks for its fonts and images at these root paths.
    app.static("/assets/fonts", str(GOVUK_DIST / "assets" / "fonts"), name="govuk_fonts")
    app.static("/assets/images", str(GOVUK_DIST / "assets" / "images"), name="govuk_images")
    app.static("/widget.js", str(STATIC_DIR / "widget.js"), name="widget_js")
    app.static("/widget.css", str(STATIC_DIR / "widget.css"), name="widget_css")
    return app

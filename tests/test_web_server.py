"""The web server in front of Rasa: it forwards only the chat webhook, refuses bad input
with a clear message, limits rate, keeps the handler console behind a login, and shows
emergency numbers itself when Rasa cannot be reached."""
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from bot.web.server import HandlerLogin, RateLimiter
from tests.conftest import PYTHON, ServiceProcess, free_port, server_env


def sender():
    return "web" + uuid.uuid4().hex[:12]


def post_message(server, text, metadata=None, cookies=None, who=None):
    return requests.post(f"{server.url}/api/message", json={"sender": who or sender(), "message": text,
                                                            "metadata": metadata or {"mode": "web"}},
                         cookies=cookies, timeout=30)


def test_a_message_is_forwarded_and_answered(web_server):
    response = post_message(web_server, "I want to end my life")
    assert response.status_code == 200
    first = response.json()["messages"][0]["text"]
    assert "116 123" in first and "999" in first


def test_empty_message_gets_a_clear_message(web_server):
    response = post_message(web_server, "   ")
    assert response.status_code == 400
    assert response.json()["error"] == "Please type a message first."


def test_huge_message_gets_a_clear_message(web_server):
    response = post_message(web_server, "help " * 400)
    assert response.status_code == 413
    assert "too long" in response.json()["error"] and response.json()["max_chars"] == 1000


def test_bad_json_and_bad_sender(web_server):
    assert requests.post(f"{web_server.url}/api/message", data="not json", timeout=10).status_code == 400
    response = requests.post(f"{web_server.url}/api/message", json={"sender": "x", "message": "hi"}, timeout=10)
    assert response.status_code == 400 and "Reload" in response.json()["error"]


def test_rasa_api_is_never_reachable_through_the_web_server(web_server):
    for path in ("/model/parse", "/webhooks/rest/webhook", "/conversations/x/tracker", "/status"):
        assert requests.post(f"{web_server.url}{path}", json={"text": "hi"}, timeout=10).status_code == 404
        assert requests.get(f"{web_server.url}{path}", timeout=10).status_code in (404, 405)


def test_handler_mode_needs_a_login(web_server):
    response = post_message(web_server, "hello", {"mode": "handler"})
    assert response.status_code == 401
    assert requests.get(f"{web_server.url}/handler", allow_redirects=False, timeout=10).headers["location"] \
        == "/handler/login"


def test_handler_login_then_handler_mode_works(web_server):
    session = requests.Session()
    bad = session.post(f"{web_server.url}/handler/login", data={"username": "handler", "password": "wrong"}, timeout=10)
    assert "not right" in bad.text
    username, password = web_server.handler_credentials
    good = session.post(f"{web_server.url}/handler/login", data={"username": username, "password": password},
                        allow_redirects=False, timeout=10)
    assert good.status_code in (302, 303)
    cookie = good.cookies.get("signpost_handler")
    assert cookie and "httponly" in good.headers["set-cookie"].lower()
    reply = post_message(web_server, "my boss took my passport and doesn't pay me", {"mode": "handler"},
                         cookies={"signpost_handler": cookie})
    assert reply.status_code == 200
    assert any("Say:" in (m.get("text") or "") or "Ask:" in (m.get("text") or "") for m in reply.json()["messages"])


def test_end_conversation(web_server):
    who = sender()
    post_message(web_server, "I feel lonely", who=who)
    response = requests.post(f"{web_server.url}/api/end", json={"sender": who}, timeout=30)
    assert response.status_code == 204


@pytest.fixture(scope="module")
def strict_web_server(logs_dir):
    """Rasa unreachable (nothing on the port) and tight rate limits."""
    port = free_port()
    server = ServiceProcess(
        "web-strict", [PYTHON, "-m", "bot.web", "--port", str(port)],
        server_env(RASA_URL=f"http://127.0.0.1:{free_port()}", RATE_LIMIT_BURST=3, RATE_LIMIT_PER_MINUTE=5,
                   HANDLER_USERNAME="", HANDLER_PASSWORD="", ALLOWED_ORIGINS="https://www.anytown.gov.uk"),
        logs_dir, f"http://127.0.0.1:{port}/healthz", timeout=60).start()
    yield server
    server.stop()


def test_when_rasa_is_down_the_server_itself_gives_emergency_numbers(strict_web_server):
    response = post_message(strict_web_server, "I want to end my life")
    assert response.status_code == 503
    text = " ".join(m["text"] for m in response.json()["messages"])
    assert "999" in text and "116 123" in text and "111" in text


class SilentRasa(BaseHTTPRequestHandler):
    """Rasa when a custom action fails (the action server is down): a 200 with no replies."""

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = json.dumps([]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def web_server_with_silent_rasa(logs_dir):
    silent = ThreadingHTTPServer(("127.0.0.1", free_port()), SilentRasa)
    threading.Thread(target=silent.serve_forever, daemon=True).start()
    port = free_port()
    server = ServiceProcess(
        "web-silent", [PYTHON, "-m", "bot.web", "--port", str(port)],
        server_env(RASA_URL=f"http://127.0.0.1:{silent.server_port}", HANDLER_USERNAME="", HANDLER_PASSWORD=""),
        logs_dir, f"http://127.0.0.1:{port}/healthz", timeout=60).start()
    yield server
    server.stop()
    silent.shutdown()


def test_when_rasa_says_nothing_the_server_still_gives_emergency_numbers(web_server_with_silent_rasa):
    response = post_message(web_server_with_silent_rasa, "my phone is dead and I need help")
    assert response.status_code == 200
    messages = response.json()["messages"]
    assert "couldn't answer" in messages[0]["text"]
    text = " ".join(m["text"] for m in messages)
    assert "999" in text and "116 123" in text


def test_rate_limit_per_client(strict_web_server):
    statuses = [post_message(strict_web_server, "hello").status_code for _ in range(8)]
    assert 429 in statuses
    limited = post_message(strict_web_server, "hello")
    assert limited.status_code == 429 and "999" in limited.json()["error"]


def test_no_handler_login_without_configured_credentials(strict_web_server):
    page = requests.get(f"{strict_web_server.url}/handler/login", timeout=10)
    assert "not configured" in page.text
    response = requests.post(f"{strict_web_server.url}/handler/login", data={"username": "", "password": ""},
                             allow_redirects=False, timeout=10)
    assert response.status_code == 200 and "not right" in response.text


def test_rate_limiter_window():
    limiter = RateLimiter(burst=2, burst_seconds=10, per_minute=3)
    assert limiter.allow("a", now=0) and limiter.allow("a", now=1)
    assert not limiter.allow("a", now=2)  # burst
    assert limiter.allow("a", now=12)
    assert not limiter.allow("a", now=30)  # three in the last minute
    assert limiter.allow("a", now=61.5)
    assert limiter.allow("b", now=2)  # per client


def test_handler_session_cookie_is_signed_and_expires():
    login = HandlerLogin("handler", "a-long-password", b"secret")
    cookie = login.issue(now=1000)
    assert login.valid(cookie, now=1001)
    assert not login.valid(cookie, now=1000 + 9 * 3600)
    assert not login.valid(cookie.replace("handler", "admin", 1), now=1001)
    assert not login.valid(cookie[:-1] + ("0" if cookie[-1] != "0" else "1"), now=1001)
    assert not HandlerLogin("handler", "x", b"other").valid(cookie, now=1001)


def test_production_refuses_to_start_without_a_handler_password(monkeypatch):
    monkeypatch.setenv("SIGNPOST_ENV", "production")
    monkeypatch.setenv("HANDLER_USERNAME", "handler")
    monkeypatch.setenv("HANDLER_PASSWORD", "")
    with pytest.raises(SystemExit):
        HandlerLogin.from_environment()


def test_pages_are_locked_down_and_assets_cacheable(web_server):
    page = requests.get(f"{web_server.url}/", timeout=10)
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["x-frame-options"] == "DENY"
    asset = requests.get(f"{web_server.url}/assets/govuk/govuk-frontend.min.css", timeout=10)
    assert asset.status_code == 200 and "max-age" in asset.headers["cache-control"]
    api = post_message(web_server, "hello")
    assert api.headers["cache-control"] == "no-store"


def test_other_websites_cannot_call_the_api_unless_allowed(web_server):
    response = requests.post(f"{web_server.url}/api/message", headers={"Origin": "https://evil.example"},
                             json={"sender": sender(), "message": "hello"}, timeout=30)
    assert "access-control-allow-origin" not in {k.lower() for k in response.headers}


def test_button_payloads_carry_the_mode():
    from bot.web.server import with_button_entities

    assert with_button_entities("/affirm", {"mode": "kiosk"}) == '/affirm{"mode": "kiosk"}'
    assert with_button_entities("/concern_loneliness", {"mode": "kiosk", "place": "Thetford"}) == \
        '/concern_loneliness{"mode": "kiosk", "location": "Thetford"}'
    assert with_button_entities("I feel lonely", {"mode": "kiosk"}) == "I feel lonely"
    assert with_button_entities('/affirm{"x": 1}', {"mode": "web"}) == '/affirm{"x": 1}'


def test_a_kiosk_button_as_the_first_message_gets_kiosk_wording(web_server):
    response = post_message(web_server, "/concern_loneliness", {"mode": "kiosk", "place": "Thetford"})
    said = " ".join(m.get("text") or "" for m in response.json()["messages"])
    assert "Lots of people feel lonely. There are friendly groups nearby." in said  # the kiosk variation
    assert "near Thetford" in said


def test_an_allowed_council_site_can_embed_the_widget(strict_web_server):
    origin = {"Origin": "https://www.anytown.gov.uk"}
    preflight = requests.options(f"{strict_web_server.url}/api/message", headers={
        **origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
        timeout=10)
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "https://www.anytown.gov.uk"
    assert "POST" in preflight.headers["access-control-allow-methods"]

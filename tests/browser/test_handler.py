"""The call-handler console at /handler (staff only) and its sign-in page."""
import json
import re

from playwright.sync_api import Page, expect

from .helpers import FIRST_REPLY_MS, api_messages, save_screenshot

LOG = "#handler-log"


def sign_in(page: Page, username: str, password: str) -> None:
    page.goto("/handler/login")
    page.locator("#username").fill(username)
    page.locator("#password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def signed_in_page(make_context, web_server, **options) -> Page:
    page = make_context(**options).new_page()
    sign_in(page, *web_server.handler_credentials)
    expect(page).to_have_url(re.compile(r"/handler$"))
    return page


def test_console_needs_sign_in_and_wrong_password_gets_an_accessible_error(page, web_server):
    page.goto("/handler")
    expect(page).to_have_url(re.compile(r"/handler/login$"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    save_screenshot(page, "handler-login")

    response = page.request.post("/api/message", data={"sender": "a" * 16, "message": "hello",
                                                      "metadata": {"mode": "handler"}})
    assert response.status == 401

    username, password = web_server.handler_credentials
    sign_in(page, username, "not-the-password")
    expect(page.locator("#login-error")).to_contain_text("The username or password is not right.")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="The username or password is not right.")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator("#username")).to_have_attribute("aria-describedby", "login-error")
    assert page.context.cookies() == []

    sign_in(page, username, password)
    expect(page).to_have_url(re.compile(r"/handler$"))
    expect(page.get_by_role("heading", name="Call script")).to_be_visible()


def test_domestic_abuse_call_with_script_services_route_and_case_notes(make_context, web_server):
    page = signed_in_page(make_context, web_server)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=web_server.url)
    sent = api_messages(page)
    log = page.locator(LOG)

    page.get_by_role("button", name="Start a new call").click()
    expect(log.locator(".handler-line--say").first).to_contain_text("Thank you for calling", timeout=FIRST_REPLY_MS)
    expect(page.get_by_role("button", name="Emergency")).to_be_visible()

    box = page.get_by_label("What the caller says")
    box.fill("Her partner hits her and she is scared")
    box.press("Enter")
    ask = log.locator(".handler-line--ask", has_text="Are you safe to talk right now?")
    expect(ask).to_be_visible()
    expect(ask.locator(".handler-label")).to_have_text("Ask:")
    expect(log.locator(".handler-line--concern")).to_contain_text("domestic abuse")
    page.get_by_role("button", name="Caller is safe to talk").click()
    expect(log.locator(".handler-line--ask", has_text="Which town or area")).to_be_visible()
    box.fill("Thetford")
    box.press("Enter")

    services = page.locator("#handler-services")
    expect(services).to_contain_text("Leeway")
    expect(services).to_contain_text("0300 561 0077")
    expect(page.locator("#handler-route")).to_contain_text("DASH risk checklist")
    notes = page.locator("#handler-notes")
    expect(notes).to_contain_text("Concern: Abuse by a partner or family member")
    expect(notes).to_contain_text("Area: Thetford")
    expect(log).not_to_contain_text("Case notes:")  # shown once, in the notes panel
    expect(page.get_by_role("button", name="End the call")).to_be_visible()
    assert all(m["metadata"] == {"mode": "handler"} for m in sent) and len(sent) == 4

    page.get_by_role("button", name="Copy case notes").click()
    expect(page.locator("#handler-copied")).to_have_text("Case notes copied. Paste them into your case record.")
    assert page.evaluate("navigator.clipboard.readText()") == notes.inner_text()

    page.evaluate("window.scrollTo(0, 0)")
    save_screenshot(page, "handler-console")

    page.get_by_role("button", name="End call and clear").click()
    expect(log.locator("li")).to_have_count(0)
    expect(notes).to_be_hidden()
    expect(page.get_by_role("button", name="Start a new call")).to_be_focused()

    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/handler/login$"))
    page.goto("/handler")
    expect(page).to_have_url(re.compile(r"/handler/login$"))


def fake_reply(page: Page, body: dict, status: int = 200) -> None:
    page.route("**/api/message", lambda route: route.fulfill(
        status=status, content_type="application/json", body=json.dumps(body)))


def test_copy_case_notes_works_without_the_clipboard_api(make_context, web_server):
    page = signed_in_page(make_context, web_server)
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});")
    page.reload()
    notes = "Date and time: 1 Jan 2026 10:00\nConcern: Scams and fraud\nArea: not given"
    fake_reply(page, {"messages": [
        {"text": "Case notes:\n" + notes},
        {"custom": {"case_notes": notes}},
        {"text": 'Ask: "Is there anything else I can help with today?"',
         "buttons": [{"title": "End the call", "payload": "/goodbye"}]},
    ]})
    page.get_by_role("button", name="Start a new call").click()
    expect(page.locator("#handler-notes")).to_have_text(notes)
    page.get_by_role("button", name="Copy case notes").click()
    expect(page.locator("#handler-copied")).to_have_text(re.compile(r"Case notes copied|press Ctrl and C"))


def test_expired_session_says_so_and_links_to_sign_in(make_context, web_server):
    page = signed_in_page(make_context, web_server)
    fake_reply(page, {"error": "Please log in to the call-handler console."}, status=401)
    page.get_by_role("button", name="Start a new call").click()
    banner = page.locator("#handler-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Please log in to the call-handler console.")
    expect(banner.get_by_role("link", name="Log in to the call handler console")).to_have_attribute(
        "href", "/handler/login")

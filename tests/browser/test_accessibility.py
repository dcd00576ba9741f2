"""axe-core (WCAG 2.0-2.2 A and AA rules) on every page, at desktop and phone width, with
no serious or critical violations. Pages are scanned in use: mid-conversation, with
answers as buttons, services, errors and dialogs on screen.
"""
import pytest
from playwright.sync_api import Page, expect

from .helpers import DESKTOP, FIRST_REPLY_MS, PHONE, no_horizontal_scroll, run_axe, save_screenshot

VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])


def check(page: Page) -> None:
    violations = run_axe(page)
    assert violations == [], "\n".join(f"{v['impact']}: {v['id']} ({v['help']}) at {v['nodes']}" for v in violations)
    assert no_horizontal_scroll(page)


def send(page: Page, text: str) -> None:
    replies = page.locator(".signpost__msg--bot:not(.signpost__msg--pending)")
    before = replies.count()
    page.locator("#signpost-input").fill(text)
    page.locator("#signpost-input").press("Enter")
    expect(replies).to_have_count(before + 1, timeout=FIRST_REPLY_MS)


@VIEWPORTS
def test_resident_page(make_context, viewport):
    page = make_context(viewport=viewport).new_page()
    page.goto("/")
    expect(page.locator("#signpost-input")).to_be_visible()
    fonts = page.evaluate("document.fonts.ready.then(() => [...document.fonts].filter(f => f.status === 'loaded')"
                          ".map(f => f.family))")
    # GDS Transport is licensed for GOV.UK only: a council page must not use it.
    assert not any("GDS Transport" in family for family in fonts), fonts
    assert page.evaluate("getComputedStyle(document.querySelector('#signpost-input')).fontFamily").startswith("arial")
    check(page)
    send(page, "I feel so lonely since my wife died")
    send(page, "Dereham")
    check(page)
    if viewport == PHONE:
        page.evaluate("window.scrollTo(0, document.querySelectorAll('.signpost__msg--user')[1]"
                      ".getBoundingClientRect().top + scrollY - 60)")
        save_screenshot(page, "resident-phone")
    page.locator("#signpost-input").fill("")
    page.locator("#signpost-input").press("Enter")  # the error state
    expect(page.locator("#signpost-input-error")).to_be_visible()
    check(page)


@VIEWPORTS
def test_kiosk_page(make_context, viewport):
    page = make_context(viewport=viewport).new_page()
    page.goto("/kiosk")
    check(page)
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Feeling lonely or cut off").click(timeout=FIRST_REPLY_MS)
    page.get_by_role("button", name="I'd rather not say").click()
    expect(page.get_by_role("button", name="Print these details")).to_be_visible()
    check(page)
    expect(page.get_by_role("dialog", name="Are you still there?")).to_be_visible(timeout=10_000)
    check(page)


@VIEWPORTS
def test_sign_in_page(make_context, viewport, web_server):
    page = make_context(viewport=viewport).new_page()
    page.goto("/handler/login")
    check(page)
    page.locator("#username").fill("someone")
    page.locator("#password").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check(page)


@VIEWPORTS
def test_handler_console(make_context, viewport, web_server):
    page = make_context(viewport=viewport).new_page()
    page.goto("/handler/login")
    page.locator("#username").fill(web_server.handler_credentials[0])
    page.locator("#password").fill(web_server.handler_credentials[1])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Call script")).to_be_visible()
    check(page)
    page.get_by_role("button", name="Start a new call").click()
    box = page.get_by_label("What the caller says")
    expect(page.get_by_role("button", name="Emergency")).to_be_visible(timeout=FIRST_REPLY_MS)
    box.fill("Her partner hits her and she is scared")
    box.press("Enter")
    page.get_by_role("button", name="Caller is safe to talk").click()
    expect(page.get_by_role("button", name="Caller won't say")).to_be_visible()
    box.fill("Thetford")
    box.press("Enter")
    expect(page.locator("#handler-notes")).to_be_visible()
    check(page)

"""The library kiosk at /kiosk: buttons for every step, idle warning and wipe, print view.

The web_server fixture shortens the kiosk timeouts to warn after 4 s and wipe after 7 s.
"""
from playwright.sync_api import Page, expect

from .helpers import FIRST_REPLY_MS, api_messages, assert_nothing_stored, end_requests, save_screenshot

KIOSK = {"width": 1280, "height": 1024}
CHOICES = "button.kiosk-choice"


def start(page: Page, path: str = "/kiosk") -> None:
    page.goto(path)
    page.get_by_role("button", name="Start").click()
    expect(page.locator(CHOICES).first).to_be_visible(timeout=FIRST_REPLY_MS)


def small_buttons(page: Page) -> list:
    return page.evaluate("""() => [...document.querySelectorAll('button')]
        .filter(b => b.offsetParent !== null)
        .map(b => ({text: b.textContent.trim(), w: b.getBoundingClientRect().width, h: b.getBoundingClientRect().height}))
        .filter(b => b.w < 44 || b.h < 44)""")


def test_kiosk_conversation_by_buttons_then_print_only_the_services(make_context):
    page = make_context(viewport=KIOSK).new_page()
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    sent = api_messages(page)
    page.goto("/kiosk")
    expect(page.get_by_role("heading", name="Find support")).to_be_visible()
    save_screenshot(page, "kiosk-start")

    start(page)
    page.get_by_role("button", name="Feeling lonely or cut off").click()
    page.get_by_role("button", name="I'd rather not say").click()
    print_button = page.get_by_role("button", name="Print these details")
    expect(print_button).to_be_visible()
    log = page.locator("#kiosk-log")
    expect(log).to_contain_text("Samaritans")
    expect(log).to_contain_text("0800 4 70 80 90")
    expect(page.locator(".kiosk-msg--user .kiosk-bubble")).to_have_text(["Feeling lonely or cut off", "I'd rather not say"])
    assert log.locator("a").count() == 0, "a kiosk cannot dial or browse: numbers are text, not links"
    assert small_buttons(page) == []
    assert all(m["metadata"] == {"mode": "kiosk"} for m in sent) and len(sent) == 3
    assert len({m["sender"] for m in sent}) == 1

    page.locator(".kiosk-bubble--card").first.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -130)")
    save_screenshot(page, "kiosk-conversation")

    print_button.click()
    page.wait_for_function("window.__printed === 1")
    page.emulate_media(media="print")
    printout = page.locator("#kiosk-print")
    expect(printout).to_be_visible()
    expect(page.locator("#kiosk-app")).to_be_hidden()
    text = printout.inner_text()
    for expected in ("Support you can contact", "Samaritans", "116 123", "The Silver Line", "0800 4 70 80 90",
                     "24 hours a day", "In an emergency call 999"):
        assert expected in text, (expected, text)
    for private in ("lonely", "rather not say", "Feeling"):
        assert private.lower() not in text.lower(), (private, text)
    page.emulate_media(media="screen")
    assert_nothing_stored(page, page.context)


def test_kiosk_sends_its_place_and_finds_services_there(make_context):
    page = make_context(viewport=KIOSK).new_page()
    sent = api_messages(page)
    start(page, "/kiosk?place=Thetford")
    page.get_by_role("button", name="Abuse by a partner or family member").click()
    page.get_by_role("button", name="Yes, I'm safe").click()
    expect(page.locator("#kiosk-log")).to_contain_text("near Thetford")
    expect(page.get_by_role("button", name="Print these details")).to_be_visible()
    assert sent[0]["metadata"] == {"mode": "kiosk", "place": "Thetford"}


def test_kiosk_warns_then_wipes_after_inactivity(make_context):
    page = make_context(viewport=KIOSK).new_page()
    sent = api_messages(page)
    ends = end_requests(page)
    start(page)
    page.get_by_role("button", name="Money and debt").click()
    expect(page.locator(".kiosk-msg--user .kiosk-bubble")).to_have_text(["Money and debt"])

    dialog = page.get_by_role("dialog", name="Are you still there?")
    expect(dialog).to_be_visible(timeout=10_000)
    still_here = dialog.get_by_role("button", name="I'm still here")
    expect(still_here).to_be_focused()
    still_here.click()
    expect(dialog).to_be_hidden()
    expect(page.locator(".kiosk-msg--user")).to_have_count(1)  # nothing lost

    expect(dialog).to_be_visible(timeout=10_000)  # warned again, then wiped at 7 s
    expect(page.locator("#kiosk-start")).to_be_visible(timeout=10_000)
    expect(dialog).to_be_hidden()
    expect(page.locator("#kiosk-chat")).to_be_hidden()
    expect(page.locator("#kiosk-log > li")).to_have_count(0)
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    assert len(ends) == 1 and sent[0]["sender"] in ends[0]

    start(page)  # a new conversation with a new id
    assert sent[-1]["sender"] != sent[0]["sender"]
    assert_nothing_stored(page, page.context)


def test_clear_screen_button_wipes_at_once(make_context):
    page = make_context(viewport=KIOSK).new_page()
    ends = end_requests(page)
    start(page)
    page.get_by_role("button", name="Clear screen").click()
    expect(page.locator("#kiosk-start")).to_be_visible()
    expect(page.locator("#kiosk-log > li")).to_have_count(0)
    page.wait_for_timeout(100)
    assert len(ends) == 1

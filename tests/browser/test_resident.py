"""The resident chat at / (the demo "Anytown Council" page with the widget embedded)."""
import json
import re
import time

import pytest
from playwright.sync_api import Page, expect

from .helpers import (
    DESKTOP, EXIT_URL, FIRST_REPLY_MS, PHONE, api_messages, assert_nothing_stored, end_requests, focus_is_visible,
    no_horizontal_scroll, save_screenshot, tab_until, tracker,
)

INPUT = "#signpost-input"
BOT_REPLIES = ".signpost__msg--bot:not(.signpost__msg--pending)"
USER_MESSAGES = ".signpost__msg--user"
CHOICES = "button.signpost__choice"
EMERGENCY = ".signpost__emergency"


def open_chat(page: Page) -> None:
    page.goto("/")
    expect(page.locator(INPUT)).to_be_visible()


def send(page: Page, text: str, timeout: float = None) -> None:
    replies = page.locator(BOT_REPLIES)
    before = replies.count()
    box = page.locator(INPUT)
    box.fill(text)
    box.press("Enter")
    expect(replies).to_have_count(before + 1, timeout=timeout or FIRST_REPLY_MS)


def fake_api(page: Page, body: dict, status: int = 200) -> None:
    page.route("**/api/message", lambda route: route.fulfill(
        status=status, content_type="application/json", body=json.dumps(body)))


def test_loneliness_conversation_gives_local_services_with_phone_links(page):
    sent = api_messages(page)
    open_chat(page)
    send(page, "I feel so lonely since my wife died")
    reply = page.locator(BOT_REPLIES).last
    expect(reply).to_contain_text("The Silver Line")
    expect(reply).to_contain_text("Which town, area or postcode")
    expect(reply.locator("a[href='tel:08004708090']")).to_have_text("0800 4 70 80 90")
    expect(reply.locator("a[href='tel:116123']")).to_have_text("116 123")
    expect(reply.get_by_role("button", name="I'd rather not say")).to_be_visible()
    # After typing, focus stays in the message box, which is cleared for the next message.
    expect(page.locator(INPUT)).to_be_focused()
    expect(page.locator(INPUT)).to_have_value("")

    send(page, "Dereham")
    reply = page.locator(BOT_REPLIES).last
    expect(reply).to_contain_text("Here is support for you near Dereham")
    expect(reply.get_by_role("heading", name="The Silver Social")).to_be_visible()
    expect(reply.locator("a[href='tel:08004708090']").first).to_be_visible()
    website = reply.locator("a[href='https://thesilversocial.com']")
    expect(website).to_have_attribute("rel", "noopener noreferrer")
    expect(website).to_contain_text("(opens in new tab)")
    expect(reply.get_by_role("button", name="More options")).to_be_visible()
    expect(page.locator(USER_MESSAGES)).to_have_text([re.compile("I feel so lonely since my wife died"),
                                                      re.compile("Dereham")])

    assert [m["metadata"] for m in sent] == [{"mode": "web"}, {"mode": "web"}]
    assert len({m["sender"] for m in sent}) == 1 and re.fullmatch(r"[0-9a-f]{32}", sent[0]["sender"])
    assert_nothing_stored(page, page.context)

    page.set_viewport_size({"width": 1280, "height": 1250})
    page.evaluate("window.scrollTo(0, document.querySelector('#signpost').getBoundingClientRect().top + scrollY - 70)")
    save_screenshot(page, "resident-chat")


def test_widget_embeds_with_one_script_tag_and_its_data_attributes(page, web_server):
    """A council's own page: one <script> tag, its name, colours and its own neutral exit page."""
    exit_url = f"{web_server.url}/healthz"
    host_page = f"""<!DOCTYPE html><html lang="en"><head><title>Testshire Council</title></head><body>
        <h1>Testshire Council</h1><div id="chat-here"></div><p>Footer</p>
        <script src="{web_server.url}/widget.js" data-council="Testshire Council" data-target="#chat-here"
                data-exit-url="{exit_url}" data-colour-primary="#4c2c92" data-colour-button="#005ea5"></script>
        </body></html>"""
    page.route(f"{web_server.url}/testshire", lambda route: route.fulfill(content_type="text/html", body=host_page))
    ends = end_requests(page)
    page.goto("/testshire")
    widget = page.locator("#chat-here > #signpost")
    expect(widget).to_contain_text("An automated helper from Testshire Council")
    assert page.evaluate("getComputedStyle(document.querySelector('.signpost__header')).backgroundColor") == \
        "rgb(76, 44, 146)"
    assert page.evaluate("getComputedStyle(document.querySelector('.signpost__send')).backgroundColor") == \
        "rgb(0, 94, 165)"
    expect(page.locator("link[href$='/assets/govuk/govuk-frontend.min.css']")).to_have_count(1)
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url(exit_url)
    assert len(ends) == 1
    page.go_back()
    assert not page.url.endswith("/testshire")


def test_keyboard_only_conversation_with_visible_focus(page):
    open_chat(page)
    tab_until(page, "el.id === 'signpost-input'")
    assert focus_is_visible(page), "the message box shows no focus style"
    page.keyboard.type("I feel so lonely since my wife died")
    page.keyboard.press("Enter")
    choice = page.locator(CHOICES, has_text="I'd rather not say")
    expect(choice).to_be_visible(timeout=FIRST_REPLY_MS)
    expect(page.locator(INPUT)).to_be_focused()  # focus is not taken away after typing

    # The answers sit just before the message box: Shift+Tab reaches them.
    tab_until(page, "el.classList.contains('signpost__choice')", backwards=True)
    expect(choice).to_be_focused()
    assert focus_is_visible(page), "the answer button shows no focus style"
    page.keyboard.press("Enter")

    expect(page.locator(USER_MESSAGES).last).to_contain_text("I'd rather not say")
    reply = page.locator(BOT_REPLIES).last
    expect(reply).to_contain_text("anywhere in England")
    # They answered with a button, so focus moves to the first of the new answers.
    expect(page.get_by_role("button", name="More options")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="A different worry")).to_be_focused()
    assert focus_is_visible(page)


def test_focus_is_not_moved_if_they_went_elsewhere_while_waiting(page):
    page.add_init_script("""(() => {
        const realFetch = window.fetch;
        window.fetch = (url, options) => String(url).endsWith('/api/message')
            ? new Promise(resolve => setTimeout(resolve, 700)).then(() => realFetch(url, options))
            : realFetch(url, options);
    })()""")
    fake_api(page, {"messages": [{"text": "Are you safe right now?",
                                  "buttons": [{"title": "Yes", "payload": "/affirm"},
                                              {"title": "No", "payload": "/deny"}]}]})
    open_chat(page)
    send(page, "hello")
    page.get_by_role("button", name="Yes").click()
    summary = page.locator("summary", has_text="How to clear your history")
    summary.focus()
    expect(page.locator(BOT_REPLIES)).to_have_count(3)
    expect(summary).to_be_focused()


def test_quick_exit_button_replaces_page_ends_conversation_and_leaves_nothing(make_context, rasa_server, rasa_token):
    context = make_context()
    page = context.new_page()
    sent = api_messages(page)
    ends = end_requests(page)
    open_chat(page)
    send(page, "My partner hits me")
    sender = sent[0]["sender"]
    assert tracker(rasa_server.url, rasa_token, sender)["slots"]["concern"] == "concern_domestic_abuse"

    # A same-page link must not leave a history entry that Back could return to.
    skip = page.locator("a.govuk-skip-link[href='#main-content']")
    skip.focus()
    page.keyboard.press("Enter")
    assert page.url.endswith("/")

    exit_button = page.get_by_role("button", name="Emergency Exit this page")
    expect(exit_button).to_be_visible()
    exit_button.click()
    page.wait_for_url(f"{EXIT_URL}**")
    expect(page.get_by_role("heading", name="Weather forecast")).to_be_visible()

    assert any(json.loads(body) == {"sender": sender} for body in ends), ends
    page.go_back()
    assert "127.0.0.1" not in page.url, f"Back returned to {page.url}"

    # The server restarted the conversation: the concern and what they said are gone.
    state = wait_for_restart(rasa_server, rasa_token, sender)
    assert state["slots"]["concern"] is None
    assert not [e for e in state["events"] if e.get("event") == "user" and "hits me" in (e.get("text") or "")]

    # Nothing in this tab's or the browser's storage for the chat's origin.
    page.goto("/healthz")
    assert_nothing_stored(page, context)


def test_quick_exit_with_shift_three_times(page):
    ends = end_requests(page)
    sent = api_messages(page)
    open_chat(page)
    send(page, "I'm worried about money")
    page.locator(INPUT).focus()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(f"{EXIT_URL}**")
    assert any(json.loads(body) == {"sender": sent[0]["sender"]} for body in ends), ends
    page.go_back()
    assert "127.0.0.1" not in page.url
    page.goto("/healthz")
    assert_nothing_stored(page, page.context)


def test_quick_exit_tells_once_what_it_cannot_hide(page):
    open_chat(page)
    note = page.locator(".signpost__exit-note")
    expect(note).to_have_count(1)
    expect(note).to_contain_text("Shift key 3 times")
    expect(note).to_contain_text("cannot clear your browser history")
    expect(note).to_contain_text("call log")
    note.get_by_text("How to clear your history").click()
    expect(note).to_contain_text("private or incognito window")
    assert page.get_by_text("cannot clear your browser history").count() == 1


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_exit_button_stays_on_screen_and_on_top(make_context, viewport):
    page = make_context(viewport=viewport).new_page()
    open_chat(page)
    # A cookie banner fixed to the top with a very high z-index must not cover it.
    page.evaluate("""() => {
        const banner = document.createElement('div');
        banner.id = 'test-banner';
        banner.textContent = 'We use cookies';
        banner.style.cssText = 'position:fixed;top:0;left:0;right:0;height:120px;background:#333;color:#fff;z-index:2147483000';
        document.body.appendChild(banner);
        window.scrollTo(0, document.body.scrollHeight);
    }""")
    page.wait_for_function("window.scrollY > 0")
    on_top = page.evaluate("""() => {
        const button = document.querySelector('.govuk-exit-this-page__button');
        const r = button.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {inView: r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0, onTop: button.contains(hit)};
    }""")
    assert on_top == {"inView": True, "onTop": True}


@pytest.mark.parametrize("failure", ["unreachable", "503"])
def test_server_unreachable_shows_emergency_numbers(page, failure):
    if failure == "unreachable":
        page.route("**/api/message", lambda route: route.abort("connectionrefused"))
    else:
        fake_api(page, {"error": "The assistant is not available right now.", "messages": []}, status=503)
    open_chat(page)
    box = page.locator(INPUT)
    box.fill("Is anyone there?")
    box.press("Enter")
    panel = page.locator(EMERGENCY)
    expect(panel).to_be_visible()
    expect(panel.locator("a[href='tel:999']").first).to_have_text("999")
    expect(panel.locator("a[href='tel:116123']")).to_have_text("116 123")
    expect(panel.locator("a[href='tel:111']")).to_have_text("111")
    expect(page.locator(".signpost__msg--pending")).to_have_count(0)  # no spinner left behind
    expect(box).to_have_value("Is anyone there?")  # not sent, so not lost


def test_bot_text_is_never_html(page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    fake_api(page, {"messages": [
        {"recipient_id": "x", "text": "<img src=x onerror=alert(1)>"},
        {"recipient_id": "x", "text": "Call <b>0808 2000 247</b> or see <a href='javascript:alert(2)'>this</a>",
         "buttons": [{"title": "<script>alert(3)</script>", "payload": "/affirm"}]},
    ]})
    open_chat(page)
    send(page, "hello")
    reply = page.locator(BOT_REPLIES).last
    expect(reply).to_contain_text("<img src=x onerror=alert(1)>")
    expect(reply.get_by_role("button", name="<script>alert(3)</script>")).to_be_visible()
    assert reply.locator("img, script, b, a[href^='javascript']").count() == 0
    expect(reply.locator("a[href='tel:08082000247']")).to_have_text("0808 2000 247")
    page.wait_for_timeout(300)  # give any injected handler the chance to run
    assert dialogs == []


def test_empty_long_and_too_fast_messages_get_clear_errors(page):
    sent = api_messages(page)
    open_chat(page)
    box = page.locator(INPUT)
    error = page.locator("#signpost-input-error")

    box.fill("   ")
    box.press("Enter")
    expect(error).to_have_text("Error: Type a message before you send it.")
    assert sent == []

    long_text = "I need help. " * 80  # over 1,000 characters
    box.fill(long_text)
    box.press("Enter")
    expect(error).to_contain_text("That message is too long. Please keep it under 1000 characters.")
    expect(box).to_have_value(long_text)
    expect(box).to_have_attribute("aria-describedby", re.compile("signpost-input-error"))
    expect(page.locator(USER_MESSAGES)).to_have_count(0)

    message = "Server says: slow down a little and try again in a few seconds. If you are in danger, call 999."
    fake_api(page, {"error": message}, status=429)
    box.fill("hello again")
    box.press("Enter")
    expect(error).to_contain_text(message)
    expect(box).to_have_value("hello again")


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 640}, {"width": 390, "height": 844},
                                      {"width": 640, "height": 450}], ids=["320px", "390px", "zoom-200pc"])
def test_fits_phone_widths_and_200_percent_zoom(make_context, viewport):
    page = make_context(viewport=viewport).new_page()
    fake_api(page, {"messages": [
        {"text": "National Domestic Abuse Helpline\nFree, confidential support, day and night.\n"
                 "Phone: 0808 2000 247\nWebsite: https://nationaldahelpline.org.uk/a-very-long-path/that-goes-on"},
        {"text": "What would help now?", "buttons": [{"title": "What if things get worse?", "payload": "/x"},
                                                     {"title": "That's all, thanks", "payload": "/goodbye"}]},
    ]})
    open_chat(page)
    send(page, "help")
    assert no_horizontal_scroll(page), page.evaluate("document.documentElement.scrollWidth")
    for selector in (INPUT, ".signpost__send", CHOICES):
        box = page.locator(selector).first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (selector, box)
        assert box["height"] >= 44, (selector, box)  # a comfortable touch target


def wait_for_restart(rasa_server, rasa_token, sender: str) -> dict:
    deadline = time.monotonic() + 10
    state = tracker(rasa_server.url, rasa_token, sender)
    while state["slots"]["concern"] is not None and time.monotonic() < deadline:
        time.sleep(0.2)
        state = tracker(rasa_server.url, rasa_token, sender)
    return state


def test_leaving_the_page_ends_the_conversation(page, rasa_server, rasa_token):
    # Playwright does not report a beacon sent while a page unloads, so check the server.
    sent = api_messages(page)
    open_chat(page)
    send(page, "My partner hits me")
    sender = sent[0]["sender"]
    assert tracker(rasa_server.url, rasa_token, sender)["slots"]["concern"] == "concern_domestic_abuse"
    page.goto("/healthz")
    assert wait_for_restart(rasa_server, rasa_token, sender)["slots"]["concern"] is None

"""Helpers and constants shared by the browser tests."""
import json
from pathlib import Path
from typing import List

import requests
from playwright.sync_api import BrowserContext, Page, expect

PROJECT_ROOT = Path(__file__).resolve().parents[2]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
EXIT_URL = "https://www.bbc.co.uk/weather"
NEUTRAL_PAGE = "<!DOCTYPE html><html lang='en'><title>Weather</title><h1>Weather forecast</h1></html>"
AXE_JS = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"
FIRST_REPLY_MS = 60_000  # the first reply of a session can be slow while Rasa warms up
REPLY_MS = 30_000
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}

expect.set_options(timeout=REPLY_MS)


def api_messages(page: Page) -> List[dict]:
    """Records the JSON body of every POST /api/message the page sends."""
    sent: List[dict] = []
    page.on("request", lambda request: sent.append(json.loads(request.post_data))
            if request.url.endswith("/api/message") and request.method == "POST" else None)
    return sent


def end_requests(page: Page) -> List[str]:
    """Records the body of every POST /api/end (sendBeacon or fetch) the page sends."""
    sent: List[str] = []
    page.on("request", lambda request: sent.append(request.post_data or "")
            if request.url.endswith("/api/end") else None)
    return sent


def tracker(rasa_url: str, token: str, sender: str) -> dict:
    response = requests.get(f"{rasa_url}/conversations/{sender}/tracker", params={"token": token}, timeout=10)
    response.raise_for_status()
    return response.json()


def stored_state(page: Page) -> dict:
    """Everything this origin keeps in the browser, as seen from the page."""
    return page.evaluate("""async () => {
        const local = {}, session = {};
        for (let i = 0; i < localStorage.length; i++) local[localStorage.key(i)] = localStorage.getItem(localStorage.key(i));
        for (let i = 0; i < sessionStorage.length; i++) session[sessionStorage.key(i)] = sessionStorage.getItem(sessionStorage.key(i));
        const databases = indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [];
        const cacheNames = self.caches ? await caches.keys() : [];
        return {local, session, cookie: document.cookie, databases, cacheNames};
    }""")


def assert_nothing_stored(page: Page, context: BrowserContext) -> None:
    state = stored_state(page)
    assert state == {"local": {}, "session": {}, "cookie": "", "databases": [], "cacheNames": []}, state
    assert context.cookies() == [], context.cookies()


def focus_is_visible(page: Page) -> bool:
    """GOV.UK focus style: a yellow (#ffdd00) background, outline or box-shadow."""
    return page.evaluate("""() => {
        const el = document.activeElement;
        if (!el || el === document.body) return false;
        const s = getComputedStyle(el);
        const yellow = 'rgb(255, 221, 0)';
        return s.backgroundColor === yellow || s.outlineColor === yellow && s.outlineStyle !== 'none' &&
            parseFloat(s.outlineWidth) >= 2 || s.boxShadow.includes(yellow) || s.borderColor === yellow;
    }""")


def tab_until(page: Page, predicate_js: str, backwards: bool = False, limit: int = 40) -> None:
    """Presses Tab (or Shift+Tab) until the focused element matches predicate_js(el)."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"{key} never reached an element where {predicate_js}")


def run_axe(page: Page) -> list:
    """Serious and critical WCAG 2.x A/AA violations on the page."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the pages' CSP (rightly) refuses an
        # injected <script>, and the test must not weaken it.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    results = page.evaluate("""async () => await axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
        resultTypes: ['violations']})""")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"] if v["impact"] in ("serious", "critical")
    ]


def no_horizontal_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def save_screenshot(page: Page, name: str, full_page: bool = False) -> Path:
    """Saves docs/screenshots/<name>.png, made smaller (fewer colours) if over 300 KB."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled", caret="initial")
    if path.stat().st_size > 290_000:
        try:
            from PIL import Image
        except ImportError:  # pragma: no cover - Pillow comes with the venv
            return path
        with Image.open(path) as image:
            image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    assert path.stat().st_size < 300_000, f"{path} is {path.stat().st_size} bytes"
    return path

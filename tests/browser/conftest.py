"""Browser fixtures: Debian's chromium driven by Playwright (sync API), never a downloaded
browser. Every page is checked for JavaScript errors and for files that fail to load
(a 404 on a font, image or script fails the test that saw it).

Pages only ever talk to the test web server; anything else on the network is blocked,
except the quick-exit site (https://www.bbc.co.uk/weather by default), which is answered
locally with a tiny neutral page.
"""
import re
from typing import Callable, List, Optional

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from .helpers import CHROMIUM_ARGS, DESKTOP, EXIT_URL, NEUTRAL_PAGE, REPLY_MS


@pytest.fixture(scope="session")
def playwright_instance() -> Playwright:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance, chromium_path) -> Browser:
    browser = playwright_instance.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class PageProblems:
    """JavaScript errors and failed loads seen by a page."""

    def __init__(self):
        self.errors: List[str] = []
        self.failed_loads: List[str] = []

    def watch(self, page: Page) -> None:
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("response", self._response)

    def _response(self, response) -> None:
        # API errors (400/413/429/503) are part of what the tests check; files must load.
        if response.status >= 400 and response.request.method == "GET":
            self.failed_loads.append(f"{response.status} {response.url}")


@pytest.fixture
def make_context(browser, web_server) -> Callable[..., BrowserContext]:
    contexts: List[BrowserContext] = []
    problems = PageProblems()

    def make(viewport: Optional[dict] = None, **options) -> BrowserContext:
        context = browser.new_context(viewport=viewport or DESKTOP, base_url=web_server.url, **options)
        context.set_default_timeout(REPLY_MS)
        # Registered first, so it runs last: anything not answered below is blocked.
        context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
        context.route(f"{EXIT_URL}**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                                   body=NEUTRAL_PAGE))
        context.on("page", problems.watch)
        contexts.append(context)
        return context

    make.problems = problems
    yield make
    for context in contexts:
        context.close()
    assert not problems.errors, f"JavaScript errors: {problems.errors}"
    assert not problems.failed_loads, f"Files that did not load: {problems.failed_loads}"


@pytest.fixture
def page(make_context) -> Page:
    return make_context().new_page()

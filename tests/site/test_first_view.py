"""The first view of a page on a slow connection, in Chromium over gzip as web hosts serve it: what it
fetches, and that the search index waits until the learner opens search."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.site.sitekit import chromium, example_site, serve_folder

pytestmark = pytest.mark.browser

FIRST_VIEW_LIMIT = 150_000
"""Bytes a method page may transfer before the learner does anything, its video aside."""


@pytest.fixture(scope="module")
def site_url() -> Iterator[str]:
    with serve_folder(example_site(), compressed=True) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as browser:
        yield browser


def first_view(browser: Any, url: str) -> tuple[Any, list[tuple[str, int]]]:
    """A phone's first visit to `url`: the page, and each response's URL and bytes on the wire."""
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="nb-NO")
    page = context.new_page()
    fetched: list[Any] = []
    page.on("requestfinished", lambda request: fetched.append(request))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1000)  # anything a script asks for after the load
    return page, [(request.url, request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"])
                  for request in fetched]


def test_a_method_page_shows_under_150_kb_without_the_search_index(browser: Any, site_url: str) -> None:
    page, fetched = first_view(browser, site_url + "metoder/observasjon/")
    assert not [url for url, _ in fetched if "search_index" in url]
    size = sum(bytes_ for url, bytes_ in fetched if not url.endswith((".mp4", ".webm")))
    assert size < FIRST_VIEW_LIMIT, sorted(fetched, key=lambda item: -item[1])[:8]
    page.context.close()


def test_opening_search_fetches_the_index_and_finds_a_method(browser: Any, site_url: str) -> None:
    page, fetched = first_view(browser, site_url)
    assert not [url for url, _ in fetched if "search_index" in url]
    with page.expect_request("**/search/search_index.json"):
        page.locator("label.md-header__button[for=__search]").click()  # the phone's search button
    page.keyboard.type("lytter")
    page.locator('.md-search-result__item > a[href*="metoder/utforskende-samtale/"]').first.wait_for(timeout=10_000)
    page.context.close()

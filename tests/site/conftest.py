"""Fixtures of the site tests: Chromium, one per test module, and a fresh page per test (the example
course built as `startpakke build` builds it is in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.site.sitekit import chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for a test module."""
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page, in a context of its own: no storage carried over from another test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO",
                                  accept_downloads=True)
    yield context.new_page()
    context.close()

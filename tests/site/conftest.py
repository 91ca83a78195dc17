"""Fixtures of the site tests: Chromium, one per test module, a fresh page per test, and the example
course built as `startpakke build` builds it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.site.sitekit import REPO, chromium, run


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


@pytest.fixture(scope="session")
def example_with_media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a copy of the example course project, built by `startpakke build`: videos, printable
    cards and pages, as learners get them."""
    root = tmp_path_factory.mktemp("example")
    for part in ("course", "media", "docs"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    code, output = run("build", cwd=root)
    assert code == 0, output
    assert "14 printable cards, the deck and 3 session plans." in output
    return root / "site"

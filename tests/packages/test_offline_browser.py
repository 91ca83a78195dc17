"""The offline copy in Chromium, opened from disk as a facilitator does: unzipped, `file://…/index.html`."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from startpakke.loading import load_course
from startpakke.packages.offline import offline_publication
from startpakke.project import Project
from tests.site.sitekit import REPO, chromium, run

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example course's zip, unpacked: the folder holding index.html."""
    folder = tmp_path_factory.mktemp("offline")
    code, output = run("package", "offline", "--out", str(folder / "kurs.zip"), cwd=REPO)
    assert code == 0, output
    with zipfile.ZipFile(folder / "kurs.zip") as archive:
        archive.extractall(folder / "unpacked")
    return folder / "unpacked" / "kurs"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO")
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def home(copy: Path) -> str:
    return (copy / "index.html").as_uri()


def test_neste_walks_the_whole_flow_from_disk_without_the_network(page, copy) -> None:
    outside: list[str] = []
    page.on("request", lambda request: None if request.url.startswith("file://") else outside.append(request.url))
    page.goto(home(copy))
    visited = [page.url]
    while True:
        page.locator("footer.md-footer").wait_for(state="attached")
        link = page.locator("a.md-footer__link--next")
        if link.count() == 0:
            break
        link.click()
        page.wait_for_load_state()
        visited.append(page.url)
    flow = offline_publication(load_course(Project(REPO)).course, Project(REPO)).site.flow
    assert visited == [(copy / source).with_suffix(".html").as_uri() for source in flow]
    assert outside == []
    assert page.errors == []


def test_the_menu_leads_to_a_page_not_a_folder_listing(page, copy) -> None:
    page.goto(home(copy))
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="Metodebank").first.click()
    page.wait_for_load_state()
    assert page.url == (copy / "metoder" / "index.html").as_uri()
    assert page.locator("h1").count() == 1
    assert page.errors == []


def test_search_finds_a_method_by_a_word_from_its_summary(page, copy) -> None:
    page.goto((copy / "metoder" / "index.html").as_uri())
    page.click("input.md-search__input")
    page.keyboard.type("lytter")  # from the summary of «Utforskende samtale»
    hit = page.locator('.md-search-result__item > a[href*="metoder/utforskende-samtale/index.html"]').first
    hit.wait_for(timeout=10_000)
    hit.click()
    page.wait_for_load_state()
    assert page.url.startswith((copy / "metoder" / "utforskende-samtale" / "index.html").as_uri())


def test_an_exercise_answered_stays_answered_after_a_reload(page, copy) -> None:
    page.goto((copy / "moduler" / "okt-1-forsta-utfordringen" / "oppgaver" / "index.html").as_uri())
    box = page.locator('.sp-exercise[data-sp-type="single_choice"]').first
    box.evaluate("element => element.closest('details') && (element.closest('details').open = true)")
    box.locator('input[data-sp-correct="true"]').first.check()
    box.locator(".sp-check").click()
    assert box.locator(".sp-feedback, .sp-result").first.inner_text() != ""
    page.reload()
    box = page.locator('.sp-exercise[data-sp-type="single_choice"]').first
    assert box.locator(".sp-result").inner_text() == "Du har løst denne oppgaven før."
    page.goto(home(copy))
    assert "Økt 1: Forstå utfordringen\n1 av 7 sider sett, 1 av" in page.locator("[data-sp-progress]").inner_text()
    assert page.errors == []

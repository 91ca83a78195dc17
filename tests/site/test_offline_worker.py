"""The course without network, as a learner on a bus has it: in Chromium, she opens the home page
online and chooses «Last ned kurset»; offline, pages she never opened render, search finds a method,
an exercise answered keeps its progress across a reload. After a rebuild with a changed card, once
online again, she gets the new page."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from startpakke.project import Project
from startpakke.site import publish
from tests.site.sitekit import chromium, copy_example, serve_folder

pytestmark = pytest.mark.browser

METHOD = "metoder/observasjon/"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_example(tmp_path)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as browser:
        yield browser


def until(page: Any, script: str, seconds: float = 60) -> None:
    """Wait until the script's promise resolves truthy (wait_for_function takes a promise for truthy)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script):
        assert time.monotonic() < deadline, script
        page.wait_for_timeout(100)


def heading(page: Any) -> str:
    return page.locator(".md-content h1").inner_text().removesuffix("¶")


def download(page: Any, videos: bool = False) -> None:
    box = page.locator("[data-sp-offline]")
    box.wait_for(state="visible")
    assert "MB" in box.inner_text()
    if videos:
        box.get_by_role("checkbox").check()
    box.get_by_role("button", name="Last ned kurset").click()
    page.wait_for_function("() => /lagret i denne nettleseren/.test(document.querySelector('[data-sp-offline]').innerText)",
                           timeout=60_000)
    assert page.evaluate("navigator.serviceWorker.controller !== null")


def test_a_learner_downloads_the_course_and_works_through_it_offline(browser, project, tmp_path) -> None:
    site = tmp_path / "site"
    with serve_folder(site) as url:
        publish.build_site(Project(project), site, site_url=url)
        context = browser.new_context(viewport={"width": 412, "height": 915}, locale="nb-NO")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url)
        download(page)

        context.set_offline(True)
        page.goto(url + METHOD)  # never opened
        assert heading(page) == "Observasjon"
        page.goto(url + "metoder/")
        page.locator("label.md-header__button[for=__search]").click()  # the phone's search button
        page.keyboard.type("lytter")
        hit = page.locator('.md-search-result__item > a[href*="metoder/utforskende-samtale/"]').first
        hit.wait_for(timeout=10_000)
        hit.click()  # instant navigation: the page is fetched, from the stored course
        page.wait_for_url(url + "metoder/utforskende-samtale/**")
        # The address changes before the new content is in: on a busy machine the heading comes later.
        page.wait_for_function("() => document.querySelector('.md-content h1')?.textContent.startsWith('Utforskende samtale')")
        assert heading(page) == "Utforskende samtale"

        page.goto(url + "moduler/okt-1-forsta-utfordringen/oppgaver/")
        box = page.locator('.sp-exercise[data-sp-type="single_choice"]').first
        box.evaluate("element => element.closest('details') && (element.closest('details').open = true)")
        box.locator('input[data-sp-correct="true"]').first.check()
        box.locator(".sp-check").click()
        page.reload()
        box = page.locator('.sp-exercise[data-sp-type="single_choice"]').first
        assert box.locator(".sp-result").inner_text() == "Du har løst denne oppgaven før."
        assert errors == []

        # A new build changes the card; back online, the learner gets the new page, whole.
        card = project / "course" / "methods" / "observasjon.yml"
        card.write_text(card.read_text(encoding="utf-8").replace("title: Observasjon", "title: Observasjon i praksis", 1),
                        encoding="utf-8")
        publish.build_site(Project(project), site, site_url=url)
        context.set_offline(False)
        page.goto(url)
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        until(page, "navigator.serviceWorker.getRegistration().then(r => Boolean(r.waiting))")
        page.close()  # the last page of the old build: the new worker takes over
        page = context.new_page()
        page.goto(url)
        until(page, "navigator.serviceWorker.getRegistration().then(r => !r.waiting && !r.installing)")
        page.goto(url + METHOD)
        assert heading(page) == "Observasjon i praksis"
        context.set_offline(True)
        page.goto(url + METHOD)
        assert heading(page) == "Observasjon i praksis"
        context.close()


def test_pages_a_learner_opened_open_again_without_network(browser, project, tmp_path) -> None:
    site = tmp_path / "site"
    with serve_folder(site) as url:
        publish.build_site(Project(project), site, site_url=url)
        context = browser.new_context(locale="nb-NO")
        page = context.new_page()
        page.goto(url)
        until(page, "navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller !== null)")
        page.goto(url + METHOD)  # opened once, without «Last ned kurset»
        context.set_offline(True)
        page.goto(url + METHOD)
        assert heading(page) == "Observasjon"
        assert page.locator("link[rel=stylesheet]").count() > 0 and page.evaluate(
            "getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        # Never opened, not downloaded: the page says so in the learner's language, not the browser's error.
        page.goto(url + "metoder/prototype/")
        assert page.locator("h1").inner_text() == "Denne siden er ikke lagret i denne nettleseren"
        assert "«Last ned kurset» på startsiden" in page.locator("main").inner_text()
        assert page.get_by_role("link", name="Til startsiden").evaluate("link => link.href") == url
        # In a translation's tree, in its language.
        page.goto(url + "se/metoder/prototype/")
        assert page.evaluate("document.documentElement.lang") == "se"
        assert page.locator("h1").inner_text() == "Dát siidu ii leat vurkejuvvon dán neahttalohkkái"
        assert "«Viečča kurssa»" in page.locator("main").inner_text()
        assert page.get_by_role("link", name="Álgosiidui").evaluate("link => link.href") == url + "se/"
        context.close()

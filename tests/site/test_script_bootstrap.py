"""The site's scripts start from one bootstrap (assets/startpakke/startpakke.js): they load in a fixed
order, and progress goes to whichever progress store the page installs, local storage by default."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.site.sitekit import REPO, open_section, serve_folder
from startpakke.loading import Project
from startpakke.site import publish

MODULE = "okt-1-forsta-utfordringen"
EXERCISES = f"moduler/{MODULE}/oppgaver/"
ORDER = ["course.js", "startpakke.js", "progress.js", "exercises.js", "library.js", "offline.js"]

# An in-memory store, as an LMS integration would install it before the site's scripts run.
MEMORY_STORE = """
window.startpakkeProgressStore = (function () {
  var data = null;
  return {
    load: function () { return data; },
    save: function (value) { data = JSON.parse(JSON.stringify(value)); },
    saved: function () { return data; }
  };
})();
"""

# The same, with state that arrives only when the test calls window.releaseProgress().
LATE_STORE = """
window.startpakkeProgressStore = (function () {
  var data = null;
  return {
    ready: new Promise(function (resolve) {
      window.releaseProgress = function () { data = %s; resolve(); };
    }),
    load: function () { return data; },
    save: function (value) { data = JSON.parse(JSON.stringify(value)); }
  };
})();
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The example site, built for the address it is served at, so instant navigation is on."""
    folder = tmp_path_factory.mktemp("bootstrap") / "site"
    with serve_folder(folder) as url:
        publish.build_site(Project(REPO), folder, site_url=url)
        yield folder, url


@pytest.fixture(scope="module")
def base_url(built: tuple[Path, str]) -> str:
    return built[1]


def course_data(site: Path) -> dict[str, Any]:
    text = (site / "assets" / "startpakke" / "course.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("window.startpakkeCourse = ").rstrip().removesuffix(";"))


def scripts(html: Path) -> list[str]:
    """The names of our scripts that the page links, in the order it links them."""
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    return [s["src"].rsplit("/", 1)[-1] for s in soup.select("script[src]") if "assets/startpakke/" in s["src"]]


def progress_text(page: Any) -> str:
    return page.locator("[data-sp-progress]").first.inner_text()


def answer_right(page: Any) -> str:
    """Choose the right answer of the first single choice exercise and check it; its id."""
    box = page.locator('.sp-exercise[data-sp-type="single_choice"]').first
    box.locator('input[data-sp-correct="true"]').first.check()
    box.locator(".sp-check").click()
    assert box.locator(".sp-result").inner_text() == "Riktig!"
    return box.get_attribute("data-sp-exercise")


def go_instantly(page: Any, base_url: str, link_text: str, path: str) -> None:
    """Follow a main menu link with Material's instant navigation: no reload, so the store stays."""
    page.evaluate("window.__same_document = true")
    page.locator(".md-sidebar--primary a.md-nav__link", has_text=link_text).first.click()
    page.wait_for_url(base_url + path)
    assert page.evaluate("window.__same_document === true"), "expected an instant (no reload) navigation"


def test_scripts_are_linked_in_the_documented_order(built: tuple[Path, str]) -> None:
    site = built[0]
    for html in (site / "index.html", site / EXERCISES / "index.html", site / "metoder" / "index.html"):
        assert scripts(html) == ORDER, html


def test_an_installed_store_gets_the_results_and_local_storage_stays_empty(page, base_url) -> None:
    page.add_init_script(MEMORY_STORE)
    page.goto(base_url + EXERCISES)
    exercise = answer_right(page)
    assert "gjort 1 av" in progress_text(page)
    reflection = page.locator('.sp-exercise[data-sp-type="reflection"]').first
    open_section(reflection)
    areas = reflection.locator("textarea")
    for i in range(areas.count()):
        areas.nth(i).fill("Biblioteket og idrettslaget")

    saved = page.evaluate("window.startpakkeProgressStore.saved()")
    assert saved["version"] == 1
    assert saved["visited"] == {EXERCISES: True}
    assert saved["exercises"][exercise] == {"done": True, "correct": True}
    assert saved["reflections"][reflection.get_attribute("data-sp-exercise")][0] == "Biblioteket og idrettslaget"

    # The home page reads its progress from the same store.
    go_instantly(page, base_url, "Start", "")
    page.wait_for_function("document.querySelector('[data-sp-progress]')?.innerText.includes('moduler fullført')")
    assert "Økt 1: Forstå utfordringen\n1 av 7 sider sett, 2 av" in progress_text(page)
    assert page.evaluate("window.startpakkeProgressStore.saved().visited") == {EXERCISES: True, "": True}
    assert page.evaluate("Object.keys(localStorage)") == []


def test_a_store_that_must_fetch_first_holds_every_script_until_it_is_ready(page, built) -> None:
    site, base_url = built
    course = course_data(site)
    module = next(m for m in course["modules"] if m["slug"] == MODULE)
    done = {"version": 1, "visited": {p: True for p in module["pages"]},
            "exercises": {e: {"done": True, "correct": True} for e in module["exercises"]}, "reflections": {}}
    page.add_init_script(LATE_STORE % json.dumps(done))
    page.goto(base_url + EXERCISES)
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise(resolve => setTimeout(resolve, 300))")
    assert progress_text(page) == ""
    assert not page.locator(".sp-exercise .sp-check").first.is_visible()
    assert page.locator(".sp-seen, .sp-done").count() == 0

    page.evaluate("window.releaseProgress()")
    page.wait_for_function("document.querySelector('[data-sp-progress]')?.innerText.length > 0")
    assert progress_text(page) == "Du har fullført denne modulen."
    box = page.locator('.sp-exercise[data-sp-type="single_choice"]').first
    assert box.locator(".sp-result").inner_text() == "Du har løst denne oppgaven før."

    # Once ready, a page reached by instant navigation shows its progress at once.
    go_instantly(page, base_url, "Start", "")
    page.wait_for_function("document.querySelector('[data-sp-progress]')?.innerText.includes('moduler fullført')")
    assert "1 av 5 moduler fullført" in progress_text(page)
    assert "Økt 1: Forstå utfordringen\nfullført" in progress_text(page)
    assert page.evaluate("Object.keys(localStorage)") == []


def test_without_storage_progress_is_kept_in_memory_for_the_page(page, base_url) -> None:
    # As in a browser that refuses storage to the site: every use of localStorage throws.
    page.add_init_script("""Object.defineProperty(window, "localStorage", {
        get: function () { throw new DOMException("The operation is insecure.", "SecurityError"); } });""")
    page.goto(base_url + EXERCISES)
    answer_right(page)
    assert "Du har sett 1 av 7 sider og gjort 1 av" in progress_text(page)
    go_instantly(page, base_url, "Start", "")
    page.wait_for_function("document.querySelector('[data-sp-progress]')?.innerText.includes('moduler fullført')")
    assert "Økt 1: Forstå utfordringen\n1 av 7 sider sett, 1 av" in progress_text(page)


def test_each_element_is_set_up_once_however_often_the_page_is_shown(page, base_url) -> None:
    page.goto(base_url + "metoder/")
    go_instantly(page, base_url, "Start", "")
    go_instantly(page, base_url, "Metodebank", "metoder/")
    page.locator(".sp-filter form").wait_for()  # shown once library.js has set it up
    # A second mount of the same name finds the filter set up already; a hook added late runs at once.
    calls = page.evaluate("""() => {
        let calls = 0, hooks = 0;
        Startpakke.mount("filter", () => { calls += 1; });
        Startpakke.onPage(() => { hooks += 1; });
        return [calls, hooks];
    }""")
    assert calls == [0, 1]


def test_the_scripts_start_from_a_file_too(page, built) -> None:
    site = built[0]
    page.goto((site / EXERCISES / "index.html").as_uri())
    answer_right(page)
    assert "gjort 1 av" in progress_text(page)
    page.goto((site / "metoder" / "index.html").as_uri())
    page.locator(".sp-filter form").wait_for()  # shown once library.js has set it up


def test_learners_keep_what_the_browser_kept_before(page, built) -> None:
    site, base_url = built
    course = course_data(site)
    module = next(m for m in course["modules"] if m["slug"] == MODULE)
    kept = {"version": 1, "visited": {module["pages"][0]: True},
            "exercises": {module["exercises"][0]: {"done": True, "correct": True}}, "reflections": {}}
    page.goto(base_url)
    # As progress.js and player.js wrote them before the bootstrap: JSON, and a plain string.
    page.evaluate("""([key, value]) => {
        localStorage.setItem(key, JSON.stringify(value));
        localStorage.setItem("startpakke.videoQuality", "low");
    }""", ["startpakke:" + course["id"], kept])
    page.reload()
    assert "Økt 1: Forstå utfordringen\n1 av 7 sider sett, 1 av" in progress_text(page)
    assert page.evaluate("Startpakke.storage.get('startpakke.videoQuality')") == "low"
    page.evaluate("Startpakke.storage.set('startpakke.videoQuality', 'high')")
    assert page.evaluate("localStorage.getItem('startpakke.videoQuality')") == '"high"'

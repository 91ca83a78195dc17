"""The editor in Chromium, as a librarian uses it: /admin/ of `startpakke serve`, log in to the local
backend, add a method through the form, save; the file is there, `check` passes and the site shows it.
A save that breaks a rule shows our message in the form and leaves the file as it was."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from startpakke.slugs import slugify
from tests.site.sitekit import chromium, make_project
from tests.site.test_site_serve import fetch, free_port, wait_for

TITLE = "Lyttevandring på Ærøy og i Čáhcesullo"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DECAPS_OWN = {"aria-command-name", "aria-input-field-name", "aria-required-attr", "button-name", "color-contrast"}
"""What axe finds on /admin/ in Decap's own markup, none of it ours (the README lists it)."""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("editor")
    make_project(root, methods=3)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "startpakke", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(iter(server.stderr.readline, "")), daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(f"{base}/admin/config.yml")[0] == 200, "the first build")
        yield root, base
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser: Any, served: tuple[Path, str]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO")
    page = context.new_page()
    page.outside = []
    page.on("request", lambda r: page.outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1:", "data:", "blob:")) else None)
    _, base = served
    page.goto(f"{base}/admin/")
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_text("Samlinger").wait_for()
    yield page
    assert page.outside == [], "every request stays on 127.0.0.1"
    context.close()


def publish(page: Any) -> None:
    page.get_by_role("button", name="Publiser").first.click()
    page.get_by_text("Publiser nå").click()


def test_a_method_made_in_the_form_is_saved_checked_and_published(page: Any, served: tuple[Path, str]) -> None:
    root, base = served
    page.goto(f"{base}/admin/#/collections/methods/new")
    page.locator('[id^="title-field"]').first.fill(TITLE)
    page.locator('[id^="summary-field"]').first.fill("Gå en tur og lytt til stedet sammen.")
    page.locator('[id^="phase-field"]').first.click()
    page.keyboard.press("Enter")  # the first phase of the course
    editors = page.locator('[data-slate-editor="true"]')
    editors.nth(0).click()
    page.keyboard.type("Deltakerne hører hva stedet forteller.")
    editors.nth(1).click()
    page.keyboard.type("Når dere vil bli kjent med et sted.")
    for index, (low, high) in enumerate([("20", "40"), ("3", "12")]):
        page.locator('[id^="min-field"]').nth(index).fill(low)
        page.locator('[id^="max-field"]').nth(index).fill(high)
    page.get_by_role("button", name="Legg til steg").first.click()
    page.locator('[id^="title-field"]').nth(1).fill("Gå og lytt")
    page.locator('[id^="minutes-field"]').first.fill("20")
    editors.nth(3).click()
    page.keyboard.type("Gå stille gjennom området og noter ")
    page.keyboard.press("Control+i")  # italic, as a librarian would do it: no Markdown typed
    page.keyboard.type("lydene")
    page.keyboard.press("Control+i")
    page.keyboard.type(".")
    editors.nth(4).click()  # online: not suited, because
    page.keyboard.type("Stedet må oppleves med egne ører.")
    publish(page)
    slug = slugify(TITLE)  # the file name follows the design's slugs, Norwegian and Sami letters too
    assert slug == "lyttevandring-pa-aeroy-og-i-cahcesullo"
    page.wait_for_url(f"**/entries/{slug}")

    card = root / "course" / "methods" / f"{slug}.yml"
    data = yaml.safe_load(card.read_text("utf-8"))
    assert data["title"] == TITLE and data["phase"] == "forsta"
    assert data["steps"] in ([{"title": "Gå og lytt", "minutes": 20,
                               "text": f"Gå stille gjennom området og noter {mark}lydene{mark}."}] for mark in "*_")
    assert data["digital_variant"] == {"not_suited": "Stedet må oppleves med egne ører."}
    check = subprocess.run([sys.executable, "-m", "startpakke", "check"], cwd=root, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    wait_for(lambda: "Lyttevandring" in fetch(f"{base}/metoder/{slug}/")[1], "the site after the save")


def test_a_save_that_breaks_a_rule_shows_our_message_and_changes_no_file(page: Any, served: tuple[Path, str]) -> None:
    root, base = served
    card = root / "course" / "methods" / "metode-2.yml"
    before = card.read_bytes()
    page.goto(f"{base}/admin/#/collections/methods/entries/metode-2")
    low = page.locator('[id^="min-field"]').first
    low.fill("500")  # more minutes than its maximum
    publish(page)
    message = page.get_by_text("Ikke lagret")
    message.wait_for()
    text = message.inner_text()
    assert "course/methods/metode-2.yml:" in text and "duration" in text and "swap them" in text
    assert card.read_bytes() == before


def test_a_module_edited_in_the_form_keeps_the_rest_of_its_file(page: Any, served: tuple[Path, str]) -> None:
    root, base = served
    module = root / "course" / "modules" / "modul-1.yml"
    module.write_text("# Modulen for første samling.\n" + module.read_text("utf-8"), "utf-8")
    before = yaml.safe_load(module.read_text("utf-8"))
    page.goto(f"{base}/admin/#/collections/modules/entries/modul-1")
    summary = page.locator('[id^="summary-field"]').first
    summary.fill("Vi blir kjent med utfordringen og menneskene rundt den.")
    page.evaluate("window.notReloaded = true")
    publish(page)
    wait_for(lambda: "blir kjent med utfordringen" in module.read_text("utf-8"), "the saved module")
    wait_for(lambda: "blir kjent med utfordringen" in fetch(f"{base}/moduler/modul-1/")[1], "the rebuilt site")
    page.wait_for_timeout(1500)  # the live reload, had it not been stopped, would have come by now
    assert page.evaluate("window.notReloaded === true"), "the form is not reloaded when the site rebuilds"
    after = yaml.safe_load(module.read_text("utf-8"))
    assert module.read_text("utf-8").startswith("# Modulen for første samling.\n")
    assert {k: v for k, v in after.items() if k != "summary"} == {k: v for k, v in before.items() if k != "summary"}


def test_axe_on_the_editor_finds_only_decaps_own_markup(page: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    found: dict[str, set[str]] = {}
    page.get_by_text("Metodekort").first.click()
    page.get_by_text("Metode 1").first.wait_for()
    for view in ("the method list", "a method's form"):
        if view == "a method's form":
            page.get_by_text("Metode 1").first.click()
            page.locator('[id^="title-field"]').first.wait_for()
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        for violation in results.response["violations"]:
            found.setdefault(violation["id"], set()).add(view)
    print("axe on /admin/:", {rule: sorted(views) for rule, views in sorted(found.items())})
    assert set(found) <= DECAPS_OWN, sorted(set(found) - DECAPS_OWN)

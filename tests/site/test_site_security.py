"""Hostile course text runs no script in the browser.

The loader refuses raw HTML, event handlers and `javascript:` links; the first test shows that. The text
below gets past it (entities, attribute syntax, data: references, autolinks), so it reaches rendering,
and the built site must still run nothing from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from tests.site.sitekit import chromium, html_pages, make_project, page_path, serve_folder
from startpakke.cli import app
from startpakke.loading import load_course
from startpakke.site import publish

# Hostile text of the kinds the loader refuses since it learnt them; the site neutralises it too.
PAST_THE_LOADER = {
    "title": "Metode {: onclick=\"alert('title')\" }",
    "summary": "[Klikk her](javascript&colon;alert('summary'))",
    "purpose": "Se [denne][x] og [den][y].\n\n[x]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\n"
               "[y]: JaVa&Tab;Script&colon;alert('ref')",
    "when_to_use": "Avsnitt med attributter {: onmouseover=\"alert('attr')\" }",
    "preparation": "![bilde](bilde.png){: onerror=\"alert('img')\" } og "
                   "<https://example.org/\" onmouseover=\"alert('autolink')>",
    "tips": ["&lt;script&gt;alert('entity')&lt;/script&gt;", "[lenke](https://example.org){: onclick=\"alert(1)\" }"],
}
REFUSED = {
    "summary": "<script>alert('x')</script>",
    "purpose": "Bilde <img src=x onerror=\"alert(1)\">",
    "when_to_use": "[klikk](javascript:alert(1))",
}


def test_the_loader_refuses_scripts_handlers_and_javascript_links(tmp_path: Path, monkeypatch: Any) -> None:
    make_project(tmp_path, methods=3, edit={"metode-1": REFUSED})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build"])
    assert result.exit_code == 1
    for field in REFUSED:
        assert f"course/methods/metode-1.yml:" in result.output and f": {field}: error:" in result.output
    assert not (tmp_path / "site").exists()


def test_the_loader_also_refuses_entities_attribute_lists_and_data_links(tmp_path: Path) -> None:
    project = make_project(tmp_path, methods=3, edit={"metode-1": PAST_THE_LOADER})
    refused = {problem.field for problem in load_course(project).report.errors}
    assert refused == {"title", "summary", "purpose", "when_to_use", "preparation", "tips[1]", "tips[2]"}


def test_hostile_text_that_passes_the_loader_runs_no_script(tmp_path: Path, monkeypatch: Any) -> None:
    # The site must be safe on its own: switch the loader's markup check off, as if it had a gap.
    monkeypatch.setattr("startpakke.markup.markup_problem", lambda text, kind="prose": None)
    project = make_project(tmp_path, methods=3, edit={"metode-1": PAST_THE_LOADER, "metode-2": {
        "examples": [{"place": "Et sted\" onclick=\"alert('place')", "text": "<https://x.org/\" onclick=\"alert(2)>"}]}})
    assert not load_course(project).report.errors  # it really reaches the site
    site = publish.build_site(project)
    dialogs: list[str] = []
    with serve_folder(site) as base, chromium() as browser:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for html in html_pages(site):
            page.goto(base + page_path(site, html))
            handlers = page.evaluate("""() => [...document.querySelectorAll('article *')].flatMap(
                el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))""")
            assert handlers == [], html
            assert page.locator("article script").count() == 0, html
            for element in page.locator("article a, article img, article p, article li").all():
                if element.is_visible():
                    element.hover()
            links = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.href)")
            assert not [href for href in links if href.lower().startswith(("javascript:", "data:"))], html
        # Click every link of the worst page, each from a fresh load of it.
        page.goto(base + "metoder/metode-1/")
        for index in range(page.locator("article a[href]").count()):
            page.goto(base + "metoder/metode-1/")
            link = page.locator("article a[href]").nth(index)
            if link.is_visible():
                link.click()
                page.wait_for_load_state()
    assert dialogs == []


REFRESH = '0;url=https://evil.example/" http-equiv="refresh'


def test_text_in_the_page_head_stays_text(tmp_path: Path) -> None:
    """A summary or subtitle full of quotes is legitimate text: `check` passes it, and in the head it is
    the description's value, never an attribute of its own (a refresh to another site)."""
    project = make_project(tmp_path, methods=3, edit={
        "course": {"subtitle": REFRESH, "title": 'Kurs «for» "alle" & 3 < 5'},
        "metode-1": {"summary": REFRESH, "title": 'Si "hei" & smil'},
    })
    loaded = load_course(project)
    assert not loaded.report.errors
    site = publish.build_site(project)
    with serve_folder(site) as base, chromium() as browser:
        page = browser.new_page()
        for path in ("", "metoder/metode-1/"):
            page.goto(base + path)
            page.wait_for_timeout(1500)  # a refresh of 0 s would have left by now
            assert page.url == base + path
            assert page.locator('meta[http-equiv]').count() == 0
            assert page.eval_on_selector('meta[name="description"]', "m => m.content") == REFRESH
        assert page.title() == 'Si "hei" & smil - Kurs «for» "alle" & 3 < 5'
        assert page.locator("h1").first.inner_text().rstrip("¶") == 'Si "hei" & smil'

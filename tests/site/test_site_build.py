"""Real MkDocs builds: the learner's flow in the footer links, addresses, strictness, errors, size."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from typer.testing import CliRunner

from tests.site.sitekit import (REPO, example_site, expected_paths, html_pages, make_project, mkdocs, page_path,
                                source_pages)
from startpakke.project import Project
from startpakke.cli import app
from startpakke.loading import load_course
from startpakke.site import publish
from startpakke.site.export import export_markdown
from startpakke.site.publication import publish as publish_course


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def footer_link(page: BeautifulSoup, direction: str) -> str | None:
    link = page.select_one(f"a.md-footer__link--{direction}")
    return link["href"] if link else None


def resolve(from_path: str, href: str) -> str:
    """A relative href on the page at `from_path` as a site path like `metoder/x/`."""
    parts = [p for p in from_path.split("/") if p]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts) + "/" if parts else ""


def test_footer_links_walk_the_course_order_from_course_yml() -> None:
    site = example_site()
    expected = expected_paths(REPO)
    for index, path in enumerate(expected):
        page = soup(site / path / "index.html")
        after = footer_link(page, "next")
        before = footer_link(page, "prev")
        assert (resolve(path, after) if after else None) == (expected[index + 1] if index + 1 < len(expected) else None), path
        assert (resolve(path, before) if before else None) == (expected[index - 1] if index else None), path


def test_pages_outside_the_flow_lead_nowhere_else() -> None:
    site = example_site()
    for path in ("metoder/", "om/"):
        page = soup(site / path / "index.html")
        assert footer_link(page, "next") is None and footer_link(page, "prev") is None


def test_every_page_is_norwegian_with_headings_in_order() -> None:
    pages = source_pages(example_site())  # translations: tests/site/test_site_translations.py
    assert len(pages) == 1 + 5 + 14 + 5 + 3  # home, modules, methods, exercises, the rest
    for path in pages:
        page = soup(path)
        assert page.html["lang"] == "nb", path
        article = page.select_one("article.md-content__inner")
        levels = [int(h.name[1]) for h in article.find_all(re.compile(r"^h[1-6]$"))]
        assert levels[0] == 1 and levels.count(1) == 1, path
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (path, levels)


def test_current_place_shows_in_the_menu_and_the_path() -> None:
    page = soup(example_site() / "metoder" / "interessentkart" / "index.html")
    active = page.select(".md-sidebar--primary .md-nav__link--active")
    assert active and "Interessentkart" in active[0].get_text()
    path = [item.get_text(strip=True) for item in page.select(".md-path__item")]
    assert path == ["Start", "Økt 1: Forstå utfordringen"]
    assert "Metode 1 av 5 i Økt 1: Forstå utfordringen" in page.select_one(".sp-place").get_text()


def test_library_lists_every_method_without_javascript() -> None:
    page = soup(example_site() / "metoder" / "index.html")
    cards = page.select(".sp-method")
    assert len(cards) == 14
    loaded = load_course(Project(REPO))
    for card in cards:
        slug = card.a["href"].strip("/").split("/")[-1]
        method = loaded.course.methods[slug]
        assert card["data-phase"] == method.phase
        assert (int(card["data-minutes-min"]), int(card["data-group-max"])) == (method.duration.min, method.group_size.max)
        assert card["data-digital"] == ("true" if method.is_digital else "false")


def test_search_is_set_up_for_norwegian() -> None:
    index = json.loads((example_site() / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["no"]
    assert "«" in index["config"]["separator"]


def test_search_finds_what_a_page_teaches_not_exercise_options_or_lists_of_methods() -> None:
    """A learner searching a method's name finds its page and the modules that teach it, not every
    exercise that offers it as an option or the method library's list (Material's parser lets an
    exclusion end at the first inner closing tag of the same name: the list must not be a div)."""
    docs = json.loads((example_site() / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert docs and not [doc["location"] for doc in docs if "/oppgaver/" in doc["location"]]
    course = load_course(Project(REPO)).course
    assert course
    library = " ".join(doc["text"] for doc in docs if doc["location"].startswith("metoder/#"))
    assert " ".join(course.info.phases[0].description.split()[:8]) in library, "the phases themselves are found"
    assert not [method.title for method in course.methods.values() if method.title in library]
    assert any(doc["location"] == "metoder/interessentkart/" for doc in docs)
    sources = {source for method in course.methods.values() for source in method.sources}
    about = " ".join(doc["text"] for doc in docs if doc["location"].startswith("om/"))
    assert sources and not [source for source in sources if source[:30] in about], "each method's page has them"
    assert any(source[:30] in doc["text"] for doc in docs for source in sources if doc["location"].startswith("metoder/"))


def test_site_name_and_address_come_from_the_course() -> None:
    page = soup(example_site() / "om" / "index.html")
    assert page.title.get_text() == "Om kurset - Startpakke for samskaping"
    assert page.select_one('link[rel="canonical"]')["href"] == "https://startpakke.example.no/om/"


def test_strict_build_of_the_example_course_passes(tmp_path) -> None:
    result = mkdocs("build", "--strict", "--site-dir", str(tmp_path / "site"), cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def test_invalid_content_fails_the_build_with_the_check_messages(tmp_path) -> None:
    project = make_project(tmp_path, methods=4)
    method = tmp_path / "course" / "methods" / "metode-2.yml"
    method.write_text(method.read_text(encoding="utf-8").replace("phase: utvikle", "fase: utvikle"))
    expected = [str(problem).splitlines()[0] for problem in load_course(project).report.errors]
    assert expected and "metode-2.yml" in expected[0]
    result = mkdocs("build", cwd=tmp_path)
    assert result.returncode == 1
    for line in expected:
        assert line in result.stderr
    assert "The course has" in result.stderr
    assert not (tmp_path / "site").exists()


def mean_method_page(site: Path) -> float:
    pages = list((site / "metoder").glob("*/index.html"))
    return sum(p.stat().st_size for p in pages) / len(pages)


def test_page_html_does_not_grow_with_the_course(tmp_path) -> None:
    """Past a dozen modules the menu shows a window of them, so a page is the same size at 36 methods
    (12 modules) and at 120 (40 modules); without the window it grows by a menu entry per module."""
    sizes = []
    for count in (36, 120):
        project = make_project(tmp_path / str(count), methods=count, per_module=3)
        site = publish.build_site(project)
        sizes.append((site / "metoder" / "metode-1" / "index.html").stat().st_size)
    assert abs(sizes[1] - sizes[0]) < 100, sizes
    # The left-out modules are one link away: the home page's list of them.
    menu = soup(site / "metoder" / "metode-60" / "index.html").select_one(".md-sidebar--primary")
    more = next((a for a in menu.select("a") if a.get_text(strip=True) == "Alle modulene (31 til)"), None)
    assert more and resolve("metoder/metode-60/", more["href"].split("#")[0]) == "" and more["href"].endswith("#moduler")
    shown = [a.get_text(strip=True) for a in menu.select("a.md-nav__link")]
    assert "Modul 20" in shown and "Metode 60" in shown and "Modul 1" not in shown


def test_export_markdown_gives_the_same_pages_and_plain_mkdocs_builds_them_as_they_are(tmp_path) -> None:
    project = make_project(tmp_path / "project", methods=5)
    out = tmp_path / "export"
    publication = publish_course(load_course(project).course, project)
    export_markdown(publication, project.site_config, out)
    for page, markdown in publication.site.pages.items():
        assert (out / "docs" / page).read_text(encoding="utf-8") == markdown
    result = mkdocs("build", "--strict", cwd=out)
    assert result.returncode == 0, result.stderr
    ours = publish.build_site(project, tmp_path / "ours")
    assert sorted(page_path(out / "site", p) for p in html_pages(out / "site")) == \
        sorted(page_path(ours, p) for p in html_pages(ours))
    method = soup(out / "site" / "metoder" / "metode-1" / "index.html")
    assert method.select_one('script[src$="assets/startpakke/exercises.js"]')
    assert method.select_one("html")["lang"] == "nb"
    for site in (out / "site", ours):  # the footer in the course's language, exported or not
        footer = " ".join(soup(site / "metoder" / "metode-1" / "index.html").select_one(".md-copyright").stripped_strings)
        assert footer.endswith("Laget med Material for MkDocs") and "Made with" not in footer, footer


def test_a_long_module_shows_a_window_of_its_methods_in_the_menu(tmp_path) -> None:
    site = publish.build_site(make_project(tmp_path, methods=20, per_module=20))
    menu = soup(site / "metoder" / "metode-15" / "index.html").select_one(".md-sidebar--primary")
    shown = [a.get_text(strip=True) for a in menu.select("a.md-nav__link")]
    assert [f"Metode {n}" for n in range(11, 20)] == [t for t in shown if t.startswith("Metode ")]
    assert "Modul 1" in shown and "Oppgaver til «Modul 1»" in shown  # the module's own pages stay
    more = next(a for a in menu.select("a") if a.get_text(strip=True) == "Alle metodene i modulen (11 til)")
    assert more["href"] == "../../moduler/modul-1/#metoder"


_opened: list[str] | None = None


def _record_opens(event: str, args: tuple) -> None:
    if event == "open" and _opened is not None and isinstance(args[0], (str, Path)):
        _opened.append(str(args[0]))


sys.addaudithook(_record_opens)  # audit hooks stay for the process: it records only while asked


def test_a_build_reads_each_course_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loaded once, the same course goes to the print step and the site: no step reads YAML again."""
    global _opened
    project = make_project(tmp_path / "kurs", methods=4)
    monkeypatch.chdir(project.root)
    _opened = []
    try:
        result = CliRunner().invoke(app, ["build"])
    finally:
        opened, _opened = _opened, None
    assert result.exit_code == 0, result.output
    counts = Counter(Path(path).resolve() for path in opened if path.endswith(".yml"))
    course_files = sorted(project.course_dir.rglob("*.yml"))
    assert len(course_files) == 7
    assert {path: counts[path.resolve()] for path in course_files} == {path: 1 for path in course_files}


def test_a_title_with_angle_brackets_stays_text_in_an_export_built_by_mkdocs_or_zensical(tmp_path) -> None:
    # Plain text may hold «<»; both engines print nav titles into the HTML as they are.
    title = "Modul <svg/onload=alert(1) & B"
    project = make_project(tmp_path / "project", methods=3, edit={"modul-1": {"title": title}})
    publication = publish_course(load_course(project).course, project)
    export_markdown(publication, project.site_config, tmp_path / "export")
    for engine in ("mkdocs", "zensical"):  # each builds into export/site, as its mkdocs.yml says
        result = subprocess.run([sys.executable, "-m", engine, "build"], cwd=tmp_path / "export",
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        page = soup(tmp_path / "export" / "site" / "metoder" / "metode-2" / "index.html")
        assert page.find(lambda tag: any(name.startswith("on") for name in tag.attrs)) is None, engine
        assert title in page.select_one(".md-sidebar--primary").get_text(), engine

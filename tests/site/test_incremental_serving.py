"""While serving, a save rebuilds only the pages it changed, and the site it leaves is the one a
clean build makes of the same course."""

from __future__ import annotations

import json
import re
from pathlib import Path

import mkdocs.commands.build as mkdocs_build
import pytest
from mkdocs.config import load_config

from startpakke.project import Project
from tests.site.sitekit import html_pages, make_project
from tests.site.course_factory import write_course

SERVED_AT = "http://127.0.0.1:8000/"


def build(root: Path, site: Path, serving: bool, started: bool = False) -> list[str]:
    """Build the site as `serve --dirty` (serving) or `build` does; return the pages written. A server
    starts its plugins once (`started`: this is a rebuild); MkDocs keeps them across its builds."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVED_AT
    if not started:
        config.plugins.on_startup(command="serve" if serving else "build", dirty=serving)
    written: list[str] = []
    original = mkdocs_build._build_page

    def counted(page, *args, **kwargs):  # type: ignore[no-untyped-def]
        if page.file.is_modified():
            written.append(page.file.src_uri)
        return original(page, *args, **kwargs)

    mkdocs_build._build_page = counted
    try:
        mkdocs_build.build(config, serve_url=SERVED_AT if serving else None, dirty=serving)
    finally:
        mkdocs_build._build_page = original
    return written


def retitle(root: Path, slug: str, title: str) -> None:
    card = root / "course" / "methods" / f"{slug}.yml"
    card.write_text(re.sub(r"^title: .*$", f"title: {title}", card.read_text(encoding="utf-8"), count=1,
                           flags=re.M), encoding="utf-8")


def pages_of(site: Path) -> dict[str, str]:
    """Every page a clean build writes too (serving adds the editor's /admin/)."""
    return {str(page.relative_to(site)): page.read_text(encoding="utf-8") for page in html_pages(site)
            if not page.relative_to(site).parts[0] == "admin"}


def search_titles(site: Path) -> set[str]:
    return {entry["title"] for entry in json.loads((site / "search/search_index.json").read_text())["docs"]}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    make_project(tmp_path / "project", methods=12, per_module=3)
    return tmp_path / "project"


def test_a_saved_title_rebuilds_only_the_pages_that_show_it(project: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    first = build(project, served, serving=True)
    assert len(first) == len(pages_of(served))
    untouched = served / "metoder/metode-10/index.html"
    before = untouched.stat().st_mtime_ns

    retitle(project, "metode-4", "Fiskebollen")
    again = build(project, served, serving=True, started=True)
    # The card's page, its module (menu and list), the module's exercises, the method library, the
    # method whose «related» names it, its neighbours on the learner's path (their «Forrige»/«Neste»)
    # and the about page (sources by method): not the other modules' pages.
    assert "metoder/metode-4/index.md" in again and "moduler/modul-2/index.md" in again
    assert "metoder/index.md" in again
    assert not {"metoder/metode-10/index.md", "moduler/modul-4/index.md", "index.md"} & set(again)
    assert len(again) < len(first) / 2
    assert untouched.stat().st_mtime_ns == before
    assert "Fiskebollen" in search_titles(served) and "Metode 4" not in search_titles(served)

    clean = tmp_path / "clean"
    build(project, clean, serving=False)
    assert pages_of(served) == pages_of(clean)
    assert search_titles(served) == search_titles(clean)


def test_a_removed_card_takes_its_page_with_it(project: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    build(project, served, serving=True)
    assert (served / "metoder/metode-12/index.html").is_file()
    for folder in ("methods", "modules"):
        for path in (project / "course" / folder).glob("*.yml"):
            path.unlink()
    write_course(project, methods=11, per_module=3)
    build(project, served, serving=True, started=True)
    assert not (served / "metoder/metode-12/index.html").exists()
    clean = tmp_path / "clean"
    build(project, clean, serving=False)
    assert pages_of(served) == pages_of(clean)


def test_while_cards_are_printed_again_the_pages_keep_linking_the_printed_ones(project: Path) -> None:
    from startpakke.cards.build import SITE_SETS, build_for_site, paths
    from startpakke.cards.manifest import withdraw_format, withdraw_sessions
    from startpakke.loading import load_course
    from startpakke.site import printables

    loaded = load_course(Project(project))
    assert loaded.course
    folder = loaded.project.cards_build
    build_for_site(loaded.course, folder)
    printed = printables.printables(loaded.project)
    assert len(printed.cards) == 12 and printed.session_plans and printed.decks

    printables.hold(loaded.project, [""])
    try:
        # What a printing run does first: its sets and plans are withdrawn until they are complete.
        for wanted in SITE_SETS:
            withdraw_format(folder, wanted.name, paths(wanted.fmt).deck)
        withdraw_sessions(folder)
        assert printables.printables(loaded.project) == printed
    finally:
        printables.release(loaded.project)
    assert printables.printables(loaded.project) == printables.Printables()

"""A build prints only what changed: the same content, design and tools give the same files, untouched."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import weasyprint

from startpakke.cards.build import build_for_site
from startpakke.loading import load_course
from startpakke.project import Project

from .conftest import flat, pdf_text


def _build(course_dir: Path) -> Path:
    project = Project(course_dir.parent)
    loaded = load_course(project)
    assert loaded.course, loaded.report
    build_for_site(loaded.course, project.cards_build, fit_cache=project.fit_cache)
    return project.cards_build


def _written(folder: Path) -> dict[str, int]:
    return {path.relative_to(folder).as_posix(): path.stat().st_mtime_ns
            for path in folder.rglob("*") if path.suffix in {".pdf", ".md", ".html"}}


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The documents WeasyPrint lays out (the real layout still runs), all in this process: the ids of
    each one's sides (`side-<method>-front`, `side-contents`, …)."""
    monkeypatch.setenv("STARTPAKKE_WORKERS", "1")
    laid_out: list[list[str]] = []
    render = weasyprint.HTML.render

    def counting(self: weasyprint.HTML, *args: object, **kwargs: object) -> weasyprint.Document:
        laid_out.append([element.get("id") for element in self.etree_element.iter()
                         if (element.get("id") or "").startswith("side-")])
        return render(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", counting)
    return laid_out


def test_a_build_with_nothing_changed_lays_out_nothing_and_touches_no_file(course_copy: Path,
                                                                           layouts: list[str]) -> None:
    folder = _build(course_copy)
    before = _written(folder)
    assert "kortstokk.pdf" in before and "a4-4up/kortstokk.pdf" in before and "okter/okt-1.pdf" in before
    layouts.clear()
    _build(course_copy)
    assert layouts == []
    assert _written(folder) == before


def test_a_changed_card_prints_its_sets_and_only_the_plans_that_hold_it(course_copy: Path) -> None:
    folder = _build(course_copy)
    before = _written(folder)
    card = course_copy / "methods" / "rollespill.yml"
    card.write_text(re.sub(r"^title: .*$", "title: Rollespill i biblioteket", card.read_text("utf-8"),
                           count=1, flags=re.M), encoding="utf-8")
    _build(course_copy)
    after = _written(folder)
    changed = {name for name in after if after[name] != before.get(name)}
    assert {"rollespill.pdf", "kortstokk.pdf", "a4-4up/kortstokk.pdf", "okter/okt-2.pdf"} <= changed
    assert not {name for name in changed if name.startswith("okter/okt-1.")}, "okt-1 does not teach it"
    other_cards = {name for name in before if "/" not in name and name not in ("rollespill.pdf", "kortstokk.pdf")}
    assert other_cards and not other_cards & changed, "the other cards' PDFs are not written again"
    assert "rollespill i biblioteket" in flat(pdf_text(folder / "rollespill.pdf"))
    assert "rollespill i biblioteket" in flat(pdf_text(folder / "okter" / "okt-2.pdf"))


def test_a_changed_card_is_the_only_card_laid_out_again(course_copy: Path, layouts: list[list[str]]) -> None:
    """Each deck is put together from pieces: one edited card costs that card's layout in each format
    (and the contents page, which lists its title), not the deck's."""
    _build(course_copy)
    card = course_copy / "methods" / "rollespill.yml"
    card.write_text(re.sub(r"^title: .*$", "title: Rollespill i biblioteket", card.read_text("utf-8"),
                           count=1, flags=re.M), encoding="utf-8")
    layouts.clear()
    _build(course_copy)
    sides = [side for document in layouts for side in document]
    cards = {match.group(1) for side in sides if (match := re.fullmatch(r"side-(.+)-(front|back|notes)", side))}
    assert cards == {"rollespill"}
    assert "side-contents" in sides, "the contents list the new title"
    assert len(layouts) < 12, layouts  # the card and its fit in each format, the contents, one plan, sheets


def test_a_deleted_output_is_printed_again(course_copy: Path) -> None:
    folder = _build(course_copy)
    (folder / "a4-4up" / "kortstokk.pdf").unlink()
    (folder / "okter" / "okt-1.pdf").unlink()
    _build(course_copy)
    assert (folder / "a4-4up" / "kortstokk.pdf").read_bytes().startswith(b"%PDF")
    assert (folder / "okter" / "okt-1.pdf").read_bytes().startswith(b"%PDF")


def test_the_decks_of_a_large_course_are_put_together_one_at_a_time_here(course_copy: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Side by side, two decks of 1500 cards took 2 GB: past `DECKS_SIDE_BY_SIDE` cards they are put
    together one after the other in the calling process, into the same decks."""
    from startpakke.cards import build

    folder = _build(course_copy)
    decks = [folder / "kortstokk.pdf", folder / "a4-4up" / "kortstokk.pdf"]
    side_by_side = [pdf_text(deck) for deck in decks]
    for deck in decks:
        deck.unlink()
    here: list[Path] = []
    write_deck = build.write_deck

    def recorded(course: object, fmt: object, path: Path, pieces: list[Path]) -> None:
        here.append(path)
        write_deck(course, fmt, path, pieces)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "DECKS_SIDE_BY_SIDE", 0)
    monkeypatch.setattr(build, "write_deck", recorded)
    monkeypatch.setattr(build, "run_side_by_side", lambda jobs: pytest.fail(f"side by side: {list(jobs)}"))
    _build(course_copy)
    assert here == decks
    assert [pdf_text(deck) for deck in decks] == side_by_side


def test_a_build_with_nothing_changed_does_not_load_the_printing_libraries(course_copy: Path) -> None:
    """Loading WeasyPrint (Pango) and pikepdf costs about a second: a build that prints nothing skips it."""
    _build(course_copy)
    probe = ("import sys\n"
             "from pathlib import Path\n"
             "from startpakke.cards import require_printing\n"
             "from startpakke.cards.build import build_for_site\n"
             "from startpakke.loading import load_course\n"
             "from startpakke.project import Project\n"
             f"project = Project(Path({str(course_copy.parent)!r}))\n"
             "loaded = load_course(project)\n"
             "build_for_site(loaded.course, project.cards_build, fit_cache=project.fit_cache,\n"
             "               before_printing=require_printing)\n"
             "print(sorted(name for name in ('weasyprint', 'pikepdf') if name in sys.modules))\n")
    again = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert again.stdout.strip() == "[]", again.stderr
    # One output gone: printing is needed, and the same call loads the libraries and prints it.
    (course_copy.parent / "build" / "cards" / "okter" / "okt-1.pdf").unlink()
    again = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "weasyprint" in again.stdout, again.stderr
    assert (course_copy.parent / "build" / "cards" / "okter" / "okt-1.pdf").read_bytes().startswith(b"%PDF")


def test_a_changed_interface_catalog_prints_again(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The words around the content («Kárta 1/14», «Skanne …») come from the catalogs: a translator's
    fix there must reach the printed cards, though no card changed."""
    import shutil

    from startpakke.cards import inputs

    locales = tmp_path / "locale"
    shutil.copytree(inputs.LOCALES, locales)
    monkeypatch.setattr(inputs, "LOCALES", locales)
    inputs.design.cache_clear()
    before = inputs.fingerprint("cards")
    sami = locales / "se.po"
    sami.write_text(sami.read_text(encoding="utf-8").replace('msgstr "Kárta %(number)s/%(total)s"',
                                                             'msgstr "Kárta %(number)s / %(total)s"'), "utf-8")
    inputs.design.cache_clear()
    try:
        assert inputs.fingerprint("cards") != before
    finally:
        monkeypatch.undo()
        inputs.design.cache_clear()

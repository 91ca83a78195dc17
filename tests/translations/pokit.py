"""Reading and filling translation files the way a translator's tool does."""

from __future__ import annotations

from pathlib import Path

import polib

from startpakke.loading import load_course
from startpakke.project import Project
from startpakke.translations import Translation, translate_course


def po_path(project: Path, language: str) -> Path:
    return project / "course" / "translations" / f"{language}.po"


def catalog(project: Path, language: str) -> polib.POFile:
    return polib.pofile(str(po_path(project, language)), encoding="utf-8")


def texts(project: Path, language: str) -> list[polib.POEntry]:
    """The entries for texts of the course (not the header, not obsolete ones)."""
    return [entry for entry in catalog(project, language) if entry.msgid and not entry.obsolete]


def entry(project: Path, language: str, context: str) -> polib.POEntry:
    found = [entry for entry in texts(project, language) if entry.msgctxt == context]
    assert len(found) == 1, (context, found)
    return found[0]


def fill(project: Path, language: str, translations: dict[str, str]) -> None:
    """Write translations by context, as Poedit does: the fuzzy mark and the old text go."""
    po = catalog(project, language)
    for context, text in translations.items():
        found = next(entry for entry in po if entry.msgctxt == context and not entry.obsolete)
        found.msgstr = text
        found.flags = [flag for flag in found.flags if flag != "fuzzy"]
        found.previous_msgid = None
    po.wrapwidth = 100
    po.save()


def translation(project: Path, language: str) -> Translation:
    loaded = load_course(Project(project))
    assert loaded.course, "\n".join(map(str, loaded.report.sorted()))
    return translate_course(loaded.course, catalog(project, language), language)


def msgstr_line(project: Path, language: str, context: str) -> int:
    """The line of the translation of the entry with this context."""
    lines = po_path(project, language).read_text("utf-8").splitlines()
    start = lines.index(f'msgctxt "{context}"')
    return next(number for number, line in enumerate(lines[start:], start=start + 1) if line.startswith("msgstr"))

"""Read and write translation files: gettext PO files, through polib, as Poedit and Weblate write them.

polib, not Babel (which the interface catalogs use): Babel reads the previous source text of a fuzzy
entry (`#| msgid`) as a translator's comment and wraps a multi-line one into lines that are no longer
PO strings (python-babel/babel#206); that text is what a translator compares a changed source with.

A translation file is content, so it gets the course files' rules: a size limit, UTF-8 only, no links out
of the project, and anything broken is one problem with its line, never a traceback. polib reads a
string without its closing quote (`msgstr "unterminated`) or without quotes at all (`msgstr text`)
as something else than was meant, so every string is checked to be quoted before polib reads the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polib

from ..files import NotRegular, NotUtf8, TooLarge, read_utf8, write_atomic
from ..project import Project

MAX_BYTES = 8_000_000
"""A PO file holds every text of the course twice (source and translation): a few hundred KB for the
example course. Larger is refused unread."""
WIDTH = 100
_STRING_LINE = re.compile(r"^(?:#~\s*|#\|\s*)?(?:(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=[\s\"]))?\s*(.*)$")
_QUOTED = re.compile(r'^"(?:[^"\\]|\\.)*"$')
_POLIB_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")
SYNTAX_HINT = "open the file in Poedit, or compare the lines with an entry that works"
QUOTING_HINT = 'every text is in double quotes, a quote inside it written \\": msgstr "Han sa \\"hei\\""'


class PoProblem(Exception):
    def __init__(self, line: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


@dataclass
class PoFile:
    catalog: polib.POFile
    lines: list[str]

    def msgstr_line(self, entry: polib.POEntry) -> int:
        """The line of an entry's translation (polib keeps the line the entry starts on)."""
        start = max(entry.linenum or 1, 1)
        for number in range(start, len(self.lines) + 1):
            if self.lines[number - 1].lstrip("#~ ").startswith("msgstr"):
                return number
        return start


def read_translation(project: Project, language: str) -> PoFile | None:
    """The language's file, or None when it has none yet; PoProblem when it cannot be read."""
    path = project.translation_file(language)
    if not path.exists() and not path.is_symlink():
        return None
    if not path.resolve().is_relative_to(project.root.resolve()):
        raise PoProblem(1, "the file is a link to a file outside the project",
                        "copy the file into course/translations/ instead of linking to it")
    return read_catalog(path)


def read_catalog(path: Path) -> PoFile:
    """The catalog in `path`; PoProblem for anything a translator has to fix in the file."""
    try:
        text = read_utf8(path, MAX_BYTES)
    except NotUtf8 as error:
        raise PoProblem(error.line, "the file is not UTF-8 text",
                        "save it as UTF-8 (Poedit and Weblate always do)") from None
    except TooLarge as error:
        raise PoProblem(1, f"the file is {error.size / 1e6:.1f} MB; a translation file may be at most "
                           f"{MAX_BYTES / 1e6:.1f} MB",
                        "it holds each text of the course once: start again from a copy from before it "
                        "grew, or delete it and run `startpakke translate update`") from None
    except NotRegular:
        raise PoProblem(1, "this is not a plain file", "replace it with a .po text file") from None
    lines = text.splitlines()
    _check_quoting(lines)
    try:
        # The line break keeps polib from taking a one-line text for the name of a file to read.
        catalog = polib.pofile(text + "\n", encoding="utf-8", wrapwidth=WIDTH)
    except (OSError, ValueError) as error:
        found = _POLIB_LINE.search(str(error))
        line = int(found.group(1)) if found else 1
        detail = found.group(2) if found and found.group(2) else ""
        raise PoProblem(line, "PO syntax error" + (f": {detail}" if detail else ""), SYNTAX_HINT) from None
    return PoFile(catalog, lines)


def _check_quoting(lines: list[str]) -> None:
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and not stripped.startswith(("#~", "#|"))):
            continue
        keyword, rest = _STRING_LINE.match(stripped).groups()  # type: ignore[union-attr]
        if (keyword or rest.startswith('"')) and not _QUOTED.match(rest):
            raise PoProblem(number, "PO syntax error: the text is not one quoted string", QUOTING_HINT)


def write_catalog(path: Path, catalog: polib.POFile) -> bool:
    """Write the catalog if it differs from the file; True when it did."""
    catalog.wrapwidth = WIDTH
    content = str(catalog).encode("utf-8")
    if path.is_file() and path.read_bytes() == content:
        return False
    write_atomic(path, content)
    return True


def by_context(catalog: polib.POFile) -> dict[str, polib.POEntry]:
    """Each text's entry by its context (the first, should a hand-edited file have two)."""
    entries: dict[str, polib.POEntry] = {}
    for entry in catalog:
        if entry.msgctxt and entry.msgid and not entry.obsolete and not entry.msgid_plural:
            entries.setdefault(entry.msgctxt, entry)
    return entries

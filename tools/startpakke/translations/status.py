"""`startpakke translate status`: how much of each part of the course a language has, and what is left."""

from __future__ import annotations

from dataclasses import dataclass, field

from .texts import COURSE_FILE, COURSE_WIDE, NO_MODULE
from .translated import Translation

STATE_COLUMN = {"translated": "translated", "fuzzy": "fuzzy", "outdated": "fuzzy", "missing": "missing",
                "refused": "refused"}
"""An outdated entry (the file not updated since the source changed) is fuzzy once it is updated."""


@dataclass
class Row:
    part: str
    """A module's slug, COURSE_WIDE or NO_MODULE."""
    translated: int = 0
    fuzzy: int = 0
    missing: int = 0
    refused: int = 0
    """Translated, but refused by the checks (`startpakke check` says why)."""
    left: list[str] = field(default_factory=list)
    """The files of the part with texts left to translate: `course.yml`, `module` or a method's slug."""

    @property
    def texts(self) -> int:
        return self.translated + self.fuzzy + self.missing + self.refused

    @property
    def done(self) -> float:
        return self.translated / self.texts if self.texts else 1.0


def status(translation: Translation) -> tuple[list[Row], Row]:
    """One row per part of the course, in course order, and the row of the whole course."""
    rows: dict[str, Row] = {}
    total = Row("total")
    for outcome in translation.outcomes:
        row = rows.setdefault(outcome.text.part, Row(outcome.text.part))
        column = STATE_COLUMN[outcome.state]
        for counted in (row, total):
            setattr(counted, column, getattr(counted, column) + 1)
        name = _file_name(outcome.text.file)
        if column != "translated" and name not in row.left:
            row.left.append(name)
    return list(rows.values()), total


def _file_name(file: str) -> str:
    if file == COURSE_FILE:
        return COURSE_FILE
    kind, _, name = file.partition("/")
    return "module" if kind == "modules" else name.removesuffix(".yml")


def part_label(part: str) -> str:
    return {COURSE_WIDE: "course.yml", NO_MODULE: "methods in no module"}.get(part, part)

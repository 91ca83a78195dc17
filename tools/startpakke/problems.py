"""Problems found in course content, reported as `path:line:col: field: severity: message`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        text = f"{where}: {self.field or '(file)'}: {self.severity}: {self.message}"
        return text + (f"\n    hint: {self.hint}" if self.hint else "")


@dataclass
class Report:
    """Every problem of one run, so an editor sees them all at once rather than one per run."""

    root: Path
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Information for the run as a whole, not a problem of a file: `check` prints it after them."""

    def add(
        self,
        file: Path | str,
        line: int,
        col: int,
        field_path: str,
        message: str,
        hint: str = "",
        severity: Severity = "error",
    ) -> None:
        self.problems.append(
            Problem(self.relative(file), line, col, field_path, message, hint, severity)
        )

    def note(self, text: str) -> None:
        self.notes.append(text)

    def relative(self, file: Path | str) -> str:
        path = Path(file)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems))

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

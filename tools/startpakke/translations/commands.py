"""The `startpakke translate` commands' console side: what to print and which exit code to give.
cli.py only wires options to these; the work itself is in update, translated and status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel import Locale
from rich.console import Console
from rich.table import Table

from .pofile import PoProblem, read_translation, write_catalog
from .status import part_label, status
from .texts import SourceText, course_texts, document_of
from .translated import translate_course
from .update import updated

if TYPE_CHECKING:
    from ..loading import Loaded


def update(loaded: Loaded, languages: list[str], console: Console, errors: Console) -> int:
    """Bring each language's file in step with the course; 1 when a file could not be read."""
    assert loaded.course
    project, sources = loaded.project, loaded.sources
    texts = course_texts(loaded.course)

    def where(text: SourceText) -> tuple[str, int]:
        document = document_of(sources, text.file)
        line = document.where(text.path)[0] if document else 1
        return (project.course_dir / text.file).relative_to(project.root).as_posix(), line

    code = 0
    for language in languages:
        shown = loaded.report.relative(project.translation_file(language))
        try:
            old = read_translation(project, language)
        except PoProblem as problem:
            # Left as it is: nothing a translator wrote is overwritten by a file read wrongly.
            _print_problem(loaded, language, problem, errors)
            code = 1
            continue
        catalog, changes = updated(old.catalog if old else None, texts, where, language, loaded.course.info.title)
        if not write_catalog(project.translation_file(language), catalog):
            console.print(f"{shown}: in step with the course", soft_wrap=True)
        elif old is None:
            console.print(f"{shown}: created, with {len(texts)} texts to translate", soft_wrap=True)
        else:
            console.print(f"{shown}: {changes.added} new, {changes.fuzzy} changed (marked fuzzy), "
                          f"{changes.obsolete} removed (kept as obsolete)", soft_wrap=True)
    return code


def _print_problem(loaded: Loaded, language: str, problem: PoProblem, errors: Console) -> None:
    shown = loaded.report.relative(loaded.project.translation_file(language))
    errors.print(f"{shown}:{problem.line}:1: (file): error: {problem.message}\n    hint: {problem.hint}",
                 markup=False, soft_wrap=True)
    errors.print("The file is left as it is: fix it, then run the command again.")


def show_status(loaded: Loaded, languages: list[str], console: Console, errors: Console) -> None:
    assert loaded.course
    for language in languages:
        try:
            po = read_translation(loaded.project, language)
        except PoProblem as problem:
            _print_problem(loaded, language, problem, errors)
            continue
        translation = translate_course(loaded.course, po.catalog if po else None, language)
        rows, total = status(translation)
        name = Locale.parse(language).english_name
        refused = total.refused > 0  # a column only when there are some: they are rare
        table = Table(title=f"{language} ({name}): {total.translated} of {total.texts} texts translated",
                      title_justify="left")
        table.add_column("part", no_wrap=True)
        for column in ("translated", "fuzzy", "missing", *(["refused"] if refused else [])):
            table.add_column(column, justify="right")
        table.add_column("left to translate", overflow="fold", ratio=1)
        for row in [*rows, total]:
            counts = [f"{row.translated}/{row.texts}", str(row.fuzzy), str(row.missing)]
            table.add_row(part_label(row.part), *counts, *([str(row.refused)] if refused else []),
                          ", ".join(row.left), end_section=row is rows[-1])
        console.print(table)
        if po is None:
            console.print(f"No {loaded.report.relative(loaded.project.translation_file(language))} yet: "
                          f"`startpakke translate update --lang {language}` makes it.", soft_wrap=True)
        if total.refused:
            console.print("`startpakke check` says why the refused translations are not published.",
                          soft_wrap=True)

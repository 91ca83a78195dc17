"""`startpakke check` on the translation files.

Errors (exit 1): a file that cannot be read (syntax, encoding, size) and a translation that breaks the
rules the source text follows (markup, length): it is not published, the source text is shown instead.
Warnings: fuzzy, outdated and missing translations (a partial translation is publishable), links and
lists that differ from the source, entries for texts the course no longer has, and files for languages
the course does not list.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .pofile import PoFile, PoProblem, read_translation
from .structure import differences
from .translated import Translation, translate_course

if TYPE_CHECKING:
    from ..loading import Loaded

UPDATE_HINT = "run `startpakke translate update`"


def check_translations(loaded: Loaded) -> None:
    project, report, info = loaded.project, loaded.report, loaded.sources.info
    if info is None:
        return  # course.yml has errors (reported): which languages it publishes is not known yet
    listed = info[1].translated_into
    folder = project.translations_dir
    for path in sorted(folder.glob("*.po")) if folder.is_dir() else []:
        if path.stem not in listed:
            report.add(path, 1, 1, "", f"`{path.stem}` is not among the course's translations: this file "
                       "is not published", f"add `{path.stem}` to `translations:` in course/course.yml, "
                       "or delete the file", "warning")
    for language in listed:
        path = project.translation_file(language)
        try:
            po = read_translation(project, language)
        except PoProblem as problem:
            report.add(path, problem.line, 1, "", problem.message, problem.hint)
            continue
        if po is not None:
            check_file(loaded, language, path, po)
        else:
            index = info[1].translations.index(language)  # type: ignore[arg-type]
            line, col = info[0].where(("translations", index))
            report.add(info[0].path, line, col, f"translations[{index + 1}]",
                       f"there is no translation file for `{language}` yet",
                       f"run `startpakke translate update --lang {language}` to make "
                       f"course/translations/{language}.po", "warning")


def check_file(loaded: Loaded, language: str, path: Path, po: PoFile) -> None:
    if loaded.course is None:
        return  # the source has errors: its texts are not known yet
    translation = translate_course(loaded.course, po.catalog, language)
    _check_entries(loaded, path, po, translation)
    _check_unused(loaded, path, po, translation)


def _check_entries(loaded: Loaded, path: Path, po: PoFile, translation: Translation) -> None:
    report, source = loaded.report, translation.source_language
    missing = []
    for outcome in translation.outcomes:
        entry, context = outcome.entry, outcome.text.context
        line = po.msgstr_line(entry) if entry else 1
        if outcome.state == "missing":
            missing.append(line)
        elif outcome.state == "refused":
            message, hint = outcome.problem  # type: ignore[misc]
            report.add(path, line, 1, context, message, hint)
        elif outcome.state == "fuzzy":
            report.add(path, line, 1, context,
                       "the translation is marked fuzzy: the source text changed after it was translated",
                       "compare it with the new source (the old one is in the `#| msgid` lines), correct it "
                       f"and remove the fuzzy mark; until then the page shows the source text ({source})",
                       "warning")
        elif outcome.state == "outdated":
            report.add(path, line, 1, context, "the source text has changed since this file was updated",
                       f"{UPDATE_HINT}: the entry is then marked fuzzy, with the old text kept beside it",
                       "warning")
        else:
            for message, hint in differences(outcome.text.text, entry.msgstr):  # type: ignore[union-attr]
                report.add(path, line, 1, context, message, hint, "warning")
    if missing:
        count, total = len(missing), len(translation.outcomes)
        report.add(path, min(missing), 1, "",
                   f"{count} of {total} texts have no translation yet: they are published in the source "
                   f"language ({source})",
                   "`startpakke translate status` shows what is left, per module" +
                   ("" if min(missing) > 1 else f"; {UPDATE_HINT} to add the new texts"), "warning")


def _check_unused(loaded: Loaded, path: Path, po: PoFile, translation: Translation) -> None:
    """Entries for texts the course no longer has (or never had): one warning, however many."""
    used = {id(outcome.entry) for outcome in translation.outcomes if outcome.entry is not None}
    unused = [entry for entry in po.catalog if entry.msgid and not entry.obsolete and id(entry) not in used]
    if unused:
        first = unused[0]
        named = f"`{first.msgctxt}`" if first.msgctxt else "one without msgctxt"
        count = len(unused)
        loaded.report.add(path, first.linenum or 1, 1, "",
                          f"{count} entr{'ies are' if count != 1 else 'y is'} for no text of the course, "
                          f"such as {named}: the text was removed or moved",
                          f"{UPDATE_HINT}: it keeps their translations as obsolete (#~) entries", "warning")

"""`startpakke translate update`: bring a language's catalog in step with the course's texts.

An entry is found by its context (file and field) and its source text:
- the same text in the same place keeps its translation, and its fuzzy mark if it had one;
- the same text moved within its file (a step inserted above it) takes its translation along;
- a changed text keeps the old translation, marked fuzzy, with the text it translated as `#| msgid`, so
  the translator sees what changed;
- a new text gets an empty entry; a removed text's translation is kept as obsolete (`#~`).
Entries follow the course order, each with a reference to the line it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polib
from babel import Locale

from .pofile import WIDTH
from .texts import SourceText

Where = Callable[[SourceText], tuple[str, int]]
"""(file from the project folder, line) of a text, for the entry's reference."""


@dataclass
class Changes:
    added: int = 0
    fuzzy: int = 0
    """Texts that changed under a translation: it is kept, marked fuzzy."""
    obsolete: int = 0


def updated(old: polib.POFile | None, texts: list[SourceText], where: Where, language: str,
            course_title: str) -> tuple[polib.POFile, Changes]:
    fresh = polib.POFile(wrapwidth=WIDTH)
    fresh.header, fresh.metadata = (old.header, old.metadata) if old else _header(language, course_title)
    changes = Changes()
    entries = [entry for entry in old or [] if entry.msgid and not entry.msgid_plural]
    kept = _carried_over(entries, texts)
    taken = {id(entry) for entry in kept.values()}
    in_place = {entry.msgctxt: entry for entry in entries if not entry.obsolete and entry.msgctxt}
    for text in texts:
        entry, earlier = kept.get(text.context), in_place.get(text.context)
        comment = (entry or earlier).tcomment if (entry or earlier) else ""
        if entry is None and earlier is not None and id(earlier) not in taken and earlier.msgstr:
            taken.add(id(earlier))
            # Still fuzzy from an earlier change: keep the text the translation was made from.
            previous = earlier.previous_msgid if earlier.fuzzy and earlier.previous_msgid else earlier.msgid
            entry = polib.POEntry(msgstr=earlier.msgstr, flags=sorted({*earlier.flags, "fuzzy"}),
                                  previous_msgid=previous)
            changes.fuzzy += 1
        elif entry is None:
            entry = polib.POEntry(msgstr="")
            changes.added += earlier is None
        file, line = where(text)
        fresh.append(polib.POEntry(
            msgctxt=text.context, msgid=text.text, msgstr=entry.msgstr, occurrences=[(file, str(line))],
            flags=list(entry.flags) if entry.msgstr else [], tcomment=comment,
            previous_msgid=entry.previous_msgid if entry.msgstr else None))
    for entry in entries:
        if entry.msgstr and id(entry) not in taken:
            changes.obsolete += not entry.obsolete
            fresh.append(polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr=entry.msgstr,
                                       flags=entry.flags, tcomment=entry.tcomment, obsolete=True))
    return fresh, changes


def _carried_over(entries: list[polib.POEntry], texts: list[SourceText]) -> dict[str, polib.POEntry]:
    """The translation each text keeps unchanged: from the same place, or moved within its file."""
    translated = [entry for entry in entries if entry.msgstr]
    by_place = {(entry.msgctxt, entry.msgid): entry for entry in translated}
    by_file: dict[tuple[str, str], polib.POEntry] = {}
    for entry in translated:
        by_file.setdefault(((entry.msgctxt or "").partition(":")[0], entry.msgid), entry)
    kept: dict[str, polib.POEntry] = {}
    for text in texts:
        entry = by_place.get((text.context, text.text))
        if entry is not None:
            kept[text.context] = entry
    taken = {id(entry) for entry in kept.values()}
    for text in texts:
        moved = by_file.get((text.file, text.text))
        if text.context not in kept and moved is not None and id(moved) not in taken:
            kept[text.context] = moved
            taken.add(id(moved))
    return kept


def _header(language: str, course_title: str) -> tuple[str, dict[str, str]]:
    name = Locale.parse(language).english_name
    comment = (f"{name} translation of the course «{course_title}».\n"
               "msgctxt names the course file and field a text comes from; translate msgstr.\n"
               "Keep the file in step with the course: startpakke translate update")
    return comment, {
        "Project-Id-Version": course_title,
        "Language": language,
        "Language-Team": name,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }

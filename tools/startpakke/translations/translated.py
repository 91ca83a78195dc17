"""The course in another language: every text replaced by its usable translation, structure from the
source. Pure: the loaded course and a PO catalog in, a `Translation` out; the site and the printed cards
call it once per language.

A translation is usable when it is not fuzzy, not empty, translates the current source text and passes
the checks the source text passes (markup, length), the same validators run on the same fields. Any
other text falls back to the source, and the Translation says which, so a page can mark those texts
with the source's language and say when it is mostly untranslated.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Literal

import polib
from pydantic import BaseModel, ValidationError

from ..layout import HOME, Layout
from ..model import Course, CourseFile, Method, MethodFile, Module, ModuleFile
from ..validation import explain, real_path
from ..yamlsource import FieldPath
from .pofile import by_context
from .texts import COURSE_FILE, SourceText, course_texts, method_file, module_file

class Untranslated(str):
    """A text shown in the source language on a translated page: the page marks it with `language`."""

    language: str

    def __new__(cls, text: str, language: str) -> Untranslated:
        marked = super().__new__(cls, text)
        marked.language = language
        return marked

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return str(self), self.language  # pickled for the printing processes


State = Literal["translated", "fuzzy", "outdated", "missing", "refused"]
"""translated: usable. fuzzy: marked for review. outdated: made for an earlier source text (the file
was not updated since). missing: no translation. refused: fails the checks (`problem` says why)."""


@dataclass(frozen=True)
class Outcome:
    text: SourceText
    state: State
    entry: polib.POEntry | None = None
    problem: tuple[str, str] | None = None
    """(message, hint) when refused."""


@dataclass(frozen=True)
class Translation:
    language: str
    source_language: str
    course: Course
    """The course in `language`; its `language` is that language, so the interface follows it."""
    outcomes: list[Outcome]
    """One per text of the source course, in course order."""

    @cached_property
    def _fallbacks(self) -> frozenset[str]:
        return frozenset(outcome.text.context for outcome in self.outcomes if outcome.state != "translated")

    @property
    def fallbacks(self) -> list[SourceText]:
        """The texts shown in the source language."""
        return [outcome.text for outcome in self.outcomes if outcome.text.context in self._fallbacks]

    def fell_back(self, file: str, path: FieldPath) -> bool:
        """Whether the text at `path` of `file` (e.g. `methods/x.yml`, ("steps", 0, "text")) is the source's."""
        return SourceText(file, path, "", "").context in self._fallbacks

    def untranslated_share(self, file: str) -> float:
        """Of one file's texts (a page's), the share by length shown in the source language."""
        texts = [outcome.text for outcome in self.outcomes if outcome.text.file == file]
        total = sum(len(text.text) for text in texts)
        shown = sum(len(text.text) for text in texts if text.context in self._fallbacks)
        return shown / total if total else 0.0


def translate_course(course: Course, catalog: polib.POFile | None, language: str) -> Translation:
    entries = by_context(catalog) if catalog is not None else {}
    outcomes = {text.context: _outcome(text, entries.get(text.context)) for text in course_texts(course)}
    by_file: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes.values():
        by_file[outcome.text.file].append(outcome)

    def file(source: BaseModel, model: type[BaseModel], name: str, **structure: Any) -> Any:
        translated = _translated(source, model, by_file[name], outcomes, structure)
        for outcome in by_file[name]:
            if outcomes[outcome.text.context].state != "translated":
                _mark(translated, outcome.text.path, course.language)
        return translated

    # The translation is published at its own address (`…/se/`): its cards' QR codes and its plans lead there.
    site_url = Layout(course.info.site_url, language).absolute(HOME)
    info = file(course.info, CourseFile, COURSE_FILE, language=language, site_url=site_url)
    modules = [Module.of(file(module, ModuleFile, module_file(module.slug)), module.slug)
               for module in course.modules]
    methods = {slug: Method.of(file(method, MethodFile, method_file(slug)), slug)
               for slug, method in course.methods.items()}
    return Translation(language, course.language, Course(info=info, modules=modules, methods=methods),
                       list(outcomes.values()))


def _outcome(text: SourceText, entry: polib.POEntry | None) -> Outcome:
    if entry is None or not entry.msgstr.strip():
        return Outcome(text, "missing", entry)
    if entry.msgid != text.text:
        return Outcome(text, "outdated", entry)
    return Outcome(text, "fuzzy" if entry.fuzzy else "translated", entry)


def _translated(source: BaseModel, model: type[BaseModel], texts: list[Outcome],
                outcomes: dict[str, Outcome], structure: dict[str, Any]) -> BaseModel:
    """One file's model with its usable translations in place; those the checks refuse are put back
    to the source text, and their outcome says why."""
    data = source.model_dump(by_alias=True, exclude={"slug"}) | structure
    chosen = [outcome for outcome in texts if outcome.state == "translated"]
    for outcome in chosen:
        _put(data, outcome.text.path, outcome.entry.msgstr)  # type: ignore[union-attr]
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            loc = real_path(data, detail["loc"])
            for outcome in chosen:
                path = outcome.text.path
                if path[:len(loc)] == loc or loc[:len(path)] == path:
                    outcomes[outcome.text.context] = replace(outcome, state="refused",
                                                             problem=explain(detail, model, loc))
                    _put(data, path, outcome.text.text)
    return model.model_validate(data)  # the source's own texts passed these checks when it was loaded


def _mark(model: BaseModel, path: FieldPath, language: str) -> None:
    """Mark the validated model's text at `path` as shown in the source `language`."""
    parent: Any = model
    for part in path[:-1]:
        parent = parent[part] if isinstance(part, int) else getattr(parent, part)
    last = path[-1]
    if isinstance(last, int):
        parent[last] = Untranslated(parent[last], language)
    else:
        object.__setattr__(parent, last, Untranslated(getattr(parent, last), language))


def _put(data: Any, path: FieldPath, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value

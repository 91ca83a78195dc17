"""The course's texts: what a translation translates. Every text field of course.yml, the modules and
the method cards, in course order, each named by its file and field path, which is its gettext context
(`methods/interessentkart.yml:steps[2].text`), so the same sentence in two places can be translated
differently.

A field is text when the model marks it so (`model.Text`: every Plain, Line and Prose field). The rest
is structure and comes from the source in every language: minutes, group sizes, phase ids, related
methods, video files, slugs, addresses.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..fieldpath import dotted
from ..model import Course, Text
from ..sources import Sources
from ..yamlsource import Document, FieldPath

COURSE_FILE = "course.yml"
COURSE_WIDE = "(course)"
"""The part course.yml's texts belong to: the title, about page, phases and credits."""
NO_MODULE = "(no module)"
"""The part of method cards no module teaches."""


@dataclass(frozen=True)
class SourceText:
    file: str
    """The file, from the course folder: `course.yml`, `modules/<slug>.yml`, `methods/<slug>.yml`."""
    path: FieldPath
    text: str
    part: str
    """A module's slug (its own file and the cards it teaches), COURSE_WIDE or NO_MODULE."""

    @property
    def context(self) -> str:
        return f"{self.file}:{dotted(self.path)}"


def module_file(slug: str) -> str:
    return f"modules/{slug}.yml"


def method_file(slug: str) -> str:
    return f"methods/{slug}.yml"


def course_texts(course: Course) -> list[SourceText]:
    """Every text of the course, in the order a learner meets it."""
    texts = _texts(course.info, COURSE_FILE, COURSE_WIDE)
    for module in course.modules:
        texts += _texts(module, module_file(module.slug), module.slug)
        for method in course.methods_of(module):
            texts += _texts(method, method_file(method.slug), module.slug)
    for slug, method in course.methods.items():
        if course.module_of(slug) is None:
            texts += _texts(method, method_file(slug), NO_MODULE)
    return texts


def _texts(model: BaseModel, file: str, part: str) -> list[SourceText]:
    return [SourceText(file, path, value, part) for path, value in text_fields(model)]


def text_fields(model: BaseModel, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """(field path, value) of every non-empty text field of a model, in field order."""
    for name, info in type(model).model_fields.items():
        yield from _walk(getattr(model, name), info.annotation, info.metadata, path + (info.alias or name,))


def _walk(value: Any, annotation: Any, metadata: list[Any], path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, BaseModel):  # also each member of a union: the value says which it is
        yield from text_fields(value, path)
    elif isinstance(value, list):
        item, item_metadata = _item_type(annotation)
        for index, entry in enumerate(value):
            yield from _walk(entry, item, item_metadata, path + (index,))
    elif isinstance(value, str) and value and any(isinstance(mark, Text) for mark in metadata):
        yield path, value


def _item_type(annotation: Any) -> tuple[Any, list[Any]]:
    """`list[Annotated[str, …, Text("line")]]` → (str, [… Text("line")])."""
    item = next(iter(typing.get_args(annotation)), Any)
    if typing.get_origin(item) is typing.Annotated:
        base, *metadata = typing.get_args(item)
        return base, metadata
    return item, []


def document_of(sources: Sources, file: str) -> Document | None:
    """The YAML document a text was read from, for its line."""
    kind, _, name = file.partition("/")
    if file == COURSE_FILE:
        return sources.info[0] if sources.info else None
    table = sources.modules if kind == "modules" else sources.methods
    entry = table.get(name.removesuffix(".yml"))
    return entry[0] if entry else None

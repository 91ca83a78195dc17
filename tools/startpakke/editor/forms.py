"""Decap CMS forms made from the course model, so the forms never drift from what `check` accepts.

Each model field becomes a form field: its YAML name, a widget for its type (Markdown for prose, a list
for lists, a select for fixed choices, a relation for references to methods and modules), whether it is
required, its limits, a Norwegian label (labels.py) and the field's description as the hint. The same
loader as `check` validates every save (backend.py), so a limit Decap cannot express still holds.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..i18n import language_name
from ..model import CourseFile, MethodFile, ModuleFile, Phase, PublishedLanguage, Text
from .labels import LABELS, OPTIONS

Field = dict[str, Any]

METHODS, MODULES, COURSE = "methods", "modules", "course"
RELATIONS = {
    # Fields that name other files: a pick list of their titles rather than a file name to type.
    (MethodFile, "related"): METHODS,
    (ModuleFile, "methods"): METHODS,
    (CourseFile, "modules"): MODULES,
    ("AgendaItem", "method"): METHODS,
}
MARKDOWN_BUTTONS = ["bold", "italic", "link", "bulleted-list", "numbered-list"]
"""What course text may hold (markup.py): no headings, quotes, code or images."""


class MissingLabel(LookupError):
    """A model field has no Norwegian label in labels.py."""


def collections(phases: list[Phase]) -> list[Field]:
    """The course file, the modules and the method cards, as Decap collections."""
    return [
        {"name": COURSE, "label": "Kurset", "editor": {"preview": False},
         "files": [{"name": COURSE, "label": "Om kurset (course.yml)", "file": "course/course.yml",
                    "fields": form_fields(CourseFile, phases)}]},
        _folder(MODULES, "Moduler", "Modul", ModuleFile, phases),
        _folder(METHODS, "Metodekort", "Metodekort", MethodFile, phases),
    ]


def _folder(name: str, label: str, singular: str, model: type[BaseModel], phases: list[Phase]) -> Field:
    return {"name": name, "label": label, "label_singular": singular, "folder": f"course/{name}",
            "extension": "yml", "format": "yaml", "create": True, "delete": True,
            "identifier_field": "title", "slug": "{{slug}}", "summary": "{{title}}",
            "editor": {"preview": False}, "fields": form_fields(model, phases)}


def form_fields(model: type[BaseModel], phases: list[Phase]) -> list[Field]:
    return [_field(model, name, info, phases) for name, info in model.model_fields.items()]


def _field(model: type[BaseModel], name: str, info: FieldInfo, phases: list[Phase]) -> Field:
    key = info.alias or name
    if key not in LABELS:
        raise MissingLabel(f"{model.__name__}.{key} has no label in editor/labels.py")
    field: Field = {"name": key, "label": LABELS[key]}
    if info.description:
        field["hint"] = info.description
    annotation, optional = _without_none(info.annotation)
    relation = RELATIONS.get((model, name)) or RELATIONS.get((model.__name__, name))
    if relation:
        field.update(_relation(relation, multiple=get_origin(_unwrap(annotation)[0]) is list))
    elif model.__name__ == "Video" and name == "source":
        field.update(widget="file", choose_url=False)  # uploaded into media/videos/, checked as `video add` does
    elif model is MethodFile and name == "phase":
        field.update(widget="select", options=[{"label": p.title, "value": p.id} for p in phases])
    else:
        field.update(_widget(annotation, list(info.metadata), phases))
    if optional or not info.is_required():
        field["required"] = False
        if field.get("widget") == "object":  # Decap would demand the inner fields of an empty block
            field["fields"] = [_optional(inner) for inner in field["fields"]]
    return field


def _optional(field: Field) -> Field:
    return {**field, "required": False,
            **({"fields": [_optional(f) for f in field["fields"]]} if field.get("widget") == "object" else {})}


def _widget(annotation: Any, metadata: list[Any], phases: list[Phase]) -> Field:
    tp, extra = _unwrap(annotation)
    limits = _limits(metadata + extra)
    origin = get_origin(tp)
    if tp is str:
        kind = next((m.kind for m in metadata + extra if isinstance(m, Text)), None)
        widget: Field = {"widget": "markdown", "buttons": MARKDOWN_BUTTONS, "editor_components": [],
                         "modes": ["rich_text", "raw"]} if kind == "prose" else {"widget": "string"}
        if "max_length" in limits:
            widget["pattern"] = [f"^[\\s\\S]{{0,{limits['max_length']}}}$",
                                 f"Høyst {limits['max_length']} tegn"]
        return widget
    if tp is bool:
        return {"widget": "boolean", "default": False}
    if tp in (int, float):
        number = {"widget": "number", "value_type": "int" if tp is int else "float"}
        low = limits.get("ge", limits.get("gt"))
        return number | ({"min": low} if low is not None else {}) | (
            {"max": limits["le"]} if "le" in limits else {})
    if origin is Literal:
        return {"widget": "select", "options": [{"label": _option(v), "value": v} for v in get_args(tp)]}
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return {"widget": "object", "collapsed": False, "fields": form_fields(tp, phases)}
    if origin in (Union, types.UnionType):
        return _one_of(get_args(tp), phases)
    if origin is dict:  # captions: a file for each language the course can be published in
        return {"widget": "object", "collapsed": True, "fields": [
            {"name": code, "label": f"Teksting på {_option(code)}", "widget": "file", "required": False}
            for code in get_args(PublishedLanguage)]}
    if origin is list:
        return _list(get_args(tp)[0], limits, phases)
    raise TypeError(f"no form widget for {annotation!r}")


def _list(item: Any, limits: dict[str, int], phases: list[Phase]) -> Field:
    field: Field = {"widget": "list"}
    if "min_length" in limits and limits["min_length"]:
        field["min"] = limits["min_length"]
    if "max_length" in limits:
        field["max"] = limits["max_length"]
    tp, extra = _unwrap(item)
    if get_origin(tp) in (Union, types.UnionType) and all(issubclass(t, BaseModel) for t in get_args(tp)):
        # Exercises: one form per kind, told apart by `type:` as in the YAML.
        field["typeKey"] = "type"
        field["types"] = [
            {"name": value, "label": _option(value), "widget": "object",
             "fields": [f for f in form_fields(model, phases) if f["name"] != "type"]}
            for model in get_args(tp) for value in get_args(model.model_fields["type"].annotation)]
    elif isinstance(tp, type) and issubclass(tp, BaseModel):
        field["fields"] = form_fields(tp, phases)
    else:
        field["field"] = {"name": "item", "label": "Linje", **_widget(item, [], phases)}
    return field


def _one_of(options: tuple[Any, ...], phases: list[Phase]) -> Field:
    """A field that is one of several shapes (online: a variant, or why it does not suit): the fields of
    all of them, none required; the save is validated as the YAML would be (backend.py drops empty ones)."""
    fields: dict[str, Field] = {}
    for option in options:
        model = _unwrap(option)[0]
        for field in form_fields(model, phases):
            fields.setdefault(field["name"], _optional(field))
    return {"widget": "object", "collapsed": False, "fields": list(fields.values())}


def _option(value: str) -> str:
    """A select value as the form shows it: a language by its Norwegian name, others from labels.py."""
    return OPTIONS.get(value) or language_name(value, "nb")


def _relation(collection: str, multiple: bool) -> Field:
    return {"widget": "relation", "collection": collection, "value_field": "{{slug}}",
            "search_fields": ["title"], "display_fields": ["title"], "multiple": multiple,
            "options_length": 1000}


def _unwrap(tp: Any) -> tuple[Any, list[Any]]:
    """The type inside Annotated layers, and everything the layers say about it."""
    metadata: list[Any] = []
    while get_origin(tp) is typing.Annotated:
        tp, *extra = get_args(tp)
        metadata += extra
    return tp, metadata


def _without_none(tp: Any) -> tuple[Any, bool]:
    if get_origin(tp) in (Union, types.UnionType) and type(None) in get_args(tp):
        rest = [t for t in get_args(tp) if t is not type(None)]
        return (rest[0] if len(rest) == 1 else Union[tuple(rest)]), True  # type: ignore[return-value]
    return tp, False


def _limits(metadata: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for item in metadata:
        if isinstance(item, FieldInfo):
            found |= _limits(list(item.metadata))
        for name, kind in (("min_length", annotated_types.MinLen), ("max_length", annotated_types.MaxLen),
                           ("ge", annotated_types.Ge), ("le", annotated_types.Le), ("gt", annotated_types.Gt)):
            if isinstance(item, kind):
                found[name] = getattr(item, name)
    return found

"""Turn pydantic's validation errors into problems an editor can act on: where, what, how to fix."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .fieldpath import dotted
from .problems import Report
from .yamlsource import Document, FieldPath

YAML_BOOLEANS = {True: "yes/true/on", False: "no/false/off"}


def validate(document: Document, model: type[BaseModel], report: Report) -> BaseModel | None:
    if not isinstance(document.data, dict):
        line, col = document.where(())
        report.add(
            document.path, line, col, "", "the file must be a list of `field: value` lines",
            f"start from the template: `startpakke new {_kind(model)} \"Tittel\"`",
        )
        return None
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            _report(document, model, detail, report)
        return None


def _kind(model: type[BaseModel]) -> str:
    return "module" if "Module" in model.__name__ else "method"


def _report(document: Document, model: type[BaseModel], detail: ErrorDetails, report: Report) -> None:
    loc = real_path(document.data, detail["loc"])
    kind = detail["type"]
    misplaced = _inside_a_block(document, loc) if kind == "missing" else None
    if misplaced:
        line, col, holder = misplaced
        report.add(document.path, line, col, dotted(loc),
                   f"`{loc[-1]}:` is indented too far: YAML reads it as part of `{holder}` above",
                   f"move `{loc[-1]}:` left to line up with `{holder}:`")
        return
    if kind == "missing":
        # Point at the key of the block the field is missing from, not at its first line.
        line, col = document.where(loc[:-1], at_key=True) if loc[:-1] else (1, 1)
    else:
        line, col = document.where(loc, at_key=kind == "extra_forbidden")
    message, hint = explain(detail, model, loc)
    report.add(document.path, line, col, dotted(loc), message, hint)


def _inside_a_block(document: Document, loc: FieldPath) -> tuple[int, int, str] | None:
    """A required field that is missing because its line went into the text block of the field above
    it (`text: |` … `  minutes: 40`): where that line is, and the field whose text took it."""
    parent, key = loc[:-1], loc[-1]
    fields = _at(document.data, parent)
    if not isinstance(fields, dict) or not isinstance(key, str):
        return None
    for holder, value in fields.items():
        if not (isinstance(value, str) and re.search(rf"^\s*{re.escape(key)}\s*:", value, re.M)):
            continue
        start = document.values.get(parent + (holder,), (0, 0))[0]
        for number in range(start, min(start + value.count("\n") + 2, len(document.lines) + 1)):
            text = document.lines[number - 1]
            if re.match(rf"^\s*{re.escape(key)}\s*:", text):
                return number, len(text) - len(text.lstrip()) + 1, str(holder)
    return None


def _at(data: Any, path: FieldPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def real_path(data: Any, loc: tuple[Any, ...]) -> FieldPath:
    """Drop the union tags pydantic puts into error locations: keep only steps that exist in the data."""
    path: list[str | int] = []
    node = data
    for position, part in enumerate(loc):
        last = position == len(loc) - 1
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif not last:
            continue
        path.append(part)
    return tuple(path)


def explain(detail: ErrorDetails, model: type[BaseModel], loc: FieldPath) -> tuple[str, str]:
    kind, value, ctx = detail["type"], detail.get("input"), detail.get("ctx", {})
    about = description_of(model, loc)
    if kind == "missing":
        return "this required field is missing", f"add `{loc[-1]}:`" + (f": {about}" if about else "")
    if kind == "markup":
        return ctx["message"], ctx["hint"]
    if kind == "string_too_long":
        return (f"is {len(value):,} characters long; at most {ctx['max_length']:,} fit here".replace(",", " "),
                "shorten it: the text has to fit on a printed card and a page")
    if kind == "too_long":
        return (f"has {ctx.get('actual_length')} items; at most {ctx.get('max_length')} fit here",
                "keep the most important ones: the list is printed on a card or shown on one page")
    if kind == "string_pattern_mismatch":
        return (f"must be lower-case letters a–z, digits and hyphens, got {_show(value)}",
                "e.g. `forsta` or `apen-kafe`: ids and file names are written without spaces or æøå")
    if (value is None and kind not in ("extra_forbidden", "value_error")) or kind == "string_too_short":
        return "must not be empty", about or "write the value after the colon"
    if kind == "extra_forbidden":
        known = sorted(fields_at(model, loc[:-1]))
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.5)
        message = f"unknown field `{loc[-1]}`"
        if close:
            return message + f"; did you mean `{close[0]}`?", f"known fields here: {', '.join(known)}"
        return message, f"known fields here: {', '.join(known)}"
    if kind == "string_type":
        if isinstance(value, bool):
            return (
                f"must be text, but YAML read `{YAML_BOOLEANS[value]}` as {str(value).lower()}",
                "put the text in quotes, e.g. \"nei\"",
            )
        if isinstance(value, (int, float)):
            return "must be text, not a number", "put it in quotes"
        return "must be text", "write it after the colon, or as a `|` block for several lines"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number, got {_show(value)}", "write digits only, e.g. 15"
    if kind in ("float_type", "float_parsing"):
        return f"must be a number, got {_show(value)}", "write digits, e.g. 12.5"
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false, got {_show(value)}", ""
    if kind == "greater_than_equal":
        return f"must be {ctx.get('ge')} or more, got {_show(value)}", ""
    if kind == "greater_than":
        return f"must be more than {ctx.get('gt')}, got {_show(value)}", ""
    if kind == "less_than_equal":
        return f"must be {ctx.get('le')} or less, got {_show(value)}", ""
    if kind == "too_short":
        return (
            f"needs at least {ctx.get('min_length')} item(s)",
            about or "write each item on its own line starting with `- `",
        )
    if kind == "list_type":
        return f"must be a list, got {_show(value)}", "write each item on its own line starting with `- `"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be a group of `field: value` lines, got {_show(value)}", "indent the fields under it"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected')}, got {_show(value)}", ""
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return f"must have `type:` set to one of {ctx.get('expected_tags')}", ""
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"])), ""
    return detail["msg"], ""


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return text if len(text) <= 40 else text[:37] + "..."


def fields_at(model: type[BaseModel], loc: FieldPath) -> set[str]:
    """Every field name a model accepts at `loc` (the union of all members where a union stands)."""
    return {info.alias or name for name, info in _fields(_annotations_at(model, loc))}


def description_of(model: type[BaseModel], loc: FieldPath) -> str:
    """The field's description from the model: what to write there, in the editor's language."""
    if not loc or isinstance(loc[-1], int):
        return ""
    for name, info in _fields(_annotations_at(model, loc[:-1])):
        if loc[-1] in (name, info.alias) and info.description:
            return info.description
    return ""


def _annotations_at(model: type[BaseModel], loc: FieldPath) -> list[Any]:
    current: list[Any] = [model]
    for part in loc:
        following: list[Any] = []
        for candidate in _models_in(current):
            if isinstance(part, str) and _is_model(candidate):
                following += [info.annotation for name, info in candidate.model_fields.items()
                              if part in (name, info.alias)]
            else:
                following += _items_of(candidate)
        current = following
    return current


def _fields(annotations: list[Any]) -> list[tuple[str, Any]]:
    return [item for candidate in _models_in(annotations) if _is_model(candidate)
            for item in candidate.model_fields.items()]


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


def _unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [inner for arg in typing.get_args(annotation) for inner in _unwrap(arg)]
    return [annotation]


def _models_in(annotations: list[Any]) -> list[Any]:
    return [inner for annotation in annotations for inner in _unwrap(annotation)]


def _items_of(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is list:
        return list(typing.get_args(annotation)[:1])
    if origin is dict:
        return list(typing.get_args(annotation)[1:2])
    return []

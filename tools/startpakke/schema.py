"""JSON Schemas of the three file kinds, for completion and checking in editors such as VS Code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .files import write_atomic
from .model import CourseFile, MethodFile, ModuleFile

SCHEMAS: dict[str, type[BaseModel]] = {"course": CourseFile, "module": ModuleFile, "method": MethodFile}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(by_alias=True)
    _describe_limits(schema)
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _describe_limits(node: Any) -> None:
    """Say each field's maximum in its description too: VS Code shows descriptions on hover, limits
    only once they are broken."""
    if isinstance(node, dict):
        for field in node.get("properties", {}).values():
            note = _limit_note(field)
            if note:
                field["description"] = f"{field.get('description', '').rstrip()} {note}".strip()
        for value in node.values():
            _describe_limits(value)
    elif isinstance(node, list):
        for value in node:
            _describe_limits(value)


def _limit_note(field: dict[str, Any]) -> str:
    items = field.get("items", {})
    if "maxItems" in field and "maxLength" in items:
        return f"Høyst {field['maxItems']} linjer, hver på høyst {items['maxLength']} tegn."
    if "maxItems" in field:
        return f"Høyst {field['maxItems']} i lista."
    if "maxLength" in field and "pattern" not in field:
        return f"Høyst {field['maxLength']} tegn."
    return ""


def write_schemas(folder: Path) -> list[Path]:
    written = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        write_atomic(path, schema_text(model))
        written.append(path)
    return written

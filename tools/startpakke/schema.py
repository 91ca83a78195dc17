"""JSON Schemas of the three file kinds, for completion and checking in editors such as VS Code."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .files import write_atomic
from .model import CourseFile, MethodFile, ModuleFile

SCHEMAS: dict[str, type[BaseModel]] = {"course": CourseFile, "module": ModuleFile, "method": MethodFile}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(by_alias=True)
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    written = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        write_atomic(path, schema_text(model))
        written.append(path)
    return written

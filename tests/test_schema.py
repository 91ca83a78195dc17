"""JSON Schemas give editors completion and checking in VS Code; they must match the model."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.helpers import FIXTURES, REPO, run
from startpakke.schema import SCHEMAS, schema_text


@pytest.mark.parametrize("name", SCHEMAS)
def test_committed_schemas_match_the_model(name: str) -> None:
    committed = (REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[name]), "run `startpakke schema` and commit schemas/"


def test_schema_command_writes_three_schemas(tmp_path: Path) -> None:
    code, _ = run("schema", "--out", str(tmp_path))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "course.schema.json", "method.schema.json", "module.schema.json"]


def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(schema_text(SCHEMAS[name])))


def test_schema_accepts_valid_files_and_rejects_typos() -> None:
    method = yaml.safe_load((FIXTURES / "mini/course/methods/kafe.yml").read_text(encoding="utf-8"))
    assert not list(_validator("method").iter_errors(method))
    method["tittel"] = method.pop("title")
    messages = [error.message for error in _validator("method").iter_errors(method)]
    assert any("tittel" in message for message in messages)
    assert any("'title' is a required property" in message for message in messages)

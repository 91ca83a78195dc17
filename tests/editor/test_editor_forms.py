"""The editor's forms are made from the model: every field the YAML can hold has a form field, with a
Norwegian label, the model's hint and its limits."""

from __future__ import annotations

import typing
from typing import Any, get_args, get_origin

import pytest
from pydantic import BaseModel

from startpakke.editor import forms
from startpakke.editor.admin import decap_config
from startpakke.model import CourseFile, MethodFile, ModuleFile, Phase
from tests.site.sitekit import make_project
from startpakke.loading import load_course

PHASES = [Phase(id="forsta", title="Forstå", description="x"), Phase(id="teste", title="Teste", description="y")]


def models_inside(annotation: Any) -> list[type[BaseModel]]:
    """Every model a field's type holds (lists, optionals and unions of them)."""
    while get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in models_inside(arg)]


def assert_every_field_has_a_form_field(model: type[BaseModel], fields: list[dict[str, Any]]) -> None:
    names = {f["name"]: f for f in fields}
    for name, info in model.model_fields.items():
        key = info.alias or name
        if model.__name__ in ("ChoiceExercise", "OrderingExercise", "ReflectionExercise") and key == "type":
            continue  # the kind of exercise is the list's type picker
        assert key in names, f"{model.__name__}.{key} has no form field"
        field = names[key]
        assert field["label"] and field["label"] != key, f"{model.__name__}.{key}: no Norwegian label"
        if info.description:
            assert field["hint"] == info.description
        for sub_model in models_inside(info.annotation):
            if "types" in field:  # one form per kind, named by the kind's `type:`
                types = {t["name"]: t["fields"] for t in field["types"]}
                for kind in get_args(sub_model.model_fields["type"].annotation):
                    assert_every_field_has_a_form_field(sub_model, types[kind])
            else:
                assert_every_field_has_a_form_field(sub_model, field["fields"])


@pytest.mark.parametrize("model", [CourseFile, ModuleFile, MethodFile])
def test_every_model_field_has_a_form_field_with_a_norwegian_label_and_the_models_hint(model) -> None:
    assert_every_field_has_a_form_field(model, forms.form_fields(model, PHASES))


def test_a_field_without_a_label_stops_the_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(forms.LABELS, "when_to_use")
    with pytest.raises(forms.MissingLabel, match="MethodFile.when_to_use"):
        forms.form_fields(MethodFile, PHASES)


def test_widgets_follow_the_field_types_and_limits() -> None:
    method = {f["name"]: f for f in forms.form_fields(MethodFile, PHASES)}
    assert method["title"]["widget"] == "string" and "required" not in method["title"]
    assert method["title"]["pattern"][1] == "Høyst 80 tegn"
    assert method["purpose"]["widget"] == "markdown"
    assert "heading-one" not in method["purpose"]["buttons"], "course text has no headings"
    assert method["phase"] == {**method["phase"], "widget": "select",
                               "options": [{"label": "Forstå", "value": "forsta"}, {"label": "Teste", "value": "teste"}]}
    assert method["related"]["widget"] == "relation" and method["related"]["collection"] == "methods"
    assert method["related"]["multiple"] is True and method["related"]["required"] is False
    assert method["steps"]["widget"] == "list" and method["steps"]["min"] == 1 and method["steps"]["max"] == 12
    steps = {f["name"]: f for f in method["steps"]["fields"]}
    assert steps["minutes"] == {**steps["minutes"], "widget": "number", "value_type": "int", "min": 0, "max": 1440}
    assert method["video"]["required"] is False
    assert {f["name"]: f["widget"] for f in method["video"]["fields"]}["source"] == "file"
    module = {f["name"]: f for f in forms.form_fields(ModuleFile, PHASES)}
    assert module["methods"]["widget"] == "relation" and module["methods"]["multiple"] is True
    assert [t["name"] for t in module["exercises"]["types"]] == \
        ["single_choice", "multiple_choice", "ordering", "reflection"]
    agenda = {f["name"]: f for f in {f["name"]: f for f in module["session"]["fields"]}["agenda"]["fields"]}
    assert agenda["method"]["widget"] == "relation" and agenda["method"]["multiple"] is False
    assert agenda["break"]["widget"] == "boolean"
    course = {f["name"]: f for f in forms.form_fields(CourseFile, PHASES)}
    assert course["modules"]["collection"] == "modules"
    assert course["translations"]["field"]["widget"] == "select"


def test_the_configuration_names_the_course_files(tmp_path) -> None:
    project = make_project(tmp_path, methods=3)
    course = load_course(project).course
    assert course
    config = decap_config(course, {"name": "proxy", "proxy_url": "http://127.0.0.1:8001/api/v1"})
    assert config["locale"] == "nb_no" and config["media_folder"] == "media/videos"
    by_name = {c["name"]: c for c in config["collections"]}
    assert by_name["course"]["files"][0]["file"] == "course/course.yml"
    assert by_name["methods"]["folder"] == "course/methods" and by_name["modules"]["folder"] == "course/modules"
    assert all(c.get("extension", "yml") == "yml" for c in config["collections"])

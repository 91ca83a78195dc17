"""`startpakke new`: a commented template that `check` explains field by field until it is filled in."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.helpers import run


def test_new_method_creates_a_slugged_file_that_check_explains(mini: Path) -> None:
    code, output = run("new", "method", "Åpen kafé", "--course", str(mini))
    created = mini / "course/methods/apen-kafe.yml"
    assert code == 0 and created.is_file()
    assert "Created course/methods/apen-kafe.yml" in output
    assert "add `- apen-kafe` to the `methods:` list of a module" in " ".join(output.split())
    text = created.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/method.schema.json\n")
    assert 'title: "Åpen kafé"' in text

    code, output = run("check", "--course", str(mini))
    assert code == 1
    lines = output.splitlines()
    assert "course/methods/apen-kafe.yml:14:9: summary: error: must not be empty" in lines
    assert "    hint: Én setning om hva metoden er." in lines
    assert any(line.startswith("course/methods/apen-kafe.yml:17:") and ": phase: error:" in line
               for line in lines)
    fields = {line.split(": ")[1] for line in lines if line.startswith("course/methods/apen-kafe.yml")}
    assert {"summary", "purpose", "when_to_use", "duration.min", "steps[1].title",
            "digital_variant.summary"} <= fields


def test_filled_in_template_passes_check(mini: Path) -> None:
    run("new", "method", "Åpen kafé", "--phase", "forsta", "--course", str(mini))
    path = mini / "course/methods/apen-kafe.yml"
    card = yaml.safe_load(path.read_text(encoding="utf-8"))
    step = {"title": "Steg", "text": "Gjør noe.", "minutes": 20}
    card.update(summary="Kort.", purpose="Hvorfor.", when_to_use="Når.", duration={"min": 20, "max": 30},
                group_size={"min": 2, "max": 8}, steps=[step],
                digital_variant={"summary": "På nett.", "tools": ["videomøte"], "steps": [step]})
    path.write_text(yaml.safe_dump(card, allow_unicode=True), encoding="utf-8")
    modules = mini / "course/modules/intro.yml"
    modules.write_text(modules.read_text().replace("  - kafe\n", "  - kafe\n  - apen-kafe\n"))
    code, output = run("check", "--course", str(mini), "--strict")
    assert code == 0, output
    assert "4 methods" in output


def test_new_never_overwrites(mini: Path) -> None:
    before = (mini / "course/methods/kafe.yml").read_text(encoding="utf-8")
    code, output = run("new", "method", "Kafe", "--course", str(mini))
    assert code == 1
    assert "already exists" in output
    assert (mini / "course/methods/kafe.yml").read_text(encoding="utf-8") == before


def test_new_method_with_unknown_phase_is_a_usage_error(mini: Path) -> None:
    code, output = run("new", "method", "Ny metode", "--phase", "fantasi", "--course", str(mini))
    assert code == 2
    assert "Phases in course.yml: forsta, utvikle" in output
    assert not (mini / "course/methods/ny-metode.yml").exists()


def test_new_module_template(mini: Path) -> None:
    code, output = run("new", "module", "Digital samling 2", "--course", str(mini))
    path = mini / "course/modules/digital-samling-2.yml"
    assert code == 0 and path.is_file()
    assert "under `modules:` in course/course.yml" in " ".join(output.split())
    code, output = run("check", "--course", str(mini))
    assert "course/modules/digital-samling-2.yml:12:9: summary: error: must not be empty" in output
    assert "the module `digital-samling-2` (course/modules/digital-samling-2.yml) is missing from " \
        "the course order" in output


def test_title_without_letters_is_a_usage_error(mini: Path) -> None:
    code, output = run("new", "method", "???", "--course", str(mini))
    assert code == 2
    assert "no letters or digits" in output

"""`startpakke cards` end to end: what a facilitator's editor types, and what lands in build/cards/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from unittest.mock import ANY
from typer.testing import CliRunner

from startpakke.cli import app

from .conftest import flat, page_sizes_mm, pdf_text


@pytest.fixture
def project(course_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(course_copy.parent)
    return course_copy.parent


def test_cards_on_a4_sheets_with_a_later_start(project: Path) -> None:
    result = CliRunner().invoke(app, ["cards", "--format", "a4-4up", "--start", "10:00"])
    assert result.exit_code == 0, result.output
    out = project / "build" / "cards"
    assert sorted(p.name for p in (out / "a4-4up").iterdir()) == [
        "interessentkart.pdf", "kortstokk.pdf", "rollespill.pdf", "samisk-kafe.pdf"]
    assert page_sizes_mm(out / "a4-4up" / "kortstokk.pdf") == [(210, 297)] * 4
    assert "10:00–10:15" in flat(pdf_text(out / "okter" / "okt-1.pdf"))
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["formats"]["a4-4up"]["deck"] == "a4-4up/kortstokk.pdf"
    assert manifest["formats"]["a4-4up"]["cards"]["rollespill"] == "a4-4up/rollespill.pdf"
    assert manifest["sessions"]["okt-1"] == {"pdf": "okter/okt-1.pdf", "md": "okter/okt-1.md",
                                             "html": "okter/okt-1.html", "inputs": ANY}
    assert not [p for p in out.rglob("*.tmp")], "no temporary files left"


def test_a_removed_method_loses_its_pdf(project: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["cards"]).exit_code == 0
    out = project / "build" / "cards"
    assert (out / "rollespill.pdf").is_file()
    (project / "course" / "methods" / "rollespill.yml").unlink()
    module = project / "course" / "modules" / "okt-2.yml"
    module.write_text(module.read_text("utf-8").replace("methods: [rollespill]", "methods: []")
                      .replace("    - method: rollespill\n      minutes: 40\n      notes: Ta med rekvisitter fra utlånet.\n", ""),
                      "utf-8")
    result = runner.invoke(app, ["cards"])
    assert result.exit_code == 0, result.output
    assert not (out / "rollespill.pdf").exists()
    assert sorted(p.name for p in out.glob("*.pdf")) == ["interessentkart.pdf", "kortstokk.pdf", "samisk-kafe.pdf"]
    assert "rollespill" not in json.loads((out / "manifest.json").read_text("utf-8"))["formats"]["a5"]["cards"]


def test_bad_start_time_is_a_usage_error(project: Path) -> None:
    result = CliRunner().invoke(app, ["cards", "--start", "9"])
    assert result.exit_code == 2
    assert "HH:MM" in result.output
    assert not (project / "build").exists()


def test_content_errors_stop_before_printing(project: Path) -> None:
    method = project / "course" / "methods" / "rollespill.yml"
    method.write_text(method.read_text("utf-8").replace("phase: teste", "phase: tesste"), "utf-8")
    result = CliRunner().invoke(app, ["cards"])
    assert result.exit_code == 1
    assert "course/methods/rollespill.yml:" in result.output and "unknown phase `tesste`" in result.output
    assert not (project / "build").exists()


def test_missing_font_says_what_to_install(project: Path, without_card_fonts: None) -> None:
    result = CliRunner().invoke(app, ["cards"])
    assert result.exit_code == 1
    assert "Cannot print the cards: the card fonts Noto Sans and Noto Serif are not installed: " \
        "pip install fontpkg-noto-sans fontpkg-noto-serif" in " ".join(result.output.split())
    assert not (project / "build" / "cards").exists()


def test_an_interrupted_run_leaves_no_claim_to_an_incomplete_set(project: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["cards", "--format", "a6"]).exit_code == 0
    out = project / "build" / "cards"
    manifest = lambda: json.loads((out / "manifest.json").read_text("utf-8"))  # noqa: E731
    assert len(manifest()["formats"]["a6"]["cards"]) == 3
    method = project / "course" / "methods" / "rollespill.yml"
    method.write_text(method.read_text("utf-8").replace("title: Rollespill", "title: Rollelek"), "utf-8")
    other = project / "course" / "methods" / "interessentkart.yml"  # two changed cards: two to write
    other.write_text(other.read_text("utf-8").replace("title: Interessentkart", "title: Interessekart"), "utf-8")

    from startpakke.cards import build
    real, written = build.card_pdf, []

    def interrupted(*args: object) -> bytes:
        if written:
            raise KeyboardInterrupt  # as Ctrl-C or a kill between two cards
        written.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "card_pdf", interrupted)
    assert runner.invoke(app, ["cards", "--format", "a6"]).exit_code != 0
    assert "a6" not in manifest()["formats"]  # one card new, one old: not a set to publish
    monkeypatch.setattr(build, "card_pdf", real)
    assert runner.invoke(app, ["cards", "--format", "a6"]).exit_code == 0
    assert sorted(manifest()["formats"]["a6"]["cards"]) == ["interessentkart", "rollespill", "samisk-kafe"]
    assert "rollelek" in flat(pdf_text(out / "a6" / "rollespill.pdf"))


def test_files_made_under_another_default_format_are_not_claimed_twice(project: Path) -> None:
    # build/cards/ from before the default changed: its top-level deck was A6.
    out = project / "build" / "cards"
    out.mkdir(parents=True)
    (out / "manifest.json").write_text(json.dumps({"version": 1, "formats": {
        "a6": {"deck": "kortstokk.pdf", "cards": {"rollespill": "rollespill.pdf"}}}}), "utf-8")
    assert CliRunner().invoke(app, ["cards"]).exit_code == 0
    formats = json.loads((out / "manifest.json").read_text("utf-8"))["formats"]
    assert list(formats) == ["a5"] and formats["a5"]["deck"] == "kortstokk.pdf"
    assert page_sizes_mm(out / "kortstokk.pdf")[0] == (148, 210)

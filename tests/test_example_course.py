"""The example course is complete, and the installed `startpakke` command checks it cleanly."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.helpers import REPO, run
from startpakke.project import Project
from startpakke.loading import load_course
from startpakke.model import DigitalVariant


@pytest.fixture(scope="module")
def course():
    loaded = load_course(Project(REPO))
    assert loaded.course, "\n".join(map(str, loaded.report.sorted()))
    return loaded.course


def test_check_command_on_the_example_course(tmp_path) -> None:
    """In a fresh copy: no errors; a warning that the site address is a placeholder (printed cards carry
    it), and one per partial translation (Danish and Northern Sami) saying how much is left; and one
    note, not a warning, about the videos `startpakke build` will encode."""
    for folder in ("course", "media"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    result = subprocess.run(["startpakke", "check"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "5 modules, 14 methods, 3 videos: 0 errors, 3 warnings"
    site, danish, sami = [line for line in lines if ": warning: " in line]
    assert site.startswith("course/course.yml:9:11: site_url: warning: `https://startpakke.example.no/` is a "
                           "placeholder address")
    for warning, language in ((danish, "da"), (sami, "se")):
        assert re.match(rf"course/translations/{language}\.po:\d+:1: \(file\): warning: \d+ of \d+ texts have "
                        r"no translation yet: they are published in the source language \(nb\)", warning), warning
    [note] = [line for line in lines if line.startswith("info: ")]
    assert note.startswith("info: 3 videos to encode: interessentkart (not encoded yet), prototype")


def test_course_covers_every_phase_with_fourteen_methods(course) -> None:
    assert course.language == "nb"
    assert len(course.methods) == 14
    assert {m.phase for m in course.methods.values()} == {p.id for p in course.info.phases}
    assert [p.id for p in course.info.phases] == ["forsta", "utvikle", "velge", "teste"]


def test_course_series_has_three_three_hour_digital_sessions_with_actions(course) -> None:
    sessions = [m for m in course.modules if m.session]
    assert len(sessions) == 3
    for module in sessions:
        assert module.session.format == "digital" and module.session.minutes == 180
        assert module.session.agenda_minutes <= 180
        assert module.action and module.action.questions
    assert course.modules[0].slug == "hva-er-samskaping"
    assert course.modules[-1].slug == "evaluere-og-spre"


@pytest.mark.parametrize("slug", sorted(p.stem for p in (REPO / "course/methods").glob("*.yml")))
def test_every_card_is_complete(course, slug: str) -> None:
    method = course.methods[slug]
    assert len(method.steps) >= 4 and all(step.minutes > 0 for step in method.steps)
    assert method.tips and method.examples and method.related and method.materials
    if isinstance(method.digital_variant, DigitalVariant):
        assert method.digital_variant.steps and method.digital_variant.tools
    else:
        assert len(method.digital_variant.not_suited) > 40, "a reason, not a word"


def test_list_methods_filters(course) -> None:
    code, output = run("list", "methods", "--course", str(REPO), "--phase", "velge")
    assert code == 0
    assert "prikkstemming" in output and "na-wow-hvordan" in output and "idemyldring" not in output
    code, output = run("list", "methods", "--course", str(REPO), "--digital")
    assert "gaa-og-snakk" not in output and "interessentkart" in output
    code, output = run("list", "methods", "--course", str(REPO), "--group-size", "20")
    expected = {s for s, m in course.methods.items() if m.group_size.min <= 20 <= m.group_size.max}
    assert expected and all(slug in output for slug in expected)
    assert all(slug not in output for slug in set(course.methods) - expected)
    code, output = run("list", "methods", "--course", str(REPO), "--max-minutes", "20")
    expected = {s for s, m in course.methods.items() if m.duration.min <= 20}
    assert expected and all(slug in output for slug in expected)
    assert all(slug not in output for slug in set(course.methods) - expected)
    code, output = run("list", "methods", "--course", str(REPO), "--phase", "nope")
    assert code == 2

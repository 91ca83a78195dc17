"""The editor's view of `startpakke video` and `startpakke check`: lines to act on, and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from startpakke.cli import app

from .clips import Course, make_clip

pytestmark = pytest.mark.slow
runner = CliRunner()


def test_a_broken_video_is_one_line_the_others_finish_and_the_exit_code_is_1(
        course: Course, tmp_path: Path) -> None:
    course.add_method("kart", make_clip(tmp_path / "kart.mp4", seconds=2))
    fake = tmp_path / "samtale.mp4"
    fake.write_text("Dette er ikke en video.\n", encoding="utf-8")
    course.add_method("samtale", fake)
    result = runner.invoke(app, ["video", "--course", str(course.root)])
    assert result.exit_code == 1
    problem_lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(problem_lines) == 1
    assert problem_lines[0].startswith("course/methods/samtale.yml:")
    assert "video.source: error: media/videos/samtale.mp4: not a video file that can be read" \
        in problem_lines[0]
    table = result.stdout
    assert "kart" in table and "360p" in table and "samtale" in table and "failed" in table
    assert "540p" not in table  # a 360p source gets no copy of itself labelled 540p

    check = runner.invoke(app, ["check", "--course", str(course.root)])
    assert "info: 1 video to encode: samtale (not encoded yet)." in check.output
    assert "kart" not in check.output


def test_ffmpeg_can_be_chosen_by_environment_variable(course: Course, tmp_path: Path) -> None:
    course.add_method("kart", make_clip(tmp_path / "kart.mp4", seconds=1))
    result = runner.invoke(app, ["video", "--course", str(course.root)],
                           env={"STARTPAKKE_FFMPEG": str(tmp_path / "no-such-ffmpeg")})
    assert result.exit_code == 1
    assert "STARTPAKKE_FFMPEG points at" in result.stderr

"""The poster is the frame the card asks for with `poster_at`, else one from early on; a time past the
end is warned about, by `video` and, once the video's length is known, by `check`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from startpakke.cli import app
from startpakke.media import pipeline
from startpakke.media.manifest import Manifest, load_manifest

from .clips import Course, make_clip, nearest_frame

pytestmark = pytest.mark.slow
FRAME = 1 / 25
"""One frame of the clip."""


@dataclass
class Posters:
    course: Course
    clip: Path
    outcome: pipeline.RunResult
    manifest: Manifest

    def poster(self, slug: str) -> Path:
        return self.course.project.media_build / self.manifest.videos[slug].poster.path


@pytest.fixture(scope="module")
def posters(tmp_path_factory: pytest.TempPathFactory) -> Posters:
    folder = tmp_path_factory.mktemp("posters")
    clip = make_clip(folder / "klipp.mp4", size="640x360", seconds=12, audio=False)
    course = Course(folder / "prosjekt")
    course.add_method("valgt", clip, poster_at=7.4)
    course.add_method("tidlig", clip)
    course.add_method("for-sent", clip, poster_at=30)
    outcome = pipeline.run(course.loaded())
    return Posters(course, clip, outcome, load_manifest(course.project))


def test_the_poster_is_the_frame_at_poster_at(posters: Posters) -> None:
    assert posters.manifest.videos["valgt"].poster.at == 7.4
    assert nearest_frame(posters.poster("valgt"), posters.clip) == pytest.approx(7.4, abs=FRAME / 2)


def test_without_poster_at_the_poster_comes_from_early_on(posters: Posters) -> None:
    poster = posters.manifest.videos["tidlig"].poster
    assert (poster.at, poster.requested) == (1.2, None)  # a tenth into the 12 s clip
    # ffmpeg's thumbnail filter picks the most typical of the 30 frames from there
    assert 1.2 - FRAME / 2 <= nearest_frame(posters.poster("tidlig"), posters.clip) <= 1.2 + 30 * FRAME


def test_a_poster_at_past_the_end_is_warned_about_and_an_early_frame_used(posters: Posters) -> None:
    [warning] = posters.outcome.report.warnings
    assert (warning.file, warning.field) == ("course/methods/for-sent.yml", "video.poster_at")
    lines = (posters.course.root / warning.file).read_text(encoding="utf-8").splitlines()
    assert lines[warning.line - 1] == "  poster_at: 30"
    assert warning.message == ("poster_at is 30 s, but the video is only 12.0 s long; "
                               "the poster is taken from early on (1.2 s) instead")
    assert warning.hint == "give a time inside the video (less than 11.8), or remove `poster_at:`"
    assert posters.manifest.videos["for-sent"].poster.at == 1.2


def test_check_names_a_poster_at_past_the_end_once_the_length_is_known(posters: Posters,
                                                                       course: Course) -> None:
    result = CliRunner().invoke(app, ["check", "--course", str(posters.course.root)])
    warnings = [line for line in result.output.splitlines() if ": warning: " in line]
    card = (posters.course.root / "course/methods/for-sent.yml").read_text(encoding="utf-8").splitlines()
    line = card.index("  poster_at: 30") + 1
    assert warnings == [f"course/methods/for-sent.yml:{line}:14: video.poster_at: warning: poster_at is 30 s, "
                        "but the video is only 12.0 s long; the poster is taken from early on (1.2 s) instead"]
    # Not encoded yet, the length is unknown: nothing to say about the time
    course.add_method("ny", posters.clip, poster_at=30)
    fresh = CliRunner().invoke(app, ["check", "--course", str(course.root)])
    assert "poster_at" not in fresh.output and "1 video to encode: ny" in fresh.output

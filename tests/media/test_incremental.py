"""Incremental and safe: only what changed is redone, and an interrupted run is finished by the next."""

from __future__ import annotations

import fcntl
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import startpakke
from startpakke.loading import load_course
from startpakke.media import pipeline
from startpakke.media.manifest import load_manifest
from startpakke.media.probe import probe
from startpakke.media.status import check_renditions
from startpakke.media.tool import ffmpeg_exe

from .clips import Course, make_clip, moov_before_mdat

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clip(tmp_path_factory.mktemp("small") / "small.mp4", seconds=2)


def outputs(course: Course) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (course.project.media_build / "videos").iterdir()}


def test_a_new_poster_time_redoes_only_the_poster(course: Course, small: Path) -> None:
    card = course.add_method("kart", small, poster_at=0.5)
    pipeline.run(course.loaded())
    before = load_manifest(course.project).videos["kart"]
    card.write_text(card.read_text(encoding="utf-8").replace("poster_at: 0.5", "poster_at: 1.5"),
                    encoding="utf-8")
    again = pipeline.run(course.loaded())
    after = load_manifest(course.project).videos["kart"]
    assert again.encoded == []
    assert after.renditions == before.renditions and after.poster.at == 1.5
    assert after.poster.path != before.poster.path
    assert not (course.project.media_build / before.poster.path).exists()


def test_a_changed_video_is_encoded_again_and_its_old_files_go(course: Course, small: Path,
                                                               tmp_path: Path) -> None:
    course.add_method("kart", small)
    pipeline.run(course.loaded())
    old = set(outputs(course))
    (course.root / "media/videos/kart.mp4").write_bytes(
        make_clip(tmp_path / "other.mp4", seconds=2, size="480x270").read_bytes())
    again = pipeline.run(course.loaded())
    assert again.encoded == ["kart"]
    new = set(outputs(course))
    assert not [name for name in old if name.endswith(".mp4") and name in new]


def test_a_video_no_card_links_any_more_is_removed(course: Course, small: Path) -> None:
    card = course.add_method("kart", small)
    pipeline.run(course.loaded())
    card.write_text(card.read_text(encoding="utf-8").split("video:")[0], encoding="utf-8")
    pipeline.run(course.loaded())
    assert load_manifest(course.project).videos == {}
    assert outputs(course) == {}


def test_check_notes_missing_and_stale_renditions_once(course: Course, small: Path) -> None:
    course.add_method("kart", small)
    loaded = course.loaded()
    check_renditions(loaded)
    assert loaded.report.warnings == []  # information, not something an editor must fix
    assert loaded.report.notes == ["1 video to encode: kart (not encoded yet). `startpakke build` encodes "
                                   "them, or `startpakke video` alone."]
    pipeline.run(course.loaded())
    loaded = course.loaded()
    check_renditions(loaded)
    assert loaded.report.notes == []
    captions = course.root / "media/videos/kart.nb.vtt"
    captions.write_text(captions.read_text(encoding="utf-8").replace("Velkommen", "Hei"), encoding="utf-8")
    loaded = course.loaded()
    check_renditions(loaded)
    assert loaded.report.notes == ["1 video to encode: kart (captions or poster changed). `startpakke build` "
                                   "encodes them, or `startpakke video` alone."]


def test_bad_captions_name_card_and_file_and_the_video_is_still_made(course: Course, small: Path) -> None:
    course.add_method("kart", small, captions="WEBVTT\n\n00:00:01.000 --> 00:00:09.000\nFor lang.\n")
    outcome = pipeline.run(course.loaded())
    [problem] = outcome.report.errors
    assert problem.file == "course/methods/kart.yml" and problem.field == "video.captions.nb"
    assert problem.message.startswith("media/videos/kart.nb.vtt:3: this caption ends at 00:09.000")
    entry = load_manifest(course.project).videos["kart"]
    assert entry.renditions and entry.captions == []


# --- interrupted runs: a real `startpakke video` process, stopped while ffmpeg writes ----------------


def start_cli(course: Course, ffmpeg: Path | None = None,
              sigint_ignored: bool = False) -> subprocess.Popen[bytes]:
    """`startpakke video` in its own process group; with `sigint_ignored` started the way a shell
    without job control starts a background job."""
    env = dict(os.environ, PYTHONPATH=str(Path(startpakke.__file__).parents[1]))
    if ffmpeg is not None:
        env["STARTPAKKE_FFMPEG"] = str(ffmpeg)
    return subprocess.Popen(
        [sys.executable, "-c", "from startpakke.cli import app; app()", "video", "--course", str(course.root)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if sigint_ignored else None,
    )


both_starts = pytest.mark.parametrize("sigint_ignored", [False, True],
                                     ids=["sigint-handled", "sigint-ignored-on-start"])
"""ffmpeg stops on SIGINT even when it was ignored on start, so `startpakke video` must stop too."""


def wait_for_part(course: Course, process: subprocess.Popen[bytes]) -> list[Path]:
    folder = course.project.media_build / "videos"
    deadline = time.monotonic() + 120  # a guard against hanging, not a timing assertion
    while time.monotonic() < deadline and process.poll() is None:
        parts = list(folder.glob("*.part")) if folder.is_dir() else []
        if parts and all(p.stat().st_size > 0 for p in parts):
            return parts
        time.sleep(0.01)
    raise AssertionError("ffmpeg never started writing")


@pytest.fixture(scope="module")
def longer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Long enough that ffmpeg is still writing when the test stops it.
    return make_clip(tmp_path_factory.mktemp("longer") / "longer.mp4", size="1280x720", seconds=6)


def test_a_killed_run_is_finished_by_the_next(course: Course, longer: Path) -> None:
    course.add_method("kart", longer)
    process = start_cli(course)
    parts = wait_for_part(course, process)
    os.killpg(process.pid, signal.SIGKILL)  # like `kill -9` or a power cut: no chance to clean up
    process.wait()
    assert any(p.exists() for p in parts), "the run was not stopped mid-encode"
    assert "kart" not in load_manifest(course.project).videos
    assert not [p for p in (course.project.media_build / "videos").glob("*.mp4")]

    again = pipeline.run(course.loaded())
    assert again.encoded == ["kart"]
    folder = course.project.media_build / "videos"
    assert not list(folder.glob("*.part"))
    for rendition in load_manifest(course.project).videos["kart"].renditions:
        path = course.project.media_build / rendition.path
        assert moov_before_mdat(path) and abs(probe(path).duration - 6.0) <= 0.1


@both_starts
def test_ctrl_c_leaves_no_partial_file_and_no_entry(course: Course, longer: Path,
                                                    sigint_ignored: bool) -> None:
    course.add_method("kart", longer)
    process = start_cli(course, sigint_ignored=sigint_ignored)
    wait_for_part(course, process)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C in a terminal reaches the whole process group
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert b"run `startpakke video` again" in stderr
    folder = course.project.media_build / "videos"
    assert list(folder.iterdir()) == []
    assert "kart" not in load_manifest(course.project).videos


def interrupting_ffmpeg(folder: Path, during: str) -> Path:
    """ffmpeg, except that the command with `during` in it sends Ctrl-C to its process group and exits
    at once with 255, as ffmpeg does on SIGINT: its exit races the interruption of `startpakke video`."""
    script = folder / "ffmpeg"
    script.write_text("#!/bin/sh\n"
                      f'case "$*" in *{during}*) trap "exit 255" INT; kill -INT 0; exit 255 ;; esac\n'
                      f'exec {shlex.quote(ffmpeg_exe())} "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return script


@pytest.mark.parametrize("during", ["-version", "libx264", "mjpeg"],
                         ids=["version-check", "renditions", "poster"])
@both_starts
def test_ctrl_c_exits_130_even_when_ffmpeg_stops_first(course: Course, small: Path, tmp_path: Path,
                                                       during: str, sigint_ignored: bool) -> None:
    course.add_method("kart", small)
    process = start_cli(course, interrupting_ffmpeg(tmp_path, during), sigint_ignored)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr.decode()
    assert b"run `startpakke video` again" in stderr
    folder = course.project.media_build / "videos"
    assert not list(folder.glob("*.part"))
    assert "kart" not in load_manifest(course.project).videos


def test_a_missing_caption_file_does_not_hold_the_video_back(course: Course, small: Path) -> None:
    course.add_method("kart", small)
    (course.root / "media/videos/kart.nb.vtt").unlink()
    loaded = load_course(course.project)
    assert [p.field for p in loaded.report.errors] == ["video.captions.nb"]  # `check` says so
    outcome = pipeline.run(loaded)
    assert outcome.encoded == ["kart"] and outcome.report.problems == []
    assert load_manifest(course.project).videos["kart"].captions == []


def test_two_runs_at_once_do_not_share_the_build_folder(course: Course, small: Path) -> None:
    course.add_method("kart", small)
    lock = course.project.media_build / ".lock"
    lock.parent.mkdir(parents=True)
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(pipeline.Busy, match="another `startpakke video` is running"):
            pipeline.run(course.loaded())
    assert not (course.project.media_build / "manifest.json").exists()

"""`startpakke video` on real synthetic clips, checked with the probe: what a learner's browser gets."""

from __future__ import annotations

import math
from pathlib import Path

import av
import pytest
import webvtt

from startpakke.media import pipeline
from startpakke.media.loudness import measure
from startpakke.media.manifest import load_manifest
from startpakke.media.pipeline import VideoResult
from startpakke.media.probe import probe

from .clips import Course, keyframe_times, moov_before_mdat

pytestmark = pytest.mark.slow


class Recorder:
    def __init__(self) -> None:
        self.fractions: dict[str, list[float]] = {}
        self.ended: list[VideoResult] = []

    def begin(self, slug: str, source: str, duration: float) -> None:
        self.fractions[slug] = []

    def advance(self, slug: str, fraction: float) -> None:
        self.fractions[slug].append(fraction)

    def end(self, result: VideoResult) -> None:
        self.ended.append(result)


class Encoded:
    def __init__(self, course: Course, outcome: pipeline.RunResult, recorder: Recorder) -> None:
        self.course, self.outcome, self.recorder = course, outcome, recorder
        self.manifest = load_manifest(course.project)

    def rendition(self, slug: str, name: str) -> Path:
        entry = self.manifest.videos[slug]
        return self.course.project.media_build / next(r.path for r in entry.renditions if r.name == name)


@pytest.fixture(scope="module")
def encoded(tmp_path_factory: pytest.TempPathFactory, clips: dict[str, Path]) -> Encoded:
    course = Course(tmp_path_factory.mktemp("encoded") / "prosjekt")
    for name in ("landscape", "portrait", "silent", "odd", "short", "noisy", "truncated", "text"):
        course.add_method(name, clips[name], poster_at=1.0 if name == "landscape" else None)
    recorder = Recorder()
    outcome = pipeline.run(course.loaded(), reporter=recorder)
    return Encoded(course, outcome, recorder)


def test_broken_files_give_one_problem_each_and_the_others_finish(encoded: Encoded) -> None:
    problems = {p.file: p for p in encoded.outcome.report.problems}
    assert set(problems) == {"course/methods/truncated.yml", "course/methods/text.yml"}
    assert "media/videos/truncated.mp4" in problems["course/methods/truncated.yml"].message
    assert "media/videos/text.mp4: not a video file" in problems["course/methods/text.yml"].message
    assert all("\n" not in p.message for p in problems.values())
    status = {r.slug: r.status for r in encoded.outcome.results}
    assert status == {"landscape": "encoded", "portrait": "encoded", "silent": "encoded", "odd": "encoded",
                      "short": "encoded", "noisy": "encoded", "truncated": "failed", "text": "failed"}
    assert set(encoded.manifest.videos) == {"landscape", "portrait", "silent", "odd", "short", "noisy"}


@pytest.mark.parametrize(("name", "size"), [("360p", (640, 360)), ("540p", (960, 540)),
                                            ("720p", (1280, 720))])
def test_landscape_renditions_play_well_on_the_web(encoded: Encoded, name: str,
                                                   size: tuple[int, int]) -> None:
    path = encoded.rendition("landscape", name)
    made = probe(path)
    assert (made.video_codec, made.profile, made.pix_fmt) == ("h264", "High", "yuv420p")
    assert made.display_size == size and made.rotation == 0
    assert (made.audio_codec, made.sample_rate) == ("aac", 48000)
    assert moov_before_mdat(path)
    assert abs(made.duration - 3.0) <= 0.1
    keys = keyframe_times(path)
    assert keys == pytest.approx([0.0, 2.0], abs=0.05)
    loudness = measure(path)
    assert loudness is not None and abs(loudness.integrated - (-16.0)) <= 1.0


def video_kbps(path: Path) -> float:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        size = sum(packet.size for packet in container.demux(stream))
    return size * 8 / 1000 / probe(path).duration


def test_the_bit_rate_is_capped_for_slow_connections(encoded: Encoded, clips: dict[str, Path]) -> None:
    assert video_kbps(clips["noisy"]) > 3 * 1400  # noise: far more than any cap at constant quality
    renditions = encoded.manifest.videos["noisy"].renditions
    assert [r.quality for r in renditions] == ["low", "medium"]
    for rendition in renditions:
        cap = {"low": 700, "medium": 1400}[rendition.quality]
        path = encoded.course.project.media_build / rendition.path
        seconds = probe(path).duration
        # The rate control may spend its buffer (twice the cap) on top of the cap over the clip.
        assert video_kbps(path) * seconds <= cap * seconds + 2 * cap


def test_the_source_was_much_quieter_than_the_target(encoded: Encoded) -> None:
    # Guards the loudness test above: normalising must have changed something.
    assert encoded.manifest.videos["landscape"].loudness_lufs < -20


def test_a_rotated_portrait_video_is_upright_and_never_upscaled(encoded: Encoded) -> None:
    sizes = {r.name: probe(encoded.rendition("portrait", r.name)).display_size
             for r in encoded.manifest.videos["portrait"].renditions}
    assert sizes == {"360p": (360, 640), "540p": (540, 960), "720p": (720, 1280)}
    assert all(probe(encoded.rendition("portrait", n)).rotation == 0 for n in sizes)


def test_a_video_without_sound_works(encoded: Encoded) -> None:
    entry = encoded.manifest.videos["silent"]
    assert not entry.has_audio
    for rendition in entry.renditions:
        made = probe(encoded.course.project.media_build / rendition.path)
        assert made.audio_codec is None and made.profile == "High"


def test_odd_dimensions_give_even_sides_and_names_that_say_the_size(encoded: Encoded) -> None:
    entry = encoded.manifest.videos["odd"]
    assert [(r.name, r.quality) for r in entry.renditions] == [("360p", "low"), ("478p", "medium")]
    for rendition in entry.renditions:
        width, height = probe(encoded.course.project.media_build / rendition.path).display_size
        assert width % 2 == 0 and height % 2 == 0 and width <= 853 and height <= 479
        assert math.isclose(width / height, 853 / 479, rel_tol=0.01)


def test_a_360p_source_gets_one_low_rendition_at_its_own_size(encoded: Encoded) -> None:
    [rendition] = encoded.manifest.videos["silent"].renditions
    assert (rendition.name, rendition.quality, rendition.width, rendition.height) == ("360p", "low", 640, 360)
    assert probe(encoded.course.project.media_build / rendition.path).display_size == (640, 360)


def test_a_one_second_clip_keeps_its_length_and_gets_a_poster(encoded: Encoded) -> None:
    entry = encoded.manifest.videos["short"]
    for rendition in entry.renditions:
        assert abs(probe(encoded.course.project.media_build / rendition.path).duration - 1.0) <= 0.1
    assert (encoded.course.project.media_build / entry.poster.path).stat().st_size > 0


def test_posters_are_jpeg_at_the_medium_rendition_size(encoded: Encoded) -> None:
    entry = encoded.manifest.videos["landscape"]
    assert entry.poster.at == 1.0
    with av.open(str(encoded.course.project.media_build / entry.poster.path)) as image:
        stream = image.streams.video[0]
        assert stream.codec_context.name == "mjpeg"
        assert (stream.width, stream.height) == (960, 540)  # of 640×360, 960×540 and 1280×720


def test_published_captions_parse_as_webvtt(encoded: Encoded) -> None:
    entry = encoded.manifest.videos["landscape"]
    assert [c.lang for c in entry.captions] == ["nb"]
    published = webvtt.read(str(encoded.course.project.media_build / entry.captions[0].path))
    assert [c.text for c in published.captions] == ["Velkommen til biblioteket."]


def test_progress_is_reported_up_to_the_end(encoded: Encoded) -> None:
    fractions = encoded.recorder.fractions["landscape"]
    assert fractions and fractions[-1] == 1.0 and fractions == sorted(fractions)


def test_output_names_carry_a_hash_and_no_partial_files_remain(encoded: Encoded) -> None:
    folder = encoded.course.project.media_build / "videos"
    names = sorted(p.name for p in folder.iterdir())
    assert not [n for n in names if n.endswith(".part")]
    assert "landscape-720p-" + encoded.manifest.videos["landscape"].key[:12] + ".mp4" in names
    assert set(names) == {Path(p).name for p in encoded.manifest.files()}


def test_a_second_run_encodes_nothing(encoded: Encoded) -> None:
    folder = encoded.course.project.media_build / "videos"
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    again = pipeline.run(encoded.course.loaded())
    assert again.encoded == []
    assert {r.slug: r.status for r in again.results if r.status != "failed"} == {
        "landscape": "unchanged", "portrait": "unchanged", "silent": "unchanged", "odd": "unchanged",
        "short": "unchanged", "noisy": "unchanged"}
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before

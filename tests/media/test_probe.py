"""The probe tells an editor, in one line, why a file is not a usable video."""

from __future__ import annotations

from pathlib import Path

import pytest

from startpakke.media.probe import ProbeError, probe, top_level_boxes

from .clips import ffmpeg, make_clip, moov_before_mdat


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("probe")


def test_a_phone_video_reports_its_upright_size(folder: Path) -> None:
    info = probe(make_clip(folder / "phone.mp4", size="320x180", seconds=1, rotation=90))
    assert (info.width, info.height, info.rotation) == (320, 180, 90)
    assert info.display_size == (180, 320)
    assert info.has_audio and abs(info.duration - 1.0) <= 0.1


def test_a_download_cut_short_is_named_as_such(folder: Path) -> None:
    whole = make_clip(folder / "whole.mp4", size="320x180", seconds=2)
    streamable = folder / "streamable.mp4"
    ffmpeg("-i", str(whole), "-c", "copy", "-movflags", "+faststart", str(streamable))
    assert moov_before_mdat(streamable) and not moov_before_mdat(whole)
    for source in (whole, streamable):  # index last (as cameras write) and first (as the web wants)
        cut = folder / f"cut-{source.name}"
        cut.write_bytes(source.read_bytes()[: source.stat().st_size * 2 // 3])
        with pytest.raises(ProbeError, match="the file is cut off"):
            probe(cut)


def test_a_copy_that_stopped_before_the_index_says_so(folder: Path) -> None:
    whole = make_clip(folder / "whole.mp4", size="320x180", seconds=2)
    moov = next(offset for name, offset, _ in top_level_boxes(whole) if name == "moov")
    cut = folder / "no-index.mp4"
    cut.write_bytes(whole.read_bytes()[:moov])
    with pytest.raises(ProbeError, match="its index, the moov box, is missing"):
        probe(cut)


@pytest.mark.parametrize(("content", "words"), [
    (b"", "the file is empty"),
    ("Dette er en tekstfil.\n".encode(), "not a video file that can be read"),
])
def test_files_that_are_not_videos(folder: Path, content: bytes, words: str) -> None:
    path = folder / "video.mp4"
    path.write_bytes(content)
    with pytest.raises(ProbeError, match=words):
        probe(path)


def test_sound_without_picture_is_not_a_video(folder: Path) -> None:
    sound = folder / "lyd.mp4"
    ffmpeg("-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac", str(sound))
    with pytest.raises(ProbeError, match="no picture"):
        probe(sound)

"""`startpakke video add`: a new user links a phone video to a card and the card keeps its comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from startpakke.cli import app
from startpakke.loading import load_course
from startpakke.media import pipeline
from startpakke.media.manifest import load_manifest

from .clips import Course, make_clip

runner = CliRunner()

SRT = "1\n00:00:00,200 --> 00:00:01,500\nSånn lager vi kartet.\n"


@pytest.fixture(scope="module")
def phone_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # A portrait phone video, stored as phones do: landscape pixels plus a rotation.
    return make_clip(tmp_path_factory.mktemp("phone") / "IMG_0042.MOV", size="640x360", seconds=2,
                     rotation=90)


def add(course: Course, *args: str) -> object:
    return runner.invoke(app, ["video", "add", *args, "--course", str(course.root)])


def test_add_copies_video_and_captions_and_links_them_keeping_the_card(
        course: Course, phone_clip: Path, tmp_path: Path) -> None:
    card = course.add_method("kart")
    before = card.read_text(encoding="utf-8")
    captions = tmp_path / "IMG_0042.srt"
    captions.write_text(SRT, encoding="utf-8")
    result = add(course, str(phone_clip), "--method", "kart", "--captions", str(captions))
    assert result.exit_code == 0, result.output
    assert (course.root / "media/videos/kart.mov").read_bytes() == phone_clip.read_bytes()
    assert (course.root / "media/videos/kart.nb.srt").read_text(encoding="utf-8") == SRT
    block = "video:\n  source: media/videos/kart.mov\n  captions:\n    nb: media/videos/kart.nb.srt\n"
    # Every other line, comment and space is kept; the block goes where the card template puts it.
    assert card.read_text(encoding="utf-8") == before.replace("related: []\n", block + "related: []\n")
    method = load_course(course.project).course.methods["kart"]  # type: ignore[union-attr]
    assert method.video is not None and method.video.captions == {"nb": "media/videos/kart.nb.srt"}


def test_video_goes_above_related_and_its_comment(course: Course, phone_clip: Path) -> None:
    card = course.add_method("kart")
    text = card.read_text(encoding="utf-8").replace(
        "related: []\n", "\n# Andre metoder som hører sammen med denne.\nrelated: []  # ingen ennå\n")
    card.write_text(text, encoding="utf-8")
    assert add(course, str(phone_clip), "--method", "kart").exit_code == 0
    after = card.read_text(encoding="utf-8")
    assert "video:\n  source: media/videos/kart.mov\n\n# Andre metoder som hører sammen med denne.\n" \
           "related: []  # ingen ennå\n" in after


def test_adding_again_replaces_the_source_and_keeps_other_captions(
        course: Course, phone_clip: Path, tmp_path: Path) -> None:
    course.add_method("kart", make_clip(tmp_path / "old.mp4", seconds=2))
    english = tmp_path / "kart.en.vtt"
    english.write_text("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nWelcome.\n", encoding="utf-8")
    result = add(course, str(phone_clip), "--method", "kart", "--captions", str(english))
    assert result.exit_code == 0
    assert "no longer links media/videos/kart.mp4" in result.output
    assert (course.root / "media/videos/kart.mp4").exists()  # the editor's file is never deleted for them
    video = load_course(course.project).course.methods["kart"].video  # type: ignore[union-attr]
    assert video is not None and video.source == "media/videos/kart.mov"
    assert video.captions == {"nb": "media/videos/kart.nb.vtt", "en": "media/videos/kart.en.vtt"}


def test_a_phone_video_added_then_encoded_is_upright(course: Course, phone_clip: Path,
                                                      tmp_path: Path) -> None:
    course.add_method("kart")
    captions = tmp_path / "tekst.srt"
    captions.write_text(SRT, encoding="utf-8")
    assert add(course, str(phone_clip), "--method", "kart", "--captions", str(captions)).exit_code == 0
    outcome = pipeline.run(course.loaded())
    assert outcome.report.problems == []
    entry = load_manifest(course.project).videos["kart"]
    assert (entry.width, entry.height) == (360, 640)
    assert [(r.name, r.width, r.height) for r in entry.renditions] == [("360p", 360, 640)]
    assert entry.captions[0].lang == "nb" and entry.captions[0].path.endswith(".vtt")


@pytest.mark.parametrize(("args", "words"), [
    (["--method", "kartt"], "no method card `kartt` (course/methods/kartt.yml); did you mean `kart`?"),
    (["--method", "kart", "--captions", "{latin1}"], "kart.nb.vtt:4: the caption file is not UTF-8 text"),
])
def test_add_refuses_with_one_clear_line_and_changes_nothing(
        course: Course, phone_clip: Path, tmp_path: Path, args: list[str], words: str) -> None:
    card = course.add_method("kart")
    before = card.read_text(encoding="utf-8")
    latin1 = tmp_path / "kart.nb.vtt"
    latin1.write_bytes("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nSå bra!\n".encode("latin-1"))
    result = add(course, str(phone_clip), *[a.replace("{latin1}", str(latin1)) for a in args])
    assert result.exit_code == 1
    assert words in result.output and len(result.output.strip().splitlines()) == 1
    assert card.read_text(encoding="utf-8") == before
    assert list((course.root / "media/videos").iterdir()) == []


def test_add_refuses_a_text_file_named_mp4(course: Course, tmp_path: Path) -> None:
    course.add_method("kart")
    fake = tmp_path / "video.mp4"
    fake.write_text("ikke en video", encoding="utf-8")
    result = add(course, str(fake), "--method", "kart")
    assert result.exit_code == 1
    assert f"{fake}: not a video file that can be read" in result.output

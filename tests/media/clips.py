"""Synthetic clips from ffmpeg's lavfi sources and a minimal course project that links them.

Imported by the tests here and by benchmarks/video.py; the fixtures are in conftest.py."""

from __future__ import annotations

import subprocess
from fractions import Fraction
from pathlib import Path

import av

from ruamel.yaml import YAML

from startpakke.project import Project
from startpakke.loading import load_course
from startpakke.media.probe import top_level_boxes
from startpakke.media.tool import ffmpeg_exe

COURSE_YML = """\
title: Testkurs
subtitle: Et lite kurs for testene
language: nb
publisher: Testbiblioteket
license: CC BY 4.0
site_url: https://test.testbiblioteket.no/
phases:
  - id: forsta
    title: Forstå utfordringen
    description: Vi forstår.
  - id: teste
    title: Prototype og test
    description: Vi prøver.
modules:
  - modul
"""

MODULE_YML = """\
title: Modul
summary: En modul.
objectives:
  - Lære noe
minutes: 30
intro: Velkommen.
methods: []
"""

METHOD_YML = """\
# Metodekort for testene: kommentarene skal overleve `startpakke video add`.
title: {title}
summary: Et kort sammendrag.
phase: forsta
purpose: Hvorfor metoden finnes.
when_to_use: Når det passer.
duration:
  min: 10
  max: 20
group_size:
  min: 2
  max: 6
steps:
  - title: Første steg  # et steg
    text: Gjør noe.
    minutes: 10
digital_variant:
  not_suited: Passer ikke på nett.
related: []
"""


def ffmpeg(*args: str) -> None:
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", *args], check=True)


def make_clip(path: Path, *, size: str = "640x360", seconds: float = 2.0, audio: bool = True,
              rotation: int | None = None, fps: int = 25, volume_db: float = -20.0,
              noise: bool = False) -> Path:
    """A moving test pattern with a steady tone at `volume_db` (about -23 LUFS by default)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    picture = f"testsrc2=size={size}:rate={fps}:duration={seconds}" + (",noise=alls=60:allf=t" if noise else "")
    args = ["-f", "lavfi", "-i", picture]
    if audio:
        args += ["-f", "lavfi", "-i",
                 f"sine=frequency=440:sample_rate=44100:duration={seconds},volume={volume_db}dB"]
    args += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    if audio:
        args += ["-c:a", "aac", "-b:a", "96k"]
    target = path if rotation is None else path.with_name("unrotated-" + path.name)
    ffmpeg(*args, "-shortest", str(target))
    if rotation is not None:
        # How phones store portrait video: landscape pixels plus a display rotation.
        ffmpeg("-display_rotation", str(rotation), "-i", str(target), "-c", "copy", str(path))
        target.unlink()
    return path


class Course:
    """A project folder with one module; `add_method` writes a card (optionally linking a video)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "course" / "methods").mkdir(parents=True)
        (root / "course" / "modules").mkdir(parents=True)
        (root / "media" / "videos").mkdir(parents=True)
        (root / "course" / "course.yml").write_text(COURSE_YML, encoding="utf-8")
        self.slugs: list[str] = []
        # A second card without video: the generated exercises need more than one method to choose from.
        self.add_method("ekstra")

    @property
    def project(self) -> Project:
        return Project(self.root)

    def _write_module(self) -> None:
        yaml = YAML()
        data = yaml.load(MODULE_YML)
        data["methods"] = self.slugs
        with (self.root / "course" / "modules" / "modul.yml").open("w", encoding="utf-8") as file:
            yaml.dump(data, file)

    def add_method(self, slug: str, clip: Path | None = None, captions: str | None = None,
                   poster_at: float | None = None) -> Path:
        card = self.root / "course" / "methods" / f"{slug}.yml"
        text = METHOD_YML.format(title=slug.replace("-", " ").capitalize())
        if clip is not None:
            source = self.root / "media" / "videos" / f"{slug}{clip.suffix}"
            source.write_bytes(clip.read_bytes())
            caption_file = self.root / "media" / "videos" / f"{slug}.nb.vtt"
            caption_file.write_text(captions or CAPTIONS, encoding="utf-8")
            text += (f"video:\n  source: media/videos/{source.name}\n"
                     f"  captions:\n    nb: media/videos/{caption_file.name}\n")
            if poster_at is not None:
                text += f"  poster_at: {poster_at}\n"
        card.write_text(text, encoding="utf-8")
        self.slugs.append(slug)
        self._write_module()
        return card

    def loaded(self):  # type: ignore[no-untyped-def]
        loaded = load_course(self.project)
        assert not loaded.report.errors, [str(p) for p in loaded.report.errors]
        return loaded


CAPTIONS = """\
WEBVTT

00:00:00.000 --> 00:00:00.900
Velkommen til biblioteket.
"""


def moov_before_mdat(path: Path) -> bool:
    """True when the index comes first, so playback starts before the whole file is downloaded."""
    names = [name for name, _, _ in top_level_boxes(path)]
    return "moov" in names and "mdat" in names and names.index("moov") < names.index("mdat")


def frames(path: Path, size: tuple[int, int] = (64, 36)) -> list[tuple[float, bytes]]:
    """(seconds, grey pixels at `size`) of every frame of a video, or of an image's one frame."""
    made = []
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        base = stream.time_base or Fraction(1, 90000)
        for frame in container.decode(stream):
            plane = frame.reformat(width=size[0], height=size[1], format="gray8").planes[0]
            data = bytes(plane)
            pixels = b"".join(data[row * plane.line_size:row * plane.line_size + size[0]] for row in range(size[1]))
            made.append((float((frame.pts or 0) * base), pixels))
    return made


def nearest_frame(picture: Path, video: Path) -> float:
    """The time of the video's frame that looks most like the picture (mean grey difference)."""
    [(_, wanted)] = frames(picture)
    return min(frames(video), key=lambda frame: sum(abs(a - b) for a, b in zip(frame[1], wanted)))[0]


def keyframe_times(path: Path) -> list[float]:
    """Presentation times of the video key frames, in seconds."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        base = stream.time_base or Fraction(1, 90000)
        return sorted(float(packet.pts * base) for packet in container.demux(stream)
                      if packet.is_keyframe and packet.pts is not None)

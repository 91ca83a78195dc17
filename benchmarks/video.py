#!/usr/bin/env python3
"""Benchmark of the video pipeline; every number is measured in this run, on this machine.

    python3 benchmarks/video.py [--repeat N]

1. Our transcode of one clip against the raw ffmpeg command with identical arguments (ratio, goal ≈ 1.0):
   - `encode`: our runner (progress parsing, stderr drain) vs subprocess.run of the same argument list;
   - `whole video`: everything `startpakke video` does for the clip (hash, probe, loudness pass, encode,
     read-back check, poster, captions) vs that same raw encode.
2. The time of a run with nothing to do.
3. Bytes per minute of each rendition, for the example clips in media/videos/.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from startpakke.media import encode, pipeline  # noqa: E402
from startpakke.media.loudness import measure  # noqa: E402
from startpakke.media.probe import probe  # noqa: E402
from startpakke.media.renditions import Settings, plan  # noqa: E402
from startpakke.media.tool import ffmpeg_exe, ffmpeg_version  # noqa: E402
from tests.media.clips import Course, make_clip  # noqa: E402

EXAMPLES = ("interessentkart", "utforskende-samtale", "prototype")
CLIP = "interessentkart"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


Sources = dict[str, tuple[Path, str]]
"""Video and caption text by slug."""


def example_sources() -> Sources:
    folder = ROOT / "media" / "videos"
    return {slug: (folder / f"{slug}.mp4", (folder / f"{slug}.nb.vtt").read_text(encoding="utf-8"))
            for slug in EXAMPLES}


def synthetic_sources(folder: Path) -> Sources:
    """--quick: two-second test clips, to check that the benchmark runs (the numbers mean little)."""
    captions = "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nEt kort klipp.\n"
    return {slug: (make_clip(folder / f"{slug}.mp4", size="1280x720", seconds=2), captions)
            for slug in EXAMPLES}


def project_with(folder: Path, sources: Sources) -> Course:
    course = Course(folder)
    for slug, (video, captions) in sources.items():
        course.add_method(slug, video, captions=captions)
    return course


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=2, help="runs of each measurement; the best counts")
    parser.add_argument("--quick", action="store_true", help="short synthetic clips instead of the examples")
    args = parser.parse_args()
    exe = ffmpeg_exe()
    settings = Settings()

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sources = synthetic_sources(work / "clips") if args.quick else example_sources()
        source = sources[CLIP][0]
        info = probe(source)
        print(f"ffmpeg: {ffmpeg_version(exe)}; clip: {source.name} "
              f"({info.duration:.1f} s, {info.display_size[0]}x{info.display_size[1]})")
        planned = plan(*info.display_size, settings)
        outputs = [work / f"out-{item.rung.name}.mp4" for item in planned]
        command = encode.renditions_command(exe, source, info, planned, outputs, settings, measure(source))

        ours: list[float] = []
        raw: list[float] = []
        whole: list[float] = []
        for round_ in range(args.repeat):
            # Alternate the order so neither side always runs on a warmer cache.
            pair = [("ours", lambda: encode.run(command, info.duration, lambda f: None)),
                    ("raw", lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL,
                                                   stderr=subprocess.DEVNULL))]
            for name, action in pair if round_ % 2 == 0 else reversed(pair):
                (ours if name == "ours" else raw).append(timed(action))
            course_dir = work / f"whole-{round_}"
            course = project_with(course_dir, {CLIP: sources[CLIP]})
            loaded = course.loaded()
            whole.append(timed(lambda: pipeline.run(loaded, settings)))
            shutil.rmtree(course_dir)

        print("\n1. Transcode of one clip (best of %d)" % args.repeat)
        print(f"   raw ffmpeg, same arguments : {min(raw):6.2f} s")
        print(f"   ours, encode step          : {min(ours):6.2f} s   ratio {min(ours) / min(raw):.2f}")
        print(f"   ours, whole video          : {min(whole):6.2f} s   ratio {min(whole) / min(raw):.2f}")

        course = project_with(work / "examples", sources)
        first = pipeline.run(course.loaded(), settings)
        assert not first.report.errors, [str(p) for p in first.report.errors]
        noop = [timed(lambda: pipeline.run(course.loaded(), settings)) for _ in range(5)]
        load_only = [timed(course.loaded) for _ in range(5)]
        again = pipeline.run(course.loaded(), settings)
        assert again.encoded == []
        print("\n2. A run with nothing to do (3 videos, best of 5)")
        print(f"   pipeline.run               : {min(noop) * 1000:6.1f} ms "
              f"(loading the course alone: {min(load_only) * 1000:.1f} ms)")

        print("\n3. Bytes per minute of each rendition (%s)" % ("synthetic clips" if args.quick else "example clips"))
        print(f"   {'video':22} {'length':>7} " + " ".join(f"{r.name:>12}" for r in settings.ladder))
        for slug in EXAMPLES:
            entry = first.manifest.videos[slug]
            per_minute = {r.name: r.bytes / (entry.duration / 60) for r in entry.renditions}
            cells = " ".join(f"{per_minute[r.name] / 1e6:9.2f} MB" if r.name in per_minute else f"{'–':>12}"
                             for r in settings.ladder)
            print(f"   {slug:22} {entry.duration:6.1f}s {cells}")
        total = sum(video.stat().st_size for video, _ in sources.values())
        print(f"\n   sources together: {total / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

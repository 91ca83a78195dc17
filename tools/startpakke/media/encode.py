"""The ffmpeg commands (built with ffmpeg-python) and running them with progress from `-progress`."""

from __future__ import annotations

import collections
import subprocess
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import ffmpeg

from .loudness import Loudness, downmix_filter, loudnorm_args
from .probe import Probe
from .renditions import Planned, Settings

OnProgress = Callable[[float], None]
"""Called with the fraction done, 0.0 … 1.0."""


class EncodeError(Exception):
    pass


def _base() -> list[str]:
    # Machine-readable progress on stdout; only real errors on stderr (kept to explain a failure).
    return ["-hide_banner", "-nostdin", "-nostats", "-loglevel", "error", "-progress", "pipe:1"]


def renditions_command(exe: str, source: Path, probe: Probe, planned: Sequence[Planned],
                       outputs: Sequence[Path], settings: Settings, loudness: Loudness | None) -> list[str]:
    """One ffmpeg run for all renditions: the source is decoded and its audio normalised once."""
    source_in = ffmpeg.input(str(source))
    fps = min(probe.fps, settings.max_fps) if probe.fps > 0 else settings.max_fps
    video = source_in.video  # ffmpeg turns the picture by the rotation metadata itself (autorotate)
    if probe.fps > settings.max_fps:
        video = video.filter("fps", settings.max_fps)
    videos = video.split()
    audios = None
    if probe.has_audio:
        audio = source_in.audio
        downmix = downmix_filter(probe.audio_channels)
        if downmix:
            audio = audio.filter("aformat", channel_layouts="stereo")
        if loudness is not None and not loudness.silent:
            audio = audio.filter("loudnorm", **loudnorm_args(loudness))
        # loudnorm works at 192 kHz internally; the web wants 48 kHz.
        audios = audio.filter("aresample", settings.audio_rate).filter_multi_output("asplit", len(planned))
    gop = max(1, round(settings.keyint_seconds * fps))
    outs = []
    for index, (item, path) in enumerate(zip(planned, outputs)):
        picture = (videos[index]
                   .filter("scale", item.width, item.height, flags="bicubic")
                   .filter("setsar", 1)
                   .filter("format", "yuv420p"))
        streams = [picture] + ([audios[index]] if audios is not None else [])
        options: dict[str, object] = {
            "format": "mp4",
            "vcodec": "libx264",
            "profile:v": "high",
            "preset": settings.preset,
            "crf": settings.crf,
            "maxrate": f"{item.rung.video_kbps}k",
            "bufsize": f"{2 * item.rung.video_kbps}k",
            "g": gop,
            "keyint_min": gop,
            "sc_threshold": 0,
            "force_key_frames": f"expr:gte(t,n_forced*{settings.keyint_seconds:g})",
            "movflags": "+faststart",
            # Phones write the place a video was filmed into it; learners should not get that.
            "map_metadata": -1,
            "map_chapters": -1,
        }
        if audios is not None:
            options.update({"acodec": "aac", "b:a": f"{item.rung.audio_kbps}k", "ar": settings.audio_rate})
        outs.append(ffmpeg.output(*streams, str(path), **options))
    command = ffmpeg.merge_outputs(*outs).global_args(*_base())
    return command.compile(cmd=exe, overwrite_output=True)


def poster_command(exe: str, source: Path, at: float, size: tuple[int, int], output: Path,
                   settings: Settings, representative: bool) -> list[str]:
    """One frame as JPEG. Without a chosen time, ffmpeg's thumbnail filter picks the most typical frame
    of the following second, which avoids fades and motion blur."""
    picture = ffmpeg.input(str(source), ss=f"{at:.3f}").video
    if representative:
        picture = picture.filter("thumbnail", 30)
    picture = picture.filter("scale", size[0], size[1]).filter("setsar", 1)
    out = ffmpeg.output(picture, str(output), format="image2", vcodec="mjpeg", vframes=1,
                        **{"q:v": settings.poster_quality, "update": 1, "map_metadata": -1})
    return out.global_args(*_base()).compile(cmd=exe, overwrite_output=True)


def run(args: Sequence[str], duration: float, on_progress: OnProgress | None = None) -> None:
    """Run ffmpeg, report progress from its `-progress` key=value stream, raise EncodeError on failure.

    On any interruption (Ctrl-C, an exception) ffmpeg is stopped before this returns, so nothing keeps
    writing to the outputs behind the caller's back.
    """
    process = subprocess.Popen(list(args), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
    tail: collections.deque[str] = collections.deque(maxlen=5)
    # stderr is drained in a thread so a chatty failure cannot fill the pipe and stall ffmpeg.
    drain = threading.Thread(target=lambda: tail.extend(line.rstrip() for line in process.stderr or []),
                             daemon=True)
    drain.start()
    try:
        assert process.stdout is not None
        for line in process.stdout:
            key, _, value = line.strip().partition("=")
            if on_progress is None:
                continue
            if key == "out_time_us" and value.lstrip("-").isdigit() and duration > 0:
                on_progress(min(1.0, max(0.0, int(value) / 1e6 / duration)))
            elif key == "progress" and value == "end":
                on_progress(1.0)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        drain.join(timeout=5)
    if process.returncode != 0:
        reason = next((line for line in reversed(tail) if line.strip()), f"exit code {process.returncode}")
        raise EncodeError(f"ffmpeg failed: {reason}")

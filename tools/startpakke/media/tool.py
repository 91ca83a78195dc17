"""Which ffmpeg runs: STARTPAKKE_FFMPEG if set, else the binary bundled with imageio-ffmpeg (no apt step)."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

ENV_VAR = "STARTPAKKE_FFMPEG"


class FfmpegMissing(RuntimeError):
    pass


def ffmpeg_exe(override: str | None = None) -> str:
    """The ffmpeg binary: an explicit override, then $STARTPAKKE_FFMPEG, then imageio-ffmpeg's own."""
    chosen = override or os.environ.get(ENV_VAR)
    if chosen:
        found = shutil.which(chosen) or (chosen if Path(chosen).is_file() else None)
        if not found:
            raise FfmpegMissing(f"{ENV_VAR} points at `{chosen}`, which is not an ffmpeg program")
        return found
    try:
        import imageio_ffmpeg
    except ImportError as error:  # pragma: no cover - it is a dependency
        raise FfmpegMissing("imageio-ffmpeg is not installed: run `pip install imageio-ffmpeg`") from error
    return imageio_ffmpeg.get_ffmpeg_exe()


@functools.cache
def ffmpeg_version(exe: str) -> str:
    """The version banner's first line: a new ffmpeg may encode differently, so it is part of the key."""
    try:
        result = subprocess.run([exe, "-hide_banner", "-version"], capture_output=True, text=True,
                                timeout=30, check=True)
    except (OSError, subprocess.SubprocessError) as error:
        raise FfmpegMissing(f"cannot run `{exe}`: {error}") from error
    first = result.stdout.splitlines()[0] if result.stdout else ""
    return first.split(" Copyright")[0].strip() or "unknown"

"""Encoding settings and the rendition ladder: which sizes a source gets, and at what bit rates."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SETTINGS_VERSION = 1
"""Bump when the commands change in a way the settings below do not show, so every video is redone."""


@dataclass(frozen=True)
class Rung:
    name: str
    """File and manifest name, e.g. `360p`."""
    quality: str
    """What the player offers: low, medium or high."""
    short_side: int
    """Height of a landscape video, width of a portrait one."""
    video_kbps: int
    """Bit rate cap (maxrate); the buffer is twice that."""
    audio_kbps: int
    always: bool
    """Made even when the source is smaller (then at the source's size: never upscaled)."""


LADDER: tuple[Rung, ...] = (
    Rung("360p", "low", 360, 700, 64, always=True),
    Rung("540p", "medium", 540, 1400, 96, always=True),
    Rung("720p", "high", 720, 2500, 128, always=False),
)


@dataclass(frozen=True)
class Settings:
    ladder: tuple[Rung, ...] = LADDER
    crf: int = 23
    """Constant quality, within the bit rate cap: simple scenes stay small."""
    preset: str = "medium"
    keyint_seconds: float = 2.0
    """Fixed key-frame interval: seeking lands within two seconds, and segments line up."""
    max_fps: int = 30
    """Phones film at 60 fps; half the frames is half the bytes at no loss for teaching videos."""
    audio_rate: int = 48000
    poster_quality: int = 4
    """JPEG quality scale of ffmpeg's mjpeg (2 best … 31 worst)."""
    version: int = field(default=SETTINGS_VERSION)

    def fingerprint(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Planned:
    rung: Rung
    width: int
    height: int


def plan(display_width: int, display_height: int, settings: Settings) -> list[Planned]:
    """The renditions of a source shown at this size: the short side decides, nothing is upscaled."""
    short, long = sorted((display_width, display_height))
    planned: list[Planned] = []
    for rung in settings.ladder:
        if not rung.always and short < rung.short_side:
            continue
        new_short = _even_down(min(rung.short_side, short))
        new_long = max(2, _even(long * new_short / short))
        width, height = (new_long, new_short) if display_width >= display_height else (new_short, new_long)
        planned.append(Planned(rung, width, height))
    return planned


def _even(value: float) -> int:
    """H.264 in yuv420p needs even sides."""
    return max(2, int(round(value / 2)) * 2)


def _even_down(value: int) -> int:
    return max(2, value - value % 2)

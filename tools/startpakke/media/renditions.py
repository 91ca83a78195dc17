"""Encoding settings and the rendition ladder: which sizes a source gets, and at what bit rates."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SETTINGS_VERSION = 2
"""Bump when the commands change in a way the settings below do not show, so every video is redone."""


@dataclass(frozen=True)
class Rung:
    name: str
    """The name at full size, e.g. `540p`; a rendition made smaller is named by its own size."""
    quality: str
    """What the player offers: low, medium or high."""
    short_side: int
    """Height of a landscape video, width of a portrait one."""
    video_kbps: int
    """Bit rate cap (maxrate); the buffer is twice that."""
    audio_kbps: int


LADDER: tuple[Rung, ...] = (
    Rung("360p", "low", 360, 700, 64),
    Rung("540p", "medium", 540, 1400, 96),
    Rung("720p", "high", 720, 2500, 128),
)
MIN_STEP = 1.1
"""A rendition's short side is at least this much larger than the one below it; a smaller step would
only repeat that one at a higher bit rate. (The ladder's own steps are larger.)"""


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
    poster_quality: int = 6
    """JPEG quality scale of ffmpeg's mjpeg (2 best … 31 worst): 6 keeps a 540p still clean in a third
    fewer bytes than 4, for the first view of a method page on a slow connection."""
    version: int = field(default=SETTINGS_VERSION)

    def fingerprint(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Planned:
    rung: Rung
    width: int
    height: int

    @property
    def short_side(self) -> int:
        return min(self.width, self.height)

    @property
    def name(self) -> str:
        """File and manifest name: what it really is, e.g. `478p` for a 853×479 source's medium one."""
        return f"{self.short_side}p"


def plan(display_width: int, display_height: int, settings: Settings) -> list[Planned]:
    """The renditions of a source shown at this size, smallest first; the short side decides.

    Each rung is made at its own short side, or at the source's when the source is smaller (nothing is
    upscaled; sides are made even), and is named by the size it has. A rung is left out when it would
    not be MIN_STEP larger than the one below it. So a 1080p source gets 360p, 540p and 720p (low,
    medium, high); a 854×480 one 360p and 480p (low, medium); a 853×479 one 360p and 478p; a 1138×640 one
    360p, 540p and 640p (high); a 640×360 or 380p one only 360p (low). The player falls back to the
    nearest lower quality.
    """
    short, long = sorted((display_width, display_height))
    planned: list[Planned] = []
    for rung in settings.ladder:
        new_short = _even_down(min(rung.short_side, short))
        if planned and new_short < MIN_STEP * planned[-1].short_side:
            continue
        # Rounding to even must not add a pixel the source does not have (1279×720 gives 1278×720).
        new_long = min(_even(long * new_short / short), _even_down(long))
        width, height = (new_long, new_short) if display_width >= display_height else (new_short, new_long)
        planned.append(Planned(rung, width, height))
    return planned


def _even(value: float) -> int:
    """H.264 in yuv420p needs even sides."""
    return max(2, int(round(value / 2)) * 2)


def _even_down(value: int) -> int:
    return max(2, value - value % 2)

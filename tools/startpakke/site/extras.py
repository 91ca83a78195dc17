"""What other build steps add to pages: method videos (issue 4), printable cards and plans (issue 6).

Rendering takes an `Extras` and shows a video player or a download link only when one is given, so the
pages look finished without them. A build step fills `Extras` from its own outputs (for videos: the media
manifest in build/media) and lists the files to publish in `files`; `collect` is where it plugs in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..loading import Project


@dataclass(frozen=True)
class Rendition:
    url: str
    """Path from the site root, e.g. `media/interessentkart-540-1a2b3c.mp4`."""
    height: int
    label: str
    mime: str = "video/mp4"


@dataclass(frozen=True)
class CaptionTrack:
    url: str
    language: str
    label: str


@dataclass(frozen=True)
class VideoEmbed:
    renditions: tuple[Rendition, ...]
    captions: tuple[CaptionTrack, ...] = ()
    poster: str | None = None


@dataclass(frozen=True)
class Download:
    url: str
    """Path from the site root, e.g. `kort/interessentkart.pdf`."""
    label: str
    size_bytes: int | None = None


@dataclass(frozen=True)
class Extras:
    videos: Mapping[str, VideoEmbed] = field(default_factory=dict)
    """By method slug."""
    cards: Mapping[str, Download] = field(default_factory=dict)
    """The printable card of a method, by method slug."""
    session_plans: Mapping[str, Download] = field(default_factory=dict)
    """By module slug."""
    deck: Download | None = None
    """Every card in one PDF, offered in the method library."""
    files: Mapping[str, Path] = field(default_factory=dict)
    """Files to publish: path in the site → file on disk."""


def collect(project: Project) -> Extras:
    """The extras the build steps have produced for this project. None exist yet: the video and card
    steps add their outputs here when they land."""
    return Extras()

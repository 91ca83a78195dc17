"""build/media/manifest.json: what `startpakke video` made, and the data interface the site reads.

Paths in the manifest are POSIX paths relative to build/media/, so the site can copy build/media/ to
any place (e.g. site/media/) and prefix its URL. An entry is written only after all its files are in
place, so the manifest never points at a missing or half-written file.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from ..files import write_atomic
from ..i18n import own_name

if TYPE_CHECKING:
    from ..project import Project

MANIFEST_VERSION = 1
Quality = Literal["low", "medium", "high"]


class Entry(BaseModel):
    model_config = ConfigDict(extra="ignore")


class RenditionFile(Entry):
    name: str
    """The short side it really has: 360p, 540p, 720p, or a smaller source's own, e.g. 478p."""
    quality: Quality
    width: int
    height: int
    path: str
    bytes: int


class PosterFile(Entry):
    path: str
    at: float
    """Seconds into the video."""
    key: str
    width: int
    height: int
    requested: float | None = None
    """The card's poster_at (None: an early frame was chosen)."""


class CaptionFile(Entry):
    lang: str
    path: str
    source: str
    """The caption file in media/ it was made from."""
    source_sha256: str
    sha256: str
    """Of the published WebVTT text."""

    @property
    def label(self) -> str:
        return own_name(self.lang)


class VideoEntry(Entry):
    slug: str
    source: str
    """Path from the project folder, as written in the card."""
    source_sha256: str
    source_size: int
    source_mtime_ns: int
    key: str
    """Hash of the source's content, the encoding settings and the ffmpeg version."""
    ffmpeg: str
    title: str = ""
    duration: float
    width: int
    height: int
    """Display size of the source (rotation applied)."""
    has_audio: bool
    loudness_lufs: float | None = None
    """Integrated loudness of the source before normalising."""
    renditions: list[RenditionFile]
    poster: PosterFile
    captions: list[CaptionFile] = []
    encode_seconds: float = 0.0

    def rendition(self, quality: Quality) -> RenditionFile:
        """The rendition for a quality, falling back to the nearest lower one (a small source has only
        the lower ones)."""
        order: list[Quality] = ["low", "medium", "high"]
        wanted = order.index(quality)
        return max((r for r in self.renditions if order.index(r.quality) <= wanted),
                   key=lambda r: order.index(r.quality), default=self.renditions[0])

    def files(self) -> list[str]:
        """Every output file of this video, relative to build/media/."""
        return [r.path for r in self.renditions] + [self.poster.path] + [c.path for c in self.captions]


class Manifest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: int = MANIFEST_VERSION
    videos: dict[str, VideoEntry] = {}
    """By method slug."""

    def files(self) -> set[str]:
        return {path for entry in self.videos.values() for path in entry.files()}


def load_manifest(project: Project) -> Manifest:
    """The current manifest; an empty one when there is none yet or it cannot be read (then all is redone)."""
    path = project.media_manifest
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        manifest = Manifest.model_validate(data)
    except (OSError, ValueError, ValidationError):
        return Manifest()
    return manifest if manifest.version == MANIFEST_VERSION else Manifest()


def save_manifest(project: Project, manifest: Manifest) -> None:
    text = json.dumps(manifest.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True)
    write_atomic(project.media_manifest, text + "\n")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def key_of(*parts: Any) -> str:
    """A stable hash of JSON-able parts (used for output names and the manifest key)."""
    text = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_hash(path: Path, stat: os.stat_result, source: str, previous: VideoEntry | None) -> str:
    """The content hash, reused while path, size and modification time are unchanged, so a run with
    nothing to do reads no video. `stat` is taken before hashing: a file replaced while it is being
    encoded then looks changed to the next run instead of looking done."""
    if previous and previous.source == source and previous.source_size == stat.st_size \
            and previous.source_mtime_ns == stat.st_mtime_ns:
        return previous.source_sha256
    return file_sha256(path)

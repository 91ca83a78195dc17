"""What `startpakke check` says about the videos: one note naming those whose renditions are missing
or older than their source. Information, not a warning: `startpakke build` encodes them anyway, and an
editor who never touched the videos has nothing to fix. And a warning for a `poster_at` past the end of
a video whose length is known from its last encoding.

Cheap on purpose (no hashing, no ffmpeg): it compares the card with the manifest, and the source's
size and modification time with those recorded when it was encoded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..fieldpath import dotted
from . import poster
from .manifest import Manifest, VideoEntry, file_sha256, load_manifest

if TYPE_CHECKING:
    from pathlib import Path

    from ..loading import Loaded
    from ..model import Video


def check_renditions(loaded: Loaded) -> None:
    """Note, once, the videos that `startpakke video` (or `build`) still has to make or redo."""
    todo = pending(loaded)
    if todo:
        named = ", ".join(f"{slug} ({why})" for slug, why in todo)
        count = len(todo)
        loaded.report.note(f"{count} video{'s' * (count != 1)} to encode: {named}. `startpakke build` "
                           "encodes them, or `startpakke video` alone.")


def check_poster_times(loaded: Loaded) -> None:
    """Warn at `poster_at` when the video is shorter (known from the manifest while the source is the
    one that was encoded; otherwise `startpakke video` says it when it gets there)."""
    manifest = load_manifest(loaded.project)
    for slug, (document, method) in sorted(loaded.sources.methods.items()):
        video = method.video
        if video is None or video.poster_at is None:
            continue
        entry = _encoded(loaded, manifest, slug, video)
        if entry is None or poster.inside(video.poster_at, entry.duration):
            continue
        message, hint = poster.outside(video.poster_at, entry.duration)
        line, col = document.where(("video", "poster_at"))
        loaded.report.add(document.path, line, col, dotted(("video", "poster_at")), message, hint, "warning")


def _encoded(loaded: Loaded, manifest: Manifest, slug: str, video: Video) -> VideoEntry | None:
    """The manifest entry made from the card's current source file, if there is one."""
    entry = manifest.videos.get(slug)
    source = loaded.project.root / video.source
    if entry is None or entry.source != video.source or not source.is_file():
        return None
    stat = source.stat()
    return entry if (entry.source_size, entry.source_mtime_ns) == (stat.st_size, stat.st_mtime_ns) else None


def pending(loaded: Loaded) -> list[tuple[str, str]]:
    """(method slug, why) for each linked video whose renditions are missing or out of date."""
    project = loaded.project
    manifest = load_manifest(project)
    root = project.media_build
    todo = []
    for slug, (_, method) in sorted(loaded.sources.methods.items()):
        video = method.video
        source = project.root / video.source if video else None
        if video is None or source is None or not source.is_file():
            continue  # no video, or a missing file that the checks already report
        entry = manifest.videos.get(slug)
        stat = source.stat()
        if entry is None:
            todo.append((slug, "not encoded yet"))
        elif entry.source != video.source or entry.source_size != stat.st_size \
                or entry.source_mtime_ns != stat.st_mtime_ns:
            todo.append((slug, "the video has changed"))
        elif any(not (root / path).is_file() for path in entry.files()):
            todo.append((slug, "renditions missing from build/media"))
        elif _captions_changed(project.root, entry, video) or entry.poster.requested != video.poster_at:
            todo.append((slug, "captions or poster changed"))
    return todo


def _captions_changed(root: Path, entry: VideoEntry, video: Video) -> bool:
    """Caption files are small, so their content is compared, not just their names."""
    made = {c.lang: c for c in entry.captions}
    if set(made) != set(video.captions):
        return True
    for lang, relative in video.captions.items():
        path = root / relative
        if made[lang].source != relative or not path.is_file() or file_sha256(path) != made[lang].source_sha256:
            return True
    return False

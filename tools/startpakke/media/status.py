"""The `startpakke check` warning: a linked video whose renditions are missing or older than its source.

Cheap on purpose (no hashing, no ffmpeg): it compares the card with the manifest, and the source's
size and modification time with those recorded when it was encoded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .manifest import VideoEntry, file_sha256, load_manifest

if TYPE_CHECKING:
    from pathlib import Path

    from ..loading import Loaded
    from ..model import Video

HINT = "run `startpakke video` to make them"


def check_renditions(loaded: Loaded) -> None:
    """Add a warning to the report for each video that `startpakke video` still has to make or redo."""
    project, report = loaded.project, loaded.report
    manifest = load_manifest(project)
    root = project.media_build
    for slug, (document, method) in sorted(loaded.sources.methods.items()):
        video = method.video
        source = project.root / video.source if video else None
        if video is None or source is None or not source.is_file():
            continue  # no video, or a missing file that the checks already report
        line, col = document.where(("video", "source"))
        entry = manifest.videos.get(slug)
        stat = source.stat()
        if entry is None:
            message = f"the video `{video.source}` has no renditions yet"
        elif entry.source != video.source or entry.source_size != stat.st_size \
                or entry.source_mtime_ns != stat.st_mtime_ns:
            message = f"`{video.source}` has changed since its renditions were made"
        elif any(not (root / path).is_file() for path in entry.files()):
            message = f"some renditions of `{video.source}` are missing from build/media"
        elif _captions_changed(project.root, entry, video) or entry.poster.requested != video.poster_at:
            message = f"the captions or poster of `{video.source}` have changed since the last run"
        else:
            continue
        report.add(document.path, line, col, "video.source", message, HINT, "warning")


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

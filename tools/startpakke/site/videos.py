"""Method videos on the site: the player from `startpakke video`'s manifest, and the files it needs."""

from __future__ import annotations

from pathlib import Path

from ..project import Project
from ..media.manifest import load_manifest
from ..media.player import asset_files, render_video
from ..model import Course
from . import paths

MEDIA = "media/"
"""Where build/media/ is published in the site."""


def players(project: Project, course: Course) -> tuple[dict[str, str], dict[str, Path]]:
    """Player HTML by method slug, and the files to publish, for every card's video that is encoded."""
    manifest = load_manifest(project)
    html: dict[str, str] = {}
    files: dict[str, Path] = {}
    for slug, method in course.methods.items():
        entry = manifest.videos.get(slug)
        if not method.video or entry is None:
            continue
        page = paths.method_page(slug)
        player = render_video(project, slug, paths.to_root(page) + MEDIA, course.language,
                              method.video.title or method.title)
        if player:
            html[slug] = player
            files.update({MEDIA + path: project.media_build / path for path in entry.files()})
    if html:
        files.update({f"assets/startpakke/{path.name}": path for path in asset_files()})
    return html, files

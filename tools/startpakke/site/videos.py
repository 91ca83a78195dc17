"""Method videos on the site: the player from `startpakke video`'s manifest, and the files it needs."""

from __future__ import annotations

from pathlib import Path

from ..i18n import Catalog
from ..layout import Layout, method as method_page
from ..media.manifest import load_manifest
from ..media.player import asset_files, player_for, render_player, transcript_for
from ..model import Course
from ..project import Project

MEDIA = "media/"
"""Where build/media/ is published in the site."""


def players(project: Project, course: Course, layout: Layout,
            tr: Catalog, smallest: bool = False) -> tuple[dict[str, str], dict[str, Path]]:
    """Player HTML by method slug, and the files to publish, for every card's video that is encoded;
    with `smallest`, only the smallest rendition of each (a copy to carry, not to stream)."""
    manifest = load_manifest(project)  # once for all methods
    html: dict[str, str] = {}
    files: dict[str, Path] = {}
    for slug, method in course.methods.items():
        entry = manifest.videos.get(slug)
        if not method.video or entry is None or not entry.renditions:
            continue
        if smallest:
            entry = entry.model_copy(update={"renditions": [min(entry.renditions, key=lambda r: r.width * r.height)]})
        media_url = layout.up_to_root(method_page(slug)) + MEDIA
        html[slug] = render_player(player_for(entry, media_url, tr, transcript_for(project, entry, tr.language),
                                              method.video.title or method.title), tr.language)
        files.update({MEDIA + path: project.media_build / path for path in entry.files()})
    if html:
        files.update({f"assets/startpakke/{path.name}": path for path in asset_files()})
    return html, files

"""`startpakke package offline`: the site as a zip that opens from disk (`file://`) with no server.

The site is built from the same publication as the web site, with file addresses (`…/index.html`,
so no link opens a folder listing) and without instant navigation (it fetches pages, which `file://`
refuses). Search runs as Material supports it offline: its `offline` plugin inlines the index as a
script, and the iframe-worker shim (vendored from npm) stands in for the Web Worker that Chromium
refuses to start from a file.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig

from ..files import files_below, open_atomic
from ..model import Course
from ..project import Project
from ..site import publish as site_build
from ..site.languages import translation_of
from ..site.publication import Publication, publish
from ..site.videos import MEDIA
from ..layout import Layout

SHIM = Path(__file__).parent / "vendor" / "iframe-worker" / "shim.js"
SHIM_URL = "assets/vendor/iframe-worker/shim.js"
"""Outside assets/startpakke/: Material loads it among its polyfills, before its own bundle."""
NEEDS_A_SERVER = ("navigation.instant", "navigation.instant.prefetch", "navigation.instant.progress")


@dataclass(frozen=True)
class Made:
    path: Path
    size: int
    pages: int
    videos: list[str]
    """Method slugs whose video is in the copy."""


def offline_publication(course: Course, project: Project, language: str = "",
                        all_renditions: bool = False) -> Publication:
    """The course in `language` (default: its own) alone, at the root of the copy: its translated texts,
    its interface words and its printed cards."""
    translated = language and language != course.language
    if translated:
        course = translation_of(course, project, language).course
    layout = Layout(course.info.site_url).with_style("file")
    publication = publish(course, project, layout, smallest_renditions=not all_renditions,
                          cards_in=language if translated else "")
    return replace(publication, files={**publication.files, SHIM_URL: SHIM})


def make_offline_copy(course: Course, project: Project, out: Path, language: str = "",
                      all_renditions: bool = False) -> Made:
    """The site for `file://`, zipped into `out` as one folder named after the zip, with index.html at
    its top."""
    publication = offline_publication(course, project, language, all_renditions)
    return write_package(publication, project, out, top=out.stem or "kurs")


def write_package(publication: Publication, project: Project, out: Path, top: str = "",
                  finish: Callable[[Path], None] | None = None) -> Made:
    """Build the publication's site into a temporary folder, let `finish` add to it (a package's
    manifest, which lists the site's files), and zip it into `out`, below the folder `top` if given.
    `out` appears complete or not at all."""
    with tempfile.TemporaryDirectory(prefix="startpakke-package-") as temporary:
        site = site_build.build_site(project, Path(temporary) / "site", publication=publication,
                                     configure=_for_file_addresses)
        if finish:
            finish(site)
        with open_atomic(out) as file:
            _zip(site, top, file)
    return Made(out, out.stat().st_size, len(publication.site.pages), _videos_in(publication))


def _videos_in(publication: Publication) -> list[str]:
    """The methods whose video the copy holds (a rendition is `media/videos/<slug>-<height>p-<key>.mp4`)."""
    names = {PurePosixPath(path).name for path in publication.files if path.startswith(MEDIA)}
    return sorted(slug for slug in publication.course.methods
                  if any(re.fullmatch(rf"{re.escape(slug)}-\d+p-[0-9a-f]+\.mp4", name) for name in names))


def _for_file_addresses(config: MkDocsConfig) -> None:
    from material.plugins.offline.plugin import OfflinePlugin

    config.site_url = None  # no canonical links or sitemap pointing out of the copy
    features = config.theme.get("features", [])
    config.theme["features"] = [feature for feature in features if feature not in NEEDS_A_SERVER]
    # The plugin would add the shim from a CDN unless one is named already.
    config.extra["polyfills"] = [SHIM_URL]
    offline = OfflinePlugin()
    offline.load_config({})
    config.plugins["material/offline"] = offline


def _zip(site: Path, top: str, file) -> None:
    with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in files_below(site):
            archive.write(site / name, str(PurePosixPath(top, name)))

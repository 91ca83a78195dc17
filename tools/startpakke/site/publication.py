"""The publication: one value holding everything a course publishes in one language and layout —
the pages, the nav, the learner's flow, the learner data, and every file the pages use.

The MkDocs plugin, `startpakke export-markdown` and the learning-platform and offline packagers all
consume it; none of them assembles pages on its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import catalog
from ..layout import Layout
from ..model import Course
from ..project import Project
from . import extras as build_extras
from .mkdocs_nav import mkdocs_nav
from .render import Rendered, Site, render_course
from .service_worker import WORKER_FILES
from .text import plain_title

ASSETS = Path(__file__).parent / "assets"
ASSETS_URL = "assets/startpakke/"
SCRIPT_ORDER = ["course.js", "lms.js", "startpakke.js", "progress.js", "exercises.js", "library.js", "offline.js",
                "player.js"]
"""Scripts load in this order: the course's data, a learning-platform package's progress store (lms.js,
only in those packages), the bootstrap (startpakke.js), then the scripts that use them; a script not
listed loads after these."""
MATERIAL_LINK = '<a href="https://squidfunk.github.io/mkdocs-material/">Material for MkDocs</a>'


@dataclass(frozen=True)
class Publication:
    course: Course
    layout: Layout
    site: Site
    language: str
    """Of the interface: the words around the content, Material's among them."""
    generated: dict[str, str] = field(default_factory=dict)
    """Files made from the course (course.js), by path from the site root."""
    files: dict[str, Path] = field(default_factory=dict)
    """Files published as they are (our scripts and styles, media, printables): path → file on disk."""
    languages: tuple[str, ...] = ()
    """Every language the course is published in, the source first: the language menu offers them."""
    translations: tuple[Publication, ...] = ()
    """The source language's publication holds one per translation, each for its own tree (`se/`)."""
    unreviewed: bool = False
    """A translation no native speaker has reviewed yet (`unreviewed:` in course.yml): its pages say so."""

    @property
    def stylesheets(self) -> list[str]:
        return [path for path in self._all() if path.endswith(".css")]

    @property
    def scripts(self) -> list[str]:
        ours = [path for path in self._all() if path.endswith(".js")]
        rank = {name: index for index, name in enumerate(SCRIPT_ORDER)}
        return sorted(ours, key=lambda path: (rank.get(Path(path).name, len(rank)), path))

    def engine_settings(self) -> dict[str, Any]:
        """What a publishing engine's mkdocs.yml takes from the course. MkDocs and Zensical print
        titles into the HTML as they are, so they are escaped here."""
        info = self.course.info
        _ = catalog(self.language).gettext
        made_with = _("Made with %(tool)s") % {"tool": MATERIAL_LINK}
        return {
            "site_name": plain_title(info.title),
            # A copy with file addresses (offline, learning platforms) has no address of its own to name.
            "site_url": (info.site_url or None) if self.layout.style != "file" else None,
            # Material's own «Made with Material for MkDocs» is English whatever the language: ours.
            "copyright": f"{plain_title(f'{info.publisher} · {info.license}')} · {made_with}",
            "extra": {"generator": False,
                      # Shown at the top of every page (theme/main.html), escaped there.
                      "review_notice": _("This translation has not yet been reviewed by a native speaker.")
                      if self.unreviewed else ""},
            "nav": mkdocs_nav(self.site.nav),
            "extra_css": self.stylesheets,
            "extra_javascript": self.scripts,
        }

    def _all(self) -> list[str]:
        return [path for path in [*self.generated, *self.files] if path.startswith(ASSETS_URL)]


def publish(course: Course, project: Project, layout: Layout | None = None,
            smallest_renditions: bool = False, course_id: str = "", cards_in: str | None = None,
            rendered: Rendered | None = None) -> Publication:
    """Everything the course publishes in its language, with what the video and print steps have made
    so far (each video in its smallest rendition only, with `smallest_renditions`). `course_id` keeps
    a translation's progress under the source course's name, so a learner who switches language keeps it.
    `cards_in` is the translation whose printed cards the pages link, when its tree is not the layout's
    (a copy of one translation alone); by default the layout's language. `rendered` keeps pages across
    renders (render.Rendered)."""
    layout = layout or Layout(course.info.site_url)
    tr = catalog(course.language)
    extras = build_extras.collect(project, course, layout, tr, smallest_renditions,
                                  layout.language if cards_in is None else cards_in)
    site = render_course(course, layout, extras, tr, rendered)
    # On the web a service worker keeps the course for use without network (service_worker.py); a copy
    # with file addresses cannot have one. The source language's tree holds the worker's files.
    web = layout.style == "directory"
    data = {**site.learner_data, **({"id": course_id} if course_id else {}), "language": tr.language,
            "text": {"messages": tr.script_messages(), "plural": tr.plural_rule()},
            **({"offline": {"tree": layout.tree}} if web else {})}
    return Publication(
        course=course, layout=layout, site=site, language=tr.language,
        generated={ASSETS_URL + "course.js": course_script(data)},
        files={**{ASSETS_URL + path.name: path for path in sorted(ASSETS.iterdir()) if path.is_file()},
               **extras.files, **(WORKER_FILES if web and not layout.tree else {})},
    )


def course_script(learner_data: dict[str, object]) -> str:
    """The course's structure and the scripts' words, as a script: it loads from file:// too, where a
    fetched JSON file would not."""
    # No `<` may close the script or open a comment; U+2028/2029 end a line in older JavaScript.
    data = json.dumps(learner_data, ensure_ascii=False)
    for character, escape in (("<", "\\u003c"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        data = data.replace(character, escape)
    return f"window.startpakkeCourse = {data};\n"

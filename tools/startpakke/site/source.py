"""The course as the plugin needs it: loaded, its problems logged, rendered with the build's extras."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..project import Project
from ..loading import load_course
from ..model import CourseFile
from . import extras as site_extras
from .render import Site, render_course

log = logging.getLogger("mkdocs.plugins.startpakke")


class ContentErrors(Exception):
    def __init__(self, count: int) -> None:
        super().__init__(f"The course has {count} error{'s' * (count != 1)} (listed above)")


@dataclass(frozen=True)
class Rendered:
    site: Site
    info: CourseFile
    extras: site_extras.Extras


def render_project(project: Project) -> Rendered:
    """Load and render the course; log every problem the way `startpakke check` prints it."""
    loaded = load_course(project)
    for problem in loaded.report.sorted():
        # Errors stop the build; content warnings are for `startpakke check`, not for --strict.
        (log.error if problem.severity == "error" else log.info)(str(problem))
    if loaded.course is None:
        raise ContentErrors(len(loaded.report.errors))
    extras = site_extras.collect(project, loaded.course)
    return Rendered(render_course(loaded.course, extras), loaded.course.info, extras)

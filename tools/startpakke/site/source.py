"""Where the MkDocs plugin gets its publication: handed over by `startpakke build`/`serve`, which
loaded the course already (each course file is read once per build), or, under a bare `mkdocs build`,
loaded here with every problem logged the way `startpakke check` prints it."""

from __future__ import annotations

import logging

from ..loading import load_course
from ..project import Project
from .publication import Publication, publish

log = logging.getLogger("mkdocs.plugins.startpakke")
_handed: dict[Project, Publication] = {}


class ContentErrors(Exception):
    def __init__(self, count: int) -> None:
        super().__init__(f"The course has {count} error{'s' * (count != 1)} (listed above)")


def hand_over(project: Project, publication: Publication) -> None:
    """For the next build of `project`'s site: the plugin takes it instead of loading the course."""
    _handed[project] = publication


def publication_for(project: Project) -> Publication:
    """The handed-over publication (once), else the course loaded and published now."""
    handed = _handed.pop(project, None)
    if handed:
        return handed
    loaded = load_course(project)
    for problem in loaded.report.sorted():
        # Errors stop the build; content warnings are for `startpakke check`, not for --strict.
        (log.error if problem.severity == "error" else log.info)(str(problem))
    if loaded.course is None:
        raise ContentErrors(len(loaded.report.errors))
    return publish(loaded.course, project)

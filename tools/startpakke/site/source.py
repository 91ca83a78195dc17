"""Where the MkDocs plugin gets its publication: handed over by `startpakke build`/`serve`, which
loaded the course already (each course file is read once per build), or, under a bare `mkdocs build`,
loaded here with every problem logged the way `startpakke check` prints it."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from ..loading import Reader, load_course
from ..project import Project
from ..translations.checks import check_translations
from ..yamlsource import read_document
from .languages import publish_course
from .publication import Publication
from .render import Rendered

log = logging.getLogger("mkdocs.plugins.startpakke")
_handed: dict[Project, Publication] = {}


class ContentErrors(Exception):
    def __init__(self, problems: list[str]) -> None:
        count = len(problems)
        super().__init__(f"The course has {count} error{'s' * (count != 1)} (listed above)")
        self.problems = problems
        """Each error as `check` prints it: file:line:col: field: error: message, and the hint."""


def hand_over(project: Project, publication: Publication) -> None:
    """For the next build of `project`'s site: the plugin takes it instead of loading the course."""
    _handed[project] = publication


def build_tree(config: MkDocsConfig, project: Project, translation: Publication, dirty: bool = False) -> None:
    """Build a translation's pages into its tree (`site/se/`), with the settings of the build `config`;
    `dirty`, only the pages that changed (site/incremental.py)."""
    tree = translation.layout.tree
    options = {"site_url": config.site_url + tree} if config.site_url else {}
    nested = load_config(config_file=config.config_file_path, strict=config.strict,
                         site_dir=str(Path(config.site_dir) / tree), **options)
    hand_over(project, translation)
    build(nested, dirty=dirty)  # its plugins are the running build's own objects (MkDocs keeps them): started already


def publication_for(project: Project, read: Reader = read_document, rendered: Rendered | None = None) -> Publication:
    """The handed-over publication (once), else the course loaded (with `read`) and published now
    (taking the pages in `rendered` that did not change)."""
    handed = _handed.pop(project, None)
    if handed:
        return handed
    loaded = load_course(project, read)
    check_translations(loaded)  # a translation file that cannot be read stops the build, as in `check`
    for problem in loaded.report.sorted():
        # Errors stop the build; content warnings are for `startpakke check`, not for --strict.
        (log.error if problem.severity == "error" else log.info)(str(problem))
    if loaded.course is None:
        raise ContentErrors([str(problem) for problem in loaded.report.sorted() if problem.severity == "error"])
    return publish_course(loaded.course, project, rendered=rendered)

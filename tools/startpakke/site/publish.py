"""What `startpakke build`, `serve` and `export-markdown` do, behind thin CLI commands."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from rich.console import Console

from ..project import Project
from ..loading import Loaded
from .languages import translation_of
from .publication import Publication
from .source import hand_over

class NoSiteConfig(Exception):
    """The project has no mkdocs.yml."""


def config_file(project: Project) -> Path:
    path = project.site_config
    if not path.is_file():
        raise NoSiteConfig(f"{path} is missing: the site needs a mkdocs.yml beside the course folder")
    return path


def show_mkdocs_messages() -> None:
    """MkDocs only prints through its CLI's logging set-up; outside it, show warnings and errors."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_startpakke", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._startpakke = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def make_media(loaded: Loaded, console: Console, errors: Console) -> int:
    """The build steps before the site, each when the course has content for it: the method videos,
    then the printable cards, deck and session plans. Returns an exit code, 0 when all went well; a
    machine that cannot print gets a warning and a site without the PDFs."""
    assert loaded.course
    if any(method.video for method in loaded.course.methods.values()):
        from ..media import commands

        code = commands.transcode(loaded.project, None, console, errors, loaded)
        if code:
            return code
    print_cards(loaded, console, errors)
    return 0


def print_cards(loaded: Loaded, console: Console, errors: Console) -> None:
    """The cards, deck and session plans in every language the course is published in."""
    from ..cards import CannotPrint, require_printing
    from ..cards.build import build_for_site

    course, project = loaded.course, loaded.project
    assert course
    # The course's own language, then each translation into its own folder (its QR codes lead to its pages).
    courses = {"": course} | {language: translation_of(course, project, language).course
                              for language in course.info.translated_into}
    try:
        with console.status("Rendering the printable cards…") as status:
            built = {language: build_for_site(each, project.cards_build_in(language),
                                              progress=lambda step: status.update(f"Rendering {step}…"),
                                              fit_cache=project.fit_cache, before_printing=require_printing)
                     for language, each in courses.items()}
    except CannotPrint as error:
        # The site is what a learner needs; it links the PDFs only when they exist.
        errors.print(f"Warning: the site is built without the printable cards and session plans: {error}. "
                     "With that installed, the next build adds them.")
        return
    own = built[""]
    also = f" Printed in {', '.join(course.info.translated_into)} too." if len(built) > 1 else ""
    console.print(f"{len(own.cards)} printable cards, the deck and {len(own.sessions)} session plans.{also}")


def build_site(project: Project, site_dir: Path | None = None, strict: bool = False,
               site_url: str | None = None, publication: Publication | None = None,
               configure: Callable[[MkDocsConfig], None] | None = None) -> Path:
    """Build the site with MkDocs into `site_dir` (default: mkdocs.yml's, site/); return that folder.
    `publication` is the course published already (else the plugin loads it). `site_url` overrides
    the course's address, e.g. for a copy served elsewhere: Material's instant navigation only works
    at the address the site was built for. `configure` adjusts the loaded settings, e.g. for a copy
    opened from disk."""
    show_mkdocs_messages()
    options = {"site_dir": str(site_dir)} if site_dir else {}
    if site_url:
        options["site_url"] = site_url
    config = load_config(config_file=str(config_file(project)), strict=strict, **options)
    if configure:
        configure(config)
    if publication:
        hand_over(project, publication)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir)


def serve_site(project: Project, dev_addr: str, publication: Publication | None = None) -> None:
    """Serve with live reload; the first build uses `publication`, later ones load the edited course
    and write only the pages that changed."""
    show_mkdocs_messages()
    if publication:
        hand_over(project, publication)
    serve(config_file=str(config_file(project)), dev_addr=dev_addr, build_type="dirty")

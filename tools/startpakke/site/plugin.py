"""The MkDocs plugin: wires MkDocs events to the publication. All the work happens in other modules."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..caches import template_cache
from ..i18n import catalog
from ..loading import Reader
from ..markup import MARKDOWN_EXTENSIONS
from ..model import Course
from ..project import Project
from ..yamlsource import Rereader, read_document
from . import flow
from .alternates import alternates
from .incremental import QUIET_DIRTY, Build, GeneratedPage, Pages
from .navwindow import NavView
from .printing import STAMP, BackgroundPrinting
from .publication import Publication
from .render import Rendered
from .sanitize import clean_html
from .service_worker import THEME_COLOUR, WORKER, unregistering_worker, write_offline_files
from .source import ContentErrors, build_tree, publication_for
from .text import plain_text

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer  # `serve`'s alone

log = logging.getLogger("mkdocs.plugins.startpakke")
_editor_servers: dict[tuple[str, int], object] = {}
"""The editor backend of each `serve` address: started once, kept across rebuilds."""
THEME = Path(__file__).parent / "theme"
"""Our additions to Material: the language menu to the same page, the sitemap with hreflang, the Sami interface."""


def _with_compiled_templates(get_env: Callable[[], Environment]) -> Environment:
    """The theme's environments (the pages', and each one Material's search makes to look up its
    language settings) take Material's templates compiled once on this machine."""
    env = get_env()
    env.bytecode_cache = template_cache()
    return env


class StartpakkeConfig(Config):
    course = c.Type(str, default="course")
    """The course folder, relative to mkdocs.yml."""


class StartpakkePlugin(BasePlugin[StartpakkeConfig]):
    serving = False
    publication: Publication | None = None
    content_errors: list[str] = []
    served_at: tuple[str, int] | None = None
    """The address `serve` serves the site at; the editor's forms save one port up (editor/backend.py)."""
    dirty = False
    """Serving with dirty builds: a rebuild writes only the pages a save changed (incremental.py)."""
    pages: Pages | None = None
    planned: Build | None = None
    read: Reader = staticmethod(read_document)
    """How course files are read: serving, each parsed again only when it changed."""
    rendered: Rendered | None = None
    """Serving, the pages rendered before: rendered again only when what they show changed."""
    printing: BackgroundPrinting | None = None
    """Serving a course whose cards were printed: prints them again after a save changed it."""
    served_course: Course | None = None

    @property
    def editor(self) -> tuple[str, int] | None:
        return (self.served_at[0], self.served_at[1] + 1) if self.served_at else None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having on_startup keeps this plugin alive across `mkdocs serve` rebuilds, which is what lets
        # a broken edit fall back to the last good site.
        self.serving = command == "serve"
        self.dirty = self.serving and dirty
        self.pages, self.read, self.rendered = (Pages(), Rereader(), Rendered()) if self.dirty \
            else (None, read_document, None)
        if self.dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(QUIET_DIRTY)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.project = Project.find(root / self.config.course)
        self.content_errors = []
        try:
            self.publication = publication_for(self.project, self.read, self.rendered)
        except ContentErrors as errors:
            if not (self.serving and self.publication):
                raise PluginError(f"{errors}; fix them and the site builds again.")
            log.error(f"{errors}; the site shows its last good version until they are fixed.")
            self.content_errors = errors.problems
        # While serving, the errors are on every page too: an editor may never look at the terminal.
        config.extra["content_errors"] = self.content_errors
        publication = self.publication
        if self.serving and not publication.layout.tree:  # the root build's address, not a translation's
            self.served_at = (config.dev_addr.host, config.dev_addr.port)
        settings = publication.engine_settings()
        config.site_name, config.copyright, config.nav = settings["site_name"], settings["copyright"], settings["nav"]
        config.site_url = config.site_url or settings["site_url"]  # `mkdocs serve` sets its own
        for key, value in settings["extra"].items():
            config.extra[key] = value
        config.theme["language"] = publication.language  # Material's own words and <html lang>
        # Installable, with a web app manifest (service_worker.py), on the web; not in a copy from disk.
        config.extra["web_app"] = {"colour": THEME_COLOUR} if publication.layout.style == "directory" else None
        if str(THEME) not in config.theme.dirs:  # after the project's own overrides, before Material
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
            config.theme.get_env = partial(_with_compiled_templates, config.theme.get_env)
        # Material shows its language menu when `alternate` is set and writes its own head links when it
        # is a list; ours (theme/) link to the same page, so it is set but not a list.
        config.extra["alternate"] = len(publication.languages) > 1
        for path in settings["extra_css"]:
            if path not in config.extra_css:
                config.extra_css.append(path)
        for path in settings["extra_javascript"]:
            if path not in config.extra_javascript:
                config.extra_javascript.append(path)
        for extension in MARKDOWN_EXTENSIONS:  # what the page templates are written for
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.mdx_configs.setdefault("pymdownx.tabbed", {}).setdefault("alternate_style", True)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.publication
        for path, content in self.publication.site.pages.items():
            files.append(GeneratedPage.generated(config, path, content=content))
        for path, content in self.publication.generated.items():
            files.append(File.generated(config, path, content=content))
        for path, source in self.publication.files.items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.publication
        flow.link_pages(nav, self.publication.site.flow)
        if self.pages:
            self.planned = self.pages.plan(self.publication.layout.tree, nav, config)
        return nav

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return clean_html(html)

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        # Material reads only `items` and `homepage` of the nav, which NavView gives.
        assert self.publication
        context["nav"] = NavView(nav, "./#moduler", catalog(self.publication.language))  # type: ignore[typeddict-item]
        return context

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # The same page in each language, for the language menu and the sitemap (theme/).
        env.filters["alternates"] = partial(alternates, self.publication)
        return env

    @event_priority(50)  # before search writes its index
    def _search_of_kept_pages(self, *, config: MkDocsConfig) -> None:
        # Search indexed only the pages this build wrote; the others' entries are those they were written with.
        if not self.planned:
            return
        search = config.plugins.get("material/search") or config.plugins.get("search")
        index = getattr(search, "search_index", None)
        if index is not None:
            index.entries = self.planned.finish(index.entries)
            search.search_index_prev = None  # its own dirty merge assumes a single page changed
        self.planned = None

    @event_priority(-100)  # last: this tree, its search index included, is written before the plugins are reused
    def _translations_and_worker(self, *, config: MkDocsConfig) -> None:
        # Each translation is a build of its own, into its tree: its own interface language and search index.
        # MkDocs hands those builds these same plugin objects, so this build's own state is put back after.
        assert self.publication
        publication, serving = self.publication, self.serving
        try:
            for translation in publication.translations:
                build_tree(config, self.project, translation, dirty=self.dirty)
        finally:
            self.publication, self.serving = publication, serving
        if publication.layout.style == "directory" and not publication.layout.tree:
            site = Path(config.site_dir)
            if serving:  # stored pages would hide the editor's changes
                (site / WORKER).write_text(unregistering_worker(), encoding="utf-8")
            else:
                write_offline_files(site, {each.layout.tree: (plain_text(each.course.info.title), each.language)
                                           for each in (publication, *publication.translations)})
        if serving and not publication.layout.tree:
            self._print_if_changed(publication.course)
        if serving and self.editor and not publication.layout.tree:
            from ..editor.admin import write_admin  # the editor is `serve`'s alone

            host, port = self.editor
            write_admin(Path(config.site_dir), publication.course,
                        {"name": "proxy", "proxy_url": f"http://{host}:{port}/api/v1"})

    def _print_if_changed(self, course: Course) -> None:
        if self.printing is None and self.project.cards_build.is_dir():
            self.printing = BackgroundPrinting(self.project)
        if self.printing and self.served_course is not None and course != self.served_course:
            self.printing.request(list(course.info.translated_into))
        self.served_course = course

    def on_shutdown(self) -> None:
        if self.printing:
            self.printing.stop()
            self.printing = None

    on_post_build = CombinedEvent(_search_of_kept_pages, _translations_and_worker)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        # The course and media, what `startpakke video` makes from them, and the end of each printing
        # run (not every file a run writes: each would reload the page).
        project = self.project
        if project.cards_build.is_dir():
            (project.cards_build / STAMP).mkdir(exist_ok=True)
        for folder in (project.course_dir, project.media_dir, project.media_build, project.cards_build / STAMP):
            if folder.is_dir():
                server.watch(str(folder))
        if self.served_at and self.editor not in _editor_servers:
            from ..editor.backend import EditorBackend, start as start_editor

            (host, site_port), (_, port) = self.served_at, self.editor
            site = {f"http://{host}:{site_port}"} | ({f"http://localhost:{site_port}"} if host == "127.0.0.1" else set())
            try:
                _editor_servers[self.editor] = start_editor(EditorBackend(project), host, port, site)
            except OSError as error:  # the site is still served; only the forms cannot save
                log.warning(f"The editor at /admin/ cannot save: port {port} is taken ({error})")
        return server

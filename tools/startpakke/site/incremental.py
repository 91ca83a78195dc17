"""While serving: a save rebuilds only the pages it changed.

MkDocs' dirty builds skip a page when its file says it is not modified; every page here is generated,
so MkDocs alone would rebuild them all. A page's key holds everything its HTML is made from: its
Markdown, its place in the menu as the menu shows it, its «Forrige» and «Neste», and the settings
every page shares. A page whose key is the one it was last written with is left as it is, and its
search entries are carried over from the build that wrote it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..caches import digest


class GeneratedPage(File):
    """A page made from the course; `unchanged` when it was written from the same key before."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


class QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build leaves other pages' menus stale; the keys rebuild those pages."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


QUIET_DIRTY = QuietDirtyWarning()
"""One instance: a logger keeps a filter once however often serving starts."""


@dataclass
class Tree:
    """What one tree (the source language's, or a translation's) was last written from."""

    keys: dict[str, str] = field(default_factory=dict)
    """Each page's key, by its source path."""
    written: dict[str, Path] = field(default_factory=dict)
    """Each page's HTML file."""
    search: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Each page's search entries, by its URL."""


@dataclass
class Build:
    """One build of one tree: the pages it will rebuild and the keys they will have."""

    tree: Tree
    keys: dict[str, str]
    written: dict[str, Path]
    kept: dict[str, str]
    """The pages left as they are: source path → URL."""

    def finish(self, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Remember what this build wrote, delete the pages it no longer has, and return the whole search
        index: this build's `entries` with those of the pages it left as they were."""
        tree = self.tree
        searched: dict[str, list[dict[str, Any]]] = {}
        for entry in entries:
            searched.setdefault(entry["location"].split("#")[0], []).append(entry)
        for url in self.kept.values():
            searched[url] = tree.search.get(url, [])
        for path, file in tree.written.items():
            if path not in self.written and file.is_file():
                file.unlink()
        tree.keys, tree.written, tree.search = self.keys, self.written, searched
        return [entry for each in searched.values() for entry in each]


class Pages:
    """The keys of every tree served, kept across rebuilds."""

    def __init__(self) -> None:
        self._trees: dict[str, Tree] = {}

    def plan(self, tree: str, nav: Navigation, config: MkDocsConfig) -> Build:
        """Mark the pages of `nav` whose key is the one their HTML was written with as unchanged."""
        known = self._trees.setdefault(tree, Tree())
        for page in nav.pages:
            # A page's title is in its front matter: the menus and «Forrige»/«Neste» of the pages
            # rebuilt need those of the pages that are not, and the keys need them all.
            page.read_source(config)
        shared = _shared_key(config, nav)
        keys, written, kept = {}, {}, {}
        for page in nav.pages:
            path = page.file.src_uri
            keys[path] = _page_key(shared, page)
            written[path] = Path(page.file.abs_dest_path)
            if isinstance(page.file, GeneratedPage) and known.keys.get(path) == keys[path] \
                    and written[path].is_file():
                page.file.unchanged = True
                kept[path] = page.url
        return Build(known, keys, written, kept)


def _shared_key(config: MkDocsConfig, nav: Navigation) -> str:
    # What every page prints: the course's name and address, the settings, the error banner, which
    # pages exist (the language menu and the sitemap link them), and the menu's top level.
    shared = [config.site_name, config.site_url, config.copyright, config.extra, config.extra_css,
              config.extra_javascript, repr(config.theme), config.markdown_extensions, config.mdx_configs,
              sorted(page.file.src_uri for page in nav.pages), _level(nav.items)]
    return digest(shared)


def _page_key(shared: str, page: Page) -> str:
    # The menu shows at most the top level and the open sections' items (navwindow.py): a key with all
    # of them changes whenever anything the menu shows of this page's place changes.
    file = page.file
    markdown = file.content_string if isinstance(file, GeneratedPage) and file.abs_src_path is None else None
    sections = []
    parent = page.parent
    while parent is not None:
        sections.append(_level(parent.children))
        parent = parent.parent
    neighbours = [(other.title, other.url) if other else None for other in (page.previous_page, page.next_page)]
    return digest([shared, file.src_uri, markdown, page.title, sections, neighbours])


def _level(items: list[Any]) -> list[Any]:
    """The title and address of each item, a section's address being that of its first page."""
    return [(item.title, getattr(item.children[0] if isinstance(item, Section) and item.children else item,
                                 "url", None)) for item in items]

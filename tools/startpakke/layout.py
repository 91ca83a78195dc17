"""Where each page lives and how everything else addresses it: its Markdown source, its URL, links
between pages, the address a QR code carries, and the key progress is kept under.

The addresses are stable: `/moduler/<slug>/`, `/metoder/<slug>/`, `/metoder/`, `/om/`. A translation
lives under its language code (`/se/metoder/<slug>/`); the source language stays at the root. Each
language is a tree of its own (its own MkDocs build, search index and Material assets); page paths are
within the language's tree, while shared files (videos) are reached from the site root. Every page is a
folder's `index.md`, so the same tree serves directory URLs on the web (`metoder/x/`) and file URLs
inside a learning-platform package or a copy opened from disk (`metoder/x/index.html`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, replace
from typing import Literal

PageKind = Literal["home", "module", "method", "exercises", "library", "closing", "about"]
Style = Literal["directory", "file"]

_FOLDERS: dict[PageKind, str] = {
    "home": "",
    "module": "moduler/{slug}/",
    "exercises": "moduler/{slug}/oppgaver/",
    "method": "metoder/{slug}/",
    "library": "metoder/",
    "closing": "avslutning/",
    "about": "om/",
}


@dataclass(frozen=True, order=True)
class Page:
    kind: PageKind
    slug: str = ""


HOME, LIBRARY, CLOSING, ABOUT = Page("home"), Page("library"), Page("closing"), Page("about")


def module(slug: str) -> Page:
    return Page("module", slug)


def method(slug: str) -> Page:
    return Page("method", slug)


def exercises(slug: str) -> Page:
    return Page("exercises", slug)


@dataclass(frozen=True)
class Layout:
    site_url: str
    """The published address (ends in /): QR codes and links from outside the site carry it."""
    language: str = ""
    """The language code the pages live under; empty for the source language at the root."""
    style: Style = "directory"

    def with_style(self, style: Style) -> Layout:
        return replace(self, style=style)

    def key(self, page: Page) -> str:
        """Where the page is, the same in every language and address style: progress is kept by it."""
        return _FOLDERS[page.kind].format(slug=page.slug)

    @property
    def tree(self) -> str:
        """The language's tree from the site root: `se/`, or empty for the source language."""
        return f"{self.language}/" if self.language else ""

    def in_language(self, language: str) -> Layout:
        """The same layout for another language's tree (empty: the source language)."""
        return replace(self, language=language)

    def folder(self, page: Page) -> str:
        """The page's folder in its language's tree, e.g. `metoder/x/`."""
        return self.key(page)

    def source(self, page: Page) -> str:
        """The page's Markdown file in the publication, e.g. `metoder/x/index.md`."""
        return self.folder(page) + "index.md"

    def url(self, page: Page) -> str:
        """The page's address from the site root, in this layout's style."""
        return self.folder(page) + ("index.html" if self.style == "file" else "")

    def absolute(self, page: Page) -> str:
        """The page's address on the published site, for QR codes and printed cards; empty while the
        course has no site address."""
        return self.site_url + self.tree + self.folder(page) if self.site_url else ""

    def link(self, from_page: Page, to_page: Page) -> str:
        """A Markdown link from one page's source to another's (MkDocs turns it into a URL)."""
        return posixpath.relpath(self.source(to_page), posixpath.dirname(self.source(from_page)))

    def up_to_root(self, page: Page) -> str:
        """The relative way from a page up to the site root, for files every language shares (media)."""
        return "../" * (self.tree + self.folder(page)).count("/")

    def same_page_in(self, page: Page, other: Layout) -> str:
        """The relative address from a page to the same page in another language's tree."""
        return self.up_to_root(page) + other.tree + other.url(page)

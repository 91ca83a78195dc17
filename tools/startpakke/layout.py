"""Where each page lives and how everything else addresses it: its Markdown source, its URL, links
between pages, the address a QR code carries, and the key progress is kept under.

The addresses are stable: `/moduler/<slug>/`, `/metoder/<slug>/`, `/metoder/`, `/om/`. A translation
lives under its language code (`/se/metoder/<slug>/`); the source language stays at the root. Every
page is a folder's `index.md`, so the same tree serves directory URLs on the web (`metoder/x/`) and
file URLs inside a learning-platform package or a copy opened from disk (`metoder/x/index.html`).
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

    def folder(self, page: Page) -> str:
        """The page's folder from the site root, e.g. `se/metoder/x/`."""
        return (f"{self.language}/" if self.language else "") + self.key(page)

    def source(self, page: Page) -> str:
        """The page's Markdown file in the publication, e.g. `metoder/x/index.md`."""
        return self.folder(page) + "index.md"

    def url(self, page: Page) -> str:
        """The page's address from the site root, in this layout's style."""
        return self.folder(page) + ("index.html" if self.style == "file" else "")

    def absolute(self, page: Page) -> str:
        """The page's address on the published site, for QR codes and printed cards; empty while the
        course has no site address."""
        return self.site_url + self.folder(page) if self.site_url else ""

    def link(self, from_page: Page, to_page: Page) -> str:
        """A Markdown link from one page's source to another's (MkDocs turns it into a URL)."""
        return posixpath.relpath(self.source(to_page), posixpath.dirname(self.source(from_page)))

    def up_to_root(self, page: Page) -> str:
        """The relative way from a page up to the site root, for files outside the Markdown (media)."""
        return "../" * self.folder(page).count("/")

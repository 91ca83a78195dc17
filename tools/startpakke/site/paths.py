"""Where each page lives. These paths give the site's stable URLs (/moduler/<slug>/, /metoder/<slug>/)."""

from __future__ import annotations

import posixpath

HOME = "index.md"
CLOSING = "avslutning.md"
LIBRARY = "metoder/index.md"
ABOUT = "om.md"


def module_page(slug: str) -> str:
    # index.md makes the module page the index of its nav section (Material's navigation.indexes).
    return f"moduler/{slug}/index.md"


def method_page(slug: str) -> str:
    return f"metoder/{slug}.md"


def exercises_page(slug: str) -> str:
    return f"moduler/{slug}/oppgaver.md"


def is_exercises_page(path: str) -> bool:
    return path.startswith("moduler/") and path.endswith("/oppgaver.md")


def url(path: str) -> str:
    """The directory URL MkDocs gives a page, relative to the site root: `metoder/x.md` → `metoder/x/`."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def link(from_page: str, to_page: str) -> str:
    """A Markdown link target from one page's source to another's, which MkDocs checks and rewrites."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def to_root(from_page: str) -> str:
    """The relative way from a page's URL up to the site root, for files outside the Markdown (media)."""
    depth = url(from_page).count("/")
    return "../" * depth

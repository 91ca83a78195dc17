"""The rendered nav in the form of mkdocs.yml's `nav:` setting."""

from __future__ import annotations

from typing import Any

from .render import NavEntry, Section, Titled
from .text import plain_title


def mkdocs_nav(nav: list[NavEntry]) -> list[Any]:
    """Pages by path (MkDocs takes their titles from the pages); sections by title. MkDocs prints nav
    titles as they are, so they are HTML-escaped here."""
    result: list[Any] = []
    for entry in nav:
        if isinstance(entry, Section):
            result.append({plain_title(entry.title): list(entry.pages)})
        elif isinstance(entry, Titled):
            result.append({plain_title(entry.title): entry.page})
        else:
            result.append(entry)
    return result

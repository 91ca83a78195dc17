"""The rendered nav in the form of mkdocs.yml's `nav:` setting."""

from __future__ import annotations

from typing import Any

from .render import NavEntry, Section, Titled
from .text import plain_text, plain_title


def mkdocs_nav(nav: list[NavEntry], escape: bool = True) -> list[Any]:
    """Pages by path (MkDocs takes their titles from the pages); sections by title. MkDocs prints nav
    titles as they are, so they are HTML-escaped here; `escape=False` gives plain text for files."""
    title = plain_title if escape else plain_text
    result: list[Any] = []
    for entry in nav:
        if isinstance(entry, Section):
            result.append({title(entry.title): list(entry.pages)})
        elif isinstance(entry, Titled):
            result.append({title(entry.title): entry.page})
        else:
            result.append(entry)
    return result

"""Printable method cards, the deck and session plans (WeasyPrint + segno).

`build` writes the files and is what the CLI and the site's build use; the other modules each do one
thing: `card` (what is on a card), `fit` (making it fit), `formats` and `impose` (paper), `deck`,
`plans` (a session plan as PDF, Markdown and HTML), `render` (WeasyPrint), `manifest` (what is complete).
"""

from .build import build_all, build_cards, build_for_site, build_sessions, paths

__all__ = ["build_all", "build_cards", "build_for_site", "build_sessions", "paths"]

"""Printable method cards, the deck and session plans (WeasyPrint + segno).

The site and the CLI use `build_for_site`, `build_all`, `paths`, `session_plan` and
`session_markdown`; the modules below each do one thing: `card` (what is on a card), `fit` (making
it fit), `formats` and `impose` (paper), `deck`, `sessions`, `render` (WeasyPrint), `build` (files).
"""

from .build import build_all, build_cards, build_for_site, build_sessions, paths
from .formats import FORMATS, FormatName
from .sessions import parse_clock, session_markdown, session_plan

__all__ = [
    "FORMATS", "FormatName", "build_all", "build_cards", "build_for_site", "build_sessions",
    "parse_clock", "paths", "session_markdown", "session_plan",
]

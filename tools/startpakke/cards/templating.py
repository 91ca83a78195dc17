"""Jinja for the print templates and the session pages (no WeasyPrint here: the site imports this)."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from . import text
from .card import tint


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("startpakke.cards", "templates"),
        autoescape=jinja2.select_autoescape(["html", "html.j2"], default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(block=text.block, inline=text.inline)
    env.filters.update(minutes=minutes_label, tint=tint, cell=table_cell)
    return env


def render_template(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


def minutes_label(low: int, high: int | None = None) -> str:
    return f"{low} min" if high is None or high == low else f"{low}–{high} min"


def table_cell(markdown: str) -> str:
    """Markdown text made safe for one cell of a Markdown table: one line, pipes escaped."""
    return " ".join(markdown.split()).replace("|", "\\|")

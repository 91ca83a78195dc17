"""Jinja for the print templates, in the catalog's language (no WeasyPrint here)."""

from __future__ import annotations

from functools import cache, partial
from typing import Any

import jinja2
from markupsafe import Markup

from .. import phrases
from ..caches import template_cache
from ..i18n import catalog
from . import text
from .card import tint


@cache
def environment(language: str) -> jinja2.Environment:
    tr = catalog(language)
    env = jinja2.Environment(
        extensions=["jinja2.ext.i18n"],
        loader=jinja2.PackageLoader("startpakke.cards", "templates"),
        autoescape=jinja2.select_autoescape(["html", "html.j2"], default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=template_cache(),
    )
    env.install_gettext_callables(tr.gettext, tr.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(block=text.block, inline=text.inline,
                       session_format=lambda plan: phrases.session_format(tr, plan.is_digital))
    env.filters.update(minutes=partial(phrases.minutes, tr), people=partial(phrases.people, tr), tint=tint,
                       cell=table_cell, css_string=css_string)
    return env


def render_template(name: str, language: str, **context: Any) -> str:
    return environment(language).get_template(name).render(**context)


def table_cell(markdown: str) -> str:
    """Markdown text made safe for one cell of a Markdown table: one line, pipes escaped."""
    return " ".join(markdown.split()).replace("|", "\\|")


def css_string(value: str) -> Markup:
    """A quoted CSS string (for `content:` in a page margin): HTML escaping means nothing in <style>,
    so quotes and backslashes are escaped the CSS way, and `<` so no text can close the element."""
    text = " ".join(value.split()).replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\00003c")
    return Markup(f'"{text}"')

"""Assemble the HTML of a printed document from its sides."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Course
from .card import PALETTE, Card, Side
from .formats import CardFormat
from .templating import render_template

NOTES_LINES = 14


def sides_html(course: Course, sides: Sequence[Side], fmt: CardFormat, cards: Sequence[Card],
               title: str = "", description: str = "", **extra: object) -> str:
    return render_template(
        "document.html.j2",
        course=course, sides=sides, fmt=fmt, cards=cards, palette=PALETTE, lines=NOTES_LINES,
        title=title or f"{course.info.title}: metodekort",
        description=description or course.info.subtitle,
        **extra,
    )

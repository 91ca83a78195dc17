"""Assemble the HTML of a printed document from its sides."""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import catalog
from ..model import Course
from .card import PALETTE, Card, Side
from .formats import CardFormat
from .templating import render_template

NOTES_LINES = 14


def sides_html(course: Course, sides: Sequence[Side], fmt: CardFormat, cards: Sequence[Card],
               title: str = "", description: str = "", **extra: object) -> str:
    return render_template(
        "document.html.j2", course.language,
        course=course, sides=sides, fmt=fmt, cards=cards, palette=PALETTE, lines=NOTES_LINES,
        title=title or deck_title(course),
        description=description or course.info.subtitle,
        **extra,
    )


def card_css(course: Course, fmt: CardFormat) -> str:
    """The print CSS of every side in `fmt`: the same for all of a course's documents, so WeasyPrint
    parses it once per process (render.layout)."""
    return render_template("cards.css.j2", course.language, course=course, fmt=fmt, palette=PALETTE)


def deck_title(course: Course) -> str:
    return catalog(course.language).gettext("%(course)s: method cards") % {"course": course.info.title}


def full_deck_title(course: Course) -> str:
    """The deck's own title: the cover and contents with every card."""
    return catalog(course.language).gettext("%(course)s: all the method cards") % {"course": course.info.title}


def card_title(course: Course, card: Card) -> str:
    return catalog(course.language).gettext("%(method)s: method card") % {"method": card.method.title}

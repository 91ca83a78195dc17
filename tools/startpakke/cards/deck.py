"""The deck: a cover, how to use and print it, a contents page, then every card in course order."""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import catalog
from ..model import Course
from . import qr
from .card import Card, Side
from .document import card_css, full_deck_title, sides_html
from .fit import CardFit
from .formats import CardFormat
from .render import layout, pages_per_anchor



def print_advice(fmt: CardFormat, language: str) -> str:
    _ = catalog(language).gettext
    if fmt.imposition:
        return _("Print double-sided on A4 at full size (100 per cent), turn over the long edge, and cut "
                 "along the crop marks. Thick paper (160–250 g) makes cards that last.")
    return _("Print double-sided on %(paper)s paper or card, turning over the long edge. If you only have A4, "
             "choose the edition with four cards per sheet.") % {"paper": fmt.short}


def intro_sides(course: Course, cards: Sequence[Card], fmt: CardFormat) -> list[Side]:
    """Cover, its back, and the contents, padded to an even count so every card starts on a front."""
    sides = [Side("cover", fmt.base_pt), Side("colophon", fmt.base_pt), Side("contents", fmt.base_pt)]
    contents_pages = pages_per_anchor(
        layout(_html(course, sides[2:], fmt, cards), card_css(course, fmt)), "side-contents")["side-contents"]
    if contents_pages % 2:
        sides.append(Side("notes", fmt.base_pt))
    return sides


def deck_sides(course: Course, cards: Sequence[Card], fits: dict[str, CardFit],
               fmt: CardFormat) -> list[Side]:
    return intro_sides(course, cards, fmt) + [side for card in cards for side in fits[card.slug].sides]


def deck_html(course: Course, cards: Sequence[Card], sides: Sequence[Side], fmt: CardFormat) -> str:
    return _html(course, sides, fmt, cards, title=full_deck_title(course))


def _html(course: Course, sides: Sequence[Side], fmt: CardFormat, cards: Sequence[Card],
          title: str = "") -> str:
    return sides_html(course, sides, fmt, cards, title=title, print_advice=print_advice(fmt, course.language),
                      site_qr=qr.svg_data_uri(course.info.site_url) if course.info.site_url else "")

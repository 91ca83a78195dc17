"""The deck: a cover, how to use and print it, a contents page, then every card in course order."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Course
from . import qr
from .card import Card, Side
from .document import sides_html
from .fit import CardFit
from .formats import CardFormat
from .render import layout, pages_per_anchor

PRINT_ADVICE = {
    "a6": "Skriv ut tosidig på A6-papir eller kartong, og vend langs langsiden. Har du bare A4, "
          "velg utgaven med fire kort per ark.",
    "a5": "Skriv ut tosidig på A5-papir eller kartong, og vend langs langsiden. Har du bare A4, "
          "velg utgaven med fire kort per ark.",
    "a4-4up": "Skriv ut tosidig på A4 i full størrelse (100 %), vend langs langsiden, og skjær "
              "langs skjæremerkene. Tykt papir (160–250 g) gir kort som tåler bruk.",
}


def intro_sides(course: Course, cards: Sequence[Card], fmt: CardFormat) -> list[Side]:
    """Cover, its back, and the contents, padded to an even count so every card starts on a front."""
    sides = [Side("cover", fmt.base_pt), Side("colophon", fmt.base_pt), Side("contents", fmt.base_pt)]
    contents_pages = pages_per_anchor(
        layout(_html(course, sides[2:], fmt, cards)), "side-contents")["side-contents"]
    if contents_pages % 2:
        sides.append(Side("notes", fmt.base_pt))
    return sides


def deck_sides(course: Course, cards: Sequence[Card], fits: dict[str, CardFit],
               fmt: CardFormat) -> list[Side]:
    return intro_sides(course, cards, fmt) + [side for card in cards for side in fits[card.slug].sides]


def deck_html(course: Course, cards: Sequence[Card], sides: Sequence[Side], fmt: CardFormat) -> str:
    return _html(course, sides, fmt, cards, title=f"{course.info.title}: alle metodekortene")


def _html(course: Course, sides: Sequence[Side], fmt: CardFormat, cards: Sequence[Card],
          title: str = "") -> str:
    return sides_html(course, sides, fmt, cards, title=title, print_advice=PRINT_ADVICE[fmt.name.value],
                      site_qr=qr.svg_data_uri(course.info.site_url))

"""What goes on a card: one method, seen through what a facilitator needs at the table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..layout import Layout, method as method_page
from ..model import Course, Method, Phase
from . import qr

SideKind = Literal["front", "back", "notes", "cover", "colophon", "contents"]

PALETTE = ["#1b6a93", "#c4532f", "#74458f", "#2c7a4b", "#8c6b12", "#a3335a", "#3f5f8f", "#5b6b2f"]
"""One accent per phase, in phase order: dark enough for white text, distinct in print."""


def phase_colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


@dataclass(frozen=True)
class Card:
    method: Method
    number: int
    total: int
    phase: Phase
    phase_number: int
    """1-based position of the phase in the course."""
    url: str

    @property
    def slug(self) -> str:
        return self.method.slug

    @property
    def colour(self) -> str:
        return phase_colour(self.phase_number - 1)

    @property
    def qr(self) -> str:
        """The QR code to the method's page; empty while the course has no site address."""
        return qr.svg_data_uri(self.url) if self.url else ""

    @property
    def url_short(self) -> str:
        """The address as people type it, without the scheme."""
        return self.url.split("://", 1)[-1]



def cards_of(course: Course, layout: Layout | None = None) -> list[Card]:
    """Every method card in course order (the order modules teach them), each with the address of
    its page in `layout` (by default the course's own site) for the QR code."""
    layout = layout or Layout(course.info.site_url)
    phase_ids = [phase.id for phase in course.info.phases]
    methods = list(course.methods.values())
    return [
        Card(
            method=method,
            number=number,
            total=len(methods),
            phase=course.phase(method.phase),
            phase_number=phase_ids.index(method.phase) + 1,
            url=layout.absolute(method_page(method.slug)),
        )
        for number, method in enumerate(methods, start=1)
    ]


@dataclass(frozen=True)
class Side:
    """One printed side: a card's front or back, or a page of the deck around the cards."""

    kind: SideKind
    pt: float
    """Body text size on this side."""
    card: Card | None = None

    @property
    def anchor(self) -> str:
        return f"side-{self.card.slug}-{self.kind}" if self.card else f"side-{self.kind}"


def tint(colour: str, whiteness: float) -> str:
    """`colour` mixed with white: a solid light shade prints more evenly than transparency."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * whiteness) for c in (red, green, blue)]
    return "#" + "".join(f"{c:02x}" for c in mix)

"""Make every side of every card fit: shrink the text down to the format's floor, then flow onto an
extra side. No text is ever cut off; `startpakke check` reports the cards that need the extra side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Course
from .card import Card, Side
from .formats import CardFormat
from .render import layout, pages_per_anchor
from .document import sides_html


@dataclass(frozen=True)
class SideFit:
    pt: float
    pages: int


@dataclass(frozen=True)
class CardFit:
    card: Card
    front: SideFit
    back: SideFit

    @property
    def sides(self) -> list[Side]:
        """The card's printed sides, padded with a notes side to an even count for duplex printing."""
        sides = [Side("front", self.front.pt, self.card), Side("back", self.back.pt, self.card)]
        if (self.front.pages + self.back.pages) % 2:
            sides.append(Side("notes", self.back.pt, self.card))
        return sides

    @property
    def page_count(self) -> int:
        pages = self.front.pages + self.back.pages
        return pages + pages % 2

    @property
    def overflowing(self) -> list[str]:
        """The sides that flow onto an extra side even at the smallest readable size."""
        return [kind for kind, fit in (("front", self.front), ("back", self.back)) if fit.pages > 1]


def fit_cards(course: Course, cards: Sequence[Card], fmt: CardFormat) -> dict[str, CardFit]:
    """Find, for each side, the largest body size from the format's steps at which it fits one page.

    All sides still open are laid out together, one document per size step, so a deck of many cards
    costs a handful of layouts rather than one per card and size.
    """
    sizes = fmt.steps_pt
    result: dict[tuple[str, str], SideFit] = {}
    pages_at_base: dict[tuple[str, str], int] = {}
    pending = [(card, kind) for card in cards for kind in ("front", "back")]
    for pt in sizes:
        if not pending:
            break
        sides = [Side(kind, pt, card) for card, kind in pending]  # type: ignore[arg-type]
        counts = pages_per_anchor(layout(sides_html(course, sides, fmt, cards)), "side-")
        still = []
        for side in sides:
            assert side.card
            key = (side.card.slug, side.kind)
            pages = counts[side.anchor]
            pages_at_base.setdefault(key, pages)
            if pages <= 1:
                result[key] = SideFit(pt, 1)
            else:
                still.append((side.card, side.kind))
        pending = still
    for card, kind in pending:
        # Too long even at the floor: it flows onto extra sides at the normal size, which reads
        # better than small type over two sides.
        result[(card.slug, kind)] = SideFit(sizes[0], pages_at_base[(card.slug, kind)])
    return {
        card.slug: CardFit(card, result[(card.slug, "front")], result[(card.slug, "back")])
        for card in cards
    }


def sides_over_floor(course: Course, cards: Sequence[Card], fmt: CardFormat) -> list[Side]:
    """The sides that need more than one page even at the format's smallest text: one layout."""
    sides = [Side(kind, fmt.floor_pt, card) for card in cards for kind in ("front", "back")]  # type: ignore[arg-type]
    counts = pages_per_anchor(layout(sides_html(course, sides, fmt, cards)), "side-")
    return [side for side in sides if counts[side.anchor] > 1]

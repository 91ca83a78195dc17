"""Make every side of every card fit, never cutting text: a crowded side shrinks down to the format's
readable floor; a side too long for that continues on a second card at the normal size; a card too
long even for that flows on, and `startpakke check` warns about it (see `MAX_PAGES`)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..files import write_atomic
from ..model import Course
from .card import Card, Side
from .estimate import fits_one_page
from .fonts import font_sources
from .inputs import design
from .formats import CardFormat
from .render import layout, pages_per_anchor
from .document import card_css, sides_html


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
    def overflowing(self) -> list[str]:
        """The sides that take more than one printed side: too long even at the smallest size."""
        return [kind for kind, fit in (("front", self.front), ("back", self.back)) if fit.pages > 1]


MAX_PAGES = {"front": 1, "back": 2}
"""The printed sides a card's front and back may take: a long back continues on a second card."""


class PageCounts:
    """How many pages a side takes at a size: bounded or laid out on demand, many sides in one document, and
    remembered across runs in `path` (build/cards/.fit-cache.json), keyed by the side's content and
    the card design, so only what was edited is laid out again."""

    def __init__(self, course: Course, cards: Sequence[Card], fmt: CardFormat, path: Path | None = None):
        self.course, self.cards, self.fmt, self.path = course, cards, fmt, path
        self.known = _read_cache(path)
        self.changed = False

    def key(self, side: Side) -> str:
        return f"{content_key(side, self.fmt)}:{side.pt}"

    def measure(self, sides: Sequence[Side]) -> None:
        """Count the pages of the sides not known yet: a side that certainly fits one page (see
        estimate.py) without laying it out, the others laid out together."""
        todo = [side for side in sides if self.key(side) not in self.known]
        if not todo:
            return
        self.changed = True
        font_sources()  # no fonts, no printing: say so even when no side needs laying out (CannotPrint)
        unsure = []
        for side in todo:
            if fits_one_page(side, self.fmt, self.course.language):
                self.known[self.key(side)] = 1
            else:
                unsure.append(side)
        if unsure:
            counts = pages_per_anchor(layout(sides_html(self.course, unsure, self.fmt, self.cards),
                                             card_css(self.course, self.fmt)), "side-")
            self.known.update({self.key(side): counts[side.anchor] for side in unsure})

    def __getitem__(self, side: Side) -> int:
        return self.known[self.key(side)]

    def save(self) -> None:
        """Store what is known of this format, dropping content that no longer exists; other formats'
        entries are read again first, as another process may have added to them meanwhile."""
        if not (self.path and self.changed):
            return
        prefix = f"{self.fmt.name.value}:"
        current = {content_key(Side(kind, 0, card), self.fmt)  # type: ignore[arg-type]
                   for card in self.cards for kind in ("front", "back")}
        others = {k: v for k, v in _read_cache(self.path).items() if not k.startswith(prefix)}
        keep = others | {k: v for k, v in self.known.items()
                         if k.startswith(prefix) and k.rsplit(":", 1)[0] in current}
        try:
            write_atomic(self.path, json.dumps(keep, indent=0, sort_keys=True))
        except OSError:
            pass  # only a cache: a read-only project folder costs time on the next run, nothing else


def fit_cards(course: Course, cards: Sequence[Card], fmt: CardFormat,
              cache: Path | None = None) -> dict[str, CardFit]:
    """Choose each side's body size from the format's steps (largest first, down to the floor):
    the largest size at which the side takes one page; failing that, the largest at which it
    takes no more pages than `MAX_PAGES` allows; failing that, the normal size, flowing on.

    All sides still open are laid out together, one document per size step, so a deck of many cards
    costs a handful of layouts rather than one per card and size (and none for unchanged cards when
    `cache` holds their answers).
    """
    sizes = fmt.steps_pt
    base, floor, middle = sizes[0], sizes[-1], sizes[1:-1]
    counts = PageCounts(course, cards, fmt, cache)

    def measure(pt: float, keys: list[tuple[Card, str]]) -> None:
        counts.measure([Side(kind, pt, card) for card, kind in keys])  # type: ignore[arg-type]

    def at(card: Card, kind: str, pt: float) -> int:
        return counts[Side(kind, pt, card)]  # type: ignore[arg-type]

    everything = [(card, kind) for card in cards for kind in ("front", "back")]
    measure(base, everything)
    # The floor next: it settles at once the sides that cannot fit one page at any size.
    crowded = [(c, k) for c, k in everything if at(c, k, base) > 1]
    if floor != base:
        measure(floor, crowded)
    # Only sides that reach their goal at the floor (one page, or failing that the pages allowed)
    # need the sizes between, tried from the largest down until one reaches it.
    goal = {(c.slug, k): 1 if at(c, k, floor) == 1 else MAX_PAGES[k] for c, k in crowded}
    search = [(c, k) for c, k in crowded
              if at(c, k, floor) <= goal[(c.slug, k)] < at(c, k, base)]
    tried: dict[tuple[str, str], list[float]] = {(c.slug, k): [base] for c, k in everything}
    for c, k in crowded:
        tried[(c.slug, k)].append(floor)
    for pt in middle:
        measure(pt, search)
        for c, k in search:
            tried[(c.slug, k)].append(pt)
        search = [(c, k) for c, k in search if at(c, k, pt) > goal[(c.slug, k)]]
    counts.save()

    def choose(card: Card, kind: str) -> SideFit:
        sizes_tried = sorted(tried[(card.slug, kind)], reverse=True)
        for allowed in (1, MAX_PAGES[kind]):
            fitting = [pt for pt in sizes_tried if at(card, kind, pt) <= allowed]
            if fitting:
                return SideFit(fitting[0], at(card, kind, fitting[0]))
        return SideFit(base, at(card, kind, base))

    return {card.slug: CardFit(card, choose(card, "front"), choose(card, "back")) for card in cards}


def pages_at_floor(course: Course, cards: Sequence[Card], fmt: CardFormat,
                   cache: Path | None = None) -> list[tuple[Side, int]]:
    """How many pages each side takes at the format's smallest text. A side that takes one page at the
    normal size takes one at any smaller size, so only crowded sides are laid out at the floor; the
    normal size is what `build` lays out first, so `check` and `build` answer each other from `cache`."""
    counts = PageCounts(course, cards, fmt, cache)
    base = [Side(kind, fmt.base_pt, card) for card in cards for kind in ("front", "back")]  # type: ignore[arg-type]
    counts.measure(base)
    at_floor = [Side(side.kind, fmt.floor_pt, side.card) if counts[side] > 1 else side for side in base]
    counts.measure(at_floor)
    counts.save()
    return [(side, counts[side]) for side in at_floor]


def is_known(course: Course, cards: Sequence[Card], fmt: CardFormat, cache: Path | None) -> bool:
    """Whether `cache` knows every side's length at the normal size: then fitting lays out little."""
    counts = PageCounts(course, cards, fmt, cache)
    return all(counts.key(Side(kind, fmt.base_pt, card)) in counts.known  # type: ignore[arg-type]
               for card in cards for kind in ("front", "back"))


def content_key(side: Side, fmt: CardFormat) -> str:
    """What decides a side's length, apart from the type size."""
    assert side.card
    content = json.dumps([side.kind, side.card.method.model_dump(mode="json"), side.card.phase.title,
                          side.card.number, side.card.total, side.card.url,
                          side.card.phase_number], sort_keys=True)
    return f"{fmt.name.value}:{hashlib.sha256((content + design()).encode()).hexdigest()[:24]}"


def _read_cache(path: Path | None) -> dict[str, int]:
    try:
        data = json.loads(path.read_text("utf-8")) if path else {}
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, int)} if isinstance(data, dict) else {}

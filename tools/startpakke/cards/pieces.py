"""The deck in pieces: the pages before the cards, and each card, laid out and written on their own.

A piece is kept under build/cards/.pieces/<format>/, named by the fingerprint of what it is made from
(and of the design and tools, see `inputs`): the same name, the same pages. A build lays out only the
pieces it does not find, spread over the cores, and puts each deck together from its pieces (`merge`),
so one changed card costs one card's layout. A run stopped half way keeps every piece it finished.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..files import write_atomic
from ..model import Course
from .card import Card, cards_of
from .deck import deck_html, intro_sides
from .document import card_css, card_title, sides_html
from .fit import CardFit, content_key
from .formats import CardFormat
from .inputs import fingerprint

FOLDER = ".pieces"


@dataclass(frozen=True)
class Piece:
    path: Path
    fmt: CardFormat
    fit: CardFit | None = None
    """The card as fitted; None for the pages before the cards."""

    @property
    def key(self) -> str:
        return self.path.stem

    def exists(self) -> bool:
        return self.path.is_file()


@dataclass(frozen=True)
class DeckPieces:
    intro: Piece
    cards: dict[str, Piece]
    """By method slug, in course order."""

    @property
    def all(self) -> list[Piece]:
        return [self.intro, *self.cards.values()]


def deck_pieces(course: Course, cards: Sequence[Card], fits: dict[str, CardFit], fmt: CardFormat,
                folder: Path) -> DeckPieces:
    """The pieces of `fmt`'s deck, in `folder` (build/cards/)."""
    where = folder / FOLDER / fmt.name.value
    around = (fmt.name.value, course.language, course.info.model_dump(mode="json"))
    # The cover, the colophon and the contents: what the pages before the cards show of each card.
    intro = fingerprint("intro", around, [(card.number, card.slug, card.method.title, card.phase.id,
                                           card.method.duration.model_dump(mode="json")) for card in cards])
    return DeckPieces(
        Piece(where / f"{intro}.pdf", fmt),
        {card.slug: Piece(where / f"{card_inputs(around, fits[card.slug], fmt)}.pdf", fmt, fits[card.slug])
         for card in cards})


def card_inputs(around: tuple[object, ...], fit: CardFit, fmt: CardFormat) -> str:
    """What one card's pages are made from: its sides as fitted, and `around` them the format and the
    course's language and text."""
    return fingerprint("card", around, [(content_key(side, fmt), side.kind, side.pt) for side in fit.sides])


def lay_out(course: Course, work: Sequence[Piece]) -> None:
    """Lay out and write each piece: one worker's share."""
    from .render import layout, pdf_bytes
    from .tagging import without_plain_elements

    for piece in work:
        data = pdf_bytes(layout(_html(course, piece), card_css(course, piece.fmt)))
        write_atomic(piece.path, without_plain_elements(data))


def _html(course: Course, piece: Piece) -> str:
    if piece.fit is None:
        cards = cards_of(course)
        return deck_html(course, cards, intro_sides(course, cards, piece.fmt), piece.fmt)
    card = piece.fit.card
    return sides_html(course, piece.fit.sides, piece.fmt, [card], title=card_title(course, card),
                      description=card.method.summary)


def layout_jobs(course: Course, pieces: Sequence[Piece], workers: int) -> dict[Hashable, Callable[[], None]]:
    """The pieces still to lay out, in shares for `workers` processes: eight shares each, so a process
    that finishes early takes the next and the last share leaves the other cores idle only briefly.
    A card's pieces in every format go to the same share, which then makes its QR code once."""
    missing = sorted((piece for piece in pieces if not piece.exists()),
                     key=lambda piece: piece.fit.card.number if piece.fit else 0)
    if not missing:
        return {}
    size = -(-len(missing) // (8 * workers))
    return {("pieces", index): partial(lay_out, course, missing[start:start + size])
            for index, start in enumerate(range(0, len(missing), size))}


def remove_others(folder: Path, fmt: CardFormat, keep: Sequence[Path]) -> None:
    """Pieces no deck uses any more: a course's edits would otherwise pile up."""
    where = folder / FOLDER / fmt.name.value
    names = {path.name for path in keep}
    if where.is_dir():
        for path in where.glob("*.pdf"):
            if path.name not in names:
                path.unlink(missing_ok=True)

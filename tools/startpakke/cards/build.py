"""Write the print outputs under build/cards/: every card, the deck, and the session plans.

Names are stable, so the site can link them (see `paths`): the default format (`formats.DEFAULT`) at
the top of build/cards/, other formats in a folder of their own, session plans in okter/.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import weasyprint

from ..files import write_atomic
from ..model import Course
from ..sessions import session_plan
from . import qr
from .card import Card, cards_of
from .deck import deck_html, deck_sides
from .document import card_title, deck_title
from .fit import CardFit, fit_cards
from .formats import DEFAULT, CardFormat, FormatName, get
from .impose import impose, repeat_to_fill
from .manifest import FormatOutputs, SessionOutputs, record_format, record_sessions, withdraw_format, withdraw_sessions
from .render import layout, pdf_bytes
from .plans import session_html, session_markdown, session_pdf
from .templating import render_template

DECK = "kortstokk.pdf"
SESSIONS = "okter"

Progress = Callable[[str], None]


@dataclass
class Paths:
    """Where each output goes, relative to build/cards/."""

    fmt: CardFormat

    def card(self, slug: str) -> str:
        return self._in_format(f"{slug}.pdf")

    @property
    def deck(self) -> str:
        return self._in_format(DECK)

    def _in_format(self, name: str) -> str:
        return f"{self.fmt.folder}/{name}" if self.fmt.folder else name

    @staticmethod
    def session(module_slug: str, suffix: str) -> str:
        return f"{SESSIONS}/{module_slug}.{suffix}"


def paths(fmt: CardFormat | FormatName | str = DEFAULT) -> Paths:
    return Paths(fmt if isinstance(fmt, CardFormat) else get(fmt))


@dataclass
class Built:
    folder: Path
    fmt: CardFormat
    cards: dict[str, Path] = field(default_factory=dict)
    deck: Path | None = None
    sessions: dict[str, dict[str, Path]] = field(default_factory=dict)
    fits: dict[str, CardFit] = field(default_factory=dict)

    @property
    def overflowing(self) -> dict[str, list[str]]:
        return {slug: fit.overflowing for slug, fit in self.fits.items() if fit.overflowing}


def build_cards(course: Course, folder: Path, fmt: CardFormat, *, deck: bool = True,
                cards: bool = True, progress: Progress | None = None, fit_cache: Path | None = None) -> Built:
    """Render every card (one PDF each) and the deck in `fmt` into `folder` (build/cards/).
    `fit_cache` remembers how long unchanged cards are (Project.fit_cache, shared with `check`).

    The deck is laid out once; each card's PDF is written from the deck's own pages, so a card
    looks exactly as it does in the deck and costs no second layout.
    """
    say = progress or (lambda _: None)
    built = Built(folder, fmt)
    where = paths(fmt)
    withdraw_format(folder, fmt.name.value, where.deck)
    all_cards = cards_of(course)
    say("fitting cards")
    built.fits = fit_cards(course, all_cards, fmt, fit_cache)
    say("laying out the deck")
    document = layout(deck_html(course, all_cards, deck_sides(course, all_cards, built.fits, fmt), fmt))
    if cards:
        for card in all_cards:
            say(card.slug)
            path = folder / where.card(card.slug)
            write_atomic(path, card_pdf(document, card, course, fmt))
            built.cards[card.slug] = path
        _remove_stale(folder / fmt.folder, {f"{c.slug}.pdf" for c in all_cards} | {DECK})
    if deck:
        say("deck")
        built.deck = folder / where.deck
        pdf = _impose(document, fmt, deck_title(course), course) if fmt.imposition else pdf_bytes(document)
        write_atomic(built.deck, pdf)
    record_format(folder, fmt.name.value, FormatOutputs(
        deck=where.deck if deck else None,
        cards={slug: where.card(slug) for slug in built.cards}))
    return built


def card_pdf(deck: weasyprint.Document, card: Card, course: Course, fmt: CardFormat) -> bytes:
    """One card's pages of the laid-out deck, as a PDF of its own."""
    own = {f"side-{card.slug}-{kind}" for kind in ("front", "back", "notes")}
    pages = [page for page in deck.pages if own & set(page.anchors)]
    document = deck.copy(pages)
    document.metadata = copy.copy(deck.metadata)
    title = card_title(course, card)
    document.metadata.title, document.metadata.description = title, card.method.summary
    if not fmt.imposition:
        return pdf_bytes(document)
    # A full sheet of copies, one for each group at the table.
    return _impose(document, fmt, title, course, copies=repeat_to_fill(len(pages), fmt))


def _impose(cards: weasyprint.Document, fmt: CardFormat, title: str, course: Course, copies: int = 1) -> bytes:
    return impose(cards, fmt, title, course.language, course.info.publisher, copies)


def build_sessions(course: Course, folder: Path, start: int = 9 * 60,
                   progress: Progress | None = None) -> dict[str, dict[str, Path]]:
    """A printable plan (PDF), a Markdown page and an HTML fragment for each module with a session."""
    say = progress or (lambda _: None)
    written: dict[str, dict[str, Path]] = {}
    withdraw_sessions(folder)
    modules = [module for module in course.modules if module.session]
    for module in modules:
        say(f"session plan {module.slug}")
        plan = session_plan(course, module, start)
        files: dict[str, str | bytes] = {
            "pdf": session_pdf(plan),
            "md": session_markdown(plan),
            "html": session_html(plan),
        }
        written[module.slug] = {}
        for suffix, content in files.items():
            path = folder / Paths.session(module.slug, suffix)
            write_atomic(path, content)
            written[module.slug][suffix] = path
    _remove_stale(folder / SESSIONS, {f"{m.slug}.{s}" for m in modules for s in ("pdf", "md", "html")})
    record_sessions(folder, {slug: SessionOutputs(**{suffix: Paths.session(slug, suffix) for suffix in files})
                             for slug, files in written.items()})
    return written


def build_all(course: Course, folder: Path, fmt: CardFormat, start: int = 9 * 60,
              progress: Progress | None = None, fit_cache: Path | None = None) -> Built:
    built = build_cards(course, folder, fmt, progress=progress, fit_cache=fit_cache)
    built.sessions = build_sessions(course, folder, start, progress)
    return built


def build_for_site(course: Course, folder: Path, start: int = 9 * 60,
                   progress: Progress | None = None, fit_cache: Path | None = None) -> Built:
    """What the site links: every card and the deck in the default format, the deck on A4 sheets,
    the session plans."""
    built = build_cards(course, folder, get(DEFAULT), progress=progress, fit_cache=fit_cache)
    build_cards(course, folder, get(FormatName.a4_4up), cards=False, progress=progress, fit_cache=fit_cache)
    built.sessions = build_sessions(course, folder, start, progress)
    return built


def _remove_stale(folder: Path, keep: set[str]) -> None:
    """Outputs of methods or modules that no longer exist would otherwise be published forever."""
    if not folder.is_dir():
        return
    suffixes = {Path(name).suffix for name in keep}
    for path in folder.iterdir():
        if path.is_file() and path.suffix in suffixes and path.name not in keep:
            path.unlink()


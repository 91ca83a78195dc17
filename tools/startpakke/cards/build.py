"""Write the print outputs under build/cards/: every card, the deck, and the session plans.

Names are stable, so the site can link them (see `paths`): the default format (`formats.DEFAULT`) at
the top of build/cards/, other formats in a folder of their own, session plans in okter/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..files import write_atomic
from ..model import Course
from ..sessions import session_plan
from .card import Card, Side, cards_of
from .document import card_title, deck_title, full_deck_title
from .fit import CardFit, content_key, fit_cards
from .inputs import fingerprint
from .parallel import Jobs, SideBySide, run_side_by_side, workers
from .pieces import DeckPieces, deck_pieces, layout_jobs, remove_others
from .formats import DEFAULT, CardFormat, FormatName, get
from .manifest import (
    CardsManifest,
    FormatOutputs,
    SessionOutputs,
    files_exist,
    load_manifest,
    record_format,
    record_sessions,
    withdraw_format,
    withdraw_sessions,
)
from .plans import session_html, session_markdown, session_pdf, session_pdf_html

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
    """How each card was fitted; empty when the set was printed already."""
    overflowing: dict[str, list[str]] = field(default_factory=dict)
    """The sides of each card that take more than one printed side."""
    card_inputs: dict[str, str] = field(default_factory=dict)
    """What each card's PDF was made from (`card_inputs`)."""


@dataclass(frozen=True)
class CardSet:
    """One format's cards and deck, or only the deck: what `build_cards` prints in one layout."""

    fmt: CardFormat
    deck: bool = True
    cards: bool = True

    @property
    def name(self) -> str:
        return self.fmt.name.value

    def inputs(self, course: Course, cards: list[Card]) -> str:
        """What the set is made from: the course's text around the cards (cover, colophon, contents)
        and every card's content; the type sizes follow from those."""
        return fingerprint("cards", self.name, self.deck, self.cards, course.info.model_dump(mode="json"),
                           [content_key(Side(kind, 0, card), self.fmt)
                            for card in cards for kind in ("front", "back")])  # type: ignore[arg-type]


def build_cards(course: Course, folder: Path, fmt: CardFormat, *, deck: bool = True,
                cards: bool = True, progress: Progress | None = None, fit_cache: Path | None = None) -> Built:
    """Render every card (one PDF each) and the deck in `fmt` into `folder` (build/cards/), unless
    they were printed from the same content already. `fit_cache` remembers how long unchanged cards
    are (Project.fit_cache, shared with `check`)."""
    wanted = CardSet(fmt, deck, cards)
    inputs = wanted.inputs(course, cards_of(course))
    manifest = load_manifest(folder)
    done = _printed_already(folder, wanted, inputs, manifest.formats.get(wanted.name))
    if done:
        return done
    # Until the whole set is written, the manifest claims none of it: a run stopped half way is redone.
    withdraw_format(folder, wanted.name, paths(fmt).deck)
    built, _ = print_sets(course, folder, [wanted], manifest, progress, fit_cache)
    record_format(folder, wanted.name, _outputs(built[wanted], inputs))
    return built[wanted]


def _printed_already(folder: Path, wanted: CardSet, inputs: str, recorded: FormatOutputs | None) -> Built | None:
    """The set as the manifest recorded it, when it was printed from the same inputs and is all there."""
    if not (recorded and recorded.inputs == inputs and files_exist(folder, recorded)):
        return None
    return Built(folder, wanted.fmt, {slug: folder / path for slug, path in recorded.cards.items()},
                 folder / recorded.deck if recorded.deck else None, overflowing=recorded.overflowing)


@dataclass(frozen=True)
class _Planned:
    """A card set to print: how each card was fitted, and the pieces its outputs are made of."""

    wanted: CardSet
    fits: dict[str, CardFit]
    pieces: DeckPieces


def print_sets(course: Course, folder: Path, sets: list[CardSet], manifest: CardsManifest,
               progress: Progress | None = None, fit_cache: Path | None = None,
               plans: Plans | None = None) -> tuple[dict[CardSet, Built], dict[str, SessionOutputs]]:
    """Fit each set's cards, lay out the pieces no earlier run left (spread over the cores, with the
    session `plans` beside them), then put each set's outputs together from its pieces.
    A card whose PDF the manifest lists as made from the same piece is not written again."""
    say = progress or (lambda _: None)
    all_cards = cards_of(course)
    with SideBySide() as processes:
        say("fitting the cards")
        fits = processes.run({wanted: partial(fit_cards, course, all_cards, wanted.fmt, fit_cache) for wanted in sets})
        planned, pieces = [], []
        for wanted in sets:
            deck = deck_pieces(course, all_cards, fits[wanted], wanted.fmt, folder)
            planned.append(_Planned(wanted, fits[wanted], deck))
            pieces += deck.all
        # The session plans first: one job, as long as several shares of cards.
        jobs: Jobs = {"sessions": partial(print_sessions, folder, plans, manifest.sessions)} if plans is not None else {}
        jobs |= layout_jobs(course, pieces, workers())
        if len(jobs) > (plans is not None):
            say(f"laying out {sum(not piece.exists() for piece in pieces)} cards and deck pages")
        sessions = processes.run(jobs).get("sessions", {})
        say("putting the decks together")
        processes.close()  # idle, they keep the memory of what they laid out
        built = {plan.wanted: _assemble(course, folder, plan, manifest.formats.get(plan.wanted.name))
                 for plan in planned}
    _put_together({plan.wanted: partial(write_deck, course, plan.wanted.fmt, built[plan.wanted].deck,
                                        [piece.path for piece in plan.pieces.all])
                   for plan in planned if built[plan.wanted].deck}, len(all_cards))
    for plan in planned:
        remove_others(folder, plan.wanted.fmt, [piece.path for piece in plan.pieces.all])
    return built, sessions  # type: ignore[return-value]


def _assemble(course: Course, folder: Path, plan: _Planned, recorded: FormatOutputs | None) -> Built:
    """The set's card PDFs from its pieces, and where its deck goes (`write_deck` puts it together)."""
    fmt, where = plan.wanted.fmt, paths(plan.wanted.fmt)
    built = Built(folder, fmt, fits=plan.fits)
    built.overflowing = {slug: fit.overflowing for slug, fit in plan.fits.items() if fit.overflowing}
    if plan.wanted.cards:
        earlier = recorded.card_inputs if recorded else {}
        for slug, piece in plan.pieces.cards.items():
            path = folder / where.card(slug)
            built.cards[slug] = path
            built.card_inputs[slug] = piece.key
            if earlier.get(slug) != piece.key or not path.is_file():
                write_atomic(path, card_pdf(piece.path, piece.fit.card, course, fmt))  # type: ignore[union-attr]
        _remove_stale(folder / fmt.folder, {f"{slug}.pdf" for slug in plan.pieces.cards} | {DECK})
    if plan.wanted.deck:
        built.deck = folder / where.deck
    return built


DECKS_SIDE_BY_SIDE = 1000
"""Decks of up to this many cards are put together side by side, larger ones one at a time: a deck
being put together has every page of it in memory (1500 cards: 411 MB on A5, 781 MB on A4 sheets)."""


def _put_together(decks: Jobs, cards: int) -> None:
    if cards <= DECKS_SIDE_BY_SIDE:
        run_side_by_side(decks)
    else:
        for deck in decks.values():
            deck()


def write_deck(course: Course, fmt: CardFormat, path: Path, pieces: list[Path]) -> None:
    """One deck from its pieces: merged into one document, or imposed on sheets."""
    data = [piece.read_bytes() for piece in pieces]
    if fmt.imposition:
        deck = _impose(data, fmt, deck_title(course), course)
    else:
        from .merge import merge

        deck = merge(data, full_deck_title(course), course.language, course.info.publisher)
    write_atomic(path, deck)


def _outputs(built: Built, inputs: str) -> FormatOutputs:
    return FormatOutputs(deck=built.deck.relative_to(built.folder).as_posix() if built.deck else None,
                         cards={slug: path.relative_to(built.folder).as_posix() for slug, path in built.cards.items()},
                         overflowing=built.overflowing, inputs=inputs, card_inputs=built.card_inputs)


def card_pdf(piece: Path, card: Card, course: Course, fmt: CardFormat) -> bytes:
    """One card's PDF: its piece as it is, or on a full sheet of copies, one for each group at the table."""
    if not fmt.imposition:
        return piece.read_bytes()
    return _impose([piece.read_bytes()], fmt, card_title(course, card), course, fill=True)


def _impose(pieces: list[bytes], fmt: CardFormat, title: str, course: Course, fill: bool = False) -> bytes:
    from .impose import impose

    return impose(pieces, fmt, title, course.language, course.info.publisher, fill)


def build_sessions(course: Course, folder: Path, start: int = 9 * 60,
                   progress: Progress | None = None) -> dict[str, dict[str, Path]]:
    """A printable plan (PDF), a Markdown page and an HTML fragment for each module with a session;
    a plan made from the same text already is not printed again."""
    recorded = load_manifest(folder).sessions
    withdraw_sessions(folder)
    written = print_sessions(folder, planned_sessions(course, start), recorded, progress)
    record_sessions(folder, written)
    return _session_files(folder, written)


Plans = dict[str, tuple[dict[str, str], SessionOutputs]]
"""Each module's session plan: its sources by suffix (pdf, md, html) and the outputs they make."""


def planned_sessions(course: Course, start: int) -> Plans:
    plans: Plans = {}
    for module in course.modules:
        if module.session:
            plan = session_plan(course, module, start)
            sources = {"pdf": session_pdf_html(plan), "md": session_markdown(plan), "html": session_html(plan)}
            plans[module.slug] = (sources, SessionOutputs(
                **{suffix: Paths.session(module.slug, suffix) for suffix in sources},
                inputs=fingerprint("session", sources)))
    return plans


def _written_already(folder: Path, outputs: SessionOutputs, recorded: SessionOutputs | None) -> bool:
    return recorded == outputs and files_exist(folder, recorded)


def print_sessions(folder: Path, plans: Plans, recorded: dict[str, SessionOutputs],
                   progress: Progress | None = None) -> dict[str, SessionOutputs]:
    say = progress or (lambda _: None)
    written: dict[str, SessionOutputs] = {}
    for slug, (sources, outputs) in plans.items():
        if not _written_already(folder, outputs, recorded.get(slug)):
            say(f"session plan {slug}")
            for suffix, source in sources.items():
                write_atomic(folder / getattr(outputs, suffix), session_pdf(source) if suffix == "pdf" else source)
        written[slug] = outputs
    _remove_stale(folder / SESSIONS, {f"{slug}.{s}" for slug in plans for s in ("pdf", "md", "html")})
    return written


def _session_files(folder: Path, written: dict[str, SessionOutputs]) -> dict[str, dict[str, Path]]:
    return {slug: {suffix: folder / getattr(outputs, suffix) for suffix in ("pdf", "md", "html")}
            for slug, outputs in written.items()}


def build_all(course: Course, folder: Path, fmt: CardFormat, start: int = 9 * 60,
              progress: Progress | None = None, fit_cache: Path | None = None) -> Built:
    built = build_cards(course, folder, fmt, progress=progress, fit_cache=fit_cache)
    built.sessions = build_sessions(course, folder, start, progress)
    return built


SITE_SETS = (CardSet(get(DEFAULT)), CardSet(get(FormatName.a4_4up), cards=False))
"""What the site links: every card and the deck in the default format, and the deck on A4 sheets."""


def build_for_site(course: Course, folder: Path, start: int = 9 * 60,
                   progress: Progress | None = None, fit_cache: Path | None = None,
                   before_printing: Callable[[], None] = lambda: None) -> Built:
    """The site's card sets and the session plans. Only what changed is printed, spread over the
    cores. `before_printing` runs only when something is to be printed (e.g. `require_printing`): a
    build with nothing changed does not even load WeasyPrint."""
    all_cards = cards_of(course)
    manifest = load_manifest(folder)
    inputs = {wanted: wanted.inputs(course, all_cards) for wanted in SITE_SETS}
    built: dict[CardSet, Built] = {}
    for wanted in SITE_SETS:
        done = _printed_already(folder, wanted, inputs[wanted], manifest.formats.get(wanted.name))
        if done:
            built[wanted] = done
    stale = [wanted for wanted in SITE_SETS if wanted not in built]
    plans = planned_sessions(course, start)
    if stale or any(not _written_already(folder, outputs, manifest.sessions.get(slug))
                    for slug, (_, outputs) in plans.items()):
        before_printing()
    for wanted in stale:
        withdraw_format(folder, wanted.name, paths(wanted.fmt).deck)
    withdraw_sessions(folder)
    printed, sessions = print_sets(course, folder, stale, manifest, progress, fit_cache, plans)
    for wanted in stale:
        built[wanted] = printed[wanted]
        record_format(folder, wanted.name, _outputs(built[wanted], inputs[wanted]))
    record_sessions(folder, sessions)
    site = built[SITE_SETS[0]]
    site.sessions = _session_files(folder, sessions)
    return site


def _remove_stale(folder: Path, keep: set[str]) -> None:
    """Outputs of methods or modules that no longer exist would otherwise be published forever."""
    if not folder.is_dir():
        return
    suffixes = {Path(name).suffix for name in keep}
    for path in folder.iterdir():
        if path.is_file() and path.suffix in suffixes and path.name not in keep:
            path.unlink()


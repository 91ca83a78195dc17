"""Session plans: a module's session as a facilitator runs it, with clock times, a materials checklist
gathered from the method cards, notes, and the action that follows. Pure: the printed plan
(cards.plans) and the module page both show this one plan."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layout import Layout
from .layout import module as module_page
from .model import Action, AgendaItem, Course, Method, Module, Session

CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def parse_clock(text: str) -> int:
    """«09:00» or «9.30» → minutes after midnight."""
    match = CLOCK.match(text.strip())
    if not match:
        raise ValueError(f"`{text}` is not a time of day; write it as HH:MM, e.g. 09:00 or 13:30")
    return int(match.group(1)) * 60 + int(match.group(2))


def clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Slot:
    start: int
    item: AgendaItem
    method: Method | None
    card_number: int | None
    """The method's number in the deck, so facilitators find the card."""

    @property
    def end(self) -> int:
        return self.start + self.item.minutes

    @property
    def kind(self) -> str:
        return self.item.kind

    @property
    def title(self) -> str:
        """The method's title, or the item's (empty for an untitled break: show it as a break)."""
        return self.method.title if self.method else self.item.title

    @property
    def times(self) -> str:
        return f"{clock(self.start)}–{clock(self.end)}"


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    methods: list[str] = field(default_factory=list)
    """Titles of the methods that need it."""


@dataclass(frozen=True)
class SessionPlan:
    course: Course
    layout: Layout
    module: Module
    session: Session
    start: int
    slots: list[Slot]
    checklist: list[ChecklistItem]
    not_suited: list[Method]
    """Methods on a digital agenda that have no digital variant: the facilitator must adapt them."""
    preparation: list[tuple[Method, str]]
    action: Action | None

    @property
    def end(self) -> int:
        return self.start + self.session.minutes

    @property
    def agenda_end(self) -> int:
        return self.slots[-1].end if self.slots else self.start

    @property
    def buffer(self) -> int:
        """Minutes left over when the agenda is shorter than the session."""
        return max(0, self.end - self.agenda_end)

    @property
    def is_digital(self) -> bool:
        return self.session.format == "digital"

    @property
    def url(self) -> str:
        """The module's page on the published site, for the plan's QR code."""
        return self.layout.absolute(module_page(self.module.slug))

    @property
    def methods(self) -> list[Method]:
        return list({slot.method.slug: slot.method for slot in self.slots if slot.method}.values())


def session_plan(course: Course, module: Module, start: int = 9 * 60,
                 layout: Layout | None = None) -> SessionPlan:
    """The plan of `module`'s session starting at `start` (minutes after midnight)."""
    session = module.session
    if session is None:
        raise ValueError(f"the module `{module.slug}` has no session")
    numbers = {slug: number for number, slug in enumerate(course.methods, start=1)}
    slots, at = [], start
    for item in session.agenda:
        method = course.methods.get(item.method) if item.method else None
        slots.append(Slot(at, item, method, numbers.get(item.method) if item.method else None))
        at += item.minutes
    plan_methods = list({s.method.slug: s.method for s in slots if s.method}.values())
    digital = session.format == "digital"
    return SessionPlan(
        course=course, layout=layout or Layout(course.info.site_url), module=module, session=session,
        start=start, slots=slots,
        checklist=_checklist(plan_methods, digital),
        not_suited=[m for m in plan_methods if digital and not m.is_digital],
        preparation=[(m, m.preparation) for m in plan_methods if m.preparation],
        action=module.action,
    )


def _checklist(methods: list[Method], digital: bool) -> list[ChecklistItem]:
    """Everything the methods need, each thing once: the digital tools for a digital session (or the
    materials of a method that has no digital variant), the materials for a physical one."""
    gathered: dict[str, ChecklistItem] = {}
    for method in methods:
        things = method.digital_variant.tools if digital and method.is_digital else method.materials  # type: ignore[union-attr]
        for thing in things:
            key = " ".join(thing.casefold().split())
            item = gathered.setdefault(key, ChecklistItem(_capital(thing)))
            if method.title not in item.methods:
                item.methods.append(method.title)
    return list(gathered.values())


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

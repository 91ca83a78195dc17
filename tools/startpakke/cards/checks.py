"""`startpakke check`: warn, with file and line, about cards that will not fit their side."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..fieldpath import dotted
from .card import cards_of
from .fit import sides_over_floor
from .fonts import FontMissing
from .formats import FORMATS, FormatName

if TYPE_CHECKING:
    from ..loading import Loaded

CHECKED = (FormatName.a6, FormatName.a4_4up)
"""The formats the site publishes."""
WHAT = {"front": ("purpose",), "back": ("steps",)}


def check_cards_fit(loaded: Loaded, formats: Iterable[FormatName] = CHECKED) -> None:
    """Add a warning for each card side that flows onto an extra side even at the smallest text."""
    course = loaded.course
    if course is None:
        return
    cards = cards_of(course)
    try:
        over = {name: sides_over_floor(course, cards, FORMATS[name]) for name in formats}
    except FontMissing as error:
        loaded.report.add(loaded.project.course_dir / "course.yml", 1, 1, "",
                          f"cannot check whether the cards fit: {error}", severity="warning")
        return
    by_side: dict[tuple[str, str], list[str]] = {}
    for name, sides in over.items():
        for side in sides:
            assert side.card
            by_side.setdefault((side.card.slug, side.kind), []).append(FORMATS[name].label.split(" (")[0])
    for (slug, kind), labels in by_side.items():
        document = loaded.sources.methods[slug][0]
        fmt_names = " and ".join(labels)
        loc = WHAT[kind]
        line, col = document.where(loc, at_key=True)
        loaded.report.add(
            document.path, line, col, dotted(loc),
            f"the card's {kind} does not fit on one {fmt_names} side, even in the smallest type: "
            "it will flow onto an extra card side",
            "shorten the text on that side (steps and tips are on the back; purpose, materials and "
            "preparation on the front), or move detail to `examples`, which only the site shows",
            "warning",
        )

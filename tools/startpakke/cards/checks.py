"""`startpakke check`: warn, with file and line, about cards too long for the printed card.

A card is a front and a back; a long back may continue on one extra side (a second card whose back
is for notes). That is how a printed deck handles the example course's longer methods, so only a
card that needs more than that, even in the smallest readable type, is a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from ..fieldpath import dotted
from .card import cards_of
from .fit import MAX_PAGES, is_known, pages_at_floor
from .formats import DEFAULT, FORMATS, FormatName
from .parallel import run_side_by_side

if TYPE_CHECKING:
    from ..loading import Loaded

CHECKED = (DEFAULT, FormatName.a4_4up)
"""The formats the site publishes."""
FIELD = {"front": ("purpose",), "back": ("steps",)}
"""Where to point the editor: the start of the text that makes the side long."""


def check_cards_fit(loaded: Loaded, formats: Iterable[FormatName] = CHECKED) -> None:
    """Add a warning for each card side that needs more sides than a card has."""
    course = loaded.course
    if course is None:
        return
    cards = cards_of(course)
    cache = loaded.project.fit_cache
    # Each format's layout on a core of its own, when there is layout to do (a warm cache has none).
    jobs = {name: partial(pages_at_floor, course, cards, FORMATS[name], cache) for name in formats}
    measuring = [name for name in jobs if not is_known(course, cards, FORMATS[name], cache)]
    measured = run_side_by_side({name: jobs[name] for name in measuring})
    too_long: dict[tuple[str, str], list[str]] = {}
    for name in jobs:
        for side, pages in measured[name] if name in measured else jobs[name]():
            assert side.card
            if pages > MAX_PAGES[side.kind]:
                too_long.setdefault((side.card.slug, side.kind), []).append(FORMATS[name].short)
    for (slug, kind), where in too_long.items():
        document = loaded.sources.methods[slug][0]
        loc = FIELD[kind]
        line, col = document.where(loc, at_key=True)
        allowed = "one side" if MAX_PAGES[kind] == 1 else f"{MAX_PAGES[kind]} sides"
        loaded.report.add(
            document.path, line, col, dotted(loc),
            f"the card's {kind} needs more than {allowed} in {' and '.join(where)}, even in the "
            "smallest type",
            "shorten the text on that side (steps, tips and the digital variant are on the back; "
            "purpose, materials and preparation on the front), or move detail to `examples`, "
            "which only the site shows",
            "warning",
        )

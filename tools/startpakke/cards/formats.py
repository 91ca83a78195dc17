"""Print formats: the card's trim size and type sizes, and how cards sit on the printed sheet."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

MM = 72 / 25.4
"""PDF points per millimetre."""


class FormatName(str, Enum):
    a6 = "a6"
    a5 = "a5"
    a4_4up = "a4-4up"


@dataclass(frozen=True)
class Imposition:
    """Several cards on one sheet, with a gutter between them and crop marks in the margins."""

    sheet_mm: tuple[float, float]
    columns: int
    rows: int
    gutter_mm: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


@dataclass(frozen=True)
class CardFormat:
    name: FormatName
    label: str
    card_mm: tuple[float, float]
    """Trim size of one card, width × height."""
    margin_mm: float
    base_pt: float
    """Body text size when the card fits as written."""
    floor_pt: float
    """The smallest body text a side may shrink to; below it the text flows onto an extra side."""
    imposition: Imposition | None = None
    online_on_front: bool = False
    """Where the online variant goes: on a large card the front has room for it, which leaves the back
    to the steps and tips; on a small card the front is full with the essentials."""

    @property
    def steps_pt(self) -> list[float]:
        """Body sizes to try, largest first, half a point apart, ending at the floor."""
        sizes, size = [], self.base_pt
        while size > self.floor_pt + 1e-6:
            sizes.append(round(size, 2))
            size -= 0.5
        return sizes + [self.floor_pt]

    @property
    def sheet_mm(self) -> tuple[float, float]:
        return self.imposition.sheet_mm if self.imposition else self.card_mm

    @property
    def short(self) -> str:
        """The label without the measurements, for messages."""
        return self.label.split(" (")[0]

    @property
    def folder(self) -> str:
        """Where this format's PDFs go inside build/cards/: the default format at the top."""
        return "" if self.name is DEFAULT else self.name.value


DEFAULT = FormatName.a5
"""One sheet per method, front and back, in type that reads across a table (README: «Print cards»)."""

FORMATS: dict[FormatName, CardFormat] = {
    FormatName.a6: CardFormat(FormatName.a6, "A6 (105 × 148 mm)", (105, 148), 6, 8.5, 7.0),
    # Never below 9 pt: the size still read at arm's length across a table.
    FormatName.a5: CardFormat(FormatName.a5, "A5 (148 × 210 mm)", (148, 210), 8, 10.0, 9.0,
                              online_on_front=True),
    # A4 leaves no room for crop marks around four full A6 cards: these are a little smaller,
    # 94 × 133 mm, with a 6 mm gutter so a slightly crooked cut never shows the neighbour.
    FormatName.a4_4up: CardFormat(
        FormatName.a4_4up, "4 per A4 (94 × 133 mm, crop marks)", (94, 133), 5.5, 8.0, 7.0,
        Imposition((210, 297), 2, 2, 6),
    ),
}


def get(name: FormatName | str) -> CardFormat:
    try:
        return FORMATS[FormatName(name)]
    except ValueError:
        known = ", ".join(f.value for f in FormatName)
        raise ValueError(f"unknown card format `{name}`; choose one of {known}") from None

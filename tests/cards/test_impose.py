"""Four cards on an A4 sheet: crop marks for every cut, and backs that land behind their fronts."""

from __future__ import annotations

import subprocess
from pathlib import Path

from startpakke.cards.formats import FORMATS, FormatName
from startpakke.cards.impose import _geometry, crop_marks

from .conftest import flat, page_sizes_mm, pdf_text

FOUR_UP = FORMATS[FormatName.a4_4up]


def card_rects() -> list[tuple[float, float, float, float]]:
    _, xs, ys = _geometry(FOUR_UP)
    w, h = FOUR_UP.card_mm
    return [(x, y, x + w, y + h) for y in ys for x in xs]


def test_marks_sit_on_every_trim_line_and_never_on_a_card() -> None:
    marks = crop_marks(FOUR_UP)
    cards = card_rects()
    for left, top, width, height in marks:
        for x0, y0, x1, y1 in cards:
            overlaps = left < x1 and left + width > x0 and top < y1 and top + height > y0
            assert not overlaps, ((left, top, width, height), (x0, y0))
        assert 0 <= left and left + width <= 210 and 0 <= top and top + height <= 297
    vertical = {round(left + width / 2, 2) for left, _, width, height in marks if height > width}
    horizontal = {round(top + height / 2, 2) for _, top, width, height in marks if width > height}
    assert vertical == {round(v, 2) for x0, _, x1, _ in cards for v in (x0, x1)}
    assert horizontal == {round(v, 2) for _, y0, _, y1 in cards for v in (y0, y1)}


def test_cards_fit_on_the_sheet_with_room_for_marks() -> None:
    for x0, y0, x1, y1 in card_rects():
        assert x0 >= 7 and y0 >= 7 and x1 <= 210 - 7 and y1 <= 297 - 7


def test_deck_on_a4_sheets_in_duplex_order(four_up: Path) -> None:
    deck = four_up / "a4-4up" / "kortstokk.pdf"
    # cover, colophon, contents, notes, then 3 cards of 2 sides: 5 cards on 2 sheets, front and back
    assert page_sizes_mm(deck) == [(210, 297)] * 4
    _, (x_left, x_right), (y_top, y_bottom) = _geometry(FOUR_UP)
    w, h = FOUR_UP.card_mm

    def at(page: int, x: float, y: float) -> str:
        return flat(pdf_text(deck, page, (x, y, w, h)))

    assert "metodekort startpakke for samskaping" in at(1, x_left, y_top)
    assert at(1, x_right, y_top).startswith("innhold")
    # Turned over the long edge, the cover's back is on the right and the contents' back on the left.
    assert "slik bruker du kortene" in at(2, x_right, y_top)
    assert at(2, x_left, y_top).startswith("notater")
    assert "interessentkart" in at(1, x_left, y_bottom)
    assert "interessentkart slik gjør dere" in at(2, x_right, y_bottom)
    assert "ark 1 av 2 · forside" in flat(pdf_text(deck, 1)) and "ark 1 av 2 · bakside" in flat(pdf_text(deck, 2))


def test_a_single_card_on_a4_is_a_sheet_of_four_copies(four_up: Path) -> None:
    sheet = four_up / "a4-4up" / "interessentkart.pdf"
    assert page_sizes_mm(sheet) == [(210, 297)] * 2
    assert flat(pdf_text(sheet, 1)).count("få oversikt over hvem") == 4
    assert flat(pdf_text(sheet, 2)).count("slik gjør dere") == 4


def test_every_crop_mark_is_printed_on_every_sheet(four_up: Path, tmp_path: Path) -> None:
    """The marks are drawn into the sheets as artifacts: look at the printed pixels where each one is."""
    from PIL import Image

    dpi = 600
    deck = four_up / "a4-4up" / "kortstokk.pdf"
    for page in (1, 2):
        png = tmp_path / f"sheet-{page}"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page),
                        "-singlefile", str(deck), str(png)], check=True)
        image = Image.open(f"{png}.png").convert("L")
        px = dpi / 25.4
        for left, top, width, height in crop_marks(FOUR_UP):
            middle = (round((left + width / 2) * px), round((top + height / 2) * px))
            assert image.getpixel(middle) < 100, f"sheet page {page}: no mark at {middle}"
        # Beside a mark the paper stays white: a mark is a hairline, not a bar.
        for left, top, width, height in crop_marks(FOUR_UP)[:4]:
            x, y = round((left + width / 2) * px), round((top + height / 2) * px)
            beside = (x + 12, y) if height > width else (x, y + 12)
            assert image.getpixel(beside) > 200, f"sheet page {page}: a mark at {(x, y)} is not a hairline"

"""Put cards on sheets: several per page with crop marks, fronts and backs in duplex order.

The cards are laid out at their trim size by WeasyPrint; here their finished pages are placed
on the sheet unchanged (vector text stays selectable, fonts stay embedded).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from .formats import MM, CardFormat
from ..i18n import catalog
from .merge import merged, saved, titled
from .render import layout, pdf_bytes, render_template
from .tagging import Placed, carry_structure

MARK_OFFSET = 2.0
"""Crop marks stop this many mm short of the trim, so a cut on the line never shows them."""
MARK_LENGTH = 4.0
MARK_WIDTH = 0.1
GUTTER_OFFSET = 1.0
"""In a gutter the marks keep this distance from the cards on both sides."""


@dataclass(frozen=True)
class Sheet:
    width: float
    height: float
    left: float
    top: float
    slug_top: float


def _geometry(fmt: CardFormat) -> tuple[Sheet, list[float], list[float]]:
    """The sheet, and the x (from the left) and y (from the top) of every column and row, in mm."""
    imposition = fmt.imposition
    assert imposition, f"{fmt.name.value} prints one card per page"
    (width, height), (card_w, card_h) = imposition.sheet_mm, fmt.card_mm
    grid_w = imposition.columns * card_w + (imposition.columns - 1) * imposition.gutter_mm
    grid_h = imposition.rows * card_h + (imposition.rows - 1) * imposition.gutter_mm
    left, top = (width - grid_w) / 2, (height - grid_h) / 2
    xs = [left + col * (card_w + imposition.gutter_mm) for col in range(imposition.columns)]
    ys = [top + row * (card_h + imposition.gutter_mm) for row in range(imposition.rows)]
    return Sheet(width, height, left, top, max(1.0, top / 2 - 1.5)), xs, ys


def crop_marks(fmt: CardFormat) -> list[tuple[float, float, float, float]]:
    """Hairlines (left, top, width, height in mm) along every trim line: in the margins, and in the
    gutters between cards, never on a card."""
    sheet, xs, ys = _geometry(fmt)
    card_w, card_h = fmt.card_mm
    cuts_x = sorted({x for col in xs for x in (col, col + card_w)})
    cuts_y = sorted({y for row in ys for y in (row, row + card_h)})
    marks: list[tuple[float, float, float, float]] = []
    for lengthwise, cuts, firsts, card, extent in (
        (False, cuts_x, ys, card_h, sheet.height),  # vertical cuts, marked above, below and between rows
        (True, cuts_y, xs, card_w, sheet.width),    # horizontal cuts, marked left, right and between columns
    ):
        spans = [(max(0.0, firsts[0] - MARK_OFFSET - MARK_LENGTH), firsts[0] - MARK_OFFSET),
                 (firsts[-1] + card + MARK_OFFSET, min(extent, firsts[-1] + card + MARK_OFFSET + MARK_LENGTH))]
        spans += [(a + card + GUTTER_OFFSET, b - GUTTER_OFFSET) for a, b in zip(firsts, firsts[1:])]
        for low, high in spans:
            if high - low < 0.5:
                continue
            for cut in cuts:
                mark = (low, cut - MARK_WIDTH / 2, high - low, MARK_WIDTH) if lengthwise \
                    else (cut - MARK_WIDTH / 2, low, MARK_WIDTH, high - low)
                marks.append(tuple(round(v, 3) for v in mark))  # type: ignore[arg-type]
    return marks


def impose(cards: Sequence[bytes], fmt: CardFormat, title: str, language: str, author: str,
           fill: bool = False) -> bytes:
    """Sheets of `fmt.imposition` from the tagged PDFs `cards`: their pages come as front, back,
    front, back, … and leave as sheet fronts and sheet backs, the backs mirrored so they line up when
    the sheet is turned over its long edge. With `fill`, the set repeats to fill whole sheets (one
    card for each group at the table). The result is tagged like the cards, and embeds each font once."""
    imposition = fmt.imposition
    assert imposition
    count = sum(len(Pdf.open(io.BytesIO(card)).pages) for card in cards)
    if count % 2:
        raise ValueError("cards for duplex printing need an even number of pages (front and back)")
    copies = repeat_to_fill(count, fmt) if fill else 1
    pairs = [(index, index + 1) for index in range(0, count, 2)] * copies
    per_sheet = imposition.per_sheet
    sheets = [pairs[i:i + per_sheet] for i in range(0, len(pairs), per_sheet)]
    sheet, xs, ys = _geometry(fmt)
    _ = catalog(language).gettext
    labels = [
        _("%(title)s · sheet %(number)s of %(count)s · %(side)s") % {
            "title": title, "number": number, "count": len(sheets), "side": side}
        for number in range(1, len(sheets) + 1)
        for side in (_("front"), _("back – turn over the long edge"))
    ]
    blanks = pdf_bytes(layout(render_template("sheet.html.j2", language, sheet=sheet, labels=labels, lang=language)))
    # Cards and sheets as one document share their fonts and one structure tree.
    source = merged([*cards, blanks])
    marks = _marks_operators(fmt, sheet)

    out = pikepdf.new()
    card_h = fmt.card_mm[1]
    placed: Placed = {}
    for number, group in enumerate(sheets):
        for side in (0, 1):
            out.pages.append(source.pages[count + 2 * number + side])
            page = out.pages[-1]
            if Name.StructParents in page.obj:  # the sheet's own content belongs to no element
                del page.obj.StructParents
            xobjects = _own_xobjects(page)
            drawing = []
            for slot, pair in enumerate(group):
                row, col = divmod(slot, imposition.columns)
                if side:  # turned over the long edge: left and right swap
                    col = imposition.columns - 1 - col
                index = pair[side]
                if index not in placed:
                    placed[index] = (_form(out, source.pages[index]), page.obj)
                name = f"/Card{index}"
                xobjects[name] = placed[index][0]
                x, y = xs[col] * MM, (sheet.height - ys[row] - card_h) * MM
                drawing.append(f"q 1 0 0 1 {x:.3f} {y:.3f} cm {name} Do Q")
            page.contents_add(pikepdf.Stream(out, b"q\n"), prepend=True)
            page.contents_add(pikepdf.Stream(out, ("\nQ\n" + "\n".join([*drawing, marks]) + "\n").encode()))
    carry_structure(source, out, placed)
    titled(out, title, language, author)
    return saved(out)


def _marks_operators(fmt: CardFormat, sheet: Sheet) -> str:
    """The crop marks, drawn straight into every sheet (the same on all): a printer's marks, so an
    artifact that a screen reader skips."""
    rects = " ".join(f"{left * MM:.3f} {(sheet.height - top - height) * MM:.3f} {width * MM:.3f} {height * MM:.3f} re"
                     for left, top, width, height in crop_marks(fmt))
    return f"/Artifact BMC q 0 0 0 rg {rects} f Q EMC"


def _form(out: Pdf, page: pikepdf.Page) -> pikepdf.Object:
    """The card page as a Form XObject: drawn as it is, without re-parsing its content (fast), and
    drawn once per copy from one stored object (small files)."""
    contents = page.obj.get(Name.Contents)
    parts = contents if isinstance(contents, Array) else [contents] if contents is not None else []
    if len(parts) == 1:  # the stream as stored, compressed: decoded, a deck's content would fill memory
        form = out.copy_foreign(parts[0])
    else:
        form = out.make_indirect(pikepdf.Stream(out, b"\n".join(part.read_bytes() for part in parts)))
    form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, Array(page.mediabox)
    form.Resources = out.copy_foreign(page.obj.Resources)
    if Name.Group in page.obj:  # keeps transparency (tints, rounded corners) as WeasyPrint drew it
        form.Group = out.copy_foreign(page.obj.Group) if page.obj.Group.is_indirect else page.obj.Group
    return form


def _own_xobjects(page: pikepdf.Page) -> pikepdf.Object:
    """The sheet's XObjects, in resources of its own: WeasyPrint shares one resource dictionary
    between pages, and a card drawn from it must not find itself among its own resources."""
    shared = page.obj.get(Name.Resources, Dictionary())
    resources = Dictionary({key: value for key, value in shared.items()})
    resources.XObject = Dictionary({key: value for key, value in shared.get(Name.XObject, Dictionary()).items()})
    page.obj.Resources = resources
    return page.obj.Resources.XObject


def repeat_to_fill(pages: int, fmt: CardFormat) -> int:
    """How many copies of a card of `pages` sides fill whole sheets (one card, many groups)."""
    per_sheet = fmt.imposition.per_sheet if fmt.imposition else 1
    return max(1, per_sheet // max(1, pages // 2))


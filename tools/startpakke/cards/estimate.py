"""How tall a card side is at most, without laying it out: the fit check's fast path.

Laying out a side with WeasyPrint takes tens of milliseconds; a course of 600 methods has 1200 sides per
format, most of which fit their card with room to spare. This module sets the side's own HTML (the same
template the deck uses) in a model of the print CSS that can only err on the tall side:

- each word is as wide as its letters' advance widths from the card fonts (at the face's weight), plus
  letter spacing and a little more; kerning and ligatures only ever make real words narrower here;
- lines are filled greedily, breaking only at spaces: hyphenation and other break chances only ever let
  the real layout put more on a line;
- margins between siblings collapse as CSS says, margins of a first or last child are added to their
  parent's instead of collapsing into them; a float takes its width from every line of its block.

So a side whose bound fits the page area takes one page: `fit.PageCounts` settles it without WeasyPrint.
Anything the model does not know (a quote, code, a heading inside a text, a letter the fonts lack) makes
the bound unknown, and that side is laid out as before. `tests/cards/test_estimate.py` holds the model
to WeasyPrint's own heights.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

from .card import Side
from .fonts import font_sources
from .formats import MM, CardFormat
from .templating import environment

SLACK = 1.015
"""Extra width on every word: kerning in the card fonts is almost always negative, rarely a hair more."""


class Unknown(Exception):
    """The side holds something the model does not measure."""


# --- fonts ------------------------------------------------------------------------------------------

@cache
def _advances(family: str, bold: bool, italic: bool) -> dict[int, float]:
    """A face's advance width per character, in ems."""
    from fontTools.ttLib import TTFont

    weight, style = (700 if bold else 400), ("italic" if italic else "normal")
    path = next((p for f, p in font_sources().items()
                 if (f.family, f.weight, f.style) == (family, weight, style)), None)
    if path is None:
        raise Unknown(f"no face {family} {weight} {style}")
    font = TTFont(path, lazy=True)
    glyphs = font.getGlyphSet(location={"wght": weight, "wdth": 100})
    em = font["head"].unitsPerEm
    return {code: glyphs[name].width / em for code, name in font.getBestCmap().items()}


@dataclass(frozen=True)
class Style:
    size: float = 10.0
    """Font size in pt."""
    serif: bool = False
    bold: bool = False
    italic: bool = False
    upper: bool = False
    spacing: float = 0.0
    """Letter spacing in em."""
    leading: float = 1.32
    """Line height as a multiple of the font size."""

    @property
    def family(self) -> str:
        return "Startpakke Serif" if self.serif else "Startpakke Sans"

    def width(self, text: str) -> float:
        widths = _advances(self.family, self.bold, self.italic)
        if self.upper:
            text = text.upper()
        try:
            ems = sum(widths[ord(ch)] for ch in text)
        except KeyError as missing:
            raise Unknown(f"a letter the card fonts lack: {missing}") from None
        return (ems + self.spacing * len(text)) * self.size * SLACK


@dataclass(frozen=True)
class Box:
    """What a rule sets on an element that is not inherited: all lengths in em of its own font size,
    except `pt`, which is in points."""

    block: bool = True
    margin: tuple[float, float] = (0.0, 0.0)
    """Top and bottom."""
    padding: tuple[float, float, float] = (0.0, 0.0, 0.0)
    """Top, bottom and both sides together."""
    border_pt: float = 0.0
    """Top and bottom borders together."""
    indent: float = 0.0
    """Padding on the left (list items with their own marker)."""
    flow: str = "normal"
    """`float` (takes width from the lines beside it), `out` (absolutely placed or hidden) or `nowrap`."""


# --- the print CSS, as the model reads it (templates/cards.css.j2) -------------------------------------

INLINE = {"span", "b", "strong", "em", "i", "a", "br"}
BLOCK = {"article", "header", "section", "p", "ul", "ol", "li", "h1", "h2", "table", "tr", "th", "td",
         "tbody", "thead", "div"}


def _rule(tag: str, classes: set[str], ancestors: list[set[str]], style: Style, k: float
          ) -> tuple[Style, Box]:
    """The style and box of one element, given its parent's style. `k` scales mm lengths with the card."""
    mm = MM * k / style.size  # one millimetre of the card in em of the parent's size
    inside = set().union(*ancestors) if ancestors else set()
    if tag not in INLINE | BLOCK:
        raise Unknown(f"<{tag}>")
    box = Box(block=tag in BLOCK)
    s = style
    if tag in ("b", "strong"):
        s = dataclasses.replace(s, bold=True)
    elif tag in ("em", "i"):
        s = dataclasses.replace(s, italic=True)
    elif tag == "p":
        box = dataclasses.replace(box, margin=(0, 0.45))
    elif tag == "h2":
        s = dataclasses.replace(s, size=s.size * 0.78, bold=True, spacing=0.08, upper=True)
        box = dataclasses.replace(box, margin=(1.15, 0.35))
    elif tag == "h1" and "title" not in classes:
        raise Unknown("a heading in a text")
    elif tag == "div" and not classes & {"side-end"}:
        raise Unknown("<div>")

    if "band" in classes:
        box = dataclasses.replace(box, padding=(3.2 * mm, 3.6 * mm, 7.2 * mm), margin=(0, 0.9))
    elif "phase" in classes and tag == "p":
        s = dataclasses.replace(s, size=s.size * 0.78, bold=True, spacing=0.09, upper=True)
        box = dataclasses.replace(box, margin=(0, 0.55))
    elif "title" in classes and tag == "h1":
        s = dataclasses.replace(s, size=s.size * 2.1, serif=True, bold=True, leading=1.08)
    elif "summary" in classes:
        s = dataclasses.replace(s, size=s.size * 1.16, leading=1.3)
        box = dataclasses.replace(box, margin=(0, 0.8))
    elif "facts" in classes:
        box = dataclasses.replace(box, margin=(0, 0.2), border_pt=1.2)
    elif tag == "th":
        s = dataclasses.replace(s, size=s.size * 0.7, bold=True, spacing=0.08, upper=True)
        box = dataclasses.replace(box, padding=(0.55, 0, 0))
    elif tag == "td":
        s = dataclasses.replace(s, size=s.size * 1.05, bold=True)
        box = dataclasses.replace(box, padding=(0.05, 0.45, 0))
    elif tag == "li" and "checklist" in inside:
        box = dataclasses.replace(box, indent=1.35, margin=(0, 0.22))
    elif "steps-title" in classes:
        s = dataclasses.replace(s, size=style.size * 0.82)
        box = dataclasses.replace(box, margin=(0, 0.6), padding=(0, 0.35, 0), border_pt=0.9)
    elif "back-title" in classes:
        s = dataclasses.replace(s, size=s.size * 1.55, serif=True, spacing=0, upper=False)
        box = dataclasses.replace(box, block=True, margin=(0, 0.2))
    elif "total" in classes:
        s = dataclasses.replace(s, spacing=0.04)
        box = dataclasses.replace(box, flow="float")
    elif tag == "li" and "steps" in ancestors[-1]:
        box = dataclasses.replace(box, indent=1.85, margin=(0, 0.55))
    elif "step-title" in classes:
        box = dataclasses.replace(box, margin=(0, 0.1))
    elif "no" in classes:
        box = dataclasses.replace(box, flow="out")
    elif "min" in classes:
        s = dataclasses.replace(s, size=s.size * 0.92)
        box = dataclasses.replace(box, flow="float" if "step-title" in ancestors[-1] else "nowrap")
    elif "tips" in classes:
        box = dataclasses.replace(box, margin=(0.7, 0), padding=(0.55, 0.6, 1.5))
    elif tag == "li" and "tips" in inside:
        box = dataclasses.replace(box, indent=0.9, margin=(0, 0.22))
    elif "digital" in classes:
        box = dataclasses.replace(box, margin=(0.7, 0), padding=(0.1, 0, 0), border_pt=0.6)
    elif "dsteps" in classes:
        box = dataclasses.replace(box, margin=(0.25, 0))
    elif tag == "li" and "dsteps" in inside:
        box = dataclasses.replace(box, indent=1.3, margin=(0, 0.12))
    elif "side-end" in classes:
        box = dataclasses.replace(box, flow="out")
    if tag == "h2" and inside & {"tips"}:
        box = dataclasses.replace(box, margin=(0, box.margin[1]))
    if tag == "h2" and "digital" in inside:
        box = dataclasses.replace(box, margin=(0.5, box.margin[1]))
    if "steps-title" in classes:
        box = dataclasses.replace(box, margin=(0, box.margin[1]))
    return s, box


# --- the element tree ---------------------------------------------------------------------------------

@dataclass
class Element:
    tag: str
    classes: set[str]
    children: list[Element | str] = dataclasses.field(default_factory=list)


class _Tree(HTMLParser):
    VOID = {"br", "img", "meta", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", set())
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        element = Element(tag, classes)
        self.open[-1].children.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        while len(self.open) > 1:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def _parse(html: str) -> Element:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree.root


# --- setting text and stacking blocks -------------------------------------------------------------------

@dataclass
class _Words:
    """The words of one block's inline content, each as wide as its pieces in their styles."""

    widths: list[float] = dataclasses.field(default_factory=list)
    spaces: list[float] = dataclasses.field(default_factory=list)
    """The space before each word (0 where the word continues the previous one)."""
    open_word: bool = False
    floats: float = 0.0
    line_height: float = 0.0

    def add(self, text: str, style: Style, nowrap: bool = False) -> None:
        self.line_height = max(self.line_height, style.leading * style.size)
        if nowrap:
            self._piece(" ".join(text.split()), style, joined=self.open_word and not text[:1].isspace())
            return
        for index, piece in enumerate(text.replace("\n", " ").split(" ")):
            if index:
                self.open_word = False
            if piece:
                self._piece(piece, style, joined=self.open_word)
                self.open_word = True
        if text.endswith((" ", "\n")):
            self.open_word = False

    def _piece(self, text: str, style: Style, joined: bool) -> None:
        width = style.width(text)
        if joined and self.widths:
            self.widths[-1] += width
        else:
            self.widths.append(width)
            self.spaces.append(style.width(" "))
        self.open_word = True

    def line_break(self) -> None:
        self.widths.append(-1.0)  # a forced break
        self.spaces.append(0.0)
        self.open_word = False

    def lines(self, width: float) -> int:
        width -= self.floats
        if width <= 0:
            raise Unknown("no room beside a float")
        count, x = 0, None
        for word, space in zip(self.widths, self.spaces):
            if word < 0:
                count, x = count + (1 if x is None else 0), None
                continue
            if x is not None and x + space + word <= width:
                x += space + word
            elif word <= width:
                count, x = count + 1, word
            else:  # a word longer than the line: hyphenated or overflowing, give it room to spare
                count, x = count + math.ceil(word / (0.8 * width)), width
        return count


def _inline(element: Element, style: Style, words: _Words, ancestors: list[set[str]], k: float) -> None:
    for child in element.children:
        if isinstance(child, str):
            words.add(child, style)
            continue
        s, box = _rule(child.tag, child.classes, ancestors, style, k)
        if box.block and child.tag != "span":
            raise Unknown(f"<{child.tag}> inside a line")
        if child.tag == "br":
            words.line_break()
        elif box.flow == "out":
            continue
        elif box.flow == "float":
            inner = _Words()
            _inline(child, s, inner, ancestors + [child.classes], k)
            words.floats += sum(w + sp for w, sp in zip(inner.widths, inner.spaces)) + 0.6 * s.size
            words.line_height = max(words.line_height, inner.line_height)
        elif box.flow == "nowrap":
            words.add(_text(child), s, nowrap=True)
        else:
            _inline(child, s, words, ancestors + [child.classes], k)


def _text(element: Element) -> str:
    return "".join(c if isinstance(c, str) else _text(c) for c in element.children)


def _height(element: Element, style: Style, box: Box, width: float, ancestors: list[set[str]],
            k: float) -> float:
    """The element's height from its top border to its bottom border (margins are the caller's)."""
    em = style.size
    width -= box.indent * em + box.padding[2] * em
    inner = 0.0
    if element.tag == "tr":
        cells = [c for c in element.children if isinstance(c, Element)]
        return max((_margin_height(c, style, width / len(cells), ancestors + [element.classes], k)
                    for c in cells), default=0.0)
    # Block children are stacked; runs of inline content between them form anonymous blocks.
    words = _Words()
    previous_margin = 0.0

    def flush() -> None:
        nonlocal inner, words, previous_margin
        if words.widths:
            inner += previous_margin + words.lines(width) * max(words.line_height, style.leading * em)
            previous_margin = 0.0
        words = _Words()

    for child in element.children:
        if isinstance(child, str):
            if child.strip() or words.widths:
                words.add(child, style)
            continue
        s, child_box = _rule(child.tag, child.classes, ancestors, style, k)
        if child_box.flow == "out":
            continue
        if not child_box.block or child_box.flow != "normal":
            if child.tag == "br":
                words.line_break()
            elif child_box.flow == "float":
                _inline(Element("span", set(), [child]), style, words, ancestors, k)
            elif child_box.flow == "nowrap":
                words.add(_text(child), s, nowrap=True)
            else:
                _inline(child, s, words, ancestors + [child.classes], k)
            continue
        flush()
        top, bottom = child_box.margin[0] * s.size, child_box.margin[1] * s.size
        inner += max(previous_margin, top) + _height(child, s, child_box, width, ancestors + [child.classes], k)
        previous_margin = bottom
    flush()
    return inner + previous_margin + (box.padding[0] + box.padding[1]) * em + box.border_pt


def _margin_height(element: Element, parent: Style, width: float, ancestors: list[set[str]], k: float) -> float:
    style, box = _rule(element.tag, element.classes, ancestors, parent, k)
    return (box.margin[0] + box.margin[1]) * style.size + _height(
        element, style, box, width, ancestors + [element.classes], k)


# --- a side -------------------------------------------------------------------------------------------

def side_html(side: Side, fmt: CardFormat, language: str) -> str:
    """The side as the deck prints it, but without its QR code, which sits in the page margin."""
    assert side.card
    plain = dataclasses.replace(side, card=dataclasses.replace(side.card, url=""))
    return environment(language).get_template(f"side_{side.kind}.html.j2").render(side=plain, fmt=fmt)


def area_pt(side: Side, fmt: CardFormat) -> tuple[float, float]:
    """Width and height of the page area the side's text flows in (the @page margins of cards.css.j2)."""
    k = fmt.card_mm[0] / 105
    bottom = fmt.margin_mm + (21 if side.kind == "back" and side.card and side.card.url else 4.5) * k
    return ((fmt.card_mm[0] - 2 * fmt.margin_mm) * MM,
            (fmt.card_mm[1] - fmt.margin_mm - bottom) * MM)


def side_height(side: Side, fmt: CardFormat, language: str) -> float | None:
    """At least as much as the side's text takes in the print CSS, in pt; None when not known."""
    k = fmt.card_mm[0] / 105
    width, _ = area_pt(side, fmt)
    try:
        articles = [c for c in _parse(side_html(side, fmt, language)).children if isinstance(c, Element)]
        return sum(_margin_height(a, Style(size=side.pt), width, [], k) for a in articles)
    except (Unknown, RecursionError):
        return None


def fits_one_page(side: Side, fmt: CardFormat, language: str) -> bool:
    """True only when the side certainly takes one page; False means it must be laid out to tell."""
    height = side_height(side, fmt, language)
    return height is not None and height <= area_pt(side, fmt)[1]

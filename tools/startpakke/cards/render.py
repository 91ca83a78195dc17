"""The WeasyPrint adapter: HTML with its print CSS in, laid-out documents and PDF bytes out."""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

from .fonts import font_face_css
from .templating import render_template

if TYPE_CHECKING:  # WeasyPrint loads Pango: only a run that lays something out pays for it.
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

__all__ = ["layout", "pdf_bytes", "pages_per_anchor", "render_template"]


@cache
def _font_config() -> FontConfiguration:
    # One configuration per process: WeasyPrint then loads each font file once, not once per card.
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@cache
def _stylesheet(css: str) -> weasyprint.CSS:
    """A stylesheet parsed once per process: parsing (and loading the fonts its @font-face rules name)
    took a third of laying out a card."""
    import weasyprint

    return weasyprint.CSS(string=css, font_config=_font_config())


def layout(html: str, css: str = "") -> weasyprint.Document:
    """Lay out a whole HTML document into pages, with the card fonts and `css`."""
    import weasyprint

    sheets = [_stylesheet(font_face_css()), *([_stylesheet(css)] if css else [])]
    return weasyprint.HTML(string=html, base_url=".").render(stylesheets=sheets, font_config=_font_config())


def pdf_bytes(document: weasyprint.Document) -> bytes:
    # Tagged PDF: screen readers and reflow get headings, lists and reading order.
    _keep_page_references()
    return document.write_pdf(pdf_tags=True)


def _keep_page_references() -> None:
    """pydyf makes a PDF's list of page references anew each time it is asked, and WeasyPrint asks once
    per tagged element: quadratic in the pages (a 600-page document took 7.8 s to write tagged, 3.9 s
    with the list kept). Keep the list until a page is added; the bytes written are the same."""
    import pydyf

    make = pydyf.PDF.page_references.fget
    if getattr(make, "kept", False):
        return

    def page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
        pages = len(pdf.pages["Kids"])
        kept = pdf.__dict__.get("_kept_page_references")
        if kept is None or kept[0] != pages:
            kept = pdf.__dict__["_kept_page_references"] = (pages, make(pdf))
        return kept[1]

    page_references.kept = True  # type: ignore[attr-defined]
    pydyf.PDF.page_references = property(page_references)


def pages_per_anchor(document: weasyprint.Document, prefix: str) -> Counter[str]:
    """How many pages each element whose id starts with `prefix` spans."""
    counts: Counter[str] = Counter()
    for page in document.pages:
        for anchor in page.anchors:
            if anchor.startswith(prefix):
                counts[anchor] += 1
    return counts

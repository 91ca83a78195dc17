"""Time the printed cards: one card on its own, the fitting, and the whole deck with every card's
PDF, against a baseline measured in the same run: WeasyPrint laying out and writing the same card's text as one plain A6 page (no
fitting, no QR code, no tagging), which is the least any card PDF can cost. Also the tagged deck's
write against WeasyPrint writing the same laid-out deck as it is.

Usage: python benchmarks/cards.py [--course DIR] [--format a6|a5|a4-4up] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from html import escape
from pathlib import Path

import weasyprint

from startpakke.cards.build import build_cards
from startpakke.cards.card import Card, cards_of
from startpakke.cards.deck import deck_html, deck_sides
from startpakke.cards.document import card_css, sides_html
from startpakke.cards.fit import fit_cards
from startpakke.cards.fonts import font_face_css
from startpakke.cards.formats import FormatName, get
from startpakke.cards.render import layout, pdf_bytes
from startpakke.project import Project
from startpakke.loading import load_course
from validate_course import best  # same timing rule as the other benchmark: best of --repeat

REPO = Path(__file__).parent.parent


def plain_pdf(card: Card) -> bytes:
    """The baseline: the card's words on one plain A6 page."""
    method = card.method
    parts = [method.title, method.summary, method.purpose, *method.materials, method.preparation,
             *(f"{s.title}: {s.text}" for s in method.steps), *method.tips]
    html = "".join(f"<p>{escape(part)}</p>" for part in parts if part)
    css = font_face_css() + "@page { size: 105mm 148mm; margin: 6mm } body { font: 7pt 'Startpakke Sans' }"
    return weasyprint.HTML(string=f"<style>{css}</style>{html}").write_pdf()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--course", type=Path, default=REPO / "course")
    parser.add_argument("--format", choices=[f.value for f in FormatName], default="a6")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    loaded = load_course(Project.find(args.course))
    if loaded.course is None:
        sys.exit("the course has errors: run `startpakke check`")
    course, fmt = loaded.course, get(args.format)
    cards = cards_of(course)
    plain_pdf(cards[0])  # load fonts and WeasyPrint once before timing anything

    def one_card(card: Card) -> bytes:
        """A card on its own: fitted, laid out and written, as a single-card rebuild costs."""
        fit = fit_cards(course, [card], fmt)[card.slug]
        return pdf_bytes(layout(sides_html(course, fit.sides, fmt, cards), card_css(course, fmt)))

    # The tagged deck written by WeasyPrint as it is, then by pdf_bytes, which keeps pydyf's page list
    # (measured first: once pdf_bytes has run, every write in this process keeps it).
    deck = layout(deck_html(course, cards, deck_sides(course, cards, fit_cards(course, cards, fmt), fmt), fmt),
                  card_css(course, fmt))
    plain_write = best(args.repeat, lambda: deck.write_pdf(pdf_tags=True))
    our_write = best(args.repeat, lambda: pdf_bytes(deck))

    baseline = [best(args.repeat, lambda c=card: plain_pdf(c)) for card in cards]
    alone = [best(args.repeat, lambda c=card: one_card(c)) for card in cards]
    fit_time = best(args.repeat, lambda: fit_cards(course, cards, fmt))
    def cold() -> None:
        with tempfile.TemporaryDirectory() as folder:
            build_cards(course, Path(folder), fmt)

    whole = best(args.repeat, cold)
    with tempfile.TemporaryDirectory() as folder:
        build_cards(course, Path(folder), fmt)
        warm = best(args.repeat, lambda: build_cards(course, Path(folder), fmt))
    base_mean = statistics.mean(baseline)

    print(f"cards: {len(cards)} ({fmt.label}), best of {args.repeat}")
    print(f"baseline plain A6 page per card:   mean {base_mean * 1000:.0f} ms")
    print(f"one card alone (fit, lay out, write): mean {statistics.mean(alone) * 1000:.0f} ms, "
          f"max {max(alone) * 1000:.0f} ms ({cards[alone.index(max(alone))].slug})")
    print(f"fitting all cards:                 {fit_time:.2f} s")
    print(f"whole deck and every card PDF:     {whole:.2f} s ({whole / len(cards) * 1000:.0f} ms per card)")
    print(f"the same again, nothing changed:   {warm:.2f} s (fitting answered from build/cards/.fit-cache.json)")
    print(f"ratio one card alone vs baseline:  {statistics.mean(alone) / base_mean:.2f}x")
    print(f"ratio whole build per card vs baseline: {whole / len(cards) / base_mean:.2f}x")
    print(f"tagged deck write ({len(deck.pages)} pages): {our_write:.2f} s against WeasyPrint's own "
          f"{plain_write:.2f} s, ratio {our_write / plain_write:.2f}x")


if __name__ == "__main__":
    main()

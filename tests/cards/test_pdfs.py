"""The printed outputs, checked on the real PDFs: sizes, page counts, text, QR codes, fonts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from startpakke.cards.fonts import LETTERS
from startpakke.model import Course

from .conftest import card_words, flat, fonts, page_sizes_mm, pdf_text, qr_codes, words

SLUGS = ["interessentkart", "samisk-kafe", "rollespill"]


@pytest.mark.parametrize(("fixture", "card_mm"), [("a6", (105, 148)), ("a5", (148, 210))])
def test_single_cards_are_one_sheet_of_the_format_front_and_back(
        request: pytest.FixtureRequest, fixture: str, card_mm: tuple[int, int]) -> None:
    folder: Path = request.getfixturevalue(fixture)
    for slug in SLUGS:
        assert page_sizes_mm(folder / (f"{slug}.pdf" if fixture == "a6" else f"a5/{slug}.pdf")) \
            == [card_mm, card_mm]


def test_deck_has_cover_contents_and_every_card_in_course_order(a6: Path, course: Course) -> None:
    deck = a6 / "kortstokk.pdf"
    # cover, its back, contents, a notes side so the first card is a front; then front+back each
    assert page_sizes_mm(deck) == [(105, 148)] * (4 + 2 * len(SLUGS))
    cover = flat(pdf_text(deck, 1))
    assert "metodekort startpakke for samskaping" in cover and "3 metoder · 3 faser" in cover
    contents = flat(pdf_text(deck, 3))
    assert contents.startswith("innhold")
    for number, method in enumerate(course.methods.values(), start=1):
        front, back = 5 + 2 * (number - 1), 6 + 2 * (number - 1)
        title = flat(method.title)
        assert title in flat(pdf_text(deck, front)), f"card {number} front"
        assert title in flat(pdf_text(deck, back)) and "slik gjør dere" in flat(pdf_text(deck, back))
        assert f"kort {number} av {len(SLUGS)}" in flat(pdf_text(deck, back))
        assert f"{number} {title}" in contents


def test_every_word_of_each_card_is_in_its_pdf(a6: Path, course: Course) -> None:
    for slug in SLUGS:
        missing = card_words(course.methods[slug]) - words(pdf_text(a6 / f"{slug}.pdf", raw=True))
        assert not missing, f"{slug}: {sorted(missing)}"


def test_norwegian_and_sami_letters_come_out_as_text(a6: Path) -> None:
    text = pdf_text(a6 / "samisk-kafe.pdf")
    for word in ["Giellakafeá", "čájet", "ŋ", "đ", "š", "ŧ", "ž", "Kárášjohka", "Áčči", "språk"]:
        assert word in text


def test_qr_code_on_the_back_leads_to_the_method_page(a6: Path, tmp_path: Path) -> None:
    for slug in SLUGS:
        assert qr_codes(a6 / f"{slug}.pdf", 2, tmp_path) == [
            f"https://kort.testbiblioteket.no/kurs/metoder/{slug}/"]
        assert qr_codes(a6 / f"{slug}.pdf", 1, tmp_path) == [], "the front has no QR code"


def test_qr_codes_still_decode_on_the_four_up_sheet(four_up: Path, tmp_path: Path) -> None:
    # Four copies of the card on one sheet: four backs, four codes.
    assert qr_codes(four_up / "a4-4up" / "rollespill.pdf", 2, tmp_path) == \
        ["https://kort.testbiblioteket.no/kurs/metoder/rollespill/"] * 4


def test_fonts_are_embedded_and_are_the_card_fonts(a6: Path, four_up: Path) -> None:
    for pdf in [a6 / "kortstokk.pdf", a6 / "okter" / "okt-1.pdf", four_up / "a4-4up" / "kortstokk.pdf"]:
        rows = fonts(pdf)
        assert rows, pdf
        assert all(row["emb"] == "yes" and row["uni"] == "yes" for row in rows), rows
        assert all("Startpakke-" in row["name"] for row in rows), "no fallback font slipped in"


def test_card_fonts_cover_norwegian_and_sami_in_every_style() -> None:
    from fontTools.ttLib import TTFont

    from startpakke.cards.fonts import font_files

    for face, path in font_files().items():
        cmap = TTFont(path).getBestCmap()
        assert [c for c in LETTERS if ord(c) not in cmap] == [], face


def test_single_cards_are_tagged_and_titled(a6: Path) -> None:
    info = subprocess.run(["pdfinfo", str(a6 / "interessentkart.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert "Tagged:          yes" in info
    assert "Interessentkart: metodekort" in info
    assert PdfReader(a6 / "interessentkart.pdf").trailer["/Root"]["/Lang"] == "nb"

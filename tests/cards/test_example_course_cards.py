"""Every card of the example course, as printed: all its words, its QR code, whole cards for duplex."""

from __future__ import annotations

from pathlib import Path

import pytest

from startpakke.cards.build import build_cards
from startpakke.cards.formats import get
from startpakke.model import Course

from .conftest import card_words, load, page_sizes_mm, pdf_text, qr_codes, words

REPO = Path(__file__).parent.parent.parent


@pytest.fixture(scope="module")
def example() -> Course:
    course = load(REPO / "course").course
    assert course
    return course


@pytest.fixture(scope="module")
def printed(example: Course, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("example-cards")
    build_cards(example, folder, get("a6"))
    return folder


def test_every_card_keeps_every_word_and_links_to_its_page(example: Course, printed: Path, tmp_path: Path) -> None:
    assert len(example.methods) == 14
    for slug, method in example.methods.items():
        pdf = printed / f"{slug}.pdf"
        sizes = page_sizes_mm(pdf)
        assert set(sizes) == {(105, 148)} and len(sizes) in (2, 4), (slug, sizes)
        missing = card_words(method) - words(pdf_text(pdf, raw=True))
        assert not missing, f"{slug}: {sorted(missing)}"
        assert qr_codes(pdf, 2, tmp_path) == [f"{example.info.site_url}metoder/{slug}/"], slug


def test_the_deck_holds_every_card_after_cover_and_contents(example: Course, printed: Path) -> None:
    card_pages = sum(len(page_sizes_mm(printed / f"{slug}.pdf")) for slug in example.methods)
    assert len(page_sizes_mm(printed / "kortstokk.pdf")) == 4 + card_pages

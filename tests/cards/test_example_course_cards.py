"""Every card of the example course, as printed in the default format: one sheet per method, front and
back, in type that reads across a table, with all its words and its QR code."""

from __future__ import annotations

from pathlib import Path

import pytest

from startpakke.cards.build import build_cards
from startpakke.cards.build import Built
from startpakke.cards.formats import DEFAULT, get
from startpakke.model import Course

from .conftest import card_words, load, page_sizes_mm, pdf_text, qr_codes, words

REPO = Path(__file__).parent.parent.parent


@pytest.fixture(scope="module")
def example() -> Course:
    course = load(REPO / "course").course
    assert course
    return course


@pytest.fixture(scope="module")
def built(example: Course, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_cards(example, tmp_path_factory.mktemp("example-cards"), get(DEFAULT))


@pytest.fixture(scope="module")
def printed(built: Built) -> Path:
    return built.folder


def test_every_method_prints_on_one_sheet_front_and_back(example: Course, built: Built) -> None:
    width, height = get(DEFAULT).card_mm
    for slug in example.methods:
        pdf = built.folder / f"{slug}.pdf"
        # Two sides: no continuation, and so no notes side that would take a second sheet.
        assert page_sizes_mm(pdf) == [(width, height)] * 2, slug
        fit = built.fits[slug]
        assert min(fit.front.pt, fit.back.pt) >= 9, f"{slug}: body text of {fit.front.pt}/{fit.back.pt} pt"


def test_every_card_keeps_every_word_and_links_to_its_page(example: Course, printed: Path, tmp_path: Path) -> None:
    assert len(example.methods) == 14
    for slug, method in example.methods.items():
        pdf = printed / f"{slug}.pdf"
        missing = card_words(method) - words(pdf_text(pdf, raw=True))
        assert not missing, f"{slug}: {sorted(missing)}"
        assert qr_codes(pdf, 2, tmp_path) == [f"{example.info.site_url}metoder/{slug}/"], slug


def test_the_deck_holds_every_card_after_cover_and_contents(example: Course, printed: Path) -> None:
    card_pages = sum(len(page_sizes_mm(printed / f"{slug}.pdf")) for slug in example.methods)
    assert len(page_sizes_mm(printed / "kortstokk.pdf")) == 4 + card_pages

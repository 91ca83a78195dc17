"""A course without a site address yet (`site_url` left out of course.yml): the printed cards, the
deck and the session plans leave out the QR codes and the address, and keep their balance."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from startpakke.cards.build import build_all
from startpakke.cards.formats import FORMATS, FormatName

from .conftest import FIXTURE, flat, load, page_sizes_mm, pdf_text, qr_codes


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[FormatName, Path]:
    course_dir = tmp_path_factory.mktemp("no-address") / "course"
    shutil.copytree(FIXTURE, course_dir)
    info = yaml.safe_load((course_dir / "course.yml").read_text("utf-8"))
    del info["site_url"]
    (course_dir / "course.yml").write_text(yaml.safe_dump(info, allow_unicode=True), "utf-8")
    course = load(course_dir).course
    assert course and course.info.site_url == ""
    out = {}
    for name in (FormatName.a5, FormatName.a6, FormatName.a4_4up):
        folder = tmp_path_factory.mktemp(name.value)
        build_all(course, folder, FORMATS[name])
        out[name] = folder / FORMATS[name].folder
    return out


def word_tops(pdf: Path, page: int, word: str) -> list[float]:
    """Where `word` stands on the page (top, in points), as pdftotext -bbox gives it."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [round(float(top), 1) for top, text in re.findall(r'yMin="([\d.]+)"[^>]*>([^<]*)<', html)
            if text == word]


def test_card_backs_have_no_qr_code_and_no_address(printed: dict[FormatName, Path], tmp_path: Path) -> None:
    for name in (FormatName.a5, FormatName.a6):
        pdf = printed[name] / "rollespill.pdf"
        assert len(page_sizes_mm(pdf)) == 2
        back = flat(pdf_text(pdf, 2))
        assert "slik gjør dere" in back
        assert "skann" not in back and "metoder/rollespill" not in back and "qr" not in back
        assert qr_codes(pdf, 2, tmp_path) == [], name


def test_card_backs_keep_the_fronts_margins(printed: dict[FormatName, Path]) -> None:
    # Without the QR footer the back's foot line («Kort 3 av 3») stands where the front's does.
    for name in (FormatName.a5, FormatName.a6):
        pdf = printed[name] / "rollespill.pdf"
        front, back = word_tops(pdf, 1, "Kort"), word_tops(pdf, 2, "Kort")
        assert front and front == back, (name, front, back)
        # and the course title sits in the back's foot as on the front
        assert "startpakke for samskaping" in flat(pdf_text(pdf, 2))


def test_deck_colophon_and_four_up_sheets_have_no_qr_code(printed: dict[FormatName, Path],
                                                           tmp_path: Path) -> None:
    deck = printed[FormatName.a5] / "kortstokk.pdf"
    colophon = flat(pdf_text(deck, 2))
    assert "slik bruker du kortene" in colophon and "lisens" in colophon
    assert "kurset, videoene og alle kortene finner du på" not in colophon
    for page in range(1, len(page_sizes_mm(deck)) + 1):
        assert qr_codes(deck, page, tmp_path, dpi=100) == [], page
    sheets = printed[FormatName.a4_4up] / "kortstokk.pdf"
    for page in range(1, len(page_sizes_mm(sheets)) + 1):
        assert qr_codes(sheets, page, tmp_path, dpi=100) == [], page


def test_session_plan_has_no_qr_code_and_no_address(printed: dict[FormatName, Path], tmp_path: Path) -> None:
    plans = printed[FormatName.a5] / "okter"
    pdf = plans / "okt-1.pdf"
    text = flat(pdf_text(pdf, 1))
    assert "modul: økt 1" in text and "på nett:" not in text and "https" not in text
    assert qr_codes(pdf, 1, tmp_path) == []
    markdown = (plans / "okt-1.md").read_text("utf-8")
    assert "Interessentkart" in markdown and "](" not in markdown, "no link to an address it does not have"

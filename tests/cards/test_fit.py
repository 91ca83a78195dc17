"""A card never silently loses text: it shrinks to a readable floor, then flows onto extra sides,
and `startpakke check` says which card and where to shorten it."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from typer.testing import CliRunner

from startpakke.cards.build import build_cards
from startpakke.cards.card import cards_of
from startpakke.cards.fit import CardFit, SideFit, fit_cards
from startpakke.cards.formats import FORMATS, FormatName
from startpakke.cli import app

from .conftest import card_words, load, page_sizes_mm, pdf_text, words

A6 = FORMATS[FormatName.a6]



def page_count(fit: CardFit) -> int:
    """The printed sides a card takes, padded to whole cards for duplex printing."""
    pages = fit.front.pages + fit.back.pages
    return pages + pages % 2

def write_method(course_dir: Path, slug: str, steps: int, sentences: int) -> None:
    """A method whose back has `steps` steps of `sentences` sentences, every sentence with a word of
    its own (tanke<step>x<sentence>), so a lost line shows as a missing word."""
    method = yaml.safe_load((course_dir / "methods" / "rollespill.yml").read_text("utf-8"))
    method["title"] = "Et langt kort"
    method["steps"] = [
        {"title": f"Steg nummer {i}", "minutes": 5,
         "text": " ".join(f"Deltakerne noterer tanke{i}x{j} om biblioteket." for j in range(sentences))}
        for i in range(steps)
    ]
    method["duration"] = {"min": 5, "max": 5 * steps}
    (course_dir / "methods" / f"{slug}.yml").write_text(yaml.safe_dump(method, allow_unicode=True), "utf-8")
    module = course_dir / "modules" / "okt-2.yml"
    data = yaml.safe_load(module.read_text("utf-8"))
    if slug not in data["methods"]:
        data["methods"].append(slug)
    module.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


def test_a_card_that_fits_keeps_the_normal_size(course) -> None:
    fits = fit_cards(course, cards_of(course), A6)
    assert {(f.front.pt, f.back.pt, page_count(f)) for f in fits.values()} == {(8.5, 8.5, 2)}


def test_a_crowded_back_shrinks_to_fit_one_side_but_not_below_the_floor(course_copy: Path, tmp_path: Path) -> None:
    write_method(course_copy, "langt-kort", steps=6, sentences=4)
    course = load(course_copy).course
    fit = fit_cards(course, cards_of(course), A6)["langt-kort"]
    assert A6.floor_pt <= fit.back.pt < A6.base_pt and fit.back.pages == 1
    assert fit.front.pt == A6.base_pt, "only the crowded side shrinks"
    built = build_cards(course, tmp_path, A6, deck=False)
    pdf = built.cards["langt-kort"]
    assert page_sizes_mm(pdf) == [(105, 148)] * 2
    missing = card_words(course.methods["langt-kort"]) - words(pdf_text(pdf, raw=True))
    assert not missing


def test_a_long_card_continues_on_a_second_card_at_the_normal_size(course_copy: Path, tmp_path: Path) -> None:
    write_method(course_copy, "langt-kort", steps=7, sentences=5)
    course = load(course_copy).course
    fit = fit_cards(course, cards_of(course), A6)["langt-kort"]
    assert fit.back == SideFit(A6.base_pt, 2) and fit.overflowing == ["back"]
    built = build_cards(course, tmp_path, A6, deck=False)
    pdf = built.cards["langt-kort"]
    assert len(page_sizes_mm(pdf)) == 4, "front, back, back continued, notes: two whole cards"
    text = pdf_text(pdf, 3)
    assert text.startswith("Et langt kort (forts.)"), text[:80]
    assert "(forts.)" not in pdf_text(pdf, 1) + pdf_text(pdf, 2) + pdf_text(pdf, 4)
    assert not card_words(course.methods["langt-kort"]) - words(pdf_text(pdf, raw=True))


def test_a_very_long_card_flows_onto_more_sides_and_keeps_all_its_text(course_copy: Path, tmp_path: Path) -> None:
    write_method(course_copy, "langt-kort", steps=12, sentences=8)
    course = load(course_copy).course
    built = build_cards(course, tmp_path, A6)
    fit = built.fits["langt-kort"]
    assert fit.overflowing == ["back"] and fit.back.pt == A6.base_pt and fit.back.pages > 2
    pdf = built.cards["langt-kort"]
    pages = page_sizes_mm(pdf)
    assert len(pages) == page_count(fit) >= 4 and len(pages) % 2 == 0, "whole cards for duplex"
    text = pdf_text(pdf)
    missing = card_words(course.methods["langt-kort"]) - words(pdf_text(pdf, raw=True))
    assert not missing
    expected = [f"tanke{i}x{j}" for i in range(12) for j in range(8)]
    assert re.findall(r"tanke\d+x\d+", text) == expected, "in reading order, none twice"
    # In the deck too, and the next card still starts on a front (an odd page).
    deck = built.deck
    assert deck
    assert set(expected) <= words(pdf_text(deck))
    assert len(page_sizes_mm(deck)) % 2 == 0


def test_check_warns_where_a_card_will_not_fit(course_copy: Path, monkeypatch) -> None:
    write_method(course_copy, "langt-kort", steps=12, sentences=8)
    monkeypatch.chdir(course_copy.parent)
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 0, result.output
    line = next(l for l in result.output.splitlines() if "langt-kort.yml" in l)
    assert re.match(r"course/methods/langt-kort\.yml:\d+:\d+: steps: warning: the card's back needs more "
                    r"than 2 sides in A5 and 4 per A4, even in the smallest type", line), line
    assert "1 warning" in result.output
    assert CliRunner().invoke(app, ["check", "--strict"]).exit_code == 1


def test_check_is_quiet_about_cards_that_fit_their_two_cards(course_copy: Path, monkeypatch) -> None:
    write_method(course_copy, "langt-kort", steps=7, sentences=5)
    monkeypatch.chdir(course_copy.parent)
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 0 and "0 warnings" in result.output, result.output


def test_an_edited_card_is_fitted_again_not_taken_from_the_cache(course_copy: Path, tmp_path: Path) -> None:
    write_method(course_copy, "langt-kort", steps=3, sentences=1)
    cache = tmp_path / ".fit-cache.json"
    first = build_cards(load(course_copy).course, tmp_path, A6, deck=False, fit_cache=cache)
    assert page_count(first.fits["langt-kort"]) == 2 and cache.is_file()
    write_method(course_copy, "langt-kort", steps=7, sentences=5)
    course = load(course_copy).course
    second = build_cards(course, tmp_path, A6, deck=False, fit_cache=cache)
    assert page_count(second.fits["langt-kort"]) == 4
    assert len(page_sizes_mm(second.cards["langt-kort"])) == 4
    assert not card_words(course.methods["langt-kort"]) - words(pdf_text(second.cards["langt-kort"], raw=True))
    assert second.fits["interessentkart"] == first.fits["interessentkart"]

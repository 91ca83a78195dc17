"""The printed outputs, checked on the real PDFs: sizes, page counts, text, QR codes, fonts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from startpakke.cards.fonts import LETTERS
from startpakke.cards.formats import get
from startpakke.model import Course

from .conftest import card_words, embedded_fonts, flat, font_programs, fonts, page_sizes_mm, pdf_text, qr_codes, words

SLUGS = ["interessentkart", "samisk-kafe", "rollespill"]


@pytest.mark.parametrize(("fixture", "card_mm"), [("a6", (105, 148)), ("a5", (148, 210))])
def test_single_cards_are_one_sheet_of_the_format_front_and_back(
        request: pytest.FixtureRequest, fixture: str, card_mm: tuple[int, int]) -> None:
    folder: Path = request.getfixturevalue(fixture)
    for slug in SLUGS:
        assert page_sizes_mm(folder / get(fixture).folder / f"{slug}.pdf") \
            == [card_mm, card_mm]


def test_deck_has_cover_contents_and_every_card_in_course_order(a6: Path, course: Course) -> None:
    deck = a6 / "a6" / "kortstokk.pdf"
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
        missing = card_words(course.methods[slug]) - words(pdf_text(a6 / "a6" / f"{slug}.pdf", raw=True))
        assert not missing, f"{slug}: {sorted(missing)}"


def test_norwegian_and_sami_letters_come_out_as_text(a6: Path) -> None:
    text = pdf_text(a6 / "a6" / "samisk-kafe.pdf")
    for word in ["Giellakafeá", "čájet", "ŋ", "đ", "š", "ŧ", "ž", "Kárášjohka", "Áčči", "språk"]:
        assert word in text


def test_qr_code_on_the_back_leads_to_the_method_page(a6: Path, tmp_path: Path) -> None:
    for slug in SLUGS:
        assert qr_codes(a6 / "a6" / f"{slug}.pdf", 2, tmp_path) == [
            f"https://kort.testbiblioteket.no/kurs/metoder/{slug}/"]
        assert qr_codes(a6 / "a6" / f"{slug}.pdf", 1, tmp_path) == [], "the front has no QR code"


def test_qr_codes_still_decode_on_the_four_up_sheet(four_up: Path, tmp_path: Path) -> None:
    # Four copies of the card on one sheet: four backs, four codes.
    assert qr_codes(four_up / "a4-4up" / "rollespill.pdf", 2, tmp_path) == \
        ["https://kort.testbiblioteket.no/kurs/metoder/rollespill/"] * 4


def test_fonts_are_embedded_and_are_the_card_fonts(a6: Path, four_up: Path) -> None:
    for pdf in [a6 / "a6" / "kortstokk.pdf", a6 / "okter" / "okt-1.pdf", four_up / "a4-4up" / "kortstokk.pdf"]:
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


def test_sami_letters_are_drawn_from_the_embedded_noto_fonts(a5: Path, a6: Path, four_up: Path) -> None:
    """Also in the decks, whose fonts are the subsets of every card's joined into one per face."""
    for pdf in (a5 / "samisk-kafe.pdf", a6 / "a6" / "samisk-kafe.pdf", a5 / "kortstokk.pdf",
                four_up / "a4-4up" / "kortstokk.pdf"):
        text = pdf_text(pdf)
        programs = font_programs(pdf)
        assert programs and all(name.startswith("Startpakke-") for name in programs), pdffonts_names(pdf)
        for name, program in programs.items():
            assert program["name"].getDebugName(1) in ("Noto Sans", "Noto Serif"), (pdf, name)
        drawn = {chr(code) for program in programs.values() for code in program.getBestCmap()}
        for letter in "áčđŋšŧž":
            assert letter in text, (pdf, letter)
            assert letter in drawn, f"{pdf.name}: «{letter}» is not in the embedded Noto fonts"


def test_decks_are_tagged_and_embed_each_font_once(a6: Path, four_up: Path) -> None:
    """A deck is put together from each card's own PDF, each with its own font subsets: the deck
    still embeds each face once."""
    for pdf in (a6 / "a6" / "kortstokk.pdf", four_up / "a4-4up" / "kortstokk.pdf",
                four_up / "a4-4up" / "rollespill.pdf"):
        root = PdfReader(pdf).trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] == True, pdf  # noqa: E712
        assert root["/Lang"] == "nb"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "Tagged:          yes" in info
        files = embedded_fonts(pdf)
        assert files and all(len(objects) == 1 for objects in files.values()), files
        # Each page's content has its own entry in the parent tree, which finds its elements.
        nums = root["/StructTreeRoot"]["/ParentTree"]["/Nums"]
        keys = [int(key) for key in nums[::2]]
        assert len(keys) == len(set(keys)), f"{pdf.name}: parent tree keys repeat"
        names = pdffonts_names(pdf)
        assert len(names) == len(set(names)) == len(files), names


@pytest.mark.parametrize(("fixture", "deck"), [("a6", "a6/kortstokk.pdf"), ("four_up", "a4-4up/kortstokk.pdf")])
def test_the_deck_structure_reads_every_card_in_order(request: pytest.FixtureRequest, fixture: str, deck: str,
                                                      course: Course) -> None:
    """A screen reader follows the structure tree, as poppler prints it: each card's title is a
    heading, in course order, and every word of every card is in the tree."""
    folder: Path = request.getfixturevalue(fixture)
    tree = subprocess.run(["pdfinfo", "-struct-text", str(folder / deck)],
                          capture_output=True, text=True, check=True).stdout.splitlines()
    headings = []
    for number, line in enumerate(tree):
        if line.strip().startswith("H1"):
            text, depth = [], len(line) - len(line.lstrip())
            for following in tree[number + 1:]:
                if len(following) - len(following.lstrip()) <= depth:
                    break  # the heading's elements end where the next element at its depth starts
                if following.strip().startswith('"'):
                    text.append(following.strip().strip('"'))
            headings.append(flat(" ".join(text)))
    titles = [flat(method.title) for method in course.methods.values()]
    assert [heading for heading in headings if heading in titles] == titles, headings
    read = words("\n".join(line.strip().strip('"') for line in tree))
    for slug, method in course.methods.items():
        assert card_words(method) - read == set(), slug


def test_the_deck_keeps_every_cards_bookmarks_and_anchors(a6: Path, course: Course) -> None:
    """The deck's outline has every card under its title, each leading to the card's front."""
    reader = PdfReader(a6 / "a6" / "kortstokk.pdf")
    tops = [item for item in reader.outline if not isinstance(item, list)]
    fronts = {flat(item.title): reader.get_destination_page_number(item) for item in tops}
    for number, method in enumerate(course.methods.values(), start=1):
        assert fronts[flat(method.title)] == 4 + 2 * (number - 1), method.title
    anchors = reader.named_destinations
    for number, slug in enumerate(course.methods, start=1):
        assert reader.get_destination_page_number(anchors[f"side-{slug}-front"]) == 4 + 2 * (number - 1)
    assert "Startpakke" in reader.metadata.title and reader.trailer["/Root"]["/Lang"] == "nb"


@pytest.mark.parametrize("pdf", ["a6/interessentkart.pdf", "a6/kortstokk.pdf"])
def test_the_structure_leaves_out_elements_that_say_nothing_and_every_content_finds_its_element(
        a6: Path, pdf: str) -> None:
    """WeasyPrint makes a /Span or /NonStruct for every inline box; the cards leave out the ones with
    nothing to say (their content joins their parent). Each marked piece of a page's content is still
    claimed by the element the parent tree names for it, and every element by its parent."""
    document = pikepdf.open(a6 / pdf)
    tree = document.Root.StructTreeRoot
    plain = {"/Type", "/S", "/NS", "/P", "/K", "/Pg"}
    claimed: dict[tuple[tuple[int, int], int], tuple[int, int]] = {}  # (page, MCID) → element
    elements, spans = 0, 0

    def walk(element: pikepdf.Object, page: pikepdf.Object | None) -> None:
        nonlocal elements, spans
        elements += 1
        spans += element.get("/S") in ("/Span", "/NonStruct")
        assert not (element.get("/S") in ("/Span", "/NonStruct") and set(element.keys()) <= plain)
        page = element.get("/Pg", page)
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                claimed[(page.objgen, kid)] = element.objgen
            elif kid.get("/Type") == "/MCR":
                claimed[(kid.get("/Pg", page).objgen, int(kid.MCID))] = element.objgen
            elif kid.get("/Type") != "/OBJR":
                assert kid.P.objgen == element.objgen
                walk(kid, page)

    for top in tree.K if isinstance(tree.K, pikepdf.Array) else [tree.K]:
        walk(top, None)
    owners = dict(zip(map(int, tree.ParentTree.Nums[::2]), tree.ParentTree.Nums[1::2]))
    marked = 0
    for page in document.pages:
        owned = owners[int(page.obj.StructParents)]
        for operands, operator in pikepdf.parse_content_stream(page):
            if operator == pikepdf.Operator("BDC") and isinstance(operands[1], pikepdf.Dictionary) \
                    and "/MCID" in operands[1]:
                mcid = int(operands[1].MCID)
                if (page.obj.objgen, mcid) in claimed:  # WeasyPrint leaves the margin boxes' out of the tree
                    assert claimed[(page.obj.objgen, mcid)] == owned[mcid].objgen, (page.index, mcid)
                    marked += 1
    assert marked > 40 and elements > 30
    assert spans < elements / 5, "few elements are spans left with something to say"


def test_single_cards_are_tagged_and_titled(a6: Path) -> None:
    info = subprocess.run(["pdfinfo", str(a6 / "a6" / "interessentkart.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert "Tagged:          yes" in info
    assert "Interessentkart: metodekort" in info
    assert PdfReader(a6 / "a6" / "interessentkart.pdf").trailer["/Root"]["/Lang"] == "nb"


def pdffonts_names(pdf: Path) -> list[str]:
    return [row["name"].split("+")[-1] for row in fonts(pdf)]


def test_a_tagged_pdf_makes_its_page_list_once_and_writes_the_same_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """pydyf rebuilds the page list on every tag's lookup (quadratic in a deck's pages); pdf_bytes keeps
    it, and what it writes holds what WeasyPrint writes without."""
    import pydyf

    from startpakke.cards import render

    made: list[int] = []

    def counting(pdf: pydyf.PDF) -> tuple[bytes, ...]:
        made.append(1)
        return tuple(f"{number} 0 R".encode("ascii") for number in pdf.pages["Kids"][::3])

    monkeypatch.setattr(pydyf.PDF, "page_references", property(counting))
    pages = "".join(f"<section style='break-after: page'><h2>Kort {i}</h2><p>Tekst {i}.</p><ul><li>a</li>"
                    f"<li>b</li></ul></section>" for i in range(20))
    document = render.layout(f"<html lang='nb'><body>{pages}</body></html>")
    expected = document.write_pdf(pdf_tags=True)
    asked = len(made)
    made.clear()
    written = render.pdf_bytes(document)
    assert asked > 100 and len(made) == 1
    # Two writes of one document differ in a few compressed bytes; pages, text and tags do not.
    from io import BytesIO

    def content(pdf: bytes) -> tuple[list[str], str]:
        reader = PdfReader(BytesIO(pdf))
        tags = [ref.idnum for ref in reader.trailer["/Root"]["/StructTreeRoot"]["/K"]]
        return [page.extract_text() for page in reader.pages], repr(tags)

    assert content(written) == content(expected)
    assert len(PdfReader(BytesIO(written)).pages) == 20


def test_a_deck_merged_in_batches_is_the_same_deck(course: Course, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A large deck is merged a batch of pieces at a time, then the batches into one: the deck reads,
    navigates and embeds its fonts as one merged at once."""
    from startpakke.cards import merge
    from startpakke.cards.build import build_cards

    monkeypatch.setenv("STARTPAKKE_WORKERS", "1")
    whole = build_cards(course, tmp_path / "whole", get("a6")).deck
    monkeypatch.setattr(merge, "BATCH", 2)
    batched = build_cards(course, tmp_path / "batched", get("a6")).deck
    assert whole and batched

    def structure(pdf: Path) -> str:
        return subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True).stdout

    assert pdf_text(batched) == pdf_text(whole)
    assert structure(batched) == structure(whole)
    assert [item.title for item in PdfReader(batched).outline if not isinstance(item, list)] == \
        [item.title for item in PdfReader(whole).outline if not isinstance(item, list)]
    assert sorted(PdfReader(batched).named_destinations) == sorted(PdfReader(whole).named_destinations)
    assert all(len(objects) == 1 for objects in embedded_fonts(batched).values())

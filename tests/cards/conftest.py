"""Shared fixtures: the fixture course, real builds of it (made once per run), and PDF inspection
through the same tools a person would use (poppler's pdftotext/pdffonts/pdftoppm, zbarimg)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from startpakke.cards.build import build_all
from startpakke.cards.fonts import font_files
from startpakke.cards.formats import get
from startpakke.cards.text import block
from startpakke.project import Project
from startpakke.loading import Loaded, load_course
from startpakke.model import Course, Method

FIXTURE = Path(__file__).parent / "fixtures" / "course"
MM = 25.4 / 72


def load(course_dir: Path) -> Loaded:
    loaded = load_course(Project.find(course_dir))
    assert loaded.course, [str(p) for p in loaded.report.errors]
    return loaded


@pytest.fixture(scope="session")
def course() -> Course:
    loaded = load(FIXTURE)
    assert loaded.course
    return loaded.course


@pytest.fixture
def without_card_fonts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A machine where the font packages are not installed (as after `pip install --no-deps`)."""
    monkeypatch.setitem(sys.modules, "fontpkg", None)  # `import fontpkg` now fails
    font_files.cache_clear()
    yield
    monkeypatch.undo()
    font_files.cache_clear()


@pytest.fixture
def course_copy(tmp_path: Path) -> Path:
    """A copy of the fixture course that a test may change."""
    target = tmp_path / "project" / "course"
    shutil.copytree(FIXTURE, target)
    return target


def _build(tmp_path_factory: pytest.TempPathFactory, course: Course, fmt: str) -> Path:
    folder = tmp_path_factory.mktemp(f"cards-{fmt}")
    build_all(course, folder, get(fmt), start=9 * 60)
    return folder


@pytest.fixture(scope="session")
def a6(tmp_path_factory: pytest.TempPathFactory, course: Course) -> Path:
    return _build(tmp_path_factory, course, "a6")


@pytest.fixture(scope="session")
def a5(tmp_path_factory: pytest.TempPathFactory, course: Course) -> Path:
    return _build(tmp_path_factory, course, "a5")


@pytest.fixture(scope="session")
def four_up(tmp_path_factory: pytest.TempPathFactory, course: Course) -> Path:
    return _build(tmp_path_factory, course, "a4-4up")


# --- reading PDFs as a person's tools do ---------------------------------------------------------


def page_sizes_mm(pdf: Path) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width) * MM), round(float(p.mediabox.height) * MM))
            for p in PdfReader(pdf).pages]


def pdf_text(pdf: Path, page: int | None = None, area: tuple[float, float, float, float] | None = None,
             raw: bool = False) -> str:
    """The selectable text, as pdftotext gives it; `area` is (x, y, w, h) in mm from the top left.
    `raw` keeps a hyphen that ends a line (pdftotext otherwise joins «vi-» + «spørsmålene»)."""
    command = ["pdftotext", "-enc", "UTF-8"] + (["-raw"] if raw else [])
    if page:
        command += ["-f", str(page), "-l", str(page)]
    if area:
        x, y, w, h = (round(v / MM) for v in area)
        command += ["-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h), "-r", "72"]
    return subprocess.run([*command, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> set[str]:
    # WeasyPrint hyphenates with U+2010; a hyphen-minus in the text is the author's own.
    joined = re.sub("\u2010\\s*\n\\s*", "", text)
    return {w.casefold() for w in WORD.findall(joined)}


def flat(text: str) -> str:
    """Text as a reader takes it in: line breaks and hyphenation gone, case ignored."""
    return " ".join(re.sub("\u2010\\s*\n\\s*", "", text).split()).casefold()


def markdown_words(markdown: str) -> set[str]:
    """The words a reader sees of a Markdown text (markup and link targets removed)."""
    html = str(block(markdown))
    html = re.sub(r'href="[^"]*"', "", html)
    return words(unescape(re.sub(r"<[^>]+>", " ", html)))


def card_words(method: Method) -> set[str]:
    """Every word that belongs on the card of `method`, front and back."""
    texts = [method.title, method.summary, method.purpose, method.preparation, *method.materials,
             *method.tips]
    for step in method.steps:
        texts += [step.title, step.text]
    variant = method.digital_variant
    if method.is_digital:
        texts += [variant.summary, *variant.tools, *(s.title for s in variant.steps)]  # type: ignore[union-attr]
    else:
        texts.append(variant.not_suited)  # type: ignore[union-attr]
    found: set[str] = set()
    for text in texts:
        found |= markdown_words(text)
    return found


def fonts(pdf: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type… encoding emb sub uni object-id generation
        rows.append({"name": parts[0], "emb": parts[-5], "uni": parts[-3]})
    return rows


def embedded_fonts(pdf: Path) -> dict[str, list[int]]:
    """Each embedded font program by its name in the PDF: the object numbers of its font files
    (one per embedding), from every page and every form drawn on it."""
    found: dict[str, set[int]] = {}

    def visit(resources: object) -> None:
        resources = resources.get_object() if resources is not None else {}  # type: ignore[union-attr]
        for font in resources.get("/Font", {}).values():  # type: ignore[union-attr]
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object() \
                if "/DescendantFonts" in font else font["/FontDescriptor"].get_object()
            file = descriptor.raw_get("/FontFile2") or descriptor.raw_get("/FontFile3")
            found.setdefault(str(font["/BaseFont"]).split("+")[-1], set()).add(file.idnum)
        for xobject in resources.get("/XObject", {}).values():  # type: ignore[union-attr]
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in PdfReader(pdf).pages:
        visit(page.get("/Resources"))
    return {name: sorted(files) for name, files in found.items()}


def font_programs(pdf: Path) -> dict[str, TTFont]:
    """The embedded font programs (subsets), by their name in the PDF, as fontTools reads them."""
    reader = PdfReader(pdf)
    programs = {}
    for name, files in embedded_fonts(pdf).items():
        data = reader.get_object(files[0]).get_data()  # type: ignore[union-attr]
        programs[name] = TTFont(io.BytesIO(data))
    return programs


def qr_codes(pdf: Path, page: int, tmp_path: Path, dpi: int = 200) -> list[str]:
    """Decode every QR code on a page with zbarimg, from a rendering like a phone camera sees."""
    prefix = tmp_path / f"qr-{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png",
                    "-singlefile", str(pdf), str(prefix)], check=True)
    result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                             f"{prefix}.png"], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line]

"""A machine that cannot print (no card fonts, or no Pango for WeasyPrint) still gets the website:
`startpakke build` warns once, says how to get the PDFs, and builds the site without links to them;
`startpakke cards` stops with the same advice, and `check` says it could not measure the cards."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from startpakke.cards.fonts import font_files
from tests.site.sitekit import REPO, make_project, run

PANGO_MISSING = ("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: "
                 "No such file or directory")
FONTS_FIX = "pip install fontpkg-noto-sans fontpkg-noto-serif"


def pdf_links(site: Path) -> list[tuple[Path, Path]]:
    """Every link in the site to a PDF: the page it is on and the file it leads to."""
    links = []
    for page in site.rglob("*.html"):
        base = "/" + page.relative_to(site).as_posix()
        for link in BeautifulSoup(page.read_text("utf-8"), "html.parser").select("a[href]"):
            href = link["href"].split("#")[0]
            if href.endswith(".pdf") and "://" not in href:
                links.append((page, site / urljoin(base, href).lstrip("/")))
    return links


def assert_site_without_printables(root: Path) -> None:
    site = root / "site"
    method = (site / "metoder" / "metode-1" / "index.html").read_text("utf-8")
    assert "<h1" in method and "Last ned kortet" not in method
    assert pdf_links(site) == []
    assert not (site / "kort").exists()


def test_build_without_the_card_fonts_makes_the_site_and_the_next_build_adds_the_pdfs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(tmp_path, methods=3)
    # As after `pip install --no-deps`: the font packages cannot be imported.
    monkeypatch.setitem(sys.modules, "fontpkg", None)
    font_files.cache_clear()
    code, output = run("build", cwd=tmp_path)
    assert code == 0, output
    assert output.count("Warning:") == 1
    assert ("Warning: the site is built without the printable cards and session plans: the card fonts "
            f"Noto Sans and Noto Serif are not installed: {FONTS_FIX}") in output
    assert "Built the site in" in output
    assert_site_without_printables(tmp_path)
    code, output = run("cards", cwd=tmp_path)
    assert code == 1 and f"Cannot print the cards: the card fonts Noto Sans and Noto Serif are not installed: {FONTS_FIX}" in output
    code, output = run("check", cwd=tmp_path)
    assert code == 0 and f"cannot check whether the printed cards fit: the card fonts" in output and FONTS_FIX in output

    monkeypatch.undo()
    font_files.cache_clear()
    code, output = run("build", cwd=tmp_path)
    assert code == 0 and "Warning:" not in output, output
    links = pdf_links(tmp_path / "site")
    method = tmp_path / "site" / "metoder" / "metode-1" / "index.html"
    assert any(page == method for page, _ in links), "the method page offers its card"
    assert [target for _, target in links if not target.is_file()] == [], "every PDF link leads to a file"


def test_build_without_weasyprints_libraries_makes_the_site(tmp_path: Path) -> None:
    # As on a machine without Pango: importing WeasyPrint fails the way cffi fails there.
    stub = tmp_path / "stub" / "weasyprint"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text(f"raise OSError({PANGO_MISSING!r})\n", "utf-8")
    project = tmp_path / "project"
    make_project(project, methods=3)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(stub.parent), str(REPO / "tools")]),
           "COLUMNS": "400", "NO_MKDOCS_2_WARNING": "1"}

    def startpakke(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "startpakke", *args], cwd=project, env=env,
                              capture_output=True, text=True, timeout=300)

    built = startpakke("build")
    assert built.returncode == 0, built.stderr
    warnings = [line for line in built.stderr.splitlines() if "Warning:" in line]
    assert len(warnings) == 1, built.stderr
    assert "without the printable cards" in warnings[0] and PANGO_MISSING in warnings[0]
    assert "apt-get install libpango-1.0-0" in warnings[0]
    assert_site_without_printables(project)

    cards = startpakke("cards")
    assert cards.returncode == 1
    assert "Cannot print the cards: WeasyPrint cannot start" in cards.stderr
    assert "Traceback" not in cards.stderr

    checked = startpakke("check")
    assert checked.returncode == 0, checked.stdout
    assert "cannot check whether the printed cards fit: WeasyPrint cannot start" in checked.stdout

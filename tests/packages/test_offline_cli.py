"""`startpakke package offline`: what it prints, its exit codes, and no zip from a broken course."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from tests.site.sitekit import REPO, run


def project(root: Path) -> Path:
    for folder in ("course", "docs", "media"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_the_copy_says_what_it_holds_and_opens_at_index_html(tmp_path) -> None:
    root = project(tmp_path / "p")
    code, output = run("package", "offline", "--out", str(tmp_path / "økt.zip"), cwd=root)
    assert code == 0, output
    with zipfile.ZipFile(tmp_path / "økt.zip") as archive:
        names = archive.namelist()
        home = archive.read("økt/index.html").decode()
    pages = [name for name in names if name.endswith("index.html")]
    size = (tmp_path / "økt.zip").stat().st_size
    assert f"{size / 1e6:.1f} MB, {len(pages)} pages, videos: none" in output
    assert "økt/index.html" in names and "økt/search/search_index.js" in names
    assert all(name.startswith("økt/") for name in names)
    # Material's offline support would fetch its worker shim from a CDN; the copy carries its own.
    assert '<script src="assets/vendor/iframe-worker/shim.js"></script>' in home and "unpkg" not in home


def test_a_course_with_errors_makes_no_zip_and_exits_1(tmp_path) -> None:
    root = project(tmp_path / "p")
    card = root / "course" / "methods" / "interessentkart.yml"
    card.write_text(card.read_text(encoding="utf-8").replace("summary:", "sumary:", 1), encoding="utf-8")
    code, output = run("package", "offline", "--out", str(tmp_path / "kurs.zip"), cwd=root)
    assert code == 1
    assert "interessentkart.yml" in output and "sumary" in output
    assert list(tmp_path.glob("*.zip")) == [] and list(tmp_path.glob(".kurs.zip*")) == []


def test_an_unknown_option_is_a_usage_error(tmp_path) -> None:
    code, _ = run("package", "offline", "--out", str(tmp_path / "k.zip"), "--everything", cwd=REPO)
    assert code == 2


def test_a_copy_in_northern_sami_holds_the_sami_course_its_cards_and_the_videos(example_with_media: Path,
                                                                               tmp_path: Path) -> None:
    root = example_with_media.parent  # built by `startpakke build`: videos encoded, cards printed
    code, output = run("package", "offline", "--lang", "se", "--out", str(tmp_path / "kurs.zip"), cwd=root)
    assert code == 0, output
    assert "videos: interessentkart, prototype, utforskende-samtale." in " ".join(output.split())
    with zipfile.ZipFile(tmp_path / "kurs.zip") as archive:
        page = archive.read("kurs/metoder/interessentkart/index.html").decode()
        card = archive.read("kurs/kort/interessentkart.pdf")
    assert '<html lang="se"' in page and "<title>Beroštusoasálaččaid kárta - Álgopáhkka" in page
    assert 'href="../../kort/interessentkart.pdf"' in page and "Viečča karta (PDF)" in page
    assert card == (root / "build" / "cards" / "se" / "interessentkart.pdf").read_bytes()

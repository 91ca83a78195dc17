"""A method video on the site: `startpakke build` encodes it, and the method page plays it in Chromium
with captions, a quality choice and a transcript, still without accessibility violations."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitekit import REPO, chromium, run, serve_folder

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The example course with one card's video linked, built by `startpakke build`."""
    root = tmp_path_factory.mktemp("video-site")
    for part in ("course", "docs", "mkdocs.yml"):
        (shutil.copytree if (REPO / part).is_dir() else shutil.copy)(REPO / part, root / part)
    clips = tmp_path_factory.mktemp("clips")
    for name in ("interessentkart.mp4", "interessentkart.nb.vtt"):
        shutil.copy(REPO / "media" / "videos" / name, clips / name)
    code, output = run("video", "add", str(clips / "interessentkart.mp4"), "--method", "interessentkart",
                       "--captions", str(clips / "interessentkart.nb.vtt"), cwd=root)
    assert code == 0, output
    code, output = run("build", cwd=root)
    assert code == 0, output
    yield root / "site"


def test_the_method_page_has_the_player_and_its_files(site: Path) -> None:
    page_file = site / "metoder" / "interessentkart" / "index.html"
    page = BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser")
    video = page.select_one("article figure.sp-video video")
    assert video and video.has_attr("controls") and video["preload"] == "none"
    track = video.select_one("track[kind=captions]")
    assert track["srclang"] == "nb" and track.has_attr("default")
    for url in [video["poster"], track["src"], video.source["src"], page.select_one("a[download]")["href"]]:
        assert (page_file.parent / url).resolve().is_file(), url
    assert page.select_one("details.sp-video__transcript summary")
    assert page.select_one('script[src$="assets/startpakke/player.js"]')
    other = (site / "metoder" / "empatikart" / "index.html").read_text(encoding="utf-8")
    assert "<video" not in other


def test_the_player_works_in_chromium_without_accessibility_violations(site: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    with serve_folder(site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + "metoder/interessentkart/")
        quality = page.locator("[data-sp-quality-slot] select")
        assert quality.count() == 1  # player.js ran and offers the renditions
        assert quality.locator("option").count() >= 2
        duration = page.evaluate("""() => new Promise(done => {
            const video = document.querySelector('article video');
            video.addEventListener('loadedmetadata', () => done(video.duration), {once: true});
            video.preload = 'metadata'; video.load();
        })""")
        assert duration > 1
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        assert results.response["violations"] == [], [v["id"] for v in results.response["violations"]]

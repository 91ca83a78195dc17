"""`startpakke build` on the example course makes its videos and printable cards first; the pages
play the videos (captions, quality choice, transcript) and link the card, session plan and deck PDFs,
and the site still builds strictly and passes axe."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.site.sitekit import chromium, html_pages, mkdocs, page_path, run, serve_folder, source_pages

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def site(example_with_media: Path) -> Path:
    return example_with_media


def page(site: Path, path: str) -> tuple[Path, BeautifulSoup]:
    html = site / path / "index.html"
    return html, BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def pdf_behind(html: Path, link: object) -> bytes:
    assert link is not None
    return (html.parent / link["href"]).resolve().read_bytes()  # type: ignore[index]


def test_the_method_page_has_the_player_and_its_files(site: Path) -> None:
    page_file, html = page(site, "metoder/interessentkart")
    video = html.select_one("article .sp-video figure video")
    assert video and video.has_attr("controls") and video["preload"] == "none"
    track = video.select_one("track[kind=captions]")
    assert track["srclang"] == "nb" and track.has_attr("default")
    for url in [video["poster"], track["src"], video.source["src"], html.select_one("a[download]")["href"]]:
        assert (page_file.parent / url).resolve().is_file(), url
    assert html.select_one("details.sp-video__transcript summary")
    assert html.select_one('script[src$="assets/startpakke/player.js"]')
    other = (site / "metoder" / "empatikart" / "index.html").read_text(encoding="utf-8")
    assert "<video" not in other


def test_the_player_script_loads_last_after_the_bootstrap(site: Path) -> None:
    _, html = page(site, "metoder/interessentkart")
    ours = [s["src"].rsplit("/", 1)[-1] for s in html.select("script[src]") if "assets/startpakke/" in s["src"]]
    assert ours == ["course.js", "startpakke.js", "progress.js", "exercises.js", "library.js", "offline.js", "player.js"]
    assert (site / "assets" / "startpakke" / "startpakke.js").is_file()


def test_cards_session_plans_and_decks_are_linked_and_published(site: Path) -> None:
    html, method = page(site, "metoder/empatikart")
    card = method.find("a", string="Last ned kortet (PDF)")
    assert pdf_behind(html, card).startswith(b"%PDF")
    html, module = page(site, "moduler/okt-1-forsta-utfordringen")
    assert pdf_behind(html, module.find("a", string="Last ned øktplanen (PDF)")).startswith(b"%PDF")
    html, library = page(site, "metoder")
    decks = [a for a in library.select("article a.md-button") if "kortstokken" in a.get_text()]
    assert len(decks) == 2 and all(pdf_behind(html, deck).startswith(b"%PDF") for deck in decks)


def test_the_site_with_media_builds_strictly(site: Path) -> None:
    result = mkdocs("build", "--strict", "--site-dir", str(site.parent / "strict"), cwd=site.parent)
    assert result.returncode == 0, result.stderr


def test_the_player_works_in_chromium_without_accessibility_violations(site: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    with serve_folder(site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + "metoder/interessentkart/")
        quality = page.locator("[data-sp-quality-slot] select")
        assert quality.count() == 1  # player.js ran and offers the renditions
        assert quality.locator("option").count() >= 2
        # The browser's controls say 0:00 until the video loads; the page says how long it is
        assert page.evaluate("document.querySelector('article video').readyState") == 0
        length = page.locator("article .sp-video__duration")
        assert length.is_visible()
        duration = page.evaluate("""() => new Promise(done => {
            const video = document.querySelector('article video');
            video.addEventListener('loadedmetadata', () => done(video.duration), {once: true});
            video.preload = 'metadata'; video.load();
        })""")
        assert duration > 1 and length.inner_text() == f"Varighet {round(duration) // 60}:{round(duration) % 60:02}"
        found = []
        for path in ("metoder/interessentkart/", "metoder/", "moduler/okt-1-forsta-utfordringen/"):
            page.goto(base + path)
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
            found += [f"/{path}: {v['id']}" for v in results.response["violations"]]
        assert found == []


SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50 * 1024, "uploadThroughput": 25 * 1024,
           "connectionType": "cellular3g"}
"""DevTools' network emulation: Chromium's own estimate of the connection (navigator.connection) follows it."""


def test_on_a_slow_connection_the_player_starts_with_the_smallest_video_unless_the_learner_chose(site: Path) -> None:
    with serve_folder(site) as base, chromium() as browser:
        def source_on_method_page(slow: bool, chosen: str | None = None) -> tuple[str, str]:
            context = browser.new_context()
            page = context.new_page()
            if slow:
                session = context.new_cdp_session(page)
                session.send("Network.enable")
                session.send("Network.emulateNetworkConditions", SLOW_3G)
            if chosen:
                page.add_init_script(f"localStorage.setItem('startpakke.videoQuality', '\"{chosen}\"')")
            page.goto(base + "metoder/interessentkart/", timeout=120_000)
            page.locator("[data-sp-quality-slot] select").wait_for()
            found = (page.evaluate("navigator.connection.effectiveType"),
                     page.evaluate("document.querySelector('article video source').getAttribute('src')"))
            context.close()
            return found

        kind, normal = source_on_method_page(slow=False)
        assert kind == "4g" and "540p" in normal, (kind, normal)  # the default, medium
        kind, slow = source_on_method_page(slow=True)
        assert kind in ("slow-2g", "2g", "3g") and "360p" in slow, (kind, slow)
        _, chosen = source_on_method_page(slow=True, chosen="high")
        assert "720p" in chosen, "the learner's own choice wins over the connection"


def test_zensical_builds_the_export_as_it_is_and_a_method_page_looks_like_ours(site: Path, tmp_path: Path) -> None:
    code, output = run("export-markdown", str(tmp_path / "export"), cwd=site.parent)
    assert code == 0, output
    built = subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=tmp_path / "export",
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    # Served from a sub-folder, as a county library's web server would put it.
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "kurs").symlink_to(tmp_path / "export" / "site")
    zensical = tmp_path / "web" / "kurs"
    assert [page_path(zensical, p) for p in html_pages(zensical)] == [page_path(site, p) for p in source_pages(site)]
    for html in html_pages(zensical):
        for url in _addresses(BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")):
            assert not url.startswith("/"), (html, url)  # would leave the sub-folder
            target = (html.parent / unquote(urlsplit(url).path)).resolve()
            assert (target / "index.html" if target.is_dir() else target).is_file(), (html, url)
    _, method = page(zensical, "metoder/interessentkart")
    ours = [s["src"].rsplit("/", 1)[-1] for s in method.select("script[src]") if "assets/startpakke/" in s["src"]]
    assert ours == ["course.js", "startpakke.js", "progress.js", "exercises.js", "library.js", "offline.js", "player.js"]
    with serve_folder(site) as our_base, serve_folder(tmp_path / "web") as web, chromium() as browser:
        page_ = browser.new_page(viewport={"width": 1280, "height": 900})
        looks = {}
        for name, url in (("ours", our_base), ("zensical", web + "kurs/")):
            page_.goto(url + "metoder/interessentkart/")
            looks[name] = page_.evaluate("""() => ({
                header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
                article: document.querySelector('article').innerText,
                quality: document.querySelectorAll('[data-sp-quality-slot] select option').length,
                poster: document.querySelector('article video').poster !== '',
            })""")
            looks[name]["caption"] = page_.evaluate("""() => fetch(document.querySelector('article track').src)
                .then(response => response.ok)""")
    assert looks["zensical"] == looks["ours"]
    assert looks["ours"]["quality"] >= 2 and looks["ours"]["caption"]


def _addresses(html: BeautifulSoup) -> Iterator[str]:
    """The addresses of files and pages a page uses, leaving out other sites and anchors."""
    for tag in html.find_all(True):
        for attribute in ("src", "href", "poster"):
            url = tag.get(attribute)
            if url and not urlsplit(url).scheme and not url.startswith("#"):
                yield url

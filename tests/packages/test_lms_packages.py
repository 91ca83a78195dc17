"""What the SCORM 1.2 and cmi5 packages hold, and what they must not: every page, script, style,
search index, poster, caption, card and the smallest video rendition, with nothing loaded from
another host; and a course with errors makes no package."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.packages.learner import unpack
from tests.site.sitekit import REPO, chromium, run, serve_folder

KINDS = ["scorm12", "cmi5"]
MANIFEST = {"scorm12": "imsmanifest.xml", "cmi5": "cmi5.xml"}
RESOURCE_ATTRIBUTES = {"script": "src", "img": "src", "source": "src", "track": "src", "iframe": "src",
                       "video": "poster", "audio": "src", "link": "href", "embed": "src", "object": "data"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def external(address: str) -> bool:
    """An address that leaves the package: one with a host, or a scheme other than data:."""
    parts = urlsplit(address)
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def references(folder: Path) -> list[tuple[str, str]]:
    """Every address a page or stylesheet of the package loads something from: (file, address)."""
    found = []
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        if path.suffix == ".html":
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for tag, attribute in RESOURCE_ATTRIBUTES.items():
                for element in soup.find_all(tag):
                    if element.get(attribute):
                        found.append((name, element[attribute]))
            for style in soup.find_all(style=True):
                found += [(name, a or b) for a, b in CSS_URL.findall(style["style"])]
        elif path.suffix == ".css":
            found += [(name, a or b) for a, b in CSS_URL.findall(path.read_text(encoding="utf-8"))]
    return found


@pytest.fixture(scope="module", params=KINDS)
def built(request: pytest.FixtureRequest, example_with_media: Path, tmp_path_factory: pytest.TempPathFactory):
    """The package of the example course whose videos and cards `startpakke build` made."""
    folder = tmp_path_factory.mktemp(request.param)
    code, output = run("package", request.param, "--out", str(folder / "kurs.zip"), cwd=example_with_media.parent)
    assert code == 0, output
    return request.param, folder / "kurs.zip", " ".join(output.split())


def test_the_package_holds_the_course_with_its_smallest_videos_and_loads_nothing_from_outside(
        built, tmp_path) -> None:
    kind, package, output = built
    assert re.search(r"Wrote .*kurs\.zip: \d+\.\d MB, 28 pages, videos: interessentkart, prototype, "
                     r"utforskende-samtale\.", output), output
    folder = unpack(package, tmp_path / "unpacked")
    names = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    assert {MANIFEST[kind], "lms.html", "index.html", "search/search_index.js", "assets/startpakke/lms.js",
            "kort/interessentkart.pdf"} <= names
    videos = sorted(name for name in names if name.endswith(".mp4"))
    assert len(videos) == 3 and all(re.search(r"-360p-[0-9a-f]+\.mp4$", name) for name in videos), videos
    assert sum(name.endswith(".vtt") for name in names) >= 3 and sum(name.endswith(".jpg") for name in names) >= 3
    outside = [(name, address) for name, address in references(folder) if external(address)]
    assert outside == []
    # Instant navigation fetches pages, which needs a server: off inside a package.
    assert "navigation.instant" not in (folder / "index.html").read_text(encoding="utf-8")


def test_the_scan_finds_an_address_of_another_host(tmp_path) -> None:
    (tmp_path / "page.html").write_text('<link rel="stylesheet" href="https://cdn.example.org/a.css">'
                                        '<img src="bilde.png"><div style="background: url(//x.example/y.png)">')
    (tmp_path / "a.css").write_text("@import 'https://fonts.example/b.css'; p { background: url(data:image/png;base64,AA) }")
    outside = sorted(address for _, address in references(tmp_path) if external(address))
    assert outside == ["//x.example/y.png", "https://cdn.example.org/a.css", "https://fonts.example/b.css"]


@pytest.mark.parametrize("kind", ["offline", *KINDS])
def test_a_course_with_errors_makes_no_package(tmp_path, kind) -> None:
    for part in ("course", "docs"):
        shutil.copytree(REPO / part, tmp_path / part)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    card = tmp_path / "course" / "methods" / "interessentkart.yml"
    card.write_text(card.read_text(encoding="utf-8").replace("summary:", "sumary:", 1), encoding="utf-8")
    code, output = run("package", kind, "--out", str(tmp_path / "kurs.zip"), cwd=tmp_path)
    assert code == 1
    assert re.search(r"interessentkart\.yml:\d+:\d+: sumary: error:", output), output
    assert not (tmp_path / "kurs.zip").exists()


@pytest.mark.browser
def test_in_the_package_the_player_shows_the_video_with_captions_and_search_finds_a_method(
        built, tmp_path) -> None:
    kind, package, _ = built
    folder = unpack(package, tmp_path / "unpacked")
    with serve_folder(folder) as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url + "lms.html")  # no platform around it: the course as on the web
        frame = page.locator("#sp-course").element_handle().content_frame()
        frame.wait_for_function("() => window.Startpakke && Startpakke.progress")
        frame.goto(url + "metoder/interessentkart/index.html")
        video = frame.locator("video").first
        # The player loads nothing before play (preload="none"): ask for the metadata as play would.
        duration = video.evaluate("""v => new Promise(done => {
            v.addEventListener('loadedmetadata', () => done(v.duration), {once: true});
            v.preload = 'metadata'; v.load();
        })""")
        assert duration > 0
        assert re.search(r"-360p-[0-9a-f]+\.mp4$", video.evaluate("v => v.currentSrc"))
        assert frame.locator("video track[kind=captions]").count() >= 1
        frame.click("input.md-search__input")
        frame.locator("input.md-search__input").type("lytter")  # from «Utforskende samtale»'s summary
        hit = frame.locator('.md-search-result__item > a[href*="metoder/utforskende-samtale/index.html"]').first
        hit.wait_for(timeout=10_000)
        assert errors == []

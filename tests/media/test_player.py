"""The method page's player: native controls, captions on by default, a remembered quality choice,
a download link and the transcript."""

from __future__ import annotations

import functools
import json
import http.server
import shutil
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from startpakke.media import pipeline
from startpakke.media.manifest import CaptionFile, PosterFile, RenditionFile, VideoEntry
from startpakke.i18n import catalog
from startpakke.media.manifest import load_manifest
from startpakke.media.player import asset_files, player_for, render_player, transcript_for
from startpakke.site.publication import ASSETS as SITE_ASSETS, course_script

from .clips import Course, make_clip

CAPTIONS = """\
WEBVTT

00:00:00.000 --> 00:00:00.800
Først skriver vi utfordringen <b>midt</b> på arket.

00:00:00.900 --> 00:00:01.900
Så finner vi alle som berøres.
"""


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each tag name."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in {"source", "track"}:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            self.text.setdefault(self._open[-1], []).append(data.strip())

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def player(self) -> dict[str, str | None]:
        """The player's root: it carries the sources for player.js."""
        [root] = [attrs for _, attrs in self.tags if "data-sp-video" in attrs]
        return root


def entry(**changes: object) -> VideoEntry:
    made = VideoEntry(
        slug="interessentkart", source="media/videos/interessentkart.mp4", source_sha256="0" * 64,
        source_size=1, source_mtime_ns=1, key="k" * 64, ffmpeg="ffmpeg 9", title="Slik lager dere kartet",
        duration=30.0, width=1920, height=1080, has_audio=True,
        renditions=[
            RenditionFile(name="720p", quality="high", width=1280, height=720, path="videos/i-720p.mp4",
                          bytes=3_400_000),
            RenditionFile(name="360p", quality="low", width=640, height=360, path="videos/i-360p.mp4",
                          bytes=900_000),
            RenditionFile(name="540p", quality="medium", width=960, height=540, path="videos/i-540p.mp4",
                          bytes=1_800_000),
        ],
        poster=PosterFile(path="videos/i-poster.jpg", at=3.0, key="p", width=1280, height=720),
        captions=[
            CaptionFile(lang="en", path="videos/i.en.vtt", source="x", source_sha256="x", sha256="x"),
            CaptionFile(lang="nb", path="videos/i.nb.vtt", source="x", source_sha256="x", sha256="x"),
        ],
    )
    return made.model_copy(update=changes)


def test_the_player_markup_is_accessible_and_complete() -> None:
    html = render_player(player_for(entry(), "../media/", catalog("nb"),
                                    ["Først skriver vi <utfordringen>.", "Så finner vi alle."]), "nb")
    page = Tags(html)
    [video] = page.all("video")
    assert "controls" in video and video["preload"] == "none"
    assert video["poster"] == "../media/videos/i-poster.jpg"
    assert [s["src"] for s in page.all("source")] == ["../media/videos/i-540p.mp4"]
    tracks = page.all("track")
    assert [(t["srclang"], t["label"], "default" in t) for t in tracks] == [
        ("nb", "Norsk bokmål", True), ("en", "English", False)]
    assert all(t["kind"] == "captions" for t in tracks)
    player = page.player()
    # player.js builds the quality choice from these, lowest first, medium chosen by default
    assert json.loads(player["data-sp-sources"] or "") == [
        {"quality": "low", "label": "Lav (360p), 0,9 MB", "src": "../media/videos/i-360p.mp4",
         "download": "360p, 0,9 MB"},
        {"quality": "medium", "label": "Middels (540p), 1,8 MB", "src": "../media/videos/i-540p.mp4",
         "download": "540p, 1,8 MB"},
        {"quality": "high", "label": "Høy (720p), 3,4 MB", "src": "../media/videos/i-720p.mp4",
         "download": "720p, 3,4 MB"},
    ]
    assert player["data-sp-default"] == "medium"
    [download] = page.all("a")[-1:]
    assert download["href"] == "../media/videos/i-540p.mp4" and "download" in download
    assert page.text["a"][-2:] == ["Last ned videoen (", ")"]
    assert page.text["span"] == ["Slik lager dere kartet", "Varighet", "540p, 1,8 MB"]
    assert page.all("time") == [{"datetime": "PT30S"}] and page.text["time"] == ["0:30"]
    assert page.text["summary"] == ["Tekstutskrift av videoen"]
    assert page.text["p"][-2:] == ["Først skriver vi <utfordringen>.", "Så finner vi alle."]
    assert "&lt;utfordringen&gt;" in html  # transcript text is escaped, never markup


def player_html(course: Course, slug: str, media_url: str, title: str = "") -> str:
    """The player of one method's encoded video, as the site makes it."""
    video = load_manifest(course.project).videos[slug]
    nb = catalog("nb")
    return render_player(player_for(video, media_url, nb, transcript_for(course.project, video, "nb"), title), "nb")


def test_the_player_speaks_the_page_language() -> None:
    en = catalog("en")
    page = Tags(render_player(player_for(entry(), "media/", en, ["First we write."]), "en"))
    player = page.player()
    labels = [source["label"] for source in json.loads(player["data-sp-sources"] or "")]
    assert labels == ["Low (360p), 0.9 MB", "Medium (540p), 1.8 MB", "High (720p), 3.4 MB"]
    assert page.text["summary"] == ["Transcript of the video"]
    assert [(t["srclang"], "default" in t) for t in page.all("track")] == [("en", True), ("nb", False)]


def test_a_small_source_offers_what_it_has_and_medium_falls_back() -> None:
    small = entry(renditions=entry().renditions[1:2])  # only 360p
    page = Tags(render_player(player_for(small, "media", catalog("nb"), []), "nb"))
    player = page.player()
    assert [s["quality"] for s in json.loads(player["data-sp-sources"] or "")] == ["low"]
    assert page.all("source")[0]["src"] == "media/videos/i-360p.mp4"
    assert page.all("details") == []  # no transcript block without captions text


@pytest.mark.parametrize("seconds, shown, iso", [(0.4, "0:01", "PT1S"), (38.976, "0:39", "PT39S"),
                                                  (65.0, "1:05", "PT65S"), (3723.4, "1:02:03", "PT3723S")])
def test_the_length_is_shown_before_play_as_the_controls_show_it(seconds: float, shown: str, iso: str) -> None:
    page = Tags(render_player(player_for(entry(duration=seconds), "media/", catalog("en"), []), "en"))
    assert page.all("time") == [{"datetime": iso}] and page.text["time"] == [shown]
    assert "Duration" in page.text["span"]


@pytest.mark.slow
def test_a_360p_video_has_one_rendition_and_the_player_offers_just_that(course: Course,
                                                                        tmp_path: Path) -> None:
    course.add_method("kart", make_clip(tmp_path / "kart.mp4", size="640x360", seconds=1))
    assert pipeline.run(course.loaded()).report.problems == []
    page = Tags(player_html(course, "kart", "media/"))
    player = page.player()
    [only] = json.loads(player["data-sp-sources"] or "")
    assert (only["quality"], only["label"].split(",")[0]) == ("low", "Lav (360p)")
    assert player["data-sp-default"] == "low"
    [source] = page.all("source")
    assert source["src"] == only["src"] == page.all("a")[-1]["href"]


# --- in Chromium, with a real encoded video ----------------------------------------------------------


@pytest.fixture
def served(course: Course, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    size = getattr(request, "param", "1280x720")  # the source's size
    course.add_method("kart", make_clip(tmp_path / "kart.mp4", size=size, seconds=2), captions=CAPTIONS)
    outcome = pipeline.run(course.loaded())
    assert outcome.report.problems == []
    site = tmp_path / "site"
    shutil.copytree(course.project.media_build, site / "media")
    for asset in [SITE_ASSETS / "startpakke.js", *asset_files()]:
        shutil.copy(asset, site / asset.name)
    player = player_html(course, "kart", "media/", "Slik lager dere kartet")
    nb = catalog("nb")  # the words the scripts say, as a site's course.js carries them
    (site / "course.js").write_text(course_script(
        {"id": "kurs", "text": {"messages": nb.script_messages(), "plural": nb.plural_rule()}}), "utf-8")
    (site / "index.html").write_text(
        '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Kart</title>'
        '<link rel="stylesheet" href="player.css"></head><body><main style="max-width:720px">'
        f"<h1>Interessentkart</h1>{player}</main><script src=\"course.js\"></script>"
        '<script src="startpakke.js"></script><script src="player.js"></script></body></html>', encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.slow
@pytest.mark.browser
def test_in_chromium_it_plays_with_captions_and_remembers_the_quality(served: str, tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("Chromium is not installed (scripts/test installs it)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--autoplay-policy=no-user-gesture-required"])
        page = browser.new_page()
        page.goto(served)
        source = page.locator("video source")
        assert source.get_attribute("src").split("/")[-1].startswith("kart-540p-")
        quality = page.get_by_label("Kvalitet")
        assert quality.is_visible() and quality.input_value() == "medium"
        labels = quality.locator("option").all_inner_texts()
        assert [label.split(",")[0] for label in labels] == ["Lav (360p)", "Middels (540p)", "Høy (720p)"]
        quality.select_option("low")
        assert source.get_attribute("src").split("/")[-1].startswith("kart-360p-")
        assert page.locator("[data-sp-download]").inner_text().startswith("Last ned videoen (360p, ")
        page.reload()
        assert page.get_by_label("Kvalitet").input_value() == "low"
        assert page.locator("video source").get_attribute("src").split("/")[-1].startswith("kart-360p-")

        page.evaluate("document.querySelector('video').muted = true; document.querySelector('video').play()")
        page.wait_for_function("document.querySelector('video').currentTime > 0.3", timeout=30_000)
        track = page.evaluate("""() => { const t = document.querySelector('video').textTracks[0];
                                         return [t.language, t.mode, t.cues ? t.cues.length : 0]; }""")
        assert track == ["nb", "showing", 2]

        transcript = page.locator("details.sp-video__transcript")
        assert not transcript.locator("p").first.is_visible()
        transcript.locator("summary").click()
        assert transcript.locator("p").first.inner_text() == (
            "Først skriver vi utfordringen midt på arket. Så finner vi alle som berøres.")
        page.screenshot(path=str(tmp_path / "player.png"), full_page=True)
        browser.close()


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("served", ["640x360"], indirect=True)
def test_in_chromium_a_video_with_one_rendition_plays_without_a_quality_choice(served: str) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("Chromium is not installed (scripts/test installs it)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(served)
        assert page.locator("video source").get_attribute("src").split("/")[-1].startswith("kart-360p-")
        assert page.locator("[data-sp-quality-slot] select").count() == 0
        assert page.locator("[data-sp-download]").inner_text().startswith("Last ned videoen (360p, ")
        # Before play the browser knows nothing of the video (preload="none"), and the page says its length
        assert page.evaluate("document.querySelector('video').readyState") == 0
        shown = page.locator(".sp-video__duration")
        assert shown.is_visible() and shown.inner_text() == "Varighet 0:02"
        duration = page.evaluate("""() => new Promise(done => {
            const video = document.querySelector('video');
            video.addEventListener('loadedmetadata', () => done(video.duration), {once: true});
            video.preload = 'metadata'; video.load();
        })""")
        assert duration > 1.5 and shown.inner_text() == f"Varighet 0:{round(duration):02}"
        browser.close()

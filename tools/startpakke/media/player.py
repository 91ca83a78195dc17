"""The accessible video player and transcript for a method page, rendered from a manifest entry.

For the site: `render_video(project, slug, media_url, language)` gives the HTML (or None when the
method has no encoded video); `asset_files()` are the JS and CSS the page should load.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape

from .captions import CaptionError, read_captions, transcript
from .manifest import Quality, VideoEntry, load_manifest

if TYPE_CHECKING:
    from ..project import Project

ASSETS = Path(__file__).parent / "assets"
BOOTSTRAP = Path(__file__).parents[1] / "site" / "assets" / "startpakke.js"
"""The site's script bootstrap, which player.js starts from."""
DEFAULT_QUALITY: Quality = "medium"
"""540p: sharp enough on a laptop, and about 1.5 MB a minute for a slow rural line."""


@dataclass(frozen=True)
class Source:
    quality: str
    name: str
    """e.g. 540p."""
    label: str
    src: str
    width: int
    height: int
    size: str


@dataclass(frozen=True)
class Track:
    lang: str
    label: str
    src: str
    default: bool


@dataclass(frozen=True)
class Player:
    slug: str
    title: str
    poster: str
    width: int
    height: int
    sources: list[Source]
    default: Source
    tracks: list[Track]
    transcript: list[str]
    transcript_lang: str
    script_url: str | None = None

    @property
    def sources_json(self) -> str:
        """What player.js needs to offer the quality choice, lowest first."""
        return json.dumps([{"quality": s.quality, "label": f"{s.label}, {s.size}", "src": s.src,
                            "download": f"{s.name}, {s.size}"} for s in self.sources], ensure_ascii=False)

    @property
    def bootstrap_url(self) -> str | None:
        """startpakke.js, published next to player.js as `asset_files()` lists them."""
        return posixpath.join(posixpath.dirname(self.script_url), BOOTSTRAP.name) if self.script_url else None


def asset_files() -> list[Path]:
    """startpakke.js, player.js (quality choice, remembered) and player.css, for the site to copy and
    link, the scripts in this order."""
    return [BOOTSTRAP, ASSETS / "player.js", ASSETS / "player.css"]


def _size(count: int) -> str:
    megabytes = count / 1e6
    text = f"{megabytes:.1f}" if megabytes >= 0.1 else "0.1"
    return text.replace(".", ",") + " MB"  # Norwegian decimal comma


def player_for(entry: VideoEntry, media_url: str, language: str, transcript_text: list[str],
               title: str = "", script_url: str | None = None) -> Player:
    """`media_url` is the URL of the published build/media folder as seen from the page, e.g. `../media/`."""
    base = media_url if media_url.endswith("/") or not media_url else media_url + "/"
    sources = [Source(r.quality, r.name, r.label, base + r.path, r.width, r.height, _size(r.bytes))
               for r in sorted(entry.renditions, key=lambda r: r.width * r.height)]
    default_file = entry.rendition(DEFAULT_QUALITY)
    default = next(s for s in sources if s.src == base + default_file.path)
    # The course language's captions first and on by default; then the others by language code.
    ordered = sorted(entry.captions, key=lambda c: (c.lang != language, c.lang))
    tracks = [Track(c.lang, c.label, base + c.path, c.lang == language) for c in ordered]
    largest = max(sources, key=lambda s: s.width * s.height)
    return Player(
        slug=entry.slug, title=title or entry.title, poster=base + entry.poster.path,
        width=largest.width, height=largest.height, sources=sources, default=default, tracks=tracks,
        transcript=transcript_text, transcript_lang=ordered[0].lang if ordered else language,
        script_url=script_url,
    )


def transcript_for(project: Project, entry: VideoEntry, language: str) -> list[str]:
    """Paragraphs of the course language's captions (else the first captions there are)."""
    chosen = sorted(entry.captions, key=lambda c: (c.lang != language, c.lang))
    if not chosen:
        return []
    try:
        return transcript(read_captions(project.media_build / chosen[0].path).cues)
    except (OSError, CaptionError):
        return []


_environment = Environment(
    loader=PackageLoader("startpakke.media", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_player(player: Player) -> str:
    return _environment.get_template("player.html.j2").render(player=player)


def render_video(project: Project, slug: str, media_url: str, language: str, title: str = "",
                 script_url: str | None = None) -> str | None:
    """The player HTML for a method, or None when `startpakke video` has not made its video yet."""
    entry = load_manifest(project).videos.get(slug)
    if entry is None or not entry.renditions:
        return None
    return render_player(player_for(entry, media_url, language, transcript_for(project, entry, language),
                                    title, script_url))

"""The accessible video player and transcript for a method page, rendered from a manifest entry.

For the site: `render_player(player_for(entry, media_url, catalog, transcript), language)` gives the
HTML for a manifest entry; `asset_files()` are the JS and CSS the page should load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import phrases
from ..caches import template_cache
from ..i18n import Catalog, catalog
from .manifest import Quality, VideoEntry

if TYPE_CHECKING:
    from ..project import Project

ASSETS = Path(__file__).parent / "assets"
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
    duration: float
    """Seconds; shown before play, since the browser learns it only when it starts loading the video."""

    @property
    def clock(self) -> str:
        """0:39, 12:05 or 1:02:03, as the browser's controls show the length once they know it."""
        hours, rest = divmod(self.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"

    @property
    def seconds(self) -> int:
        """Rounded: a rendition may last a few hundredths longer or shorter than its source."""
        return max(1, round(self.duration))

    @property
    def sources_json(self) -> str:
        """What player.js needs to offer the quality choice, lowest first."""
        return json.dumps([{"quality": s.quality, "label": f"{s.label}, {s.size}", "src": s.src,
                            "download": f"{s.name}, {s.size}"} for s in self.sources], ensure_ascii=False)


def asset_files() -> list[Path]:
    """player.js (quality choice, remembered; it starts from the site's startpakke.js) and player.css,
    for the site to copy and link."""
    return [ASSETS / "player.js", ASSETS / "player.css"]


def player_for(entry: VideoEntry, media_url: str, tr: Catalog, transcript_text: list[str],
               title: str = "") -> Player:
    """`media_url` is the URL of the published build/media folder as seen from the page, e.g. `../media/`;
    the player speaks `tr`'s language and shows that language's captions first."""
    _ = tr.gettext
    quality = {"low": _("Low"), "medium": _("Medium"), "high": _("High")}
    base = media_url if media_url.endswith("/") or not media_url else media_url + "/"
    sources = [Source(r.quality, r.name, f"{quality[r.quality]} ({r.name})", base + r.path, r.width, r.height,
                      phrases.megabytes(tr, r.bytes))
               for r in sorted(entry.renditions, key=lambda r: r.width * r.height)]
    default_file = entry.rendition(DEFAULT_QUALITY)
    default = next(s for s in sources if s.src == base + default_file.path)
    language = tr.language
    # The page language's captions first and on by default; then the others by language code.
    ordered = sorted(entry.captions, key=lambda c: (c.lang != language, c.lang))
    tracks = [Track(c.lang, c.label, base + c.path, c.lang == language) for c in ordered]
    largest = max(sources, key=lambda s: s.width * s.height)
    return Player(
        slug=entry.slug, title=title or entry.title, poster=base + entry.poster.path,
        width=largest.width, height=largest.height, sources=sources, default=default, tracks=tracks,
        transcript=transcript_text, transcript_lang=ordered[0].lang if ordered else language,
        duration=entry.duration,
    )


def transcript_for(project: Project, entry: VideoEntry, language: str) -> list[str]:
    """Paragraphs of the language's captions (else the first captions there are)."""
    chosen = sorted(entry.captions, key=lambda c: (c.lang != language, c.lang))
    if not chosen:
        return []
    from .captions import CaptionError, read_captions, transcript  # webvtt, for videos with captions only

    try:
        return transcript(read_captions(project.media_build / chosen[0].path).cues)
    except (OSError, CaptionError):
        return []


@cache
def _environment(language: str) -> Environment:
    tr = catalog(language)
    env = Environment(
        extensions=["jinja2.ext.i18n"],
        loader=PackageLoader("startpakke.media", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=template_cache(),
    )
    env.install_gettext_callables(tr.gettext, tr.ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def render_player(player: Player, language: str) -> str:
    return _environment(language).get_template("player.html.j2").render(player=player)

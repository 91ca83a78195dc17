"""What other build steps add to pages: method videos (issue 4), printable cards and plans (issue 6).

Rendering takes an `Extras` and shows a video player or a download link only when one is given, so the
pages look finished without them. `collect` gathers them from the build steps' outputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..project import Project
from ..model import Course
from . import printables, videos


@dataclass(frozen=True)
class Download:
    url: str
    """Path from the site root, e.g. `kort/interessentkart.pdf`."""
    label: str


@dataclass(frozen=True)
class Extras:
    videos: Mapping[str, str] = field(default_factory=dict)
    """The player's HTML by method slug, made by the video step (startpakke.media.player)."""
    cards: Mapping[str, Download] = field(default_factory=dict)
    """The printable card of a method, by method slug."""
    session_plans: Mapping[str, Download] = field(default_factory=dict)
    """By module slug."""
    decks: tuple[Download, ...] = ()
    """Every card in one PDF (per paper format), offered in the method library."""
    files: Mapping[str, Path] = field(default_factory=dict)
    """Files to publish: path in the site → file on disk. Stylesheets and scripts among them are
    linked from every page."""


def collect(project: Project, course: Course) -> Extras:
    """What the build steps have made for this course so far."""
    players, files = videos.players(project, course)
    printed = printables.printables(project)
    return Extras(
        videos=players,
        cards={slug: Download(path, "Last ned kortet (PDF)") for slug, path in printed.cards.items()
               if slug in course.methods},
        session_plans={slug: Download(path, "Last ned øktplanen (PDF)")
                       for slug, path in printed.session_plans.items()},
        decks=tuple(Download(path, f"Last ned hele kortstokken ({label}, PDF)") for label, path in printed.decks),
        files={**files, **printed.files},
    )

"""What the other build steps add to pages: method videos (`startpakke video`), printable cards and
session plans (`startpakke cards`).

Rendering takes an `Extras` and shows a video player or a download link only when one is given, so the
pages look finished without them. `collect` gathers them from the build steps' manifests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..project import Project
from ..i18n import Catalog
from ..layout import Layout
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


def collect(project: Project, course: Course, layout: Layout, tr: Catalog,
            smallest_renditions: bool = False, cards_in: str = "") -> Extras:
    """What the build steps have made for this course so far, labelled in `tr`'s language, with the
    cards printed in `cards_in` (a translation; empty: the source language); with
    `smallest_renditions`, each video in its smallest rendition only."""
    _ = tr.gettext
    paper = {"a6": _("A6 cards"), "a5": _("A5 cards"), "a4-4up": _("4 cards per A4 sheet, with crop marks")}
    players, files = videos.players(project, course, layout, tr, smallest_renditions)
    printed = printables.printables(project, cards_in)
    return Extras(
        videos=players,
        cards={slug: Download(path, _("Download the card (PDF)")) for slug, path in printed.cards.items()
               if slug in course.methods},
        session_plans={slug: Download(path, _("Download the session plan (PDF)"))
                       for slug, path in printed.session_plans.items()},
        decks=tuple(Download(path, _("Download the whole deck (%(paper)s, PDF)") % {"paper": paper.get(name, name)})
                    for name, path in printed.decks),
        files={**files, **printed.files},
    )

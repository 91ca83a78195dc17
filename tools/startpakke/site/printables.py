"""Printable cards, the deck and session plans on the site, from `startpakke cards`' manifest
(build/cards/manifest.json): links to the complete sets, and the files to publish under kort/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..cards.formats import DEFAULT
from ..cards.manifest import load_manifest
from ..project import Project

FOLDER = "kort/"
"""Where build/cards/ is published in the site."""
DEFAULT_FORMAT = DEFAULT.value


@dataclass
class Printables:
    cards: dict[str, str] = field(default_factory=dict)
    """Card PDF by method slug (site paths)."""
    session_plans: dict[str, str] = field(default_factory=dict)
    """Session plan PDF by module slug."""
    decks: list[tuple[str, str]] = field(default_factory=list)
    """(format name, deck PDF), the default format first."""
    files: dict[str, Path] = field(default_factory=dict)


_held: dict[tuple[Path, str], Printables] = {}
"""While a printing run rewrites a project's PDFs (site/printing.py), what was printed before it."""


def hold(project: Project, languages: list[str]) -> None:
    """Until `release`, publish what is printed now: a run withdraws its sets from the manifest while
    it prints them, and the pages of a build meanwhile would lose their links (and be rebuilt twice)."""
    for language in languages:
        _held[project.root, language] = printables(project, language)


def release(project: Project) -> None:
    for key in [key for key in _held if key[0] == project.root]:
        del _held[key]


def printables(project: Project, language: str = "") -> Printables:
    """What is printed in `language` (empty: the course's own), to publish in that language's tree."""
    held = _held.get((project.root, language))
    if held is not None:
        return held
    folder = project.cards_build_in(language)
    manifest = load_manifest(folder)
    found = Printables()

    def publish(path: str | None) -> str | None:
        if not path or not (folder / path).is_file():
            return None
        found.files[FOLDER + path] = folder / path
        return FOLDER + path

    for name in sorted(manifest.formats, key=lambda name: name != DEFAULT_FORMAT):
        entry = manifest.formats[name]
        deck = publish(entry.deck)
        if deck:
            found.decks.append((name, deck))
        if name == DEFAULT_FORMAT:
            for slug, path in entry.cards.items():
                card = publish(path)
                if card:
                    found.cards[slug] = card
    for slug, outputs in manifest.sessions.items():
        plan = publish(outputs.pdf)
        if plan:
            found.session_plans[slug] = plan
    return found

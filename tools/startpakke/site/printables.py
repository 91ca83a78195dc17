"""Printable cards, the deck and session plans on the site, from `startpakke cards`' manifest
(build/cards/manifest.json): links where the files exist, and the files to publish under kort/."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..loading import Project

FOLDER = "kort/"
"""Where build/cards/ is published in the site."""
DEFAULT_FORMAT = "a6"


@dataclass
class Printables:
    cards: dict[str, str] = field(default_factory=dict)
    """Card PDF by method slug (site paths)."""
    session_plans: dict[str, str] = field(default_factory=dict)
    """Session plan PDF by module slug."""
    decks: list[tuple[str, str]] = field(default_factory=list)
    """(format label, deck PDF), the default format first."""
    files: dict[str, Path] = field(default_factory=dict)


def printables(project: Project) -> Printables:
    folder = project.build_dir / "cards"
    manifest = _read(folder / "manifest.json")
    found = Printables()

    def publish(path: str) -> str | None:
        if not isinstance(path, str) or not (folder / path).is_file():
            return None
        found.files[FOLDER + path] = folder / path
        return FOLDER + path

    formats = manifest.get("formats", {})
    for name in sorted(formats, key=lambda name: name != DEFAULT_FORMAT):
        entry = formats[name]
        deck = publish(entry.get("deck"))
        if deck:
            found.decks.append((str(entry.get("label", name)), deck))
        if name == DEFAULT_FORMAT:
            for slug, path in entry.get("cards", {}).items():
                card = publish(path)
                if card:
                    found.cards[slug] = card
    for slug, outputs in manifest.get("sessions", {}).items():
        plan = publish(outputs.get("pdf"))
        if plan:
            found.session_plans[slug] = plan
    return found


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}

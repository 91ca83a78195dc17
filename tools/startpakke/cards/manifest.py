"""build/cards/manifest.json: which print outputs are complete, for the site to link.

A set (one paper format's cards and deck, or the session plans) is listed only once every file of it is
written: a run starts by taking its set off the list and puts it back when done, so a run killed half
way leaves no claim to an incomplete set, and the next run makes the whole set again.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ..files import write_atomic

MANIFEST = "manifest.json"
VERSION = 1


class Entry(BaseModel):
    model_config = ConfigDict(extra="ignore")


class FormatOutputs(Entry):
    deck: str | None = None
    cards: dict[str, str] = {}
    """Card PDF by method slug. Paths here are relative to build/cards/."""
    overflowing: dict[str, list[str]] = {}
    """The sides of a card that take more than one printed side, by method slug."""
    inputs: str = ""
    """The fingerprint of what the set was made from (see `inputs.py`)."""
    card_inputs: dict[str, str] = {}
    """The fingerprint of each card's PDF, by method slug: a card that did not change is not written again."""


class SessionOutputs(Entry):
    pdf: str
    md: str
    html: str
    inputs: str = ""


def files_exist(folder: Path, outputs: FormatOutputs | SessionOutputs) -> bool:
    """Whether every file the entry lists is in `folder` (build/cards/)."""
    if isinstance(outputs, SessionOutputs):
        named = [outputs.pdf, outputs.md, outputs.html]
    else:
        named = [*([outputs.deck] if outputs.deck else []), *outputs.cards.values()]
    return all((folder / name).is_file() for name in named)


class CardsManifest(Entry):
    version: int = VERSION
    formats: dict[str, FormatOutputs] = {}
    """By format name (a6, a5, a4-4up)."""
    sessions: dict[str, SessionOutputs] = {}
    """By module slug."""


def load_manifest(folder: Path) -> CardsManifest:
    """The manifest in `folder` (build/cards/); an empty one when there is none or it cannot be read."""
    try:
        manifest = CardsManifest.model_validate(json.loads((folder / MANIFEST).read_text("utf-8")))
    except (OSError, ValueError, ValidationError):
        return CardsManifest()
    return manifest if manifest.version == VERSION else CardsManifest()


def save_manifest(folder: Path, manifest: CardsManifest) -> None:
    text = json.dumps(manifest.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True)
    write_atomic(folder / MANIFEST, text + "\n")


def withdraw_format(folder: Path, name: str, deck: str) -> None:
    """Before a format's files are rewritten: until the set is complete, nothing claims it, nor its
    files (`deck` and the cards beside it) under another format's name, as when the default changed."""
    manifest = load_manifest(folder)
    claiming = [other for other, outputs in manifest.formats.items() if other == name or outputs.deck == deck]
    for other in claiming:
        del manifest.formats[other]
    if claiming:
        save_manifest(folder, manifest)


def record_format(folder: Path, name: str, outputs: FormatOutputs) -> None:
    manifest = load_manifest(folder)
    manifest.formats[name] = outputs
    save_manifest(folder, manifest)


def withdraw_sessions(folder: Path) -> None:
    manifest = load_manifest(folder)
    if manifest.sessions:
        manifest.sessions = {}
        save_manifest(folder, manifest)


def record_sessions(folder: Path, sessions: dict[str, SessionOutputs]) -> None:
    manifest = load_manifest(folder)
    manifest.sessions = sessions
    save_manifest(folder, manifest)

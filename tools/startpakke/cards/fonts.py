"""The fonts every card is set in, embedded from files we name, never from whatever the system picks.

Noto Sans and Noto Serif (Debian's `fonts-noto-core`) cover Norwegian and Northern Sami letters in
every style; a fallback font would silently change the look, so a missing file is an error.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONT_DIRS_ENV = "STARTPAKKE_FONT_DIRS"
SEARCH_DIRS = [
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/truetype"),
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
]
LETTERS = "æøåÆØÅáčđŋšŧžÁČĐŊŠŦŽ"
"""Norwegian and Northern Sami letters the card fonts must have in every style."""


@dataclass(frozen=True)
class Face:
    family: str
    weight: int
    style: str
    file: str


FACES = [
    Face("Startpakke Sans", 400, "normal", "NotoSans-Regular.ttf"),
    Face("Startpakke Sans", 400, "italic", "NotoSans-Italic.ttf"),
    Face("Startpakke Sans", 700, "normal", "NotoSans-Bold.ttf"),
    Face("Startpakke Sans", 700, "italic", "NotoSans-BoldItalic.ttf"),
    Face("Startpakke Serif", 400, "normal", "NotoSerif-Regular.ttf"),
    Face("Startpakke Serif", 700, "normal", "NotoSerif-Bold.ttf"),
    Face("Startpakke Serif", 700, "italic", "NotoSerif-BoldItalic.ttf"),
]


class FontMissing(RuntimeError):
    pass


def _search_dirs() -> list[Path]:
    extra = [Path(p) for p in os.environ.get(FONT_DIRS_ENV, "").split(os.pathsep) if p]
    return extra + SEARCH_DIRS


@cache
def font_files() -> dict[Face, Path]:
    """Where each face's file is; raises FontMissing with the fix when one cannot be found."""
    found: dict[Face, Path] = {}
    for face in FACES:
        for folder in _search_dirs():
            direct = folder / face.file
            hit = direct if direct.is_file() else next(folder.rglob(face.file), None) \
                if folder.is_dir() else None
            if hit:
                found[face] = hit
                break
        else:
            raise FontMissing(
                f"the card font {face.file} is not installed: install Debian's `fonts-noto-core` "
                f"(apt-get install fonts-noto-core), or set {FONT_DIRS_ENV} to a folder with Noto Sans "
                "and Noto Serif"
            )
    return found


def font_face_css() -> str:
    rules = []
    for face, path in font_files().items():
        rules.append(
            f"@font-face {{ font-family: '{face.family}'; font-weight: {face.weight}; "
            f"font-style: {face.style}; src: url('{path.resolve().as_uri()}'); }}"
        )
    return "\n".join(rules)

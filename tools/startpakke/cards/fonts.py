"""The fonts every card is set in, embedded from files we name, never from whatever the system picks.

Noto Sans and Noto Serif come from their pip packages (fontpkg-noto-sans, fontpkg-noto-serif: Google
Fonts' files, unmodified), so `pip install` brings them on any machine. They cover Norwegian and
Northern Sami letters in every style; a fallback font would silently change the look, so a missing
package is an error that names it.

The packages hold variable fonts. WeasyPrint makes a static instance of each face every time it writes
a PDF, which costs a card's PDF most of its time (a 600-method course writes 600 of them). So each face
is instanced once per machine, at its weight, into the user's cache (`static_face`); the glyphs and
their widths are the same, only the work is not repeated.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..caches import user_cache
from ..files import write_atomic
from . import CannotPrint

PACKAGES = ("fontpkg-noto-sans", "fontpkg-noto-serif")
LETTERS = "æøåÆØÅáčđŋšŧžÁČĐŊŠŦŽ"
"""Norwegian and Northern Sami letters the card fonts must have in every style."""


@dataclass(frozen=True)
class Face:
    family: str
    """The family the print CSS names."""
    weight: int
    style: str
    source: str
    """The font family that provides it, as its package names it."""


FACES = [
    Face("Startpakke Sans", 400, "normal", "Noto Sans"),
    Face("Startpakke Sans", 400, "italic", "Noto Sans"),
    Face("Startpakke Sans", 700, "normal", "Noto Sans"),
    Face("Startpakke Sans", 700, "italic", "Noto Sans"),
    Face("Startpakke Serif", 400, "normal", "Noto Serif"),
    Face("Startpakke Serif", 700, "normal", "Noto Serif"),
    Face("Startpakke Serif", 700, "italic", "Noto Serif"),
]


@cache
def font_files() -> dict[Face, Path]:
    """The static file of each face, made from the packages' variable fonts the first time; raises
    CannotPrint, naming the packages to install, when one is missing."""
    return {face: static_face(face, source) for face, source in font_sources().items()}


def font_sources() -> dict[Face, Path]:
    """The variable font file of each face, as its package installed it."""
    missing = CannotPrint(f"the card fonts Noto Sans and Noto Serif are not installed: "
                          f"pip install {' '.join(PACKAGES)}")
    try:
        import fontpkg
    except ImportError as error:
        raise missing from error
    try:
        return {face: fontpkg.path(face.source, face.weight, face.style) for face in FACES}
    except fontpkg.FontpkgError as error:
        raise missing from error


def font_face_css() -> str:
    rules = []
    for face, path in font_files().items():
        rules.append(
            f"@font-face {{ font-family: '{face.family}'; font-weight: {face.weight}; "
            f"font-style: {face.style}; src: url('{path.resolve().as_uri()}'); }}"
        )
    return "\n".join(rules)


def static_face(face: Face, source: Path) -> Path:
    """`source` instanced at the face's weight, from the cache or made now (seconds per face, once;
    other processes wait for it rather than make it too). Where no cache can be written, the variable
    font itself: WeasyPrint instances it, only more slowly."""
    from fontTools import version as fonttools

    key = hashlib.sha256(f"{face.weight}:{fonttools}:{_digest(source)}".encode()).hexdigest()[:20]
    folder = user_cache("fonts")
    target = folder / f"{source.stem.split('[')[0]}-{face.weight}-{key}.ttf"
    if target.is_file():
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not target.is_file():
                write_atomic(target, _instance(source, face.weight))
    except OSError:
        return source
    return target


@cache
def _digest(source: Path) -> str:
    """A font file's content digest: two faces (regular and bold) come from each file."""
    return hashlib.sha256(source.read_bytes()).hexdigest()


def _instance(source: Path, weight: int) -> bytes:
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(source)
    axes = {axis.axisTag for axis in font["fvar"].axes}
    location = {"wght": weight} | ({"wdth": 100} if "wdth" in axes else {})
    out = io.BytesIO()
    instancer.instantiateVariableFont(font, location, inplace=True)
    font.save(out)
    return out.getvalue()

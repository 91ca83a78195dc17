"""The fonts every card is set in, embedded from files we name, never from whatever the system picks.

Noto Sans and Noto Serif come from their pip packages (fontpkg-noto-sans, fontpkg-noto-serif: Google
Fonts' files, unmodified), so `pip install` brings them on any machine. They cover Norwegian and
Northern Sami letters in every style; a fallback font would silently change the look, so a missing
package is an error that names it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

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
    """The file of each face; raises CannotPrint, naming the packages to install, when one is missing.
    The files are variable fonts: WeasyPrint embeds each face at its weight."""
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

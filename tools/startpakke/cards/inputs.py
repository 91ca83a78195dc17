"""What a print output is made from, as one fingerprint: the same fingerprint, the same file.

A build compares an output's fingerprint with the one the manifest recorded for it, and prints again
only what changed. Besides the content, every fingerprint holds the card design (templates, fonts),
the code that prints, the interface catalogs and the versions of the printing libraries (WeasyPrint,
pikepdf, segno, fontTools), so an upgrade prints everything again.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.metadata import version
from pathlib import Path

from ..i18n import LOCALES
from .fonts import font_sources

PACKAGE = Path(__file__).parent


def fingerprint(*parts: object) -> str:
    """A digest of `parts` (anything JSON can write) and of the design and tools."""
    digest = hashlib.sha256(design().encode())
    digest.update(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode())
    return digest.hexdigest()[:32]


@cache
def design() -> str:
    """A digest of the templates, the fonts, this package's code, the interface catalogs (the words
    around the content) and the printing libraries."""
    digest = hashlib.sha256()
    for path in sorted([*(PACKAGE / "templates").iterdir(), *PACKAGE.glob("*.py"), *LOCALES.glob("*.po")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    # The fonts by what they are made from (the static instances follow from these and fontTools).
    digest.update(repr(sorted((str(face), path.name, path.stat().st_size)
                              for face, path in font_sources().items())).encode())
    digest.update(", ".join(f"{name} {version(name)}"
                            for name in ("weasyprint", "pikepdf", "segno", "fonttools")).encode())
    return digest.hexdigest()

"""QR codes that lead from a printed card to its page on the published site."""

from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=None)  # every card asks for its code more than once
def svg_data_uri(url: str) -> str:
    """A vector QR code (sharp at any print size) with the quiet zone scanners need around it."""
    # Level M survives a worn or slightly creased card; the quiet zone of 4 modules is the standard.
    code = segno.make(url, error="m", micro=False)
    return code.svg_data_uri(scale=1, border=4, dark="#111111", light="#ffffff")

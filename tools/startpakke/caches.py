"""Work kept between runs on this machine, in the user's cache folder ($XDG_CACHE_HOME, else ~/.cache):
what follows from files that rarely change (the print fonts' static instances, compiled templates).
Each entry is keyed by what it is made from, so a stale one is never used; deleting the folder only
costs time."""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from pydantic_core import to_jsonable_python


def user_cache(name: str) -> Path:
    home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(home) / "startpakke" / name


@cache
def template_cache() -> BytecodeCache | None:
    """Compiled Jinja templates (ours and Material's), by template and source checksum: compiling
    them is a fifth of building a small course's site. None where no cache can be written."""
    folder = user_cache("templates")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def digest(value: Any) -> str:
    """What a kept result is keyed by: a digest of `value` as JSON (models and dataclasses as their
    fields, anything else as its text)."""
    data = json.dumps(to_jsonable_python(value, fallback=str), ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()

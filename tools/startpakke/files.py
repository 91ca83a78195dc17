"""Atomic writes: a run that is interrupted never leaves a half-written output behind."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _publishable(temporary: str) -> None:
    """mkstemp makes files only the owner can read; outputs should get the usual permissions."""
    os.chmod(temporary, 0o666 & ~_umask())


def write_atomic(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        _publishable(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def copy_atomic(source: Path, path: Path) -> None:
    """Copy a possibly large file in blocks: the target appears complete or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file, source.open("rb") as original:
            shutil.copyfileobj(original, file, 1 << 20)
        _publishable(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class NotUtf8(ValueError):
    """A text file in another encoding; `line` is where its first non-UTF-8 byte is."""

    def __init__(self, line: int, latin1_like: bool) -> None:
        super().__init__(f"not UTF-8 (line {line})")
        self.line, self.latin1_like = line, latin1_like


def read_utf8(path: Path) -> str:
    """The file's text (a UTF-8 byte order mark is dropped); raise NotUtf8 saying where it goes wrong."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # Plain 8-bit text without control characters is nearly always Windows-1252 or ISO-8859-1.
        latin1_like = all(byte >= 0x20 or byte in b"\n\r\t" for byte in raw[:4096])
        raise NotUtf8(raw[: error.start].count(b"\n") + 1, latin1_like) from None

"""Atomic writes: a run that is interrupted never leaves a half-written output behind."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import BinaryIO


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _publishable(temporary: str) -> None:
    """mkstemp makes files only the owner can read; outputs should get the usual permissions."""
    os.chmod(temporary, 0o666 & ~_umask())


@contextmanager
def _atomic(path: Path, exclusive: bool = False) -> Iterator[BinaryIO]:
    """A file to write `path` through: it appears complete when the block ends, or not at all.
    `exclusive` refuses to replace an existing file (FileExistsError), without a moment's gap."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            yield file
        _publishable(temporary)
        if exclusive:
            os.link(temporary, path)  # fails if the path exists, unlike a rename
            os.unlink(temporary)
        else:
            os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def open_atomic(path: Path) -> AbstractContextManager[BinaryIO]:
    """A binary file that appears at `path` complete when the block ends, or not at all."""
    return _atomic(path)


def write_atomic(path: Path, content: str | bytes, exclusive: bool = False) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    with _atomic(path, exclusive) as file:
        file.write(data)


def copy_atomic(source: Path, path: Path) -> None:
    """Copy a possibly large file in blocks: the target appears complete or not at all."""
    with _atomic(path) as file, source.open("rb") as original:
        shutil.copyfileobj(original, file, 1 << 20)


def files_below(folder: Path) -> list[str]:
    """Every file under `folder`, as sorted paths relative to it with forward slashes."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def link_or_copy(source: Path, target: Path) -> None:
    """`target` as another name of `source` (no bytes copied), or a copy where no link can be made
    (another disk); a file already at `target` is replaced."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


class NotUtf8(ValueError):
    """A text file in another encoding; `line` is where its first non-UTF-8 byte is."""

    def __init__(self, line: int, latin1_like: bool) -> None:
        super().__init__(f"not UTF-8 (line {line})")
        self.line, self.latin1_like = line, latin1_like


class TooLarge(ValueError):
    """A file larger than its kind may be: refused before it is read into memory."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} bytes, more than {limit}")
        self.size, self.limit = size, limit


class NotRegular(ValueError):
    """A folder, device or pipe where a file should be: reading it could block or never end."""


def read_utf8(path: Path, limit: int | None = None) -> str:
    """The file's text (a UTF-8 byte order mark is dropped); raise NotUtf8 saying where it goes wrong,
    TooLarge when it has more than `limit` bytes, NotRegular when it is not a plain file."""
    if not stat.S_ISREG(path.stat().st_mode):  # before opening: opening a pipe waits for a writer
        raise NotRegular(path)
    with path.open("rb") as file:
        status = os.fstat(file.fileno())
        if limit is not None and status.st_size > limit:
            raise TooLarge(status.st_size, limit)
        raw = file.read() if limit is None else file.read(limit + 1)
    if limit is not None and len(raw) > limit:  # grew while being read
        raise TooLarge(len(raw), limit)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # Plain 8-bit text without control characters is nearly always Windows-1252 or ISO-8859-1.
        latin1_like = all(byte >= 0x20 or byte in b"\n\r\t" for byte in raw[:4096])
        raise NotUtf8(raw[: error.start].count(b"\n") + 1, latin1_like) from None

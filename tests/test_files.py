"""Atomic writes leave a complete file or none, and an exclusive write never replaces a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from startpakke.files import copy_atomic, write_atomic


def test_exclusive_write_keeps_an_existing_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "kort.yml"
    write_atomic(target, "først\n", exclusive=True)
    with pytest.raises(FileExistsError):
        write_atomic(target, "andre\n", exclusive=True)
    assert target.read_text(encoding="utf-8") == "først\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kort.yml"]


def test_a_failed_copy_leaves_neither_target_nor_temporary(tmp_path: Path) -> None:
    out = tmp_path / "ut"
    with pytest.raises(FileNotFoundError):  # fails after the temporary file was made
        copy_atomic(tmp_path / "finnes-ikke.mp4", out / "video.mp4")
    assert list(out.iterdir()) == []

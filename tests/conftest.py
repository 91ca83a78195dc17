from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import FIXTURES


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the small valid test course, to break in one place per test."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target, symlinks=True)
    return target

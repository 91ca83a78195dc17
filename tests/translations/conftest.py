"""Fixtures of the translation tests: the small test course, published in English and Northern Sami,
with its translation files made by `startpakke translate update`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import edit, run


@pytest.fixture
def translated(mini: Path) -> Path:
    edit(mini, "course/course.yml", "language: nb\n", "language: nb\ntranslations: [en, se]\n")
    code, output = run("translate", "update", "--course", str(mini))
    assert code == 0, output
    return mini

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import FIXTURES
from tests.site.sitekit import REPO, run


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the small valid test course, to break in one place per test."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target, symlinks=True)
    return target


@pytest.fixture(scope="session")
def example_with_media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a copy of the example course project, built by `startpakke build`: videos, printable
    cards and pages, as learners get them."""
    root = tmp_path_factory.mktemp("example")
    for part in ("course", "media", "docs"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    code, output = run("build", cwd=root)
    assert code == 0, output
    assert "14 printable cards, the deck and 3 session plans." in output
    return root / "site"

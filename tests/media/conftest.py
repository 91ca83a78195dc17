"""Fixtures: the synthetic clips (made once per session) and a fresh course project per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from .clips import Course, make_clip


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("clips")
    made = {
        "landscape": make_clip(folder / "landscape.mp4", size="1920x1080", seconds=3),
        "portrait": make_clip(folder / "portrait.mp4", size="1920x1080", seconds=2, rotation=90),
        "silent": make_clip(folder / "silent.mp4", seconds=2, audio=False),
        "odd": make_clip(folder / "odd.mp4", size="853x479", seconds=2),
        "short": make_clip(folder / "short.mp4", seconds=1),
        "noisy": make_clip(folder / "noisy.mp4", size="960x540", seconds=2, noise=True),
    }
    whole = make_clip(folder / "whole.mp4", seconds=3)
    data = whole.read_bytes()
    made["truncated"] = folder / "truncated.mp4"
    made["truncated"].write_bytes(data[: len(data) // 2])
    made["text"] = folder / "text.mp4"
    made["text"].write_text("Dette er ikke en video.\n", encoding="utf-8")
    return made


@pytest.fixture
def course(tmp_path: Path) -> Course:
    return Course(tmp_path / "prosjekt")


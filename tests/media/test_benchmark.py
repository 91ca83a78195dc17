"""benchmarks/video.py stays runnable: a quick run on synthetic clips, checked for its report lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import startpakke

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_video_benchmark_reports_its_three_parts() -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(startpakke.__file__).parents[1]))
    result = subprocess.run([sys.executable, "benchmarks/video.py", "--quick", "--repeat", "1"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "raw ffmpeg, same arguments" in out and "ours, encode step" in out and "ratio" in out
    assert "A run with nothing to do" in out
    assert "Bytes per minute" in out and "interessentkart" in out

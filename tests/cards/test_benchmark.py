"""The cards benchmark stays runnable: a tiny run, checked for its report lines (not for speed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import FIXTURE

REPO = Path(__file__).parent.parent.parent


def test_cards_benchmark_reports_per_card_and_deck_times() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "tools"), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "benchmarks/cards.py", "--course", str(FIXTURE), "--repeat", "1"],
        cwd=REPO, capture_output=True, text=True, timeout=600, env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "cards: 3 (A6 (105 × 148 mm)), best of 1" in result.stdout
    for line in ["one card alone (fit, lay out, write): mean", "whole deck and every card PDF:",
                 "ratio one card alone vs baseline:", "ratio whole build per card vs baseline:",
                 "tagged deck write ("]:
        assert line in result.stdout

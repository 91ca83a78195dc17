"""The benchmarks stay runnable: a tiny run of each, checked for its report lines (not for speed)."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import REPO


def test_validation_benchmark_reports_ratios() -> None:
    result = subprocess.run(
        [sys.executable, "benchmarks/validate_course.py", "--methods", "20", "--repeat", "1"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "files: 27 (20 generated method cards)" in result.stdout
    assert "ratio vs yaml.safe_load:" in result.stdout

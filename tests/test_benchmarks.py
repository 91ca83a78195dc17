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


def test_build_benchmark_reports_each_step_against_the_mkdocs_step() -> None:
    result = subprocess.run([sys.executable, "benchmarks/build.py", "--quick"],
                            cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    rows = [line.split("|") for line in result.stdout.splitlines() if line.strip().startswith("6 |")]
    assert [row[1].strip() for row in rows] == [
        "check, fresh clone", "check, again", "build, fresh", "build, nothing changed",
        "build, one title changed", "the MkDocs step alone", "serve, a saved card shown"]
    assert float(rows[-2][3]) == 1.0 and all(float(row[2]) > 0 and float(row[4]) > 0 for row in rows)
    assert all(float(row[5]) > 0 for row in rows)

"""The site benchmark stays runnable: a tiny run, checked for its report lines (not for speed)."""

from __future__ import annotations

import subprocess
import sys

from tests.site.sitekit import REPO


def test_site_benchmark_reports_times_sizes_and_ratios() -> None:
    result = subprocess.run([sys.executable, "benchmarks/site_build.py", "--sizes", "4,8"],
                            cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["methods", "pages", "|", "ours", "s", "base", "s", "ratio", "|",
                                "ours", "KB", "base", "KB", "ratio", "|", "zensical", "s", "ratio", "KB"]
    assert [line.split()[:2] for line in lines[1:3]] == [["4", "12"], ["8", "18"]]
    assert lines[3].startswith("our mean page size, 8 vs 4 methods:")

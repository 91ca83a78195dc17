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
    groups = [part.strip() for part in lines[0].split("|")[1:]]
    assert groups == ["the command", "the site step", "page size", "Zensical"]
    assert lines[1].split() == ["methods", "pages", "|", "ours", "s", "base", "s", "ratio", "|",
                                "ours", "s", "base", "s", "ratio", "|",
                                "ours", "KB", "base", "KB", "ratio", "|", "s", "ratio", "KB"]
    rows = [line.split() for line in lines[2:4]]
    assert [row[:2] for row in rows] == [["4", "12"], ["8", "18"]]
    for row in rows:  # every time and ratio a number
        assert all(float(value) > 0 for value in row[3:6] + row[7:10] + row[11:14])
    assert lines[4].startswith("our mean page size, 8 vs 4 methods:")

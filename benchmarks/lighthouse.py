"""Lighthouse (npm, pinned in package.json) on Debian's Chromium, mobile, performance: the home page,
a method page with its video and an exercise page of the example course, served gzip-compressed as a
web host serves them. Each page is measured `--runs` times and the median run reported, as Lighthouse
advises: its scores vary from run to run with the machine's load.

    python3 benchmarks/lighthouse.py [--site DIR] [--runs 3]

Without --site the example course is copied and built with `startpakke build` (videos included)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.site.sitekit import LIGHTHOUSE_PAGES as PAGES, copy_example, lighthouse, run, serve_folder  # noqa: E402

def figures(report: dict[str, Any]) -> dict[str, Any]:
    audits = report["audits"]
    return {"score": report["categories"]["performance"]["score"],
            **{name: audits[key]["numericValue"] for name, key in (
                ("FCP ms", "first-contentful-paint"), ("LCP ms", "largest-contentful-paint"),
                ("TBT ms", "total-blocking-time"))},
            "bytes": sum(item["transferSize"] for item in audits["network-requests"]["details"]["items"]),
            "render-blocking": audits["render-blocking-resources"]["score"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        site = options.site
        if site is None:
            project = copy_example(Path(temporary) / "example")
            code, output = run("build", cwd=project)
            assert code == 0, output
            site = project / "site"
        with serve_folder(site, compressed=True) as url:
            print("| page | score | FCP | LCP | TBT | bytes | render-blocking |")
            print("| --- | --- | --- | --- | --- | --- | --- |")
            for name, path in PAGES.items():
                runs = [figures(lighthouse(url + path, Path(temporary) / f"{name}-{n}.json"))
                        for n in range(options.runs)]
                median = sorted(runs, key=lambda each: each["score"])[len(runs) // 2]
                scores = ", ".join(f"{each['score']:.2f}" for each in runs)
                print(f"| {name} | {median['score']:.2f} (runs: {scores}) | {median['FCP ms'] / 1000:.1f} s | "
                      f"{median['LCP ms'] / 1000:.1f} s | {median['TBT ms']:.0f} ms | {median['bytes']:,} | "
                      f"{median['render-blocking']} |")


if __name__ == "__main__":
    main()

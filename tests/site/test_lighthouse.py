"""Lighthouse (npm, on Debian's Chromium), mobile, performance: the home page, a method page with its
video and an exercise page of the example course, served compressed as any web host serves them.
Scores, not timings: Lighthouse simulates a slow 4G phone from what it records."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.site.sitekit import CHROMIUM, REPO, serve_folder

pytestmark = pytest.mark.browser

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "method": "metoder/interessentkart/", "exercises": "moduler/okt-1-forsta-utfordringen/oppgaver/"}


def lighthouse(url: str, out: Path) -> dict[str, Any]:
    subprocess.run([str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", f"--output-path={out}",
                    "--quiet", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=300)
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports(example_with_media: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("lighthouse")
    with serve_folder(example_with_media, compressed=True) as url:
        return {name: lighthouse(url + path, folder / f"{name}.json") for name, path in PAGES.items()}


@pytest.mark.parametrize("name", PAGES)
def test_a_phone_on_a_slow_connection_gets_the_page_fast(reports, name) -> None:
    report = reports[name]
    audits = report["audits"]
    summary = {key: audits[key]["displayValue"] for key in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "total-byte-weight")}
    print(name, report["categories"]["performance"]["score"], summary)
    assert report["categories"]["performance"]["score"] >= 0.95, summary
    assert audits["render-blocking-resources"]["score"] in (1, None), audits["render-blocking-resources"]


def test_the_first_view_of_a_method_page_is_under_150_kb_compressed_without_the_video(reports) -> None:
    requests = reports["method"]["audits"]["network-requests"]["details"]["items"]
    assert any(r["url"].endswith(".jpg") for r in requests)  # the poster, not the video
    assert not any(r["url"].endswith(".mp4") for r in requests)
    assert sum(r["transferSize"] for r in requests) < 150_000

"""Lighthouse's mobile performance score of the home page, a method page with its video and an exercise
page of the example course, served gzip-compressed as a web host serves it: each at least 0.95.

A score varies a little with the machine's load, so each page's is the median of three runs, as
Lighthouse advises; a third run is made only when the first two disagree about the bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.site.sitekit import LIGHTHOUSE, LIGHTHOUSE_PAGES, copy_example, lighthouse, run, serve_folder

pytestmark = pytest.mark.browser

BAR = 0.95


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    assert LIGHTHOUSE.is_file(), "npm ci installs Lighthouse"
    project = copy_example(tmp_path_factory.mktemp("lighthouse"))
    code, output = run("build", cwd=project)
    assert code == 0, output
    with serve_folder(project / "site", compressed=True) as url:
        yield url


@pytest.mark.parametrize("page", LIGHTHOUSE_PAGES)
def test_a_phone_on_a_slow_line_gets_the_page_fast(site_url: str, page: str, tmp_path: Path) -> None:
    scores: list[float] = []
    while sum(score >= BAR for score in scores) < 2 and sum(score < BAR for score in scores) < 2:
        report = lighthouse(site_url + LIGHTHOUSE_PAGES[page], tmp_path / f"{len(scores)}.json")
        scores.append(report["categories"]["performance"]["score"])
    assert sorted(scores)[len(scores) // 2] >= BAR, f"{page}: Lighthouse performance {scores}"

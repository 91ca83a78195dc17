"""Nothing on a page jumps while it loads: Cumulative Layout Shift under 0.05 on every kind of page, on
a phone and a laptop, measured from Chromium's own `layout-shift` entries.

Our scripts are held back a moment, as on a slow line, so the page is painted before they set up the
exercises, the progress, the filter and the player: what they add must not push the content down.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.site.sitekit import serve_folder

GOOD = 0.05
"""Stricter than the 0.1 that web.dev calls good."""
PAGES = {
    "home": "",
    "module": "moduler/okt-1-forsta-utfordringen/",
    "method with a video": "metoder/interessentkart/",
    "method": "metoder/empatikart/",
    "method library": "metoder/",
    "exercises": "moduler/okt-1-forsta-utfordringen/oppgaver/",
    "about": "om/",
    "closing": "avslutning/",
}
SCREENS = {"phone": (390, 844), "laptop": (1280, 900)}
SCRIPT_DELAY = 0.4
"""Seconds our scripts arrive after the page: enough for Chromium to paint first."""

OBSERVE = """window.spShifts = [];
new PerformanceObserver(list => list.getEntries().forEach(entry => entry.hadRecentInput || spShifts.push({
  at: entry.startTime, value: entry.value,
  moved: entry.sources.map(s => s.node ? (s.node.className || s.node.nodeName) : "?").join(", ")
}))).observe({type: "layout-shift", buffered: true});"""
SET_UP = """() => window.Startpakke && ["exercise", "filter", "video"].every(name =>
  [...document.querySelectorAll(`[data-sp-${name}]`)].every(el => el.hasAttribute(`data-sp-${name}-ready`)))
  && !document.querySelector("[data-sp-progress]:empty")"""


def cumulative_layout_shift(shifts: list[dict[str, Any]]) -> float:
    """The largest session window's sum: shifts less than 1 s apart, a window at most 5 s long."""
    largest = current = 0.0
    start = previous = -1e9
    for shift in sorted(shifts, key=lambda s: s["at"]):
        if shift["at"] - previous > 1000 or shift["at"] - start > 5000:
            start, current = shift["at"], 0.0
        current += shift["value"]
        previous = shift["at"]
        largest = max(largest, current)
    return largest


@pytest.fixture(scope="module")
def base_url(example_with_media: Path) -> Iterator[str]:
    with serve_folder(example_with_media) as url:
        yield url


def late(route: Any) -> None:
    time.sleep(SCRIPT_DELAY)
    route.continue_()


@pytest.mark.parametrize("screen", SCREENS)
def test_no_page_shifts_while_it_loads(browser: Any, base_url: str, screen: str) -> None:
    width, height = SCREENS[screen]
    found = {}
    for kind, path in PAGES.items():
        context = browser.new_context(viewport={"width": width, "height": height}, locale="nb-NO")
        page = context.new_page()
        page.add_init_script(OBSERVE)
        page.route("**/assets/startpakke/*.js", late)
        page.goto(base_url + path)
        page.wait_for_function(SET_UP)
        page.wait_for_timeout(500)  # shifts are reported a frame or two after they happen
        shifts = page.evaluate("spShifts")
        found[kind] = (round(cumulative_layout_shift(shifts), 3), [s["moved"] for s in shifts])
        context.close()
    shifting = {kind: found[kind] for kind in found if found[kind][0] >= GOOD}
    assert not shifting, f"layout shift (CLS, what moved) at {width}×{height}: {shifting}"

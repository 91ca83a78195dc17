"""A learner in a learning-platform package, for the SCORM and cmi5 tests: the package's launch page
(lms.html) holds the course's pages in a frame."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

from tests.site.sitekit import open_section, solve_ordering


def unpack(package: Path, folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    return folder


def launch_frame(page: Any) -> Any:
    """The package's launch page: in the platform page's frame #package (SCORM), or the window itself
    (a cmi5 AU opened in a window of its own)."""
    if page.locator("#package").count():
        return page.locator("#package").element_handle().content_frame()
    return page.main_frame


def course_frame(page: Any) -> Any:
    """The course page the learner sees, in the launch page's frame, once its scripts have run."""
    launch = launch_frame(page)
    launch.locator("#sp-course").wait_for(state="attached")
    frame = launch.locator("#sp-course").element_handle().content_frame()
    frame.wait_for_function("() => window.Startpakke && window.Startpakke.progress && document.readyState === 'complete'")
    return frame


def key(frame: Any, root: str) -> str:
    """The page the frame shows, as a key of startpakkeCourse.pages."""
    assert frame.url.startswith(root), frame.url
    return frame.url[len(root):].removesuffix("index.html")


def solve(page: Any, frame: Any) -> int:
    """Do every exercise on the page as a learner does: the right choices, the order, a reflection's
    answers. Returns how many there were."""
    boxes = frame.locator(".sp-exercise")
    for index in range(boxes.count()):
        box = boxes.nth(index)
        if not box.is_visible():
            open_section(box)
        kind = box.get_attribute("data-sp-type")
        if kind == "reflection":
            areas = box.locator("textarea")
            for number in range(areas.count()):
                areas.nth(number).fill(f"Svar {number + 1}: biblioteket og idrettslaget")
            continue
        if kind == "ordering":
            solve_ordering(page, box)
        else:
            right = box.locator('input[data-sp-correct="true"]')
            for number in range(right.count()):
                right.nth(number).check()
        box.locator(".sp-check").click()
    return boxes.count()


def walk(page: Any, root: str, stop_at: str | None = None, exercises: bool = True) -> list[str]:
    """Follow «Neste» from the page shown to the last page, or to `stop_at`, doing the exercises on the
    way; returns the keys of the pages shown."""
    frame = course_frame(page)
    shown = [key(frame, root)]
    while shown[-1] != stop_at:
        if exercises:
            solve(page, frame)
        following = frame.locator("a.md-footer__link--next")
        if following.count() == 0:
            break
        with frame.expect_navigation():
            following.click()
        frame = course_frame(page)
        shown.append(key(frame, root))
    return shown


def progress(frame: Any) -> dict[str, Any]:
    return json.loads(frame.evaluate("() => JSON.stringify(Startpakke.progress.load())"))

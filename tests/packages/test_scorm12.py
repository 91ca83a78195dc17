"""The SCORM 1.2 package in Chromium, with scorm-again (npm) playing the learning platform's runtime:
launch, walk the course, do exercises, leave, relaunch with the data the platform kept."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from startpakke.loading import load_course
from startpakke.packages.scorm12 import SCHEMAS
from startpakke.project import Project
from tests.packages.learner import course_frame, key, progress, unpack, walk
from tests.site.sitekit import REPO, chromium, make_project, run, serve_folder

pytestmark = pytest.mark.browser

RUNTIME = REPO / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
HARNESS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A learning platform</title>
<script src="scorm12.js"></script>
<script>
  window.calls = [];
  window.API = new Scorm12API({ logLevel: 5 });
  if (window.keptCMI) { API.loadFromJSON(window.keptCMI, ""); API.cmi.core.entry = "resume"; }
  ["LMSInitialize", "LMSCommit", "LMSFinish"].forEach(function (name) {
    API.on(name, function () { calls.push([name]); });
  });
  API.on("LMSSetValue.cmi.*", function (element, value) { calls.push(["LMSSetValue", element, value]); });
</script></head>
<body><iframe id="package" src="package/lms.html" title="Course" style="width: 100%; height: 95vh"></iframe></body>
</html>
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as browser:
        yield browser


def platform(folder: Path, package: Path) -> Path:
    """A folder the platform serves: its page, scorm-again, and the package unpacked."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "harness.html").write_text(HARNESS, encoding="utf-8")
    shutil.copyfile(RUNTIME, folder / "scorm12.js")
    unpack(package, folder / "package")
    return folder


def package(out: Path, *args: str, cwd: Path = REPO) -> Path:
    code, output = run("package", "scorm12", "--out", str(out), *args, cwd=cwd)
    assert code == 0, output
    assert re.search(r"Wrote .*: \d+\.\d MB, \d+ pages, videos: ", " ".join(output.split())), output
    return out


class Session:
    """One launch of the package by the platform, with what it kept from the last one."""

    def __init__(self, browser: Any, url: str, kept: dict[str, Any] | None) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: None if request.url.startswith(url) or
                     request.url.startswith(("data:", "blob:", "about:")) else self.outside.append(request.url))
        if kept:
            self.page.add_init_script(f"window.keptCMI = {json.dumps(kept)};")
        self.page.goto(url + "harness.html")

    def leave(self) -> dict[str, Any]:
        """The platform closes the package's frame; returns what the platform keeps of the session
        (as Moodle does: location, status, score, suspend_data) and the calls it saw."""
        self.page.evaluate("() => { document.getElementById('package').src = 'about:blank'; }")
        self.page.wait_for_function("() => calls.some(call => call[0] === 'LMSFinish')")
        cmi = json.loads(self.page.evaluate("() => JSON.stringify(API.cmi)"))
        calls = self.page.evaluate("() => calls")
        self.context.close()
        core = cmi["core"]
        return {"kept": {"core": {"lesson_location": core["lesson_location"], "lesson_status": core["lesson_status"],
                                  "score": core["score"]}, "suspend_data": cmi["suspend_data"]},
                "calls": calls}


def setting(calls: list[list[str]], element: str) -> list[str]:
    return [call[2] for call in calls if call[0] == "LMSSetValue" and call[1] == element]


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_a_learner_leaves_half_way_comes_back_where_she_left_and_completes_the_course(
        browser, tmp_path, language) -> None:
    folder = platform(tmp_path / "lms", package(tmp_path / "kurs.zip", "--lang", language))
    course = json.loads((folder / "package/assets/startpakke/course.js").read_text()
                        .removeprefix("window.startpakkeCourse = ").rstrip().removesuffix(";"))
    first_module, second_module = course["modules"][0], course["modules"][1]
    exercises = [e for module in course["modules"] for e in module["exercises"]]
    with serve_folder(folder) as url:
        root = url + "package/"

        # First launch: the first module with its exercises, then a page of the second, and leave.
        first = Session(browser, url, None)
        stop = second_module["pages"][1]
        shown = walk(first.page, root, stop_at=stop)
        assert shown[0] == "" and shown[-1] == stop
        assert first.errors == [] and first.outside == []
        session = first.leave()
        calls, kept = session["calls"], session["kept"]
        assert [call[0] for call in calls][0] == "LMSInitialize" and calls[-1][0] == "LMSFinish"
        assert sum(call[0] == "LMSInitialize" for call in calls) == 1  # one session across page loads
        assert kept["core"]["lesson_status"] == "incomplete"
        assert kept["core"]["lesson_location"] == stop
        done = len(first_module["exercises"])
        assert done > 0
        assert kept["core"]["score"]["raw"] == str(round(100 * done / len(exercises)))
        assert 0 < len(kept["suspend_data"]) <= 4096
        assert setting(calls, "cmi.core.exit")[-1] == "suspend"
        assert re.fullmatch(r"\d{4}:\d\d:\d\d\.\d\d", setting(calls, "cmi.core.session_time")[-1])

        # Second launch with what the platform kept: she lands where she left, with her progress.
        second = Session(browser, url, kept)
        frame = course_frame(second.page)
        assert key(frame, root) == stop
        restored = progress(frame)
        assert set(restored["visited"]) == set(shown)
        assert {e for e, result in restored["exercises"].items() if result["done"]} == set(first_module["exercises"])
        # The menu marks what she has seen, as it does on the web.
        assert frame.locator(".md-sidebar--primary .md-nav__link.sp-done").count() > 0
        frame.goto(root + "index.html")
        frame = course_frame(second.page)
        # The home page says her progress is kept by the platform, not only in this browser.
        assert frame.locator('[data-sp-kept="platform"]').is_visible()
        assert not frame.locator('[data-sp-kept="browser"]').is_visible()
        rest = walk(second.page, root)
        assert rest[-1] == course["pages"][-1]
        assert second.errors == [] and second.outside == []
        session = second.leave()
        assert session["kept"]["core"]["lesson_status"] == "completed"
        assert session["kept"]["core"]["score"]["raw"] == "100"
        assert setting(session["calls"], "cmi.core.exit")[-1] == ""


def test_outside_a_learning_platform_the_package_keeps_progress_in_the_browser(browser, tmp_path) -> None:
    folder = unpack(package(tmp_path / "kurs.zip"), tmp_path / "site")
    with serve_folder(folder) as url:
        context = browser.new_context()
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url + "lms.html")
        frame = page.locator("#sp-course").element_handle().content_frame()
        frame.wait_for_function("() => window.Startpakke && Startpakke.progress && document.readyState === 'complete'")
        assert frame.url == url + "index.html"
        stored = frame.evaluate("() => Object.keys(localStorage)")
        assert any(name.startswith("startpakke:") for name in stored)
        assert frame.locator('[data-sp-kept="browser"]').is_visible()
        assert not frame.locator('[data-sp-kept="platform"]').is_visible()
        assert errors == []
        context.close()


def test_progress_of_a_150_method_course_with_everything_done_fits_suspend_data(browser, tmp_path) -> None:
    project = make_project(tmp_path / "big", methods=150, per_module=5).root
    folder = platform(tmp_path / "lms", package(tmp_path / "big.zip", cwd=project))
    with serve_folder(folder) as url:
        session = Session(browser, url, None)
        course_frame(session.page)
        launch = session.page.locator("#package").element_handle().content_frame()
        # Everything done, reflections written, recorded the way progress.js records it.
        launch.evaluate("""() => {
          const course = window.startpakkeCourse, data = { version: 1, visited: {}, exercises: {}, reflections: {} };
          course.pages.forEach(key => { data.visited[key] = true; });
          course.modules.forEach(module => module.exercises.forEach(id => {
            data.exercises[id] = { done: true, correct: true };
            data.reflections[id] = ["Et langt svar som blir i nettleseren. ".repeat(20)];
          }));
          window.startpakkeLMS.save(data);
        }""")
        counts = launch.evaluate("() => [startpakkeCourse.pages.length, [].concat(...startpakkeCourse.modules.map(m => m.exercises)).length]")
        kept = session.leave()["kept"]
    assert counts[0] > 150 and counts[1] > 0
    assert kept["core"]["lesson_status"] == "completed"
    assert len(kept["suspend_data"]) <= 4096, len(kept["suspend_data"])


def test_the_manifest_validates_against_the_scorm_12_schemas_and_lists_every_file(tmp_path) -> None:
    made = package(tmp_path / "kurs.zip")
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "adlcp_rootv1p2.xsd")))
    with zipfile.ZipFile(made) as archive:
        names = set(archive.namelist())
        manifest = etree.parse(io.BytesIO(archive.read("imsmanifest.xml")))
    schema.assertValid(manifest)
    namespaces = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2"}
    resource = manifest.find("cp:resources/cp:resource", namespaces)
    listed = {element.get("href") for element in resource.findall("cp:file", namespaces)}
    assert resource.get("href") == "lms.html" and "lms.html" in names
    assert listed == names - {"imsmanifest.xml"}
    title = manifest.findtext("cp:organizations/cp:organization/cp:title", namespaces=namespaces)
    assert title == load_course(Project(REPO)).course.info.title

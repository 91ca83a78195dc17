"""The cmi5 package in Chromium, launched the way the cmi5 specification has an LMS launch an AU, with
Ralph (a real LRS) keeping the statements: the statements must follow the cmi5 rules, and progress
must come back on the next launch."""

from __future__ import annotations

import json
import re
import uuid
import zipfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from startpakke.packages.cmi5 import COURSE_STRUCTURE
from tests.packages.learner import course_frame, key, progress, unpack, walk
from tests.packages.lms_server import SESSION_ID, ralph, serve_platform
from tests.site.sitekit import REPO, chromium, run

pytestmark = pytest.mark.browser

VERBS = "http://adlnet.gov/expapi/verbs/"
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
PROGRESS = "https://w3id.org/xapi/cmi5/result/extensions/progress"
NS = {"cs": COURSE_STRUCTURE}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def lrs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with ralph(tmp_path_factory.mktemp("ralph")) as address:
        yield address


def package(out: Path, *args: str) -> Path:
    code, output = run("package", "cmi5", "--out", str(out), *args, cwd=REPO)
    assert code == 0, output
    return out


def verb(statement: dict[str, Any]) -> str:
    return statement["verb"]["id"].removeprefix(VERBS)


def check_session(statements: list[dict[str, Any]], actor: dict[str, Any], activity: str, registration: str,
                  session: str) -> list[str]:
    """The cmi5 rules for one session's statements; returns their verbs in order."""
    ours = [s for s in statements if s["context"].get("extensions", {}).get(SESSION_ID) == session]
    verbs = [verb(s) for s in ours]
    assert verbs[:2] == ["launched", "initialized"], verbs
    assert verbs[-1] == "terminated" and verbs.count("terminated") == 1, verbs
    assert verbs.count("initialized") == 1
    for statement in ours:
        assert statement["actor"]["account"] == actor["account"]
        assert statement["object"]["id"] == activity
        assert statement["context"]["registration"] == registration
        assert {"id": activity} in statement["context"]["contextActivities"]["grouping"]  # the context template
        categories = [c["id"] for c in statement["context"]["contextActivities"].get("category", [])]
        name = verb(statement)
        if name in ("launched", "initialized", "completed", "passed", "failed", "terminated"):
            assert CMI5 in categories, name
        if name in ("completed", "passed", "failed"):
            assert MOVEON in categories and re.fullmatch(r"PT[\d.HMS]+", statement["result"]["duration"])
        if name == "completed":
            assert statement["result"]["completion"] is True
        if name == "progressed":
            assert 0 <= statement["result"]["extensions"][PROGRESS] < 100
        if name == "terminated":
            assert re.fullmatch(r"PT[\d.HMS]+", statement["result"]["duration"])
    steps = [s["result"]["extensions"][PROGRESS] for s in ours if verb(s) == "progressed"]
    assert steps == sorted(set(steps)) and len({step // 10 for step in steps}) == len(steps)  # a tenth at a time
    return verbs


def exit_course(page: Any, platform: Any) -> None:
    """«Avslutt kurset»: the AU ends the session and sends the learner back to the LMS."""
    button = page.locator("#sp-exit")
    assert button.is_visible() and button.inner_text() == {"nb": "Avslutt kurset", "nn": "Avslutt kurset"}[page.evaluate("document.documentElement.lang")]
    with page.expect_navigation(url=platform.url + "returned.html"):
        button.click()


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_two_launches_follow_the_cmi5_rules_and_the_second_resumes_the_first(browser, lrs, tmp_path,
                                                                            language) -> None:
    made = package(tmp_path / "kurs.zip", "--lang", language)
    with zipfile.ZipFile(made) as archive:
        structure = ET.fromstring(archive.read("cmi5.xml"))
    au = structure.find("cs:au", NS)
    activity = au.get("id")
    assert au.findtext("cs:url", namespaces=NS) == "lms.html"
    assert au.find("cs:title/cs:langstring", NS).get("lang") == language

    folder = tmp_path / "lms"
    unpack(made, folder / "package")
    actor = {"objectType": "Agent", "account": {"homePage": "https://laering.example.no", "name": str(uuid.uuid4())}}
    registration = str(uuid.uuid4())
    course = json.loads((folder / "package/assets/startpakke/course.js").read_text()
                        .removeprefix("window.startpakkeCourse = ").rstrip().removesuffix(";"))
    with serve_platform(folder, lrs) as platform:
        root = platform.url + "package/"
        outside: list[str] = []
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: None if request.url.startswith(platform.url) else outside.append(request.url))

        # First launch: the first module with its exercises, a page of the second, then «Avslutt».
        launch, first = platform.launch(actor, activity, registration)
        page.goto(launch)
        stop = course["modules"][1]["pages"][1]
        shown = walk(page, root, stop_at=stop)
        exit_course(page, platform)
        verbs = check_session(platform.statements(registration), actor, activity, registration, first)
        assert "completed" not in verbs and "progressed" in verbs

        # Second launch, a new session: she is back where she left, with her progress, and completes.
        launch, second = platform.launch(actor, activity, registration, mastery=0.8)
        page.goto(launch)
        frame = course_frame(page)
        assert key(frame, root) == stop
        restored = progress(frame)
        assert set(restored["visited"]) == set(shown)
        assert {e for e, r in restored["exercises"].items() if r["done"]} == set(course["modules"][0]["exercises"])
        assert walk(page, root)[-1] == course["pages"][-1]
        exit_course(page, platform)
        statements = platform.statements(registration)
        verbs = check_session(statements, actor, activity, registration, second)
        assert verbs.index("completed") < verbs.index("passed") < verbs.index("terminated")
        passed = next(s for s in statements if verb(s) == "passed" and s["context"]["extensions"][SESSION_ID] == second)
        assert passed["result"]["success"] is True and passed["result"]["score"]["scaled"] == 1
        assert errors == [] and outside == []
        context.close()


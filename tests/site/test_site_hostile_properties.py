"""Property: method cards made of hostile fragments either are refused by `check` with a clear line, or
build into pages whose head and body hold nothing the site did not put there itself.

The build runs with the loader's markup check switched off, so the site's own defences (text filters,
escaping in the head, the HTML allow-list) are what is tested; `check` is run on the same text too.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.site.course_factory import write_course
from tests.site.sitekit import REPO
from startpakke.project import Project
from startpakke.loading import load_course
from startpakke.site import publish
from startpakke.site.sanitize import ATTRIBUTES, TAGS

FRAGMENTS = [
    '"', "'", "<", ">", "&", "&#106;", "&colon;", "{: onclick=\"alert(1)\" }", '{: title="}" onmouseover="x" }',
    "{#id .klasse}", "{: .sp-exercise }", "[a](javascript:alert(1))", "[b](data:text/html,x)", "[c](file:///etc/passwd)",
    '<https://ok.no" onmouseover="alert(2)>', "<script>alert(3)</script>", "<img src=x onerror=alert(4)>",
    "![i](https://sporing.example/p.gif)", "]: javascript:x", "\n\n[r]: data:x\n", "\u202e", "\u2066", "\x07", "\x1b[31m",
    "\n- ", "\n# ", "\n\n", "`", "*", "_", "|", "\\", "http-equiv=\"refresh\" content=\"0;url=https://evil.example/",
    "</title><script>", "--></", "<!--", "\u2028", "æøå áčđŋšŧž", "x" * 300, "ord " * 80,
]
FIELDS = ["title", "summary", "purpose", "when_to_use", "preparation"]

text = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=20), min_size=1, max_size=8).map("".join)


def tags_and_attributes(soup: Any) -> set[tuple[str, str]]:
    return {(element.name, name) for element in soup.find_all(True) for name in element.attrs} | \
        {(element.name, "") for element in soup.find_all(True)}


def shape(html: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]], Any]:
    """The (element, attribute) pairs of the head and of the body around the article, and the article."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article").extract()
    return tags_and_attributes(soup.head), tags_and_attributes(soup.body), article


def write(root: Path, fields: dict[str, str]) -> Project:
    """A small course with `fields` on metode-1."""
    if root.exists():
        shutil.rmtree(root)
    write_course(root, methods=3, edit={"metode-1": fields})
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    return Project(root)


def method_page(site: Path) -> str:
    return (site / "metoder" / "metode-1" / "index.html").read_text("utf-8")


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[set, set]]:
    project = write(tmp_path_factory.mktemp("benign") / "kurs", {})
    yield shape(method_page(publish.build_site(project)))[:2]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=st.fixed_dictionaries({}, optional={name: text for name in FIELDS}))
def test_hostile_cards_are_refused_or_built_harmless(fields: dict[str, str], tmp_path: Path, baseline: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    project = write(tmp_path / "kurs", fields)
    for problem in load_course(project).report.errors:  # a clear line: file:line:col: field: error: …
        assert problem.file.startswith("course/") and problem.line >= 1 and problem.col >= 1
        assert problem.field and problem.message and "Traceback" not in str(problem)

    with monkeypatch.context() as switched_off:
        switched_off.setattr("startpakke.markup.markup_problem", lambda text, kind="prose": None)
        if load_course(project).report.errors:
            return  # refused for what the markup check does not cover (an empty title, a length)
        site = publish.build_site(project)
    head, body, article = shape(method_page(site))
    assert head <= baseline[0], head - baseline[0]
    assert body <= baseline[1], body - baseline[1]
    for element in article.find_all(True):
        assert element.name in TAGS | {"article", "a"}, element.name
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(element.name, set())
        assert all(name in allowed or name.startswith(("data-", "aria-")) for name in element.attrs), element
        for name in ("href", "src"):
            assert not element.get(name, "").lower().lstrip().startswith(("javascript", "data", "file")), element

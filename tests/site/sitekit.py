"""Shared helpers of the site tests: projects to build, a static server, Chromium.

"""

from __future__ import annotations

import atexit
import functools
import gzip
import http.server
import io
import json
import os
import re
import subprocess
import sys
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml

from typer.testing import CliRunner

from tests.site.course_factory import write_course
from startpakke.cli import app
from startpakke.project import Project
from startpakke.site import publish

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = {"home": "", "method": "metoder/interessentkart/",
                    "exercises": "moduler/okt-1-forsta-utfordringen/oppgaver/"}
"""The pages Lighthouse measures: the home page, a method page with its video, an exercise page."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def make_project(root: Path, **course: Any) -> Project:
    """A project folder like the repository's: a generated course/, mkdocs.yml and docs/."""
    write_course(root, **course)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    return Project(root)


def copy_example(root: Path) -> Path:
    """A copy of the example course's project (course, media, docs, mkdocs.yml) under `root`."""
    for part in ("course", "media", "docs"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


@functools.cache
def example_site() -> Path:
    """The repository's example course, built once per test run into a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="startpakke-site-"))
    atexit.register(shutil.rmtree, folder, True)
    return publish.build_site(Project(REPO), folder / "site")


def expected_titles(project_root: Path) -> list[str]:
    """Every page title «Neste» should show, read straight from the YAML (not through our code)."""
    def load(path: Path) -> dict[str, Any]:
        return yaml.safe_load(path.read_text(encoding="utf-8"))

    course = load(project_root / "course" / "course.yml")
    site = course["title"]
    titles = [site]
    for slug in course["modules"]:
        module = load(project_root / "course" / "modules" / f"{slug}.yml")
        titles.append(f"{module['title']} - {site}")
        for method in module.get("methods", []):
            titles.append(f"{load(project_root / 'course' / 'methods' / f'{method}.yml')['title']} - {site}")
        if has_exercises(module):
            titles.append(f"Oppgaver til «{module['title']}» - {site}")
    titles.append(f"Avslutning - {site}")
    return titles


def expected_paths(project_root: Path) -> list[str]:
    """The site paths of the learner's flow, from course.yml and the module files."""
    course = yaml.safe_load((project_root / "course" / "course.yml").read_text(encoding="utf-8"))
    paths = [""]
    for slug in course["modules"]:
        paths.append(f"moduler/{slug}/")
        module = yaml.safe_load((project_root / "course" / "modules" / f"{slug}.yml").read_text("utf-8"))
        paths += [f"metoder/{method}/" for method in module.get("methods", [])]
        if has_exercises(module):
            paths.append(f"moduler/{slug}/oppgaver/")
    return paths + ["avslutning/"]


def has_exercises(module: dict[str, Any]) -> bool:
    """Exercises come from a module's methods and action, and from its own `exercises:`."""
    return bool(module.get("methods") or module.get("action") or module.get("exercises"))


def run(*args: str, cwd: Path) -> tuple[int, str]:
    """`startpakke ARGS` in the folder `cwd`: the exit code and the output on one line."""
    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args))
    finally:
        os.chdir(here)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, " ".join(result.output.split())  # rich wraps long lines


def mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def source_pages(site: Path) -> list[Path]:
    """The pages of the source language: not those of a translation's tree (a folder with its own sitemap)."""
    return [page for page in html_pages(site)
            if not (site / page.relative_to(site).parts[0] / "sitemap.xml").is_file()]


def page_path(site: Path, html: Path) -> str:
    """`site/metoder/x/index.html` → `metoder/x/`."""
    folder = html.parent.relative_to(site).as_posix()
    return "" if folder == "." else folder + "/"


def open_section(box: Any) -> None:
    """Unfold the section of the exercise page an exercise is in, as a learner does: by its summary."""
    box.locator("xpath=ancestor::details[contains(@class, 'sp-group')]/summary").click()


def solve_ordering(page: Any, box: Any) -> None:
    """Move each item up to its place with the focused «up» button and Enter, as a keyboard user would."""
    items = box.locator(".sp-order li")
    for target in range(items.count()):
        while True:
            positions = [int(items.nth(i).get_attribute("data-sp-position")) for i in range(items.count())]
            at = positions.index(target + 1)
            if at == target:
                break
            items.nth(at).locator('[data-sp-move="up"]').focus()
            page.keyboard.press("Enter")


@contextmanager
def serve_folder(folder: Path, compressed: bool = False) -> Iterator[str]:
    """Serve a built site on a free local port; yields its base URL. `compressed`: text gzipped for a
    browser that accepts it, as web hosts serve it."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args: Any) -> None:
            pass

        def send_head(self) -> Any:
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?")[0].endswith("/"):
                path = path / "index.html"
            kind = self.guess_type(str(path))
            if not (compressed and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")
                    and re.match(r"text/|application/(javascript|json|xml|manifest)|image/svg", kind)):
                return super().send_head()
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            for name, value in (("Content-Type", kind), ("Content-Encoding", "gzip"), ("Content-Length", str(len(body)))):
                self.send_header(name, value)
            self.end_headers()
            return io.BytesIO(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def lighthouse(url: str, out: Path) -> dict[str, Any]:
    """Lighthouse's report (mobile, performance only) on the page at `url`, run on Debian's Chromium."""
    subprocess.run([str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", f"--output-path={out}",
                    "--quiet", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=300)
    return json.loads(out.read_text(encoding="utf-8"))


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()

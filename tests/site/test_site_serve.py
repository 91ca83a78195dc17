"""`mkdocs serve` rebuilds on course edits, and a broken edit keeps the last good site up."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.site.sitekit import make_project

WAIT = 120.0
"""Seconds to wait for a rebuild before giving up: a deadline, not a speed requirement."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except OSError as error:
        return getattr(error, "code", 0), ""


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.2)


def test_serve_rebuilds_on_edits_and_keeps_the_last_good_site_while_content_is_broken(tmp_path: Path) -> None:
    make_project(tmp_path, methods=3)
    card = tmp_path / "course" / "methods" / "metode-1.yml"
    good = card.read_text(encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/metoder/metode-1/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log: list[str] = []
    reader = threading.Thread(target=lambda: log.extend(iter(server.stderr.readline, "")), daemon=True)
    reader.start()
    try:
        wait_for(lambda: "Metode 1" in fetch(url)[1], "the first build")

        card.write_text(good.replace("phase: forsta", "fase: forsta"), encoding="utf-8")
        wait_for(lambda: any("The course has" in line for line in log), "the error report")
        assert any("course/methods/metode-1.yml:" in line and "fase" in line for line in log)
        status, page = fetch(url)
        assert status == 200 and "Metode 1" in page
        # The editor sees the error on the page too, as `check` words it.
        wait_for(lambda: "sp-content-errors" in fetch(url)[1], "the error banner")
        banner = fetch(url)[1].split('class="sp-content-errors"')[1].split("</div>")[0]
        assert "course/methods/metode-1.yml:" in banner and "fase" in banner

        card.write_text(good.replace("title: Metode 1", "title: Første metode"), encoding="utf-8")
        wait_for(lambda: "Første metode" in fetch(url)[1], "the rebuild after the fix")
        assert "sp-content-errors" not in fetch(url)[1]
    finally:
        server.terminate()
        server.wait(timeout=30)

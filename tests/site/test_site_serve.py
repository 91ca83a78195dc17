"""`mkdocs serve` rebuilds on course edits, and a broken edit keeps the last good site up."""

from __future__ import annotations

import os
import re
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


def test_startpakke_serve_shows_a_saved_card_and_then_its_reprinted_pdf(tmp_path: Path) -> None:
    make_project(tmp_path, methods=3)
    card = tmp_path / "course" / "methods" / "metode-1.yml"
    port = free_port()
    site = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "startpakke", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: "Metode 1" in fetch(site + "metoder/metode-1/")[1], "the first build")
        page = fetch(site + "metoder/metode-1/")[1]
        pdf = site + re.search(r'href="\.\./\.\./([^"]*metode-1\.pdf)"', page).group(1)
        printed = fetch_bytes(pdf)
        assert printed.startswith(b"%PDF")
        epoch, request = re.search(r"livereload\((\d+), (\d+)\)", page).groups()

        card.write_text(card.read_text(encoding="utf-8").replace("title: Metode 1", "title: Første metode"),
                        encoding="utf-8")
        # As the browser waits: the reload comes once the pages are rebuilt, before the printing.
        fetch(f"{site}livereload/{epoch}/{request}")
        assert "Første metode" in fetch(site + "metoder/metode-1/")[1]
        assert fetch_bytes(pdf) == printed

        wait_for(lambda: fetch_bytes(pdf) != printed, "the reprinted card")
        assert "Første metode" in pdf_text(fetch_bytes(pdf))

        # Stopped while printing, serve leaves no printing behind.
        card.write_text(card.read_text(encoding="utf-8").replace("title: Første metode", "title: Metode en"),
                        encoding="utf-8")
        wait_for(lambda: "Metode en" in fetch(site + "metoder/metode-1/")[1], "the rebuild")
        wait_for(lambda: printing_processes(tmp_path) > 0, "the printing run")
    finally:
        server.terminate()  # as `kill` does; Ctrl+C the same
        server.wait(timeout=60)
    assert printing_processes(tmp_path) == 0


def printing_processes(project: Path) -> int:
    """Processes of a printing run: they work in the project's folder."""
    count = 0
    for process in Path("/proc").iterdir():
        try:
            if process.name.isdigit() and b"spawn_main" in (process / "cmdline").read_bytes() \
                    and (process / "cwd").resolve() == project.resolve():
                count += 1
        except OSError:
            continue
    return count


def fetch_bytes(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()

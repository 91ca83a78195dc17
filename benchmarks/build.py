"""What an editor waits for: `check` and `build` of generated courses, against the MkDocs step alone.

Usage: python benchmarks/build.py [--sizes 150,600] [--quick]

For each size, in one run and on the same generated course (no videos): `check` on a fresh clone (no fit
cache) and again; `build` fresh, again with nothing changed, and after one card's title changed; and the
baseline, `mkdocs build` of the same course (the site step alone, which every build needs); and under
`startpakke serve`, the seconds from saving a card's new title to the served page showing it, waited
for as the browser waits (the median of three saves). Prints seconds, the ratio to the MkDocs step,
and the peak resident memory of the largest process and of all of them at once.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.site.course_factory import write_course  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def project(root: Path, methods: int, per_module: int) -> Path:
    write_course(root, methods=methods, per_module=per_module)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    return root


def run(root: Path, *command: str) -> tuple[float, float, float]:
    """Seconds of one command, the peak resident MB of the largest of its processes, and of all of
    them at once (sampled ten times a second)."""
    script = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
              "code = subprocess.run(sys.argv[1:]).returncode; took = time.perf_counter() - start; "
              "print(took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, file=sys.stderr); "
              "sys.exit(code)")
    process = subprocess.Popen([sys.executable, "-c", script, *command], cwd=root, env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    together = 0.0
    while process.poll() is None:
        together = max(together, resident_mb(process.pid))
        time.sleep(0.1)
    errors = process.stderr.read() if process.stderr else ""
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed in {root}:\n{errors}")
    took, peak = errors.strip().splitlines()[-1].split()
    return float(took), float(peak), together


def resident_mb(pid: int) -> float:
    """Resident MB of a process and all its descendants, from /proc."""
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:  # ended meanwhile
            continue
        found = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(found.group(1)) / 1024 if found else 0
        pending += [int(child) for child in children]
    return total


def startpakke(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "startpakke", *arguments]


def change_one_title(root: Path) -> None:
    card = root / "course/methods/metode-1.yml"
    card.write_text(re.sub(r"^title: .*$", "title: Metode 1, rettet", card.read_text(encoding="utf-8"),
                           count=1, flags=re.M), encoding="utf-8")


def fetch(url: str, timeout: float = 10) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def serve_shows_a_save(root: Path, saves: int = 3) -> tuple[float, float, float]:
    """Median seconds from a card saved to `startpakke serve`'s page showing it, the server's peak MB,
    and its resident MB with its printing run's at the end."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    page = f"http://127.0.0.1:{port}/metoder/metode-1/"
    server = subprocess.Popen(startpakke("serve", "--dev-addr", f"127.0.0.1:{port}"), cwd=root, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    card = root / "course/methods/metode-1.yml"
    shown = []
    try:
        while "livereload(" not in fetch(page):
            assert server.poll() is None, "serve stopped"
            time.sleep(0.5)
        for number in range(saves):
            time.sleep(3)  # the page open, nothing else happening
            epoch, request = re.search(r"livereload\((\d+), (\d+)\)", fetch(page)).groups()
            title = f"Metode 1, lagret {number}"
            text = re.sub(r"^title: .*$", f"title: {title}", card.read_text(encoding="utf-8"), count=1, flags=re.M)
            start = time.perf_counter()
            card.write_text(text, encoding="utf-8")
            fetch(f"http://127.0.0.1:{port}/livereload/{epoch}/{request}", timeout=300)  # as the browser waits
            assert title in fetch(page), "the page did not show the save"
            shown.append(time.perf_counter() - start)
        status = Path(f"/proc/{server.pid}/status").read_text()
        peak = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
        together = resident_mb(server.pid)
    finally:
        server.terminate()  # serve stops its printing run too
        server.wait(timeout=60)
    return statistics.median(shown), peak, together


def measure(root: Path) -> dict[str, tuple[float, float, float]]:
    figures = {}
    figures["check, fresh clone"] = run(root, *startpakke("check"))
    figures["check, again"] = run(root, *startpakke("check"))
    shutil.rmtree(root / "build", ignore_errors=True)
    figures["build, fresh"] = run(root, *startpakke("build"))
    figures["build, nothing changed"] = run(root, *startpakke("build"))
    change_one_title(root)
    figures["build, one title changed"] = run(root, *startpakke("build"))
    figures["the MkDocs step alone"] = run(root, sys.executable, "-m", "mkdocs", "build", "-q")
    figures["serve, a saved card shown"] = serve_shows_a_save(root)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="150,600", help="Method counts, comma-separated.")
    parser.add_argument("--per-module", type=int, default=3, help="Methods taught in each module.")
    parser.add_argument("--quick", action="store_true", help="One tiny course: checks that it runs.")
    args = parser.parse_args()
    sizes = [6] if args.quick else [int(size) for size in args.sizes.split(",")]
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f} at start")
    print(f"{'methods':>7} | {'work':<26} | {'s':>7} | {'× MkDocs':>8} | {'peak MB':>7} | {'all MB':>6}")
    with tempfile.TemporaryDirectory(prefix="build-bench-") as tmp:
        for size in sizes:
            root = project(Path(tmp) / f"course-{size}", size, args.per_module)
            figures = measure(root)
            mkdocs = figures["the MkDocs step alone"][0]
            for work, (seconds, peak, together) in figures.items():
                print(f"{size:>7} | {work:<26} | {seconds:>7.2f} | {seconds / mkdocs:>8.2f} | {peak:>7.0f} | "
                      f"{together:>6.0f}", flush=True)
            shutil.rmtree(root)
    print(f"load {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()

"""Build the course site for generated courses of growing size; compare with plain Material.

Usage: python benchmarks/site_build.py [--sizes 14,150,1500] [--per-module 3]

For each size: our build (`mkdocs build` with the startpakke plugin) and, in the same run, the baseline:
plain Material building the same pages as hand-written Markdown with a flat nav of every page; and
Zensical building `startpakke export-markdown`'s output as it is. Prints wall times, mean page HTML
size, and the ratios to the baseline.

Two times each: the command (`mkdocs build`, from Python's start: ours loads the toolkit and the
course in it), and the site step in a process that has its modules loaded already: `startpakke
build`'s (the course loaded and checked before it, as `build` does for its other steps; the step
renders the pages and builds them), against plain Material's MkDocs build in a process with MkDocs
and Material imported. Each in-process figure is the median of three fresh processes (one, above
150 methods: plain Material takes minutes there).
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.site.course_factory import write_course  # noqa: E402
from startpakke.project import Project  # noqa: E402
from startpakke.loading import load_course  # noqa: E402
from startpakke.site.export import export_markdown  # noqa: E402
from startpakke.site.publication import publish as publish_course  # noqa: E402
from startpakke.site.render import render_course  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def project(root: Path, methods: int, per_module: int) -> Project:
    write_course(root, methods=methods, per_module=per_module)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    return Project(root)


def baseline(root: Path, source: Project) -> Path:
    """The same Markdown pages for plain Material, with every page in one flat nav."""
    loaded = load_course(source)
    assert loaded.course, "the generated course must be valid"
    site = render_course(loaded.course)
    docs = root / "docs"
    for path, markdown in site.pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(markdown, encoding="utf-8")
    config = yaml.safe_load(re.sub(r"!!python\S*", "", (REPO / "mkdocs.yml").read_text(encoding="utf-8")))
    config["plugins"] = ["search"]
    config["theme"] = {"name": "material", "language": "nb", "features": ["navigation.footer"]}
    config["nav"] = list(site.pages)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root


def zensical_export(root: Path, source: Project) -> Path:
    """export-markdown's output, for Zensical to build as it is."""
    loaded = load_course(source)
    assert loaded.course
    export_markdown(publish_course(loaded.course, source), source.site_config, root)
    return root


def build(root: Path, engine: str = "mkdocs") -> float:
    quiet = ["-q"] if engine == "mkdocs" else []
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", engine, "build", *quiet], cwd=root, env=ENV,
                            capture_output=True, text=True)
    took = time.perf_counter() - start
    if result.returncode:
        if engine == "mkdocs":
            sys.exit(f"{engine} build failed in {root}:\n{result.stdout}{result.stderr}")
        # Another engine's limit is a finding to report, not a reason to lose the run's other figures.
        reason = (result.stderr.strip().splitlines() or ["(no message)"])[-1]
        print(f"{engine} could not build {root.name}: {reason}", flush=True)
        return float("nan")
    return took


SITE_STEP = """
import logging, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
import material.plugins.search.plugin
root, ours = Path(sys.argv[1]), sys.argv[2] == "ours"
if ours:  # what `startpakke build` has done before its site step
    from startpakke.loading import load_course
    from startpakke.project import Project
    from startpakke.site.languages import publish_course
    from startpakke.site.publish import build_site
    loaded = load_course(Project.find(root / "course"))
    start = time.perf_counter()
    build_site(loaded.project, publication=publish_course(loaded.course, loaded.project))
else:
    start = time.perf_counter()
    config = load_config(str(root / "mkdocs.yml"))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
print(time.perf_counter() - start)
"""


def site_step(root: Path, ours: bool, runs: int = 3) -> float:
    """Median seconds of the site step in a process that imported its modules already."""
    times = []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", SITE_STEP, str(root), "ours" if ours else "base"],
                                cwd=root, env=ENV, capture_output=True, text=True, check=True)
        times.append(float(result.stdout.split()[-1]))
    return statistics.median(times)


def mean_page_kb(site: Path) -> tuple[int, float]:
    pages = [p for p in site.rglob("index.html")]
    return len(pages), sum(p.stat().st_size for p in pages) / len(pages) / 1024 if pages else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="14,150,1500", help="Method counts, comma-separated.")
    parser.add_argument("--per-module", type=int, default=3, help="Methods taught in each module.")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    # Our modules compiled to bytecode first, as pip compiles Material's and Python does at a first run:
    # where PYTHONDONTWRITEBYTECODE is set, every `mkdocs build` would otherwise compile ours anew.
    compileall.compile_dir(REPO / "tools" / "startpakke", quiet=1)

    print(f"{'':>13} | {'the command':^21} | {'the site step':^21} | {'page size':^21} | {'Zensical':^24}")
    print(f"{'methods':>7} {'pages':>5} | {'ours s':>7} {'base s':>7} {'ratio':>5} | "
          f"{'ours s':>7} {'base s':>7} {'ratio':>5} | "
          f"{'ours KB':>7} {'base KB':>7} {'ratio':>5} | {'s':>10} {'ratio':>5} {'KB':>7}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="site-bench-") as tmp:
        for size in sizes:
            ours = project(Path(tmp) / f"ours-{size}", size, args.per_module)
            base = baseline(Path(tmp) / f"base-{size}", ours)
            export = zensical_export(Path(tmp) / f"zensical-{size}", ours)
            our_time, base_time, zensical_time = build(ours.root), build(base), build(export, "zensical")
            runs = 3 if size <= 150 else 1
            our_step, base_step = site_step(ours.root, True, runs), site_step(base, False, runs)
            pages, our_kb = mean_page_kb(ours.root / "site")
            _, base_kb = mean_page_kb(base / "site")
            _, zensical_kb = mean_page_kb(export / "site")
            rows.append((size, our_kb))
            print(f"{size:>7} {pages:>5} | {our_time:>7.2f} {base_time:>7.2f} {our_time / base_time:>5.2f} | "
                  f"{our_step:>7.2f} {base_step:>7.2f} {our_step / base_step:>5.2f} | "
                  f"{our_kb:>7.1f} {base_kb:>7.1f} {our_kb / base_kb:>5.2f} | "
                  f"{zensical_time:>10.2f} {zensical_time / base_time:>5.2f} {zensical_kb:>7.1f}", flush=True)
            for folder in (ours.root, base, export):
                shutil.rmtree(folder)
    if len(rows) > 1:
        growth = rows[-1][1] / rows[0][1]
        print(f"our mean page size, {rows[-1][0]} vs {rows[0][0]} methods: {growth:.2f}× "
              "(flat is 1.0; the library and home pages grow with the course by design)")


if __name__ == "__main__":
    main()

"""Build the course site for generated courses of growing size; compare with plain Material.

Usage: python benchmarks/site_build.py [--sizes 14,150,1500] [--per-module 3]

For each size: our build (`mkdocs build` with the startpakke plugin) and, in the same run, the baseline:
plain Material building the same pages as hand-written Markdown (`startpakke export-markdown`) with a
flat nav of every page. Prints wall times, mean page HTML size, and the ratios ours / baseline.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
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
from startpakke.site import publish  # noqa: E402
from startpakke.site.render import render_course  # noqa: E402


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


def build(root: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env, check=True)
    return time.perf_counter() - start


def mean_page_kb(site: Path) -> tuple[int, float]:
    pages = [p for p in site.rglob("index.html")]
    return len(pages), sum(p.stat().st_size for p in pages) / len(pages) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="14,150,1500", help="Method counts, comma-separated.")
    parser.add_argument("--per-module", type=int, default=3, help="Methods taught in each module.")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    print(f"{'methods':>7} {'pages':>5} | {'ours s':>7} {'base s':>7} {'ratio':>5} | "
          f"{'ours KB':>7} {'base KB':>7} {'ratio':>5}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="site-bench-") as tmp:
        for size in sizes:
            ours = project(Path(tmp) / f"ours-{size}", size, args.per_module)
            base = baseline(Path(tmp) / f"base-{size}", ours)
            our_time, base_time = build(ours.root), build(base)
            pages, our_kb = mean_page_kb(ours.root / "site")
            _, base_kb = mean_page_kb(base / "site")
            rows.append((size, our_kb))
            print(f"{size:>7} {pages:>5} | {our_time:>7.1f} {base_time:>7.1f} {our_time / base_time:>5.2f} | "
                  f"{our_kb:>7.1f} {base_kb:>7.1f} {our_kb / base_kb:>5.2f}", flush=True)
            shutil.rmtree(ours.root)
            shutil.rmtree(base)
    if len(rows) > 1:
        growth = rows[-1][1] / rows[0][1]
        print(f"our mean page size, {rows[-1][0]} vs {rows[0][0]} methods: {growth:.2f}× "
              "(flat is 1.0; the library and home pages grow with the course by design)")


if __name__ == "__main__":
    main()

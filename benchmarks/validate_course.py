"""Validate a generated course of N method cards; compare with plain yaml.safe_load of the same files.

Usage: python benchmarks/validate_course.py [--methods 1000] [--repeat 3]
Prints wall times (best of --repeat) and the ratio ours / baseline, both measured in this run.
Ours parses with libyaml's CSafeLoader where PyYAML has it, so the C parser is a second baseline.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import yaml

from startpakke.project import Project
from startpakke.loading import load_course

MINI = Path(__file__).parent.parent / "tests" / "fixtures" / "mini"


def generate(root: Path, count: int) -> list[Path]:
    shutil.copytree(MINI, root)
    card = (root / "course/methods/kafe.yml").read_text(encoding="utf-8")
    slugs = [f"metode-{i:04d}" for i in range(count)]
    for slug in slugs:
        text = card.replace("title: Samskapingskafé", f"title: Metode {slug}")
        (root / "course/methods" / f"{slug}.yml").write_text(text, encoding="utf-8")
    # Modules of 40 methods each (the most a module may teach), after the fixture's own.
    module = (root / "course/modules/intro.yml").read_text(encoding="utf-8")
    names = []
    for number, start in enumerate(range(0, count, 40), start=1):
        names.append(f"del-{number:03d}")
        taught = "".join(f"  - {slug}\n" for slug in slugs[start:start + 40])
        (root / "course/modules" / f"{names[-1]}.yml").write_text(
            module.replace("  - kafe\n", taught), encoding="utf-8")
    course = root / "course/course.yml"
    course.write_text(course.read_text() + "".join(f"  - {name}\n" for name in names))
    return sorted(root.glob("course/**/*.yml"))


def best(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--methods", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "course"
        files = generate(root, args.methods)

        def ours() -> None:
            loaded = load_course(Project(root))
            assert loaded.course and len(loaded.course.methods) == args.methods + 3, loaded.report.sorted()[:3]

        def baseline() -> None:
            for path in files:
                yaml.safe_load(path.read_text(encoding="utf-8"))

        def c_baseline() -> None:
            for path in files:
                yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        base = best(args.repeat, baseline)
        c_base = best(args.repeat, c_baseline)
        mine = best(args.repeat, ours)
    print(f"files: {len(files)} ({args.methods} generated method cards)")
    print(f"baseline yaml.safe_load:         {base:.3f} s")
    print(f"baseline yaml CSafeLoader:       {c_base:.3f} s")
    print(f"startpakke load + validate:      {mine:.3f} s")
    print(f"ratio vs yaml.safe_load:         {mine / base:.2f}x")
    print(f"ratio vs CSafeLoader (parse only): {mine / c_base:.2f}x")


if __name__ == "__main__":
    main()

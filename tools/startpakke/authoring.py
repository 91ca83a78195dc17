"""New method cards and modules from commented templates; an existing file is never overwritten."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from .files import write_atomic
from .project import Project
from .slugs import slugify

templates = Environment(
    loader=PackageLoader("startpakke", "templates"),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    autoescape=False,  # YAML, not HTML; values are quoted through json.dumps
)


class AlreadyExists(Exception):
    pass


def new_file(project: Project, kind: str, title: str, phases: list[str], phase: str = "") -> Path:
    slug = slugify(title)
    if not slug:
        raise ValueError(f"the title {title!r} has no letters or digits to make a file name from")
    path = project.sources_of(f"{kind}s") / f"{slug}.yml"
    if path.exists():
        raise AlreadyExists(path)
    text = templates.get_template(f"{kind}.yml.j2").render(
        title=title,
        title_yaml=json.dumps(title, ensure_ascii=False),
        slug=slug,
        phases=", ".join(phases) or "(ingen faser i course.yml ennå)",
        phase=phase,
    )
    try:  # exclusive: a file made meanwhile by someone else is not replaced either
        write_atomic(path, text, exclusive=True)
    except FileExistsError:
        raise AlreadyExists(path) from None
    return path

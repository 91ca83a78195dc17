"""The editor's page, /admin/: Decap CMS (vendored from npm, vendor/decap-cms) with a configuration made
from the course model (forms.py) for a backend: the local one of `startpakke serve`, or a hosted git
service set up with `startpakke editor setup`."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import yaml

from ..files import link_or_copy, write_atomic
from ..model import Course
from .forms import collections

VENDOR = Path(__file__).parent / "vendor" / "decap-cms"
ASSETS = Path(__file__).parent / "assets"
"""keep-form.js (no live reload of the forms) and decap-nb.js (the words Decap's nb_no catalog lacks)."""
FOLDER = "admin"


def decap_config(course: Course, backend: dict[str, Any], site_url: str = "") -> dict[str, Any]:
    config: dict[str, Any] = {
        "backend": backend,
        "locale": "nb_no",
        # Videos and captions are linked from the card by their path in the project (media/videos/…).
        "media_folder": "media/videos",
        "public_folder": "media/videos",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(course.info.phases),
    }
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


def admin_page(title: str) -> str:
    return (
        '<!doctype html>\n<html lang="nb">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>Rediger kurset: {html.escape(title)}</title>\n"
        '</head>\n<body>\n<script src="keep-form.js"></script>\n<script src="decap-cms.js"></script>\n'
        '<script src="decap-nb.js"></script>\n</body>\n</html>\n'
    )


def write_admin(site_dir: Path, course: Course, backend: dict[str, Any], site_url: str = "") -> Path:
    """/admin/ in the built site: the page, its configuration and Decap's files."""
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for source in [*VENDOR.iterdir(), *ASSETS.iterdir()]:
        target = folder / source.name
        if not (target.is_file() and target.stat().st_size == source.stat().st_size):
            link_or_copy(source, target)  # 6 MB on every rebuild of `serve` would be copied for nothing
    write_atomic(folder / "index.html", admin_page(course.info.title))
    # libyaml's emitter when there is one: `serve` writes this on every rebuild.
    text = yaml.dump(decap_config(course, backend, site_url), Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                     allow_unicode=True, sort_keys=False)
    write_atomic(folder / "config.yml", text)
    return folder

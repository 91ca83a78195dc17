"""`startpakke export-markdown`: the publication as a plain MkDocs project another engine can build.

The folder gets `docs/` (every page as `<folder>/index.md`, our scripts, styles and media) and a
`mkdocs.yml` without our plugin: the theme settings of the course's own mkdocs.yml plus what the plugin
would set (title, address, language, nav, scripts, styles, Markdown). Plain MkDocs with Material and
Zensical (which reads mkdocs.yml) both build it as it is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..files import write_atomic
from ..markup import MARKDOWN_EXTENSIONS
from .publication import Publication

DOCS = "docs"
CONFIG = "mkdocs.yml"


def export_markdown(publication: Publication, site_config: Path, folder: Path) -> list[Path]:
    """Write the pages, the files they use and a mkdocs.yml into `folder`; return the pages written
    and the config. `site_config` is the course's mkdocs.yml, whose theme settings the export keeps."""
    docs = folder / DOCS
    written = []
    for page, markdown in publication.site.pages.items():
        written.append(docs / page)
        write_atomic(docs / page, markdown)
    for path, content in publication.generated.items():
        write_atomic(docs / path, content)
    for path, source in publication.files.items():
        write_atomic(docs / path, source.read_bytes())
    settings = _read(site_config)
    for path, source in _theme_files(settings, site_config.parent).items():
        write_atomic(docs / path, source.read_bytes())
    config = engine_config(publication, settings)
    write_atomic(folder / CONFIG, yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return written + [folder / CONFIG]


def engine_config(publication: Publication, settings: dict[str, Any]) -> dict[str, Any]:
    """The course's mkdocs.yml settings without our plugin, with everything the plugin would set."""
    engine = publication.engine_settings()
    config = {**settings, **engine, "docs_dir": DOCS, "site_dir": "site",
              "extra": {**settings.get("extra", {}), **engine["extra"]}}
    # Zensical's classic variant is Material's look, which our styles are written for.
    config["theme"] = {**config.get("theme", {}), "language": publication.language, "variant": "classic"}
    config["plugins"] = [plugin for plugin in config.get("plugins", []) if _name(plugin) != "startpakke"]
    extensions = config.setdefault("markdown_extensions", [])
    for extension in MARKDOWN_EXTENSIONS:
        if extension not in map(_name, extensions):
            extensions.append(extension)
    return {key: value for key, value in config.items() if value is not None}


def _read(site_config: Path) -> dict[str, Any]:
    # Python tags (`!!python/name:`) name code of the course's own; an export is plain settings.
    text = re.sub(r"!!python/\S+", "", site_config.read_text(encoding="utf-8"))
    return yaml.safe_load(text) or {}


def _theme_files(settings: dict[str, Any], root: Path) -> dict[str, Path]:
    """The logo and favicon the theme settings name, from the course's docs folder."""
    docs = root / settings.get("docs_dir", "docs")
    theme = settings.get("theme", {})
    named = {theme.get(key) for key in ("logo", "favicon")} - {None}
    return {path: docs / path for path in named if (docs / path).is_file()}


def _name(entry: Any) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)

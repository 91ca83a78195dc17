"""The site's own stylesheet and script, published under assets/startpakke/."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..markup import MARKDOWN_EXTENSIONS
from .render import Site

FOLDER = Path(__file__).parent / "assets"
PREFIX = "assets/startpakke/"
SCRIPTS = [PREFIX + name for name in
           ("course.js", "startpakke.js", "progress.js", "exercises.js", "library.js", "player.js")]
"""The order the scripts load in: the course's data, the bootstrap (startpakke.js), then the scripts
that use them. player.js is published by the video step (videos.py) when the course has videos;
a published script not listed here loads after these."""


def files() -> dict[str, Path]:
    return {PREFIX + path.name: path for path in sorted(FOLDER.iterdir()) if path.is_file()}


def generated(site: Site) -> dict[str, str]:
    """The course's structure for progress.js, as a script: it loads from file:// too, where a
    fetched JSON file would not."""
    # No `<` may close the script or open a comment; U+2028/2029 end a line in older JavaScript.
    data = json.dumps(site.learner_data, ensure_ascii=False)
    for character, escape in (("<", "\\u003c"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        data = data.replace(character, escape)
    return {PREFIX + "course.js": f"window.startpakkeCourse = {data};\n"}


def configure(config: MkDocsConfig, published: Mapping[str, object]) -> None:
    """Link every stylesheet and script among the published files, scripts in the order of `SCRIPTS`;
    turn on the Markdown extensions."""
    for path in sorted(published, key=_load_order):
        target = config.extra_css if path.endswith(".css") else config.extra_javascript
        if path.endswith((".css", ".js")) and path not in target:
            target.append(path)
    for extension in MARKDOWN_EXTENSIONS:
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    config.mdx_configs.setdefault("pymdownx.tabbed", {}).setdefault("alternate_style", True)


def _load_order(path: str) -> int:
    return SCRIPTS.index(path) if path in SCRIPTS else len(SCRIPTS)  # a stable sort keeps the rest as given

"""The W3C Nu HTML checker finds no error of ours on any page of the example site, videos included.

Material for MkDocs makes three errors of its own on our pages; they are left out below, each matched
by its message and the markup it points at, so an error of ours with the same message still counts.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.site.sitekit import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
"""From npm (package.json); `./scripts/test` installs it with `npm ci`."""

MATERIALS_OWN = [
    # base.html: the menu drawer's and the search's toggles are checkboxes with autocomplete="off", which
    # keeps Firefox from restoring them open on reload; HTML allows autocomplete only on text-like inputs.
    ("Attribute “autocomplete” is only allowed when the input type is", 'type="checkbox" id="__drawer"'),
    ("Attribute “autocomplete” is only allowed when the input type is", 'type="checkbox" id="__search"'),
    # partials/toc.html labels the table of contents' toggle, `__toc`, which partials/nav-item.html
    # renders only for a page that is not the index of a section (navigation.indexes): on our module
    # pages the label points at nothing.
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
     '<label class="md-nav__title" for="__toc">'),
]


def materials_own(error: dict[str, str], entry: tuple[str, str]) -> bool:
    message, markup = entry
    return error["message"].startswith(message) and markup in re.sub(r"\s+", " ", error.get("extract", ""))


def nu_errors(folder: Path) -> list[dict[str, str]]:
    java = shutil.which("java")
    if not java or not VNU.is_file():
        pytest.skip("the Nu checker needs java and node_modules/vnu-jar (./scripts/test installs both)")
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                             str(folder)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr)["messages"]
    return [m for m in messages if m["type"] in ("error", "non-document-error")]


def test_every_page_has_no_nu_error_of_ours(example_with_media: Path) -> None:
    errors = nu_errors(example_with_media)
    ours = [f"{Path(e.get('url', '').removeprefix('file:')).relative_to(example_with_media)}:{e.get('lastLine')}: "
            f"{e['message']}" for e in errors if not any(materials_own(e, entry) for entry in MATERIALS_OWN)]
    assert ours == []
    # Each of Material's errors still occurs: once Material fixes one, its entry goes.
    assert [entry for entry in MATERIALS_OWN if not any(materials_own(e, entry) for e in errors)] == []

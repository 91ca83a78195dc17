"""What the SCORM 1.2 and cmi5 packages share: the offline copy's site (file addresses, no instant
navigation, search without a server) at the top of the zip, and a launch page, `lms.html`, that
holds the course in a frame and keeps the one session with the learning platform that its pages
share (assets/launch.js). The platform's protocol is an adapter script beside it (scorm12.js,
cmi5.js); each page's assets/startpakke/lms.js makes the launch page its progress store.

One launch page for the whole course, not one per module: a module is not a unit a learner takes
alone here (the «Neste» flow runs through them all, and the course is complete when all are), and
Moodle shows a package with one item straight away, without its own table of contents beside ours.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

from ..model import Course
from ..project import Project
from ..site.publication import ASSETS_URL, Publication
from ..site.text import plain_text
from .offline import offline_publication

ASSETS = Path(__file__).parent / "assets"
VENDOR = Path(__file__).parent / "vendor"
LAUNCH_PAGE = "lms.html"
LAUNCH_SCRIPTS = "lms/"
"""The launch page's own scripts: not under assets/startpakke/, whose scripts every page loads."""


def lms_publication(course: Course, project: Project, adapter: list[Path], language: str = "",
                    all_renditions: bool = False) -> Publication:
    """The offline copy's publication with the launch page, its scripts (`adapter`: the protocol's, in
    load order) and the pages' side of the session."""
    publication = offline_publication(course, project, language, all_renditions)
    scripts = [*adapter, ASSETS / "launch.js"]
    return replace(
        publication,
        generated={**publication.generated, LAUNCH_PAGE: launch_page(publication, scripts)},
        files={**publication.files, ASSETS_URL + "lms.js": ASSETS / "lms.js",
               **{LAUNCH_SCRIPTS + script.name: script for script in scripts}},
    )


def title(publication: Publication) -> str:
    return plain_text(publication.course.info.title)


def launch_page(publication: Publication, scripts: list[Path]) -> str:
    """A page that is all frame, with a bar for leaving the course that shows only when the platform
    says where the learner goes then (cmi5's returnURL)."""
    sources = [ASSETS_URL + "course.js", *(LAUNCH_SCRIPTS + script.name for script in scripts)]
    tags = "\n".join(f'<script src="{html.escape(source)}"></script>' for source in sources)
    return f"""<!doctype html>
<html lang="{html.escape(publication.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title(publication))}</title>
<style>
html, body {{ height: 100%; margin: 0; }}
body {{ display: flex; flex-direction: column; font-family: system-ui, sans-serif; }}
/* The bar in the colours of the course's header (startpakke.css), above it. */
#sp-launch-bar {{ display: flex; justify-content: flex-end; padding: .25rem .75rem; background: #123e3b; }}
#sp-launch-bar[hidden] {{ display: none; }}
#sp-exit {{ font: inherit; font-size: .9rem; font-weight: 600; padding: .3rem 1rem; min-height: 40px; cursor: pointer;
  color: #fff; background: transparent; border: 2px solid #fff; border-radius: .2rem; }}
#sp-exit:hover, #sp-exit:focus-visible {{ background: #fff; color: #123e3b; outline: 2px solid #fff; outline-offset: 2px; }}
#sp-course {{ flex: 1; width: 100%; border: 0; }}
</style>
</head>
<body>
<div id="sp-launch-bar" hidden><button type="button" id="sp-exit"></button></div>
<iframe id="sp-course" title="{html.escape(title(publication))}"></iframe>
{tags}
</body>
</html>
"""


def xml_element(namespace: str, tag: str, *children: ET.Element, text: str = "", **attributes: str) -> ET.Element:
    """An element of a package's manifest, with its text and children."""
    node = ET.Element(f"{{{namespace}}}{tag}", attributes)
    node.text = text or None
    node.extend(children)
    return node

"""`startpakke package cmi5`: the course as a cmi5 package, one AU (see lms.py) described by cmi5.xml.
The AU speaks xAPI through the vendored cmi5 client library (scripts/vendor-lms)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import partial
from pathlib import Path

from ..model import Course
from ..project import Project
from ..site.text import plain_text
from ..slugs import slugify
from .lms import ASSETS, LAUNCH_PAGE, VENDOR, lms_publication, title, xml_element
from .offline import Made, write_package

COURSE_STRUCTURE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"


def make_cmi5(course: Course, project: Project, out: Path, language: str = "",
              all_renditions: bool = False) -> Made:
    publication = lms_publication(course, project, [VENDOR / "cmi5" / "Cmi5.umd.js", ASSETS / "cmi5.js"],
                                  language, all_renditions)
    info = publication.course.info
    identity = f"urn:startpakke:{slugify(info.title) or 'kurs'}:{publication.language}"

    def finish(site: Path) -> None:
        (site / "cmi5.xml").write_bytes(course_structure(
            identity, title(publication), plain_text(info.subtitle), publication.language))

    return write_package(publication, project, out, finish=finish)


def course_structure(identity: str, name: str, description: str, language: str) -> bytes:
    """The course and its one AU, complete when the learner has completed it (moveOn «Completed»)."""
    ET.register_namespace("", COURSE_STRUCTURE)
    element = partial(xml_element, COURSE_STRUCTURE)

    def described(tag: str, *children: ET.Element, **attributes: str) -> ET.Element:
        return element(tag, element("title", element("langstring", text=name, lang=language)),
                       element("description", element("langstring", text=description or name, lang=language)),
                       *children, **attributes)

    root = element("courseStructure",
                   described("course", id=identity),
                   described("au", element("url", text=LAUNCH_PAGE), id=f"{identity}:course",
                             moveOn="Completed", launchMethod="AnyWindow"))
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)

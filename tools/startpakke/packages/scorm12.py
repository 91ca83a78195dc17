"""`startpakke package scorm12`: the course as a SCORM 1.2 package, one SCO (see lms.py), with an
imsmanifest.xml that lists every file and the SCORM 1.2 schemas beside it (vendored, see
scripts/vendor-lms)."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from functools import partial
from pathlib import Path
from urllib.parse import quote

from ..files import files_below
from ..model import Course
from ..project import Project
from ..slugs import slugify
from .lms import ASSETS, LAUNCH_PAGE, VENDOR, lms_publication, title, xml_element
from .offline import Made, write_package

SCHEMAS = VENDOR / "scorm12"
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd"


def make_scorm12(course: Course, project: Project, out: Path, language: str = "",
                 all_renditions: bool = False) -> Made:
    publication = lms_publication(course, project, [ASSETS / "scorm12.js"], language, all_renditions)

    def finish(site: Path) -> None:
        for schema in sorted(SCHEMAS.glob("*.xsd")):
            shutil.copyfile(schema, site / schema.name)
        slug = slugify(publication.course.info.title)
        identifier = f"{slug if slug[:1].isalpha() else 'kurs-' + slug}-{publication.language}"  # an xsd:ID
        (site / "imsmanifest.xml").write_bytes(manifest(identifier, title(publication), files_below(site)))

    return write_package(publication, project, out, finish=finish)


def manifest(identifier: str, name: str, files: list[str]) -> bytes:
    """One organization with one item, the course, launched at the launch page."""
    for prefix, namespace in (("", IMSCP), ("adlcp", ADLCP), ("xsi", XSI)):
        ET.register_namespace(prefix, namespace)
    element = partial(xml_element, IMSCP)
    resource = element("resource", *(element("file", href=quote(path)) for path in files),
                       identifier="course-sco", type="webcontent", href=LAUNCH_PAGE)
    resource.set(f"{{{ADLCP}}}scormtype", "sco")
    root = element(
        "manifest",
        element("metadata", element("schema", text="ADL SCORM"), element("schemaversion", text="1.2")),
        element("organizations",
                element("organization", element("title", text=name),
                        element("item", element("title", text=name), identifier="course-item",
                                identifierref="course-sco", isvisible="true"),
                        identifier="course"),
                default="course"),
        element("resources", resource),
        identifier=identifier, version="1")
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATIONS)
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)

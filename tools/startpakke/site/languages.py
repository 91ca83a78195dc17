"""The course in every language it is published in: the source language at the site root, each
translation (`translations:` in course.yml) in a tree of its own under its code, built from its PO file.

Videos live once, at the site root, for every language; everything else a page uses is in its tree.
"""

from __future__ import annotations

from dataclasses import replace

from ..layout import Layout
from ..model import Course
from ..project import Project
from ..slugs import slugify
from ..translations.pofile import read_translation
from ..translations.translated import Translation, translate_course
from .publication import Publication, publish
from .render import Rendered
from .videos import MEDIA


def publish_course(course: Course, project: Project, layout: Layout | None = None,
                   rendered: Rendered | None = None) -> Publication:
    """The source language's publication, holding every translation's; `rendered` keeps the source
    language's pages across renders (render.Rendered)."""
    layout = layout or Layout(course.info.site_url)
    languages = (course.language, *course.info.translated_into)
    translations = tuple(publish_translation(course, project, layout.in_language(language), languages)
                         for language in course.info.translated_into)
    return replace(publish(course, project, layout, rendered=rendered), languages=languages,
                   translations=translations)


def translation_of(course: Course, project: Project, language: str) -> Translation:
    """The course in `language` from its PO file: every text without one in the source language.
    A file that cannot be read raises PoProblem (`check` and `build` report it first)."""
    po = read_translation(project, language)
    return translate_course(course, po.catalog if po else None, language)


def publish_translation(course: Course, project: Project, layout: Layout,
                        languages: tuple[str, ...]) -> Publication:
    translation = translation_of(course, project, layout.language)
    publication = publish(translation.course, project, layout, course_id=slugify(course.info.title))
    own = {path: file for path, file in publication.files.items() if not path.startswith(MEDIA)}
    return replace(publication, files=own, languages=languages,
                   unreviewed=layout.language in course.info.unreviewed)

"""Content translations: the course's texts in other languages, one gettext PO file per language
(`course/translations/<language>.po`), kept in step with the source by `startpakke translate update`,
checked by `startpakke check`, and turned into a translated Course by `translate_course`."""

from .translated import Outcome, Translation, translate_course

__all__ = ["Outcome", "Translation", "translate_course"]

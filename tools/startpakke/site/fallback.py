"""Texts a translated page shows in the source language, because they have no usable translation yet.

Each is marked with that language (screen readers pronounce it and browsers hyphenate it as such) and
a dotted line; the renderer counts them, so a page that is partly or mostly untranslated says so under
its title, in the page's language.
"""

from __future__ import annotations

from ..i18n import Catalog, language_name
from ..translations.translated import Untranslated
from .text import attribute

MOSTLY = 0.5
"""From this share of a page's text (by length) shown in the source language, the page is «mostly»
untranslated."""


class Fallbacks:
    """Marks and counts the untranslated texts of one page at a time."""

    def __init__(self, tr: Catalog) -> None:
        self.tr = tr
        self.start_page()

    def start_page(self) -> None:
        self.shown = self.untranslated = 0
        self.source = ""

    def inline(self, text: str, markdown: str) -> str:
        language = self._count(text)
        if not language:
            return markdown
        return f'<span lang="{language}" class="sp-untranslated" title="{self._title(language)}">{markdown}</span>'

    def block(self, text: str, markdown: str) -> str:
        language = self._count(text)
        if not language:
            return markdown
        return (f'<div lang="{language}" class="sp-untranslated" title="{self._title(language)}" markdown="1">'
                f"\n\n{markdown}\n\n</div>")

    def count(self, text: str) -> str:
        """A text shown without a mark (a title in the page head): counted all the same."""
        self._count(text)
        return text

    def notice(self) -> str:
        """The line under a page's title when some of it is untranslated, else nothing."""
        if not self.untranslated:
            return ""
        _ = self.tr.gettext
        names = {"language": language_name(self.tr.language, self.tr.language),
                 "source": language_name(self.source, self.tr.language)}
        if self.untranslated >= MOSTLY * self.shown:
            text = _("Most of this page is not yet translated into %(language)s: it is shown in %(source)s.")
            kind = "sp-untranslated-notice sp-untranslated-notice--mostly"  # the CSS then drops the marks
        else:
            text = _("Parts of this page are not yet translated into %(language)s: they are shown in "
                     "%(source)s and marked with a dotted line.")
            kind = "sp-untranslated-notice"
        return f'<p class="{kind}" role="note">{attribute(text % names)}</p>'

    def _count(self, text: str) -> str:
        self.shown += len(text)
        if not isinstance(text, Untranslated):
            return ""
        self.untranslated += len(text)
        self.source = text.language
        return text.language

    def _title(self, language: str) -> str:
        return attribute(self.tr.gettext("Not yet translated: shown in %(language)s")
                         % {"language": language_name(language, self.tr.language)})

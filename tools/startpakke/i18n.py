"""Catalogs: every word a learner or facilitator sees that is not course content, per language.

Messages are gettext PO files in `locale/<language>.po` (Poedit and Weblate open them as they are),
made from the English message ids in the code, the templates and the browser scripts by `python -m
startpakke.i18n` (Babel's extraction). Placeholders are named, `%(count)s`, so a translation may put
them in any order. A language without a catalog gets the English texts.

Code that shows text takes a `Catalog` and calls `_ = catalog.gettext` (the name Babel extracts);
templates call `_()` and `ngettext()`; scripts get their messages through the generated course data.
"""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass
from functools import cache
from gettext import GNUTranslations, NullTranslations
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.numbers import format_decimal

PACKAGE = Path(__file__).parent
LOCALES = PACKAGE / "locale"
TEMPLATE = LOCALES / "startpakke.pot"
SCRIPTS = ".js"
"""Messages used by a browser script (their PO locations end in .js) go to the page's course data."""
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
METHODS = [
    ("**.py", "python"),
    ("**/templates/**.j2", "jinja2"),
    ("**/assets/**.js", "javascript"),
]
JINJA_OPTIONS = {
    # The site's Markdown templates keep `{#id}` for heading ids: their Jinja comments are `{## ##}`.
    "**/site/templates/**.j2": {"comment_start_string": "{##", "comment_end_string": "##}",
                                "trim_blocks": "true", "lstrip_blocks": "true"},
    "**/templates/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"},
}


@dataclass(frozen=True)
class Catalog:
    language: str
    translations: NullTranslations

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def number(self, value: float, digits: int = 1) -> str:
        """A decimal number as the language writes it: 1,5 in Norwegian, 1.5 in English."""
        return format_decimal(value, format="0." + "0" * digits, locale=self.locale)

    @property
    def locale(self) -> str:
        try:
            return str(Locale.parse(self.language.replace("-", "_")))
        except (ValueError, UnknownLocaleError):
            return "en"

    def script_messages(self) -> dict[str, str | list[str]]:
        """What the browser scripts say, by English message id: a text, or the plural forms."""
        return _script_messages(self.language)

    def plural_rule(self) -> str:
        """The catalog's plural rule as a JavaScript expression of `n` (gettext's C syntax is one)."""
        return _po(self.language).plural_expr if _po(self.language) else "(n != 1)"


def catalog(language: str) -> Catalog:
    return Catalog(language, _translations(language))


def language_name(code: str, in_language: str) -> str:
    """A language's name as `in_language` writes it («girjedárogiella» for nb in Northern Sami)."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(in_language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        name = None
    return name or code


def own_name(code: str) -> str:
    """The language's name for itself, as a menu item («Norsk bokmål», «Davvisámegiella»): a language
    menu is read by speakers of each language."""
    name = language_name(code, code)
    if name == code:
        return code  # a code Babel does not know stays as it is
    return name[:1].upper() + name[1:]


@cache
def _po(language: str) -> PoCatalog | None:
    path = LOCALES / f"{language}.po"
    if not path.is_file():
        return None
    with path.open("rb") as file:
        return read_po(file, locale=language.replace("-", "_"), domain="startpakke")


@cache
def _translations(language: str) -> NullTranslations:
    po = _po(language)
    if po is None:
        return NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, po, use_fuzzy=False)
    compiled.seek(0)
    return GNUTranslations(compiled)


@cache
def _script_messages(language: str) -> dict[str, str | list[str]]:
    po = _po(language)
    messages: dict[str, str | list[str]] = {}
    for message in po or []:
        if not message.id or message.fuzzy or not any(path.endswith(SCRIPTS) for path, _ in message.locations):
            continue
        if isinstance(message.id, tuple):
            forms = [form for form in message.string if form]
            if forms:
                messages[message.id[0]] = forms
        elif message.string:
            messages[message.id] = message.string
    return messages


# --- keeping the catalogs in step with the code (python -m startpakke.i18n) ----------------------


def extract() -> PoCatalog:
    """Every message the code, templates and scripts use, with where they use it."""
    template = PoCatalog(project="Startpakke", domain="startpakke", charset="utf-8")
    options = {pattern: dict(values) for pattern, values in JINJA_OPTIONS.items()}
    for filename, line, message, comments, context in extract_from_dir(
            PACKAGE, METHODS, options_map=options, strip_comment_tags=True, comment_tags=("Translators:",)):
        template.add(message, None, [(f"tools/startpakke/{filename}", line)], auto_comments=comments,
                     context=context, flags=_flags(message))
    return template


def _flags(message: str | tuple[str, ...]) -> tuple[str, ...]:
    texts = message if isinstance(message, tuple) else (message,)
    return ("python-format",) if any(PLACEHOLDER.search(text) for text in texts) else ()


def update() -> list[Path]:
    """Write the template and bring every language's catalog in step with it: new messages are added,
    changed ones marked fuzzy, unused ones kept as obsolete."""
    template = extract()
    written = [_write(TEMPLATE, template)]
    for path in sorted(LOCALES.glob("*.po")):
        with path.open("rb") as file:
            po = read_po(file, locale=path.stem.replace("-", "_"), domain="startpakke")
        po.update(template, update_header_comment=False)
        written.append(_write(path, po))
    _po.cache_clear(), _translations.cache_clear(), _script_messages.cache_clear()
    return written


def _write(path: Path, po: PoCatalog) -> Path:
    buffer = io.BytesIO()
    write_po(buffer, po, width=100, sort_output=False, omit_header=False, include_previous=True)
    path.write_bytes(buffer.getvalue())
    return path


if __name__ == "__main__":
    for written in update():
        print(f"Wrote {written.relative_to(Path.cwd()) if written.is_relative_to(Path.cwd()) else written}",
              file=sys.stderr)

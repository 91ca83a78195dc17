"""Course text as safe Markdown: defence in depth behind the loader, which already refuses raw HTML.

Every content string goes through one of these filters on its way into a page, so a card that slipped
past the checks still cannot put markup or a script into the site.
"""

from __future__ import annotations

import html
import re

from ..markup import safe_name

# `<` starts raw HTML unless it opens an autolink such as <https://…> or <mailto:…>.
_RAW_ANGLE = re.compile(r"<(?!(?:https?://|mailto:)[^\s<>]*>)")
# `&` that would start a character reference (&#106; or &lt;) is shown as text.
_ENTITY = re.compile(r"&(?=#|[A-Za-z][A-Za-z0-9]*;)")
# The target of an inline link, image or reference definition: keep web, mail and relative targets only.
_LINK_TARGET = re.compile(
    r"(\]\(\s*<?\s*|^[ ]{0,3}\[[^\]\n]+\]:\s*<?)([A-Za-z][A-Za-z0-9+.\-]*)\s*:", re.MULTILINE
)
_SAFE_SCHEMES = {"http", "https", "mailto"}
# `{: onclick="…" }` after text is attribute syntax (attr_list) that Material needs for our own
# templates; in content only a list of ids and classes may stay (as `check` allows), any other brace
# is escaped. A brace in a code span then shows its backslash, a small price for that.
_ATTRIBUTES = re.compile(r"\{(:?[^}\n]*)\}")
# A heading inside a content field would outrank the page's own sections (h1 title, h2 sections).
# Quotes and list items can hold headings too, hence the optional `>`, `-` and `1.` markers.
_HEADING = re.compile(r"^((?:[ \t]*(?:>|[-*+](?=[ \t])|\d+[.)](?=[ \t])))*[ \t]*)#{1,2}(?!#)", re.MULTILINE)
# The underlined (setext) forms: a line of `=` is kept as text, a line of `-` becomes a rule.
_SETEXT_1 = re.compile(r"^((?:[ \t]*>)*[ \t]*)=", re.MULTILINE)
_SETEXT_2 = re.compile(r"(?<=\S)[ \t]*\n((?:[ \t]*>)*[ \t]*-+[ \t]*)$", re.MULTILINE)
# Markdown syntax that means nothing in a title shown as plain text.
_INLINE_MARKS = re.compile(r"(\*\*|__|\*|`)")


def markdown_text(text: str) -> str:
    """Block Markdown from a content field: raw HTML, unsafe link targets and attribute syntax are
    neutralised, and headings start at h3, below the page's own sections."""
    text = _ENTITY.sub("&amp;", text)
    text = _RAW_ANGLE.sub("&lt;", text)
    text = _ATTRIBUTES.sub(_attribute_list, text)
    text = _LINK_TARGET.sub(_neutral_target, text)
    text = _HEADING.sub(r"\1###", text)
    text = _SETEXT_1.sub(r"\1\\=", text)
    return _SETEXT_2.sub(r"\n\n\1", text).strip()


def markdown_inline(text: str) -> str:
    """Like `markdown_text`, on one line: for list items, table cells and headings."""
    return " ".join(markdown_text(text).split())


def table_cell(text: str) -> str:
    """Inline Markdown that cannot end a table cell early."""
    return markdown_inline(text).replace("|", "\\|")


def plain_text(text: str) -> str:
    """A title or summary as plain text on one line, for data that scripts show with textContent."""
    return _INLINE_MARKS.sub("", " ".join(text.split()))


def plain_title(text: str) -> str:
    """A title as HTML-escaped plain text, for front matter, nav, <title> and <meta>, which MkDocs and
    Material print raw."""
    return html.escape(plain_text(text), quote=True)


def attribute(text: str) -> str:
    """A value for an HTML attribute in a template."""
    return html.escape(" ".join(text.split()), quote=True)


def _attribute_list(match: re.Match[str]) -> str:
    tokens = match.group(1).lstrip(":").split()
    safe = tokens and all(token[:1] in "#." and safe_name(token[1:]) for token in tokens)
    return match.group(0) if safe else "\\" + match.group(0)


def _neutral_target(match: re.Match[str]) -> str:
    scheme = match.group(2)
    if scheme.lower() in _SAFE_SCHEMES:
        return match.group(0)
    return f"{match.group(1)}#blocked-{scheme.lower()}-"

"""Text fields are Markdown. Raw HTML in them is refused, so no card can put script into the site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .yamlsource import FieldPath

# `<https://…>` and `<mailto:…>` are Markdown autolinks, not HTML.
TAG = re.compile(r"<(?!(?:https?|mailto):)(/?[a-zA-Z][\w:-]*|!--|!\[CDATA\[|\?)", re.IGNORECASE)
SCRIPT = re.compile(r"<\s*/?\s*(script|iframe|object|embed|style|svg|math|form|base|meta|link)\b", re.I)
EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
# `{: onclick="…" }` is attribute-list syntax, which would set attributes on the element before it.
ATTRIBUTE_LIST = re.compile(r"\{[^}\n]*\}")
# Character references (`&#106;`, `&colon;`) can spell a scheme that the checks below would miss.
ENTITY = re.compile(r"&(#|[a-z][a-z0-9]*;)", re.IGNORECASE)
# Links in Markdown, autolinks, reference definitions and bare schemes; spaces are allowed inside to
# catch «java script:». `data:` only as a link target: «data:» is a common Norwegian word.
DANGEROUS_SCHEME = re.compile(
    r"(j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|v\s*b\s*s\s*c\s*r\s*i\s*p\s*t"
    r"|(?<=\]\()\s*data|(?<=\]:)\s*data|(?<=<)data)\s*:",
    re.IGNORECASE,
)
SCRIPT_HINT = "remove it: course text is Markdown, and scripts are never allowed"


def unsafe_markup(text: str) -> tuple[str, str] | None:
    """Why `text` may not be used as course text, with a hint; None when it is plain Markdown."""
    if SCRIPT.search(text):
        return ("contains an HTML element that can run code or change the page (e.g. <script>)",
                SCRIPT_HINT)
    in_attributes = any(EVENT_HANDLER.search(m.group(0)) for m in ATTRIBUTE_LIST.finditer(text))
    if in_attributes or (TAG.search(text) and EVENT_HANDLER.search(text)):
        return "contains an HTML event-handler attribute (e.g. onclick=)", SCRIPT_HINT
    if ENTITY.search(text):
        return ("contains an HTML character reference (such as &#106; or &amp;)",
                "write the character itself: the file is UTF-8")
    match = DANGEROUS_SCHEME.search(text)
    if match:
        scheme = "".join(match.group(1).split()).lower()
        return (
            f"contains a `{scheme}:` link, which can run code",
            "link only to http:// or https:// addresses, or to another page of the course",
        )
    if TAG.search(text):
        return (
            "contains raw HTML",
            "text is Markdown: use **fet**, *kursiv*, lists with `- ` and links like [tekst](https://…)",
        )
    return None


def strings_in(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings_in(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings_in(value, path + (index,))

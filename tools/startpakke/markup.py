"""What course text may contain. Text fields are Markdown, read by the parser the site uses; whatever
that parser would turn into raw HTML, a script-capable link, an image or an attribute other than an id
or a class is refused, so no card can act on a learner's browser.

Three kinds of field, by where their text goes:
- `plain`: titles, summaries, exercise texts: shown as plain text (the page head, attributes, menus,
  exercise choices), so one paragraph with at most emphasis in it; no links.
- `line`: list items and short notes: one paragraph of inline Markdown, links allowed.
- `prose`: paragraphs, lists and links.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from functools import cache
from typing import Literal
from urllib.parse import urlsplit

import markdown
from markdown.extensions.attr_list import get_attrs
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

Kind = Literal["plain", "line", "prose"]
Problem = tuple[str, str]
"""(message, hint)"""

MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc",
                       "pymdownx.tabbed"]
"""The Markdown the site is built with (mkdocs.yml turns the same ones on)."""
SAFE_SCHEMES = {"http", "https", "mailto"}

# Without one of these characters Python-Markdown makes no link, image, raw HTML or attribute list:
# most text needs no parsing at all.
_MAYBE_MARKUP = re.compile(r"[<&\[{]")
# Block structure (lists, quotes, headings, tables, admonitions, code) needs a line break or a marker
# at the start; one-line fields without either are parsed only when they may hold markup.
_MAYBE_BLOCK = re.compile(r"\s*([-*+>#|=!?`~]|\d+[.)])|.*\n")
# Character references (`&#106;`, `&colon;`) would spell what the checks below look for.
_ENTITY = re.compile(r"&(#|[a-z][a-z0-9]*;)", re.IGNORECASE)
_SCRIPT = re.compile(r"<\s*/?\s*(script|iframe|object|embed|style|svg|math|form|base|meta|link)\b", re.I)
_EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
# Greedy within the line: `{: title="}" onclick="…" }` is one list, whatever the quotes hold.
_LEFTOVER_LIST = re.compile(r"\{:?[ ]*([^\n]*)\}")
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
RESERVED = ("sp-", "md-")
"""Classes and ids of the site's own scripts and theme: content taking them would break the page."""
_INLINE = {"em", "strong", "code", "br"}
_MADE_BY_MARKDOWN = {
    # What the parser itself puts on elements (attribute lists may add only id and class).
    "a": {"href", "title"},
    "td": {"align", "style"},
    "th": {"align", "style"},
    "ol": {"start"},
    "div": {"data-tabs"},
    "input": {"name", "type", "checked"},
    "label": {"for"},
}
# Characters no course text needs: controls, and the bidirectional overrides that can make text
# read differently from what it is («Trojan source»).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

SCRIPT_HINT = "remove it: course text is Markdown, and scripts are never allowed"
ONE_LINE = ("must be one line of text: lists, headings and several paragraphs are not shown here",
            "write it as one sentence or phrase; put longer text in a Markdown field")
MARKDOWN_HINT = "text is Markdown: use **fet**, *kursiv*, lists with `- ` and links like [tekst](https://…)"


class _Capture(Treeprocessor):
    """Keeps the finished element tree, which Python-Markdown otherwise only serialises."""

    def run(self, root: etree.Element) -> None:
        self.md.tree = root  # type: ignore[attr-defined]


@cache
def _parser() -> markdown.Markdown:
    """Made at the first text that needs parsing: most text does not."""
    parser = markdown.Markdown(extensions=[e for e in MARKDOWN_EXTENSIONS if e != "toc"])
    parser.treeprocessors.register(_Capture(parser), "startpakke-capture", -100)
    return parser



def markup_problem(text: str, kind: Kind = "prose") -> Problem | None:
    """Why `text` may not stand in a field of this kind, with a hint; None when it may."""
    control = _CONTROLS.search(text)
    if control:
        name = unicodedata.name(control.group(), f"U+{ord(control.group()):04X}")
        return (f"contains the invisible control character {name.title()}",
                "delete it (copying from another program can bring such characters along)")
    if _ENTITY.search(text):
        return ("contains an HTML character reference (such as &#106; or &amp;)",
                "write the character itself: the file is UTF-8")
    if not (_MAYBE_MARKUP.search(text) or (kind != "prose" and _MAYBE_BLOCK.match(text))):
        return None
    root = tree(text)
    raw = list(_parser().htmlStash.rawHtmlBlocks)
    if raw:
        return _raw_html(" ".join(str(block) for block in raw))
    if kind != "prose" and (len(root) > 1 or any(child.tag != "p" for child in root)
                            or any(e.tag not in _INLINE | {"a"} for child in root for e in child.iter()
                                   if e is not child)):
        return ONE_LINE
    for element in root.iter():
        found = _element_problem(element, kind)
        if found:
            return found
        for chunk in (element.text, element.tail):
            found = _leftover_attribute_list(chunk or "")
            if found:
                return found
    return None


def tree(text: str) -> etree.Element:
    """The element tree the site's Markdown parser makes of `text` (raw HTML stays in its stash)."""
    parser = _parser()
    parser.reset()
    parser.convert(text)
    return parser.tree  # type: ignore[attr-defined,no-any-return]


def _raw_html(block: str) -> Problem:
    if _SCRIPT.search(block):
        return "contains an HTML element that can run code or change the page (e.g. <script>)", SCRIPT_HINT
    if _EVENT_HANDLER.search(block):
        return "contains an HTML event-handler attribute (e.g. onclick=)", SCRIPT_HINT
    return "contains raw HTML", MARKDOWN_HINT


def _element_problem(element: etree.Element, kind: Kind) -> Problem | None:
    tag = element.tag
    if tag == "img":
        return ("contains an image, which the course does not publish from text",
                "link to the picture instead, or show it in the method's video")
    if kind == "plain" and tag == "a":
        return ("is plain text here: a link would not be shown as one",
                "leave the address out, or put the link in a Markdown field such as the method's text")
    for attribute in ("href", "src"):
        if attribute in element.attrib:
            found = link_problem(element.attrib[attribute])
            if found:
                return found
    set_by_list = {name: value for name, value in element.attrib.items()
                   if name not in _MADE_BY_MARKDOWN.get(tag, set()) and not _made_by_markdown(tag, name, value)}
    return attribute_list_problem(set_by_list.items())


def _made_by_markdown(tag: str, name: str, value: str) -> bool:
    """Classes and ids the extensions give their own elements (admonitions, tabs, table alignment)."""
    if name == "class" and (tag in ("div", "p") and value.split()[0] in ("admonition", "admonition-title",
                                                                         "tabbed-set", "tabbed-content",
                                                                         "tabbed-labels", "tabbed-block")):
        return True
    return name == "id" and tag == "input" and value.startswith("__tabbed_")


def link_problem(target: str) -> Problem | None:
    """Only web, mail and relative links: nothing a browser would run or read from the computer."""
    target = html.unescape(target.replace(AMP_SUBSTITUTE, "&"))
    # Browsers ignore tabs, line breaks and leading controls in a scheme: «java\tscript:» is javascript:.
    squeezed = re.sub(r"[\x00-\x20]", "", target)
    scheme = urlsplit(squeezed).scheme.lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", squeezed) else ""
    if scheme and scheme not in SAFE_SCHEMES:
        danger = scheme in ("javascript", "vbscript", "data")
        return (f"contains a `{scheme}:` link, which " + ("can run code" if danger else "is not allowed"),
                "link only to http:// or https:// addresses, or to another page of the course")
    if re.search(r"[\s\"'<>`]", target.strip()):
        return ("contains a link address with a space, a quote or an angle bracket in it",
                "write the address on its own, e.g. <https://bibliotek.no/side>")
    return None


def attribute_list_problem(attributes: object) -> Problem | None:
    """An attribute list ({: #id .class }) may set an id and classes, nothing else."""
    pairs = list(attributes)  # type: ignore[call-overload]
    others = sorted({name for name, _ in pairs if name not in ("id", "class")})
    if any(_EVENT_HANDLER.match(f"{name}=") for name in others):
        return "contains an HTML event-handler attribute (e.g. onclick=)", SCRIPT_HINT
    if others:
        return (f"contains an attribute list that sets {', '.join(f'`{n}`' for n in others)}",
                "an attribute list ({: #id .klasse }) may set only an id and classes")
    for name, value in pairs:
        for word in value.split():
            if not safe_name(word):
                return (f"contains the {name} `{word}`, which the site keeps for itself or cannot use",
                        "use lower-case letters, digits and hyphens, not starting with sp- or md-")
    return None


def safe_name(word: str) -> bool:
    """An id or class course text may set: plain, and not one the site's scripts and theme use."""
    return bool(_NAME.match(word)) and not word.startswith(RESERVED)


def _leftover_attribute_list(text: str) -> Problem | None:
    """An attribute list Markdown left as text (in a list item, say) still must not look like a trap."""
    for match in _LEFTOVER_LIST.finditer(text):
        inside = match.group(1)
        if "=" in inside or inside.strip()[:1] in ("#", "."):
            found = attribute_list_problem(get_attrs(inside))
            if found:
                return found
    return None

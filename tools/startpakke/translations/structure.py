"""What a translation should keep of its source's Markdown: the links and the lists. A dropped link or a
list turned into prose is legal Markdown, so `check` warns rather than refuses."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..markup import tree

LIST_NAMES = {"ul": "a bulleted list", "ol": "a numbered list"}
MAY_HAVE_STRUCTURE = re.compile(r"[\[<\n]|^\s*([-*+]|\d+[.)])\s")
"""Without one of these, the text is one line without a link or list: nothing to parse."""


@dataclass(frozen=True)
class Outline:
    links: Counter[str]
    lists: tuple[tuple[str, int], ...]
    """(ul or ol, number of items) of every list, in order."""


def outline(text: str) -> Outline:
    if not MAY_HAVE_STRUCTURE.search(text):
        return Outline(Counter(), ())
    root = tree(text)
    links = Counter(element.get("href", "") for element in root.iter("a"))
    lists = tuple((element.tag, sum(1 for item in element if item.tag == "li"))
                  for element in root.iter() if element.tag in LIST_NAMES)
    return Outline(links, lists)


def differences(source: str, translation: str) -> list[tuple[str, str]]:
    """(message, hint) for each way the translation's links and lists differ from the source's."""
    before, after = outline(source), outline(translation)
    found = []
    for href in sorted((before.links - after.links).elements()):
        found.append((f"the translation drops the link to {href}",
                      f"keep the link: [translated words]({href})"))
    for href in sorted((after.links - before.links).elements()):
        found.append((f"the translation links to {href}, which the source text does not",
                      "link to the same addresses as the source text, unless the target has a page in "
                      "this language"))
    if before.lists != after.lists:
        found.append((f"the translation has {_lists(after.lists)} where the source has {_lists(before.lists)}",
                      "keep the lists of the source: one `- ` (or `1. `) line per item"))
    return found


def _lists(lists: tuple[tuple[str, int], ...]) -> str:
    if not lists:
        return "no list"
    return ", ".join(f"{LIST_NAMES[tag]} of {count} item{'s' * (count != 1)}" for tag, count in lists)

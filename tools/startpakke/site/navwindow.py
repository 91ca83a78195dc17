"""A sidebar that stays the same size however large the course grows.

Material's pruned navigation still lists every module at the top level and every method of the open
module. Here each level shows at most a window of sections or pages around the current one, with a
link to the full list (the home page's module list, the module's method list) where items are left out.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from ..i18n import Catalog


RADIUS = 4
"""Items shown on each side of the current one; a level with up to 2·RADIUS+1 items is shown whole."""


class NavView:
    """What Material's nav templates read from `nav`: `items` and `homepage`."""

    def __init__(self, nav: Navigation, more_modules: str, tr: Catalog) -> None:
        self.homepage = nav.homepage
        self.pages = nav.pages
        self.items = _window(nav.items, top=True, more=more_modules, tr=tr)

    def __iter__(self) -> Any:
        return iter(self.items)


class _SectionView:
    """A section whose children are windowed; everything else is the real section."""

    def __init__(self, section: Section, children: list[Any]) -> None:
        self._section = section
        self.children = children

    def __getattr__(self, name: str) -> Any:
        return getattr(self._section, name)


def _window(items: list[Any], top: bool, more: str, tr: Catalog) -> list[Any]:
    # At the top level only sections (modules) are windowed: the single pages (start, closing,
    # library, about) always show. In a section, its own page (its index) always shows.
    counted = [i for i, item in enumerate(items) if not _pinned(i, item, len(items), top)]
    active = next((n for n, i in enumerate(counted) if items[i].active), 0)
    low = max(0, min(active - RADIUS, len(counted) - (2 * RADIUS + 1)))
    kept = set(counted[low:low + 2 * RADIUS + 1])
    left_out = set(counted) - kept  # a set: every page of a large course walks these levels
    result: list[Any] = []
    after_window = 0
    for i, item in enumerate(items):
        if i in left_out:
            continue
        if isinstance(item, Section) and item.active:
            first = item.children[0] if item.children else None
            index_url = first.url if isinstance(first, Page) else ""
            item = _SectionView(item, _window(item.children, top=False, more=index_url + "#metoder", tr=tr))
        result.append(item)
        if i in kept:
            after_window = len(result)
    hidden = len(left_out)
    if hidden and more:
        label = tr.ngettext("All the modules (%(num)s more)", "All the modules (%(num)s more)", hidden) if top \
            else tr.ngettext("All the methods of the module (%(num)s more)",
                             "All the methods of the module (%(num)s more)", hidden)
        result.insert(after_window, Link(label % {"num": hidden}, more))
    return result


def _pinned(index: int, item: Any, count: int, top: bool) -> bool:
    if top:
        return not isinstance(item, Section)
    # A module's own page and its exercises (its first and last pages) frame its methods: both show.
    return isinstance(item, Page) and index in (0, count - 1)

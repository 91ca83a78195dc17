"""The language menu and the `hreflang` links of a page: the same page in every language the course is
published in. Every language has every page (structure is never translated), at the same place in
its tree, so the address is known without looking."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import own_name
from .publication import Publication


@dataclass(frozen=True)
class Alternate:
    language: str
    name: str
    """In its own language: «Davvisámegiella», «Norsk nynorsk»."""
    href: str
    """Relative from the page, so it works on any server and from disk."""
    absolute: str
    """On the published site, for `hreflang` links; empty while the course has no address."""
    current: bool


def alternates(publication: Publication, source_path: str) -> list[Alternate]:
    """The page at `source_path` in each language, the source first; none for a course in one language."""
    page = publication.site.places.get(source_path)
    if page is None or len(publication.languages) < 2:
        return []
    here, source = publication.layout, publication.languages[0]
    found = []
    for language in publication.languages:
        there = here.in_language("" if language == source else language)
        found.append(Alternate(language, own_name(language), here.same_page_in(page, there),
                               there.absolute(page), language == publication.language))
    return found

"""The example course in its five languages: a tree per translation with every page, the interface in the
page's language (Northern Sami included), a language menu and sitemap that agree, untranslated text
marked and explained, a PO file's text on its page, and «Neste» through the course in every language."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import polib
import pytest
from bs4 import BeautifulSoup

from startpakke.project import Project
from startpakke.site import publish
from tests.site.sitekit import (REPO, copy_example, example_site, expected_paths, html_pages, page_path, run,
                                serve_folder, source_pages)

TRANSLATIONS = ["nn", "se", "da", "en"]
LANGUAGES = ["nb", *TRANSLATIONS]
SITE_URL = "https://startpakke.example.no/"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def tree(language: str) -> Path:
    return example_site() if language == "nb" else example_site() / language


def source_paths() -> list[str]:
    return [page_path(tree("nb"), html) for html in source_pages(tree("nb"))]


def test_every_language_has_every_page_in_its_own_tree_in_its_own_language() -> None:
    pages = source_paths()
    assert len(pages) == 28
    for language in TRANSLATIONS:
        assert sorted(page_path(tree(language), html) for html in html_pages(tree(language))) == sorted(pages)
    for language in LANGUAGES:
        for path in pages:
            assert soup(tree(language) / path / "index.html").html["lang"] == language, (language, path)


def test_the_language_menu_and_the_sitemap_lead_to_the_same_page_in_every_language() -> None:
    expected = {language: ("" if language == "nb" else f"{language}/") for language in LANGUAGES}
    for language in LANGUAGES:
        sitemap = ElementTree.parse(tree(language) / "sitemap.xml").getroot()
        alternates = {url.findtext("s:loc", namespaces=SITEMAP): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)}
            for url in sitemap.findall("s:url", SITEMAP)}
        assert len(alternates) == 28
        for path in source_paths():
            page = soup(tree(language) / path / "index.html")
            here = expected[language] + path  # where the page is served from the site root
            menu = {link["hreflang"]: posixpath.normpath(posixpath.join(here, link["href"]))
                    for link in page.select("a.md-select__link")}
            assert menu == {code: posixpath.normpath(prefix + path or ".") for code, prefix in expected.items()}, \
                (language, path, menu)
            current = page.select('a.md-select__link[aria-current="page"]')
            assert [link["hreflang"] for link in current] == [language]
            # Each name in its own language, for a reader who does not read the page's language.
            assert {link["hreflang"]: link["lang"] for link in page.select("a.md-select__link")} == \
                {code: code for code in LANGUAGES}
            # No `link rel=alternate` in the head: Material would fetch a sitemap for each.
            assert not page.select('head link[rel="alternate"][hreflang]')
            in_sitemap = alternates[SITE_URL + here]
            assert in_sitemap == {**{code: SITE_URL + prefix + path for code, prefix in expected.items()},
                                  "x-default": SITE_URL + path}, (language, path)


def test_the_sami_pages_speak_sami_around_the_content_and_say_the_translation_is_unreviewed() -> None:
    page = soup(tree("se") / "metoder" / "empatikart" / "index.html")
    assert page.select_one(".md-banner .sp-review-notice").get_text(strip=True) == \
        "Dán jorgalusa ii leat vel eatnigielat olmmoš dárkkistan."
    assert page.select_one("input.md-search__input")["placeholder"] == "Oza"  # Material's words
    assert [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2")][:2] == ["Manne", "Goas vuohki heive?"]
    assert page.select_one(".md-footer__link--next")["aria-label"].startswith("Boahtte")
    for language in ("nb", "nn", "da", "en"):
        assert not soup(tree(language) / "metoder" / "empatikart" / "index.html").select(".sp-review-notice")


def test_untranslated_text_is_marked_with_the_source_language_and_the_page_says_so() -> None:
    # Danish: the introduction module and three cards are translated, the rest falls back to bokmål.
    untranslated = soup(tree("da") / "metoder" / "empatikart" / "index.html")
    notice = untranslated.select_one(".sp-untranslated-notice--mostly")
    assert notice.get_text() == "Det meste af denne side er endnu ikke oversat til dansk: den vises på bokmål."
    marked = untranslated.select('article [lang="nb"].sp-untranslated')
    assert any("Empatikartet gjør innsikt" in text.get_text() for text in marked)

    partly = soup(tree("da") / "metoder" / "interessentkart" / "index.html")
    notice = partly.select_one(".sp-untranslated-notice")
    assert "sp-untranslated-notice--mostly" not in notice["class"]
    assert notice.get_text().startswith("Dele af denne side er endnu ikke oversat til dansk")
    assert partly.select_one("h1").get_text(strip=True).rstrip("¶") == "Interessentkort"

    for language in ("nn", "en"):  # complete translations
        for html in html_pages(tree(language)):
            assert not soup(html).select(".sp-untranslated, .sp-untranslated-notice"), html
    for html in source_pages(tree("nb")):
        assert not soup(html).select(".sp-untranslated"), html


def test_each_language_searches_its_own_pages_with_its_own_stemming() -> None:
    import json

    expected = {"nb": (["no"], "Startpakke for samskaping"), "nn": (["no"], "Startpakke for samskaping"),
                "se": (["en"], "Álgopáhkka ovttasráhkadeapmái"), "da": (["da"], "Startpakke for samskabelse"),
                "en": (["en"], "Starter kit for co-creation")}
    for language, (lang, title) in expected.items():
        index = json.loads((tree(language) / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert (index["config"]["lang"], index["docs"][0]["title"]) == (lang, title), language
        # Sami has no stemmer in lunr: whole words only (Material's English stemmer would mangle them).
        assert ("stemmer" not in index["config"]["pipeline"]) if language == "se" else True


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_example(tmp_path)


def sami_entry(root: Path, context: str) -> tuple[polib.POFile, polib.POEntry]:
    po = polib.pofile(str(root / "course" / "translations" / "se.po"))
    return po, next(entry for entry in po if entry.msgctxt == context)


def test_a_translation_reaches_its_page_and_falls_back_when_the_source_changes(project: Path) -> None:
    po, entry = sami_entry(project, "methods/empatikart.yml:summary")
    entry.msgstr = "Čoahkkit maid lehpet oahppan geavaheddjiid birra kártii."
    po.save()
    site = publish.build_site(Project(project), project / "site")
    lead = soup(site / "se" / "metoder" / "empatikart" / "index.html").select_one(".sp-lead")
    assert lead.get_text(strip=True) == entry.msgstr and not lead.select("[lang]")

    method = project / "course" / "methods" / "empatikart.yml"
    method.write_text(method.read_text(encoding="utf-8").replace(
        "Samle det dere har lært om en brukergruppe", "Samle alt dere har lært om en brukergruppe"), "utf-8")
    code, output = run("translate", "update", "--lang", "se", cwd=project)
    assert code == 0, output
    _, entry = sami_entry(project, "methods/empatikart.yml:summary")
    assert entry.fuzzy and entry.previous_msgid.startswith("Samle det dere har lært")
    site = publish.build_site(Project(project), project / "site")
    lead = soup(site / "se" / "metoder" / "empatikart" / "index.html").select_one(".sp-lead")
    assert lead.select_one('[lang="nb"]').get_text(strip=True).startswith("Samle alt dere har lært")


def test_a_hostile_translation_is_refused_with_its_line_and_never_reaches_the_page(project: Path) -> None:
    po, entry = sami_entry(project, "methods/empatikart.yml:summary")
    entry.msgstr = 'Kárta <img src=x onerror="alert(1)"> <script>alert(2)</script>'
    po.save()
    line = next(number for number, text in enumerate(
        (project / "course" / "translations" / "se.po").read_text(encoding="utf-8").splitlines(), start=1)
        if text.startswith("msgstr") and "onerror" in text)
    code, output = run("check", cwd=project)
    assert re.search(rf"course/translations/se\.po:{line}:\d+: .*error", output), output
    site = publish.build_site(Project(project), project / "site")
    html = (site / "se" / "metoder" / "empatikart" / "index.html").read_text(encoding="utf-8")
    assert "onerror" not in html and "alert(" not in html


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serve_folder(example_site()) as url:
        yield url


def test_neste_walks_the_same_course_in_every_language(page, base_url) -> None:
    walks = {}
    for language in LANGUAGES:
        prefix = "" if language == "nb" else f"{language}/"
        page.goto(base_url + prefix)
        paths = [page.url.removeprefix(base_url + prefix)]
        while (link := page.locator("a.md-footer__link--next")).count():
            before = page.url
            link.click()
            page.wait_for_url(lambda url: url != before)
            page.wait_for_load_state()
            assert page.evaluate("document.documentElement.lang") == language
            paths.append(page.url.removeprefix(base_url + prefix))
        walks[language] = paths
    assert walks["nb"] == expected_paths(REPO)
    assert all(walk == walks["nb"] for walk in walks.values()), walks


def test_the_language_menu_opens_the_same_page_and_sami_search_finds_a_method(page, base_url) -> None:
    page.goto(base_url + "metoder/empatikart/")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="se"]').click()
    page.wait_for_url(base_url + "se/metoder/empatikart/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Empatikart"
    page.click("input.md-search__input")
    page.keyboard.type("Beroštusoasálaččaid")  # a whole Sami word: no stemmer, and no letter lost
    page.locator(".md-search-result__item", has_text="Beroštusoasálaččaid kárta").first.wait_for()


def test_cards_and_session_plans_are_printed_in_each_language_and_lead_to_its_pages(
        example_with_media: Path, tmp_path: Path) -> None:
    from tests.cards.conftest import pdf_text, qr_codes

    site = example_with_media
    card = site / "se" / "kort" / "interessentkart.pdf"
    text = pdf_text(card)
    assert "Beroštusoasálaččaid kárta" in text and "Kárta 1/14" in text  # Sami letters, Sami catalog
    assert qr_codes(card, 2, tmp_path) == [SITE_URL + "se/metoder/interessentkart/"]
    english = site / "en" / "kort" / "interessentkart.pdf"
    assert "Stakeholder map" in pdf_text(english)
    assert qr_codes(english, 2, tmp_path) == [SITE_URL + "en/metoder/interessentkart/"]
    plan = site / "da" / "kort" / "okter" / "okt-1-forsta-utfordringen.pdf"
    assert plan.is_file() and "Interessentkort" in pdf_text(plan)
    # Each language's pages link its own PDFs.
    page = soup(site / "se" / "metoder" / "interessentkart" / "index.html")
    link = page.select_one('a[href$="kort/interessentkart.pdf"]')
    assert link.get_text(strip=True) == "Viečča karta (PDF)"
    assert posixpath.normpath(posixpath.join("se/metoder/interessentkart/", link["href"])) == \
        "se/kort/interessentkart.pdf"

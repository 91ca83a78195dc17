"""The example course in Chromium: «Neste» through the whole course, axe on every page, the keyboard,
the library filter and paper."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.site.sitekit import REPO, example_site, expected_titles, html_pages, page_path, serve_folder

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serve_folder(example_site()) as url:
        yield url


def follow(page: Any, direction: str) -> bool:
    # The footer is the end of the page: once it is there, a missing link really is missing.
    page.locator("footer.md-footer").wait_for(state="attached")
    link = page.locator(f"a.md-footer__link--{direction}")
    if link.count() == 0:
        return False
    before = page.url
    link.click()
    # A full load or Material's instant navigation: either way the address changes, then the page loads.
    page.wait_for_url(lambda url: url != before)
    page.wait_for_load_state()
    return True


def test_neste_visits_the_whole_course_in_order_and_forrige_walks_back(page, base_url) -> None:
    outside: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(base_url) else outside.append(request.url))
    page.goto(base_url)
    titles = [page.title()]
    while follow(page, "next"):
        titles.append(page.title())
    expected = expected_titles(REPO)
    assert titles == expected
    assert page.url == base_url + "avslutning/"
    back = [page.title()]
    while follow(page, "prev"):
        back.append(page.title())
    assert back == list(reversed(expected))
    assert outside == []  # no fonts or scripts from elsewhere: the site works on its own


def test_axe_finds_no_wcag_a_or_aa_violations_on_any_page(page, base_url) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = []
    pages = html_pages(example_site())
    for html in pages:
        path = page_path(example_site(), html)
        page.goto(base_url + path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.append(f"/{path}: {violation['id']} ({violation['help']}) at {targets}")
    assert len(pages) > 20
    assert not found, "\n".join(found)


def test_keyboard_reaches_every_link_and_tab_on_a_method_page(page, base_url) -> None:
    page.goto(base_url + "metoder/interessentkart/")
    wanted = page.eval_on_selector_all(
        "article a[href], .md-footer a[href], .md-sidebar--primary a[href]",
        # Material's tab labels hold tabindex=-1 links; the tabs themselves are radio buttons.
        "links => links.filter(a => a.offsetParent !== null && a.tabIndex >= 0).map(a => a.href)")
    reached: set[str] = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement && document.activeElement.href || ''")
        if href:
            reached.add(href)
        if set(wanted) <= reached:
            break
    assert set(wanted) - reached == set()
    # The «Digitalt» tab opens from the keyboard as well.
    page.focus(".tabbed-set input:first-of-type")
    page.keyboard.press("ArrowRight")
    assert page.locator(".tabbed-block").nth(1).is_visible()


def test_library_filter_narrows_the_list_and_the_list_is_complete_without_javascript(browser, page, base_url) -> None:
    page.goto(base_url + "metoder/")
    methods = page.locator(".sp-method")
    assert methods.count() == 14
    page.select_option("select[name=fase]", "velge")
    visible = [m for m in methods.all() if m.is_visible()]
    assert visible and all(m.get_attribute("data-phase") == "velge" for m in visible)
    assert page.locator(".sp-filter output").inner_text() == f"Viser {len(visible)} av 14 metoder"
    assert not page.locator("#forsta").is_visible()
    page.select_option("select[name=fase]", "")
    page.fill("input[name=deltakere]", "12")
    for method in methods.all():
        low, high = int(method.get_attribute("data-group-min")), int(method.get_attribute("data-group-max"))
        assert method.is_visible() == (low <= 12 <= high)

    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(base_url + "metoder/")
    assert plain.locator(".sp-method").count() == 14
    assert all(m.is_visible() for m in plain.locator(".sp-method").all())
    assert not plain.locator(".sp-filter form").is_visible()  # it needs the script
    context.close()


def test_a_method_page_prints_as_content_only_with_both_variants(page, base_url) -> None:
    page.goto(base_url + "metoder/interessentkart/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".sp-downloads", ".md-path"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.get_by_text("Skriv lapper i stillhet").is_visible()  # a step of the digital variant
    assert page.get_by_text("Få fram alle navnene").is_visible()  # a step of the physical one


def test_search_finds_methods_by_norwegian_word_forms(page, base_url) -> None:
    page.goto(base_url)
    page.click("input.md-search__input")
    page.keyboard.type("samtalene")  # the definite plural: the Norwegian stemmer finds «samtale»
    hit = page.locator(".md-search-result__item", has_text="Utforskende samtale").first
    hit.wait_for()
    assert hit.is_visible()


def theme_colour(page: Any) -> tuple[int, int, int]:
    """The theme's primary colour (`--md-primary-fg-color`, a hex value in startpakke.css) as RGB."""
    value = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--md-primary-fg-color')")
    value = value.strip().lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def rgb(css: str) -> tuple[int, ...]:
    return tuple(int(part) for part in css[css.index("(") + 1:css.index(")")].split(",")[:3])


def test_progress_bar_buttons_and_title_keep_the_theme(page, base_url) -> None:
    from io import BytesIO

    from PIL import Image

    page.goto(base_url + "moduler/okt-1-forsta-utfordringen/oppgaver/")
    teal = theme_colour(page)
    bar = page.locator(".sp-progress__bar")
    bar.wait_for()
    # The filled part of the bar, as drawn: one page seen of the module's pages and exercises.
    shot = Image.open(BytesIO(bar.screenshot())).convert("RGB")
    drawn = shot.getpixel((6, shot.height // 2))
    assert all(abs(a - b) <= 16 for a, b in zip(drawn, teal)), (drawn, teal)

    radio = page.locator(".sp-choice input").first.evaluate("i => getComputedStyle(i).accentColor")
    assert rgb(radio) == teal

    check = page.locator(".sp-check").first
    check.click()
    page.mouse.move(0, 0)
    check.evaluate("b => Promise.all(b.getAnimations().map(a => a.finished))")  # Material's transition
    colours = check.evaluate("b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).outlineStyle]")
    assert rgb(colours[0]) == teal and colours[1] == "none"  # clicked, it stays the theme's colour
    check.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focused from the keyboard: a ring, the same colour
    colours = check.evaluate("b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).outlineStyle]")
    assert rgb(colours[0]) == teal and colours[1] == "solid"

    title, text = page.evaluate("""() => [document.querySelector('article h1'), document.querySelector('article')]
        .map(e => [getComputedStyle(e).color, getComputedStyle(e).fontWeight])""")
    assert title[0] == text[0] and int(title[1]) >= 700  # the main heading in the text's full colour, bold


def test_the_ways_to_use_the_course_fill_a_row_and_stack_on_a_phone(browser, base_url) -> None:
    for width, rows in ((1280, 1), (390, 3)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(base_url)
        boxes = page.locator(".sp-ways li").evaluate_all(
            "items => items.map(i => { const r = i.getBoundingClientRect(); return [r.top, r.left, r.width]; })")
        assert len(boxes) == 3
        assert len({round(top) for top, _, _ in boxes}) == rows, (width, boxes)
        if rows == 3:
            assert len({round(left) for _, left, _ in boxes}) == 1 and min(w for _, _, w in boxes) > 300
        context.close()


def test_the_footer_speaks_the_course_language(page, base_url) -> None:
    page.goto(base_url)
    footer = " ".join(page.locator(".md-copyright").inner_text().split())
    assert footer.endswith("Laget med Material for MkDocs"), footer
    assert "Made with" not in footer

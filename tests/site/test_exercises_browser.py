"""Exercises and progress in Chromium, as a learner with only a keyboard uses them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.site.sitekit import REPO, open_section, serve_folder, solve_ordering
from startpakke.project import Project
from startpakke.site import publish

MODULE = "okt-1-forsta-utfordringen"
EXERCISES = f"moduler/{MODULE}/oppgaver/"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site, built for the address it is served at, so instant navigation is on."""
    folder = tmp_path_factory.mktemp("exercises") / "site"
    with serve_folder(folder) as url:
        publish.build_site(Project(REPO), folder, site_url=url)
        yield url


def exercise(page: Any, kind: str, number: int = 0) -> Any:
    return page.locator(f'.sp-exercise[data-sp-type="{kind}"]').nth(number)


def tab_to(page: Any, selector: str, limit: int = 400) -> None:
    """Press Tab until the element matching `selector` has the focus: only the keyboard moves it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_choice_exercise_right_and_wrong_with_the_keyboard(page, base_url) -> None:
    page.goto(base_url + EXERCISES)
    box = exercise(page, "single_choice")
    number = box.get_attribute("id").split("-")[1]
    inputs = box.locator("input[data-sp-correct]")
    wrong = next(i for i in range(inputs.count()) if inputs.nth(i).get_attribute("data-sp-correct") == "false")
    right = next(i for i in range(inputs.count()) if inputs.nth(i).get_attribute("data-sp-correct") == "true")

    tab_to(page, f"#sp-{number}-1")
    for _ in range(wrong):
        page.keyboard.press("ArrowDown")  # arrows move and select within a radio group
    page.keyboard.press("Space")
    assert inputs.nth(wrong).is_checked()
    tab_to(page, f"#oppgave-{number} .sp-check")
    page.keyboard.press("Enter")
    assert box.locator(".sp-result").inner_text() == "Ikke helt. Les forklaringen og prøv igjen."
    feedback = box.locator(f"#sp-{number}-{wrong + 1}-feedback")
    assert feedback.is_visible() and feedback.inner_text().startswith(("Ikke her.", "Nei,"))

    page.keyboard.press("Shift+Tab")
    while not page.evaluate("document.activeElement.type === 'radio'"):
        page.keyboard.press("Shift+Tab")
    key = "ArrowDown" if right > wrong else "ArrowUp"
    for _ in range(abs(right - wrong)):
        page.keyboard.press(key)
    assert inputs.nth(right).is_checked()
    tab_to(page, f"#oppgave-{number} .sp-check")
    page.keyboard.press("Enter")
    assert box.locator(".sp-result").inner_text() == "Riktig!"
    assert box.locator(f"#sp-{number}-{right + 1}-feedback").inner_text().startswith("Riktig.")
    assert not feedback.is_visible()


def test_an_ordering_exercise_with_the_keyboard_and_its_announcements(page, base_url) -> None:
    page.goto(base_url + EXERCISES)
    box = exercise(page, "ordering")
    first = box.locator(".sp-order li").first
    text = first.locator(".sp-order-text").inner_text()
    first.locator('[data-sp-move="down"]').focus()
    page.keyboard.press("Enter")
    assert box.locator(".sp-result").inner_text() == f"«{text}» er nå nummer 2 av 5."
    # the focus stays on the moved item's button, so pressing again moves it further
    page.keyboard.press("Enter")
    assert box.locator(".sp-order li").nth(2).locator(".sp-order-text").inner_text() == text

    box.locator(".sp-check").focus()
    page.keyboard.press("Enter")
    assert "står på riktig plass. Prøv igjen." in box.locator(".sp-result").inner_text()
    assert "(feil plass)" in box.inner_text()

    solve_ordering(page, box)
    box.locator(".sp-check").focus()
    page.keyboard.press("Enter")
    assert box.locator(".sp-result").inner_text() == "Riktig rekkefølge!"
    assert box.locator(".sp-order-feedback").is_visible()


def progress_text(page: Any) -> str:
    return page.locator("[data-sp-progress]").first.inner_text()


def test_progress_survives_reload_instant_navigation_and_export_import(page, base_url, tmp_path) -> None:
    page.goto(base_url)
    assert "0 av 5 moduler fullført" in progress_text(page)

    page.goto(base_url + EXERCISES)
    box = exercise(page, "ordering")
    solve_ordering(page, box)
    box.locator(".sp-check").click()
    assert "Du har sett 1 av 7 sider og gjort 1 av" in progress_text(page)

    page.reload()
    box = exercise(page, "ordering")
    assert box.locator(".sp-result").inner_text() == "Du har løst denne oppgaven før."
    assert "gjort 1 av" in progress_text(page)

    # Instant navigation: Material swaps the page without a reload; our scripts still run.
    page.evaluate("window.__same_document = true")
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="Interessentkart").first.click()
    page.wait_for_url(base_url + "metoder/interessentkart/")
    assert page.evaluate("window.__same_document === true"), "expected an instant (no reload) navigation"
    page.wait_for_function("document.querySelectorAll('.md-sidebar--primary :is(.sp-seen, .sp-done)').length >= 3")
    marked = page.locator(".md-sidebar--primary .md-nav__link:is(.sp-seen, .sp-done)")
    assert sorted(" ".join(text.split()) for text in marked.all_inner_texts()) == [
        "Interessentkart (ferdig)", "Oppgaver til «Økt 1: Forstå utfordringen» (sett)", "Start (ferdig)"]
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="Start").first.click()
    page.wait_for_url(base_url)
    page.wait_for_function("document.querySelector('[data-sp-progress]')?.innerText.includes('moduler fullført')")
    assert page.evaluate("window.__same_document === true")
    assert "Økt 1: Forstå utfordringen\n2 av 7 sider sett, 1 av" in progress_text(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Last ned framgangen").click()
    saved = tmp_path / "framgang.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["visited"][EXERCISES] and data["exercises"]

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Nullstill framgangen").click()
    assert "0 av 5 moduler fullført" in progress_text(page)
    assert "Økt 1: Forstå utfordringen\n0 av 7 sider sett, 0 av" in progress_text(page)

    page.set_input_files("#sp-progress-import", str(saved))
    page.wait_for_function("document.querySelector('.sp-progress__status')?.innerText.length > 0")
    assert page.locator(".sp-progress__status").inner_text() == "Framgangen er hentet fra fila."
    assert "Økt 1: Forstå utfordringen\n2 av 7 sider sett, 1 av" in progress_text(page)


def test_a_file_that_is_not_progress_is_refused(page, base_url, tmp_path) -> None:
    page.goto(base_url)
    bad = tmp_path / "bad.json"
    bad.write_text('{"hei": 1}', encoding="utf-8")
    page.set_input_files("#sp-progress-import", str(bad))
    page.wait_for_function("document.querySelector('.sp-progress__status')?.innerText.length > 0")
    assert page.locator(".sp-progress__status").inner_text() == \
        "Fila er ikke en framgangsfil fra dette kurset."


def test_reflection_answers_stay_in_the_browser_and_can_be_downloaded(page, base_url) -> None:
    page.goto(base_url + EXERCISES)
    box = exercise(page, "reflection")
    open_section(box)
    areas = box.locator("textarea")
    for i in range(areas.count()):
        areas.nth(i).fill(f"Svar {i + 1}: biblioteket og idrettslaget")
    page.reload()
    box = exercise(page, "reflection")
    open_section(box)
    assert box.locator("textarea").first.input_value() == "Svar 1: biblioteket og idrettslaget"
    with page.expect_download() as download:
        box.get_by_role("button", name="Last ned svarene").click()
    text = open(download.value.path(), encoding="utf-8").read()
    assert text.startswith("Planlegg en prøvehandling")
    assert "Hvem vil du invitere, og hvorfor akkurat dem?\nSvar 1: biblioteket og idrettslaget" in text
    page.goto(base_url)
    assert "1 av 7 sider sett, 1 av" in progress_text(page)


def phone(browser: Any, javascript: bool = True) -> Any:
    """A page the size of a phone's screen, 390 × 844 CSS pixels, as a learner on the bus has."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nb-NO",
                                  java_script_enabled=javascript)
    return context.new_page()


def test_ordering_fits_a_phone_with_room_for_the_text(browser, base_url) -> None:
    page = phone(browser)
    page.goto(base_url + "moduler/okt-2-utvikle-og-velge-ideer/oppgaver/")
    for section in page.locator("details.sp-group").all():
        if not section.evaluate("s => s.open"):
            section.locator(":scope > summary").click()
    boxes = page.locator('.sp-exercise[data-sp-type="ordering"]')
    assert boxes.count() >= 5
    for number in range(boxes.count()):
        layout = boxes.nth(number).evaluate("""box => {
            const card = box.getBoundingClientRect();
            const wider = [...box.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > card.right + 0.5);
            const items = [...box.querySelectorAll(".sp-order li")].map(li => {
                const text = li.querySelector(".sp-order-text");
                const range = document.createRange();
                range.selectNodeContents(text);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
                const buttons = [...li.querySelectorAll("button")].map(b => b.getBoundingClientRect());
                return {share: text.getBoundingClientRect().width / card.width, lines: lines,
                        words: text.textContent.trim().split(/\\s+/).length,
                        inside: buttons.every(b => b.left >= card.left && b.right <= card.right)};
            });
            return {wider: wider.map(e => e.outerHTML.slice(0, 60)), items: items};
        }""")
        assert layout["wider"] == []
        for item in layout["items"]:
            assert item["inside"], item
            assert item["share"] >= 0.6, item
            assert item["words"] == 1 or item["lines"] < item["words"], item
    page.context.close()


def test_the_exercise_page_comes_in_sections_a_phone_can_get_through(browser, base_url) -> None:
    page = phone(browser)
    page.goto(base_url + EXERCISES)
    sections = page.locator("details.sp-group")
    titles = [" ".join(title.split()) for title in sections.locator("summary h2").all_inner_texts()]
    assert titles == ["Interessentkart", "Utforskende samtale", "Observasjon", "Empatikart", "Reisekart",
                      "Hvilken metode passer?", "Prøvehandling"]
    assert [section.evaluate("s => s.open") for section in sections.all()] == [True] + [False] * 6
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"exercise page at 390 px: {height} px high")
    assert height <= 4 * 844, height

    headings = [" ".join(h.split()) for h in page.locator(".sp-exercise h3").all_text_contents()]
    assert len(headings) == page.locator(".sp-exercise").count() == 21
    assert not [h for h in headings if h.startswith("Oppgave")]
    assert headings[0] == "Sett stegene i «Interessentkart» i riktig rekkefølge."
    assert headings[15:20] == [f"Situasjon {n}" for n in range(1, 6)]

    first = sections.first.locator(".sp-group__status")
    assert first.inner_text() == "0 av 3 oppgaver gjort"
    box = sections.first.locator('.sp-exercise[data-sp-type="single_choice"]').first
    box.locator('input[data-sp-correct="true"]').check()
    box.locator(".sp-check").click()
    assert first.inner_text() == "1 av 3 oppgaver gjort"
    page.context.close()


def test_the_key_stays_out_of_sight_until_an_answer_was_tried(page, browser, base_url) -> None:
    page.goto(base_url + EXERCISES)
    shown = page.locator(".sp-group[open] .sp-exercise")
    assert shown.count() == 3
    assert not [n for n in range(3) if shown.nth(n).locator(".sp-key").is_visible()]

    box = exercise(page, "single_choice")
    key = box.locator(".sp-key")
    box.locator(".sp-check").click()
    assert box.locator(".sp-result").inner_text() == "Velg et svar først."
    assert not key.is_visible()  # nothing tried yet
    box.locator('input[data-sp-correct="false"]').first.check()
    box.locator(".sp-check").click()
    assert box.locator(".sp-result").inner_text() == "Ikke helt. Les forklaringen og prøv igjen."
    assert key.is_visible() and key.locator("summary").inner_text() == "Vis fasit"
    assert not exercise(page, "ordering").locator(".sp-key").is_visible()

    page.reload()  # the try is remembered
    assert exercise(page, "single_choice").locator(".sp-key").is_visible()
    assert not exercise(page, "ordering").locator(".sp-key").is_visible()

    # Without scripts nothing can be checked: the key is there to read from the start.
    still = phone(browser, javascript=False)
    still.goto(base_url + EXERCISES)
    assert still.locator(".sp-group[open] .sp-exercise .sp-key").first.is_visible()
    still.context.close()


def test_the_menu_tells_a_page_seen_from_a_page_done(page, base_url) -> None:
    def marker(text: str) -> tuple[str, str]:
        link = page.locator(".md-sidebar--primary a.md-nav__link", has_text=text).first
        return tuple(link.evaluate("""a => {
            const after = getComputedStyle(a, "::after");
            return [a.classList.contains("sp-done") ? "done" : a.classList.contains("sp-seen") ? "seen" : "",
                    after.content === "none" ? "" : after.content + " " + after.borderTopStyle];
        }"""))

    page.goto(base_url + f"moduler/{MODULE}/")
    page.goto(base_url + EXERCISES)
    page.wait_for_function("document.querySelector('.md-sidebar--primary .sp-seen')")
    # Opened, not done: a ring, not a tick, by the exercise page and by its module.
    assert marker("Oppgaver til") == ("seen", '"" solid')
    assert marker("Økt 1: Forstå utfordringen") == ("seen", '"" solid')
    assert marker("Interessentkart") == ("", "")

    # Every exercise answered: the exercise page is done; the module waits for its method pages.
    page.evaluate("""module => {
        const found = window.startpakkeCourse.modules.find(m => m.slug === module);
        found.exercises.forEach(id => Startpakke.progress.exercise(id, {done: true, correct: true}));
    }""", MODULE)
    assert marker("Oppgaver til") == ("done", '"✓" none')
    assert marker("Økt 1: Forstå utfordringen") == ("seen", '"" solid')

"""Session plans: clock times from a start time, the checklist from the cards, and the action."""

from __future__ import annotations

from pathlib import Path

import pytest

from startpakke.cards.plans import session_markdown
from startpakke.sessions import parse_clock, session_plan
from startpakke.model import Course

from .conftest import flat, page_sizes_mm, pdf_text


def module(course: Course, slug: str):
    return next(m for m in course.modules if m.slug == slug)


def test_agenda_gets_clock_times_from_the_start(course: Course) -> None:
    plan = session_plan(course, module(course, "okt-1"), parse_clock("13:30"))
    assert [(s.times, s.title) for s in plan.slots] == [
        ("13:30–13:45", "Velkommen og innsjekk"),
        ("13:45–14:30", "Interessentkart"),
        ("14:30–14:45", ""),  # an untitled break: the plans print «Pause»
        ("14:45–15:45", "Giellakafeá – språkkafé på samisk"),
        ("15:45–16:00", "Oppsummering"),
    ]
    assert [s.card_number for s in plan.slots if s.method] == [1, 2]
    assert plan.buffer == 30 and plan.end == parse_clock("16:30")


def test_a_session_past_midnight_wraps_the_clock(course: Course) -> None:
    plan = session_plan(course, module(course, "okt-1"), parse_clock("23:00"))
    assert plan.slots[1].times == "23:15–00:00" and plan.slots[2].times == "00:00–00:15"


def test_digital_session_lists_tools_physical_session_lists_materials(course: Course) -> None:
    digital = session_plan(course, module(course, "okt-1"))
    assert [(i.text, i.methods) for i in digital.checklist] == [
        ("Videomøte", ["Interessentkart", "Giellakafeá – språkkafé på samisk"]),
        ("Digital tavle", ["Interessentkart"]),
    ]
    physical = session_plan(course, module(course, "okt-2"))
    assert [i.text for i in physical.checklist] == [
        "Enkle rekvisitter", "Et stort ark (A2 eller større) eller en tavle",
        "Gule lapper i to eller tre farger", "Tusjer til alle"]
    assert physical.not_suited == [], "a physical session needs no digital variant"


def test_markdown_page_for_the_site(course: Course) -> None:
    text = session_markdown(session_plan(course, module(course, "okt-1")), lambda slug: f"../metoder/{slug}.md")
    assert "| 09:15–10:00 | [Interessentkart](../metoder/interessentkart.md) (kort 1) – Deltakerne lager" in text
    assert "| 10:00–10:15 | *Pause* | 15 |" in text
    assert "## Digital økt 1: Forstå og utvikle" in text
    assert "### Etter økta: Utforskende samtaler med tre foreninger" in text
    assert "- Hva overrasket deg mest?" in text


def test_session_plan_pdf_is_a4_with_times_checklist_and_action(a6: Path) -> None:
    pdf = a6 / "okter" / "okt-1.pdf"
    assert page_sizes_mm(pdf) == [(210, 297)]
    text = flat(pdf_text(pdf))
    for expected in ["digital økt 1: forstå og utvikle", "09:00–09:15", "velkommen og innsjekk",
                     "10:15–11:15", "giellakafeá – språkkafé på samisk", "pause", "verktøy og utstyr",
                     "videomøte", "forberedelser", "skriv utfordringen midt på arket",
                     "etter økta: utforskende samtaler med tre foreninger", "hvem burde du også ha snakket med?",
                     "30 minutter å gå på"]:
        assert expected in text, expected
    physical = flat(pdf_text(a6 / "okter" / "okt-2.pdf"))
    assert "du trenger" in physical and "enkle rekvisitter" in physical and "fysisk økt" in physical


def test_session_html_fragment_for_the_site(a6: Path) -> None:
    html = (a6 / "okter" / "okt-1.html").read_text("utf-8")
    assert html.lstrip().startswith('<section class="sp-session sp-digital">')
    assert "<td class=\"sp-time\">09:15–10:00</td>" in html and "<html" not in html


@pytest.mark.parametrize("text", ["9", "24:00", "12:60", "kl 9", ""])
def test_start_time_must_be_a_time_of_day(text: str) -> None:
    with pytest.raises(ValueError, match="HH:MM"):
        parse_clock(text)


def test_start_time_forms() -> None:
    assert parse_clock("09:00") == 540 and parse_clock("9.30") == 570 and parse_clock(" 23:59 ") == 1439

"""The interface follows the course's language: the example course with `language: en` says every word
around the content in English (Material's chrome and ours, exercises, player, progress, cards), while
the content stays as written."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.site.sitekit import REPO, chromium, serve_folder
from startpakke.cli import app

NORWEGIAN_CHROME = ["Sjekk svaret", "Vis fasit", "Relaterte metoder", "Last ned", "Slik gjør dere", "Hvorfor",
                    "Søk", "Neste", "Forrige", "Situasjon 1", "Metodebank", "Tekstutskrift", "Til workshopen",
                    "Hvilken metode passer?", "Laget med"]


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("english") / "kurs"
    for part in ("course", "media", "docs"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    course = root / "course" / "course.yml"
    course.write_text(course.read_text("utf-8").replace("language: nb", "language: en"), "utf-8")
    # Captions in the course language are required: the Norwegian ones stand in for English here.
    for captions in (root / "media" / "videos").glob("*.nb.vtt"):
        english = captions.with_name(captions.name.replace(".nb.", ".en."))
        shutil.copy(captions, english)
        card = root / "course" / "methods" / f"{captions.name.split('.')[0]}.yml"
        text = card.read_text("utf-8")
        line = f"    nb: media/videos/{captions.name}\n"
        assert line in text
        card.write_text(text.replace(line, line + f"    en: media/videos/{english.name}\n"), "utf-8")
    here = Path.cwd()
    try:
        import os
        os.chdir(root)
        result = CliRunner().invoke(app, ["build"])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    yield root


def page(root: Path, path: str) -> str:
    return (root / "site" / path / "index.html").read_text("utf-8")


def visible_text(html: str) -> str:
    """The page as read, without its scripts' code (lunr's own word lists name other languages)."""
    return re.sub(r"<script.*?</script>", "", html, flags=re.S)


@pytest.mark.slow
def test_pages_say_everything_around_the_content_in_english(english: Path) -> None:
    method = page(english, "metoder/interessentkart")
    assert '<html lang="en"' in method
    for words in ("Why", "How you do it", "In person", "Online", "Related methods", "Download the card (PDF)",
                  "Download the video", "Transcript of the video", "Next", "Search"):
        assert words in method, words
    assert "Interessentkart" in method  # the content is the course's own
    exercises = page(english, "moduler/okt-1-forsta-utfordringen/oppgaver")
    for words in ("Check the answer", "Show the answer", "Situation 1", "Which method fits?", "Put the steps of «",
                  "3 exercises", "Made with"):
        assert words in exercises, words
    home = page(english, "")
    assert "The course has 5 modules and takes" in home and "How to use the course" in home
    for path in ("", "metoder/interessentkart", "moduler/okt-1-forsta-utfordringen/oppgaver", "metoder"):
        text = visible_text(page(english, path))
        assert not [words for words in NORWEGIAN_CHROME if words in text], path


@pytest.mark.slow
def test_cards_and_session_plans_are_printed_in_english(english: Path) -> None:
    cards = english / "build" / "cards"
    card = subprocess.run(["pdftotext", str(cards / "interessentkart.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    for words in ("PURPOSE", "HOW YOU DO IT", "Card 1 of", "Scan for the video"):
        assert words in card, words
    assert "FORMÅL" not in card and "SLIK GJØR DERE" not in card
    plan = subprocess.run(["pdftotext", str(cards / "okter" / "okt-1-forsta-utfordringen.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Module: " in plan and "Online session" in plan and "Page 2 of 2" in plan and "Øktplan" not in plan


@pytest.mark.slow
@pytest.mark.browser
def test_the_scripts_speak_english(english: Path) -> None:
    with serve_folder(english / "site") as base, chromium() as browser:
        view = browser.new_page()
        view.goto(base)
        progress = view.locator("[data-sp-progress='course'] .sp-progress__summary")
        progress.wait_for()
        assert progress.inner_text() == "0 of 5 modules completed"
        view.goto(base + "moduler/okt-1-forsta-utfordringen/oppgaver/")
        first = view.locator(".sp-exercise").first
        first.locator(".sp-check").click()
        assert first.locator(".sp-result").inner_text() in ("Choose an answer first.",
                                                           "Right order!") or "right place" in \
            first.locator(".sp-result").inner_text()
        view.goto(base + "metoder/")
        assert "Showing 14 of 14 methods" in view.locator("[data-sp-filter] output").inner_text()
        view.goto(base + "metoder/interessentkart/")
        assert view.get_by_label("Quality").is_visible()


@pytest.mark.slow
def test_search_stems_the_course_language(english: Path) -> None:
    import json

    config = json.loads((english / "site" / "search" / "search_index.json").read_text("utf-8"))["config"]
    assert config["lang"] == ["en"]

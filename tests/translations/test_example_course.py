"""The example course's translations: English and nynorsk complete, Danish and Northern Sami partial, all
of them in step with the course and free of errors; the translated course drives the exercises."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, run
from tests.translations.pokit import texts, translation
from startpakke.exercises import exercises_for
from startpakke.i18n import catalog
from startpakke.loading import load_course
from startpakke.model import ChoiceExercise, OrderingExercise
from startpakke.project import Project
from startpakke.translations.checks import check_translations

LANGUAGES = ["nn", "se", "da", "en"]
ROW = re.compile(r"^│ (\S.*?) +│ +(\d+)/(\d+) │ +(\d+) │ +(\d+) │")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example course, so that `translate update` may write."""
    root = tmp_path_factory.mktemp("example")
    shutil.copytree(REPO / "course", root / "course")
    shutil.copytree(REPO / "media", root / "media")
    return root


def test_the_course_lists_its_four_translations() -> None:
    loaded = load_course(Project(REPO))
    assert loaded.course and loaded.course.info.translations == LANGUAGES


def test_the_translation_files_have_no_errors_and_english_and_nynorsk_no_warnings() -> None:
    loaded = load_course(Project(REPO))
    check_translations(loaded)
    problems = [p for p in loaded.report.sorted() if p.file.startswith("course/translations/")]
    assert not [p for p in problems if p.severity == "error"], "\n".join(map(str, problems))
    assert not [p for p in problems if p.file.endswith(("/en.po", "/nn.po"))], "\n".join(map(str, problems))


def test_the_translation_files_are_in_step_with_the_course(example: Path) -> None:
    before = {language: (example / f"course/translations/{language}.po").read_bytes() for language in LANGUAGES}
    code, output = run("translate", "update", "--course", str(example))
    assert code == 0 and output.count("in step with the course") == 4, "run `startpakke translate update`"
    assert before == {language: (example / f"course/translations/{language}.po").read_bytes()
                      for language in LANGUAGES}


def status_rows(output: str, language: str) -> dict[str, tuple[int, int, int, int]]:
    """(translated, texts, fuzzy, missing) by part, from the language's table of `translate status`."""
    table = output.split(f"{language} (")[1].split("└")[0]
    return {m[1]: (int(m[2]), int(m[3]), int(m[4]), int(m[5]))
            for m in map(ROW.match, table.splitlines()) if m}


def test_translate_status_tells_what_is_left_per_module(example: Path) -> None:
    code, output = run("translate", "status", "--course", str(example))
    assert code == 0
    course = load_course(Project(example)).course
    assert course
    modules = [module.slug for module in course.modules]
    for language in LANGUAGES:
        rows = status_rows(output, language)
        assert list(rows) == ["course.yml", *modules, "total"]
        entries = texts(example, language)
        translated = [e for e in entries if e.msgstr and not e.fuzzy]
        # The figures are the file's: every text counted once, in the part its file belongs to.
        for part, (done, total, fuzzy, missing) in rows.items():
            files = ({"course.yml"} if part == "course.yml" else {"modules/" + part + ".yml"} | {
                f"methods/{m}.yml" for m in course.modules[modules.index(part)].methods} if part in modules
                else None)
            mine = [e for e in entries if files is None or e.msgctxt.split(":")[0] in files]
            assert (total, done) == (len(mine), len([e for e in translated if e in mine])), (language, part)
            assert fuzzy == 0 and done + missing == total
        done, total = rows["total"][:2]
        assert f"{language} (" in output and f"{done} of {total} texts translated" in output
    assert all(row[3] == 0 for language in ("en", "nn") for row in status_rows(output, language).values())
    for language in ("da", "se"):
        rows = status_rows(output, language)
        assert rows["hva-er-samskaping"][3] == 0 and rows["total"][3] > 0  # the introduction is done
        assert rows["okt-3-prototype-og-test"][0] == 0  # nothing of the third session yet


def test_exercises_generated_from_the_english_course_are_in_english() -> None:
    english = translation(REPO, "en")
    course = english.course
    assert course.language == "en" and not english.fallbacks
    module = course.modules[1]
    tr = catalog("en")
    exercises = exercises_for(course, module, tr)
    ordering = next(e for e in exercises if isinstance(e, OrderingExercise))
    method = course.methods_of(module)[0]
    assert ordering.question == tr.gettext("Put the steps of «%(method)s» in the right order.") % {
        "method": "Stakeholder map"}
    assert ordering.items == [step.title for step in method.steps] and "Look for gaps" in ordering.items
    phase = next(e for e in exercises if isinstance(e, ChoiceExercise) and e.id == f"fase-{method.slug}")
    assert [choice.text for choice in phase.choices] == [
        "Understand the challenge", "Develop ideas", "Choose ideas", "Prototype and test"]
    bokmal = load_course(Project(REPO)).course
    assert bokmal
    source_words = {step.title for m in bokmal.methods.values() for step in m.steps}
    assert not source_words & {text for e in exercises_for(course, module, tr)
                               for text in getattr(e, "items", [])}


def test_a_partial_translation_keeps_the_structure_and_says_what_fell_back() -> None:
    sami, source = translation(REPO, "se"), load_course(Project(REPO)).course
    assert source
    card, original = sami.course.methods["interessentkart"], source.methods["interessentkart"]
    assert card.title != original.title and card.steps[0].text != original.steps[0].text
    for field in ("phase", "duration", "group_size", "related", "slug"):
        assert getattr(card, field) == getattr(original, field)
    assert card.video and original.video and card.video.title != original.video.title
    assert card.video.model_dump(exclude={"title"}) == original.video.model_dump(exclude={"title"})
    assert [step.minutes for step in card.steps] == [step.minutes for step in original.steps]
    assert sami.untranslated_share("methods/interessentkart.yml") == 0.0
    assert sami.untranslated_share("methods/prototype.yml") == 1.0
    assert sami.course.methods["prototype"] == source.methods["prototype"]
    assert sami.fell_back("methods/prototype.yml", ("steps", 0, "text"))
    assert not sami.fell_back("modules/hva-er-samskaping.yml", ("intro",))
    assert sami.course.language == "se" and sami.source_language == "nb"

"""Generated exercises: deterministic, and their answer keys agree with the cards."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import REPO, edit, run
from startpakke.exercises import exercise_groups, exercises_for, generated_for
from startpakke.exercises.review import review
from startpakke.project import Project
from startpakke.loading import load_course
from startpakke.model import ChoiceExercise, DigitalVariant, OrderingExercise, ReflectionExercise


def _course(root: Path):
    loaded = load_course(Project(root))
    assert loaded.course, "\n".join(map(str, loaded.report.sorted()))
    return loaded.course


@pytest.fixture(scope="module")
def course():
    return _course(REPO)


def _dump(course) -> list[dict]:
    return [e.model_dump() for module in course.modules for e in exercises_for(course, module)]


def test_same_cards_give_the_same_exercises(course) -> None:
    assert _dump(course) == _dump(_course(REPO))


def test_an_edit_to_one_card_changes_only_its_own_exercises(mini: Path) -> None:
    before = {e["id"]: e for e in _dump(_course(mini))}
    edit(mini, "course/methods/idemyldring.yml", "title: Idémyldring", "title: Idédugnad")
    after = {e["id"]: e for e in _dump(_course(mini))}
    changed = {i for i in before if before[i] != after[i]}
    # the renamed method appears as a title or a distractor in these only:
    assert changed and all("idemyldring" in i or "hvilken-metode" in i or "digital" in i for i in changed)
    assert before["fase-kafe"] == after["fase-kafe"]


def test_answer_keys_agree_with_the_cards(course) -> None:
    for module in course.modules:
        for method in course.methods_of(module):
            by_id = {e.id: e for e in generated_for(course, module)}
            order = by_id[f"rekkefolge-{method.slug}"]
            assert isinstance(order, OrderingExercise)
            assert order.items == [step.title for step in method.steps]

            which = by_id[f"hvilken-metode-{method.slug}"]
            assert isinstance(which, ChoiceExercise)
            assert [c.text for c in which.choices if c.correct] == [method.title]
            assert len(which.choices) == 4 and len({c.text for c in which.choices}) == 4
            assert all(c.feedback for c in which.choices)

            phase = by_id[f"fase-{method.slug}"]
            assert [c.text for c in phase.choices if c.correct] == [course.phase(method.phase).title]

            if isinstance(method.digital_variant, DigitalVariant):
                digital = by_id[f"digital-{method.slug}"]
                assert [c.text for c in digital.choices if c.correct] == [method.digital_variant.summary]
            else:
                assert f"digital-{method.slug}" not in by_id


def test_modules_with_an_action_get_a_planning_exercise(course) -> None:
    for module in course.modules:
        plans = [e for e in generated_for(course, module) if isinstance(e, ReflectionExercise)]
        assert len(plans) == (1 if module.action else 0)
        if module.action:
            assert plans[0].question.startswith("Planlegg en prøvehandling")
            assert any("invitere" in prompt for prompt in plans[0].prompts)


def test_editors_can_skip_and_replace_generated_exercises(mini: Path) -> None:
    edit(mini, "course/modules/okt-1.yml", "action:", "skip_exercises:\n  - fase-samtale\naction:")
    edit(mini, "course/modules/okt-1.yml", "action:", """exercises:
  - type: reflection
    replaces: digital-idemyldring
    question: Hvordan ville du myldret på nett?
action:""")
    course = _course(mini)
    ids = [e.id for e in exercises_for(course, course.modules[1])]
    assert "fase-samtale" not in ids
    replaced = ids.index("digital-idemyldring")
    assert exercises_for(course, course.modules[1])[replaced].question == "Hvordan ville du myldret på nett?"


def test_the_page_shows_each_methods_exercises_together_and_numbers_the_situations(mini: Path) -> None:
    edit(mini, "course/modules/okt-1.yml", "action:", """skip_exercises:
  - hvilken-metode-samtale
exercises:
  - type: reflection
    replaces: fase-idemyldring
    question: Hvordan ville du myldret på nett?
  - type: reflection
    question: Hva tar du med deg?
action:""")
    course = _course(mini)
    module = course.modules[1]
    groups = exercise_groups(course, module)
    assert [group.id for group in groups] == [
        "metode-samtale", "metode-idemyldring", "hvilken-metode", "egne-oppgaver", "provehandling"]
    assert [group.title for group in groups][2:] == ["Hvilken metode passer?", "Spørsmål om modulen", "Prøvehandling"]
    shown = {item.exercise.id: item.heading for group in groups for item in group.exercises}
    # The same exercises, under the same ids (progress keys on them), each shown once.
    assert sorted(shown) == sorted(exercise.id for exercise in exercises_for(course, module))
    assert [item.exercise.id for item in groups[1].exercises] == [
        "rekkefolge-idemyldring", "fase-idemyldring", "digital-idemyldring"]
    # The one situation left after skipping is number 1; the other questions are their own headings.
    assert shown["hvilken-metode-idemyldring"] == "Situasjon 1"
    assert shown["fase-idemyldring"] is None and shown["egen-1"] is None and shown["rekkefolge-samtale"] is None


def test_unknown_skip_or_replace_id_is_an_error(mini: Path) -> None:
    edit(mini, "course/modules/okt-1.yml", "action:", "skip_exercises:\n  - fase-samtal\naction:")
    code, output = run("check", "--course", str(mini))
    assert code == 1
    assert "course/modules/okt-1.yml:24:5: skip_exercises[1]: error: no generated exercise " \
        "`fase-samtal` in this module" in output
    assert "did you mean `fase-samtale`?" in output


def test_review_flags_short_orderings_and_competing_methods(mini: Path) -> None:
    flagged = {exercise.id: reasons for _, exercise, reasons in review(_course(mini)) if reasons}
    assert "only 2 items to order: too easy to guess" in flagged["rekkefolge-samtale"]
    assert "rekkefolge-kafe" not in flagged
    edit(mini, "course/methods/idemyldring.yml", "when_to_use: Når utfordringen er klar.",
         "when_to_use: Tidlig i arbeidet med utfordringen.")
    edit(mini, "course/methods/samtale.yml", "when_to_use: Tidlig i arbeidet.",
         "when_to_use: Tidlig i arbeidet med utfordringen.")
    flagged = {exercise.id: reasons for _, exercise, reasons in review(_course(mini)) if reasons}
    assert "«Idémyldring» fits much the same situation as «Utforskende samtale»" in \
        flagged["hvilken-metode-samtale"]


def test_exercises_command_shows_every_exercise(course) -> None:
    code, output = run("exercises", "--course", str(REPO))
    assert code == 0
    total = sum(len(exercises_for(course, m)) for m in course.modules)
    assert f"{total} exercises" in output
    assert "✓ Interessentkart" in output


def test_a_course_with_one_method_and_one_phase_gets_no_choice_without_choices(mini: Path) -> None:
    for slug in ("samtale", "idemyldring"):
        (mini / f"course/methods/{slug}.yml").unlink()
    edit(mini, "course/course.yml", """  - id: utvikle
    title: Utvikle ideer
    description: Lag mange ideer sammen.
""", "")
    edit(mini, "course/course.yml", "  - okt-1\n", "")
    (mini / "course/modules/okt-1.yml").unlink()
    edit(mini, "course/methods/kafe.yml", "related:\n  - samtale\n", "")
    course = _course(mini)
    ids = [e.id for e in generated_for(course, course.modules[0])]
    assert ids == ["rekkefolge-kafe"]


def test_generated_sentences_read_naturally_whatever_the_cards_say(course) -> None:
    """Card text is quoted, never spliced into a sentence: no «brukes når: Når», no «?:», no «..»."""
    texts = [text for module in course.modules for exercise in exercises_for(course, module)
             for text in [getattr(exercise, "question", ""), getattr(exercise, "feedback", ""),
                          *(choice.feedback for choice in getattr(exercise, "choices", []))]]
    assert texts
    for text in texts:
        assert not re.search(r"[?!.]:|\.\.|:\s*:|når: Når", text), text
        assert text.count("«") == text.count("»"), text

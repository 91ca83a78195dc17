"""Exercise pages in the rendered course: in the learner flow, with the answer key in the page."""

from __future__ import annotations

import re

import pytest

from tests.helpers import REPO
from startpakke.exercises import exercise_groups, exercises_for
from startpakke.exercises.generate import every_module_groups, shuffled_items
from startpakke.project import Project
from startpakke.loading import load_course
from startpakke.model import OrderingExercise
from startpakke.layout import Layout, exercises, method, module as module_page
from startpakke.site.publication import course_script
from startpakke.site.render import render_course


@pytest.fixture(scope="module")
def course():
    return load_course(Project(REPO)).course


def test_exercise_pages_follow_each_modules_methods_in_the_flow(course) -> None:
    flow = render_course(course).flow
    source = Layout(course.info.site_url).source
    for module in course.modules:
        page = source(exercises(module.slug))
        assert page in flow
        last = source(method(module.methods[-1]) if module.methods else module_page(module.slug))
        assert flow.index(page) == flow.index(last) + 1


def test_the_page_carries_every_exercise_with_its_key(course) -> None:
    module = course.modules[1]
    markdown = render_course(course).pages[f"moduler/{module.slug}/oppgaver/index.md"]
    exercises = exercises_for(course, module)
    assert markdown.count('class="sp-exercise"') == len(exercises)
    for exercise in exercises:
        assert f'data-sp-exercise="{module.slug}/{exercise.id}"' in markdown
    assert markdown.count('data-sp-correct="true"') == sum(
        sum(c.correct for c in e.choices) for e in exercises if hasattr(e, "choices"))


def test_the_page_folds_each_group_away_but_the_first_and_numbers_no_exercise(course) -> None:
    module = course.modules[1]
    markdown = render_course(course).pages[f"moduler/{module.slug}/oppgaver/index.md"]
    groups = exercise_groups(course, module)
    assert markdown.count('<details class="sp-group"') == len(groups) == len(module.methods) + 2
    assert markdown.count(" data-sp-group open>") == 1
    assert f'id="metode-{module.methods[0]}" data-sp-group open>' in markdown
    assert not re.search(r">\s*(Oppgave|Exercise) \d+\s*<", markdown)
    assert len(re.findall(r"<h3[ >]", markdown)) == len(exercises_for(course, module))  # one heading each


def test_the_whole_course_gets_each_modules_own_groups(course) -> None:
    """The site renders every module's exercises in one go, sharing what they are drawn from."""
    assert every_module_groups(course) == {module.slug: exercise_groups(course, module) for module in course.modules}


def test_ordering_items_never_start_in_the_right_order(course) -> None:
    for module in course.modules:
        for exercise in exercises_for(course, module):
            if isinstance(exercise, OrderingExercise):
                shown = shuffled_items(exercise)
                assert sorted(shown) == list(enumerate(exercise.items, start=1))
                assert [position for position, _ in shown] != list(range(1, len(shown) + 1))


def test_learner_data_lists_pages_and_exercises_per_module(course) -> None:
    site = render_course(course)
    script = course_script(site.learner_data)
    assert script.startswith("window.startpakkeCourse = {")
    data = site.learner_data
    assert data["pages"][0] == "" and data["pages"][-1] == "avslutning/"
    first = data["modules"][1]
    assert first["pages"][0] == f"moduler/{course.modules[1].slug}/"
    assert first["pages"][-1] == f"moduler/{course.modules[1].slug}/oppgaver/"
    assert len(first["exercises"]) == len(exercises_for(course, course.modules[1]))


def test_text_in_the_learner_data_cannot_close_its_script() -> None:
    script = course_script({"modules": [{"title": "x </script><b>"}]})
    assert "<" not in script and "\\u003c/script>" in script

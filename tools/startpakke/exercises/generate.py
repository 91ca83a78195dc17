"""Generate exercises from method cards. Deterministic: the same cards always give the same exercises.

Randomness (distractors, the order of choices) comes from a generator seeded by the exercise id, so an
edit to one card changes only that card's exercises.

Exercises are made with `model_construct`: their text comes from cards that were validated already, and
the limits on editors' own exercises (a question of 300 characters, plain text) do not apply to them.
"""

from __future__ import annotations

import functools
import hashlib
import random
import re
from dataclasses import dataclass

from ..i18n import Catalog, catalog
from ..model import (
    Choice,
    ChoiceExercise,
    Course,
    DigitalVariant,
    Method,
    Module,
    OrderingExercise,
    Phase,
    ReflectionExercise,
)

Exercise = ChoiceExercise | OrderingExercise | ReflectionExercise
DISTRACTORS = 3


@dataclass(frozen=True)
class Shown:
    """An exercise as the page shows it."""

    exercise: Exercise
    heading: str | None
    """None when the question is the heading; a heading of its own where the question is long (a
    situation quoted from a card)."""


@dataclass(frozen=True)
class Group:
    """Exercises the page shows together: one method's, or those on the module as a whole."""

    id: str
    """`metode-<slug>` for a method's group, else WHICH, OWN or ACTION: the group's anchor on the page."""
    title: str
    exercises: list[Shown]


# Groups besides the methods' own. «Which method fits» has a group of its own: in a method's group its
# answer would be the group's title.
WHICH, OWN, ACTION = "hvilken-metode", "egne-oppgaver", "provehandling"


@dataclass(frozen=True)
class _Placed:
    group: str
    shown: Shown


def exercises_for(course: Course, module: Module, tr: Catalog | None = None) -> list[Exercise]:
    """What learners get: generated exercises minus skipped ones, custom ones in place of replaced."""
    return [placed.shown.exercise for placed in _placed(course, module, tr or catalog(course.language))]


def every_module_groups(course: Course, tr: Catalog | None = None) -> dict[str, list[Group]]:
    """`exercise_groups` of every module, by its slug; the methods distractors are drawn from are sorted
    once for the whole course (per module, that took a fifth of rendering a 1500-method site)."""
    candidates = _Candidates(course)
    return {module.slug: exercise_groups(course, module, tr, candidates) for module in course.modules}


def exercise_groups(course: Course, module: Module, tr: Catalog | None = None,
                    candidates: _Candidates | None = None) -> list[Group]:
    """The exercises of `exercises_for` as the page shows them: a group for each of the module's methods
    (its steps, phase and digital variant), then «which method fits», the editors' own and the trial
    action. The ids stay those of `exercises_for`, so progress keeps."""
    tr = tr or catalog(course.language)
    _ = tr.gettext
    titles = {_method_group(method): method.title for method in course.methods_of(module)}
    titles.update({WHICH: _("Which method fits?"), OWN: _("Questions on the module"),
                   ACTION: _("Trial action")})
    placed = _placed(course, module, tr, candidates)
    groups = []
    for key, title in titles.items():
        members = [item.shown for item in placed if item.group == key]
        # A situation's heading cannot name its method, the answer: they are numbered, after skipping.
        situations = iter(range(1, len(members) + 1))
        members = [Shown(shown.exercise, _("Situation %(number)s") % {"number": next(situations)})
                   if shown.heading == "" else shown for shown in members]
        if members:
            groups.append(Group(key, title, members))
    return groups


def _method_group(method: Method) -> str:
    return f"metode-{method.slug}"


def _placed(course: Course, module: Module, tr: Catalog, candidates: _Candidates | None = None) -> list[_Placed]:
    replacing = {exercise.replaces: exercise for exercise in module.exercises if exercise.replaces}
    result: list[_Placed] = []
    for made in _made_for(course, module, tr, candidates):
        if made.shown.exercise.id in module.skip_exercises:
            continue
        replacement = replacing.pop(made.shown.exercise.id, None)
        if replacement:  # takes the place, and the id, of the generated one
            exercise = replacement.model_copy(update={"id": replacement.id or made.shown.exercise.id})
            made = _Placed(made.group, Shown(exercise, None))
        result.append(made)
    custom = [exercise for exercise in module.exercises if not exercise.replaces]
    for number, exercise in enumerate(custom, start=1):
        exercise = exercise if exercise.id else exercise.model_copy(update={"id": f"egen-{number}"})
        result.append(_Placed(OWN, Shown(exercise, None)))
    return result


def generated_for(course: Course, module: Module, tr: Catalog | None = None) -> list[Exercise]:
    """The exercises made from the module's cards, worded in `tr`'s language (the course's by default).
    Their ids do not depend on the language: skip_exercises and progress keep working."""
    return [made.shown.exercise for made in _made_for(course, module, tr or catalog(course.language))]


def _made_for(course: Course, module: Module, tr: Catalog, candidates: _Candidates | None = None) -> list[_Placed]:
    _ = tr.gettext
    made: list[_Placed] = []
    candidates = candidates or _Candidates(course)
    for method in course.methods_of(module):
        group = _method_group(method)
        # Each kind needs something to choose between: two steps, two methods, two phases.
        if len(method.steps) >= 2:
            made.append(_Placed(group, Shown(ordering(method, tr), None)))
        if len(course.methods) >= 2:
            made.append(_Placed(WHICH, Shown(which_method(course, method, tr, candidates), "")))  # numbered later
        if len(course.info.phases) >= 2:
            made.append(_Placed(group, Shown(phase(course, method, tr), None)))
        if isinstance(method.digital_variant, DigitalVariant) and len(candidates.digital) >= 2:
            made.append(_Placed(group, Shown(digital(course, method, tr, candidates), None)))
    if module.action:
        made.append(_Placed(ACTION, Shown(plan_action(module, tr), None)))
    return made


def _rng(exercise_id: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(exercise_id.encode()).digest()[:8], "big"))


@functools.lru_cache(maxsize=4096)  # a phase's description is asked for by every method's exercise
def first_sentence(text: str) -> str:
    sentence = re.split(r"(?<=[.!?])\s+", " ".join(text.split()), maxsplit=1)[0]
    return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


def _shuffled(exercise_id: str, choices: list[Choice]) -> list[Choice]:
    _rng(exercise_id + "/order").shuffle(choices)
    return choices


def shuffled_items(exercise: OrderingExercise) -> list[tuple[int, str]]:
    """The items as learners first see them, each with its right position (from 1): never in order."""
    numbered = list(enumerate(exercise.items, start=1))
    _rng(exercise.id + "/items").shuffle(numbered)
    if [position for position, _ in numbered] == list(range(1, len(numbered) + 1)):
        numbered = numbered[1:] + numbered[:1]
    return numbered


class _Candidates:
    """The methods a distractor is drawn from, in slug order: sorted once for all of a module's exercises."""

    def __init__(self, course: Course) -> None:
        self.every = [method for _, method in sorted(course.methods.items())]
        self.digital = [method for method in self.every if isinstance(method.digital_variant, DigitalVariant)]
        self.places = {pool: {method.slug: at for at, method in enumerate(getattr(self, pool))}
                       for pool in ("every", "digital")}

    def others(self, method: Method, exercise_id: str, count: int, digital_only: bool = False) -> list[Method]:
        pool = "digital" if digital_only else "every"
        methods, at = getattr(self, pool), self.places[pool].get(method.slug)
        others = methods if at is None else methods[:at] + methods[at + 1:]
        return _rng(exercise_id).sample(others, min(count, len(others)))


def ordering(method: Method, tr: Catalog) -> OrderingExercise:
    _ = tr.gettext
    numbered = "; ".join(f"{n}. {step.title}" for n, step in enumerate(method.steps, start=1))
    return OrderingExercise.model_construct(
        type="ordering",
        id=f"rekkefolge-{method.slug}",
        question=_("Put the steps of «%(method)s» in the right order.") % {"method": method.title},
        items=[step.title for step in method.steps],
        feedback=_("The order on the method card is: %(steps)s.") % {"steps": numbered},
    )


def which_method(course: Course, method: Method, tr: Catalog, candidates: _Candidates | None = None) -> ChoiceExercise:
    _ = tr.gettext
    exercise_id = f"hvilken-metode-{method.slug}"
    situation = first_sentence(method.when_to_use)
    choices = [Choice.model_construct(text=method.title, correct=True, feedback=_(
        "Right. The card for «%(method)s» says what it gives you: «%(purpose)s»") % {"method": method.title, "purpose": first_sentence(method.purpose)})]
    for other in (candidates or _Candidates(course)).others(method, exercise_id, DISTRACTORS):
        choices.append(Choice.model_construct(text=other.title, correct=False, feedback=_(
            "Not here. The card for «%(method)s» says when it fits: «%(situation)s»") % {
                "method": other.title, "situation": first_sentence(other.when_to_use)}))
    return ChoiceExercise.model_construct(
        type="single_choice", id=exercise_id,
        question=_("Which method fits this situation best: «%(situation)s»") % {"situation": situation},
        choices=_shuffled(exercise_id, choices),
    )


def phase(course: Course, method: Method, tr: Catalog) -> ChoiceExercise:
    _ = tr.gettext
    exercise_id = f"fase-{method.slug}"
    right = course.phase(method.phase)

    def feedback(p: Phase) -> str:
        about = {"phase": p.title, "description": first_sentence(p.description),
                 "method": method.title, "right": right.title}
        if p.id == right.id:
            return _("Right. The phase «%(phase)s»: «%(description)s»") % about
        return _("No, «%(method)s» belongs to «%(right)s». The phase «%(phase)s»: «%(description)s»") % about

    choices = [Choice.model_construct(text=p.title, correct=p.id == right.id, feedback=feedback(p))
               for p in course.info.phases]
    return ChoiceExercise.model_construct(
        type="single_choice", id=exercise_id,
        question=_("Which phase of co-creation does «%(method)s» belong to?") % {"method": method.title},
        choices=choices,
    )


def digital(course: Course, method: Method, tr: Catalog, candidates: _Candidates | None = None) -> ChoiceExercise:
    _ = tr.gettext
    exercise_id = f"digital-{method.slug}"
    variant = method.digital_variant
    assert isinstance(variant, DigitalVariant)
    choices = [Choice.model_construct(text=variant.summary, correct=True,
                                      feedback=_("Right. Tools: %(tools)s.") % {"tools": ", ".join(variant.tools)})]
    for other in (candidates or _Candidates(course)).others(method, exercise_id, DISTRACTORS - 1, digital_only=True):
        assert isinstance(other.digital_variant, DigitalVariant)
        choices.append(Choice.model_construct(
            text=other.digital_variant.summary, correct=False,
            feedback=_("No, this is the digital variant of «%(method)s».") % {"method": other.title}))
    return ChoiceExercise.model_construct(
        type="single_choice", id=exercise_id,
        question=_("What changes when «%(method)s» is done online?") % {"method": method.title},
        choices=_shuffled(exercise_id, choices),
    )


def plan_action(module: Module, tr: Catalog) -> ReflectionExercise:
    _ = tr.gettext
    assert module.action
    return ReflectionExercise.model_construct(
        type="reflection",
        id=f"provehandling-{module.slug}",
        question=_("Plan a trial action: %(action)s") % {"action": module.action.title},
        prompts=[
            _("Whom will you invite, and why them?"),
            _("Which method from the course will you use?"),
            _("When and where will it happen?"),
            _("What do you hope to learn?"),
        ],
    )

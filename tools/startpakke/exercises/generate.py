"""Generate exercises from method cards. Deterministic: the same cards always give the same exercises.

Randomness (distractors, the order of choices) comes from a generator seeded by the exercise id, so an
edit to one card changes only that card's exercises.

Exercises are made with `model_construct`: their text comes from cards that were validated already, and
the limits on editors' own exercises (a question of 300 characters, plain text) do not apply to them.
"""

from __future__ import annotations

import hashlib
import random
import re

from ..model import (
    Choice,
    ChoiceExercise,
    Course,
    DigitalVariant,
    Method,
    Module,
    OrderingExercise,
    ReflectionExercise,
)

Exercise = ChoiceExercise | OrderingExercise | ReflectionExercise
DISTRACTORS = 3


def exercises_for(course: Course, module: Module) -> list[Exercise]:
    """What learners get: generated exercises minus skipped ones, custom ones in place of replaced."""
    replacing = {exercise.replaces: exercise for exercise in module.exercises if exercise.replaces}
    result: list[Exercise] = []
    for exercise in generated_for(course, module):
        if exercise.id in module.skip_exercises:
            continue
        replacement = replacing.pop(exercise.id, None)
        if replacement:  # takes the place, and the id, of the generated one
            exercise = replacement.model_copy(update={"id": replacement.id or exercise.id})
        result.append(exercise)
    custom = [exercise for exercise in module.exercises if not exercise.replaces]
    for number, exercise in enumerate(custom, start=1):
        result.append(exercise if exercise.id else exercise.model_copy(update={"id": f"egen-{number}"}))
    return result


def generated_for(course: Course, module: Module) -> list[Exercise]:
    exercises: list[Exercise] = []
    digital_methods = [m for m in course.methods.values() if isinstance(m.digital_variant, DigitalVariant)]
    for method in course.methods_of(module):
        # Each kind needs something to choose between: two steps, two methods, two phases.
        if len(method.steps) >= 2:
            exercises.append(ordering(method))
        if len(course.methods) >= 2:
            exercises.append(which_method(course, method))
        if len(course.info.phases) >= 2:
            exercises.append(phase(course, method))
        if isinstance(method.digital_variant, DigitalVariant) and len(digital_methods) >= 2:
            exercises.append(digital(course, method))
    if module.action:
        exercises.append(plan_action(module))
    return exercises


def _rng(exercise_id: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(exercise_id.encode()).digest()[:8], "big"))


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


def _others(course: Course, method: Method, exercise_id: str, count: int,
            digital_only: bool = False) -> list[Method]:
    own = method.slug  # read once: a private attribute is slow to reach on a pydantic model
    others = [m for slug, m in sorted(course.methods.items()) if slug != own
              and (not digital_only or isinstance(m.digital_variant, DigitalVariant))]
    return _rng(exercise_id).sample(others, min(count, len(others)))


def ordering(method: Method) -> OrderingExercise:
    numbered = "; ".join(f"{n}. {step.title}" for n, step in enumerate(method.steps, start=1))
    return OrderingExercise.model_construct(
        type="ordering",
        id=f"rekkefolge-{method.slug}",
        question=f"Sett stegene i «{method.title}» i riktig rekkefølge.",
        items=[step.title for step in method.steps],
        feedback=f"Rekkefølgen på metodekortet er: {numbered}.",
    )


def which_method(course: Course, method: Method) -> ChoiceExercise:
    exercise_id = f"hvilken-metode-{method.slug}"
    situation = first_sentence(method.when_to_use)
    choices = [Choice.model_construct(text=method.title, correct=True,
                      feedback=f"Riktig. {method.title}: {first_sentence(method.purpose)}")]
    for other in _others(course, method, exercise_id, DISTRACTORS):
        choices.append(Choice.model_construct(
            text=other.title,
            feedback=f"Ikke her. {other.title} brukes når: {first_sentence(other.when_to_use)}",
        ))
    return ChoiceExercise.model_construct(
        type="single_choice", id=exercise_id,
        question=f"Hvilken metode passer best i denne situasjonen: «{situation}»",
        choices=_shuffled(exercise_id, choices),
    )


def phase(course: Course, method: Method) -> ChoiceExercise:
    exercise_id = f"fase-{method.slug}"
    right = course.phase(method.phase)
    choices = [
        Choice.model_construct(
            text=p.title, correct=p.id == right.id,
            feedback=(f"Riktig. {p.title}: {first_sentence(p.description)}" if p.id == right.id else
                      f"Nei, «{method.title}» hører til «{right.title}». {p.title}: "
                      f"{first_sentence(p.description)}"),
        )
        for p in course.info.phases
    ]
    return ChoiceExercise.model_construct(
        type="single_choice", id=exercise_id,
        question=f"Hvilken fase i samskapingen hører «{method.title}» til?",
        choices=choices,
    )


def digital(course: Course, method: Method) -> ChoiceExercise:
    exercise_id = f"digital-{method.slug}"
    variant = method.digital_variant
    assert isinstance(variant, DigitalVariant)
    choices = [Choice.model_construct(text=variant.summary, correct=True,
                      feedback=f"Riktig. Verktøy: {', '.join(variant.tools)}.")]
    for other in _others(course, method, exercise_id, DISTRACTORS - 1, digital_only=True):
        assert isinstance(other.digital_variant, DigitalVariant)
        choices.append(Choice.model_construct(text=other.digital_variant.summary,
                              feedback=f"Nei, dette er den digitale varianten av «{other.title}»."))
    return ChoiceExercise.model_construct(
        type="single_choice", id=exercise_id,
        question=f"Hva endres når «{method.title}» gjøres digitalt?",
        choices=_shuffled(exercise_id, choices),
    )


def plan_action(module: Module) -> ReflectionExercise:
    assert module.action
    return ReflectionExercise.model_construct(
        type="reflection",
        id=f"provehandling-{module.slug}",
        question=f"Planlegg en prøvehandling: {module.action.title}",
        prompts=[
            "Hvem vil du invitere, og hvorfor akkurat dem?",
            "Hvilken metode fra kurset vil du bruke?",
            "Når og hvor skal det skje?",
            "Hva håper du å lære?",
        ],
    )

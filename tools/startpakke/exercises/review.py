"""Flag weak exercises for the editor: ones a learner can guess, or that have no single right answer."""

from __future__ import annotations

import re

from ..model import ChoiceExercise, Course, Module, OrderingExercise
from .generate import Exercise, exercises_for

SAME_SITUATION = 0.25
"""Word overlap (Jaccard) above which two methods' «when to use» describe much the same situation."""


def _words(text: str) -> set[str]:
    return {word for word in re.findall(r"\w+", text.lower()) if len(word) > 4}


def _overlap(a: str, b: str) -> float:
    left, right = _words(a), _words(b)
    return len(left & right) / len(left | right) if left | right else 0.0


def weaknesses(course: Course, exercise: Exercise) -> list[str]:
    reasons = []
    if isinstance(exercise, OrderingExercise) and len(exercise.items) < 3:
        reasons.append(f"only {len(exercise.items)} items to order: too easy to guess")
    if isinstance(exercise, OrderingExercise) and len(set(exercise.items)) < len(exercise.items):
        reasons.append("two items are the same, so the order is ambiguous")
    if isinstance(exercise, ChoiceExercise):
        texts = [choice.text for choice in exercise.choices]
        if len(texts) < 3:
            reasons.append(f"only {len(texts)} choices: a learner guesses right half the time")
        if len(set(texts)) < len(texts):
            reasons.append("two choices have the same text")
        if any(not choice.feedback for choice in exercise.choices):
            reasons.append("a choice has no feedback that explains it")
        reasons += _competing_methods(course, exercise)
    return reasons


def _competing_methods(course: Course, exercise: ChoiceExercise) -> list[str]:
    if not exercise.id.startswith("hvilken-metode-"):
        return []
    by_title = {method.title: method for method in course.methods.values()}
    right = next(by_title[c.text] for c in exercise.choices if c.correct and c.text in by_title)
    reasons = []
    if right.title.lower() in exercise.question.lower():
        reasons.append(f"the situation names «{right.title}» itself")
    for choice in exercise.choices:
        other = by_title.get(choice.text)
        if other and other is not right and \
                _overlap(right.when_to_use, other.when_to_use) > SAME_SITUATION:
            reasons.append(f"«{other.title}» fits much the same situation as «{right.title}»")
    return reasons


def review(course: Course) -> list[tuple[Module, Exercise, list[str]]]:
    return [(module, exercise, weaknesses(course, exercise))
            for module in course.modules for exercise in exercises_for(course, module)]

"""Exercises: generated from the method cards, plus the editors' own, per module."""

from .generate import exercise_groups, exercises_for, generated_for

__all__ = ["exercise_groups", "exercises_for", "generated_for"]

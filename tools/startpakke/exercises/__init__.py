"""Exercises: generated from the method cards, plus the editors' own, per module."""

from .generate import exercises_for, generated_for

__all__ = ["exercises_for", "generated_for"]

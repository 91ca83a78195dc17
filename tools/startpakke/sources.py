"""The course files as read: each file's model with the document it came from, for pointing a problem
at its line. Built by `loading`, read by `checks` and the steps that report on single files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import CourseFile, Method, Module
from .yamlsource import Document


@dataclass
class Sources:
    info: tuple[Document, CourseFile] | None = None
    modules: dict[str, tuple[Document, Module]] = field(default_factory=dict)
    methods: dict[str, tuple[Document, Method]] = field(default_factory=dict)
    files: dict[str, list[Path]] = field(default_factory=lambda: {"modules": [], "methods": []})
    """Every file found per kind, also those that could not be read."""

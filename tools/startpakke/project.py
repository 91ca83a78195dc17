"""Where a project's sources and every output live. No other module spells an output path.

    course/            course.yml, modules/*.yml, methods/*.yml, translations/<language>.po
    media/videos/      source videos and captions
    build/media/       `startpakke video`: renditions, posters, captions + manifest.json
    build/cards/       `startpakke cards`: PDFs, session plans + manifest.json and the fit cache;
                       a translation's in build/cards/<language>/
    site/              the built site (MkDocs' site_dir, set in mkdocs.yml)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def find(cls, course: Path | None = None) -> Project:
        """Accept the course folder itself or the project folder around it (default: the current one)."""
        path = (course or Path.cwd()).resolve()
        if (path / "course.yml").is_file() or path.name == "course":
            return cls(path.parent)
        return cls(path)

    # --- sources ----------------------------------------------------------------------------------

    @property
    def course_dir(self) -> Path:
        return self.root / "course"

    @property
    def course_file(self) -> Path:
        return self.course_dir / "course.yml"

    def sources_of(self, kind: str) -> Path:
        """The folder of one kind of course file: `modules` or `methods`."""
        return self.course_dir / kind

    def method_file(self, slug: str) -> Path:
        return self.sources_of("methods") / f"{slug}.yml"

    @property
    def translations_dir(self) -> Path:
        return self.course_dir / "translations"

    def translation_file(self, language: str) -> Path:
        """The course's texts in another language: a gettext PO file, as Poedit and Weblate open it."""
        return self.translations_dir / f"{language}.po"

    @property
    def media_dir(self) -> Path:
        return self.root / "media"

    @property
    def videos_dir(self) -> Path:
        return self.media_dir / "videos"

    @property
    def site_config(self) -> Path:
        return self.root / "mkdocs.yml"

    # --- outputs ----------------------------------------------------------------------------------

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def media_build(self) -> Path:
        """`startpakke video`'s outputs; manifest paths are relative to this folder."""
        return self.build_dir / "media"

    @property
    def media_manifest(self) -> Path:
        return self.media_build / "manifest.json"

    @property
    def cards_build(self) -> Path:
        """`startpakke cards`' outputs; manifest paths are relative to this folder."""
        return self.build_dir / "cards"

    def cards_build_in(self, language: str) -> Path:
        """The printed cards of a translation (`build/cards/se/`), or of the source language (empty)."""
        return self.cards_build / language if language else self.cards_build

    @property
    def fit_cache(self) -> Path:
        """Page counts of card sides, shared by `check` and `cards`: only edited cards are laid out."""
        return self.cards_build / ".fit-cache.json"

"""The course model: the single source of truth every output is made from.

Files map one to one onto the `*File` models (what an editor writes); `Course` is the assembled,
validated whole. Slugs are never written in YAML: they are the file stems.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    field_validator,
    model_validator,
)

Text = Annotated[str, Field(min_length=1)]
"""Non-empty text; Markdown where the field is prose."""
Minutes = Annotated[int, Field(ge=0, le=24 * 60)]
Slug = Annotated[str, Field(min_length=1)]
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class Strict(BaseModel):
    """Every model forbids unknown fields: in hand-written YAML they are nearly always typos."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Range(Strict):
    min: Annotated[int, Field(ge=0)]
    max: Annotated[int, Field(ge=0)]

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max}); swap them")
        return self


class Phase(Strict):
    id: Slug
    title: Text
    description: Text


class CourseFile(Strict):
    """course/course.yml"""

    title: Text
    subtitle: Text
    language: str = "nb"
    publisher: Text
    license: Text
    site_url: Text
    phases: Annotated[list[Phase], Field(min_length=1)]
    modules: Annotated[list[Slug], Field(min_length=1)]
    about: str = ""
    credits: list[Text] = []

    @field_validator("language")
    @classmethod
    def _bcp47(cls, value: str) -> str:
        if not LANGUAGE_TAG.match(value):
            raise ValueError(f"'{value}' is not a BCP 47 language tag such as 'nb', 'nn', 'se' or 'en'")
        return value

    @field_validator("site_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("must be a web address starting with https://")
        return value if value.endswith("/") else value + "/"


# --- method cards -------------------------------------------------------------------------------


class Step(Strict):
    title: Text
    text: Text
    minutes: Minutes


class DigitalVariant(Strict):
    summary: Text
    tools: Annotated[list[Text], Field(min_length=1)]
    steps: Annotated[list[Step], Field(min_length=1)]
    tips: list[Text] = []


class NotSuitedForDigital(Strict):
    not_suited: Text
    """Why the method does not work online."""


def _digital_kind(value: Any) -> str:
    if isinstance(value, dict) and "not_suited" in value:
        return "not_suited"
    if isinstance(value, NotSuitedForDigital):
        return "not_suited"
    return "variant"


DigitalUse = Annotated[
    Union[
        Annotated[DigitalVariant, Tag("variant")],
        Annotated[NotSuitedForDigital, Tag("not_suited")],
    ],
    Discriminator(_digital_kind),
]


class Example(Strict):
    place: Text
    text: Text


class Video(Strict):
    source: Text
    """Path from the project folder, inside media/, e.g. media/videos/interessentkart.mp4."""
    captions: dict[str, Text] = {}
    """Caption file per language code, e.g. {nb: media/videos/interessentkart.nb.vtt}."""
    title: str = ""
    poster_at: Annotated[float, Field(ge=0)] | None = None
    """Seconds into the video for the poster image."""


class MethodFile(Strict):
    """course/methods/<slug>.yml"""

    title: Text
    summary: Text
    phase: Slug
    purpose: Text
    when_to_use: Text
    duration: Range
    group_size: Range
    materials: list[Text] = []
    preparation: str = ""
    steps: Annotated[list[Step], Field(min_length=1)]
    tips: list[Text] = []
    digital_variant: DigitalUse
    examples: list[Example] = []
    video: Video | None = None
    related: list[Slug] = []
    sources: list[Text] = []

    _slug: str = PrivateAttr(default="")

    @property
    def slug(self) -> str:
        return self._slug

    @property
    def is_digital(self) -> bool:
        return isinstance(self.digital_variant, DigitalVariant)

    @property
    def step_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


# --- modules --------------------------------------------------------------------------------------


class AgendaItem(Strict):
    """One slot of a session: a method, a break, or a free item such as «Velkommen»."""

    minutes: Minutes
    method: Slug | None = None
    title: str = ""
    is_break: bool = Field(False, alias="break")
    notes: str = ""

    model_config = ConfigDict(populate_by_name=True)

    @model_validator(mode="after")
    def _one_kind(self) -> AgendaItem:
        if self.method and self.is_break:
            raise ValueError("an agenda item is a method or a break, not both")
        if not (self.method or self.is_break or self.title):
            raise ValueError("give the item a `method`, a `title`, or `break: true`")
        return self

    @property
    def kind(self) -> Literal["method", "break", "item"]:
        return "method" if self.method else "break" if self.is_break else "item"


class Session(Strict):
    title: Text
    format: Literal["digital", "physical"]
    minutes: Annotated[int, Field(gt=0)]
    agenda: Annotated[list[AgendaItem], Field(min_length=1)]

    @property
    def agenda_minutes(self) -> int:
        return sum(item.minutes for item in self.agenda)


class Action(Strict):
    """The practical task learners do between sessions (a «prøvehandling»)."""

    title: Text
    task: Text
    questions: list[Text] = []


class Choice(Strict):
    text: Text
    correct: bool = False
    feedback: str = ""


class ChoiceExercise(Strict):
    type: Literal["single_choice", "multiple_choice"]
    question: Text
    choices: Annotated[list[Choice], Field(min_length=2)]

    @model_validator(mode="after")
    def _answer_key(self) -> ChoiceExercise:
        right = sum(choice.correct for choice in self.choices)
        if right == 0:
            raise ValueError("mark at least one choice with `correct: true`")
        if self.type == "single_choice" and right > 1:
            raise ValueError("a single_choice exercise has exactly one correct choice; use multiple_choice")
        return self


class OrderingExercise(Strict):
    type: Literal["ordering"]
    question: Text
    items: Annotated[list[Text], Field(min_length=2)]
    """In the correct order; learners see them shuffled."""
    feedback: str = ""


class ReflectionExercise(Strict):
    type: Literal["reflection"]
    question: Text
    prompts: list[Text] = []


Exercise = Annotated[
    Union[ChoiceExercise, OrderingExercise, ReflectionExercise], Field(discriminator="type")
]


class ModuleFile(Strict):
    """course/modules/<slug>.yml"""

    title: Text
    summary: Text
    objectives: Annotated[list[Text], Field(min_length=1)]
    minutes: Annotated[int, Field(gt=0)]
    intro: Text
    methods: list[Slug] = []
    session: Session | None = None
    action: Action | None = None
    exercises: list[Exercise] = []

    _slug: str = PrivateAttr(default="")

    @property
    def slug(self) -> str:
        return self._slug


# --- the assembled course -------------------------------------------------------------------------

Method = MethodFile
Module = ModuleFile


class Course(BaseModel):
    """The whole course, in course order. Built by `loading.load_course`, never from YAML directly."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    info: CourseFile
    modules: list[Module]
    methods: dict[str, Method]
    """Every method card by slug, in the order modules teach them, then untaught ones by slug."""

    @property
    def language(self) -> str:
        return self.info.language

    def phase(self, phase_id: str) -> Phase:
        return next(phase for phase in self.info.phases if phase.id == phase_id)

    def module_of(self, method_slug: str) -> Module | None:
        return next((m for m in self.modules if method_slug in m.methods), None)

    def methods_of(self, module: Module) -> list[Method]:
        return [self.methods[slug] for slug in module.methods]

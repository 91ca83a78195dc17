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

    def __contains__(self, value: int) -> bool:
        return self.min <= value <= self.max

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
    title: Text = Field(description="Stegets navn, noen få ord.")
    text: Text = Field(description="Hva deltakerne eller fasilitatoren gjør i steget.")
    minutes: Minutes = Field(description="Hvor mange minutter steget tar.")


class DigitalVariant(Strict):
    summary: Text = Field(description="Hva som er annerledes når metoden gjøres på nett.")
    tools: Annotated[list[Text], Field(min_length=1)] = Field(
        description="Hva slags verktøy som trengs, f.eks. «videomøte», «digital tavle»."
    )
    steps: Annotated[list[Step], Field(min_length=1)] = Field(description="Stegene i den digitale varianten.")
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
    """course/methods/<slug>.yml. Descriptions are in Norwegian: editors see them as hints."""

    title: Text = Field(description="Tittelen på kortet og nettsiden.")
    summary: Text = Field(description="Én setning om hva metoden er.")
    phase: Slug = Field(description="Id-en til fasen metoden hører til, fra `phases:` i course.yml.")
    purpose: Text = Field(description="Hva metoden er god for: hva deltakerne får ut av den.")
    when_to_use: Text = Field(description="Når metoden passer, og når den ikke passer.")
    duration: Range = Field(description="Hvor lang tid metoden tar, i minutter: `min:` og `max:`.")
    group_size: Range = Field(description="Hvor mange deltakere metoden passer for: `min:` og `max:`.")
    materials: list[Text] = Field([], description="«Du trenger»: utstyr og materiell, én linje per ting.")
    preparation: str = Field("", description="Hva fasilitatoren gjør på forhånd.")
    steps: Annotated[list[Step], Field(min_length=1)] = Field(
        description="«Metode»: stegene i rekkefølge, hvert med `title:`, `text:` og `minutes:`."
    )
    tips: list[Text] = Field([], description="«Tips!»: korte råd, én linje per tips.")
    digital_variant: DigitalUse = Field(
        description="Hvordan metoden gjøres på nett, eller `not_suited:` med en begrunnelse."
    )
    examples: list[Example] = Field([], description="Eksempler fra bibliotek: `place:` og `text:`.")
    video: Video | None = Field(None, description="Video om metoden; legg den til med `startpakke video add`.")
    related: list[Slug] = Field([], description="Metoder som hører sammen med denne: filnavn uten .yml.")
    sources: list[Text] = Field([], description="Kilder og kreditering, én linje per kilde.")

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


class ExerciseBase(Strict):
    id: str = Field("", description="Fast id for oppgaven; tomt gir en id ut fra rekkefølgen.")
    replaces: str = Field("", description="Id-en til en generert oppgave som denne erstatter.")


class ChoiceExercise(ExerciseBase):
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


class OrderingExercise(ExerciseBase):
    type: Literal["ordering"]
    question: Text
    items: Annotated[list[Text], Field(min_length=2)]
    """In the correct order; learners see them shuffled."""
    feedback: str = ""


class ReflectionExercise(ExerciseBase):
    type: Literal["reflection"]
    question: Text
    prompts: list[Text] = []


Exercise = Annotated[
    Union[ChoiceExercise, OrderingExercise, ReflectionExercise], Field(discriminator="type")
]


class ModuleFile(Strict):
    """course/modules/<slug>.yml"""

    title: Text = Field(description="Tittelen på modulen.")
    summary: Text = Field(description="Én eller to setninger om hva modulen handler om.")
    objectives: Annotated[list[Text], Field(min_length=1)] = Field(
        description="Læringsmål: hva deltakeren kan etter modulen, én linje per mål."
    )
    minutes: Annotated[int, Field(gt=0)] = Field(description="Omtrent hvor mange minutter modulen tar.")
    intro: Text = Field(description="Innledningen på modulsiden (Markdown).")
    methods: list[Slug] = []
    session: Session | None = None
    action: Action | None = None
    exercises: list[Exercise] = Field([], description="Egne oppgaver i modulen.")
    skip_exercises: list[str] = Field(
        [], description="Id-er til genererte oppgaver som ikke skal vises (se `startpakke exercises`)."
    )

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

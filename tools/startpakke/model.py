"""The course model: the single source of truth every output is made from.

Files map one to one onto the `*File` models (what an editor writes); `Course` is the assembled,
validated whole. Slugs are never written in YAML: they are the file stems.

Every text field and list has a maximum, from what a printed card and a page can hold: the JSON
Schemas (and so VS Code) show it, and `check` refuses more before anything is laid out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import markup

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


@dataclass(frozen=True)
class Text:
    """Marks a field as course text: what a translation translates (everything else is structure)."""

    kind: markup.Kind


def _markup(kind: markup.Kind) -> AfterValidator:
    def check(value: str) -> str:
        # Looked up at each call, so a test can switch the check off to test the site's own defences.
        found = markup.markup_problem(value, kind)
        if found:
            raise PydanticCustomError("markup", "{message}", {"message": found[0], "hint": found[1]})
        return value

    return AfterValidator(check)


def _text(kind: markup.Kind, chars: int, required: bool) -> Any:
    return Annotated[str, Field(min_length=int(required), max_length=chars), _markup(kind), Text(kind)]


def Plain(chars: int, required: bool = True) -> Any:
    """One line of plain text (titles, summaries): it also goes into the page head and attributes."""
    return _text("plain", chars, required)


def Line(chars: int, required: bool = True) -> Any:
    """One line of Markdown: emphasis and links, no lists or paragraphs (list items, notes)."""
    return _text("line", chars, required)


def Prose(chars: int, required: bool = True) -> Any:
    """Markdown: paragraphs, lists, emphasis and links."""
    return _text("prose", chars, required)


Slug = Annotated[str, Field(min_length=1, max_length=80, pattern=SLUG_PATTERN)]
"""A phase id: lower-case letters, digits and hyphens, like the file names of modules and methods."""
Ref = Annotated[str, Field(min_length=1, max_length=80)]
"""A reference to a phase, module or method; checks.py says when it names none (with a suggestion)."""
Minutes = Annotated[int, Field(ge=0, le=24 * 60)]
Title = Plain(80)
MediaPath = Annotated[str, Field(min_length=1, max_length=200)]
"""A path from the project folder; checks.py keeps it inside media/."""
LanguageTag = Annotated[str, Field(max_length=35, pattern=LANGUAGE_TAG.pattern)]
PublishedLanguage = Literal["nb", "nn", "se", "da", "en"]
"""The languages the course can be published in: bokmål, nynorsk, Northern Sami, Danish, English."""


class Strict(BaseModel):
    """Every model forbids unknown fields: in hand-written YAML they are nearly always typos."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Range(Strict):
    min: Annotated[int, Field(ge=0, le=10_000)]
    max: Annotated[int, Field(ge=0, le=10_000)]

    def __contains__(self, value: int) -> bool:
        return self.min <= value <= self.max

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max}); swap them")
        return self


class Phase(Strict):
    id: Slug
    title: Title
    description: Prose(600)


class CourseFile(Strict):
    """course/course.yml"""

    title: Title
    subtitle: Plain(200)
    language: str = "nb"
    translations: Annotated[list[PublishedLanguage], Field(max_length=4)] = Field(
        [], description="Språkene kurset også publiseres på, i tillegg til `language`: nn (nynorsk), "
                        "se (nordsamisk), da (dansk), en (engelsk) eller nb (bokmål). Oversettelsene står i "
                        "course/translations/<språk>.po; lag og oppdater dem med `startpakke translate update`.")
    unreviewed: Annotated[list[PublishedLanguage], Field(max_length=4)] = Field(
        [], description="Oversettelser som ennå ikke er lest gjennom av en som har språket som morsmål, "
                        "f.eks. [se]. Hver side på de språkene sier det øverst, på sitt eget språk.")
    publisher: Plain(120)
    license: Plain(120)
    site_url: Annotated[str, Field(max_length=200)] = Field(
        "", description="Adressen kurset publiseres på, f.eks. https://kurs.bibliotek.no/. QR-kodene på "
                        "de trykte kortene leder hit.")
    phases: Annotated[list[Phase], Field(min_length=1, max_length=12)]
    modules: Annotated[list[Ref], Field(min_length=1, max_length=500)]
    about: Prose(10_000, required=False) = ""
    credits: Annotated[list[Line(300)], Field(max_length=50)] = []

    @property
    def translated_into(self) -> list[str]:
        """`translations` as published: each language once, never the course's own (checks.py warns)."""
        return [code for code in dict.fromkeys(self.translations) if code != self.language]

    @field_validator("language")
    @classmethod
    def _bcp47(cls, value: str) -> str:
        if not LANGUAGE_TAG.match(value):
            raise ValueError(f"'{value}' is not a BCP 47 language tag such as 'nb', 'nn', 'se' or 'en'")
        return value

    @field_validator("site_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        # It goes into every page's head and onto every printed card's QR code.
        if not value:
            return value  # checks.check_site_url warns: printed cards then carry no QR code
        if not re.match(r"^https?://[A-Za-z0-9.-]+(:\d+)?(/[A-Za-z0-9._~%/-]*)?$", value):
            raise ValueError("must be a web address such as https://kurs.bibliotek.no/ "
                             "(letters, digits, dots, hyphens and slashes)")
        return value if value.endswith("/") else value + "/"


# --- method cards -------------------------------------------------------------------------------


class Step(Strict):
    title: Title = Field(description="Stegets navn, noen få ord.")
    text: Prose(800) = Field(description="Hva deltakerne eller fasilitatoren gjør i steget.")
    minutes: Minutes = Field(description="Hvor mange minutter steget tar.")


class DigitalVariant(Strict):
    summary: Plain(600) = Field(description="Hva som er annerledes når metoden gjøres på nett.")
    tools: Annotated[list[Plain(80)], Field(min_length=1, max_length=10)] = Field(
        description="Hva slags verktøy som trengs, f.eks. «videomøte», «digital tavle»."
    )
    steps: Annotated[list[Step], Field(min_length=1, max_length=12)] = Field(
        description="Stegene i den digitale varianten.")
    tips: Annotated[list[Line(300)], Field(max_length=8)] = []


class NotSuitedForDigital(Strict):
    not_suited: Prose(600)
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
    place: Plain(120)
    text: Prose(1500)


VIDEO_TYPES = (".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi")
"""Source videos the pipeline takes (phones and cameras write these)."""
CAPTION_TYPES = (".vtt", ".srt")


class Video(Strict):
    source: MediaPath = Field(description="Videofilen, f.eks. `media/videos/interessentkart.mp4`.")
    captions: Annotated[dict[LanguageTag, MediaPath], Field(max_length=20)] = Field(
        {}, description="Teksting per språk, f.eks. `nb: media/videos/interessentkart.nb.vtt`.")
    title: Plain(120, required=False) = Field("", description="Tittelen under videoen.")
    poster_at: Annotated[float, Field(ge=0, le=24 * 3600)] | None = Field(None, description=(
        "Sekunder inn i videoen for bildet som vises før den spilles av, f.eks. `poster_at: 12`. "
        "Velg et bilde som viser hva videoen handler om, tidlig i den. Uten dette tas bildet fra "
        "tidlig i videoen."))


class MethodFile(Strict):
    """course/methods/<slug>.yml. Descriptions are in Norwegian: editors see them as hints."""

    title: Title = Field(description="Tittelen på kortet og nettsiden.")
    summary: Plain(300) = Field(description="Én setning om hva metoden er.")
    phase: Ref = Field(description="Id-en til fasen metoden hører til, fra `phases:` i course.yml.")
    purpose: Prose(1200) = Field(description="Hva metoden er god for: hva deltakerne får ut av den.")
    when_to_use: Prose(1200) = Field(description="Når metoden passer, og når den ikke passer.")
    duration: Range = Field(description="Hvor lang tid metoden tar, i minutter: `min:` og `max:`.")
    group_size: Range = Field(description="Hvor mange deltakere metoden passer for: `min:` og `max:`.")
    materials: Annotated[list[Line(120)], Field(max_length=20)] = Field(
        [], description="«Du trenger»: utstyr og materiell, én linje per ting.")
    preparation: Prose(1200, required=False) = Field("", description="Hva fasilitatoren gjør på forhånd.")
    steps: Annotated[list[Step], Field(min_length=1, max_length=12)] = Field(
        description="«Metode»: stegene i rekkefølge, hvert med `title:`, `text:` og `minutes:`."
    )
    tips: Annotated[list[Line(300)], Field(max_length=8)] = Field(
        [], description="«Tips!»: korte råd, én linje per tips.")
    digital_variant: DigitalUse = Field(
        description="Hvordan metoden gjøres på nett, eller `not_suited:` med en begrunnelse."
    )
    examples: Annotated[list[Example], Field(max_length=6)] = Field(
        [], description="Eksempler fra bibliotek: `place:` og `text:`.")
    video: Video | None = Field(None, description="Video om metoden; legg den til med `startpakke video add`.")
    related: Annotated[list[Ref], Field(max_length=10)] = Field(
        [], description="Metoder som hører sammen med denne: filnavn uten .yml.")
    sources: Annotated[list[Line(300)], Field(max_length=20)] = Field(
        [], description="Kilder og kreditering, én linje per kilde.")

    @property
    def is_digital(self) -> bool:
        return isinstance(self.digital_variant, DigitalVariant)

    @property
    def step_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


# --- modules --------------------------------------------------------------------------------------

ExerciseId = Annotated[str, Field(max_length=80, pattern=r"^([a-z0-9]+(-[a-z0-9]+)*)?$")]


class AgendaItem(Strict):
    """One slot of a session: a method, a break, or a free item such as «Velkommen»."""

    minutes: Minutes
    method: Ref | None = None
    title: Plain(80, required=False) = ""
    is_break: bool = Field(False, alias="break")
    notes: Line(500, required=False) = ""

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
    title: Title
    format: Literal["digital", "physical"]
    minutes: Annotated[int, Field(gt=0, le=24 * 60)]
    agenda: Annotated[list[AgendaItem], Field(min_length=1, max_length=40)]

    @property
    def agenda_minutes(self) -> int:
        return sum(item.minutes for item in self.agenda)


class Action(Strict):
    """The practical task learners do between sessions (a «prøvehandling»)."""

    title: Title
    task: Prose(3000)
    questions: Annotated[list[Line(300)], Field(max_length=10)] = []


class Choice(Strict):
    text: Plain(300)
    correct: bool = False
    feedback: Plain(600, required=False) = ""


class ExerciseBase(Strict):
    id: ExerciseId = Field("", description="Fast id for oppgaven; tomt gir en id ut fra rekkefølgen.")
    replaces: Annotated[str, Field(max_length=80)] = Field("", description="Id-en til en generert oppgave som denne erstatter.")


class ChoiceExercise(ExerciseBase):
    type: Literal["single_choice", "multiple_choice"]
    question: Plain(300)
    choices: Annotated[list[Choice], Field(min_length=2, max_length=8)]

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
    question: Plain(300)
    items: Annotated[list[Plain(200)], Field(min_length=2, max_length=12)]
    """In the correct order; learners see them shuffled."""
    feedback: Plain(600, required=False) = ""


class ReflectionExercise(ExerciseBase):
    type: Literal["reflection"]
    question: Plain(300)
    prompts: Annotated[list[Plain(300)], Field(max_length=10)] = []


Exercise = Annotated[
    Union[ChoiceExercise, OrderingExercise, ReflectionExercise], Field(discriminator="type")
]


class ModuleFile(Strict):
    """course/modules/<slug>.yml"""

    title: Title = Field(description="Tittelen på modulen.")
    summary: Plain(400) = Field(description="Én eller to setninger om hva modulen handler om.")
    objectives: Annotated[list[Line(300)], Field(min_length=1, max_length=10)] = Field(
        description="Læringsmål: hva deltakeren kan etter modulen, én linje per mål."
    )
    minutes: Annotated[int, Field(gt=0, le=100 * 60)] = Field(
        description="Omtrent hvor mange minutter modulen tar.")
    intro: Prose(5000) = Field(description="Innledningen på modulsiden (Markdown).")
    methods: Annotated[list[Ref], Field(max_length=40)] = []
    session: Session | None = None
    action: Action | None = None
    exercises: Annotated[list[Exercise], Field(max_length=60)] = Field([], description="Egne oppgaver i modulen.")
    skip_exercises: Annotated[list[Ref], Field(max_length=200)] = Field(
        [], description="Id-er til genererte oppgaver som ikke skal vises (se `startpakke exercises`)."
    )


# --- the assembled course -------------------------------------------------------------------------


class Method(MethodFile):
    """A method card as the course uses it: the file's fields and its slug, the file name."""

    slug: str

    @classmethod
    def of(cls, file: MethodFile, slug: str) -> Method:
        # The file was validated; the slug is checked by checks.check_file_names. Nothing to redo.
        return cls.model_construct(file.model_fields_set | {"slug"}, **dict(file), slug=slug)


class Module(ModuleFile):
    """A module as the course uses it: the file's fields and its slug, the file name."""

    slug: str

    @classmethod
    def of(cls, file: ModuleFile, slug: str) -> Module:
        return cls.model_construct(file.model_fields_set | {"slug"}, **dict(file), slug=slug)


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

"""Course → Markdown pages and a nav: a pure function of the model, with no MkDocs in sight.

The same pages feed the MkDocs plugin and `startpakke export-markdown`, so another engine could
publish them. Content text passes the filters in `text` on its way in.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..exercises import exercises_for
from ..exercises.generate import Exercise, shuffled_items
from ..slugs import slugify
from ..model import AgendaItem, Course, Method, Module, Range
from . import paths
from .extras import Extras
from .text import attribute, markdown_inline, markdown_text, plain_text, plain_title, table_cell


@dataclass(frozen=True)
class Section:
    """A nav section: a module with its methods. The first page is the section's own page."""

    title: str
    pages: tuple[str, ...]


@dataclass(frozen=True)
class Titled:
    """A page listed in the nav under a shorter title than its own."""

    title: str
    page: str


NavEntry = str | Titled | Section


@dataclass(frozen=True)
class Site:
    pages: dict[str, str]
    """Markdown by page path (`metoder/interessentkart.md`), front matter included."""
    nav: list[NavEntry]
    flow: list[str]
    """The learner's path through the course: the pages «Neste» visits, in order."""
    titles: dict[str, str] = field(default_factory=dict)
    """Plain-text title of every page."""
    learner_data: dict[str, Any] = field(default_factory=dict)
    """What the browser needs to track progress: each module's pages and exercises."""


Exercises = dict[str, list[Exercise]]
"""Each module's exercises by module slug, generated once per render."""


def module_pages(module: Module, exercises: Exercises) -> list[str]:
    """A module's page, its methods, then its exercises when it has any."""
    pages = [paths.module_page(module.slug)] + [paths.method_page(slug) for slug in module.methods]
    if exercises[module.slug]:
        pages.append(paths.exercises_page(module.slug))
    return pages


def learner_flow(course: Course, exercises: Exercises) -> list[str]:
    """Home, then each module with its methods and exercises, in course order, then the closing page."""
    flow = [paths.HOME]
    for module in course.modules:
        flow.extend(module_pages(module, exercises))
    flow.append(paths.CLOSING)
    return flow


def learner_data(course: Course, exercises: Exercises) -> dict[str, Any]:
    """Page URLs and exercise keys per module, as progress.js counts them."""
    return {
        "id": slugify(course.info.title),
        "pages": [paths.url(page) for page in learner_flow(course, exercises)],
        "modules": [
            {
                "slug": module.slug,
                "title": plain_text(module.title),
                "pages": [paths.url(page) for page in module_pages(module, exercises)],
                "exercises": [f"{module.slug}/{e.id}" for e in exercises[module.slug]],
            }
            for module in course.modules
        ],
    }


def untaught(course: Course) -> list[Method]:
    taught = {slug for module in course.modules for slug in module.methods}
    return [method for slug, method in course.methods.items() if slug not in taught]


def navigation(course: Course, exercises: Exercises) -> list[NavEntry]:
    nav: list[NavEntry] = [Titled("Start", paths.HOME)]
    for module in course.modules:
        nav.append(Section(module.title, tuple(module_pages(module, exercises))))
    nav.append(paths.CLOSING)
    extra = [paths.method_page(method.slug) for method in untaught(course)]
    nav.append(Section("Metodebank", (paths.LIBRARY, *extra)) if extra else paths.LIBRARY)
    nav.append(paths.ABOUT)
    return nav


def render_course(course: Course, extras: Extras | None = None) -> Site:
    extras = extras or Extras()
    env = _environment()
    exercises = {module.slug: exercises_for(course, module) for module in course.modules}
    pages: dict[str, str] = {}
    titles: dict[str, str] = {}

    def page(path: str, template: str, title: str, **context: Any) -> None:
        link = partial(paths.link, path)
        pages[path] = env.get_template(template).render(
            course=course, extras=extras, link=link, **context
        )
        titles[path] = title

    total = sum(module.minutes for module in course.modules)
    page(paths.HOME, "home.md.j2", course.info.title, total_minutes=total)
    for number, module in enumerate(course.modules, start=1):
        path = paths.module_page(module.slug)
        page(path, "module.md.j2", module.title, module=module, number=number,
             has_exercises=bool(exercises[module.slug]),
             methods=course.methods_of(module), agenda=_agenda(module),
             agenda_cell=partial(_agenda_cell, course, partial(paths.link, path)))
        if exercises[module.slug]:
            page(paths.exercises_page(module.slug), "exercises.md.j2", f"Oppgaver: {module.title}",
                 module=module, exercises=exercises[module.slug])
    for method in course.methods.values():
        teacher = course.module_of(method.slug)
        number = teacher.methods.index(method.slug) + 1 if teacher else 0
        page(paths.method_page(method.slug), "method.md.j2", method.title, method=method,
             module=teacher, number=number, phase=course.phase(method.phase),
             related=[course.methods[slug] for slug in method.related if slug in course.methods])
    phases = [(phase, [m for m in course.methods.values() if m.phase == phase.id])
              for phase in course.info.phases]
    page(paths.LIBRARY, "library.md.j2", "Metodebank", phases=phases)
    page(paths.CLOSING, "closing.md.j2", "Avslutning",
         taught=sum(len(module.methods) for module in course.modules))
    sources = [(method, method.sources) for method in course.methods.values() if method.sources]
    page(paths.ABOUT, "about.md.j2", "Om kurset", sources=sources)
    return Site(pages=pages, nav=navigation(course, exercises), flow=learner_flow(course, exercises),
                titles=titles, learner_data=learner_data(course, exercises))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("startpakke.site", "templates"),
        autoescape=False,  # the output is Markdown; content is made safe by the filters below
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # `{#id}` is Markdown's attribute syntax for heading ids, so Jinja comments are `{## … ##}`.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(
        md=markdown_text,
        inline=markdown_inline,
        attr=attribute,
        # Front matter values reach the page head, which Material prints without escaping.
        yaml_plain=lambda text: json.dumps(plain_title(text), ensure_ascii=False),
        plain=plain_title,
        minutes_range=minutes_range,
        people=people,
        duration=duration,
        clock=clock,
    )
    env.globals.update(
        module_page=paths.module_page,
        method_page=paths.method_page,
        exercises_page=paths.exercises_page,
        shuffled=shuffled_items,
        LIBRARY=paths.LIBRARY,
        ABOUT=paths.ABOUT,
    )
    return env


def _agenda(module: Module) -> list[tuple[AgendaItem, int]]:
    """Each agenda item with its start, in minutes from the start of the session."""
    start, rows = 0, []
    for item in module.session.agenda if module.session else []:
        rows.append((item, start))
        start += item.minutes
    return rows


def _agenda_cell(course: Course, link: Callable[[str], str], item: AgendaItem) -> str:
    if item.kind == "method" and item.method in course.methods:
        method = course.methods[item.method]
        text = f"[{table_cell(method.title)}]({link(paths.method_page(method.slug))})"
    elif item.kind == "break":
        text = table_cell(item.title) if item.title else "Pause"
    else:
        text = table_cell(item.title or item.method or "")
    return f"{text}<br>{table_cell(item.notes)}" if item.notes else text


def minutes_range(value: Range) -> str:
    return f"{value.min} min" if value.min == value.max else f"{value.min}–{value.max} min"


def people(value: Range) -> str:
    if value.min == value.max:
        return "1 person" if value.min == 1 else f"{value.min} personer"
    return f"{value.min}–{value.max} personer"


def duration(minutes: int) -> str:
    """180 → «3 timer», 90 → «1 t 30 min», 45 → «45 min»."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    if not rest:
        return "1 time" if hours == 1 else f"{hours} timer"
    return f"{hours} t {rest} min"


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"

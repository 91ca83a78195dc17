"""Course → Markdown pages and a nav: a pure function of the model and a layout, with no MkDocs in sight.

The pages feed the publication (site/publication.py), which the MkDocs plugin, `startpakke
export-markdown` and the packagers consume. Content text passes the filters in `text` on its way in.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import layout as pages_of
from .. import phrases
from ..caches import digest, template_cache
from ..exercises.generate import Exercise, every_module_groups, shuffled_items
from ..i18n import Catalog, catalog
from ..layout import Layout, Page
from ..model import Course, Method, Module
from ..sessions import session_plan
from ..slugs import slugify
from .extras import Extras
from .fallback import Fallbacks
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
    """Markdown by source path (`metoder/interessentkart/index.md`), front matter included."""
    nav: list[NavEntry]
    flow: list[str]
    """The learner's path through the course: the source paths «Neste» visits, in order."""
    titles: dict[str, str] = field(default_factory=dict)
    """Plain-text title of every page."""
    places: dict[str, Page] = field(default_factory=dict)
    """Which page each source path is: the same in every language."""
    learner_data: dict[str, Any] = field(default_factory=dict)
    """What the browser needs to track progress: each module's pages and exercises."""


class Rendered(dict[str, str]):
    """Pages rendered before, by a digest of their template and everything given to it: a process that
    renders the course again and again (`serve`) renders again only the pages whose context changed.
    Only pages rendered from their own context, not the whole course, are kept (OWN_CONTEXT)."""


OWN_CONTEXT = {"method.md.j2", "exercises.md.j2"}
"""Templates that get neither `course` nor `extras`, only what is passed for their page."""

Exercises = dict[str, list[Exercise]]
"""Each module's exercises by module slug, generated once per render."""


def module_pages(module: Module, exercises: Exercises) -> list[Page]:
    """A module's page, its methods, then its exercises when it has any."""
    pages = [pages_of.module(module.slug)] + [pages_of.method(slug) for slug in module.methods]
    if exercises[module.slug]:
        pages.append(pages_of.exercises(module.slug))
    return pages


def learner_flow(course: Course, exercises: Exercises) -> list[Page]:
    """Home, then each module with its methods and exercises, in course order, then the closing page."""
    flow = [pages_of.HOME]
    for module in course.modules:
        flow.extend(module_pages(module, exercises))
    flow.append(pages_of.CLOSING)
    return flow


def learner_data(course: Course, layout: Layout, exercises: Exercises) -> dict[str, Any]:
    """Page keys and exercise keys per module, as progress.js counts them."""
    return {
        "id": slugify(course.info.title),
        "pages": [layout.key(page) for page in learner_flow(course, exercises)],
        "modules": [
            {
                "slug": module.slug,
                "title": plain_text(module.title),
                "pages": [layout.key(page) for page in module_pages(module, exercises)],
                "exercises": [f"{module.slug}/{e.id}" for e in exercises[module.slug]],
                "exercisePage": layout.key(pages_of.exercises(module.slug)) if exercises[module.slug] else None,
            }
            for module in course.modules
        ],
    }


def untaught(course: Course) -> list[Method]:
    taught = {slug for module in course.modules for slug in module.methods}
    return [method for slug, method in course.methods.items() if slug not in taught]


def navigation(course: Course, layout: Layout, exercises: Exercises, tr: Catalog) -> list[NavEntry]:
    _ = tr.gettext
    source = layout.source
    nav: list[NavEntry] = [Titled(_("Start"), source(pages_of.HOME))]
    for module in course.modules:
        nav.append(Section(module.title, tuple(source(page) for page in module_pages(module, exercises))))
    nav.append(source(pages_of.CLOSING))
    extra = [source(pages_of.method(method.slug)) for method in untaught(course)]
    library = source(pages_of.LIBRARY)
    nav.append(Section(_("Method library"), (library, *extra)) if extra else library)
    nav.append(source(pages_of.ABOUT))
    return nav


def render_course(course: Course, layout: Layout | None = None, extras: Extras | None = None,
                  tr: Catalog | None = None, rendered: Rendered | None = None) -> Site:
    """`rendered`: pages rendered before, taken again where their context is the same. Not for a
    translation: its untranslated texts print differently from translated ones of the same wording."""
    layout = layout or Layout(course.info.site_url)
    extras = extras or Extras()
    tr = tr or catalog(course.language)
    _ = tr.gettext
    fallbacks = Fallbacks(tr)
    env = _environment(tr, fallbacks)
    groups = every_module_groups(course, tr)
    exercises = {slug: [shown.exercise for group in shown_groups for shown in group.exercises]
                 for slug, shown_groups in groups.items()}
    pages: dict[str, str] = {}
    titles: dict[str, str] = {}
    places: dict[str, Page] = {}
    used: set[str] = set()

    def page(at: Page, template: str, title: str, **context: Any) -> None:
        def link(to: Page | str) -> str:
            """To another page, or to a published file by its path from the site root."""
            if isinstance(to, Page):
                return layout.link(at, to)
            return posixpath.relpath(to, posixpath.dirname(layout.source(at)))

        path = layout.source(at)
        own = template in OWN_CONTEXT
        key = digest([template, path, repr(layout), tr.language, context]) \
            if own and rendered is not None and not layout.language else ""
        if key:
            used.add(key)
        if key and key in rendered:
            pages[path] = rendered[key]
        else:
            fallbacks.start_page()
            whole = {} if own else {"course": course, "extras": extras}
            markdown = env.get_template(template).render(link=link, **whole, **context)
            pages[path] = _under_title(markdown, fallbacks.notice())
            if key:
                rendered[key] = pages[path]
        titles[path] = title
        places[path] = at

    total = sum(module.minutes for module in course.modules)
    page(pages_of.HOME, "home.md.j2", course.info.title, total_minutes=total)
    for number, module in enumerate(course.modules, start=1):
        page(pages_of.module(module.slug), "module.md.j2", module.title, module=module, number=number,
             count=len(course.modules), has_exercises=bool(exercises[module.slug]), methods=course.methods_of(module),
             plan=session_plan(course, module, 0, layout) if module.session else None,
             download=extras.session_plans.get(module.slug))
        if exercises[module.slug]:
            page(pages_of.exercises(module.slug), "exercises.md.j2",
                 _("Exercises: %(module)s") % {"module": module.title},
                 module=module, groups=groups[module.slug])
    for method in course.methods.values():
        teacher = course.module_of(method.slug)
        number = teacher.methods.index(method.slug) + 1 if teacher else 0
        page(pages_of.method(method.slug), "method.md.j2", method.title, method=method,
             module=teacher, number=number, phase=course.phase(method.phase),
             related=[course.methods[slug] for slug in method.related if slug in course.methods],
             video=extras.videos.get(method.slug), card=extras.cards.get(method.slug))
    phases = [(phase, [m for m in course.methods.values() if m.phase == phase.id])
              for phase in course.info.phases]
    page(pages_of.LIBRARY, "library.md.j2", _("Method library"), phases=phases)
    page(pages_of.CLOSING, "closing.md.j2", _("Closing"),
         taught=sum(len(module.methods) for module in course.modules))
    sources = [(method, method.sources) for method in course.methods.values() if method.sources]
    page(pages_of.ABOUT, "about.md.j2", _("About the course"), sources=sources)
    for unused in set(rendered or ()) - used:
        del rendered[unused]  # type: ignore[union-attr]
    return Site(pages=pages, nav=navigation(course, layout, exercises, tr),
                flow=[layout.source(page) for page in learner_flow(course, exercises)],
                titles=titles, places=places, learner_data=learner_data(course, layout, exercises))


def _under_title(markdown: str, line: str) -> str:
    """The page with `line` right after its title (the first `# ` heading)."""
    if not line:
        return markdown
    head, title, rest = markdown.partition("\n# ")
    end = rest.find("\n") + 1 if "\n" in rest else len(rest)
    return f"{head}{title}{rest[:end]}\n{line}\n{rest[end:]}"


def _environment(tr: Catalog, fallbacks: Fallbacks) -> Environment:
    env = Environment(
        extensions=["jinja2.ext.i18n"],
        loader=PackageLoader("startpakke.site", "templates"),
        autoescape=False,  # the output is Markdown; content is made safe by the filters below
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # `{#id}` is Markdown's attribute syntax for heading ids, so Jinja comments are `{## … ##}`.
        comment_start_string="{##",
        comment_end_string="##}",
        bytecode_cache=template_cache(),
    )
    env.install_gettext_callables(tr.gettext, tr.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        md=lambda text: fallbacks.block(text, markdown_text(text)),
        cell=lambda text: fallbacks.inline(text, table_cell(text)),
        inline=lambda text: fallbacks.inline(text, markdown_inline(text)),
        attr=attribute,
        # Front matter values reach the page head, which Material prints without escaping.
        yaml_plain=lambda text: json.dumps(plain_title(text), ensure_ascii=False),
        plain=lambda text: plain_title(fallbacks.count(text)),
        minutes_range=partial(phrases.minutes_range, tr),
        people=partial(phrases.people, tr),
        duration=partial(phrases.duration, tr),
        elapsed=elapsed,
    )
    env.globals["plan_format"] = lambda plan: phrases.session_format(tr, plan.is_digital)
    env.globals.update(
        module_page=pages_of.module,
        method_page=pages_of.method,
        exercises_page=pages_of.exercises,
        shuffled=shuffled_items,
        LIBRARY=pages_of.LIBRARY,
        ABOUT=pages_of.ABOUT,
    )
    return env


def elapsed(minutes: int) -> str:
    """Time into a session: 45 → «0:45» (a printed plan shows the time of day instead)."""
    return f"{minutes // 60}:{minutes % 60:02d}"

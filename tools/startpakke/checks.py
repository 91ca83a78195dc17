"""Checks across files: references, order, time budgets, file names and media paths.

Each check reads the parsed sources and adds problems to the report; none of them stops the others.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit
from typing import TYPE_CHECKING

from .exercises import generated_for
from .problems import Report
from .slugs import slugify
from .yamlsource import Document, FieldPath
from .fieldpath import dotted
from .model import CAPTION_TYPES, VIDEO_TYPES

if TYPE_CHECKING:
    from .model import Course
    from .project import Project
    from .sources import Sources



def run_all(project: Project, sources: Sources, report: Report) -> None:
    check_file_names(sources, report)
    if sources.info:
        check_phases(sources, report)
        check_module_order(project, sources, report)
        check_site_url(sources, report)
        check_translation_languages(sources, report)
    check_method_references(sources, report)
    check_time_budgets(sources, report)
    check_videos(project, sources, report)


def _add(report: Report, document: Document, loc: FieldPath, message: str, hint: str = "",
         severity: str = "error", at_key: bool = False) -> None:
    line, col = document.where(loc, at_key=at_key)
    report.add(document.path, line, col, dotted(loc), message, hint, severity)  # type: ignore[arg-type]


def _suggest(name: str, known: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


def _stems(sources: Sources, kind: str) -> set[str]:
    return {path.stem for path in sources.files[kind]}


def check_file_names(sources: Sources, report: Report) -> None:
    """A file stem is the slug, so it must already be one, and two files may not fold to one slug."""
    for kind, paths in sources.files.items():
        folded: dict[str, list[Path]] = defaultdict(list)
        for path in paths:
            slug = slugify(path.stem)
            folded[slug].append(path)
            if path.stem != slug:
                report.add(
                    path, 1, 1, "", f"the file name `{path.name}` is not a valid slug",
                    f"rename it to `{slug or 'a-name'}{path.suffix}` (lower case, a-z, 0-9 and -)",
                )
            if path.suffix != ".yml":
                report.add(path, 1, 1, "", f"`{path.name}` should end in .yml",
                           f"rename it to `{path.stem}.yml`")
        for slug, same in folded.items():
            for path in same[1:] if len(same) > 1 else []:
                report.add(
                    path, 1, 1, "",
                    f"`{path.name}` and `{same[0].name}` give the same address `{slug}`",
                    "keep one of them, or give one a different name",
                )


def check_phases(sources: Sources, report: Report) -> None:
    document, info = sources.info  # type: ignore[misc]
    ids = [phase.id for phase in info.phases]
    seen: set[str] = set()
    for index, phase_id in enumerate(ids):
        if phase_id in seen:
            _add(report, document, ("phases", index, "id"), f"the phase id `{phase_id}` is used twice",
                 "give every phase its own id")
        seen.add(phase_id)
    for slug, (doc, method) in sources.methods.items():
        if method.phase not in seen:
            _add(report, doc, ("phase",), f"unknown phase `{method.phase}`",
                 " ".join(filter(None, [_suggest(method.phase, seen),
                                       f"phases in course.yml: {', '.join(ids)}"])))


PLACEHOLDER_HOSTS = re.compile(r"(^|\.)(example|localhost)(\.|$)|\.(test|invalid|localhost|example)$|^127\.")
"""Hosts that lead nowhere for a learner: RFC 2606's example and test names, and this computer."""


def check_site_url(sources: Sources, report: Report) -> None:
    """Printed cards carry the site's address in their QR codes: a placeholder sends a scan nowhere."""
    document, info = sources.info  # type: ignore[misc]
    hint = "write the address the course is published at, e.g. https://kurs.bibliotek.no/samskaping/"
    if not info.site_url:
        _add(report, document, ("site_url",), "the course has no site address: printed cards get no QR "
             "code, and nothing outside the site can link to its pages", hint, "warning")
        return
    host = urlsplit(info.site_url).hostname or ""
    if PLACEHOLDER_HOSTS.search(host):
        _add(report, document, ("site_url",), f"`{info.site_url}` is a placeholder address: the QR codes "
             "on printed cards would lead nowhere", hint, "warning")


def check_translation_languages(sources: Sources, report: Report) -> None:
    """`translations:` names each language once, and not the language the course is written in: either
    is left out (a course whose `language` changed may still list it), with a warning."""
    document, info = sources.info  # type: ignore[misc]
    seen: set[str] = set()
    for index, language in enumerate(info.translations):
        if language == info.language:
            _add(report, document, ("translations", index),
                 f"`{language}` is the language the course is written in (`language: {info.language}`): "
                 "it is not a translation, and is left out", "remove it from `translations:`",
                 severity="warning")
        elif language in seen:
            _add(report, document, ("translations", index), f"`{language}` is listed twice",
                 "remove one of them", severity="warning")
        seen.add(language)
    for index, language in enumerate(info.unreviewed):
        if language not in info.translated_into:
            _add(report, document, ("unreviewed", index), f"`{language}` is not one of the course's "
                 "translations, so no page says it is unreviewed",
                 f"write a language from `translations:` ({', '.join(info.translated_into) or 'none yet'})",
                 severity="warning")


def check_module_order(project: Project, sources: Sources, report: Report) -> None:
    document, info = sources.info  # type: ignore[misc]
    existing = _stems(sources, "modules")
    seen: set[str] = set()
    for index, slug in enumerate(info.modules):
        if slug in seen:
            _add(report, document, ("modules", index), f"the module `{slug}` is listed twice",
                 "a module appears once in the course order: remove one of them")
        elif slug not in existing:
            _add(report, document, ("modules", index),
                 f"no module `{slug}`: course/modules/{slug}.yml does not exist",
                 _suggest(slug, existing) or f"create it with `startpakke new module \"Tittel\"`")
        seen.add(slug)
    for path in sources.files["modules"]:
        if path.stem not in seen:
            _add(report, document, ("modules",),
                 f"the module `{path.stem}` ({report.relative(path)}) is missing from the course order",
                 f"add `- {path.stem}` under `modules:` where learners should meet it, or delete the file",
                 at_key=True)


def check_method_references(sources: Sources, report: Report) -> None:
    methods = _stems(sources, "methods")
    taught_in: dict[str, str] = {}
    order = sources.info[1].modules if sources.info else sorted(sources.modules)
    for module_slug in sorted(sources.modules, key=lambda s: order.index(s) if s in order else 1e9):
        document, module = sources.modules[module_slug]
        for index, slug in enumerate(module.methods):
            loc = ("methods", index)
            if slug not in methods:
                _add(report, document, loc, f"no method `{slug}`: course/methods/{slug}.yml does not exist",
                     _suggest(slug, methods) or f"create it with `startpakke new method \"Tittel\"`")
            elif slug in taught_in:
                where = "earlier in this module" if taught_in[slug] == module_slug else \
                    f"in the module `{taught_in[slug]}`"
                _add(report, document, loc, f"the method `{slug}` is already taught {where}",
                     "each method is taught once in the course flow; refer to it from the text instead")
            else:
                taught_in[slug] = module_slug
        for index, item in enumerate(module.session.agenda if module.session else []):
            if item.method and item.method not in methods:
                _add(report, document, ("session", "agenda", index, "method"),
                     f"no method `{item.method}` for this agenda item", _suggest(item.method, methods))
    for slug, (document, method) in sources.methods.items():
        if slug not in taught_in and sources.modules:
            report.add(document.path, 1, 1, "", f"no module teaches the method `{slug}`",
                       "add it to the `methods:` list of a module", "warning")
        for index, other in enumerate(method.related):
            if other == slug:
                _add(report, document, ("related", index), "a method cannot be related to itself",
                     "remove this line")
            elif other not in methods:
                _add(report, document, ("related", index), f"no method `{other}`",
                     _suggest(other, methods) or "use the file name of another method, without .yml")


def check_time_budgets(sources: Sources, report: Report) -> None:
    for document, method in sources.methods.values():
        total, duration = method.step_minutes, method.duration
        if total not in duration:
            _add(report, document, ("steps",),
                 f"the steps add up to {total} minutes, outside the duration of "
                 f"{duration.min}–{duration.max} minutes", "adjust the steps' minutes or the duration",
                 severity="warning", at_key=True)
    for document, module in sources.modules.values():
        session = module.session
        if session and module.minutes != session.minutes:
            _add(report, document, ("minutes",),
                 f"the module takes {module.minutes} minutes, but its session {session.minutes}",
                 "learners see the module's minutes on the home page and the session's in the plan: "
                 "make them the same", severity="warning")
        if session and session.agenda_minutes > session.minutes:
            _add(report, document, ("session", "agenda"),
                 f"the agenda takes {session.agenda_minutes} minutes, longer than the session's "
                 f"{session.minutes}", "shorten the items, or make the session longer", at_key=True)


def check_videos(project: Project, sources: Sources, report: Report) -> None:
    language = sources.info[1].language if sources.info else "nb"
    for document, method in sources.methods.values():
        video = method.video
        if not video:
            continue
        _check_media_path(project, report, document, ("video", "source"), video.source, VIDEO_TYPES)
        if not video.captions:
            _add(report, document, ("video",), "the video has no captions",
                 f"add `captions:` with `{language}: media/videos/{method.slug}.{language}.vtt`: "
                 "captions are required for WCAG 2.1 AA", at_key=True)
        elif language not in video.captions:
            _add(report, document, ("video", "captions"),
                 f"no captions in the course language `{language}`",
                 f"add `{language}: media/videos/{method.slug}.{language}.vtt`", at_key=True)
        for lang, path in video.captions.items():
            _check_media_path(project, report, document, ("video", "captions", lang), path, CAPTION_TYPES)


def _check_media_path(project: Project, report: Report, document: Document, loc: FieldPath,
                      value: str, types: tuple[str, ...]) -> None:
    hint = f"put the file in media/videos/ and write e.g. `media/videos/{Path(value).name}`"
    pure = PurePosixPath(value.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or pure.parts[0] != "media":
        _add(report, document, loc, f"`{value}` is outside the media/ folder", hint)
        return
    path = project.root / pure
    media = project.media_dir.resolve()
    if not path.exists():
        _add(report, document, loc, f"the file `{value}` does not exist",
             _suggest_file(path) or hint)
    elif not path.resolve().is_relative_to(media):
        _add(report, document, loc, f"`{value}` links to a file outside the media/ folder",
             "copy the file into media/videos/ instead of linking to it")
    elif path.suffix.lower() not in types:
        _add(report, document, loc, f"`{value}` is not one of the file types {', '.join(sorted(types))}")


def _suggest_file(path: Path) -> str:
    if not path.parent.is_dir():
        return ""
    names = [p.name for p in path.parent.iterdir()]
    close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


def check_exercise_ids(course: Course, sources: Sources, report: Report) -> None:
    """`skip_exercises` and `replaces` must name exercises that are generated for that module."""
    for module in course.modules:
        if not module.skip_exercises and not any(exercise.replaces for exercise in module.exercises):
            continue  # nothing to look up: spare generating the exercises
        document = sources.modules[module.slug][0]
        generated = [exercise.id for exercise in generated_for(course, module)]
        hint = "`startpakke exercises` lists the ids"
        for index, exercise_id in enumerate(module.skip_exercises):
            if exercise_id not in generated:
                _add(report, document, ("skip_exercises", index),
                     f"no generated exercise `{exercise_id}` in this module",
                     " ".join(filter(None, [_suggest(exercise_id, generated), hint])))
        for index, exercise in enumerate(module.exercises):
            if exercise.replaces and exercise.replaces not in generated:
                _add(report, document, ("exercises", index, "replaces"),
                     f"no generated exercise `{exercise.replaces}` in this module to replace",
                     " ".join(filter(None, [_suggest(exercise.replaces, generated), hint])))

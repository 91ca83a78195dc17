"""Load course/ into one validated Course, collecting every problem of the run into a Report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from . import checks
from .model import Course, CourseFile, Method, MethodFile, Module, ModuleFile
from .problems import Report
from .project import Project
from .sources import Sources
from .validation import validate
from .yamlsource import Document, YamlProblem, read_document

Reader = Callable[[Path], Document]


@dataclass
class Loaded:
    project: Project
    report: Report
    sources: Sources
    course: Course | None
    """None while the content has errors."""


def load_course(project: Project, read: Reader = read_document) -> Loaded:
    """`read` parses one course file: `serve` passes a yamlsource.Rereader, which parses only what changed."""
    report = Report(project.root)
    sources = Sources()
    course_file = project.course_file
    if not course_file.is_file():
        report.add(
            course_file, 1, 1, "", "course.yml is missing",
            "run the command in the project folder, or point --course at the folder with course.yml",
        )
        return Loaded(project, report, sources, None)

    document = _read(project, course_file, CourseFile, report, read)
    if document:
        sources.info = document
    for kind, model, table in (
        ("modules", ModuleFile, sources.modules),
        ("methods", MethodFile, sources.methods),
    ):
        paths = sorted(project.sources_of(kind).glob("*.y*ml"))
        sources.files[kind] = paths
        for path in paths:
            parsed = _read(project, path, model, report, read)
            if parsed:
                whole = Module if kind == "modules" else Method
                table[path.stem] = (parsed[0], whole.of(parsed[1], path.stem))  # type: ignore[attr-defined]

    checks.run_all(project, sources, report)
    course = None if report.errors or not sources.info else assemble(sources)
    if course:
        checks.check_exercise_ids(course, sources, report)
        course = None if report.errors else course
    return Loaded(project, report, sources, course)


def _read(project: Project, path: Path, model: type[BaseModel],
          report: Report, read: Reader) -> tuple[Document, BaseModel] | None:
    if not path.resolve().is_relative_to(project.root.resolve()):
        report.add(path, 1, 1, "", "the file is a link to a file outside the project",
                   "copy the file into the course folder instead of linking to it")
        return None
    try:
        document = read(path)
    except YamlProblem as problem:
        report.add(path, problem.line, problem.col, problem.field, problem.message, problem.hint)
        return None
    except OSError as error:
        report.add(path, 1, 1, "", f"cannot read the file: {error.strerror}")
        return None
    parsed = validate(document, model, report)
    return (document, parsed) if parsed is not None else None


def assemble(sources: Sources) -> Course:
    assert sources.info
    info = sources.info[1]
    modules = [sources.modules[slug][1] for slug in info.modules if slug in sources.modules]
    taught = [slug for module in modules for slug in module.methods]
    order = list(dict.fromkeys(taught)) + sorted(set(sources.methods) - set(taught))
    methods = {slug: sources.methods[slug][1] for slug in order if slug in sources.methods}
    return Course(info=info, modules=modules, methods=methods)

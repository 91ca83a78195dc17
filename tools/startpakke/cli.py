"""The editor's command line: thin wiring around loading, checks and the build steps."""

from __future__ import annotations

import importlib
import signal
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import authoring
from .cards.formats import DEFAULT as DEFAULT_FORMAT, FormatName  # no WeasyPrint in it
from .project import Project
from .loading import Loaded, load_course
from .media import status as media_status
from .schema import write_schemas
from .site import publish
from .site.publication import Publication
from .site.publication import publish as publish_in_one_language
from .site.languages import publish_course
from .translations import commands as translate_commands
from .translations.checks import check_translations

app = typer.Typer(
    help="Startpakke: write, check and publish the course «Startpakke for samskaping».",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
new_app = typer.Typer(help="Create a new method card or module from a commented template.",
                      no_args_is_help=True)
list_app = typer.Typer(help="List parts of the course.", no_args_is_help=True)
video_app = typer.Typer(help="Transcode, caption and link the method videos.")
translate_app = typer.Typer(help="Keep the translation files (course/translations/<language>.po) in step "
                                 "with the course, and see what is left to translate.", no_args_is_help=True)
app.add_typer(new_app, name="new")
app.add_typer(list_app, name="list")
app.add_typer(video_app, name="video")
app.add_typer(translate_app, name="translate")
package_app = typer.Typer(help="The course as one file to hand on.", no_args_is_help=True)
app.add_typer(package_app, name="package")
editor_app = typer.Typer(help="Forms in the browser for editing the course (/admin/).", no_args_is_help=True)
app.add_typer(editor_app, name="editor")

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)

CardFormatName = Enum("CardFormatName", {f.name: f.value for f in FormatName}, type=str)  # type: ignore[misc]
"""The card formats, as typer shows them (WeasyPrint loads only when a command prints)."""

CourseOption = Annotated[
    Optional[Path],
    typer.Option("--course", help="The course folder (with course.yml) or the project folder around it."),
]


def load_and_report(course: Optional[Path], strict: bool = False, quiet: bool = False,
                    extra: Callable[[Loaded], None] | None = None) -> Loaded:
    """Load the course and print every problem; exit 1 when the content has errors.

    `extra` adds problems that need more than the YAML (e.g. whether the videos are encoded)."""
    loaded = load_course(Project.find(course))
    if extra:
        extra(loaded)
    for problem in loaded.report.sorted():
        typer.echo(str(problem))
    for note in loaded.report.notes:
        typer.echo(f"info: {note}")
    if loaded.report.failed(strict) or not quiet:
        console.print(summary(loaded))
    if loaded.report.failed(strict):
        raise typer.Exit(1)
    return loaded


def summary(loaded: Loaded) -> str:
    sources, report = loaded.sources, loaded.report
    methods = [method for _, method in sources.methods.values()]
    counts = [
        f"{len(sources.files['modules'])} modules",
        f"{len(sources.files['methods'])} methods",
        f"{sum(1 for method in methods if method.video)} videos",
    ]
    n_errors, n_warnings = len(report.errors), len(report.warnings)
    colour = "red" if n_errors else "yellow" if n_warnings else "green"
    return (
        f"{', '.join(counts)}: [{colour}]{n_errors} error{'s' * (n_errors != 1)}, "
        f"{n_warnings} warning{'s' * (n_warnings != 1)}[/{colour}]"
    )


@app.command()
def check(
    course: CourseOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
) -> None:
    """Check every course file and report all problems as path:line:col."""
    load_and_report(course, strict, extra=_check_extras)


def _check_extras(loaded: Loaded) -> None:
    media_status.check_renditions(loaded)
    media_status.check_poster_times(loaded)
    check_translations(loaded)
    _check_cards_fit(loaded)


def _check_cards_fit(loaded: Loaded) -> None:
    # WeasyPrint loads only for the commands that print; without it the rest of `check` still runs.
    from .cards import CannotPrint, require_printing

    try:
        require_printing()
    except CannotPrint as error:
        loaded.report.add(loaded.project.course_file, 1, 1, "",
                          f"cannot check whether the printed cards fit: {error}", severity="warning")
        return
    from .cards.checks import check_cards_fit

    check_cards_fit(loaded)


def _new(kind: str, title: str, course: Optional[Path], phase: str) -> None:
    project = Project.find(course)
    loaded = load_course(project)
    phases = [p.id for p in loaded.sources.info[1].phases] if loaded.sources.info else []
    if phase and phases and phase not in phases:
        errors.print(f"Unknown phase `{phase}`. Phases in course.yml: {', '.join(phases)}")
        raise typer.Exit(2)
    try:
        path = authoring.new_file(project, kind, title, phases, phase)
    except ValueError as error:
        errors.print(f"Cannot create the {kind}: {error}")
        raise typer.Exit(2)
    except authoring.AlreadyExists as error:
        errors.print(f"{loaded.report.relative(error.args[0])} already exists and is left as it is. "
                     f"Choose another title, or edit that file.")
        raise typer.Exit(1)
    relative = loaded.report.relative(path)
    console.print(f"Created [bold]{relative}[/bold].")
    if kind == "method":
        console.print(f"Next: fill it in, add `- {path.stem}` to the `methods:` list of a module, "
                      "then run `startpakke check`.")
    else:
        console.print(f"Next: fill it in, add `- {path.stem}` under `modules:` in course/course.yml, "
                      "then run `startpakke check`.")


@new_app.command("method")
def new_method(
    title: Annotated[str, typer.Argument(help="The method's title, e.g. «Åpen kafé».")],
    phase: Annotated[str, typer.Option("--phase", help="The id of the method's phase.")] = "",
    course: CourseOption = None,
) -> None:
    """Create course/methods/<slug>.yml from a template that explains each field."""
    _new("method", title, course, phase)


@new_app.command("module")
def new_module(
    title: Annotated[str, typer.Argument(help="The module's title.")],
    course: CourseOption = None,
) -> None:
    """Create course/modules/<slug>.yml from a template that explains each field."""
    _new("module", title, course, "")


@app.command()
def schema(
    out: Annotated[Optional[Path], typer.Option("--out", help="Folder for the schema files.")] = None,
    course: CourseOption = None,
) -> None:
    """Write JSON Schemas for course, module and method files (used by the templates' editors)."""
    folder = out or Project.find(course).root / "schemas"
    for path in write_schemas(folder):
        console.print(f"Wrote {path}")


@list_app.command("methods")
def list_methods(
    phase: Annotated[str, typer.Option("--phase", help="Only methods of this phase.")] = "",
    max_minutes: Annotated[Optional[int], typer.Option("--max-minutes", min=1,
                           help="Only methods that can be done in this many minutes.")] = None,
    group_size: Annotated[Optional[int], typer.Option("--group-size", min=1,
                          help="Only methods that suit a group of this size.")] = None,
    digital: Annotated[bool, typer.Option("--digital", help="Only methods with a digital variant.")] = False,
    course: CourseOption = None,
) -> None:
    """List method cards, filtered by phase, time, group size and digital use."""
    loaded = load_and_report(course, quiet=True)
    assert loaded.course
    phases = [p.id for p in loaded.course.info.phases]
    if phase and phase not in phases:
        errors.print(f"Unknown phase `{phase}`. Phases: {', '.join(phases)}")
        raise typer.Exit(2)
    table = Table("slug", "title", "phase", "minutes", "group", "digital")
    for method in loaded.course.methods.values():
        if (phase and method.phase != phase) or (digital and not method.is_digital) \
                or (max_minutes is not None and method.duration.min > max_minutes) \
                or (group_size is not None
                    and group_size not in method.group_size):
            continue
        table.add_row(method.slug, method.title, method.phase,
                      f"{method.duration.min}–{method.duration.max}",
                      f"{method.group_size.min}–{method.group_size.max}",
                      "yes" if method.is_digital else "no")
    console.print(table)


def _site_config(project: Project) -> Path:
    try:
        return publish.config_file(project)
    except publish.NoSiteConfig as error:
        errors.print(f"{error}. Run the command in the project folder, or copy mkdocs.yml there.")
        raise typer.Exit(2)


def _make_media(loaded: Loaded) -> None:
    code = publish.make_media(loaded, console, errors)
    if code:
        raise typer.Exit(code)


@app.command()
def build(
    course: CourseOption = None,
    site_dir: Annotated[Optional[Path], typer.Option("--site-dir", help="Where to put the site.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Stop on any MkDocs warning.")] = False,
) -> None:
    """Check the course, make its media, and build the site into site/."""
    loaded = load_and_report(course, quiet=True, extra=check_translations)
    _site_config(loaded.project)
    _make_media(loaded)
    folder = publish.build_site(loaded.project, site_dir, strict, publication=_publication(loaded))
    _hosted_editor(loaded, folder)
    console.print(f"Built the site in [bold]{folder}[/bold].")


def _hosted_editor(loaded: Loaded, site: Path) -> None:
    """/admin/ in the published site, saving to the git service editor.yml names (`editor setup`)."""
    from .editor.admin import write_admin
    from .editor.setup import SetupError, hosted_backend

    try:
        backend = hosted_backend(loaded.project)
    except SetupError as error:
        errors.print(f"Error: {error}")
        raise typer.Exit(1) from None
    if backend and loaded.course:
        write_admin(site, loaded.course, backend, loaded.course.info.site_url)


@editor_app.command("setup")
def editor_setup(
    backend: Annotated[str, typer.Option("--backend", help="Where the course's git repository is: "
                                                         "github, gitlab or gitea.")],
    repo: Annotated[str, typer.Option("--repo", help="The repository, owner/name.")],
    branch: Annotated[str, typer.Option("--branch", help="The branch the site is published from.")] = "main",
    app_id: Annotated[str, typer.Option("--app-id", help="GitLab and Gitea: the id of the OAuth application "
                                                       "editors log in with.")] = "",
    base_url: Annotated[str, typer.Option("--base-url", help="A self-hosted GitLab or Gitea, e.g. "
                                                           "https://git.bibliotek.no.")] = "",
    force: Annotated[bool, typer.Option("--force", help="Replace a CI workflow that exists.")] = False,
    course: CourseOption = None,
) -> None:
    """Publish from the browser: editor.yml for /admin/ and a CI workflow that checks, builds and
    publishes the site on every commit."""
    from .editor.setup import Hosted, Service, SetupError, setup

    try:
        written = setup(Project.find(course), Hosted(Service(backend), repo, branch, app_id, base_url), force)
    except ValueError:
        errors.print(f"Error: --backend `{backend}`: choose github, gitlab or gitea")
        raise typer.Exit(1) from None
    except SetupError as error:
        errors.print(f"Error: {error}")
        raise typer.Exit(1) from None
    for path in written:
        console.print(f"Wrote [bold]{path}[/bold]")
    console.print("Commit both; README «Publish from the browser» tells the rest.")


@app.command()
def serve(
    course: CourseOption = None,
    dev_addr: Annotated[str, typer.Option("--dev-addr", help="Address and port to serve on.")]
    = "127.0.0.1:8000",
) -> None:
    """Build the site and serve it; edits in course/ and media/ rebuild it and reload the browser."""
    loaded = load_and_report(course, quiet=True, extra=check_translations)
    _site_config(loaded.project)
    _make_media(loaded)
    console.print(f"Serving on http://{dev_addr}/ (Ctrl+C stops).")
    # Ctrl+C and a plain `kill` both stop it cleanly, a printing run with it, even when started from a
    # shell that had Ctrl+C ignored (a job in the background).
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, signal.default_int_handler)
    publish.serve_site(loaded.project, dev_addr, publication=_publication(loaded))


@app.command("export-markdown")
def export_markdown(
    folder: Annotated[Path, typer.Argument(help="Folder for the Markdown pages and nav.yml.")],
    course: CourseOption = None,
) -> None:
    """Write the site's pages as plain Markdown files with a nav.yml (and the files they use), for
    another publishing engine."""
    from .site.export import export_markdown

    loaded = load_and_report(course, quiet=True)
    assert loaded.course
    # The course's own language: the translations' trees are our plugin's, not the other engine's.
    written = export_markdown(publish_in_one_language(loaded.course, loaded.project),
                              _site_config(loaded.project), folder)
    console.print(f"Wrote {len(written) - 1} pages and mkdocs.yml to [bold]{folder}[/bold]: "
                  f"build it with `mkdocs build` or `zensical build` there.")


PACKAGES = {
    "offline": ("offline:make_offline_copy",
                "A zip that opens from disk with a double click on index.html: no server, no network.",
                "Unpack it and open index.html."),
    "scorm12": ("scorm12:make_scorm12",
                "A SCORM 1.2 package for a learning platform (Moodle, KS Læring, Canvas): progress, bookmark, "
                "completion and score go to the platform.",
                "Upload it to the learning platform as a SCORM package (see README.md)."),
    "cmi5": ("cmi5:make_cmi5", "A cmi5 package for a learning platform with an xAPI learning record store.",
             "Import it into a cmi5 platform as a course package (see README.md)."),
}
"""Each `startpakke package KIND`: the function in startpakke.packages that makes it, what it is, what
to do with it."""


PackageOut = Annotated[Path, typer.Option("--out", help="The zip to write, e.g. kurs.zip.")]
PackageLanguage = Annotated[str, typer.Option(
    "--lang", help="The language of the package: the course's own (default) or one of its translations.")]
AllRenditions = Annotated[bool, typer.Option("--all-renditions", help="Every video quality, not only the smallest.")]


def _package_command(kind: str, maker: str, about: str, then: str) -> None:
    def command(out: PackageOut, course: CourseOption = None, lang: PackageLanguage = "",
                all_renditions: AllRenditions = False) -> None:
        module, name = maker.split(":")
        make = getattr(importlib.import_module(f".packages.{module}", __package__), name)
        loaded = load_and_report(course, quiet=True, extra=check_translations)
        assert loaded.course
        _site_config(loaded.project)
        made = make(loaded.course, loaded.project, out, lang, all_renditions)
        videos = ", ".join(made.videos) if made.videos else "none"
        console.print(f"Wrote [bold]{made.path}[/bold]: {made.size / 1e6:.1f} MB, {made.pages} pages, "
                      f"videos: {videos}. {then}")

    command.__doc__ = about
    package_app.command(kind)(command)


for _kind, (_maker, _about, _then) in PACKAGES.items():
    _package_command(_kind, _maker, _about, _then)


def _publication(loaded: Loaded) -> Publication:
    assert loaded.course
    return publish_course(loaded.course, loaded.project)


@video_app.callback(invoke_without_command=True)
def video(
    ctx: typer.Context,
    course: CourseOption = None,
    ffmpeg: Annotated[Optional[str], typer.Option(
        "--ffmpeg", help="The ffmpeg program to use (default: $STARTPAKKE_FFMPEG, else the bundled one).",
    )] = None,
) -> None:
    """Make renditions, poster and captions of every video a method card links (only what changed)."""
    if ctx.invoked_subcommand is not None:
        return
    from .media import commands

    raise typer.Exit(commands.transcode(Project.find(course), ffmpeg, console, errors))


@video_app.command("add")
def video_add(
    path: Annotated[Path, typer.Argument(help="The video file, e.g. from a phone.")],
    method: Annotated[str, typer.Option("--method", help="The method's slug (its file name without .yml).")],
    captions: Annotated[Optional[Path], typer.Option("--captions", help="A .vtt or .srt caption file.")] = None,
    lang: Annotated[Optional[str], typer.Option(
        "--lang", help="The captions' language (default: from the file name, e.g. x.nb.vtt, else the course's).",
    )] = None,
    course: CourseOption = None,
) -> None:
    """Copy a video (and its captions) into media/videos/ and link it from the method card."""
    from .media import commands

    raise typer.Exit(commands.add(Project.find(course), path, method, captions, lang, console, errors))


LanguageOption = Annotated[Optional[str], typer.Option(
    "--lang", help="Only this language, one of `translations:` in course.yml (default: all of them).")]


def _translations(loaded: Loaded, lang: Optional[str]) -> list[str]:
    assert loaded.course
    listed = loaded.course.info.translated_into
    if lang and lang not in listed:
        errors.print(f"`{lang}` is not among the course's translations ({', '.join(listed) or 'none'}): "
                     "add it to `translations:` in course/course.yml first.")
        raise typer.Exit(2)
    if not listed:
        console.print("The course has no translations: list them in course/course.yml, e.g. "
                      "`translations: [nn, en]`.", markup=False)
    return [lang] if lang else listed


@translate_app.command("update")
def translate_update(lang: LanguageOption = None, course: CourseOption = None) -> None:
    """Bring the translation files in step with the course: new texts are added, changed ones marked
    fuzzy (the old text kept beside them), removed ones kept as obsolete. Makes a missing file."""
    loaded = load_and_report(course, quiet=True)
    raise typer.Exit(translate_commands.update(loaded, _translations(loaded, lang), console, errors))


@translate_app.command("status")
def translate_status(lang: LanguageOption = None, course: CourseOption = None) -> None:
    """A table per language: translated, fuzzy and missing texts per module, and what is left."""
    loaded = load_and_report(course, quiet=True)
    translate_commands.show_status(loaded, _translations(loaded, lang), console, errors)


@app.command()
def cards(
    format: Annotated[CardFormatName, typer.Option(
        "--format", case_sensitive=False,
        help="a5 (default: one sheet per method), a6, or a4-4up: four cards per A4 sheet with crop marks.")] = DEFAULT_FORMAT.value,  # type: ignore[assignment]
    start: Annotated[str, typer.Option("--start", help="When the sessions start, HH:MM.")] = "09:00",
    out: Annotated[Optional[Path], typer.Option("--out", help="Output folder (default: build/cards).")] = None,
    course: CourseOption = None,
) -> None:
    """Print-ready PDFs: every method card, the deck, and a plan for each session."""
    from .cards import CannotPrint, require_printing
    from .sessions import parse_clock
    from .cards.formats import get

    try:
        start_minutes = parse_clock(start)
    except ValueError as error:
        errors.print(f"--start: {error}")
        raise typer.Exit(2)
    loaded = load_and_report(course, quiet=True)
    assert loaded.course
    try:
        require_printing()
    except CannotPrint as error:
        errors.print(f"Cannot print the cards: {error}")
        raise typer.Exit(1)
    from .cards.build import build_all

    folder = out or loaded.project.cards_build
    fmt = get(format.value)
    with console.status("Rendering cards…") as status:
        built = build_all(loaded.course, folder, fmt, start_minutes,
                          progress=lambda step: status.update(f"Rendering {step}…"),
                          fit_cache=loaded.project.fit_cache)
    if built.overflowing:
        console.print(f"{len(built.overflowing)} cards continue on a second card, their text being longer "
                      f"than one {fmt.short} side: {', '.join(built.overflowing)}")
    shown = folder.resolve()
    console.print(f"{fmt.label}: {len(built.cards)} cards and the deck in {_shown(folder / fmt.folder, shown)}/, "
                  f"{len(built.sessions)} session plans in {_shown(folder / 'okter', shown)}/")


def _shown(path: Path | None, folder: Path) -> str:
    try:
        return str(Path(path or folder).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path or folder)


@app.command()
def exercises(
    module: Annotated[str, typer.Option("--module", help="Only the exercises of this module.")] = "",
    course: CourseOption = None,
) -> None:
    """Show every exercise of the course for review, and flag weak ones."""
    from .exercises.review import review
    from .model import ChoiceExercise, OrderingExercise

    loaded = load_and_report(course, quiet=True)
    assert loaded.course
    if module and module not in {m.slug for m in loaded.course.modules}:
        errors.print(f"Unknown module `{module}`.")
        raise typer.Exit(2)
    rows = [row for row in review(loaded.course) if not module or row[0].slug == module]
    for owner, exercise, reasons in rows:
        console.print(f"\n[bold]{owner.slug} / {exercise.id}[/bold] ({exercise.type})", soft_wrap=True)
        console.print(f"  {exercise.question}", soft_wrap=True)
        if isinstance(exercise, ChoiceExercise):
            for choice in exercise.choices:
                mark = "[green]✓[/green]" if choice.correct else "[red]✗[/red]"
                console.print(f"    {mark} {choice.text}  [dim]— {choice.feedback}[/dim]", soft_wrap=True)
        elif isinstance(exercise, OrderingExercise):
            for number, item in enumerate(exercise.items, start=1):
                console.print(f"    {number}. {item}", soft_wrap=True)
        else:
            for prompt in exercise.prompts:
                console.print(f"    – {prompt}", soft_wrap=True)
        for reason in reasons:
            console.print(f"  [yellow]weak: {reason}[/yellow]", soft_wrap=True)
    flagged = sum(1 for row in rows if row[2])
    console.print(f"\n{len(rows)} exercises, {flagged} flagged as weak")

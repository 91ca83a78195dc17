"""The `startpakke video` commands' console side: what to print and which exit code to give.

cli.py only wires options to these; the work itself is in pipeline and add.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

from ..project import Project
from ..loading import Loaded, load_course
from .add import AddError, add_video
from .pipeline import Busy, run
from .progress import RichReporter, summary_table
from .tool import FfmpegMissing


def transcode(project: Project, ffmpeg: str | None, console: Console, errors: Console,
              loaded: Loaded | None = None) -> int:
    """`startpakke video`; `loaded` is the course when the caller has loaded it already (`build`)."""
    try:
        with _ctrl_c_stops():
            return _transcode(loaded or load_course(project), ffmpeg, console, errors)
    except KeyboardInterrupt:
        errors.print("Stopped. Finished videos are kept; run `startpakke video` again to do the rest.")
        return 130


@contextmanager
def _ctrl_c_stops() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt, even when SIGINT was ignored on start (as a shell without job
    control starts a background job). ffmpeg always stops on SIGINT, exiting with 255: if this process
    did not stop too, that would look like a broken video and the run would go on with the next."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)


def _transcode(loaded: Loaded, ffmpeg: str | None, console: Console, errors: Console) -> int:
    # Only the problems that stop a video: the rest of the course is `startpakke check`'s business.
    blocking = [p for p in loaded.report.sorted() if p.severity == "error" and p.field.startswith("video")]
    # (a caption problem does not stop its video being encoded, but it still fails the run)
    for problem in blocking:
        errors.print(str(problem), markup=False, soft_wrap=True)
    if not loaded.sources.methods:
        errors.print("No method cards found: run this in the project folder, or give --course.")
        return 1 if loaded.report.errors else 0
    try:
        with RichReporter(console) as reporter:
            outcome = run(loaded, ffmpeg=ffmpeg, reporter=reporter)
    except FfmpegMissing as error:
        errors.print(f"Cannot run ffmpeg: {error}", markup=False)
        return 1
    except Busy as error:
        errors.print(str(error).capitalize(), markup=False)
        return 1
    for problem in outcome.report.sorted():
        errors.print(str(problem), markup=False, soft_wrap=True)
    if outcome.results:
        console.print(summary_table(outcome.results))
    else:
        console.print("No method card links a video yet. Add one with "
                      "`startpakke video add FILE --method SLUG --captions FILE.vtt`.")
    return 1 if outcome.failed or blocking else 0


def add(project: Project, path: Path, method: str, captions: Path | None, lang: str | None,
        console: Console, errors: Console) -> int:
    try:
        added = add_video(project, path, method, captions, lang)
    except AddError as error:
        errors.print(f"Cannot add the video: {error}", markup=False, soft_wrap=True)
        return 1
    root = project.root.resolve()
    console.print(f"Copied the video to [bold]{added.source.resolve().relative_to(root)}[/bold]"
                  f" ({added.duration:.0f} s).")
    for lang_code, file in added.captions.items():
        console.print(f"Copied the captions ({lang_code}) to [bold]{file.resolve().relative_to(root)}[/bold].")
    console.print(f"Linked it in [bold]{added.card.resolve().relative_to(root)}[/bold].")
    if added.unlinked:
        console.print(f"The card no longer links {added.unlinked.resolve().relative_to(root)}; "
                      "delete that file if you do not need it any more.")
    if not added.captions:
        console.print("[yellow]The video has no captions yet.[/yellow] Captions are required: add them with "
                      f"`startpakke video add {path} --method {method} --captions FILE.vtt`.")
    console.print("Next: run `startpakke video`, then `startpakke build`.")
    return 0

"""What `startpakke video` shows: a rich progress bar per video, then a summary table."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (BarColumn, Progress, TaskID, TaskProgressColumn, TextColumn,
                           TimeRemainingColumn)
from rich.table import Table

from .pipeline import VideoResult


class RichReporter:
    """A bar per video with percent and ETA from ffmpeg's -progress; use as a context manager."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[note]}"),
            console=console,
            transient=False,
        )
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> RichReporter:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def begin(self, slug: str, source: str, duration: float) -> None:
        self.tasks[slug] = self.progress.add_task(slug, total=1.0, note="")

    def advance(self, slug: str, fraction: float) -> None:
        self.progress.update(self.tasks[slug], completed=fraction)

    def end(self, result: VideoResult) -> None:
        task = self.tasks.get(result.slug)
        if task is None:
            task = self.tasks[result.slug] = self.progress.add_task(result.slug, total=1.0, note="")
        note = {"encoded": "[green]done", "unchanged": "[dim]unchanged", "failed": "[red]failed"}
        self.progress.update(task, completed=1.0 if result.status != "failed" else 0.0,
                             note=note[result.status])


def summary_table(results: list[VideoResult]) -> Table:
    table = Table("video", "duration", "renditions", "sizes", "time", title="Videos")
    for result in results:
        sizes = " / ".join(_megabytes(r.bytes) for r in result.renditions)
        renditions = " ".join(r.name for r in result.renditions)
        status = {"encoded": f"{result.seconds:.1f} s", "unchanged": "unchanged",
                  "failed": "[red]failed[/red]"}[result.status]
        table.add_row(result.slug, _clock(result.duration), renditions or "–", sizes or "–", status)
    return table


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{size / 1e3:.0f} kB"


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"

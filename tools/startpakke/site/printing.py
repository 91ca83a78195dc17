"""While serving: the cards and session plans of a changed course are printed again in another
process, so a save shows on the page first and its PDFs follow.

One run at a time; a save during a run asks for one more run after it. Until the last run ends, the
pages link the PDFs printed before; then a stamp that `serve` watches is written, and the rebuild it
causes links the new PDFs.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from pathlib import Path

from rich.console import Console

from ..loading import load_course
from ..project import Project
from . import printables

STAMP = ".printed"
"""The folder under build/cards/ whose stamp a finished run rewrites."""


class BackgroundPrinting:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.stamp = project.cards_build / STAMP
        self._lock = threading.Lock()
        self._running = self._again = False

    def request(self, languages: list[str]) -> None:
        """Print again, in the course's own language ("") and `languages`."""
        with self._lock:
            if self._running:
                self._again = True
                return
            self._running = True
            printables.hold(self.project, ["", *languages])
        threading.Thread(target=self._runs, daemon=True).start()

    def _runs(self) -> None:
        while True:
            # spawn: the serving process has threads, which fork would copy half-way
            process = multiprocessing.get_context("spawn").Process(target=print_course, args=(self.project.root,))
            process.start()
            process.join()
            with self._lock:
                if not self._again:
                    self._running = False
                    printables.release(self.project)
                    self.stamp.mkdir(parents=True, exist_ok=True)
                    (self.stamp / "stamp").write_text(str(process.exitcode), encoding="utf-8")
                    return
                self._again = False


def print_course(root: Path) -> None:
    """Print the course at `root` as `startpakke build` does, saying only what went wrong."""
    from .publish import print_cards  # the printing code loads in the printing process only

    os.nice(10)  # the next save's rebuild goes first: the page is what the editor waits for
    loaded = load_course(Project.find(root))
    if loaded.course:
        print_cards(loaded, Console(quiet=True), Console(stderr=True))

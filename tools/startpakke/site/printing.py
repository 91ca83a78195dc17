"""While serving: the cards and session plans of a changed course are printed again in another
process, so a save shows on the page first and its PDFs follow.

One run at a time; a save during a run asks for one more run after it. Until the last run ends, the
pages link the PDFs printed before; then a stamp that `serve` watches is written, and the rebuild it
causes links the new PDFs.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from pathlib import Path

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
        self._running = self._again = self._stopped = False
        self._process: multiprocessing.process.BaseProcess | None = None

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
            with self._lock:
                if self._stopped:
                    return
                process = self._process = multiprocessing.get_context("spawn").Process(
                    target=print_course, args=(self.project.root,))
                process.start()
            process.join()
            with self._lock:
                if self._stopped:
                    return
                if not self._again:
                    self._running = False
                    printables.release(self.project)
                    self.stamp.mkdir(parents=True, exist_ok=True)
                    (self.stamp / "stamp").write_text(str(process.exitcode), encoding="utf-8")
                    return
                self._again = False

    def stop(self) -> None:
        """`serve` stops, and so does a run: what it finished is kept, and the next build prints the rest."""
        with self._lock:
            self._stopped = True
            process = self._process
        if process is not None and process.is_alive():
            try:
                os.killpg(process.pid, signal.SIGTERM)  # the run and the processes it prints with
            except ProcessLookupError:  # not yet in a group of its own
                process.terminate()
            process.join(timeout=30)


def print_course(root: Path) -> None:
    """Print the course at `root` as `startpakke build` does, saying only what went wrong."""
    from rich.console import Console

    from .publish import print_cards  # the printing code loads in the printing process only

    os.setpgrp()  # one group with the processes it prints with, which `stop` ends together
    os.nice(10)  # the next save's rebuild goes first: the page is what the editor waits for
    loaded = load_course(Project.find(root))
    if loaded.course:
        print_cards(loaded, Console(quiet=True), Console(stderr=True))

"""Independent print jobs side by side, one process per core: WeasyPrint lays out on one core.

`STARTPAKKE_WORKERS=N` caps the processes (1: everything in the calling process), e.g. on a shared server.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Hashable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

Jobs = dict[Hashable, Callable[[], Any]]


def workers() -> int:
    """How many processes print at once: one per core, or `STARTPAKKE_WORKERS`."""
    cap = os.environ.get("STARTPAKKE_WORKERS", "").strip()
    return int(cap) if cap.isdigit() and int(cap) > 0 else os.cpu_count() or 1


class SideBySide:
    """Processes that run rounds of jobs, each taking the next job when done with one; started on the
    first round with more than one job and kept for the next such rounds (a process takes a second or two
    to start and load WeasyPrint). Fresh processes ("spawn"): a fork of a process with threads, such
    as a browser test's, can hang."""

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> SideBySide:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """End the processes: idle, they keep the memory of what they printed."""
        if self.pool:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def run(self, jobs: Jobs) -> dict[Hashable, Any]:
        """Each job's result by its key; one job, or one core, runs here."""
        if min(len(jobs), workers()) <= 1:
            return {key: job() for key, job in jobs.items()}
        if self.pool is None:
            self.pool = ProcessPoolExecutor(workers(), mp_context=multiprocessing.get_context("spawn"))
        futures = {key: self.pool.submit(job) for key, job in jobs.items()}
        return {key: future.result() for key, future in futures.items()}


def run_side_by_side(jobs: Jobs) -> dict[Hashable, Any]:
    """One round of jobs side by side."""
    with SideBySide() as processes:
        return processes.run(jobs)

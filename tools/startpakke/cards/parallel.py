"""Independent print jobs side by side, one process per core: WeasyPrint lays out on one core.

`STARTPAKKE_WORKERS=N` caps the processes (1: everything in the calling process), e.g. on a shared server.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Hashable
from concurrent.futures import ProcessPoolExecutor
from typing import Any


def run_side_by_side(jobs: dict[Hashable, Callable[[], Any]]) -> dict[Hashable, Any]:
    """Each job's result by its key. One job, or one core, runs here; more run in fresh processes
    ("spawn": a fork of a process with threads, such as a browser test's, can hang)."""
    cap = os.environ.get("STARTPAKKE_WORKERS", "").strip()
    workers = min(len(jobs), int(cap) if cap.isdigit() and int(cap) > 0 else os.cpu_count() or 1)
    if workers <= 1:
        return {key: job() for key, job in jobs.items()}
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {key: pool.submit(job) for key, job in jobs.items()}
        return {key: future.result() for key, future in futures.items()}

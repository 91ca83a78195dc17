"""`startpakke video`: make renditions, poster and WebVTT captions for every video a card links.

Incremental: an unchanged video (same content, settings and ffmpeg) is never encoded again.
Safe: outputs are written as `*.part` and renamed only when complete; the manifest entry is written
after its files; a killed run leaves `*.part` files that the next run removes before it starts.
One broken video is one problem naming the card and the file; the others still finish.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from ..fieldpath import dotted
from ..files import write_atomic
from ..project import Project
from ..loading import Loaded
from ..model import Video
from ..problems import Report, Severity
from ..yamlsource import Document, FieldPath
from . import encode, poster
from .captions import CaptionError, read_captions
from .loudness import measure
from .manifest import (CaptionFile, Manifest, PosterFile, RenditionFile, VideoEntry, key_of,
                       file_sha256, load_manifest, save_manifest, source_hash)
from .probe import Probe, ProbeError, probe
from .renditions import Settings, plan
from .tool import ffmpeg_exe, ffmpeg_version

VIDEO_DIR = "videos"
"""Outputs live in build/media/videos/; the manifest beside that folder."""
SHORT_OUTPUT_SLACK = 0.5
"""An output this much shorter than the source means the source is damaged near its end."""


class Reporter(Protocol):
    """What a user interface hears about a run; the pipeline itself prints nothing."""

    def begin(self, slug: str, source: str, duration: float) -> None: ...
    def advance(self, slug: str, fraction: float) -> None: ...
    def end(self, result: VideoResult) -> None: ...


@dataclass
class VideoResult:
    slug: str
    source: str
    status: Literal["encoded", "unchanged", "failed"]
    duration: float | None = None
    renditions: list[RenditionFile] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class RunResult:
    results: list[VideoResult]
    report: Report
    manifest: Manifest

    @property
    def failed(self) -> bool:
        return bool(self.report.errors)

    @property
    def encoded(self) -> list[str]:
        return [result.slug for result in self.results if result.status == "encoded"]


@dataclass
class Job:
    slug: str
    document: Document
    video: Video


class Busy(Exception):
    """Another `startpakke video` works on the same build folder."""


class _Failed(Exception):
    def __init__(self, loc: FieldPath, message: str) -> None:
        super().__init__(message)
        self.loc, self.message = loc, message


def jobs_of(loaded: Loaded) -> list[Job]:
    """The cards with a video whose source passed the checks (those that did not are reported there).

    Caption problems do not hold the video back: it is encoded, and the captions follow once fixed."""
    root = loaded.project.root
    blocked = {problem.file for problem in loaded.report.errors if problem.field == "video.source"}
    jobs = []
    for slug, (document, method) in sorted(loaded.sources.methods.items()):
        if method.video and loaded.report.relative(document.path) not in blocked \
                and (root / method.video.source).is_file():
            jobs.append(Job(slug, document, method.video))
    return jobs


def run(loaded: Loaded, settings: Settings | None = None, ffmpeg: str | None = None,
        reporter: Reporter | None = None) -> RunResult:
    """Bring build/media/ up to date with the cards. Raises FfmpegMissing and Busy before touching files."""
    settings = settings or Settings()
    project = loaded.project
    exe = ffmpeg_exe(ffmpeg)
    version = ffmpeg_version(exe)
    report = Report(project.root)
    out_dir = project.media_build / VIDEO_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    with _locked(project):
        _remove_parts(out_dir)
        manifest = load_manifest(project)
        results = []
        jobs = jobs_of(loaded)
        for job in jobs:
            worker = _Worker(project, job, manifest, settings, exe, version, out_dir, report, reporter)
            result = worker.run()
            results.append(result)
            if reporter:
                reporter.end(result)
        wanted = {job.slug for job in jobs}
        for slug in list(manifest.videos):
            if slug not in wanted:
                del manifest.videos[slug]
        save_manifest(project, manifest)
        _remove_unreferenced(out_dir, manifest)
    return RunResult(results, report, manifest)


@contextmanager
def _locked(project: Project) -> Iterator[None]:
    lock = project.media_build / ".lock"
    with lock.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy("another `startpakke video` is running for this project; wait for it to finish")
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_parts(out_dir: Path) -> None:
    """Leftovers of a run that was killed before it could clean up."""
    for part in out_dir.glob("*.part"):
        part.unlink(missing_ok=True)


def _remove_unreferenced(out_dir: Path, manifest: Manifest) -> None:
    keep = {Path(path).name for path in manifest.files()}
    for path in out_dir.iterdir():
        if path.is_file() and path.name not in keep:
            path.unlink(missing_ok=True)


class _Worker:
    """One video of one run."""

    def __init__(self, project: Project, job: Job, manifest: Manifest, settings: Settings, exe: str,
                 version: str, out_dir: Path, report: Report, reporter: Reporter | None) -> None:
        self.project, self.job, self.manifest, self.settings = project, job, manifest, settings
        self.exe, self.version, self.out_dir, self.report, self.reporter = exe, version, out_dir, report, reporter

    def problem(self, loc: FieldPath, message: str, hint: str = "", severity: Severity = "error") -> None:
        line, col = self.job.document.where(loc)
        self.report.add(self.job.document.path, line, col, dotted(loc), message, hint, severity)

    def run(self) -> VideoResult:
        job = self.job
        started = time.perf_counter()
        result = VideoResult(job.slug, job.video.source, "failed")
        try:
            entry, encoded = self._video()
        except _Failed as failure:
            self.problem(failure.loc, failure.message)
            if self.manifest.videos.pop(job.slug, None) is not None:
                save_manifest(self.project, self.manifest)
            result.seconds = time.perf_counter() - started
            return result
        entry.encode_seconds = round(time.perf_counter() - started, 2) if encoded else \
            entry.encode_seconds
        self.manifest.videos[job.slug] = entry
        save_manifest(self.project, self.manifest)
        result.status = "encoded" if encoded else "unchanged"
        result.duration, result.renditions = entry.duration, entry.renditions
        result.seconds = time.perf_counter() - started
        return result

    # --- steps --------------------------------------------------------------------------------------

    def _video(self) -> tuple[VideoEntry, bool]:
        job, root = self.job, self.project.root
        source = root / job.video.source
        previous = self.manifest.videos.get(job.slug)
        stat = source.stat()
        sha = source_hash(source, stat, job.video.source, previous)
        key = key_of(sha, self.settings.fingerprint(), self.version)
        if previous and previous.key == key and all((self._build(r.path)).is_file()
                                                    for r in previous.renditions):
            if self.reporter:
                self.reporter.begin(job.slug, job.video.source, previous.duration)
            entry = previous.model_copy(deep=True)
            encoded = False
        else:
            entry = self._encode(source, sha, key)
            encoded = True
        entry.source_size, entry.source_mtime_ns = stat.st_size, stat.st_mtime_ns
        entry.title = job.video.title
        entry.captions = self._captions(entry.duration)
        entry.poster = self._poster(source, entry, previous)
        return entry, encoded

    def _build(self, relative: str) -> Path:
        return self.project.media_build / relative

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.project.media_build).as_posix()

    def _encode(self, source: Path, sha: str, key: str) -> VideoEntry:
        job = self.job
        try:
            info = probe(source)
        except ProbeError as error:
            raise _Failed(("video", "source"), f"{job.video.source}: {error}") from None
        if self.reporter:
            self.reporter.begin(job.slug, job.video.source, info.duration)
        loudness = measure(source) if info.has_audio else None
        planned = plan(*info.display_size, self.settings)
        finals = [self.out_dir / f"{job.slug}-{item.name}-{key[:12]}.mp4" for item in planned]
        parts = [final.with_name(final.name + ".part") for final in finals]
        command = encode.renditions_command(self.exe, source, info, planned, parts, self.settings, loudness)
        reporter = self.reporter
        try:
            encode.run(command, info.duration,
                       (lambda fraction: reporter.advance(job.slug, fraction)) if reporter else None)
            self._verify(parts, info)
            for part, final in zip(parts, finals):
                os.replace(part, final)
        except encode.EncodeError as error:
            raise _Failed(("video", "source"), f"{job.video.source}: the video could not be converted "
                                               f"({error}); it may be damaged") from None
        finally:
            for part in parts:
                part.unlink(missing_ok=True)
        renditions = [
            RenditionFile(name=item.name, quality=item.rung.quality,  # type: ignore[arg-type]
                          width=item.width, height=item.height, path=self._relative(final),
                          bytes=final.stat().st_size)
            for item, final in zip(planned, finals)
        ]
        width, height = info.display_size
        return VideoEntry(
            slug=job.slug, source=job.video.source, source_sha256=sha, source_size=0, source_mtime_ns=0,
            key=key, ffmpeg=self.version, duration=round(info.duration, 3), width=width, height=height,
            has_audio=info.has_audio, loudness_lufs=loudness.integrated if loudness else None,
            renditions=renditions, poster=PosterFile(path="", at=0, key="", width=0, height=0),
        )

    def _verify(self, parts: list[Path], info: Probe) -> None:
        """A source damaged in the middle decodes up to the damage: ffmpeg succeeds with a short video."""
        for part in parts:
            try:
                made = probe(part)
            except ProbeError as error:
                raise encode.EncodeError(f"the output could not be read back: {error}") from None
            if made.duration < info.duration - max(SHORT_OUTPUT_SLACK, 0.05 * info.duration):
                raise _Failed(("video", "source"),
                              f"{self.job.video.source}: only {made.duration:.1f} s of {info.duration:.1f} s "
                              "could be read; the file is damaged, copy or export it again")

    def _captions(self, duration: float) -> list[CaptionFile]:
        made = []
        for lang, relative in self.job.video.captions.items():
            path = self.project.root / relative
            if not path.is_file():
                continue  # the checks report a missing caption file, with a suggestion
            try:
                captions = read_captions(path, duration)
            except CaptionError as error:
                self.problem(("video", "captions", lang), f"{relative}:{error.line}: {error.message}")
                continue
            except OSError as error:
                self.problem(("video", "captions", lang), f"{relative}: cannot read it ({error.strerror})")
                continue
            digest = key_of(captions.webvtt)
            output = self.out_dir / f"{self.job.slug}.{lang}-{digest[:12]}.vtt"
            if not output.is_file():
                write_atomic(output, captions.webvtt)
            made.append(CaptionFile(lang=lang, path=self._relative(output), source=relative,
                                    source_sha256=file_sha256(path), sha256=digest))
        return made

    def _poster(self, source: Path, entry: VideoEntry, previous: VideoEntry | None) -> PosterFile:
        requested = self.job.video.poster_at
        at, representative = poster.choose(requested, entry.duration)
        if requested is not None and representative:
            self.problem(("video", "poster_at"), *poster.outside(requested, entry.duration), "warning")
        # At the second smallest rendition's size (540p where there is one): sharp in the player on a
        # screen, and a third of the largest's bytes in a phone's first view of the page.
        by_size = sorted(entry.renditions, key=lambda r: r.width * r.height)
        sized = by_size[min(1, len(by_size) - 1)]
        key = key_of(entry.key, at, representative, sized.width, sized.height)
        if previous and previous.poster.key == key and self._build(previous.poster.path).is_file():
            return previous.poster.model_copy(update={"requested": requested})
        final = self.out_dir / f"{self.job.slug}-poster-{key[:12]}.jpg"
        part = final.with_name(final.name + ".part")
        command = encode.poster_command(self.exe, source, at, (sized.width, sized.height), part,
                                        self.settings, representative)
        try:
            encode.run(command, 0)
            if not part.is_file() or part.stat().st_size == 0:
                raise encode.EncodeError("no frame at that time")
            os.replace(part, final)
        except encode.EncodeError as error:
            raise _Failed(("video", "source"), f"{self.job.video.source}: no poster image could be made "
                                               f"({error})") from None
        finally:
            part.unlink(missing_ok=True)
        return PosterFile(path=self._relative(final), at=at, key=key, width=sized.width,
                          height=sized.height, requested=requested)


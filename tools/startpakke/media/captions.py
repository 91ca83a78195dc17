"""Caption files: read .vtt or .srt with webvtt-py, validate them for people, publish WebVTT, make transcripts."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from ..files import NotUtf8, read_utf8
from ..model import CAPTION_TYPES

END_SLACK = 0.25
"""Seconds a cue may run past the end of the video: caption tools round to whole frames or tenths."""
PARAGRAPH_GAP = 2.0
"""A pause this long between cues starts a new paragraph in the transcript."""


class CaptionError(Exception):
    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(message)
        self.path, self.line, self.message = path, line, message


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str
    line: int
    """Line of the cue's timing in the source file, for error messages."""


@dataclass(frozen=True)
class Captions:
    path: Path
    cues: list[Cue]
    webvtt: str
    """The captions as WebVTT text (converted when the source was .srt)."""


def language_from_name(path: Path) -> str | None:
    """`interessentkart.nb.vtt` → `nb`; None when the name carries no language."""
    parts = path.name.split(".")
    if len(parts) >= 3 and re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", parts[-2]):
        return parts[-2]
    return None


def read_captions(path: Path, duration: float | None = None) -> Captions:
    """Parse and validate a caption file; raise CaptionError naming the file and line."""
    if path.suffix.lower() not in CAPTION_TYPES:
        raise CaptionError(path, 1, f"captions must be .vtt or .srt, not `{path.suffix or path.name}`")
    text = _decode(path)
    lines = text.splitlines()
    try:
        if path.suffix.lower() == ".srt":
            parsed = webvtt.WebVTT.from_buffer(io.StringIO(text), format="srt")
        else:
            parsed = webvtt.WebVTT.from_string(text, strict=True)
    except MalformedFileError:
        first = "the first line must be `WEBVTT`" if path.suffix.lower() == ".vtt" else \
            "each caption needs a number, a `00:00:01,000 --> 00:00:03,000` line and its text"
        raise CaptionError(path, 1, f"not a valid caption file: {first}") from None
    except MalformedCaptionError as error:
        raise CaptionError(path, _line_of_error(lines, str(error)),
                           "a caption block is malformed: write its timing as "
                           "`00:00:01.000 --> 00:00:03.000` followed by its text") from None
    timing_lines = [number for number, line in enumerate(lines, start=1) if "-->" in line]
    cues = [
        Cue(caption.start_time.in_milliseconds() / 1000, caption.end_time.in_milliseconds() / 1000,
            caption.text.strip(), timing_lines[index] if index < len(timing_lines) else 1)
        for index, caption in enumerate(parsed.captions)
    ]
    _validate(path, cues, duration)
    return Captions(path, cues, parsed.content if parsed.content.endswith("\n") else parsed.content + "\n")


def _decode(path: Path) -> str:
    try:
        text = read_utf8(path)
    except NotUtf8 as error:
        guess = "it looks like Windows-1252 or ISO-8859-1" if error.latin1_like else "it is in another encoding"
        raise CaptionError(path, error.line, f"the caption file is not UTF-8 text ({guess}); "
                                             "save it as UTF-8 in your editor") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _line_of_error(lines: list[str], message: str) -> int:
    for number, line in enumerate(lines, start=1):
        if line.strip() and line.strip() in message and "-->" in line:
            return number
    return 1


def _validate(path: Path, cues: list[Cue], duration: float | None) -> None:
    if not cues or not any(cue.text for cue in cues):
        raise CaptionError(path, 1, "the caption file has no captions")
    previous: Cue | None = None
    for cue in cues:
        if not cue.text:
            raise CaptionError(path, cue.line, "this caption has no text; remove it or write its text")
        if cue.end <= cue.start:
            raise CaptionError(path, cue.line, f"this caption ends ({_clock(cue.end)}) before it starts "
                                               f"({_clock(cue.start)})")
        if previous and cue.start < previous.start:
            raise CaptionError(path, cue.line, f"this caption starts at {_clock(cue.start)}, before the one "
                                               f"on line {previous.line} ({_clock(previous.start)}); "
                                               "put the captions in time order")
        if duration is not None and cue.end > duration + END_SLACK:
            raise CaptionError(path, cue.line, f"this caption ends at {_clock(cue.end)}, after the end of "
                                               f"the video ({_clock(duration)})")
        previous = cue


def _clock(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes):02d}:{rest:06.3f}"


def transcript(cues: list[Cue]) -> list[str]:
    """The spoken text as paragraphs: captions joined, a new paragraph after a pause."""
    paragraphs: list[list[str]] = []
    last_end: float | None = None
    for cue in cues:
        text = " ".join(line.strip() for line in cue.text.splitlines() if line.strip())
        if not text:
            continue
        if last_end is None or cue.start - last_end >= PARAGRAPH_GAP:
            paragraphs.append([])
        paragraphs[-1].append(text)
        last_end = cue.end
    return [" ".join(parts) for parts in paragraphs]

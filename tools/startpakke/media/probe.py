"""What a media file holds, read with PyAV (libav's own demuxers), never from ffmpeg's human log."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av


class ProbeError(Exception):
    """A file that is not a usable video; the message is written for an editor."""


@dataclass(frozen=True)
class Probe:
    duration: float
    """Seconds."""
    width: int
    height: int
    """Coded size, before rotation."""
    rotation: int
    """Degrees the player turns the picture (display matrix), 0/90/180/270."""
    sample_aspect: Fraction
    fps: float
    video_codec: str
    profile: str
    pix_fmt: str
    audio_codec: str | None
    audio_channels: int
    sample_rate: int
    format_name: str

    @property
    def has_audio(self) -> bool:
        return self.audio_codec is not None

    @property
    def display_size(self) -> tuple[int, int]:
        """The size a viewer sees: square pixels, rotation applied."""
        width = round(self.width * self.sample_aspect)
        if self.rotation % 180 == 90:
            return self.height, width
        return width, self.height


def probe(path: Path) -> Probe:
    if not path.is_file():
        raise ProbeError("the file does not exist")
    if path.stat().st_size == 0:
        raise ProbeError("the file is empty")
    truncated = _truncated_box(path)
    if truncated:
        raise ProbeError(truncated)
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            return _read(container)
    except av.error.FFmpegError as error:
        raise ProbeError(f"not a video file that can be read ({_reason(error)}); "
                         "export it again as MP4 or MOV") from None


def _read(container: av.container.InputContainer) -> Probe:
    if not container.streams.video:
        raise ProbeError("the file has no picture (no video stream)")
    video = container.streams.video[0]
    audio = container.streams.audio[0] if container.streams.audio else None
    duration = _duration(container, video)
    if duration <= 0:
        raise ProbeError("the video has no length (no frames could be read)")
    rotation = 0
    # The display matrix travels on decoded frames in PyAV; one frame also proves the stream decodes.
    for frame in container.decode(video):
        rotation = int(round(getattr(frame, "rotation", 0) or 0)) % 360
        break
    else:
        raise ProbeError("no picture could be decoded from the file; it may be damaged")
    ctx = video.codec_context
    rate = video.average_rate or video.guessed_rate or 25
    return Probe(
        duration=duration,
        width=ctx.width,
        height=ctx.height,
        rotation=rotation,
        sample_aspect=Fraction(video.sample_aspect_ratio or 1) or Fraction(1),
        fps=float(rate),
        video_codec=ctx.name,
        profile=str(ctx.profile or ""),
        pix_fmt=str(ctx.format.name if ctx.format else ""),
        audio_codec=audio.codec_context.name if audio else None,
        audio_channels=audio.codec_context.channels if audio else 0,
        sample_rate=audio.codec_context.sample_rate if audio else 0,
        format_name=container.format.name,
    )


def _duration(container: av.container.InputContainer, video: av.video.stream.VideoStream) -> float:
    if container.duration:
        return container.duration / av.time_base
    if video.duration and video.time_base:
        return float(video.duration * video.time_base)
    return 0.0


def _reason(error: Exception) -> str:
    text = getattr(error, "strerror", None) or str(error)
    return text.split(": '")[0].strip().rstrip(".").lower() or "unknown format"


# --- ISO base media (MP4, MOV, M4V) box layout -----------------------------------------------------


def top_level_boxes(path: Path) -> list[tuple[str, int, int]]:
    """(type, offset, size) of each top-level box; stops at the first one that does not fit the file."""
    boxes: list[tuple[str, int, int]] = []
    size_of_file = path.stat().st_size
    with path.open("rb") as file:
        offset = 0
        while offset + 8 <= size_of_file:
            file.seek(offset)
            head = file.read(16)
            size, kind = struct.unpack(">I4s", head[:8])
            if size == 1 and len(head) == 16:
                size = struct.unpack(">Q", head[8:16])[0]
            elif size == 0:
                size = size_of_file - offset
            name = kind.decode("latin-1")
            boxes.append((name, offset, size))
            if size < 8:
                break
            offset += size
    return boxes


def is_iso_media(path: Path) -> bool:
    with path.open("rb") as file:
        head = file.read(12)
    return len(head) == 12 and head[4:8] in (b"ftyp", b"wide", b"moov", b"mdat", b"free")


def _truncated_box(path: Path) -> str:
    """A cut-off MP4 or MOV: a box claims more bytes than the file holds, or the index is missing."""
    if not is_iso_media(path):
        return ""
    boxes = top_level_boxes(path)
    size = path.stat().st_size
    if any(offset + length > size for _, offset, length in boxes):
        return "the file is cut off (it ends in the middle of the video); copy or export it again"
    if "moov" not in {name for name, _, _ in boxes}:
        return "the file is incomplete (its index, the moov box, is missing); copy or export it again"
    return ""

"""EBU R128 loudness: pass one measures with libav's ebur128 filter (read from frame metadata through PyAV,
not from a log); pass two is ffmpeg's loudnorm given those measurements, in linear mode where it can."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import av

TARGET_I = -16.0
"""LUFS: the usual target for speech on the web and on phones."""
TARGET_TP = -1.5
"""dBTP: headroom so AAC encoding does not clip."""
MIN_TARGET_LRA = 7.0
SILENT = -60.0
"""Below this integrated loudness the track is treated as silence and left as it is."""


@dataclass(frozen=True)
class Loudness:
    integrated: float
    """LUFS."""
    true_peak: float
    """dBTP."""
    lra: float
    """LU."""

    @property
    def silent(self) -> bool:
        return self.integrated <= SILENT


def downmix_filter(channels: int) -> str | None:
    """More than two channels are folded to stereo before measuring, so both passes hear the same mix."""
    return "aformat=channel_layouts=stereo" if channels > 2 else None


def measure(path: Path) -> Loudness | None:
    """Loudness of the first audio stream, or None when the file has none."""
    with av.open(str(path)) as container:
        if not container.streams.audio:
            return None
        stream = container.streams.audio[0]
        graph = av.filter.Graph()
        chain = [graph.add_abuffer(template=stream)]
        downmix = downmix_filter(stream.codec_context.channels)
        if downmix:
            name, _, args = downmix.partition("=")
            chain.append(graph.add(name, args))
        chain.append(graph.add("ebur128", "metadata=1:peak=true"))
        chain.append(graph.add("abuffersink"))
        for left, right in zip(chain, chain[1:]):
            left.link_to(right)
        graph.configure()
        last: dict[str, str] = {}
        for frame in container.decode(stream):
            graph.push(frame)
            last = _drain(graph, last)
        graph.push(None)
        last = _drain(graph, last)
    if "lavfi.r128.I" not in last:
        return None
    peak = float(last.get("lavfi.r128.true_peak", "0") or 0)
    return Loudness(
        integrated=float(last["lavfi.r128.I"]),
        true_peak=20 * math.log10(peak) if peak > 0 else -99.0,
        lra=float(last.get("lavfi.r128.LRA", "0")),
    )


def _drain(graph: av.filter.Graph, last: dict[str, str]) -> dict[str, str]:
    while True:
        try:
            frame = graph.pull()
        except (av.BlockingIOError, av.EOFError):
            return last
        last = dict(frame.metadata) or last


def loudnorm_args(measured: Loudness) -> dict[str, object]:
    """Arguments for ffmpeg's loudnorm, second pass.

    loudnorm only applies one linear gain (keeping the speaker's dynamics) when the measured range fits
    the target range and all measurements are given, so the target range follows the measured one.
    It reads a measured range or threshold of exactly 0 / -70 as "not measured", hence the floors.
    """
    return {
        "I": TARGET_I,
        "TP": TARGET_TP,
        "LRA": round(min(50.0, max(MIN_TARGET_LRA, measured.lra + 0.1)), 1),
        "measured_I": round(measured.integrated, 2),
        "measured_TP": round(max(measured.true_peak, -99.0), 2),
        "measured_LRA": round(max(measured.lra, 0.1), 2),
        # The relative gate sits 10 LU below the gated loudness (EBU R128 / BS.1770).
        "measured_thresh": round(measured.integrated - 10.0, 2),
        "linear": "true",
    }

"""Which frame of a video becomes its poster: the card's `poster_at`, else one from early on.

The poster is what a learner sees before pressing play, so it should look like the start of what they
will watch, not its ending.
"""

from __future__ import annotations

EARLY_SHARE = 0.1
"""Without poster_at the poster comes from a tenth into the video…"""
EARLY_MIN, EARLY_MAX = 1.0, 10.0
"""…but at least a second in (past a fade from black) and at most ten (still the beginning)."""
END_MARGIN = 0.25
"""The last frame starts up to a frame before the end (0.2 s at 5 frames a second): a time closer to
the end than this has no frame to show."""


def inside(at: float, duration: float) -> bool:
    return 0 <= at <= duration - END_MARGIN


def early_frame(duration: float) -> float:
    """Seconds into the video; never past its middle, so a short clip still has frames after it."""
    return round(min(max(EARLY_SHARE * duration, EARLY_MIN), EARLY_MAX, duration / 2), 3)


def outside(at: float, duration: float) -> tuple[str, str]:
    """The message and hint for a poster_at the video does not reach."""
    return (f"poster_at is {at:g} s, but the video is only {duration:.1f} s long; "
            f"the poster is taken from early on ({early_frame(duration):g} s) instead",
            f"give a time inside the video (less than {max(duration - END_MARGIN, 0):.1f}), "
            "or remove `poster_at:`")


def choose(requested: float | None, duration: float) -> tuple[float, bool]:
    """(seconds, chosen by us): the card's time when the video has a frame there, else an early one."""
    if requested is not None and inside(requested, duration):
        return requested, False
    return early_frame(duration), True

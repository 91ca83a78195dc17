"""Which renditions a source gets: the short side decides, nothing is upscaled, sides stay even."""

from __future__ import annotations

import pytest

from startpakke.media.loudness import Loudness, loudnorm_args
from startpakke.media.renditions import Settings, plan


def sizes(width: int, height: int) -> dict[str, tuple[int, int]]:
    return {item.rung.name: (item.width, item.height) for item in plan(width, height, Settings())}


def test_a_1080p_source_gets_three_renditions() -> None:
    assert sizes(1920, 1080) == {"360p": (640, 360), "540p": (960, 540), "720p": (1280, 720)}


def test_a_portrait_phone_video_keeps_its_orientation() -> None:
    assert sizes(1080, 1920) == {"360p": (360, 640), "540p": (540, 960), "720p": (720, 1280)}


def test_a_small_source_is_never_upscaled_and_gets_no_720p() -> None:
    made = sizes(853, 479)
    assert set(made) == {"360p", "540p"}
    assert made["540p"] == (852, 478)  # the source's size, made even
    assert all(w <= 853 and h <= 479 and w % 2 == 0 and h % 2 == 0 for w, h in made.values())


@pytest.mark.parametrize(("width", "height"), [(1279, 719), (3840, 2160), (720, 720), (1000, 3000)])
def test_sides_are_even_and_the_aspect_ratio_is_kept(width: int, height: int) -> None:
    for w, h in sizes(width, height).values():
        assert w % 2 == 0 and h % 2 == 0
        assert w <= width and h <= height
        assert abs(w / h - width / height) < 0.02


def test_loudnorm_gets_a_target_range_wide_enough_for_a_single_linear_gain() -> None:
    args = loudnorm_args(Loudness(integrated=-23.0, true_peak=-9.0, lra=12.0))
    assert args["I"] == -16.0 and args["linear"] == "true"
    assert args["LRA"] >= 12.0 and args["measured_I"] == -23.0
    # loudnorm reads a range of exactly 0 as "not measured" and would leave linear mode
    assert loudnorm_args(Loudness(-20.0, -10.0, 0.0))["measured_LRA"] > 0

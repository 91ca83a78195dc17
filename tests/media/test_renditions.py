"""Which renditions a source gets: the short side decides, nothing is upscaled, sides stay even."""

from __future__ import annotations

import pytest

from startpakke.media.loudness import Loudness, loudnorm_args
from startpakke.media.renditions import MIN_STEP, Settings, plan


def sizes(width: int, height: int) -> dict[str, tuple[int, int]]:
    return {item.name: (item.width, item.height) for item in plan(width, height, Settings())}


def qualities(width: int, height: int) -> dict[str, str]:
    return {item.name: item.rung.quality for item in plan(width, height, Settings())}


def test_a_1080p_source_gets_three_renditions() -> None:
    assert sizes(1920, 1080) == {"360p": (640, 360), "540p": (960, 540), "720p": (1280, 720)}


def test_a_portrait_phone_video_keeps_its_orientation() -> None:
    assert sizes(1080, 1920) == {"360p": (360, 640), "540p": (540, 960), "720p": (720, 1280)}


def test_a_small_source_is_never_upscaled_and_its_renditions_are_named_by_their_size() -> None:
    made = sizes(853, 479)
    assert made == {"360p": (642, 360), "478p": (852, 478)}  # the source's size, made even
    assert qualities(853, 479) == {"360p": "low", "478p": "medium"}
    assert qualities(854, 480) == {"360p": "low", "480p": "medium"}


def test_a_360p_source_gets_a_single_low_rendition_and_no_duplicates() -> None:
    assert sizes(640, 360) == {"360p": (640, 360)}
    assert qualities(640, 360) == {"360p": "low"}
    assert sizes(676, 380) == {"360p": (640, 360)}  # 380p would only repeat 360p
    assert sizes(320, 180) == {"180p": (320, 180)}


def test_a_source_between_rungs_gets_its_own_size_as_the_top_rendition() -> None:
    assert qualities(1138, 640) == {"360p": "low", "540p": "medium", "640p": "high"}
    assert sizes(1138, 640)["640p"] == (1138, 640)
    assert qualities(1048, 590) == {"360p": "low", "540p": "medium"}  # 590p would only repeat 540p
    assert qualities(1279, 719) == {"360p": "low", "540p": "medium", "718p": "high"}


def test_names_are_the_real_short_side_and_each_rendition_is_a_real_step_up() -> None:
    for width, height in [(w, h) for w in range(200, 2000, 7) for h in (w * 9 // 16, w * 16 // 9, w)]:
        made = plan(width, height, Settings())
        assert [item.name for item in made] == [f"{min(item.width, item.height)}p" for item in made]
        shorts = [min(item.width, item.height) for item in made]
        assert all(b >= MIN_STEP * a for a, b in zip(shorts, shorts[1:]))
        assert [item.rung.quality for item in made] == ["low", "medium", "high"][:len(made)]
        assert all(w <= width and h <= height and w % 2 == 0 and h % 2 == 0
                   for w, h in ((item.width, item.height) for item in made))


@pytest.mark.parametrize(("width", "height"), [(1279, 719), (1279, 720), (3840, 2160), (720, 720),
                                               (1000, 3000)])
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

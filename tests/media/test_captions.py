"""Caption files as editors make them: WebVTT or SRT, sometimes in the wrong encoding or order."""

from __future__ import annotations

from pathlib import Path

import pytest
import webvtt

from startpakke.media.captions import CaptionError, language_from_name, read_captions, transcript

SRT = """\
1
00:00:00,500 --> 00:00:02,000
Hei, og velkommen til biblioteket.

2
00:00:02,200 --> 00:00:04,000
I dag lager vi et <i>interessentkart</i>
sammen med naboene.

3
00:00:07,000 --> 00:00:08,500
Hvem mangler på kartet?
"""


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_srt_becomes_webvtt_with_the_same_cues(tmp_path: Path) -> None:
    captions = read_captions(write(tmp_path, "kart.nb.srt", SRT), duration=9.0)
    parsed = webvtt.WebVTT.from_string(captions.webvtt, strict=True)
    assert captions.webvtt.startswith("WEBVTT")
    assert [c.start for c in parsed.captions] == ["00:00:00.500", "00:00:02.200", "00:00:07.000"]
    assert parsed.captions[1].text == "I dag lager vi et interessentkart\nsammen med naboene."


def test_transcript_joins_lines_and_breaks_paragraphs_at_pauses(tmp_path: Path) -> None:
    cues = read_captions(write(tmp_path, "kart.nb.srt", SRT)).cues
    assert transcript(cues) == [
        "Hei, og velkommen til biblioteket. I dag lager vi et interessentkart sammen med naboene.",
        "Hvem mangler på kartet?",
    ]


def test_a_windows_1252_file_is_named_with_the_line_of_the_first_bad_letter(tmp_path: Path) -> None:
    path = write(tmp_path, "kart.nb.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nBlåbær\n", "cp1252")
    with pytest.raises(CaptionError) as caught:
        read_captions(path)
    assert caught.value.path == path and caught.value.line == 4
    assert "not UTF-8" in caught.value.message and "Windows-1252" in caught.value.message


@pytest.mark.parametrize(("text", "line", "words"), [
    ("WEBVTT\n\n00:00:03.000 --> 00:00:04.000\nA\n\n00:00:01.000 --> 00:00:02.000\nB\n", 6, "time order"),
    ("WEBVTT\n\n00:00:03.000 --> 00:00:02.000\nA\n", 3, "ends"),
    ("WEBVTT\n\n00:00:01.000 --> 00:00:12.000\nA\n", 3, "after the end of the video"),
    ("WEBVTT\n\n", 1, "no captions"),
    ("Hei\n\n00:00:01.000 --> 00:00:02.000\nA\n", 1, "WEBVTT"),
    ("WEBVTT\n\n00:00:0x.000 --> 00:00:02.000\nA\n", 3, "malformed"),
])
def test_broken_captions_say_what_and_where(tmp_path: Path, text: str, line: int, words: str) -> None:
    with pytest.raises(CaptionError) as caught:
        read_captions(write(tmp_path, "kart.nb.vtt", text), duration=10.0)
    assert caught.value.line == line
    assert words in caught.value.message


def test_a_cue_may_end_a_rounding_step_after_the_video(tmp_path: Path) -> None:
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:10.200\nSiste ord.\n"
    assert read_captions(write(tmp_path, "kart.nb.vtt", text), duration=10.0).cues[0].end == 10.2


def test_language_comes_from_the_file_name() -> None:
    assert language_from_name(Path("interessentkart.nb.vtt")) == "nb"
    assert language_from_name(Path("kart.se.srt")) == "se"
    assert language_from_name(Path("IMG_0042.srt")) is None

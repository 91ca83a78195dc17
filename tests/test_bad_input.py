"""Every kind of bad input names file, line, column and field, says how to fix it, and exits 1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import edit, run

K = "course/methods/kafe.yml"
S = "course/methods/samtale.yml"
C = "course/course.yml"
O = "course/modules/okt-1.yml"
I = "course/modules/intro.yml"

# (case, edits as (file, old, new), the lines check must print, exit code)
CASES = [
    ("yaml-syntax", [(K, "summary: Samtaler rundt små bord.", "summary: Samtaler: rundt små bord.")],
     [f"{K}:2:18: (file): error: YAML syntax error: mapping values are not allowed in this context",
      "    hint: a value that contains «: » must be put in quotes"], 1),
    ("tab-indent", [(K, "  min: 60", "\tmin: 60")],
     [f"{K}:7:1: (file): error: a tab is used for indentation"], 1),
    ("duplicate-key", [(K, "phase: forsta", "phase: forsta\ntitle: Kafé igjen")],
     [f"{K}:4:1: title: error: `title` is given twice (first on line 1)",
      "    hint: YAML keeps only the last one: remove or merge one of them"], 1),
    ("unknown-field", [(K, "title: Samskapingskafé", "tittel: Samskapingskafé")],
     [f"{K}:1:1: tittel: error: unknown field `tittel`; did you mean `title`?",
      f"{K}:1:1: title: error: this required field is missing"], 1),
    ("wrong-type", [(K, "minutes: 45", "minutes: førtifem")],
     [f"{K}:20:14: steps[2].minutes: error: must be a whole number, got 'førtifem'"], 1),
    ("min-above-max", [(K, "min: 60", "min: 100")],
     [f"{K}:7:3: duration: error: min (100) is larger than max (90); swap them"], 1),
    ("negative-minutes", [(K, "minutes: 10", "minutes: -10")],
     [f"{K}:17:14: steps[1].minutes: error: must be 0 or more, got -10"], 1),
    ("norway-problem", [(K, "summary: Samtaler rundt små bord.", "summary: no")],
     [f"{K}:2:10: summary: error: must be text, but YAML read `no/false/off` as false",
      '    hint: put the text in quotes, e.g. "nei"'], 1),
    ("unknown-phase", [(K, "phase: forsta", "phase: forstå")],
     [f"{K}:3:8: phase: error: unknown phase `forstå`",
      "    hint: did you mean `forsta`? phases in course.yml: forsta, utvikle"], 1),
    ("bad-language", [(C, "language: nb", "language: Norsk bokmål")],
     [f"{C}:3:11: language: error: 'Norsk bokmål' is not a BCP 47 language tag such as 'nb', 'nn', "
      "'se' or 'en'"], 1),
    ("module-missing-from-order", [(C, "  - okt-1\n", "")],
     [f"{C}:14:1: modules: error: the module `okt-1` (course/modules/okt-1.yml) is missing from the "
      "course order"], 1),
    ("module-repeated", [(C, "  - okt-1", "  - okt-1\n  - intro")],
     [f"{C}:17:5: modules[3]: error: the module `intro` is listed twice"], 1),
    ("module-does-not-exist", [(C, "  - okt-1", "  - okt-1\n  - okt-2")],
     [f"{C}:17:5: modules[3]: error: no module `okt-2`: course/modules/okt-2.yml does not exist"], 1),
    ("method-does-not-exist", [(I, "  - kafe", "  - kafee")],
     [f"{I}:9:5: methods[1]: error: no method `kafee`: course/methods/kafee.yml does not exist",
      "    hint: did you mean `kafe`?"], 1),
    ("method-taught-twice", [(O, "  - idemyldring", "  - idemyldring\n  - kafe")],
     [f"{O}:10:5: methods[3]: error: the method `kafe` is already taught in the module `intro`"], 1),
    ("related-does-not-exist", [(K, "  - samtale", "  - samtal")],
     [f"{K}:38:5: related[1]: error: no method `samtal`", "    hint: did you mean `samtale`?"], 1),
    ("agenda-too-long", [(O, "  minutes: 180", "  minutes: 120")],
     [f"{O}:14:3: session.agenda: error: the agenda takes 150 minutes, longer than the session's 120"],
     1),
    ("script-tag", [(K, "text: Forklar rammene.", "text: Hei <script>alert(1)</script>")],
     [f"{K}:16:11: steps[1].text: error: contains an HTML element that can run code or change the "
      "page (e.g. <script>)"], 1),
    ("event-handler", [(K, "purpose: Få mange stemmer fram.", 'purpose: "<img src=x onerror=alert(1)>"')],
     [f"{K}:4:10: purpose: error: contains an HTML event-handler attribute (e.g. onclick=)"], 1),
    ("javascript-link", [(K, "  - Kaffe", "  - \"[Kaffe](javascript:alert('x'))\"")],
     [f"{K}:13:5: materials[1]: error: contains a `javascript:` link, which can run code"], 1),
    ("entity-spelled-scheme", [(K, "  - Kaffe", "  - \"[Kaffe](javascript&colon;alert(1))\"")],
     [f"{K}:13:5: materials[1]: error: contains an HTML character reference (such as &#106; or &amp;)"],
     1),
    ("attribute-list-handler", [(K, "purpose: Få mange stemmer fram.",
                                 "purpose: 'Få mange stemmer fram. {: onclick=\"alert(1)\" }'")],
     [f"{K}:4:10: purpose: error: contains an HTML event-handler attribute (e.g. onclick=)"], 1),
    ("data-reference-link", [(K, "when_to_use: Når mange skal bidra.",
                              "when_to_use: |\n  Se [her][x].\n\n  [x]: data:text/html,hei")],
     [f"{K}:5:14: when_to_use: error: contains a `data:` link, which can run code"], 1),
    ("raw-html", [(K, "when_to_use: Når mange skal bidra.", "when_to_use: Når <b>mange</b> skal bidra.")],
     [f"{K}:5:14: when_to_use: error: contains raw HTML"], 1),
    ("indented-into-a-text-block", [(K, "    text: Forklar rammene.\n    minutes: 10",
                                     "    text: |\n      Forklar rammene.\n      minutes: 10")],
     [f"{K}:18:7: steps[1].minutes: error: `minutes:` is indented too far: YAML reads it as part of `text` above",
      "    hint: move `minutes:` left to line up with `text:`"], 1),
    ("indented-under-a-line", [(K, "    text: Forklar rammene.\n    minutes: 10",
                                "    text: Forklar rammene.\n      minutes: 10")],
     [f"{K}:17:14: (file): error: `minutes:` is indented further than `text:` on the line above",
      "    hint: line it up with `text:` (the same number of spaces), or put the text in quotes"], 1),
    ("placeholder-site-address", [(C, "site_url: https://kurs.testbiblioteket.no/", "site_url: https://kurs.example.no/")],
     [f"{C}:6:11: site_url: warning: `https://kurs.example.no/` is a placeholder address: the QR codes on "
      "printed cards would lead nowhere"], 0),
    ("no-site-address", [(C, "site_url: https://kurs.testbiblioteket.no/\n", "")],
     [f"{C}:1:1: site_url: warning: the course has no site address: printed cards get no QR code, and "
      "nothing outside the site can link to its pages"], 0),
    ("module-longer-than-its-session", [(O, "minutes: 180\nintro", "minutes: 240\nintro")],
     [f"{O}:5:10: minutes: warning: the module takes 240 minutes, but its session 180"], 0),
    ("video-missing", [(K, "related:", "video:\n  source: media/videos/kafe.mp4\n  captions:\n"
                                         "    nb: media/videos/kafe.nb.vtt\nrelated:")],
     [f"{K}:38:11: video.source: error: the file `media/videos/kafe.mp4` does not exist",
      f"{K}:40:9: video.captions.nb: error: the file `media/videos/kafe.nb.vtt` does not exist"], 1),
    ("video-outside-media", [(K, "related:", "video:\n  source: ../hemmelig.mp4\n  captions:\n"
                                              "    nb: /etc/passwd\nrelated:")],
     [f"{K}:38:11: video.source: error: `../hemmelig.mp4` is outside the media/ folder",
      f"{K}:40:9: video.captions.nb: error: `/etc/passwd` is outside the media/ folder"], 1),
]


@pytest.mark.parametrize("case, edits, expected, code", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_exactly(mini: Path, case, edits, expected, code) -> None:
    for file, old, new in edits:
        edit(mini, file, old, new)
    exit_code, output = run("check", "--course", str(mini))
    for line in expected:
        assert line in output.splitlines(), f"missing line:\n{line}\nin output:\n{output}"
    assert exit_code == code


def test_empty_file(mini: Path) -> None:
    (mini / K).write_text("# bare en kommentar\n", encoding="utf-8")
    code, output = run("check", "--course", str(mini))
    assert f"{K}:1:1: (file): error: the file is empty" in output
    assert code == 1


def test_file_in_another_encoding(mini: Path) -> None:
    text = (mini / K).read_text(encoding="utf-8")
    (mini / K).write_bytes(text.encode("latin-1"))
    code, output = run("check", "--course", str(mini))
    assert f"{K}:1:1: (file): error: the file is not UTF-8 text" in output
    assert code == 1


def test_file_name_that_is_not_a_slug(mini: Path) -> None:
    (mini / K).rename(mini / "course/methods/Kafé.yml")
    code, output = run("check", "--course", str(mini))
    assert "course/methods/Kafé.yml:1:1: (file): error: the file name `Kafé.yml` is not a valid slug" \
        in output
    assert "    hint: rename it to `kafe.yml` (lower case, a-z, 0-9 and -)" in output
    assert code == 1


def test_file_names_that_fold_to_one_slug(mini: Path) -> None:
    (mini / "course/methods/Kafé.yml").write_bytes((mini / K).read_bytes())
    code, output = run("check", "--course", str(mini))
    assert "course/methods/kafe.yml:1:1: (file): error: `kafe.yml` and `Kafé.yml` give the same " \
        "address `kafe`" in output
    assert code == 1


def test_video_link_out_of_media(mini: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.mp4"
    outside.write_bytes(b"\0")
    os.symlink(outside, mini / "media/videos/kafe.mp4")
    (mini / "media/videos/kafe.nb.vtt").write_text("WEBVTT\n", encoding="utf-8")
    edit(mini, K, "related:", "video:\n  source: media/videos/kafe.mp4\n  captions:\n"
                              "    nb: media/videos/kafe.nb.vtt\nrelated:")
    code, output = run("check", "--course", str(mini))
    assert f"{K}:38:11: video.source: error: `media/videos/kafe.mp4` links to a file outside the " \
        "media/ folder" in output
    assert code == 1


def test_video_without_captions(mini: Path) -> None:
    (mini / "media/videos/kafe.mp4").write_bytes(b"\0")
    edit(mini, K, "related:", "video:\n  source: media/videos/kafe.mp4\nrelated:")
    code, output = run("check", "--course", str(mini))
    assert f"{K}:37:1: video: error: the video has no captions" in output
    assert "captions are required for WCAG 2.1 AA" in output
    assert code == 1


def test_untaught_method_is_a_warning_unless_strict(mini: Path) -> None:
    edit(mini, O, "  - idemyldring\n", "")
    edit(mini, O, "    - method: idemyldring\n", "    - title: Idémyldring\n")
    code, output = run("check", "--course", str(mini))
    assert "course/methods/idemyldring.yml:1:1: (file): warning: no module teaches the method " \
        "`idemyldring`" in output
    assert code == 0
    code, _ = run("check", "--course", str(mini), "--strict")
    assert code == 1


def test_steps_that_do_not_fit_the_duration_warn(mini: Path) -> None:
    edit(mini, S, "min: 30", "min: 45")
    code, output = run("check", "--course", str(mini))
    assert f"{S}:12:1: steps: warning: the steps add up to 40 minutes, outside the duration of " \
        "45–60 minutes" in output
    assert code == 0


def test_all_problems_are_reported_in_one_run_sorted_by_file_and_line(mini: Path) -> None:
    edit(mini, K, "minutes: 10", "minutes: -10")
    edit(mini, K, "phase: forsta", "fase: forsta")
    edit(mini, I, "minutes: 20", "minutes: tjue")
    code, output = run("check", "--course", str(mini))
    located = [line for line in output.splitlines() if line.startswith("course/")]
    assert located == [
        f"{K}:1:1: phase: error: this required field is missing",
        f"{K}:3:1: fase: error: unknown field `fase`; did you mean `phase`?",
        f"{K}:17:14: steps[1].minutes: error: must be 0 or more, got -10",
        f"{I}:5:10: minutes: error: must be a whole number, got 'tjue'",
    ]
    assert "3 errors" in output or "4 errors" in output
    assert code == 1


def test_missing_course_file(tmp_path: Path) -> None:
    code, output = run("check", "--course", str(tmp_path))
    assert "course/course.yml:1:1: (file): error: course.yml is missing" in output
    assert code == 1


def test_recursive_alias(mini: Path) -> None:
    (mini / K).write_text("title: &a [*a]\n", encoding="utf-8")
    code, output = run("check", "--course", str(mini))
    assert f"{K}:1:8: (file): error: an alias (*name) refers to the block it stands in" in output
    assert code == 1


def test_alias_bomb(mini: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for name, previous in zip("bcdefg", "abcdef"):
        lines.append(f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]")
    (mini / K).write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = run("check", "--course", str(mini))
    assert "error: the file is far too large for a course file" in output
    assert code == 1

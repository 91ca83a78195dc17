"""What a hostile contributor might try: every case ends in one clear `path:line:col: field: error:` line
and exit 1, without a traceback, without running long, and without laying out a card."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import FIXTURES, edit, run

K = "course/methods/kafe.yml"
PURPOSE = "purpose: Få mange stemmer fram."

# (case, (old, new) in kafe.yml, the first line `check` prints about it, its hint)
CASES = [
    ("attribute-list-with-quoted-brace", (PURPOSE, """purpose: 'Tekst {: title="}" onmouseover="alert(1)" }'"""),
     f"{K}:4:10: purpose: error: contains an HTML event-handler attribute (e.g. onclick=)",
     "remove it: course text is Markdown, and scripts are never allowed"),
    ("attribute-list-setting-href", (PURPOSE, """purpose: '[a](https://ok.no){: href="data:text/html;base64,PHNjcmlwdD4=" style="position:fixed" }'"""),
     f"{K}:4:10: purpose: error: contains a `data:` link, which can run code",
     "link only to http:// or https:// addresses, or to another page of the course"),
    ("attribute-list-setting-style", (PURPOSE, """purpose: |\n  Tekst.\n  {: style="position:fixed" }"""),
     f"{K}:4:10: purpose: error: contains an attribute list that sets `style`",
     "an attribute list ({: #id .klasse }) may set only an id and classes"),
    ("autolink-with-quotes", (PURPOSE, """purpose: '<https://ok.no" onmouseover="alert(2)>'"""),
     f"{K}:4:10: purpose: error: contains a link address with a space, a quote or an angle bracket in it",
     "write the address on its own, e.g. <https://bibliotek.no/side>"),
    ("file-link", (PURPOSE, "purpose: '[b](file:///etc/passwd)'"),
     f"{K}:4:10: purpose: error: contains a `file:` link, which is not allowed",
     "link only to http:// or https:// addresses, or to another page of the course"),
    ("split-scheme", (PURPOSE, 'purpose: "[x](java\\tscript:alert(1))"'),
     f"{K}:4:10: purpose: error: contains a `javascript:` link, which can run code",
     "link only to http:// or https:// addresses, or to another page of the course"),
    ("reserved-class", (PURPOSE, "purpose: |\n  Tekst.\n  {: .sp-exercise }"),
     f"{K}:4:10: purpose: error: contains the class `sp-exercise`, which the site keeps for itself or cannot use",
     "use lower-case letters, digits and hyphens, not starting with sp- or md-"),
    ("image", (PURPOSE, "purpose: '![sporing](https://annonse.example/piksel.gif)'"),
     f"{K}:4:10: purpose: error: contains an image, which the course does not publish from text",
     "link to the picture instead, or show it in the method's video"),
    ("link-in-a-title", ("title: Samskapingskafé", "title: '[Kafé](https://x.no)'"),
     f"{K}:1:8: title: error: is plain text here: a link would not be shown as one",
     "leave the address out, or put the link in a Markdown field such as the method's text"),
    ("list-in-a-summary", ("summary: Samtaler rundt små bord.", "summary: |\n  - en\n  - to"),
     f"{K}:2:10: summary: error: must be one line of text: lists, headings and several paragraphs are not "
     "shown here", "write it as one sentence or phrase; put longer text in a Markdown field"),
    ("bidi-override", ("summary: Samtaler rundt små bord.", 'summary: "Samtaler \\u202erundt"'),
     f"{K}:2:10: summary: error: contains the invisible control character Right-To-Left Override",
     "delete it (copying from another program can bring such characters along)"),
    ("python-object-on-a-mapping", ("related:\n  - samtale", "related: !!python/object/new:os.system\n  args: [ls]"),
     f"{K}:37:10: related: error: the YAML tag `!!python/object/new:os.system` is not allowed in course files",
     "remove it: write plain text, numbers, lists and `field: value` lines"),
    ("binary-tag", ("title: Samskapingskafé", "title: !!binary U2Ftc2thcGluZ3NrYWbDqQ=="),
     f"{K}:1:8: title: error: the YAML tag `!!binary` is not allowed in course files",
     "remove it: write plain text, numbers, lists and `field: value` lines"),
    ("merge-with-override", ("group_size:\n  min: 8\n  max: 40",
                             "group_size:\n  <<: {min: 8, max: 40}\n  max: 30"),
     f"{K}:10:3: group_size: error: merge keys (`<<:`) are not allowed in course files",
     "write the fields out in full: each card and module stands on its own"),
    ("five-thousand-steps", ("steps:\n", "steps:\n" + "  - title: Steg\n    text: Gjør det.\n    minutes: 1\n" * 5000),
     f"{K}:15:3: steps: error: has 5003 items; at most 12 fit here",
     "keep the most important ones: the list is printed on a card or shown on one page"),
    ("long-purpose", (PURPOSE, "purpose: " + "lang tekst " * 20_000),
     f"{K}:4:10: purpose: error: is 219 999 characters long; at most 1 200 fit here",
     "shorten it: the text has to fit on a printed card and a page"),
    ("huge-file", (PURPOSE, "purpose: " + "lang tekst " * 1_800_000),
     f"{K}:1:1: (file): error: the file is 19.8 MB; a course file may be at most 256 KB",
     "a course file holds one card or module: move long text out, or split the module"),
]


def count_layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every card side the card-fit check measures, bounded (estimate.py) or laid out (the length of
    the HTML document), in this process: no workers."""
    from startpakke.cards import fit

    monkeypatch.setenv("STARTPAKKE_WORKERS", "1")
    laid_out: list[int] = []
    real_layout, real_bound = fit.layout, fit.fits_one_page

    def counting(html: str, *css: str):  # type: ignore[no-untyped-def]
        laid_out.append(len(html))
        return real_layout(html, *css)

    def bounding(*args):  # type: ignore[no-untyped-def]
        laid_out.append(0)
        return real_bound(*args)

    monkeypatch.setattr(fit, "layout", counting)
    monkeypatch.setattr(fit, "fits_one_page", bounding)
    return laid_out


def test_a_valid_course_is_laid_out(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The counterpart of the assertion below: `check` does measure the cards it can."""
    laid_out = count_layouts(monkeypatch)
    assert run("check", "--course", str(mini))[0] == 0
    assert laid_out


@pytest.mark.parametrize("case, change, line, hint", CASES, ids=[c[0] for c in CASES])
def test_hostile_input_is_refused_with_file_and_line(mini: Path, monkeypatch: pytest.MonkeyPatch,
                                                      case: str, change: tuple[str, str], line: str,
                                                      hint: str) -> None:
    laid_out = count_layouts(monkeypatch)
    edit(mini, K, *change)
    code, output = run("check", "--course", str(mini))
    lines = output.splitlines()
    assert line in lines, output
    assert lines[lines.index(line) + 1] == f"    hint: {hint}"
    assert code == 1 and "Traceback" not in output
    assert laid_out == []  # refused before any card is laid out


@pytest.mark.parametrize("text", [
    "### Mål {#maal .viktig}\n\nTekst med *vekt*, en [lenke](https://bibliotek.no/) og <https://ok.no/>.",
    "Skriv til <post@bibliotek.no> eller [oss](mailto:post@bibliotek.no). 3 < 5 og «sitat».",
    "Tekst.\n{: .viktig }",
])
def test_legitimate_markdown_passes(mini: Path, text: str) -> None:
    edit(mini, K, PURPOSE, "purpose: |\n" + "".join(f"  {line}\n" for line in text.splitlines()))
    code, output = run("check", "--course", str(mini))
    assert code == 0, output


MERGE_BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{n}: &a{n}\n  <<: [{{k: *a{n - 1}}}, {{l: *a{n - 1}}}]\n  v: [{', '.join([f'*a{n - 1}'] * 10)}]\n"
    for n in range(1, 10))


def test_a_merge_key_bomb_is_refused_without_growing(mini: Path) -> None:
    """Nested `<<:` merges of aliases: before, they were flattened (gigabytes) before anything counted."""
    assert len(MERGE_BOMB) < 1024
    (mini / K).write_text(MERGE_BOMB, encoding="utf-8")

    def two_gigabytes_at_most() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    result = subprocess.run([sys.executable, "-m", "startpakke", "check", "--course", str(mini)],
                            capture_output=True, text=True, timeout=120, preexec_fn=two_gigabytes_at_most)
    assert f"{K}:3:3: a1: error: merge keys (`<<:`) are not allowed in course files" in result.stdout
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_a_course_file_linking_outside_the_project_is_not_read(mini: Path, tmp_path: Path) -> None:
    secret = tmp_path / "hemmelig.yml"
    secret.write_text("passord: hunter2\n", encoding="utf-8")
    (mini / "course/methods/lekk.yml").symlink_to(secret)
    code, output = run("check", "--course", str(mini))
    assert "course/methods/lekk.yml:1:1: (file): error: the file is a link to a file outside the project" in output
    assert "passord" not in output and code == 1


def test_a_pipe_named_like_a_course_file_does_not_hang_check(mini: Path) -> None:
    os.mkfifo(mini / "course/methods/ror.yml")
    code, output = run("check", "--course", str(mini))
    assert "course/methods/ror.yml:1:1: (file): error: this is not a plain file" in output
    assert code == 1


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(["purpose", "when_to_use", "summary", "title"]),
       run_length=st.integers(min_value=1, max_value=40_000), word=st.sampled_from(["a", "lang ", "ææææ ", "\n"]))
def test_check_work_stays_bounded_whatever_the_text_length(mini: Path, monkeypatch: pytest.MonkeyPatch,
                                                          field: str, run_length: int, word: str) -> None:
    """However long a field, `check` lays out a bounded number of bounded documents: text over its limit
    is refused before the card layout, and text within it is at most what a card holds."""
    laid_out = count_layouts(monkeypatch)
    card = mini / K
    text = (FIXTURES / "mini" / K).read_text("utf-8")  # afresh: hypothesis reuses the folder
    value = (word * run_length)[:run_length].strip() or "x"
    lines = [line for line in text.splitlines() if not line.startswith(f"{field}:")]
    card.write_text("\n".join(lines) + f"\n{field}: |\n" + "".join(f"  {line}\n" for line in value.splitlines()),
                    "utf-8")
    code, output = run("check", "--course", str(mini))
    assert code in (0, 1) and "Traceback" not in output
    assert len(laid_out) <= 20 and sum(laid_out) <= 2_000_000, (len(laid_out), sum(laid_out))

"""`startpakke check` on the translation files: what a translator writes is held to the rules of the
source text, and a broken, huge or hostile file is one clear problem with its line, never a traceback."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import edit, run
from tests.translations.pokit import fill, msgstr_line, po_path, texts, translation

PURPOSE = "methods/kafe.yml:purpose"
SCRIPT_HINT = "remove it: course text is Markdown, and scripts are never allowed"
LINK_HINT = "link only to http:// or https:// addresses, or to another page of the course"

# (case, context, msgstr, message, hint)
HOSTILE = [
    ("script", PURPOSE, "Bring many voices <script>alert(1)</script> forward.",
     "contains an HTML element that can run code or change the page (e.g. <script>)", SCRIPT_HINT),
    ("javascript-link", PURPOSE, "Read [more](javascript:alert(1)).",
     "contains a `javascript:` link, which can run code", LINK_HINT),
    ("raw-html", PURPOSE, "Bring <b>many</b> voices forward.", "contains raw HTML",
     "text is Markdown: use **fet**, *kursiv*, lists with `- ` and links like [tekst](https://…)"),
    ("event-handler-in-an-attribute-list", PURPOSE, 'Many voices.\n{: onmouseover="alert(1)" }',
     "contains an HTML event-handler attribute (e.g. onclick=)", SCRIPT_HINT),
    ("style-in-an-attribute-list", PURPOSE, 'Many voices.\n{: style="position:fixed" }',
     "contains an attribute list that sets `style`",
     "an attribute list ({: #id .klasse }) may set only an id and classes"),
    ("one-megabyte", PURPOSE, ("many voices " * 87_382).strip(),
     "is 1 048 583 characters long; at most 1 200 fit here",
     "shorten it: the text has to fit on a printed card and a page"),
    ("link-in-a-title", "methods/kafe.yml:title", "[Café](https://x.no)",
     "is plain text here: a link would not be shown as one",
     "leave the address out, or put the link in a Markdown field such as the method's text"),
    ("bidi-override", "methods/kafe.yml:summary", "Talks \u202earound small tables.",
     "contains the invisible control character Right-To-Left Override",
     "delete it (copying from another program can bring such characters along)"),
]


@pytest.mark.parametrize("case, context, text, message, hint", HOSTILE, ids=[case[0] for case in HOSTILE])
def test_a_hostile_translation_is_refused_with_its_line_and_not_published(
        translated: Path, case: str, context: str, text: str, message: str, hint: str) -> None:
    fill(translated, "en", {context: text})
    code, output = run("check", "--course", str(translated))
    lines = output.splitlines()
    expected = f"course/translations/en.po:{msgstr_line(translated, 'en', context)}:1: {context}: error: {message}"
    assert expected in lines, output[-3000:]
    assert lines[lines.index(expected) + 1] == f"    hint: {hint}"
    assert code == 1 and "Traceback" not in output
    english = translation(translated, "en")
    assert [o.state for o in english.outcomes if o.text.context == context] == ["refused"]
    file, _, field = context.partition(":")
    assert english.fell_back(file, (field,))
    assert getattr(english.course.methods["kafe"], field) == getattr(
        translation(translated, "se").course.methods["kafe"], field)  # the source text, as in se


def broken(text: str, old: str, new: str) -> str:
    """The text with the first `old` after the header replaced."""
    header = text.index("\n#: ")
    assert old in text[header:]
    return text[:header] + text[header:].replace(old, new, 1)


# (case, how to break the file's text, the line to expect it on (its first line with this text), message)
SYNTAX = [
    ("text-without-quotes", lambda t: broken(t, 'msgstr ""\n', "msgstr Kaffe\n"), "msgstr Kaffe",
     "PO syntax error: the text is not one quoted string"),
    ("unterminated-string", lambda t: broken(t, 'msgstr ""\n', 'msgstr "Kaffe\n'), 'msgstr "Kaffe',
     "PO syntax error: the text is not one quoted string"),
    ("quote-inside", lambda t: broken(t, 'msgstr ""\n', 'msgstr "Han sa "hei""\n'), 'msgstr "Han sa "hei""',
     "PO syntax error: the text is not one quoted string"),
    ("misspelt-keyword", lambda t: broken(t, 'msgstr ""\n', 'msgtsr ""\n'), 'msgtsr ""', "PO syntax error"),
    ("bad-plural-index", lambda t: broken(t, 'msgstr ""\n', 'msgid_plural "x"\nmsgstr[x] ""\n'),
     'msgstr[x] ""', "PO syntax error"),
]


@pytest.mark.parametrize("case, change, line_text, message", SYNTAX, ids=[case[0] for case in SYNTAX])
def test_a_po_syntax_error_is_reported_on_its_line(translated: Path, case: str, change, line_text: str,
                                                   message: str) -> None:  # type: ignore[no-untyped-def]
    path = po_path(translated, "se")
    text = change(path.read_text("utf-8"))
    path.write_text(text, "utf-8")
    line = text.splitlines().index(line_text) + 1
    code, output = run("check", "--course", str(translated))
    assert f"course/translations/se.po:{line}:1: (file): error: {message}" in output
    assert code == 1 and "Traceback" not in output


def test_a_file_that_is_not_utf8_is_refused_with_the_line(translated: Path) -> None:
    path = po_path(translated, "se")
    text = path.read_text("utf-8")
    line = text.splitlines().index('msgctxt "methods/kafe.yml:title"') + 1
    path.write_bytes(text.replace('msgctxt "methods/kafe.yml:title"', 'msgctxt "methods/kaf\xe9.yml:title"')
                     .encode("utf-8").replace("\xe9".encode("utf-8"), b"\xe9"))
    code, output = run("check", "--course", str(translated))
    assert f"course/translations/se.po:{line}:1: (file): error: the file is not UTF-8 text" in output
    assert code == 1


def test_a_huge_file_is_refused_unread(translated: Path) -> None:
    path = po_path(translated, "se")
    path.write_text(path.read_text("utf-8") + "# " + "x" * 9_000_000 + "\n", "utf-8")
    code, output = run("check", "--course", str(translated))
    size = path.stat().st_size / 1e6
    assert (f"course/translations/se.po:1:1: (file): error: the file is {size:.1f} MB; a translation file "
            "may be at most 8.0 MB") in output
    assert code == 1 and "Traceback" not in output


def test_a_translation_file_linking_outside_the_project_is_not_read(translated: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.po"
    secret.write_text('msgid "passord"\nmsgstr "hunter2"\n', "utf-8")
    po_path(translated, "se").unlink()
    po_path(translated, "se").symlink_to(secret)
    code, output = run("check", "--course", str(translated))
    assert "course/translations/se.po:1:1: (file): error: the file is a link to a file outside the project" in output
    assert "hunter2" not in output and code == 1


def test_a_pipe_named_like_a_translation_file_does_not_hang_check(translated: Path) -> None:
    po_path(translated, "se").unlink()
    os.mkfifo(po_path(translated, "se"))
    code, output = run("check", "--course", str(translated))
    assert "course/translations/se.po:1:1: (file): error: this is not a plain file" in output and code == 1


def test_links_and_lists_that_differ_from_the_source_are_warnings(mini: Path) -> None:
    edit(mini, "course/course.yml", "language: nb\n", "language: nb\ntranslations: [en]\n")
    edit(mini, "course/methods/kafe.yml", "purpose: Få mange stemmer fram.",
         "purpose: |\n  Les [mer](https://bibliotek.no/kafe/).\n\n  - mange stemmer\n  - nye ideer")
    assert run("translate", "update", "--course", str(mini))[0] == 0
    fill(mini, "en", {PURPOSE: "Read more at the library. Many voices and new ideas."})
    code, output = run("check", "--course", str(mini))
    at = f"course/translations/en.po:{msgstr_line(mini, 'en', PURPOSE)}:1: {PURPOSE}: warning:"
    assert f"{at} the translation drops the link to https://bibliotek.no/kafe/" in output
    assert f"{at} the translation has no list where the source has a bulleted list of 2 items" in output
    assert code == 0  # published all the same: the translator's choice may be right
    english = translation(mini, "en")
    assert english.course.methods["kafe"].purpose == "Read more at the library. Many voices and new ideas."


def test_fuzzy_missing_and_outdated_translations_are_warnings(translated: Path) -> None:
    step, title = "methods/kafe.yml:steps[2].text", "methods/kafe.yml:title"
    fill(translated, "en", {step: "Three rounds at the tables.", title: "Co-creation café"})
    edit(translated, "course/methods/kafe.yml", "Tre runder ved bordene.", "Fire runder ved bordene.")
    code, output = run("check", "--course", str(translated))
    total = len(texts(translated, "en"))
    assert (f"course/translations/en.po:{msgstr_line(translated, 'en', step)}:1: {step}: warning: the source "
            "text has changed since this file was updated") in output
    assert f"warning: {total - 2} of {total} texts have no translation yet: they are published in the source " \
           "language (nb)" in output
    assert code == 0
    assert run("translate", "update", "--course", str(translated))[0] == 0
    code, output = run("check", "--course", str(translated))
    assert (f"course/translations/en.po:{msgstr_line(translated, 'en', step)}:1: {step}: warning: the "
            "translation is marked fuzzy: the source text changed after it was translated") in output
    assert code == 0
    assert run("check", "--strict", "--course", str(translated))[0] == 1


def test_an_entry_for_a_text_the_course_no_longer_has_points_at_translate_update(translated: Path) -> None:
    path = po_path(translated, "en")
    path.write_text(path.read_text("utf-8") + '\nmsgctxt "methods/borte.yml:title"\nmsgid "Borte"\n'
                    'msgstr "Gone"\n', "utf-8")
    line = path.read_text("utf-8").splitlines().index('msgctxt "methods/borte.yml:title"') + 1
    code, output = run("check", "--course", str(translated))
    assert (f"course/translations/en.po:{line}:1: (file): warning: 1 entry is for no text of the course, "
            "such as `methods/borte.yml:title`: the text was removed or moved") in output
    assert "    hint: run `startpakke translate update`: it keeps their translations as obsolete (#~) entries" in output
    assert code == 0


def test_a_language_the_course_cannot_be_published_in_is_an_error_on_its_line(mini: Path) -> None:
    edit(mini, "course/course.yml", "language: nb\n", "language: nb\ntranslations: [en, fr, en, nb]\n")
    code, output = run("check", "--course", str(mini))
    line = (mini / "course/course.yml").read_text("utf-8").splitlines().index("translations: [en, fr, en, nb]") + 1
    assert (f"course/course.yml:{line}:20: translations[2]: error: must be one of 'nb', 'nn', 'se', 'da' "
            "or 'en', got 'fr'") in output
    assert code == 1


def test_a_broken_course_yml_does_not_disown_the_translation_files(translated: Path) -> None:
    # Until course.yml loads, which languages it publishes is unknown: no warning about its PO files.
    edit(translated, "course/course.yml", "translations: [en, se]", "translations: [en, se, fr]")
    code, output = run("check", "--course", str(translated))
    assert "translations[3]: error: must be one of" in output and code == 1
    assert "is not among the course's translations" not in output


def test_a_language_listed_twice_or_the_courses_own_is_left_out_with_a_warning(mini: Path) -> None:
    edit(mini, "course/course.yml", "language: nb\n", "language: nb\ntranslations: [en, se, en, nb]\n")
    code, output = run("check", "--course", str(mini))
    line = (mini / "course/course.yml").read_text("utf-8").splitlines().index("translations: [en, se, en, nb]") + 1
    assert f"course/course.yml:{line}:24: translations[3]: warning: `en` is listed twice" in output
    assert (f"course/course.yml:{line}:28: translations[4]: warning: `nb` is the language the course is written "
            "in (`language: nb`): it is not a translation, and is left out") in output
    assert code == 0
    code, output = run("translate", "update", "--course", str(mini))
    assert code == 0 and sorted(p.name for p in (mini / "course/translations").iterdir()) == ["en.po", "se.po"]


def test_listed_languages_without_a_file_and_files_of_unlisted_languages_are_warnings(translated: Path) -> None:
    po_path(translated, "se").rename(po_path(translated, "da"))
    code, output = run("check", "--course", str(translated))
    assert "course/course.yml:4:20: translations[2]: warning: there is no translation file for `se` yet" in output
    assert "    hint: run `startpakke translate update --lang se` to make course/translations/se.po" in output
    assert ("course/translations/da.po:1:1: (file): warning: `da` is not among the course's translations: "
            "this file is not published") in output
    assert code == 0


PO_PIECES = ['msgctxt "methods/kafe.yml:title"', 'msgid "Samskapingskafé"', 'msgstr "x"', 'msgstr[0] "y"',
             'msgid_plural "z"', '"continued"', '#, fuzzy', '#| msgid "old"', '#~ msgstr "gone"', '#: a.yml:1',
             'msgstr "<script>"', '"\\"', '\x00', '\ufeff', 'msgid ""', '']


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.one_of(st.sampled_from(PO_PIECES), st.text(max_size=40)), max_size=30))
def test_whatever_a_translation_file_holds_check_answers_without_a_traceback(translated: Path,
                                                                              pieces: list[str]) -> None:
    path = po_path(translated, "se")
    path.write_text("\n".join(pieces), "utf-8", errors="surrogatepass")
    code, output = run("check", "--course", str(translated))  # run() re-raises any exception
    assert code in (0, 1) and "Traceback" not in output
    if code == 1:
        assert re.search(r"^course/translations/se\.po:\d+:1: .*: error: ", output, re.M), output

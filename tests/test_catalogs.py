"""The interface catalogs stay in step with the code: every message the code, templates and scripts use is
translated in every catalog, no catalog keeps a message nothing uses, and placeholders match."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from startpakke import i18n

CATALOGS = sorted(i18n.LOCALES.glob("*.po"))


def ids(message) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return message.id if isinstance(message.id, tuple) else (message.id,)


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\((\w+)\)[sd]", text))


@pytest.fixture(scope="module")
def used() -> dict[object, object]:
    return {message.id: message for message in i18n.extract() if message.id}


def test_there_are_catalogs_for_every_language_the_course_is_published_in() -> None:
    assert {path.stem for path in CATALOGS} >= {"nb", "nn", "se", "da", "en"}


def test_the_sami_catalog_counts_with_three_plural_forms() -> None:
    sami = i18n.catalog("se")
    assert [sami.ngettext("%(num)s method", "%(num)s methods", n) for n in (1, 2, 5)] == \
        ["%(num)s vuohki", "%(num)s vuogi", "%(num)s vuogi"]
    assert sami.plural_rule() == "(n == 1 ? 0 : n == 2 ? 1 : 2)"
    assert len(sami.script_messages()["%(done)s of %(num)s exercise done"]) == 3


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.stem)
def test_every_message_the_code_uses_is_translated(path, used) -> None:  # type: ignore[no-untyped-def]
    catalog = read_po(path.open("rb"))
    missing = [key for key in used if key not in catalog or catalog[key].fuzzy
               or not all(catalog[key].string if isinstance(catalog[key].string, tuple)
                          else [catalog[key].string])]
    assert not missing, f"{path.name} lacks (or has fuzzy): {missing[:5]}; run `python -m startpakke.i18n`"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.stem)
def test_no_catalog_keeps_a_message_nothing_uses(path, used) -> None:  # type: ignore[no-untyped-def]
    unused = [message.id for message in read_po(path.open("rb")) if message.id and message.id not in used]
    assert not unused, f"{path.name} has messages no code uses: {unused[:5]}"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.stem)
def test_placeholders_are_the_same_in_every_translation(path) -> None:  # type: ignore[no-untyped-def]
    for message in read_po(path.open("rb")):
        if not message.id:
            continue
        expected = set().union(*(placeholders(text) for text in ids(message)))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            # A plural form may leave the count out («one method»), but never bring in another name.
            found = placeholders(string)
            assert found <= expected and (expected - {"num", "count"}) <= found, (path.name, message.id, string)


def test_a_language_without_a_catalog_gets_the_english_texts() -> None:
    assert i18n.catalog("fr").gettext("Check the answer") == "Check the answer"
    assert i18n.catalog("nb").gettext("Check the answer") == "Sjekk svaret"
    assert i18n.catalog("nb").number(1.5) == "1,5" and i18n.catalog("en").number(1.5) == "1.5"

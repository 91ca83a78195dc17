import pytest

from startpakke.slugs import slugify


@pytest.mark.parametrize("title, slug", [
    ("Åpen kafé", "apen-kafe"),
    ("Ærlig tilbakemelding på ønsker", "aerlig-tilbakemelding-pa-onsker"),
    ("Čálli ŋ đ ŧ š ž á", "calli-n-d-t-s-z-a"),
    ("«Hvordan kan vi …?»", "hvordan-kan-vi"),
    ("Nå – wow – hvordan", "na-wow-hvordan"),
])
def test_norwegian_and_sami_letters_are_transliterated(title: str, slug: str) -> None:
    assert slugify(title) == slug

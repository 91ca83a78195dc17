"""Printable method cards, the deck and session plans (WeasyPrint + segno).

`build` writes the files and is what the CLI and the site's build use; the other modules each do one
thing: `card` (what is on a card), `fit` (making it fit), `formats` and `impose` (paper), `tagging`
(the structure tree through imposition), `deck`, `plans` (a session plan as PDF, Markdown and HTML),
`render` (WeasyPrint), `fonts` (the print fonts), `manifest` (what is complete).

Nothing is imported here: the site reads the manifest and the formats without loading WeasyPrint, so
it builds on a machine that cannot print.
"""


class CannotPrint(RuntimeError):
    """This machine cannot print the cards; the message says what to install."""


def require_printing() -> None:
    """Raise CannotPrint, with the fix, unless WeasyPrint with its system libraries and the card
    fonts load."""
    from .fonts import font_files

    try:
        import weasyprint  # noqa: F401  (loading it loads Pango: an OSError when that is missing)
    except (ImportError, OSError) as error:
        raise CannotPrint(
            f"WeasyPrint cannot start ({error}): install its system libraries, e.g. "
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0 (see WeasyPrint's installation guide)"
        ) from error
    font_files()

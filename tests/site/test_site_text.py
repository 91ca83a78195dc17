"""Content text on its way into a page: whatever an editor writes, Markdown makes no markup of it."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from startpakke.markup import MARKDOWN_EXTENSIONS
from startpakke.site.text import markdown_inline, markdown_text, plain_title, table_cell

PIECES = ["<", ">", "&", "#", ";", ":", "{", "}", "=", '"', "'", "(", ")", "[", "]", "!", "\n", " ",
          "script", "onclick", "javascript", "data", "colon", "#106", "a", "img", "src", "x", "https://",
          "alert(1)", "{:", "<https://x.no>", "](", "]: ", "&colon;", "java\tscript"]
hostile = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def elements(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS), "html.parser")


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_no_text_becomes_an_element_an_attribute_or_a_script_link(text: str) -> None:
    for element in elements(markdown_text(text)).find_all(True):
        # Markdown's own blocks only: no raw HTML element, and headings below the page's sections.
        assert element.name not in {"script", "style", "iframe", "object", "embed", "svg", "math", "form",
                                    "input", "button", "textarea", "base", "meta", "link", "h1", "h2"}, element
        for name, value in element.attrs.items():
            assert name in {"href", "src", "alt", "title", "id", "class", "align", "style"}, element
            if name in {"href", "src"}:
                assert not value.lower().lstrip().startswith(("javascript", "vbscript", "data:")), element


def test_headings_in_content_start_below_the_page_sections() -> None:
    levels = [h.name for h in elements(markdown_text("# Stor\n\nTekst\n\n## Mindre\n\n#### Liten")).find_all(True)
              if h.name.startswith("h")]
    assert levels == ["h3", "h3", "h4"]


def test_markdown_still_works() -> None:
    html = str(elements(markdown_text("**fet**, *kursiv*, [lenke](https://example.no) og <https://a.no>\n\n- punkt")))
    assert "<strong>fet</strong>" in html and "<em>kursiv</em>" in html
    assert '<a href="https://example.no">lenke</a>' in html and '<a href="https://a.no">' in html
    assert "<li>punkt</li>" in html


def test_titles_are_plain_escaped_text_and_cells_keep_their_table() -> None:
    assert plain_title("Hva er *samskaping* & <b>?") == "Hva er samskaping &amp; &lt;b&gt;?"
    assert markdown_inline("to\nlinjer") == "to linjer"
    assert table_cell("a | b") == "a \\| b"

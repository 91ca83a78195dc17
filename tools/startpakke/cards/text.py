"""Course text is Markdown; print templates get it as HTML. Raw HTML is escaped, never passed on."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markupsafe import Markup

# The loader already refuses raw HTML; escaping it here as well means a Course built some other way
# still cannot put markup into a PDF.
_md = MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(["replacements", "smartquotes"])
_md.options["quotes"] = "«»‘’"


def block(text: str) -> Markup:
    """Paragraphs, lists and emphasis, as HTML."""
    return Markup(_md.render(text or ""))


def inline(text: str) -> Markup:
    """One line (a title, a summary): emphasis and links, no paragraph around it."""
    return Markup(_md.renderInline(" ".join((text or "").split())))

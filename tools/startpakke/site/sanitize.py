"""The last line of defence: every page's content HTML is cleaned against an allow-list.

Only the elements and attributes that Markdown, Material's extensions and our templates produce survive;
scripts, event handlers, `style` beyond table alignment and non-web link schemes never reach a page.
"""

from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "button", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "kbd", "label", "legend",
    "li", "mark", "ol", "option", "output", "p", "pre", "s", "section", "select", "small", "source", "span", "strong",
    "sub", "summary", "sup",
    "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "tr", "track", "ul", "video",
}
ATTRIBUTES = {
    # `hidden`: exercise controls and the library's filter stay hidden until the scripts wire them up.
    "*": {"class", "id", "title", "lang", "role", "tabindex", "hidden"},
    "a": {"href", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    # pymdownx.tabbed builds its tabs from radio buttons and labels; the method library has a filter.
    "input": {"type", "name", "checked", "min", "max", "placeholder"},
    "select": {"name"},
    "option": {"value"},
    # Exercise controls; exercises.js gives them their behaviour.
    "button": {"type"},
    "textarea": {"rows"},
    "label": {"for"},
    "ol": {"start"},
    "details": {"open"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan"},
    "video": {"controls", "preload", "poster", "width", "height", "playsinline"},
    "time": {"datetime"},
    "source": {"src", "type"},
    "track": {"kind", "src", "srclang", "label", "default"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=URL_SCHEMES,
        # Markdown tables align columns with style="text-align: …"; nothing else may style.
        filter_style_properties={"text-align"},
        link_rel=None,
        strip_comments=True,
    )

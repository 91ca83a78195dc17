"""A session plan in the three forms `startpakke cards` writes: PDF for the facilitator's printer,
Markdown and an HTML fragment for other pages."""

from __future__ import annotations

from collections.abc import Callable

from ..layout import method
from ..sessions import SessionPlan, clock
from . import qr
from .render import layout, pdf_bytes
from .templating import render_template


def session_markdown(plan: SessionPlan, method_link: Callable[[str], str] | None = None,
                     level: int = 2) -> str:
    """The plan as Markdown: agenda table, checklist, notes. `method_link(slug)` gives the link to a
    method's page, by default its address on the published site (no link while the course has none);
    `level` is the sections' heading level."""
    link = method_link or (lambda slug: plan.layout.absolute(method(slug)))
    return render_template("session.md.j2", plan.course.language, plan=plan, link=link, clock=clock, h="#" * level)


def session_html(plan: SessionPlan) -> str:
    """The plan's body as an HTML fragment (classes `sp-…`) for a site page."""
    return render_template("session_body.html.j2", plan.course.language, plan=plan, clock=clock)


def session_pdf_html(plan: SessionPlan) -> str:
    """The printable plan's HTML, which the PDF is laid out from."""
    return render_template("session.html.j2", plan.course.language, plan=plan, clock=clock,
                           qr=qr.svg_data_uri(plan.url) if plan.url else "")


def session_pdf(html: str) -> bytes:
    return pdf_bytes(layout(html))

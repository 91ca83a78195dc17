"""Rendering is a pure function of the course: pages, nav and flow, tested without MkDocs."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from tests.site.course_factory import write_course
from tests.site.sitekit import REPO
from startpakke.project import Project
from startpakke.loading import load_course
from startpakke.model import Course, NotSuitedForDigital
from startpakke.layout import Layout, method, module
from startpakke.markup import MARKDOWN_EXTENSIONS
from startpakke.site.extras import Download, Extras
from startpakke.i18n import catalog
from startpakke.phrases import duration
from startpakke.site.render import Section, Titled, render_course
from startpakke.site.sanitize import clean_html
from startpakke.site.text import markdown_text


@pytest.fixture(scope="module")
def example() -> Course:
    loaded = load_course(Project(REPO))
    assert loaded.course, "\n".join(map(str, loaded.report.sorted()))
    return loaded.course


def small(tmp_path: Path, **kwargs) -> Course:
    write_course(tmp_path, **kwargs)
    loaded = load_course(Project(tmp_path))
    assert loaded.course, "\n".join(map(str, loaded.report.sorted()))
    return loaded.course


def test_flow_visits_every_module_then_its_methods_once_and_ends_on_the_closing_page(example) -> None:
    site = render_course(example)
    expected = ["index.md"]
    for module in example.modules:
        expected += [f"moduler/{module.slug}/index.md"] + [f"metoder/{s}/index.md" for s in module.methods]
        expected.append(f"moduler/{module.slug}/oppgaver/index.md")
    assert site.flow == expected + ["avslutning/index.md"]
    assert len(set(site.flow)) == len(site.flow)
    assert {f"metoder/{slug}/index.md" for slug in example.methods} <= set(site.flow)


def test_nav_follows_the_course_order_with_one_section_per_module(example) -> None:
    nav = render_course(example).nav
    assert nav[0] == Titled("Start", "index.md")
    sections = [entry for entry in nav if isinstance(entry, Section)]
    assert [s.title for s in sections] == [m.title for m in example.modules]
    assert nav[-3:] == ["avslutning/index.md", "metoder/index.md", "om/index.md"]


def test_methods_no_module_teaches_are_listed_under_the_library(tmp_path) -> None:
    course = small(tmp_path, methods=4)
    course.modules[-1].methods.remove("metode-4")
    site = render_course(course)
    assert Section("Metodebank", ("metoder/index.md", "metoder/metode-4/index.md")) in site.nav
    assert "metoder/metode-4/index.md" not in site.flow and "metoder/metode-4/index.md" in site.pages


def test_every_page_has_a_stable_address(example) -> None:
    pages = set(render_course(example).pages)
    assert {f"metoder/{slug}/index.md" for slug in example.methods} <= pages
    assert {f"moduler/{m.slug}/index.md" for m in example.modules} <= pages
    assert {"index.md", "metoder/index.md", "om/index.md", "avslutning/index.md"} <= pages
    web = Layout(example.info.site_url)
    assert web.url(method("interessentkart")) == "metoder/interessentkart/"
    assert web.with_style("file").url(module("okt-1")) == "moduler/okt-1/index.html"
    # A translation's pages sit at the same place in its own tree, which lives under its code.
    sami = Layout(example.info.site_url, "se")
    assert sami.url(method("x")) == "metoder/x/" and sami.tree == "se/"
    assert sami.absolute(method("x")) == example.info.site_url + "se/metoder/x/"
    assert sami.same_page_in(method("x"), web) == "../../../metoder/x/"
    assert web.same_page_in(method("x"), sami) == "../../se/metoder/x/"


def test_method_page_has_facts_numbered_steps_with_minutes_and_both_variants(example) -> None:
    method = example.methods["interessentkart"]
    page = render_course(example).pages["metoder/interessentkart/index.md"]
    assert f'title: "{method.title}"' in page
    for label in ("<dt>Fase</dt>", "<dt>Tid</dt>", "<dt>Gruppe</dt>", "**Du trenger**"):
        assert label in page
    assert f"{method.duration.min}–{method.duration.max} min" in page
    for number, step in enumerate(method.steps, start=1):
        assert f"{number}.  **{step.title}** <span class=\"sp-minutes\">{step.minutes} min</span>" in page
    assert '=== "Fysisk"' in page and '=== "Digitalt"' in page
    assert page.index('=== "Fysisk"') < page.index('=== "Digitalt"')
    for heading in ("## Hvorfor", "## Når passer metoden?", "## Slik gjør dere", "## Eksempler",
                    "## Relaterte metoder"):
        assert heading in page


def test_a_method_unsuited_for_digital_use_says_why(tmp_path) -> None:
    course = small(tmp_path, methods=3)
    method = course.methods["metode-3"]
    assert isinstance(method.digital_variant, NotSuitedForDigital)
    page = render_course(course).pages["metoder/metode-3/index.md"]
    assert '!!! note "Egner seg ikke digitalt"' in page
    assert method.digital_variant.not_suited in page


def test_video_and_card_appear_only_when_the_build_steps_provide_them(example) -> None:
    plain = render_course(example).pages["metoder/interessentkart/index.md"]
    assert "<video" not in plain and "Last ned kortet" not in plain
    player = '<figure class="sp-video"><video controls></video></figure>'
    extras = Extras(
        videos={"interessentkart": player},
        cards={"interessentkart": Download("kort/interessentkart.pdf", "Last ned kortet (PDF)")},
    )
    page = render_course(example, extras=extras).pages["metoder/interessentkart/index.md"]
    assert f"\n{player}\n" in page
    assert page.index(player) < page.index("## Hvorfor")
    assert "[Last ned kortet (PDF)](../../kort/interessentkart.pdf)" in page
    other = render_course(example, extras=extras).pages["metoder/empatikart/index.md"]
    assert "<video" not in other and "Last ned kortet" not in other


def test_module_page_has_objectives_methods_session_plan_and_action(example) -> None:
    module = next(m for m in example.modules if m.session and m.action and m.methods)
    page = render_course(example).pages[f"moduler/{module.slug}/index.md"]
    assert all(objective.split()[0] in page for objective in module.objectives)
    for slug in module.methods:
        assert f"(../../metoder/{slug}/index.md)" in page
    assert "| Tid | Innhold | Minutter |" in page and "| 0:00 |" in page
    assert f"## Prøvehandling: {module.action.title}" in page


def test_library_lists_every_method_under_its_phase(example) -> None:
    page = render_course(example).pages["metoder/index.md"]
    for phase in example.info.phases:
        assert f"## {phase.title} {{#{phase.id}}}" in page
    for slug, method in example.methods.items():
        card = re.search(rf'<div class="sp-method" data-phase="([a-z]+)"[^>]*>\s*\*\*\[[^]]+\]\({slug}/index\.md\)', page)
        assert card and card.group(1) == method.phase


def test_durations_read_as_norwegian() -> None:
    nb, en = catalog("nb"), catalog("en")
    assert [duration(nb, m) for m in (30, 60, 90, 180)] == ["30 min", "1 time", "1 t 30 min", "3 timer"]
    assert [duration(en, m) for m in (30, 60, 90, 180)] == ["30 min", "1 hour", "1 h 30 min", "3 hours"]


HOSTILE = [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    "[klikk](javascript:alert(1))",
    "[klikk](javascript&colon;alert(1))",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "Tekst {: onclick=\"alert(1)\" }",
    '<a href="#" onmouseover="alert(1)">x</a>',
    "<iframe src=\"https://example.org\"></iframe>",
    "&#106;avascript:alert(1)",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_past_the_loader_still_gives_no_script(tmp_path, text) -> None:
    """Defence in depth: the loader refuses these, but a course built in code skips the loader."""
    course = small(tmp_path, methods=2)
    method = course.methods["metode-1"]
    method.purpose = method.summary = method.title = text
    method.steps[0].text = text
    page = render_course(course).pages["metoder/metode-1/index.md"]
    body = page.split("---", 2)[2]
    html = clean_html(markdown.markdown(body, extensions=MARKDOWN_EXTENSIONS + ["pymdownx.tabbed"]))
    assert no_script(html)
    title = re.search(r'^title: (".*")$', page, re.M).group(1)
    assert "<" not in title


@pytest.mark.parametrize("text", HOSTILE)
def test_each_layer_alone_stops_hostile_text(text) -> None:
    """The text filter without the sanitizer, and the sanitizer without the text filter."""
    extensions = MARKDOWN_EXTENSIONS + ["pymdownx.tabbed"]
    assert no_script(markdown.markdown(markdown_text(text), extensions=extensions))
    assert no_script(clean_html(markdown.markdown(text, extensions=extensions)))


def no_script(html: str) -> bool:
    """No element that runs or embeds code, no event handler, no link that runs code when clicked."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        assert element.name not in {"script", "iframe", "object", "embed", "style"}, element
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), element
            if name in {"href", "src"}:
                assert not re.match(r"\s*(javascript|vbscript|data):", value, re.I), element
    return True

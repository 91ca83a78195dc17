"""The fit check's fast path: a side's height bounded from above without laying it out. It may only
ever say «fits one page» when WeasyPrint agrees, and it must say so for most sides, or it saves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from startpakke.cards import fit as fit_module
from startpakke.cards.card import Side, cards_of
from startpakke.cards.document import card_css, sides_html
from startpakke.cards.estimate import area_pt, side_height
from startpakke.cards.fit import fit_cards
from startpakke.cards.formats import FORMATS
from startpakke.cards.render import layout
from startpakke.model import Course

from .conftest import load

PX = 0.75
"""WeasyPrint measures boxes in CSS pixels; the estimate speaks points."""


def weasyprint_heights(course: Course, sides: list[Side], fmt) -> dict[str, list[float]]:
    """Each side's height on each page it takes, in pt, as WeasyPrint lays out the deck's HTML."""
    heights: dict[str, list[float]] = {}
    for page in layout(sides_html(course, sides, fmt, cards_of(course)), card_css(course, fmt)).pages:
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if box.element_tag == "article" and element is not None:
                heights.setdefault(element.get("id"), []).append(box.margin_height() * PX)
    return heights


def write_stress_method(course_dir: Path) -> None:
    """A method with what editors write: lists in texts, emphasis, line breaks, a long compound word,
    Sami letters, many steps, a long digital variant."""
    method = yaml.safe_load((course_dir / "methods" / "rollespill.yml").read_text("utf-8"))
    method.update(
        title="Sámi giella og **fellesskapsbyggingsprosessveiledningsarbeid** i praksis",
        summary="Et *kort* med mye tekst: ŋ, đ, š, ž, č og ŧ skal med, og «sitater» også.",
        purpose="Første avsnitt med **fet** tekst og *kursiv*.\n\n- ett punkt\n- to punkter med en lang "
                "linje som må brytes over flere linjer på et lite kort\n\n1. nummerert\n2. liste\n\n"
                "Siste avsnitt  \nmed linjeskift.",
        materials=["Tusj", "Post-it-lapper i **fire** farger", "Et stort ark papir (A1 eller A2)"],
        preparation="Heng opp arket.\n\n- Finn et rom\n  - med plass\n  - og lys",
        tips=["Ikke *vær redd* for stillhet.", "Del ut tusjer før dere starter."],
        steps=[{"title": f"Steg {i} med en tittel som er ganske lang", "minutes": 5,
                "text": f"Deltakerne skriver ned tanke {i} om biblioteket. **Så** deler de.\n\n- a\n- b"}
               for i in range(5)],
        duration={"min": 25, "max": 40},
        digital_variant={"summary": "Bruk en digital tavle.", "tools": ["Miro", "Teams", "Padlet"],
                         "steps": [{"title": "Del skjermen og åpne tavla", "text": "Alle ser det samme.", "minutes": 5},
                                   {"title": "Skriv lapper hver for dere", "text": "Stille i ti minutter.", "minutes": 10}]},
    )
    (course_dir / "methods" / "stress.yml").write_text(yaml.safe_dump(method, allow_unicode=True), "utf-8")
    module = course_dir / "modules" / "okt-2.yml"
    data = yaml.safe_load(module.read_text("utf-8"))
    data["methods"].append("stress")
    module.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


@pytest.fixture(scope="module")
def stress_course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    import shutil

    from .conftest import FIXTURE

    target = tmp_path_factory.mktemp("estimate") / "project" / "course"
    shutil.copytree(FIXTURE, target)
    write_stress_method(target)
    loaded = load(target)
    assert loaded.course
    return loaded.course


@pytest.mark.parametrize("name", list(FORMATS))
def test_the_bound_is_never_below_weasyprints_height_and_rarely_far_above(stress_course: Course, name) -> None:
    fmt = FORMATS[name]
    course = stress_course
    for pt in (fmt.base_pt, fmt.floor_pt):
        sides = [Side(kind, pt, card) for card in cards_of(course) for kind in ("front", "back")]
        actual = weasyprint_heights(course, sides, fmt)
        ratios = []
        for side in sides:
            bound = side_height(side, fmt, course.language)
            assert bound is not None, f"{side.anchor}: the model should know everything on this card"
            pages = actual[side.anchor]
            if bound <= area_pt(side, fmt)[1]:
                assert len(pages) == 1, f"{side.anchor} at {pt} pt: settled as one page, WeasyPrint made {len(pages)}"
            if len(pages) == 1:
                assert bound >= pages[0], f"{side.anchor} at {pt} pt: bound {bound:.1f} < {pages[0]:.1f} pt"
                ratios.append(bound / pages[0])
        assert max(ratios) < 1.2, f"the bound is loose: up to {max(ratios):.2f}× the real height"


def test_text_the_model_does_not_know_is_laid_out_instead(stress_course: Course) -> None:
    fmt = FORMATS["a5"]
    card = cards_of(stress_course)[0]
    quoted = card.method.model_copy(update={"purpose": "> Et sitat fra en deltaker.\n\nMed `kode` i."})
    side = Side("front", fmt.base_pt, card.__class__(**{**card.__dict__, "method": quoted}))
    assert side_height(side, fmt, stress_course.language) is None
    from startpakke.cards.fit import PageCounts

    counts = PageCounts(stress_course, cards_of(stress_course), fmt)
    counts.measure([side])
    assert counts[side] == 1, "laid out by WeasyPrint, which found it one page long"


def test_fitting_gives_the_same_sizes_with_and_without_the_bound(stress_course: Course,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    cards = cards_of(stress_course)
    crowded = []
    for name in FORMATS:
        fmt = FORMATS[name]
        with_bound = fit_cards(stress_course, cards, fmt)
        monkeypatch.setattr(fit_module, "fits_one_page", lambda *_: False)
        laid_out = fit_cards(stress_course, cards, fmt)
        monkeypatch.undo()
        assert {s: (f.front, f.back) for s, f in with_bound.items()} == \
               {s: (f.front, f.back) for s, f in laid_out.items()}, name
        back = with_bound["stress"].back
        crowded += [name] if back.pt < fmt.base_pt or back.pages > 1 else []
    assert crowded, "on small cards the stress card's back is crowded: the bound alone cannot settle it"

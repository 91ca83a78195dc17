"""Whatever an editor types, the loader answers with our error report, never a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import FIXTURES
from startpakke.project import Project
from startpakke.loading import load_course

CARD = yaml.safe_load((FIXTURES / "mini/course/methods/kafe.yml").read_text(encoding="utf-8"))

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=30))
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=20,
)


def _load_with_card(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "mini"
        shutil.copytree(FIXTURES / "mini", root)
        (root / "course/methods/kafe.yml").write_bytes(content)
        loaded = load_course(Project(root))
        for problem in loaded.report.problems:
            assert problem.file and problem.line >= 1 and problem.col >= 1 and problem.message
        if loaded.course is None:
            assert loaded.report.errors


settings.register_profile("loader", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])


@settings(settings.get_profile("loader"))
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    _load_with_card(text.encode("utf-8", errors="surrogatepass"))


@settings(settings.get_profile("loader"))
@given(st.binary(max_size=200))
def test_any_bytes(data: bytes) -> None:
    _load_with_card(data)


@settings(settings.get_profile("loader"))
@given(structures)
def test_any_structure(data: object) -> None:
    _load_with_card(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


@settings(settings.get_profile("loader"))
@given(st.sampled_from(sorted(CARD)), structures)
def test_a_valid_card_with_one_field_replaced(field: str, value: object) -> None:
    card = dict(CARD, **{field: value})
    _load_with_card(yaml.safe_dump(card, allow_unicode=True).encode("utf-8"))

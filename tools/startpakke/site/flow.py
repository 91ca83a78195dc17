"""«Forrige» and «Neste» follow the learner's path, which ends on the closing page.

MkDocs links every page in the nav to its neighbours; the library, about page and methods taught in no
module lie outside the path, so their links are cut rather than leading learners off course.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation


def link_pages(nav: Navigation, flow: list[str]) -> None:
    by_path = {page.file.src_uri: page for page in nav.pages}
    for page in nav.pages:
        page.previous_page = page.next_page = None
    steps = [by_path[path] for path in flow if path in by_path]
    for before, after in zip(steps, steps[1:]):
        before.next_page = after
        after.previous_page = before

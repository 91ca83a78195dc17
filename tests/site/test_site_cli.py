"""`startpakke build` and `export-markdown` as an editor runs them."""

from __future__ import annotations

import yaml

from tests.site.sitekit import make_project, run


def test_build_checks_then_writes_the_site(tmp_path) -> None:
    make_project(tmp_path, methods=4)
    code, output = run("build", cwd=tmp_path)
    assert code == 0, output
    assert "Built the site in" in output
    assert (tmp_path / "site" / "metoder" / "metode-4" / "index.html").is_file()
    assert (tmp_path / "site" / "moduler" / "modul-2" / "index.html").is_file()


def test_build_stops_on_content_errors_before_making_a_site(tmp_path) -> None:
    make_project(tmp_path, methods=4)
    module = tmp_path / "course" / "modules" / "modul-1.yml"
    module.write_text(module.read_text(encoding="utf-8").replace("- metode-1", "- metode-99"))
    code, output = run("build", cwd=tmp_path)
    assert code == 1
    assert "course/modules/modul-1.yml:" in output and "no method `metode-99`" in output
    assert not (tmp_path / "site").exists()


def test_build_without_mkdocs_yml_is_a_usage_error(tmp_path) -> None:
    make_project(tmp_path, methods=2)
    (tmp_path / "mkdocs.yml").unlink()
    code, output = run("build", cwd=tmp_path)
    assert code == 2
    assert "mkdocs.yml is missing" in output


def test_export_markdown_writes_pages_and_a_config_without_our_plugin(tmp_path) -> None:
    make_project(tmp_path / "project", methods=4)
    code, output = run("export-markdown", str(tmp_path / "out"), cwd=tmp_path / "project")
    assert code == 0, output
    assert "Wrote 12 pages and mkdocs.yml" in output
    config = yaml.safe_load((tmp_path / "out" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["nav"][:2] == [{"Start": "index.md"}, {"Modul 1": ["moduler/modul-1/index.md", "metoder/metode-1/index.md",
                                                           "metoder/metode-2/index.md", "metoder/metode-3/index.md",
                                                           "moduler/modul-1/oppgaver/index.md"]}]
    assert [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]] == ["search"]
    assert config["theme"]["language"] == "nb" and config["site_name"] == "Startpakke for samskaping"
    docs = tmp_path / "out" / "docs"
    assert (docs / "metoder" / "metode-4" / "index.md").read_text(encoding="utf-8").startswith('---\ntitle: "Metode 4"')
    assert (docs / "assets" / "startpakke" / "startpakke.css").is_file()
    assert "assets/startpakke/startpakke.js" in config["extra_javascript"]
"""`startpakke editor setup`: the published /admin/ saves to a hosted git service, and a CI workflow
checks, builds and publishes the site on every commit."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from startpakke.cli import app
from tests.site.sitekit import make_project


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--course", str(root)])
    return result.exit_code, result.output


def test_gitlab_gets_pages_from_a_checked_build_and_an_admin_that_logs_in_with_pkce(tmp_path: Path) -> None:
    make_project(tmp_path, methods=3)
    code, output = run(tmp_path, "editor", "setup", "--backend", "gitlab", "--repo", "fylke/samskaping",
                       "--app-id", "abc123")
    assert code == 0, output
    editor = yaml.safe_load((tmp_path / "editor.yml").read_text("utf-8"))
    assert editor["backend"] == {"name": "gitlab", "repo": "fylke/samskaping", "branch": "main",
                                 "auth_type": "pkce", "app_id": "abc123"}
    ci = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text("utf-8"))
    assert "startpakke check" in ci["check"]["script"]
    assert "startpakke build --site-dir public" in ci["pages"]["script"]
    assert ci["pages"]["artifacts"]["paths"] == ["public"]

    code, output = run(tmp_path, "build")
    assert code == 0, output
    admin = tmp_path / "site" / "admin"
    config = yaml.safe_load((admin / "config.yml").read_text("utf-8"))
    assert config["backend"]["name"] == "gitlab" and config["backend"]["repo"] == "fylke/samskaping"
    assert config["locale"] == "nb_no" and {c["name"] for c in config["collections"]} == {"course", "modules", "methods"}
    assert '<script src="decap-cms.js"></script>' in (admin / "index.html").read_text("utf-8")
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000


def test_github_and_gitea_workflows_check_and_build_on_every_commit(tmp_path: Path) -> None:
    make_project(tmp_path, methods=3)
    assert run(tmp_path, "editor", "setup", "--backend", "github", "--repo", "fylke/samskaping")[0] == 0
    workflow = yaml.safe_load((tmp_path / ".github/workflows/startpakke.yml").read_text("utf-8"))
    runs = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert "startpakke check" in runs and "startpakke build" in runs
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert set(workflow["on"]) == {"push", "pull_request"}

    code, output = run(tmp_path, "editor", "setup", "--backend", "gitea", "--repo", "fylke/samskaping",
                       "--app-id", "x1", "--base-url", "https://git.bibliotek.no", "--force")
    assert code == 0, output
    backend = yaml.safe_load((tmp_path / "editor.yml").read_text("utf-8"))["backend"]
    assert backend["api_root"] == "https://git.bibliotek.no/api/v1" and backend["app_id"] == "x1"
    assert (tmp_path / ".gitea/workflows/startpakke.yml").is_file()


@pytest.mark.parametrize("args, says", [
    (["--backend", "gitlab", "--repo", "fylke/samskaping"], "--app-id"),
    (["--backend", "github", "--repo", "samskaping"], "owner/name"),
    (["--backend", "bitbucket", "--repo", "fylke/samskaping"], "github, gitlab or gitea"),
])
def test_settings_that_cannot_work_are_refused(tmp_path: Path, args: list[str], says: str) -> None:
    make_project(tmp_path, methods=3)
    code, output = run(tmp_path, "editor", "setup", *args)
    assert code == 1 and says in " ".join(output.split())
    assert not (tmp_path / "editor.yml").exists()


def test_a_workflow_someone_wrote_is_not_replaced_without_force(tmp_path: Path) -> None:
    make_project(tmp_path, methods=3)
    ours = tmp_path / ".github" / "workflows" / "startpakke.yml"
    ours.parent.mkdir(parents=True)
    ours.write_text("# the library's own\n", "utf-8")
    code, output = run(tmp_path, "editor", "setup", "--backend", "github", "--repo", "fylke/samskaping")
    assert code == 1 and "--force" in output
    assert ours.read_text("utf-8") == "# the library's own\n"

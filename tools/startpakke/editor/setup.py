"""`startpakke editor setup`: publishing from the browser through a hosted git service.

It writes editor.yml (which git service the published /admin/ saves to; `startpakke build` then puts
/admin/ into the site) and a CI workflow that runs `startpakke check` and `startpakke build` on every
commit and publishes site/ to the service's Pages. Decap commits each save to the repository; the
workflow refuses a commit that breaks the course, and the site stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import yaml

from ..files import write_atomic
from ..project import Project

EDITOR_FILE = "editor.yml"
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"
"""What WeasyPrint needs from the system to print the cards (ffmpeg and the fonts come with pip)."""


class Service(str, Enum):
    github = "github"
    gitlab = "gitlab"
    gitea = "gitea"


class SetupError(Exception):
    """A setting the command cannot use; the message says which and why."""


@dataclass(frozen=True)
class Hosted:
    service: Service
    repo: str
    branch: str = "main"
    app_id: str = ""
    """The OAuth application's id (GitLab and Gitea log editors in with it, no server needed)."""
    base_url: str = ""
    """A self-hosted GitLab or Gitea, e.g. https://git.fylkesbibliotek.no; empty: gitlab.com."""

    def backend(self) -> dict[str, Any]:
        """Decap's backend settings for the published /admin/."""
        backend: dict[str, Any] = {"name": self.service.value, "repo": self.repo, "branch": self.branch}
        if self.service is not Service.github:
            backend |= {"auth_type": "pkce", "app_id": self.app_id}
        if self.base_url:
            api = "/api/v4" if self.service is Service.gitlab else "/api/v1"
            backend |= {"base_url": self.base_url, "api_root": self.base_url.rstrip("/") + api}
            if self.service is Service.gitlab:
                backend["auth_endpoint"] = "oauth/authorize"
        return backend


def setup(project: Project, hosted: Hosted, force: bool = False) -> list[Path]:
    """Write editor.yml and the service's CI workflow; refuse to replace a workflow someone wrote."""
    if "/" not in hosted.repo.strip("/"):
        raise SetupError(f"--repo `{hosted.repo}`: write it as owner/name, e.g. fylkesbiblioteket/samskaping")
    if hosted.service is not Service.github and not hosted.app_id:
        raise SetupError(f"{hosted.service.value} logs editors in through an OAuth application: create one "
                         "(README: «Publish from the browser») and give its id with --app-id")
    workflow = project.root / WORKFLOWS[hosted.service]
    if workflow.exists() and not force:
        raise SetupError(f"{workflow.relative_to(project.root)} exists already; --force replaces it")
    settings = {"backend": hosted.backend()}
    editor = project.root / EDITOR_FILE
    write_atomic(editor, "# Where the published /admin/ saves (startpakke editor setup).\n"
                 + yaml.safe_dump(settings, sort_keys=False, allow_unicode=True))
    workflow.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(workflow, yaml.safe_dump(_workflow(hosted.service), sort_keys=False, allow_unicode=True,
                                          width=4096))
    return [editor, workflow]


def hosted_backend(project: Project) -> dict[str, Any] | None:
    """The backend editor.yml names, for `startpakke build`; None without one."""
    path = project.root / EDITOR_FILE
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text("utf-8"))
    backend = data.get("backend") if isinstance(data, dict) else None
    if not (isinstance(backend, dict) and backend.get("name") in {s.value for s in Service}):
        raise SetupError(f"{EDITOR_FILE}: `backend:` must name github, gitlab or gitea; "
                         "run `startpakke editor setup` again")
    return backend


WORKFLOWS = {
    Service.github: ".github/workflows/startpakke.yml",
    Service.gitea: ".gitea/workflows/startpakke.yml",
    Service.gitlab: ".gitlab-ci.yml",
}


def _install() -> str:
    try:
        return f"python -m pip install 'startpakke=={version('startpakke')}'"
    except PackageNotFoundError:
        return "python -m pip install startpakke"


def _workflow(service: Service) -> dict[str, Any]:
    install = [f"sudo apt-get update && sudo apt-get install -y {SYSTEM_PACKAGES}", _install()]
    if service is Service.gitlab:
        return {
            "image": "python:3.11",
            "stages": ["check", "publish"],
            "check": {"stage": "check",
                      "script": [f"apt-get update && apt-get install -y {SYSTEM_PACKAGES}", _install(),
                                 "startpakke check"]},
            # GitLab Pages publishes the `public` folder of the job named `pages`, from the default branch.
            "pages": {"stage": "publish",
                      "script": [f"apt-get update && apt-get install -y {SYSTEM_PACKAGES}", _install(),
                                 "startpakke build --site-dir public"],
                      "artifacts": {"paths": ["public"]},
                      "rules": [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]},
        }
    steps: list[dict[str, Any]] = [
        {"uses": "actions/checkout@v4"},
        {"uses": "actions/setup-python@v5", "with": {"python-version": "3.11"}},
        {"name": "Install Startpakke", "run": "\n".join(install)},
        {"name": "Check the course", "run": "startpakke check"},
        {"name": "Build the site", "run": "startpakke build"},
    ]
    workflow: dict[str, Any] = {"name": "Startpakke", "on": {"push": None, "pull_request": None},
                                "jobs": {"build": {"runs-on": "ubuntu-latest", "steps": steps}}}
    if service is Service.github:
        steps.append({"uses": "actions/upload-pages-artifact@v3", "with": {"path": "site"}})
        workflow["permissions"] = {"contents": "read", "pages": "write", "id-token": "write"}
        workflow["jobs"]["deploy"] = {
            "needs": "build", "if": "github.ref == 'refs/heads/main'", "runs-on": "ubuntu-latest",
            "environment": {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"},
            "steps": [{"id": "deployment", "uses": "actions/deploy-pages@v4"}]}
    else:  # Gitea has no Pages: the built site is kept with the run, for the library's web server to fetch
        steps.append({"uses": "actions/upload-artifact@v3", "with": {"name": "site", "path": "site"}})
    return workflow

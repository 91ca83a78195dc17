"""The learning platform's side of a cmi5 launch, for the cmi5 tests: Ralph, a real LRS, keeps the
statements; this server plays the LMS around it, as the cmi5 specification describes: it serves the
package, hands out the auth token once per launch at the fetch URL, and holds the xAPI documents
(State API; Ralph 5 implements the statements resource only), LMS.LaunchData among them. Statements
are passed on to Ralph unchanged, under the package's origin, as a platform that proxies its LRS."""

from __future__ import annotations

import base64
import http.server
import json
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RALPH_HOME = Path(os.environ.get("STARTPAKKE_RALPH", Path.home() / ".cache" / "startpakke" / "ralph-5.1.0"))
RALPH = RALPH_HOME / "bin" / "ralph"
SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
USER, PASSWORD = "learner-au", "cmi5-launch-secret"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Ralph 5.1's file backend writes its statements file with operation CREATE, which refuses a file that
# exists: every POST after the first would fail. Its own app is started here with that backend appending.
APPENDING_RALPH = """
import sys, uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


@contextmanager
def ralph(folder: Path) -> Iterator[str]:
    """Ralph on a free port, statements in a file under `folder`, one user; yields its address."""
    assert RALPH.exists(), f"Ralph is not installed at {RALPH_HOME}: ./scripts/test installs it"
    environment = {**os.environ, "RALPH_AUTH_FILE": str(folder / "auth.json"), "RALPH_RUNSERVER_BACKEND": "fs",
                   "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder / "data")}
    subprocess.run([str(RALPH), "auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-M", "mailto:lms@example.org", "-w"],
                   env=environment, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([str(RALPH_HOME / "bin" / "python"), "-c", APPENDING_RALPH, str(port)],
                              env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    address = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(address + "/__heartbeat__", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("Ralph did not start")
        yield address
    finally:
        server.terminate()
        server.wait(10)


@dataclass
class Platform:
    """The LMS: the package's files, the fetch tokens it handed out, the xAPI documents it keeps."""

    folder: Path
    lrs: str
    documents: dict[tuple[str, ...], bytes] = field(default_factory=dict)
    tokens: dict[str, bool] = field(default_factory=dict)
    url: str = ""

    @property
    def credentials(self) -> str:
        return base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()

    def launch(self, actor: dict[str, Any], activity: str, registration: str, mastery: float | None = None) -> tuple[str, str]:
        """Do what the LMS does before it opens the AU: LMS.LaunchData, the «launched» statement, a
        fetch URL for this launch alone. Returns the launch URL and the session id."""
        session = str(uuid.uuid4())
        template = {"contextActivities": {"grouping": [{"id": activity}]}, "extensions": {SESSION_ID: session}}
        data = {"contextTemplate": template, "launchMode": "Normal", "moveOn": "Completed",
                "returnURL": self.url + "returned.html", **({"masteryScore": mastery} if mastery is not None else {})}
        self.documents[state_key(activity, actor, registration, "LMS.LaunchData")] = json.dumps(data).encode()
        self.send({"actor": actor, "verb": {"id": "http://adlnet.gov/expapi/verbs/launched", "display": {"en-US": "launched"}},
                   "object": {"id": activity, "objectType": "Activity"},
                   "context": {**template, "registration": registration,
                               "contextActivities": {**template["contextActivities"], "category": [
                                   {"id": "https://w3id.org/xapi/cmi5/context/categories/cmi5"}]}},
                   "result": {"extensions": {}},
                   "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())})
        token = str(uuid.uuid4())
        self.tokens[token] = False
        query = urllib.parse.urlencode({"endpoint": self.url + "xapi/", "fetch": self.url + "fetch/" + token,
                                        "actor": json.dumps(actor), "registration": registration,
                                        "activityId": activity})
        return f"{self.url}package/lms.html?{query}", session

    def send(self, statement: dict[str, Any]) -> None:
        request = urllib.request.Request(self.lrs + "/xAPI/statements", data=json.dumps(statement).encode(),
                                         method="POST", headers=self._headers())
        urllib.request.urlopen(request, timeout=10)

    def statements(self, registration: str) -> list[dict[str, Any]]:
        """What Ralph stored for the registration, in the order it stored them."""
        query = urllib.parse.urlencode({"registration": registration, "limit": 500})
        request = urllib.request.Request(f"{self.lrs}/xAPI/statements?{query}", headers=self._headers())
        stored = json.load(urllib.request.urlopen(request, timeout=10))["statements"]
        return sorted(stored, key=lambda statement: statement["stored"])

    def _headers(self) -> dict[str, str]:
        return {"Authorization": "Basic " + self.credentials, "Content-Type": "application/json",
                "X-Experience-API-Version": "1.0.3"}


def state_key(activity: str, actor: dict[str, Any], registration: str, state: str) -> tuple[str, ...]:
    return activity, json.dumps(actor, sort_keys=True), registration, state


@contextmanager
def serve_platform(folder: Path, lrs: str) -> Iterator[Platform]:
    platform = Platform(folder, lrs)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            if self.path.startswith("/xapi/"):
                return self.xapi()
            if self.path.startswith("/returned.html"):
                return self.reply(200, b"<!doctype html><title>Back in the LMS</title><h1>Back in the LMS</h1>", "text/html")
            return super().do_GET()

        def do_POST(self) -> None:
            if self.path.startswith("/fetch/"):
                token = self.path.removeprefix("/fetch/")
                if token not in platform.tokens or platform.tokens[token]:
                    # cmi5: a fetch URL gives its token once.
                    return self.reply(200, json.dumps({"error-code": "1", "error-text": "already used"}).encode())
                platform.tokens[token] = True
                return self.reply(200, json.dumps({"auth-token": platform.credentials}).encode())
            return self.xapi()

        def do_PUT(self) -> None:
            self.xapi()

        def xapi(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.headers.get("Authorization") != "Basic " + platform.credentials:
                return self.reply(401, b"{}")
            if url.path == "/xapi/statements":
                return self.forward(url, body)
            query = dict(urllib.parse.parse_qsl(url.query))
            if url.path == "/xapi/activities/state":
                name = state_key(query["activityId"], json.loads(query["agent"]), query.get("registration", ""),
                                 query["stateId"])
                if self.command == "GET":
                    document = platform.documents.get(name)
                    return self.reply(404, b"") if document is None else self.reply(200, document)
                platform.documents[name] = body
                return self.reply(204, b"")
            return self.reply(404, b"")  # agent profiles: this learner has no preferences kept

        def forward(self, url: urllib.parse.SplitResult, body: bytes) -> None:
            target = platform.lrs + "/xAPI/statements" + (f"?{url.query}" if url.query else "")
            headers = {name: self.headers[name] for name in ("Authorization", "Content-Type", "X-Experience-API-Version")
                       if self.headers.get(name)}
            request = urllib.request.Request(target, data=body or None, method=self.command, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    self.reply(response.status, response.read())
            except urllib.error.HTTPError as error:
                self.reply(error.code, error.read())

        def reply(self, status: int, body: bytes, kind: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Experience-API-Version", "1.0.3")
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    platform.url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield platform
    finally:
        server.shutdown()
        server.server_close()


"""Decap CMS's local backend, answered by `startpakke serve`: the editor's forms save straight into course/.

Decap speaks the proxy protocol of `decap-server` (POST {action, params} as JSON). Every save is
validated first with the same loader as `startpakke check`, on a copy of course/ with the saved file in
it: a save that would break the course is refused with our messages (file:line: field: message, hint),
and nothing is written. A saved file keeps the comments and layout of the fields the form did not
change (ruamel.yaml's round trip). Videos and captions get the checks of `startpakke video add`.

Only what the forms edit can be written: course/course.yml, course/modules/*.yml, course/methods/*.yml
and media/videos/. The server listens on 127.0.0.1 and answers only the site's own origin, so no other
web page a browser has open can write into the project.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..files import copy_atomic, link_or_copy, write_atomic
from ..loading import load_course
from ..model import CAPTION_TYPES, SLUG_PATTERN, VIDEO_TYPES
from ..problems import Problem
from ..project import Project
from .labels import LABELS

MAX_ENTRY = 256 * 1024
"""A course file, as the loader takes it (yamlsource.MAX_BYTES)."""
MAX_REQUEST = 700 * 1024 * 1024
"""A video of up to about 500 MB, as base64 in JSON."""
MEDIA_INLINE = 2 * 1024 * 1024
"""Media files up to this size go to the browser with their content (captions); videos by name only."""
_ENTRY = re.compile(rf"^course/(course\.yml|(modules|methods)/{SLUG_PATTERN[1:-1]}\.yml)$")
_FOLDERS = {"course/modules", "course/methods"}


class Refused(Exception):
    """A request the editor has to change; the message, in Norwegian where it is ours, says how."""

    def __init__(self, message: str, status: HTTPStatus = HTTPStatus.UNPROCESSABLE_ENTITY):
        super().__init__(message)
        self.status = status


class EditorBackend:
    def __init__(self, project: Project, on_saved: Callable[[], None] = lambda: None):
        self.project = project
        self.root = project.root.resolve()
        self.on_saved = on_saved
        self.lock = threading.Lock()  # one save at a time: each is validated against the files on disk

    def answer(self, action: str, params: dict[str, Any]) -> Any:
        handler = getattr(self, f"_{action}", None)
        if handler is None:
            raise Refused(f"Unknown action {action}")
        return handler(params)

    # --- reading --------------------------------------------------------------------------------

    def _info(self, _: dict[str, Any]) -> dict[str, Any]:
        return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}

    def _entriesByFolder(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        folder = str(params.get("folder", "")).strip("/")
        if folder not in _FOLDERS:
            raise Refused(f"not a folder of the course: {folder}")
        return [self._entry(path.relative_to(self.root).as_posix())
                for path in sorted((self.root / folder).glob("*.yml"))]

    def _entriesByFiles(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        return [self._entry(str(file.get("path", "")), file.get("label")) for file in params.get("files", [])]

    def _getEntry(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._entry(str(params.get("path", "")))

    def _entry(self, path: str, label: str | None = None) -> dict[str, Any]:
        target = self._entry_path(path)
        data = target.read_bytes() if target.is_file() else None
        return {"data": data.decode("utf-8") if data is not None else None,
                "file": {"path": path, "label": label, "id": hashlib.sha256(data).hexdigest() if data else None}}

    def _getMedia(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        folder = self.project.videos_dir
        inside = [p for p in sorted(folder.iterdir()) if p.is_file() and p.resolve().is_relative_to(self.root)] \
            if folder.is_dir() else []
        return [self._media(path) for path in inside]

    def _getMediaFile(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._media(self._media_path(str(params.get("path", ""))))

    def _media(self, path: Path) -> dict[str, Any]:
        size = path.stat().st_size
        content = base64.b64encode(path.read_bytes()).decode() if size <= MEDIA_INLINE else ""
        return {"id": f"{path.name}:{size}:{path.stat().st_mtime_ns}", "content": content, "encoding": "base64",
                "path": path.relative_to(self.root).as_posix(), "name": path.name}

    def _getDeployPreview(self, _: dict[str, Any]) -> None:
        return None

    # --- writing --------------------------------------------------------------------------------

    def _persistEntry(self, params: dict[str, Any]) -> dict[str, str]:
        files = params.get("dataFiles") or [params.get("entry") or {}]
        assets = params.get("assets") or []
        with self.lock:
            texts: dict[Path, str | None] = {}
            for file in files:
                old, new = str(file.get("path") or ""), str(file.get("newPath") or "")
                if new and new != old:  # renamed: the course is checked without the old file
                    texts[self._entry_path(old)] = None
                path = new or old
                target = self._entry_path(path)
                texts[target] = merged_yaml(target, _form_data(str(file.get("raw", "")), path))
            media = {self._media_path(str(a.get("path", ""))): _decoded(a) for a in assets}
            self._validate(texts, media)
            for target, content in media.items():
                write_atomic(target, content)
            for target, text in texts.items():  # the new file first, then the renamed one goes
                if text is not None:
                    write_atomic(target, text)
            for target, text in texts.items():
                if text is None:
                    target.unlink(missing_ok=True)
        self.on_saved()
        return {"message": "entry persisted"}

    def _persistMedia(self, params: dict[str, Any]) -> dict[str, Any]:
        asset = params.get("asset") or {}
        target = self._media_path(str(asset.get("path", "")))
        content = _decoded(asset)
        with tempfile.TemporaryDirectory(prefix="startpakke-media-") as tmp:
            upload = Path(tmp) / target.name
            upload.write_bytes(content)
            check_media(upload)
            with self.lock:
                copy_atomic(upload, target)
        return self._media(target)

    def _deleteFile(self, params: dict[str, Any]) -> dict[str, str]:
        return self._deleteFiles({"paths": [params.get("path", "")]})

    def _deleteFiles(self, params: dict[str, Any]) -> dict[str, str]:
        paths = [str(p) for p in params.get("paths", [])]
        with self.lock:
            targets = [self._entry_path(p) if p.startswith("course/") else self._media_path(p) for p in paths]
            entries = {t: None for t in targets if t.suffix == ".yml"}
            if entries:
                self._validate(entries, {})
            for target in targets:
                target.unlink(missing_ok=True)
        self.on_saved()
        return {"message": f"deleted files {', '.join(paths)}"}

    def _validate(self, texts: dict[Path, str | None], media: dict[Path, bytes]) -> None:
        """Check the uploads, then load the course as it would be after the save (None: a deleted file)
        with `check`'s loader, in a copy beside the project's build output (the same disk, so the
        videos already there are linked, not copied)."""
        scratch = self.project.root / "build"
        scratch.mkdir(exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".editor-save-", dir=scratch) as tmp:
            copy = Path(tmp)
            shutil.copytree(self.project.course_dir, copy / "course")
            videos = copy / "media" / "videos"
            videos.mkdir(parents=True)
            if self.project.videos_dir.is_dir():
                for path in self.project.videos_dir.iterdir():
                    if path.is_file() and not path.is_symlink():
                        link_or_copy(path, videos / path.name)
            for target, content in media.items():
                (videos / target.name).unlink(missing_ok=True)
                (videos / target.name).write_bytes(content)
                check_media(videos / target.name)
            for target, text in texts.items():
                place = copy / target.relative_to(self.root)
                if text is None:
                    place.unlink(missing_ok=True)
                else:
                    place.parent.mkdir(parents=True, exist_ok=True)
                    place.write_text(text, "utf-8")
            report = load_course(Project(copy)).report
            if report.errors:
                raise Refused("Ikke lagret: rett dette først.\n" + "\n".join(_in_form(p) for p in report.errors))

    # --- paths ----------------------------------------------------------------------------------

    def _entry_path(self, path: str) -> Path:
        if not _ENTRY.match(path):
            raise Refused(f"{path}: the forms write only course/course.yml, course/modules/<name>.yml "
                          "and course/methods/<name>.yml (names of lower-case letters, digits and hyphens)",
                          HTTPStatus.FORBIDDEN)
        return self._inside(path)

    def _media_path(self, path: str) -> Path:
        pure = PurePosixPath(path)
        if pure.parent.as_posix() != "media/videos" or pure.suffix.lower() not in (*VIDEO_TYPES, *CAPTION_TYPES) \
                or pure.name.startswith("."):
            raise Refused(f"{path}: videos and captions go in media/videos/ "
                          f"({', '.join(sorted({*VIDEO_TYPES, *CAPTION_TYPES}))})", HTTPStatus.FORBIDDEN)
        return self._inside(path)

    def _inside(self, path: str) -> Path:
        target = (self.root / path).resolve()
        if not target.is_relative_to(self.root):  # a symlink out of the project
            raise Refused(f"{path}: outside the project", HTTPStatus.FORBIDDEN)
        return target


def _in_form(problem: Problem) -> str:
    """The problem as `check` prints it, and the field's name as the form shows it."""
    name = re.sub(r"\[\d+\]", "", problem.field).rsplit(".", 1)[-1]
    return f"{problem}" + (f"\n    (feltet «{LABELS[name]}»)" if name in LABELS else "")


def _decoded(asset: dict[str, Any]) -> bytes:
    if asset.get("encoding") != "base64":
        raise Refused("media must come base64-encoded")
    try:
        return base64.b64decode(str(asset.get("content", "")), validate=True)
    except (binascii.Error, ValueError):
        raise Refused("the uploaded file is damaged (not base64)") from None


def check_media(path: Path) -> None:
    """The checks of `startpakke video add`, on an uploaded file: a video ffprobe can read, captions
    that parse."""
    from ..media.captions import CaptionError, read_captions
    from ..media.probe import ProbeError, probe

    try:
        if path.suffix.lower() in CAPTION_TYPES:
            read_captions(path)
        else:
            probe(path)
    except CaptionError as error:
        raise Refused(f"Ikke lagret: {path.name}:{error.line}: {error.message}") from None
    except ProbeError as error:
        raise Refused(f"Ikke lagret: {path.name}: {error}") from None


def _form_data(raw: str, path: str) -> Any:
    """What the form saved, without the empty fields Decap writes for every field left blank (an
    empty optional field and a missing one mean the same in the course files)."""
    if len(raw.encode("utf-8")) > MAX_ENTRY:
        raise Refused(f"{path}: longer than {MAX_ENTRY // 1024} KB")
    try:
        data = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as error:
        raise Refused(f"{path}: the form sent YAML that does not parse: {error}") from None
    return _without_empty(data)


def _without_empty(value: Any) -> Any:
    if isinstance(value, dict):
        kept = {k: _without_empty(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [v for v in (_without_empty(v) for v in value) if v not in (None, "", [], {})]
    return value


def _yaml() -> YAML:
    out = YAML()
    out.preserve_quotes = True
    out.width = 4096
    out.indent(mapping=2, sequence=4, offset=2)
    return out


def merged_yaml(target: Path, data: Any) -> str:
    """`data` as the file's new text: through the round trip of the file on disk, so its comments and
    layout stay wherever the value did not change."""
    rt = _yaml()
    try:
        existing = rt.load(target.read_text("utf-8")) if target.is_file() else None
    except Exception:  # a file the loader would refuse anyway: the form's data replaces it
        existing = None
    document = _merge(existing, data) if isinstance(existing, CommentedMap) else data
    out = io.StringIO()
    rt.dump(document, out)
    return out.getvalue()


def _merge(old: Any, new: Any) -> Any:
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        for key, value in new.items():
            old[key] = _merge(old[key], value) if key in old else value
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = _merge(old[index], value)
            else:
                old.append(value)
        del old[len(new):]
        return old
    return old if old == new else new


# --- the HTTP side ----------------------------------------------------------------------------------

def start(backend: EditorBackend, host: str, port: int, origins: set[str]) -> ThreadingHTTPServer:
    """Answer Decap at http://host:port/api/v1 in a thread of this process, for pages from `origins`."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: Any) -> None:  # the terminal shows saves through the rebuild
            pass

        def _allowed(self) -> bool:
            return self.headers.get("Origin") in origins

        def _send(self, status: int, body: Any) -> None:
            payload = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            if self._allowed():
                self.send_header("Access-Control-Allow-Origin", self.headers["Origin"])
                self.send_header("Vary", "Origin")
            self.end_headers()
            self.wfile.write(payload)

        def do_OPTIONS(self) -> None:  # noqa: N802 (the CORS preflight of a JSON POST)
            if not self._allowed():
                self._send(HTTPStatus.FORBIDDEN, {"error": "not from the course site"})
                return
            self.send_response(HTTPStatus.NO_CONTENT)
            self.send_header("Access-Control-Allow-Origin", self.headers["Origin"])
            self.send_header("Access-Control-Allow-Methods", "POST")
            self.send_header("Access-Control-Allow-Headers", "Content-Type")
            self.send_header("Vary", "Origin")
            self.end_headers()

        def do_POST(self) -> None:  # noqa: N802
            if not self._allowed() or self.path.rstrip("/") != "/api/v1":
                self._send(HTTPStatus.FORBIDDEN, {"error": "not from the course site"})
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_REQUEST:
                self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                           {"error": f"Ikke lagret: filen er større enn {MAX_REQUEST // 2**20 * 3 // 4} MB"})
                return
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
                result = backend.answer(str(body.get("action", "")), body.get("params") or {})
            except Refused as refused:
                self._send(refused.status, {"error": str(refused)})
            except (ValueError, AttributeError, OSError) as error:
                self._send(HTTPStatus.BAD_REQUEST, {"error": f"{type(error).__name__}: {error}"})
            else:
                self._send(HTTPStatus.OK, result)

    server = ThreadingHTTPServer((host, port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True, name="editor-backend").start()
    return server

"""The local backend of the editor: saves are validated as `check` validates, refused whole, keep the
file's comments, and nothing outside the course's own files can be read or written."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from startpakke.editor.backend import EditorBackend, Refused, start
from startpakke.loading import load_course
from tests.site.sitekit import make_project
from tests.site.test_site_serve import free_port


@pytest.fixture
def backend(tmp_path: Path) -> EditorBackend:
    return EditorBackend(make_project(tmp_path, methods=3))


def save(backend: EditorBackend, path: str, data: dict, **extra) -> dict:
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return backend.answer("persistEntry", {"dataFiles": [{"path": path, "raw": raw, **extra}], "assets": []})


def method(backend: EditorBackend, slug: str) -> dict:
    return yaml.safe_load((backend.root / "course" / "methods" / f"{slug}.yml").read_text("utf-8"))


def test_lists_and_reads_the_course_files(backend: EditorBackend) -> None:
    entries = backend.answer("entriesByFolder", {"folder": "course/methods", "extension": "yml", "depth": 1})
    assert [e["file"]["path"] for e in entries] == [f"course/methods/metode-{n}.yml" for n in (1, 2, 3)]
    assert "title: Metode 1" in entries[0]["data"]
    course = backend.answer("entriesByFiles", {"files": [{"path": "course/course.yml", "label": "Kurset"}]})
    assert course[0]["data"].startswith("title:") or "title:" in course[0]["data"]


def test_a_new_method_from_the_form_is_saved_and_the_course_checks(backend: EditorBackend) -> None:
    data = method(backend, "metode-1") | {"title": "Lyttevandring", "related": [], "preparation": "",
                                           "examples": [], "video": None}
    save(backend, "course/methods/lyttevandring.yml", data)
    written = method(backend, "lyttevandring")
    assert written["title"] == "Lyttevandring"
    assert "related" not in written and "video" not in written, "empty form fields are not written"
    loaded = load_course(backend.project)
    assert loaded.course and "lyttevandring" in loaded.course.methods and not loaded.report.errors


def test_a_save_that_breaks_the_course_is_refused_with_checks_message_and_nothing_is_written(
        backend: EditorBackend) -> None:
    card = backend.root / "course" / "methods" / "metode-2.yml"
    before = card.read_bytes()
    data = method(backend, "metode-2") | {"duration": {"min": 90, "max": 30}}
    with pytest.raises(Refused) as refused:
        save(backend, "course/methods/metode-2.yml", data)
    message = str(refused.value)
    assert message.startswith("Ikke lagret")
    assert "course/methods/metode-2.yml:" in message and "duration" in message and "swap them" in message
    assert "(feltet «Varighet (minutter)»)" in message, "the field as the form names it"
    assert card.read_bytes() == before
    # A method the modules teach cannot be deleted from under them either.
    with pytest.raises(Refused, match="metode-2"):
        backend.answer("deleteFile", {"path": "course/methods/metode-2.yml"})
    assert card.read_bytes() == before


def test_a_save_keeps_the_comments_and_layout_of_what_it_did_not_change(backend: EditorBackend) -> None:
    card = backend.root / "course" / "methods" / "metode-3.yml"
    text = card.read_text("utf-8")
    card.write_text("# Skrevet av Kari, mars 2026\n" + text.replace("\nphase:", "  # kortets tittel\nphase:", 1), "utf-8")
    data = method(backend, "metode-3") | {"summary": "Et nytt sammendrag."}
    save(backend, "course/methods/metode-3.yml", data)
    after = card.read_text("utf-8")
    assert after.startswith("# Skrevet av Kari, mars 2026\n") and "# kortets tittel" in after
    assert method(backend, "metode-3")["summary"] == "Et nytt sammendrag."


@pytest.mark.parametrize("path", ["../outside.yml", "course/../../outside.yml", "course/methods/../../x.yml",
                                  "mkdocs.yml", "course/methods/Store Bokstaver.yml", "docs/index.md",
                                  "/etc/passwd"])
def test_only_the_course_files_can_be_written(backend: EditorBackend, path: str) -> None:
    with pytest.raises(Refused):
        save(backend, path, {"title": "x"})
    with pytest.raises(Refused):
        backend.answer("getEntry", {"path": path})


def test_uploads_go_through_the_checks_of_video_add(backend: EditorBackend) -> None:
    captions = "WEBVTT\n\n00:00.000 --> 00:02.000\nHei og velkommen.\n"
    upload = lambda path, content: backend.answer("persistMedia", {"asset": {  # noqa: E731
        "path": path, "content": base64.b64encode(content).decode(), "encoding": "base64"}})
    stored = upload("media/videos/metode-1.nb.vtt", captions.encode())
    assert stored["path"] == "media/videos/metode-1.nb.vtt"
    assert (backend.root / "media/videos/metode-1.nb.vtt").read_text("utf-8") == captions
    with pytest.raises(Refused, match="Ikke lagret: metode-2.nb.vtt"):
        upload("media/videos/metode-2.nb.vtt", b"not captions at all")
    with pytest.raises(Refused, match="Ikke lagret: metode-2.mp4"):
        upload("media/videos/metode-2.mp4", b"\x00\x00\x00\x18ftypmp42 not really a video")
    with pytest.raises(Refused):
        upload("media/videos/skript.html", b"<script>alert(1)</script>")
    assert not (backend.root / "media/videos/metode-2.mp4").exists()


def test_the_http_side_answers_only_the_sites_own_origin(backend: EditorBackend) -> None:
    port = free_port()
    site = "http://127.0.0.1:8000"
    server = start(backend, "127.0.0.1", port, {site})
    try:
        def post(origin: str | None, body: dict) -> tuple[int, dict, dict]:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1", data=json.dumps(body).encode(),
                                             headers={"Content-Type": "application/json",
                                                      **({"Origin": origin} if origin else {})})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return response.status, dict(response.headers), json.load(response)
            except urllib.error.HTTPError as error:
                return error.code, dict(error.headers), json.load(error)

        status, headers, body = post(site, {"action": "info"})
        assert status == 200 and body["type"] == "local_fs"
        assert headers["Access-Control-Allow-Origin"] == site
        for stranger in ("http://evil.example", None, "http://127.0.0.1:9999"):
            status, headers, _ = post(stranger, {"action": "info"})
            assert status == 403 and "Access-Control-Allow-Origin" not in headers
        data = method(backend, "metode-1") | {"duration": {"min": 9, "max": 1}}
        status, _, body = post(site, {"action": "persistEntry", "params": {"dataFiles": [
            {"path": "course/methods/metode-1.yml", "raw": yaml.safe_dump(data)}], "assets": []}})
        assert status == 422 and "course/methods/metode-1.yml:" in body["error"]
    finally:
        server.shutdown()


def test_a_renamed_method_is_checked_without_its_old_file(backend: EditorBackend) -> None:
    """A module teaches metode-3: renaming its file would leave the module pointing at nothing."""
    data = method(backend, "metode-3")
    with pytest.raises(Refused, match="metode-3"):
        save(backend, "course/methods/metode-3.yml", data, newPath="course/methods/metode-tre.yml")
    assert (backend.root / "course/methods/metode-3.yml").is_file()
    assert not (backend.root / "course/methods/metode-tre.yml").exists()


def test_media_listing_leaves_out_links_to_files_outside_the_project(backend: EditorBackend, tmp_path: Path) -> None:
    secret = tmp_path.parent / "secret.vtt"
    secret.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHemmelig\n", "utf-8")
    videos = backend.root / "media" / "videos"
    videos.mkdir(parents=True, exist_ok=True)
    (videos / "lenke.nb.vtt").symlink_to(secret)
    assert all(item["name"] != "lenke.nb.vtt" for item in backend.answer("getMedia", {}))
    with pytest.raises(Refused):
        backend.answer("getMediaFile", {"path": "media/videos/lenke.nb.vtt"})


def test_a_video_from_the_form_needs_its_captions_as_with_video_add(backend: EditorBackend, tmp_path: Path) -> None:
    from tests.media.clips import make_clip

    clip = make_clip(tmp_path / "klipp.mp4", seconds=1.0)
    video = {"path": "media/videos/metode-1.mp4", "content": base64.b64encode(clip.read_bytes()).decode(),
             "encoding": "base64"}
    data = method(backend, "metode-1") | {"video": {"source": "media/videos/metode-1.mp4"}}
    raw = yaml.safe_dump(data, allow_unicode=True)
    with pytest.raises(Refused, match="the video has no captions"):
        backend.answer("persistEntry", {"dataFiles": [{"path": "course/methods/metode-1.yml", "raw": raw}],
                                        "assets": [video]})
    assert not (backend.root / "media/videos/metode-1.mp4").exists(), "nothing is written half-way"

    captions = {"path": "media/videos/metode-1.nb.vtt", "encoding": "base64",
                "content": base64.b64encode(b"WEBVTT\n\n00:00.000 --> 00:00.900\nHei.\n").decode()}
    data["video"]["captions"] = {"nb": "media/videos/metode-1.nb.vtt"}
    backend.answer("persistEntry", {"dataFiles": [{"path": "course/methods/metode-1.yml",
                                                   "raw": yaml.safe_dump(data, allow_unicode=True)}],
                                    "assets": [video, captions]})
    assert (backend.root / "media/videos/metode-1.mp4").read_bytes() == clip.read_bytes()
    loaded = load_course(backend.project)
    assert loaded.course and loaded.course.methods["metode-1"].video

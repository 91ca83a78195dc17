"""`startpakke video add`: copy a video (and its captions) into media/videos/ and link it from the card.

The card is edited with ruamel.yaml's round trip, so its comments, order and layout stay as the editor
wrote them; only the `video:` block is added or updated.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken

from ..files import copy_atomic, write_atomic
from ..project import Project
from ..model import CAPTION_TYPES, VIDEO_TYPES
from .captions import CaptionError, language_from_name, read_captions
from .probe import ProbeError, probe

FIELDS_AFTER_VIDEO = ("related", "sources")
"""The card template's order: `video` comes before these."""


class AddError(Exception):
    """A problem the editor has to fix; the message says what and how."""


@dataclass
class Added:
    card: Path
    source: Path
    captions: dict[str, Path] = field(default_factory=dict)
    duration: float = 0.0
    unlinked: Path | None = None
    """The video the card linked before, when it was another file (left in place, for the editor)."""


def add_video(project: Project, video: Path, slug: str, captions: Path | None = None,
              lang: str | None = None) -> Added:
    card = project.method_file(slug)
    if not card.is_file():
        known = sorted(p.stem for p in project.sources_of("methods").glob("*.yml"))
        close = difflib.get_close_matches(slug, known, n=1, cutoff=0.6)
        raise AddError(f"no method card `{slug}` (course/methods/{slug}.yml)"
                       + (f"; did you mean `{close[0]}`?" if close else ""))
    if not video.is_file():
        raise AddError(f"{video}: the file does not exist")
    suffix = video.suffix.lower()
    if suffix not in VIDEO_TYPES:
        raise AddError(f"{video}: not a video type the course takes ({', '.join(sorted(VIDEO_TYPES))})")
    try:
        duration = probe(video).duration
    except ProbeError as error:
        raise AddError(f"{video}: {error}") from None

    videos_dir = project.videos_dir
    target = videos_dir / f"{slug}{suffix}"
    added = Added(card, target, duration=duration)
    caption_target: Path | None = None
    if captions is not None:
        lang = lang or language_from_name(captions) or _course_language(project)
        if captions.suffix.lower() not in CAPTION_TYPES:
            raise AddError(f"{captions}: captions must be a .vtt or .srt file")
        try:
            read_captions(captions, duration)  # refuse bad captions before anything is copied
        except CaptionError as error:
            raise AddError(f"{captions}:{error.line}: {error.message}") from None
        caption_target = videos_dir / f"{slug}.{lang}{captions.suffix.lower()}"
        added.captions[lang] = caption_target

    # Edit the card in memory first: a card that cannot be edited leaves media/ untouched too.
    original = card.read_text(encoding="utf-8")
    text = _link(original, project, target, added.captions)
    before = _linked_source(original)
    if before and (project.root / before).is_file() and (project.root / before).resolve() != target.resolve():
        added.unlinked = project.root / before
    if video.resolve() != target.resolve():
        copy_atomic(video, target)
    if captions is not None and caption_target is not None and captions.resolve() != caption_target.resolve():
        copy_atomic(captions, caption_target)
    write_atomic(card, text)
    return added


def _course_language(project: Project) -> str:
    yaml = YAML(typ="safe")
    try:
        data = yaml.load(project.course_file.read_text(encoding="utf-8"))
    except (OSError, YAMLError):  # a broken course.yml is `check`'s to report
        return "nb"
    language = data.get("language") if isinstance(data, dict) else None
    return language if isinstance(language, str) else "nb"


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the editor's long lines
    yaml.indent(mapping=2, sequence=4, offset=2)  # the course's style: `  - item` under a key
    return yaml


def _linked_source(text: str) -> str | None:
    data = YAML(typ="safe").load(text)
    video = data.get("video") if isinstance(data, dict) else None
    source = video.get("source") if isinstance(video, dict) else None
    return source if isinstance(source, str) else None


def _link(text: str, project: Project, source: Path, captions: dict[str, Path]) -> str:
    yaml = _yaml()
    data = yaml.load(text)
    if not isinstance(data, CommentedMap):
        raise AddError("the card is not a YAML mapping; run `startpakke check` and fix it first")
    relative = _project_path(project, source)
    wanted = {lang: _project_path(project, path) for lang, path in captions.items()}
    block = data.get("video")
    if isinstance(block, CommentedMap):
        # Update in place: the round trip keeps everything else, the block's own comments included.
        block["source"] = relative
        existing = block.get("captions")
        if isinstance(existing, CommentedMap):
            for lang, path in wanted.items():
                _append(existing, lang, path)
        elif wanted:
            _append(block, "captions", CommentedMap(wanted))
        out = io.StringIO()
        yaml.dump(data, out)
        return out.getvalue()
    return _insert_block(text, data, relative, wanted)


def _append(mapping: CommentedMap, key: str, value: object) -> None:
    """Set a key. Comment lines that followed the old last key move below the new one, so they stay
    after the block instead of ending up inside it; an end-of-line comment stays where it was."""
    if key in mapping or not mapping:
        mapping[key] = value
        return
    last = list(mapping)[-1]
    tokens = mapping.ca.items.get(last)
    trailing = ""
    if tokens and len(tokens) > 2 and tokens[2] is not None:
        end_of_line, _, trailing = tokens[2].value.partition("\n")
        if trailing:
            if end_of_line.strip():
                tokens[2].value = end_of_line + "\n"
            else:
                tokens[2] = None
    mapping[key] = value
    if trailing:
        owner, owner_key = mapping, key
        while isinstance(owner[owner_key], CommentedMap) and owner[owner_key]:
            owner = owner[owner_key]
            owner_key = list(owner)[-1]
        owner.ca.items[owner_key] = [None, None, CommentToken("\n" + trailing, CommentMark(0), None), None]


def _insert_block(text: str, data: CommentedMap, source: str, captions: dict[str, str]) -> str:
    """Insert a new `video:` block as text, above the next field and the comment that introduces it.

    (ruamel.yaml keeps a comment with the field before it, so inserting through the round trip would
    push the new block in between a field and its trailing, commented-out lines.)
    """
    block = CommentedMap([("source", source)])
    if captions:
        block["captions"] = CommentedMap(captions)
    out = io.StringIO()
    _yaml().dump({"video": block}, out)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    after = [key for key in FIELDS_AFTER_VIDEO if key in data]
    if not after:
        spacer = ["\n"] if lines and lines[-1].strip() else []
        return "".join(lines + spacer + [out.getvalue()])
    at = data.lc.key(after[0])[0]
    while at > 0 and lines[at - 1].startswith("#"):
        at -= 1
    spacer = ["\n"] if at > 0 and not lines[at - 1].strip() else []
    return "".join(lines[:at] + [out.getvalue()] + spacer + lines[at:])


def _project_path(project: Project, path: Path) -> str:
    return path.resolve().relative_to(project.root.resolve()).as_posix()

"""Read a YAML file into plain data plus the line and column of every field in it.

PyYAML's loaders forget positions and silently keep the last of two duplicate keys. Composing the node
tree and constructing it ourselves keeps both problems visible to the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .fieldpath import dotted
from .files import NotRegular, NotUtf8, TooLarge, read_utf8

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FieldPath = tuple[str | int, ...]
MAX_VALUES = 100_000
"""Far above any real card; stops alias bombs («billion laughs») from eating the machine."""
KEY_LINE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?:\s|$)")
"""A `key: value` line, with its indentation (a list item's dash counts as indentation)."""
MAX_BYTES = 256 * 1024
"""A course file holds one card, module or the course's frame: a few KB. Larger is refused unread."""
YAML = "tag:yaml.org,2002:"
ALLOWED_TAGS = {YAML + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
"""What plain YAML resolves to by itself; an explicit tag for anything else (`!!python/object`,
`!!binary`, `!custom`) is refused rather than silently read as something it is not."""


@dataclass
class Document:
    path: Path
    data: Any = None
    values: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    """Where each value starts (1-based line, column)."""
    keys: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    """Where each mapping key stands: the place to point at for unknown or misspelt fields."""
    lines: list[str] = field(default_factory=list)
    """The file's text, for explaining what the parsed values alone cannot show."""

    def where(self, loc: FieldPath, at_key: bool = False) -> tuple[int, int]:
        """The position of `loc`, or of its nearest parent that exists in the file."""
        for end in range(len(loc), -1, -1):
            prefix = tuple(loc[:end])
            table = self.keys if at_key and end == len(loc) else self.values
            if prefix in table:
                return table[prefix]
            if prefix in self.keys:
                return self.keys[prefix]
        return (1, 1)


class YamlProblem(Exception):
    def __init__(self, line: int, col: int, message: str, hint: str = "", field: str = ""):
        super().__init__(message)
        self.line, self.col, self.message, self.hint, self.field = line, col, message, hint, field


def read_document(path: Path) -> Document:
    """Parse one YAML file; raise YamlProblem for anything an editor has to fix in it."""
    return parse_document(path, read_text(path))


class Rereader:
    """Reads course files for a process that reads them again and again (`serve`): a file whose text
    is what it was is not parsed again. Its documents are shared, so nothing may change them."""

    def __init__(self) -> None:
        self._parsed: dict[Path, tuple[str, Document]] = {}

    def __call__(self, path: Path) -> Document:
        text = read_text(path)
        kept = self._parsed.get(path)
        if kept and kept[0] == text:
            return kept[1]
        document = parse_document(path, text)
        self._parsed[path] = (text, document)
        return document


def read_text(path: Path) -> str:
    """A course file's text; YamlProblem when it is not a course file's size, encoding or kind."""
    try:
        text = read_utf8(path, MAX_BYTES)
    except NotUtf8 as error:
        raise YamlProblem(
            error.line, 1, "the file is not UTF-8 text",
            "save it as UTF-8 (in most editors: «Save with encoding» → UTF-8)",
        ) from None
    except TooLarge as error:
        raise YamlProblem(
            1, 1, f"the file is {_size(error.size)}; a course file may be at most {_size(error.limit)}",
            "a course file holds one card or module: move long text out, or split the module",
        ) from None
    except NotRegular:
        raise YamlProblem(1, 1, "this is not a plain file", "replace it with a .yml text file") from None
    return text


def parse_document(path: Path, text: str) -> Document:
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise YamlProblem(1, 1, "the file is empty", "fill it in, or delete it")
    _refuse_tabs(text)
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        document = Document(path, lines=text.splitlines())
        document.data = _construct(loader, node, (), document)
        return document
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(filter(None, [error.problem, error.context]))
        too_far = _indented_too_far(text, line)
        if too_far:
            raise YamlProblem(line, col, *too_far) from None
        raise YamlProblem(line, col, f"YAML syntax error: {problem}", _syntax_hint(text, line)) from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, 1, f"YAML syntax error: {error}") from None
    except RecursionError:
        raise YamlProblem(1, 1, "the file is nested too deeply to be a course file") from None
    finally:
        loader.dispose()


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 1e6 else f"{count / 1024:.0f} KB"


def _refuse_tabs(text: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise YamlProblem(
                number, indent.index("\t") + 1, "a tab is used for indentation",
                "YAML indents with spaces only: replace the tab with spaces",
            )


def _indented_too_far(text: str, line: int) -> tuple[str, str] | None:
    """`minutes: 40` indented under `text: …`: YAML reads it as more of that text, and stops at its colon."""
    lines = text.splitlines()
    if not 1 < line <= len(lines):
        return None
    current = KEY_LINE.match(lines[line - 1])
    above = next((KEY_LINE.match(l) for l in reversed(lines[:line - 1]) if l.strip()), None)
    if current and above and len(current.group(1)) > len(above.group(1)):
        return (f"`{current.group(2)}:` is indented further than `{above.group(2)}:` on the line above",
                f"line it up with `{above.group(2)}:` (the same number of spaces), or put the text in quotes")
    return None


def _syntax_hint(text: str, line: int) -> str:
    lines = text.splitlines()
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if ": " in current.split("#")[0].partition(": ")[2]:
        return "a value that contains «: » must be put in quotes"
    return "check the indentation and that every `key: value` pair has a space after the colon"


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(YAML):] if tag.startswith(YAML) else tag


def _construct(loader: Any, node: yaml.Node, path: FieldPath, document: Document,
               open_nodes: frozenset[int] = frozenset()) -> Any:
    at = (node.start_mark.line + 1, node.start_mark.column + 1)
    if id(node) in open_nodes:
        raise YamlProblem(*at, "an alias (*name) refers to the block it stands in",
                          "YAML cannot repeat a block inside itself: remove the alias")
    if len(document.values) >= MAX_VALUES:
        raise YamlProblem(*at, "the file is far too large for a course file",
                          "check aliases (*name): each copies a whole block")
    document.values[path] = at
    open_nodes = open_nodes | {id(node)}
    if node.tag not in ALLOWED_TAGS:
        raise YamlProblem(*at, f"the YAML tag `{_short_tag(node.tag)}` is not allowed in course files",
                          "remove it: write plain text, numbers, lists and `field: value` lines",
                          field=dotted(path))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == YAML + "merge":
                # Merging copies blocks before anything can count them: refused, not needed for cards.
                raise YamlProblem(
                    key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    "merge keys (`<<:`) are not allowed in course files",
                    "write the fields out in full: each card and module stands on its own",
                    field=dotted(path))
            key = loader.construct_object(key_node, deep=True)
            key_at = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise YamlProblem(*key_at, "a field name must be plain text")
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                first = document.keys[path + (key,)][0]
                raise YamlProblem(
                    *key_at, f"`{key}` is given twice (first on line {first})",
                    "YAML keeps only the last one: remove or merge one of them",
                    field=dotted(path + (key,)),
                )
            document.keys[path + (key,)] = key_at
            result[key] = _construct(loader, value_node, path + (key,), document, open_nodes)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(loader, item, path + (i,), document, open_nodes)
            for i, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)

"""One PDF from pieces: the deck from the pages before the cards and each card, written on their own.

A card laid out and written once is kept (see `pieces`); a deck is put together from the kept pieces,
so a changed card costs its own layout, not the deck's. The result reads as one document:
- one structure tree: every piece's elements in order under one Document, page keys renumbered;
- every piece's outline and named destinations (the cards' headings, the anchors of their sides);
- each font once: WeasyPrint embeds in each piece a subset of a face that keeps every glyph's id
  (retain-gids), so the pieces' subsets differ in which glyphs they hold, never in where; the deck
  gets one subset of the face with the glyphs of all of them, made from the same face file, with
  their widths and Unicode maps joined.
qpdf (through pikepdf) does the copying: a 1228-page deck in seconds, written in compressed object streams.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from .fonts import font_files


def merge(pieces: Sequence[bytes], title: str, language: str, author: str) -> bytes:
    """The pieces as one document, titled `title`, ready to publish."""
    with merged(pieces) as document:
        titled(document, title, language, author)
        return saved(document)


def titled(document: Pdf, title: str, language: str, author: str) -> None:
    """What a reader's viewer shows and reads aloud of a document as a whole: its title, language and author."""
    document.Root.Lang = pikepdf.String(language)
    document.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    document.docinfo = document.make_indirect(Dictionary(
        Title=pikepdf.String(title), Author=pikepdf.String(author), Creator=pikepdf.String("Startpakke")))


def saved(document: Pdf) -> bytes:
    out = io.BytesIO()
    document.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    return out.getvalue()


BATCH = 100
"""Pieces merged at a time: the merged document keeps every object it copied from a piece in memory
until it is written, so a large deck is merged in batches, and the batches into one (1500 A5 cards:
413 MB at the most, against 544 MB all at once)."""


def merged(pieces: Sequence[bytes]) -> Pdf:
    """The pieces as one open document (close it when done)."""
    if len(pieces) > BATCH:
        batches = []
        for start in range(0, len(pieces), BATCH):
            with merged(pieces[start:start + BATCH]) as batch:
                batches.append(saved(batch))
        return merged(batches)
    document = pikepdf.new()
    tree = document.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    top = document.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=tree))
    kids: list[pikepdf.Object] = []
    nums: list[int | pikepdf.Object] = []  # Python lists: a pikepdf Array grows in quadratic time
    next_key = 0
    outline: list[_Item] = []
    names: dict[str, pikepdf.Object] = {}
    for piece in pieces:
        # Once copied, the piece may go: qpdf copies stream data when `document` is written, from the
        # piece's bytes, which it keeps (setImmediateCopyFrom in qpdf's QPDF.hh).
        source = Pdf.open(io.BytesIO(piece))
        offset = next_key
        next_key += _shift_keys(source, offset)
        first_page = len(document.pages)
        document.pages.extend(source.pages)
        root = source.Root.get(Name.StructTreeRoot)
        if root is not None:
            for element in element_kids(root):
                parts = element_kids(element) if element.get(Name.S) == Name.Document else [element]
                for part in parts:
                    del part.P  # the piece's root: copied, it would bring the piece's whole tree again
                    kid = document.copy_foreign(part)
                    kid.P = top
                    kids.append(kid)
            for key, value in _numbers(root.ParentTree):
                nums += [key + offset, copied(document, value)]
            for extra in (Name.RoleMap, Name.ClassMap, Name.Namespaces):
                if extra in root and extra not in tree:
                    tree[extra] = copied(document, root[extra])
        for name, destination in _destinations(source):
            names[name] = copied(document, destination)
        outline += _outline_items(source, first_page)
    top.K = Array(kids)
    tree.K = Array([top])
    tree.ParentTree = document.make_indirect(Dictionary(Nums=Array(nums)))
    tree.ParentTreeNextKey = next_key
    document.Root.StructTreeRoot = tree
    document.Root.MarkInfo = Dictionary(Marked=True)
    _join_outlines(document, outline)
    if names:
        document.Root.Names = Dictionary(Dests=document.make_indirect(Dictionary(
            Names=Array([item for name in sorted(names) for item in (pikepdf.String(name), names[name])]))))
    _share_fonts(document)
    return document


def copied(document: Pdf, value: pikepdf.Object) -> pikepdf.Object:
    """`value` from another PDF, in `document`: what it refers to is copied once, however often it
    is referred to (qpdf remembers what it copied from each PDF)."""
    if isinstance(value, (Array, Dictionary, pikepdf.Stream)) and value.is_indirect:
        return document.copy_foreign(value)
    if isinstance(value, Array):
        return Array([copied(document, item) for item in value])
    if isinstance(value, Dictionary):
        return Dictionary({key: copied(document, item) for key, item in value.items()})
    return value


def _shift_keys(source: Pdf, offset: int) -> int:
    """Move the piece's structure keys (its pages' and links') up by `offset`, so they follow the
    pieces before it; the number of keys it uses."""
    used = 0
    for page in source.pages:
        if Name.StructParents in page.obj:
            used = max(used, int(page.obj.StructParents) + 1)
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annotation in page.obj.get(Name.Annots, []):
            if Name.StructParent in annotation:
                used = max(used, int(annotation.StructParent) + 1)
                annotation.StructParent = int(annotation.StructParent) + offset
    return used


def element_kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    """A structure element's /K as a list (one kid may stand on its own)."""
    kids = element.get(Name.K)
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def number_arrays(tree: pikepdf.Object) -> Iterator[pikepdf.Object]:
    """The /Nums arrays of a number tree (key, value, key, value, …): its own and its kids'."""
    yield tree.get(Name.Nums, Array())
    for kid in tree.get(Name.Kids, Array()):
        yield from number_arrays(kid)


def _numbers(tree: pikepdf.Object) -> Iterator[tuple[int, pikepdf.Object]]:
    """The (key, value) pairs of a number tree, its kids' too."""
    for nums in number_arrays(tree):
        for index in range(0, len(nums), 2):
            yield int(nums[index]), nums[index + 1]


def _destinations(source: Pdf) -> Iterator[tuple[str, pikepdf.Object]]:
    names = source.Root.get(Name.Names)
    if names is not None and Name.Dests in names:
        yield from pikepdf.NameTree(names.Dests).items()


# The outline ------------------------------------------------------------------------------------

@dataclass
class _Item:
    title: str
    page: int
    """In the merged document."""
    view: list
    children: list[_Item] = field(default_factory=list)


def _outline_items(source: Pdf, first_page: int) -> list[_Item]:
    pages = {page.obj.objgen: index for index, page in enumerate(source.pages)}

    def items(parent: pikepdf.Object) -> list[_Item]:
        found, item = [], parent.get(Name.First)
        while item is not None:
            destination = item.get(Name.Dest)
            if isinstance(destination, Array) and destination[0].objgen in pages:
                found.append(_Item(str(item.Title), first_page + pages[destination[0].objgen],
                                   list(destination[1:]), items(item)))
            item = item.get(Name.Next)
        return found

    outlines = source.Root.get(Name.Outlines)
    return items(outlines) if outlines is not None else []


def _join_outlines(document: Pdf, items: list[_Item]) -> None:
    with document.open_outline() as outline:
        def made(item: _Item) -> pikepdf.OutlineItem:
            entry = pikepdf.OutlineItem(item.title)
            entry.destination = Array([document.pages[item.page].obj, *item.view])
            entry.children.extend(made(child) for child in item.children)
            return entry

        outline.root.extend(made(item) for item in items)


# Fonts ------------------------------------------------------------------------------------------

_BF_CHAR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")


@dataclass
class _Font:
    """One face as the pieces use it: its glyphs' widths and text, and the first piece's dictionary."""

    first: pikepdf.Object
    widths: dict[int, float] = field(default_factory=dict)
    text: dict[int, bytes] = field(default_factory=dict)
    """Each glyph's Unicode text, as UTF-16BE hex digits."""


def _share_fonts(document: Pdf) -> None:
    """One font dictionary for each of our faces, for every page."""
    resources = {}
    for page in document.pages:
        fonts = page.obj.get(Name.Resources, Dictionary()).get(Name.Font)
        if fonts is not None:
            resources.setdefault(fonts.objgen if fonts.is_indirect else id(fonts), fonts)
    fonts: dict[str, _Font] = {}
    for entries in resources.values():
        for ref in entries.values():
            base = str(ref.BaseFont)
            if _face_file(base) is None:
                continue  # not one of the card faces: the piece keeps its own
            font = fonts.setdefault(base, _Font(ref))
            descendant = ref.DescendantFonts[0]
            font.widths.update(_widths(descendant.get(Name.W, Array())))
            font.text.update(_unicode_map(ref.ToUnicode.read_bytes()))
    joined = {base: _joined(document, base, font) for base, font in fonts.items()}
    for entries in resources.values():
        for name in list(entries.keys()):
            base = str(entries[name].BaseFont)
            if base in joined:
                entries[name] = joined[base]


def _joined(document: Pdf, base: str, font: _Font) -> pikepdf.Object:
    """A copy of the face's first dictionary, with a subset holding every piece's glyphs."""
    source = font.first.DescendantFonts[0]
    descriptor = Dictionary({key: value for key, value in source.FontDescriptor.items()
                             if key not in ("/FontFile2", "/CIDSet")})
    data = _subset(_face_file(base), sorted(font.widths))  # type: ignore[arg-type]
    descriptor.FontFile2 = pikepdf.Stream(document, data, Length1=len(data))
    descendant = Dictionary({key: value for key, value in source.items() if key not in ("/FontDescriptor", "/W")})
    descendant.FontDescriptor = document.make_indirect(descriptor)
    descendant.W = _widths_array(font.widths)
    joined = Dictionary({key: value for key, value in font.first.items() if key not in ("/DescendantFonts", "/ToUnicode")})
    joined.DescendantFonts = Array([document.make_indirect(descendant)])
    joined.ToUnicode = pikepdf.Stream(document, _unicode_cmap(font.text))
    return document.make_indirect(joined)


def _face_file(base: str) -> Path | None:
    """The file of one of the card faces, from WeasyPrint's name for it (`/ABCDEF+Startpakke-Sans-Bold`)."""
    words = base.split("+", 1)[-1].split("-")
    for face, path in font_files().items():
        if face.family.split() == words[:2] and set(words[2:]) <= {"Bold", "Italic"} \
                and ("Bold" in words) == (face.weight == 700) and ("Italic" in words) == (face.style == "italic"):
            return path
    return None


def _subset(path: Path, glyphs: list[int]) -> bytes:
    """The face with only `glyphs`, each at its own id, as WeasyPrint subsets it."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    dropped = ["BASE", "DSIG", "EBDT", "EBLC", "EBSC", "GPOS", "GSUB", "JSTF", "LTSH", "PCLT", "SVG "]
    options = subset.Options(retain_gids=True, passthrough_tables=True, ignore_missing_glyphs=True,
                             hinting=False, desubroutinize=True, notdef_outline=True)
    options.drop_tables += dropped
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=glyphs)
    font = TTFont(path, lazy=True)
    for tag in dropped:  # before subsetting, which would otherwise read them (most of its time)
        if tag in font:
            del font[tag]
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _widths(array: pikepdf.Object) -> dict[int, float]:
    """A CID font's /W array (`first [w w …]` or `first last w`) as widths by glyph id."""
    widths: dict[int, float] = {}
    items, index = list(array), 0
    while index < len(items):
        first, following = int(items[index]), items[index + 1]
        if isinstance(following, Array):
            widths.update({first + offset: float(w) for offset, w in enumerate(following)})
            index += 2
        else:
            widths.update({gid: float(items[index + 2]) for gid in range(first, int(following) + 1)})
            index += 3
    return widths


def _widths_array(widths: dict[int, float]) -> Array:
    runs: list[list[float]] = []
    starts: list[int] = []
    for gid in sorted(widths):
        if not runs or gid - 1 not in widths:
            starts.append(gid)
            runs.append([])
        runs[-1].append(widths[gid])
    return Array([item for start, run in zip(starts, runs) for item in (start, Array(run))])


def _unicode_map(cmap: bytes) -> dict[int, bytes]:
    return {int(glyph, 16): text for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S)
            for glyph, text in _BF_CHAR.findall(block)}


def _unicode_cmap(text: dict[int, bytes]) -> bytes:
    lines = [b"/CIDInit /ProcSet findresource begin", b"12 dict begin", b"begincmap",
             b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             b"/CMapName /Adobe-Identity-UCS def", b"/CMapType 2 def",
             b"1 begincodespacerange", b"<0000> <ffff>", b"endcodespacerange"]
    items = sorted(text.items())
    for start in range(0, len(items), 100):
        batch = items[start:start + 100]
        lines.append(f"{len(batch)} beginbfchar".encode())
        lines += [b"<%04x> <%s>" % (glyph, code) for glyph, code in batch]
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    return b"\n".join(lines)

"""Keep a tagged PDF tagged when its pages are placed on sheets (see `impose`).

WeasyPrint tags each page's content by marked-content ids (MCIDs) and ties them to a structure tree
(headings, lists, figures with their text alternatives) in the document's reading order. Imposition
moves each card page's content into a Form XObject drawn on a sheet; the PDF standard lets structure
point into such a stream (a marked-content reference with /Stm, ISO 32000-1, 14.7.4.3), so the tree is
copied with every reference to a card page's content pointed at its form. What only the sheet holds
(crop marks, the sheet's label) stays out of the tree, as a printer's marks should.
"""

from __future__ import annotations

from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
)

Placed = dict[int, tuple[IndirectObject, IndirectObject]]
"""Source page number → (the form that now holds its content, the sheet it is first drawn on)."""

_OWN = {"/P", "/K", "/Pg"}
"""Keys of a structure element that point into the source document and are made anew."""
_PLAIN = {"/Type", "/S", "/NS", *_OWN}
"""A /Span or /NonStruct with nothing but these says nothing to a reader: its content joins its
parent's. WeasyPrint makes one for every inline box; leaving them out keeps the file small (pypdf
writes each element as an object of its own, uncompressed)."""


@dataclass
class _Content:
    """A marked-content reference, and the source page whose content it was."""

    mcr: DictionaryObject
    page: int


def carry_structure(source: PdfReader, writer: PdfWriter, placed: Placed) -> None:
    """Give `writer` the structure tree of `source`, for the content now in the forms of `placed`."""
    tree = source.trailer["/Root"].get("/StructTreeRoot")
    if tree is None:
        return
    tree = tree.get_object()
    page_of = {page.indirect_reference.idnum: number for number, page in enumerate(source.pages)}
    owners: dict[int, dict[int, IndirectObject]] = {}
    """Source page number → MCID → the element that owns that content (for the parent tree)."""

    def content(mcid: PdfObject, page: int) -> _Content:
        form, sheet = placed[page]
        return _Content(DictionaryObject({
            NameObject("/Type"): NameObject("/MCR"),
            NameObject("/MCID"): NumberObject(int(mcid)),
            NameObject("/Stm"): form,
            NameObject("/Pg"): sheet,
        }), page)

    def element(kids: list[IndirectObject | _Content], keys: DictionaryObject,
                page: int | None = None) -> IndirectObject:
        new = DictionaryObject({NameObject(k): v.clone(writer) for k, v in keys.items() if k not in _OWN})
        ref = writer._add_object(new)
        if page is not None:
            new[NameObject("/Pg")] = placed[page][1]
        for kid in kids:
            if isinstance(kid, _Content):
                owners.setdefault(kid.page, {})[int(kid.mcr["/MCID"])] = ref
            else:
                kid.get_object()[NameObject("/P")] = ref
        new[NameObject("/K")] = ArrayObject(kid.mcr if isinstance(kid, _Content) else kid for kid in kids)
        return ref

    def copy(source_ref: PdfObject) -> list[IndirectObject | _Content]:
        """The element as it goes into the new tree: itself, its content alone, or nothing."""
        old = source_ref.get_object()
        page = page_of.get(old.raw_get("/Pg").idnum) if "/Pg" in old else None
        if page is not None and page not in placed:
            return []  # on a sheet, not on a card
        kids: list[IndirectObject | _Content] = []
        for kid in _kids(old):
            if isinstance(kid, NumberObject):
                assert page is not None, "marked content belongs to a page"
                kids.append(content(kid, page))
                continue
            child = kid.get_object()
            if child.get("/Type") == "/MCR":
                on = page_of.get(child.raw_get("/Pg").idnum) if "/Pg" in child else page
                if on in placed:
                    kids.append(content(child["/MCID"], on))  # type: ignore[arg-type]
            elif child.get("/Type") != "/OBJR":  # annotations (links) are not carried onto the sheets
                kids += copy(kid)
        if old.get("/S") in ("/Span", "/NonStruct") and set(old) <= _PLAIN:
            return kids
        if not kids and "/Alt" not in old:
            return []  # an empty box: nothing to read
        return [element(kids, old, page)]

    document = [kid for old in _kids(tree) for kid in copy(old)]
    root_ref = element(document, DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")}))
    root = root_ref.get_object()
    for key in ("/RoleMap", "/ClassMap", "/Namespaces"):
        if key in tree:
            root[NameObject(key)] = tree[key].clone(writer)
    nums = ArrayObject()
    for key, page in enumerate(sorted(owners)):
        placed[page][0].get_object()[NameObject("/StructParents")] = NumberObject(key)
        mcids = owners[page]
        nums += [NumberObject(key), ArrayObject(mcids.get(mcid, NullObject()) for mcid in range(max(mcids) + 1))]
    root[NameObject("/ParentTree")] = writer._add_object(DictionaryObject({NameObject("/Nums"): nums}))
    root[NameObject("/ParentTreeNextKey")] = NumberObject(len(owners))
    catalog = writer._root_object
    catalog[NameObject("/StructTreeRoot")] = root_ref
    catalog[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    for page in writer.pages:  # the sheets' own marked content belongs to no element
        if "/StructParents" in page:
            del page["/StructParents"]


def _kids(element: DictionaryObject) -> list[PdfObject]:
    kids = element.get("/K")
    if kids is None:
        return []
    kids = kids.get_object() if isinstance(kids, IndirectObject) else kids
    return list(kids) if isinstance(kids, ArrayObject) else [kids]

"""Keep a tagged PDF tagged, and small: when its pages are placed on sheets (see `impose`), and in
the pieces decks are merged from (see `pieces`).

WeasyPrint tags each page's content by marked-content ids (MCIDs) and ties them to a structure tree
(headings, lists, figures with their text alternatives) in the document's reading order. Imposition
moves each card page's content into a Form XObject drawn on a sheet; the PDF standard lets structure
point into such a stream (a marked-content reference with /Stm, ISO 32000-1, 14.7.4.3), so the tree is
copied with every reference to a card page's content pointed at its form. What only the sheet holds
(crop marks, the sheet's label) stays out of the tree, as a printer's marks should.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from .merge import copied, element_kids, number_arrays

Placed = dict[int, tuple[pikepdf.Object, pikepdf.Object]]
"""Source page number → (the form that now holds its content, the sheet it is first drawn on)."""

_OWN = {"/P", "/K", "/Pg"}
"""Keys of a structure element that point into the source document and are made anew."""
_PLAIN = {"/Type", "/S", "/NS", *_OWN}
"""A /Span or /NonStruct with nothing but these says nothing to a reader: its content joins its
parent's. WeasyPrint makes one for every inline box; leaving them out keeps the tree small."""


def _is_element(kid: pikepdf.Object | int) -> bool:
    """A structure element among an element's kids, not its content (an MCID, a marked-content or
    an object reference)."""
    return isinstance(kid, Dictionary) and kid.get(Name.Type) not in (Name.MCR, Name.OBJR)


def _plain(element: pikepdf.Object) -> bool:
    return element.get(Name.S) in (Name.Span, Name.NonStruct) and set(element.keys()) <= _PLAIN


def without_plain_elements(data: bytes) -> bytes:
    """The PDF with its plain /Span and /NonStruct elements left out: their content and kids join
    their parent, which the parent tree then names as the content's owner. They are about half of a
    card's elements, and a 1500-card deck is merged with every element of every card in memory."""
    pdf = Pdf.open(io.BytesIO(data))
    tree = pdf.Root.get(Name.StructTreeRoot)
    if tree is None:
        return data
    owner: dict[tuple[int, int], pikepdf.Object] = {}
    """A left-out element (by object number) → the element its content went to."""

    def keep_kids(element: pikepdf.Object, page: pikepdf.Object | None) -> None:
        page = element.get(Name.Pg, page)  # what an MCID of the element is numbered on
        kids: list[pikepdf.Object | int] = []
        for kid in element_kids(element):
            if not _is_element(kid):
                kids.append(kid)
                continue
            keep_kids(kid, page)
            if not _plain(kid):
                kids.append(kid)
                continue
            owner[kid.objgen] = element
            on = kid.get(Name.Pg, page)
            for grandkid in element_kids(kid):
                if isinstance(grandkid, int) and on is not None and (page is None or on.objgen != page.objgen):
                    grandkid = Dictionary(Type=Name.MCR, Pg=on, MCID=grandkid)  # numbered on another page
                elif _is_element(grandkid):
                    grandkid.P = element
                kids.append(grandkid)
        if Name.K in element:
            element.K = Array(kids)

    def kept(element: pikepdf.Object) -> pikepdf.Object:
        while isinstance(element, Dictionary) and element.objgen in owner:
            element = owner[element.objgen]
        return element

    for top in element_kids(tree):
        keep_kids(top, None)
    for nums in number_arrays(tree[Name.ParentTree]) if Name.ParentTree in tree else []:
        for index in range(1, len(nums), 2):
            value = nums[index]
            if isinstance(value, Array):
                for position, element in enumerate(value):
                    value[position] = kept(element)
            else:
                nums[index] = kept(value)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@dataclass
class _Content:
    """A marked-content reference, and the source page whose content it was."""

    mcr: pikepdf.Object
    page: int


def carry_structure(source: Pdf, out: Pdf, placed: Placed) -> None:
    """Give `out` the structure tree of `source`, for the content now in the forms of `placed`."""
    tree = source.Root.get(Name.StructTreeRoot)
    if tree is None:
        return
    page_of = {page.obj.objgen: number for number, page in enumerate(source.pages)}
    owners: dict[int, dict[int, pikepdf.Object]] = {}
    """Source page number → MCID → the element that owns that content (for the parent tree)."""

    def content(mcid: int, page: int) -> _Content:
        form, sheet = placed[page]
        return _Content(Dictionary(Type=Name.MCR, MCID=mcid, Stm=form, Pg=sheet), page)

    def element(kids: list[pikepdf.Object | _Content], keys: pikepdf.Object,
                page: int | None = None) -> pikepdf.Object:
        new = out.make_indirect(Dictionary({key: copied(out, value) for key, value in keys.items()
                                            if key not in _OWN}))
        if page is not None:
            new.Pg = placed[page][1]
        for kid in kids:
            if isinstance(kid, _Content):
                owners.setdefault(kid.page, {})[int(kid.mcr.MCID)] = new
            else:
                kid.P = new
        new.K = Array([kid.mcr if isinstance(kid, _Content) else kid for kid in kids])
        return new

    def copy(old: pikepdf.Object) -> list[pikepdf.Object | _Content]:
        """The element as it goes into the new tree: itself, its content alone, or nothing."""
        page = page_of.get(old.Pg.objgen) if Name.Pg in old else None
        if page is not None and page not in placed:
            return []  # on a sheet, not on a card
        kids: list[pikepdf.Object | _Content] = []
        for kid in element_kids(old):
            if isinstance(kid, int):
                assert page is not None, "marked content belongs to a page"
                kids.append(content(int(kid), page))
                continue
            kind = kid.get(Name.Type)
            if kind == Name.MCR:
                on = page_of.get(kid.Pg.objgen) if Name.Pg in kid else page
                if on in placed:
                    kids.append(content(int(kid.MCID), on))  # type: ignore[arg-type]
            elif kind != Name.OBJR:  # annotations (links) are not carried onto the sheets
                kids += copy(kid)
        if not kids and Name.Alt not in old:
            return []  # an empty box: nothing to read
        return [element(kids, old, page)]

    document = [kid for old in element_kids(tree) for kid in copy(old)]
    root = element(document, Dictionary(Type=Name.StructTreeRoot))
    for key in (Name.RoleMap, Name.ClassMap, Name.Namespaces):
        if key in tree:
            root[key] = copied(out, tree[key])
    nums: list[int | pikepdf.Object] = []  # a Python list: a pikepdf Array grows in quadratic time
    for key, page in enumerate(sorted(owners)):
        placed[page][0].StructParents = key
        mcids = owners[page]
        nums += [key, Array([mcids.get(mcid, None) for mcid in range(max(mcids) + 1)])]
    root.ParentTree = out.make_indirect(Dictionary(Nums=Array(nums)))
    root.ParentTreeNextKey = len(owners)
    out.Root.StructTreeRoot = root
    out.Root.MarkInfo = Dictionary(Marked=True)

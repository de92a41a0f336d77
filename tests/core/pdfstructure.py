"""Read a PDF's accessibility structure back as assistive technology and archives see it (pikepdf).

core/pdf.render_pdf writes it: the structure tree (tags, alternative texts, table header scopes),
the catalog's language, title display and MarkInfo, and the XMP identification of PDF/UA and PDF/A.
(This module is no test file, so pytest does not rewrite its asserts: they carry their own messages.)
"""

import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import pikepdf

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"


@dataclass
class Node:
    tag: str
    alt: str | None = None
    scope: str | None = None
    children: list["Node"] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find_all(self, tag: str) -> list["Node"]:
        return [node for node in self.walk() if node.tag == tag]


def _node(element) -> Node:
    attributes = element.get("/A")
    scope = None
    if isinstance(attributes, pikepdf.Dictionary) and "/Scope" in attributes:
        scope = str(attributes["/Scope"])[1:]
    alt = str(element["/Alt"]) if "/Alt" in element else None
    node = Node(tag=str(element["/S"])[1:], alt=alt, scope=scope)
    kids = element.get("/K")
    if kids is None:
        return node
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            node.children.append(_node(kid))
    return node


@dataclass
class Structure:
    pdf: pikepdf.Pdf
    root: Node

    @property
    def catalog(self):
        return self.pdf.Root

    def headings(self) -> list[str]:
        return [node.tag for node in self.root.walk() if node.tag in {"H1", "H2", "H3", "H4", "H5", "H6"}]

    def xmp(self) -> ET.Element:
        xml = bytes(self.pdf.Root.Metadata.read_bytes())
        return ET.fromstring(xml[xml.index(b"<x:xmpmeta") : xml.rindex(b"</x:xmpmeta>") + len(b"</x:xmpmeta>")])  # noqa: S314 - our own output

    def xmp_values(self, name: str) -> list[str]:
        """Every value of an XMP property, written as an attribute or as an element."""
        values = []
        for element in self.xmp().iter():
            if name in element.attrib:
                values.append(element.attrib[name])
            if element.tag == name and element.text:
                values.append(element.text)
        return values


def read_structure(pdf: bytes) -> Structure:
    document = pikepdf.open(io.BytesIO(pdf))
    tree = document.Root.get("/StructTreeRoot")
    assert tree is not None, "the PDF has no structure tree (it is not tagged)"
    kids = tree["/K"]
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    root = Node(tag="StructTreeRoot", children=[_node(kid) for kid in kids])
    return Structure(pdf=document, root=root)


def assert_accessible(pdf: bytes, *, title: str) -> Structure:
    """The catalog facts PDF/UA-1 asks of every document; returns the structure for further checks."""
    structure = read_structure(pdf)
    catalog = structure.catalog
    assert str(catalog.get("/Lang")) == "sv", catalog.get("/Lang")
    assert bool(catalog.MarkInfo.Marked) is True, catalog.get("/MarkInfo")
    assert bool(catalog.ViewerPreferences.DisplayDocTitle) is True, catalog.get("/ViewerPreferences")
    assert str(structure.pdf.docinfo.get("/Title")) == title, structure.pdf.docinfo.get("/Title")
    assert structure.xmp_values(f"{PDFUAID}part") == ["1"], structure.xmp_values(f"{PDFUAID}part")
    return structure


def assert_archival(structure: Structure, *, part: str = "2", conformance: str = "A") -> None:
    """PDF/A: the XMP says which part and level, and the colours have an output intent."""
    assert structure.xmp_values(f"{PDFAID}part") == [part], structure.xmp_values(f"{PDFAID}part")
    assert structure.xmp_values(f"{PDFAID}conformance") == [conformance]
    intents = structure.catalog.get("/OutputIntents")
    assert intents is not None and len(intents) == 1, intents
    assert str(intents[0].S) == "/GTS_PDFA1" and "/DestOutputProfile" in intents[0], intents[0]


def assert_headings_in_order(headings: list[str]) -> None:
    """H1 first, and no level skipped on the way down (H2 → H4 would lose a screen reader's outline)."""
    assert headings and headings[0] == "H1", headings[:3]
    for before, after in zip(headings, headings[1:], strict=False):
        assert int(after[1]) <= int(before[1]) + 1, f"{before} followed by {after} in {headings}"

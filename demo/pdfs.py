"""Small, real PDFs written by hand: pages of text in any alphabet, with nothing committed to
the repository. The demo's documents and the tests use them.

Each file uses the standard Helvetica font with an encoding of its own: ASCII as itself and
up to 128 other characters (Cyrillic, accented letters) on the codes above 127, named by
their Unicode glyph names (`uni0416`) so viewers draw them, and a ToUnicode map so that text
extraction (pypdf, search engines, screen readers) reads them exactly.
"""

import textwrap
import zlib

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
LINES_PER_PAGE = 46
LINE_WIDTH = 80


def _encoding(text):
    """{character: code} for the characters beyond ASCII (at most 128 of them)."""
    extra = sorted({c for c in text if ord(c) > 126 or ord(c) < 32} - {"\n"})
    return {char: 128 + i for i, char in enumerate(extra[:128])}


def _encode(line, codes):
    out = bytearray()
    for char in line:
        code = ord(char) if 32 <= ord(char) <= 126 else codes.get(char, ord("?"))
        if code in (0x28, 0x29, 0x5C):  # ( ) \ are escaped in a PDF string
            out += b"\\"
        out.append(code)
    return bytes(out)


def _to_unicode(codes):
    pairs = "".join(f"<{code:02X}> <{ord(char):04X}>\n" for char, code in codes.items())
    ascii_range = "<20> <7E> <0020>\n"
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Custom def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"1 beginbfrange\n{ascii_range}endbfrange\n"
        f"{len(codes)} beginbfchar\n{pairs}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def _lines(paragraphs):
    lines = []
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, LINE_WIDTH) or [""]
        lines.append("")
    return lines


def _page_stream(title, lines, number, codes):
    commands = [b"BT", b"/F1 16 Tf", b"56 790 Td", b"(" + _encode(title, codes) + b") Tj"]
    commands += [b"/F1 10 Tf", b"0 -28 Td", b"14 TL"]
    for line in lines:
        commands.append(b"(" + _encode(line, codes) + b") '")
    commands += [b"ET", b"BT /F1 9 Tf 290 30 Td (" + str(number).encode() + b") Tj ET"]
    return b"\n".join(commands)


def pdf_bytes(title, paragraphs, *, pages=None):
    """A PDF of `paragraphs` under `title` on each page; `pages` pads or cuts to that many
    pages (each padded page repeats the text from the start)."""
    lines = _lines(paragraphs)
    chunks = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]
    if pages:
        chunks = [chunks[i % len(chunks)] for i in range(pages)]
    codes = _encoding(title + "".join(paragraphs))
    differences = " ".join(f"{code} /uni{ord(char):04X}" for char, code in codes.items())
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: (
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
            b"/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences ["
            + differences.encode()
            + b"] >> /ToUnicode 4 0 R >>"
        ),
    }
    streams = {4: zlib.compress(_to_unicode(codes))}
    kids = []
    for index, chunk in enumerate(chunks):
        page_id, content_id = 5 + 2 * index, 6 + 2 * index
        kids.append(f"{page_id} 0 R".encode())
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
        ).encode()
        streams[content_id] = zlib.compress(_page_stream(title, chunk, index + 1, codes))
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    for number, data in streams.items():
        objects[number] = (
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets.get(number, 0)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)

"""Rebuild the example PDF and Word records: `python bench/make_examples.py` (writes them into `examples/`).

Both hold one invented memorandum of conversation, written for cwkg (the persons never existed; the states are
real): a typed record as a historian would have it, with its header lines (classification, Date, Time, Place,
Participants, Subject, Drafted by) and, for the PDF, two printed pages, so each position's evidence names its page.
The PDF is written by a minimal PDF writer below (standard Helvetica, a text layer and nothing else): no library
is needed to rebuild it, and the tests write their own PDFs with it. The Word file is written with python-docx.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "examples"

PDF_PAGES = [
    [
        "CONFIDENTIAL",
        "",
        "MEMORANDUM OF CONVERSATION",
        "",
        "Date: 11 October 1963",
        "Time: 11:00 a.m.",
        "Place: Warsaw, Ministry of Foreign Affairs",
        "Participants: Adam Nowak, Deputy Minister of Foreign Affairs of Poland;",
        "    Pyotr Ivanov, Counsellor of the Embassy of the USSR in Poland",
        "Subject: The test ban treaty and the German question",
        "Drafted by: Adam Nowak",
        "",
        "Counsellor Ivanov called on me at his own request.",
        "",
        "Ivanov said that the Soviet Union regarded the treaty banning nuclear tests",
        "as a first step and hoped that France would also sign it.",
    ],
    [
        "I replied that Poland welcomed the treaty and would support any proposal",
        "for a zone free of nuclear weapons in Central Europe.",
        "",
        "Ivanov stated that the Soviet Union would not accept the arming of West",
        "Germany with nuclear weapons.",
        "",
        "Adam Nowak",
    ],
]

WORD_PARAGRAPHS = [
    "MEMORANDUM OF CONVERSATION",
    "Date: 4 March 1964",
    "Place: Moscow, Embassy of Poland",
    "Participants: Pyotr Ivanov, Head of Department of the Ministry of Foreign Affairs of the USSR; "
    "Adam Nowak, Ambassador of Poland to the USSR",
    "Subject: Trade between Poland and the Soviet Union",
    "Drafted by: Adam Nowak",
    "Ambassador Nowak received Pyotr Ivanov at the embassy.",
    "Ivanov said that the Soviet Union would increase its deliveries of grain to Poland this year.",
    "Nowak replied that Poland hoped to sign the new trade agreement before the summer.",
    "Adam Nowak",
]


# --- a minimal PDF writer ---------------------------------------------------------------------------------------

def _pdf_string(line: str) -> bytes:
    """A PDF string of a line in the standard fonts' WinAnsi encoding, with ( ) \\ and other bytes escaped."""
    out = bytearray(b"(")
    for byte in line.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte < 32 or byte > 126:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    return bytes(out + b")")


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF with one page per list of lines (Helvetica 11 pt, 14 pt apart; leading spaces indent a line; an empty
    line leaves a gap). A page with no lines has no text at all, as a scan without OCR has none."""
    objects: list[bytes] = [b"", b""]  # the catalogue and the page tree, filled in below
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    font, kids = len(objects), []
    for lines in pages:
        ops = [b"BT /F1 11 Tf"]
        for i, line in enumerate(lines):
            if line.strip():
                indent = len(line) - len(line.lstrip(" "))
                ops.append(b"1 0 0 1 %d %d Tm " % (72 + 6 * indent, 770 - 14 * i) + _pdf_string(line.strip()) + b" Tj")
        ops.append(b"ET")
        stream = b"\n".join(ops) if lines else b""
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
                       b"/Contents %d 0 R >>" % (font, len(objects)))
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    path.write_bytes(pdf_bytes(pages))
    return path


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    """A Word file with one paragraph each (python-docx)."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.core_properties.created = document.core_properties.modified = datetime(1964, 3, 4)
    document.core_properties.author = document.core_properties.last_modified_by = "cwkg"
    document.save(str(path))
    return path


def main() -> None:
    print(write_pdf(HERE / "memorandum-warsaw-1963.pdf", PDF_PAGES))
    print(write_docx(HERE / "memorandum-moscow-1964.docx", WORD_PARAGRAPHS))


if __name__ == "__main__":
    main()

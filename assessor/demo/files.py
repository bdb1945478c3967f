"""Small real files for demo evidence, made in code: a one-page PDF of text and a PNG bar chart."""
import struct
import textwrap
import zlib
from dataclasses import dataclass

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 595, 842, 56
LINE_CHARACTERS, LEADING = 92, 14
#: letters WinAnsiEncoding (the standard PDF fonts' encoding) lacks, spelled without their accent
PLAIN = str.maketrans("ŵŷŴŶ", "wyWY")
WHITE, AXIS, BAR = (255, 255, 255), (80, 90, 95), (29, 112, 184)


@dataclass(frozen=True)
class PdfFile:
    """A one-page PDF: a heading and paragraphs of text."""

    filename: str
    title: str
    paragraphs: tuple[str, ...]

    def content(self) -> bytes:
        return pdf_document(self.title, self.paragraphs)


@dataclass(frozen=True)
class ChartFile:
    """A PNG bar chart of the given values (0 to 100)."""

    filename: str
    values: tuple[int, ...]

    def content(self) -> bytes:
        return png_bar_chart(self.values)


def pdf_text(text: str) -> bytes:
    """A PDF string literal's contents in WinAnsiEncoding, with its special characters escaped."""
    encoded = text.translate(PLAIN).encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def page_stream(title: str, paragraphs: tuple[str, ...]) -> bytes:
    lines = [b"BT", b"/F1 15 Tf", b"%d %d Td" % (MARGIN, PAGE_HEIGHT - MARGIN), b"(%s) Tj" % pdf_text(title)]
    lines += [b"/F2 10 Tf", b"%d TL" % LEADING, b"T*"]
    for paragraph in paragraphs:
        lines.append(b"T*")
        lines += [b"(%s) '" % pdf_text(line) for line in textwrap.wrap(paragraph, LINE_CHARACTERS)]
    lines.append(b"ET")
    return b"\n".join(lines)


def pdf_document(title: str, paragraphs: tuple[str, ...]) -> bytes:
    """A valid one-page A4 PDF 1.4 with Helvetica text and a correct cross-reference table."""
    stream = page_stream(title, paragraphs)
    resources = b"<< /Font << /F1 5 0 R /F2 6 0 R >> >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R /Resources %s >>" % (PAGE_WIDTH, PAGE_HEIGHT, resources),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def png_bar_chart(values: tuple[int, ...], width: int = 360, height: int = 220) -> bytes:
    """An RGB PNG: one bar per value on a white ground, with axes."""
    pixels = [[WHITE] * width for _row in range(height)]
    left, bottom, top = 24, height - 20, 16
    slot = (width - left - 16) // max(len(values), 1)
    for index, value in enumerate(values):
        bar_top = bottom - (bottom - top) * max(0, min(value, 100)) // 100
        start = left + index * slot + slot // 5
        for y in range(bar_top, bottom):
            pixels[y][start:start + slot * 3 // 5] = [BAR] * (slot * 3 // 5)
    for y in range(top - 8, bottom + 1):
        pixels[y][left - 2:left] = [AXIS, AXIS]
    pixels[bottom][left - 2:width - 8] = [AXIS] * (width - 8 - left + 2)
    return png_bytes(pixels)


def png_bytes(pixels: list[list[tuple[int, int, int]]]) -> bytes:
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + bytes(channel for pixel in row for channel in pixel) for row in pixels)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

"""Tiny but well-formed files of every kind, built in code, to test detection by content."""
import io
import struct
import zipfile
import zlib

OLE_FREE, OLE_END, OLE_FAT, OLE_NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
OOXML_TYPES = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
OOXML_PARTS = {"word/": "word/document.xml", "xl/": "xl/workbook.xml", "ppt/": "ppt/presentation.xml"}


def pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00")) + chunk(b"IEND", b"")


def jpeg() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def gif() -> bytes:
    return b"GIF89a\x01\x00\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"


def webp() -> bytes:
    image = b"VP8L" + struct.pack("<I", 13) + bytes.fromhex("2f00000010071011118888fe07") + b"\x00"
    return b"RIFF" + struct.pack("<I", 4 + len(image)) + b"WEBP" + image


def zipped(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def ooxml(folder: str, *, extra: tuple[tuple[str, bytes], ...] = ()) -> bytes:
    """A Word ("word/"), Excel ("xl/") or PowerPoint ("ppt/") file, its content types listed first."""
    types = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             f'<Override PartName="/{OOXML_PARTS[folder]}" ContentType="{OOXML_TYPES[folder]}"/></Types>').encode()
    return zipped([("[Content_Types].xml", types), ("_rels/.rels", b"<Relationships/>"), (OOXML_PARTS[folder], b"<x/>"), *extra])


def opendocument(kind: str) -> bytes:
    """An OpenDocument file: "text", "spreadsheet" or "presentation"."""
    return zipped([("mimetype", f"application/vnd.oasis.opendocument.{kind}".encode()), ("content.xml", b"<x/>")])


def ole(stream: str) -> bytes:
    """A compound (OLE) file holding one empty stream: WordDocument, Workbook or PowerPoint Document."""
    def entry(name: str, kind: int, child: int = OLE_NONE) -> bytes:
        raw = (name + "\0").encode("utf-16-le") if name else b""
        return (raw.ljust(64, b"\0") + struct.pack("<HBB3I", len(raw), kind, 1, OLE_NONE, OLE_NONE, child)
                + b"\0" * 36 + struct.pack("<IQ", OLE_END, 0))

    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<9I", 0, 1, 1, 0, 0x1000, OLE_END, 0, OLE_END, 0) + struct.pack("<109I", 0, *[OLE_FREE] * 108))
    fat = struct.pack("<128I", OLE_FAT, OLE_END, *[OLE_FREE] * 126)
    return header + fat + entry("Root Entry", 5, child=1) + entry(stream, 2) + entry("", 0) + entry("", 0)


def wav() -> bytes:
    fmt = struct.pack("<IHHIIHH", 16, 1, 1, 8000, 8000, 1, 8)
    return b"RIFF" + struct.pack("<I", 36 + 4) + b"WAVEfmt " + fmt + b"data" + struct.pack("<I", 4) + b"\x80" * 4


def mp3() -> bytes:
    frame = b"\xff\xfb\x90\x64" + b"\x00" * 413
    return b"ID3\x03\x00\x00\x00\x00\x00\x00" + frame * 2


def ogg() -> bytes:
    vorbis = b"\x01vorbis" + struct.pack("<IBIiii", 0, 1, 44100, 0, 128000, 0) + b"\xb8\x01"
    return b"OggS\x00\x02" + b"\x00" * 8 + struct.pack("<III", 1, 0, 0) + b"\x01" + bytes([len(vorbis)]) + vorbis


def flac() -> bytes:
    return b"fLaC\x00\x00\x00\x22" + b"\x10\x00\x10\x00" + b"\x00" * 30


def m4a() -> bytes:
    return struct.pack(">I", 24) + b"ftypM4A \x00\x00\x00\x00M4A mp42isom" + struct.pack(">I", 8) + b"free"


def aac() -> bytes:
    return (b"\xff\xf1\x50\x80\x02\x1f\xfc" + b"\x00" * 9) * 4


def mp4() -> bytes:
    return struct.pack(">I", 24) + b"ftypisom\x00\x00\x02\x00isomiso2" + struct.pack(">I", 8) + b"free"


def mov() -> bytes:
    return struct.pack(">I", 20) + b"ftypqt  \x00\x00\x02\x00qt  " + struct.pack(">I", 8) + b"free"


def webm() -> bytes:
    header = b"\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm\x42\x87\x81\x04\x42\x85\x81\x02"
    return bytes.fromhex("1A45DFA3") + bytes([0x80 | len(header)]) + header


def html() -> bytes:
    return b"<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>"


def svg() -> bytes:
    return b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def exe() -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 46 + struct.pack("<I", 0x80) + b"\x00" * 64 + b"PE\x00\x00" + b"\x00" * 100

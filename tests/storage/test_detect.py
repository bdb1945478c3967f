"""Every allowed kind is accepted by its content; everything else is refused, whatever its name."""
import pytest

from assessor.storage.detect import DOC, DOCX, ODP, ODS, ODT, PPT, PPTX, XLS, XLSX
from assessor.storage.files import UploadRefused, store_upload

from . import samples

MB = 1024 * 1024

ACCEPTED = [
    (samples.pdf(), "application/pdf"),
    (samples.png(), "image/png"),
    (samples.jpeg(), "image/jpeg"),
    (samples.gif(), "image/gif"),
    (samples.webp(), "image/webp"),
    (samples.ooxml("word/"), DOCX),
    (samples.ooxml("xl/"), XLSX),
    (samples.ooxml("ppt/"), PPTX),
    (samples.ole("WordDocument"), DOC),
    (samples.ole("Workbook"), XLS),
    (samples.ole("PowerPoint Document"), PPT),
    (samples.opendocument("text"), ODT),
    (samples.opendocument("spreadsheet"), ODS),
    (samples.opendocument("presentation"), ODP),
    (samples.mp3(), "audio/mpeg"),
    (samples.wav(), "audio/wav"),
    (samples.ogg(), "audio/ogg"),
    (samples.m4a(), "audio/mp4"),
    (samples.aac(), "audio/aac"),
    (samples.flac(), "audio/flac"),
    (samples.mp4(), "video/mp4"),
    (samples.webm(), "video/webm"),
    (samples.mov(), "video/quicktime"),
]
REFUSED = {
    "html named .pdf": (samples.html(), "report.pdf"),
    "svg": (samples.svg(), "drawing.svg"),
    "exe": (samples.exe(), "setup.exe"),
    "exe named .docx": (samples.exe(), "essay.docx"),
    "zip of random files": (samples.zipped([("a.txt", b"hello"), ("b.bin", b"\0\1\2")]), "work.zip"),
    "zip claiming a pdf": (samples.zipped([("a.txt", b"hello"), ("mimetype", b"application/pdf")]), "work.pdf"),
    "macro-enabled word": (samples.ooxml("word/", extra=(("word/vbaProject.bin", b"macro"),)), "essay.docx"),
    "opendocument drawing": (samples.opendocument("graphics"), "plan.odg"),
    "compound file of no office kind": (samples.ole("Something"), "old.doc"),
    "plain text": (b"just some words\n", "notes.txt"),
    "shell script": (b"#!/bin/sh\nrm -rf /\n", "notes.pdf"),
}


@pytest.mark.parametrize(("data", "media_type"), ACCEPTED, ids=[media_type for _, media_type in ACCEPTED])
def test_every_allowed_kind_is_accepted_by_its_content(root, upload, data, media_type):
    stored = store_upload(upload(data, "upload.bin"), root, 25 * MB)
    assert stored.media_type == media_type
    assert stored.size == len(data)


@pytest.mark.parametrize(("data", "filename"), REFUSED.values(), ids=REFUSED.keys())
def test_other_content_is_refused_naming_the_file_and_what_is_allowed(root, upload, data, filename):
    with pytest.raises(UploadRefused) as refused:
        store_upload(upload(data, filename), root, 25 * MB)
    assert filename in refused.value.message
    assert "PDF, images (PNG, JPEG, GIF, WebP)" in refused.value.message
    assert refused.value.filename == filename
    assert not any(path.is_file() for path in root.rglob("*"))


def test_an_office_file_named_pdf_is_kept_as_what_it_is(root, upload):
    stored = store_upload(upload(samples.ooxml("word/"), "essay.pdf"), root, 25 * MB)
    assert (stored.media_type, stored.filename) == (DOCX, "essay.docx")


def test_a_word_file_libmagic_calls_a_zip_is_recognised_by_its_parts(root, upload):
    data = samples.zipped([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w/>")])
    assert store_upload(upload(data, "essay.docx"), root, 25 * MB).media_type == DOCX


def test_the_refusal_is_in_welsh_for_a_welsh_reader(app, root, upload):
    with pytest.raises(UploadRefused) as refused:
        store_upload(upload(samples.html(), "tudalen.pdf"), root, 25 * MB)
    with app.test_request_context(headers={"Accept-Language": "cy"}):
        assert "tudalen.pdf" in refused.value.message
        assert "delweddau" in refused.value.message

"""Attachment inspection: text per page, metadata findings, hidden Office content, broken files.

Every file is made here, with the same libraries a user's tools would resemble (fpdf2, Pillow,
openpyxl, pypdf) or written part by part where no library makes the case (XMP, IPTC, docx, pptx).
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader, PdfWriter

from pipeline.checks.documents import (BROKEN, EXIF_GPS, EXIF_IDENTITY, METADATA_OFFICE, METADATA_PDF, NO_TEXT,
                                       OFFICE_HIDDEN, DocumentReport, TextPart, inspect)
from pipeline.checks.findings import BLOCK, REVIEW

NAME = "Budi Santoso"
SERIAL = "0123456789"
WINDOWS_PATH = "C:\\Users\\budi\\Documents\\draft.docx"
LATITUDE = (6.0, 12.0, 34.56)     # 6°12'34.56" S = -6.20960
LONGITUDE = (106.0, 49.0, 12.3)   # 106°49'12.3" E = 106.82008
FULL_PRECISION = ("6.2096", "106.8200", "34.56", "12.3")


# --------------------------------------------------------------------------------------------------
# Builders, shared with test_clean.py


def make_photo(path: Path, *, gps: bool = True, serial: str | None = SERIAL, artist: str | None = NAME,
               orientation: int | None = 6, progressive: bool = False) -> Path:
    """A small JPEG with a pattern (so pixel comparisons mean something) and camera EXIF."""
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    for x in range(64):
        for y in range(0, 48, 7):
            image.putpixel((x, (x + y) % 48), (x * 4 % 256, y * 5, 255 - x))
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS 5D Mark IV"
    if artist:
        exif[0x013B] = artist
    if orientation:
        exif[0x0112] = orientation
    if serial:
        exif.get_ifd(0x8769)[0xA431] = serial
    if gps:
        gps_ifd = exif.get_ifd(0x8825)
        gps_ifd[1], gps_ifd[2], gps_ifd[3], gps_ifd[4] = "S", LATITUDE, "E", LONGITUDE
    image.save(path, "JPEG", exif=exif, quality=90, progressive=progressive)
    return path


def jpeg_segment(code: int, payload: bytes) -> bytes:
    return bytes((0xFF, code)) + struct.pack(">H", len(payload) + 2) + payload


def xmp_packet(creator: str) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Adobe Photoshop">'
        f'<dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>'
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode("utf-8")


def iptc_block(byline: str) -> bytes:
    value = byline.encode("utf-8")
    iim = b"\x1c\x02\x50" + struct.pack(">H", len(value)) + value
    iim += b"\x00" * (len(iim) % 2)
    return b"Photoshop 3.0\x00" + b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim


def add_jpeg_segments(path: Path, *segments: bytes) -> Path:
    """Insert segments after SOI and the JFIF APP0 segment."""
    data = path.read_bytes()
    at = 2
    if data[2:4] == b"\xff\xe0":
        at = 4 + struct.unpack(">H", data[4:6])[0]
    path.write_bytes(data[:at] + b"".join(segments) + data[at:])
    return path


def make_pdf(path: Path, *, author: str | None = NAME, custom: dict[str, str] | None = None,
             photo: Path | None = None, xmp_creator: str | None = None,
             pages: tuple[str, ...] = ("Laporan keuangan triwulan I", "Lampiran foto kegiatan")) -> Path:
    pdf = FPDF()
    if author:
        pdf.set_author(author)
    if xmp_creator:
        packet = xmp_packet(xmp_creator).decode("utf-8")
        pdf.set_xmp_metadata(packet[packet.index("<x:xmpmeta"):packet.index("<?xpacket end")])
    pdf.set_title("Laporan Kegiatan")
    pdf.set_creator("Microsoft Word")
    pdf.set_font("helvetica", size=12)
    for number, text in enumerate(pages, 1):
        pdf.add_page()
        pdf.cell(text=text)
        if photo is not None and number == 2:
            pdf.image(str(photo), x=10, y=30, w=60)
    pdf.output(str(path))
    if custom:
        writer = PdfWriter(clone_from=PdfReader(path))
        writer.add_metadata({f"/{key}": value for key, value in custom.items()})
        with open(path, "wb") as fh:
            writer.write(fh)
    return path


def make_full_pdf(folder: Path) -> Path:
    """The PDF of the brief: author, a custom key holding a Windows path, a photo with GPS on page 2."""
    photo = make_photo(folder / "foto-untuk-pdf.jpg")
    return make_pdf(folder / "laporan.pdf", custom={"SourceFile": WINDOWS_PATH}, photo=photo, xmp_creator=NAME)


def make_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    sheet.append(["Kegiatan", "Lokasi", "Anggaran"])
    sheet.append(["Perbaikan taman", "Sukajadi", 12500000])
    sheet.append(["Siti Aminah", "3273014509870003", 0])
    sheet.append(["Andi Wijaya", "3273014509870004", 0])
    sheet.append(["Pengecatan kantor", "Cicendo", 7000000])
    sheet.row_dimensions[3].hidden = True
    sheet.row_dimensions[4].hidden = True
    sheet["E1"] = "catatan internal: jangan diterbitkan"
    sheet.column_dimensions["E"].hidden = True
    secret = workbook.create_sheet("Rahasia")
    secret.append(["NIK", "3273014509870005"])
    secret.sheet_state = "hidden"
    workbook.properties.creator = NAME
    workbook.properties.lastModifiedBy = "budi.santoso"
    workbook.save(path)
    return path


_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>')
_REL = '<Relationship Id="{id}" Type="{type}" Target="{target}"{mode}/>'
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
_OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Surat Keputusan</dc:title>'
         '<dc:creator>{creator}</dc:creator><cp:lastModifiedBy>budi</cp:lastModifiedBy>'
         '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-15T08:00:00Z</dcterms:created></cp:coreProperties>')
_CUSTOM = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           '<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="SumberBerkas">'
           '<vt:lpwstr>{path}</vt:lpwstr></property></Properties>')


def _rels(*rels: tuple[str, str, str]) -> str:
    return _RELS.format(rels="".join(_REL.format(id=i, type=t, target=g, mode=' TargetMode="External"'
                                                 if g.startswith("file:") else "") for i, t, g in rels))


def make_docx(path: Path, *, creator: str = NAME, photo: Path | None = None) -> Path:
    body = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'
        '<w:p><w:r><w:t>Surat Keputusan Kepala Dinas</w:t></w:r></w:p>'
        '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>catatan rahasia untuk atasan</w:t></w:r></w:p>'
        '<w:p><w:del w:id="1" w:author="Rina Kusuma" w:date="2026-01-10T10:00:00Z"><w:r>'
        '<w:delText>kalimat lama yang dihapus</w:delText></w:r></w:del><w:r><w:t>Kalimat baru.</w:t></w:r></w:p>'
        '</w:body></w:document>'
    )
    comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {_W}>'
                '<w:comment w:id="0" w:author="Rina Kusuma" w:initials="RK"><w:p><w:r><w:t>Tolong cek lagi angkanya'
                '</w:t></w:r></w:p></w:comment></w:comments>')
    overrides = ('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
                 'core-properties+xml"/>'
                 '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.custom-properties+xml"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT.format(overrides=overrides))
        zf.writestr("_rels/.rels", _rels(
            ("rId1", f"{_OD}/officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
             "docProps/core.xml"),
            ("rId3", f"{_OD}/custom-properties", "docProps/custom.xml")))
        zf.writestr("word/document.xml", body)
        zf.writestr("word/comments.xml", comments)
        zf.writestr("word/_rels/document.xml.rels", _rels(
            ("rId1", f"{_OD}/comments", "comments.xml"),
            ("rId2", f"{_OD}/attachedTemplate",
             "file:///C:\\Users\\budi\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm")))
        zf.writestr("docProps/core.xml", _CORE.format(creator=creator))
        zf.writestr("docProps/custom.xml", _CUSTOM.format(path=WINDOWS_PATH))
        if photo is not None:  # a photo pasted into Word keeps its EXIF
            zf.write(photo, "word/media/image1.jpeg")
    return path


def make_pptx(path: Path) -> Path:
    p_ns = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')

    def slide(text: str, show: str = "") -> str:
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld {p_ns}{show}><p:cSld><p:spTree>'
                f'<p:sp><p:txBody><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>'
                '</p:spTree></p:cSld></p:sld>')

    presentation = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation {p_ns}>'
                    '<p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId3"/></p:sldIdLst>'
                    '</p:presentation>')
    notes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:notes {p_ns}><p:cSld><p:spTree><p:sp>'
             '<p:txBody><a:p><a:r><a:t>Jangan sebut nama pelapor</a:t></a:r></a:p></p:txBody></p:sp>'
             '</p:spTree></p:cSld></p:notes>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT.format(overrides=""))
        zf.writestr("_rels/.rels", _rels(("rId1", f"{_OD}/officeDocument", "ppt/presentation.xml")))
        zf.writestr("ppt/presentation.xml", presentation)
        zf.writestr("ppt/_rels/presentation.xml.rels", _rels(("rId2", f"{_OD}/slide", "slides/slide1.xml"),
                                                             ("rId3", f"{_OD}/slide", "slides/slide2.xml")))
        zf.writestr("ppt/slides/slide1.xml", slide("Capaian program 2026"))
        zf.writestr("ppt/slides/slide2.xml", slide("Daftar penerima bantuan", ' show="0"'))
        zf.writestr("ppt/slides/_rels/slide1.xml.rels", _rels(("rId1", f"{_OD}/notesSlide",
                                                               "../notesSlides/notesSlide1.xml")))
        zf.writestr("ppt/notesSlides/notesSlide1.xml", notes)
    return path


def printed(report: DocumentReport) -> str:
    """Everything a user could see of the findings."""
    return "\n".join(f"{f} {f.excerpt} {f.field}" for f in report.findings)


def by_detector(report: DocumentReport, detector: str) -> list:
    return [f for f in report.findings if f.detector == detector]


# --------------------------------------------------------------------------------------------------
# PDF


def test_pdf_author_custom_path_and_embedded_photo_are_flagged(tmp_path: Path) -> None:
    report = inspect(make_full_pdf(tmp_path), "files/laporan.pdf")

    fields = {(f.detector, f.field) for f in report.findings}
    assert (METADATA_PDF, "PDF /Author") in fields
    assert (METADATA_PDF, "PDF /SourceFile") in fields
    assert (METADATA_PDF, "PDF XMP dc:creator") in fields
    assert (EXIF_GPS, "PDF halaman 2 gambar 1 EXIF GPS") in fields
    assert (EXIF_IDENTITY, "PDF halaman 2 gambar 1 EXIF BodySerialNumber") in fields
    assert (EXIF_IDENTITY, "PDF halaman 2 gambar 1 EXIF Artist") in fields
    assert all(f.severity == BLOCK and f.path == "files/laporan.pdf" and f.value_hash for f in report.findings)
    # Producer/Creator tool names and the title are text to scan, not findings
    assert not any(f.field in ("PDF /Creator", "PDF /Title", "PDF /Producer") for f in report.findings)
    assert TextPart("Microsoft Word", field="PDF /Creator") in report.parts

    shown = printed(report)
    assert NAME not in shown and SERIAL not in shown and "budi\\Documents" not in shown
    assert not any(value in shown for value in FULL_PRECISION)
    gps = by_detector(report, EXIF_GPS)[0]
    assert "-6.2, 106.8" in gps.excerpt


def test_pdf_text_comes_back_per_page(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", author=None, pages=("Halaman pertama", "Halaman kedua", "Halaman ketiga"))
    report = inspect(pdf, "a.pdf")
    pages = {p.pdf_page: p.text.strip() for p in report.parts if p.field is None}
    assert pages == {1: "Halaman pertama", 2: "Halaman kedua", 3: "Halaman ketiga"}


def test_clean_pdf_has_no_findings(tmp_path: Path) -> None:
    report = inspect(make_pdf(tmp_path / "bersih.pdf", author=None), "bersih.pdf")
    assert report.findings == []
    assert any(p.pdf_page == 1 and "Laporan keuangan" in p.text for p in report.parts)


def test_finding_ids_are_stable_and_follow_the_value(tmp_path: Path) -> None:
    first = inspect(make_pdf(tmp_path / "a.pdf"), "a.pdf")
    again = inspect(tmp_path / "a.pdf", "a.pdf")
    other = inspect(make_pdf(tmp_path / "b.pdf", author="Siti Aminah"), "a.pdf")
    assert [f.id for f in first.findings] == [f.id for f in again.findings]
    assert by_detector(first, METADATA_PDF)[0].id != by_detector(other, METADATA_PDF)[0].id


@pytest.mark.parametrize("content", [
    b"%PDF-1.4\n garbage that is not a PDF\n",
    b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    b"",
    b"PK\x03\x04 this is no zip",
])
def test_corrupt_pdf_is_reported_not_raised(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "rusak.pdf"
    path.write_bytes(content)
    report = inspect(path, "files/rusak.pdf")
    assert [f.detector for f in report.findings] == [BROKEN]
    finding = report.findings[0]
    assert finding.severity == BLOCK and finding.path == "files/rusak.pdf"
    assert "tidak dapat dibaca" in finding.message and "ekspor ulang" in finding.message


def test_truncated_files_of_every_kind_are_reported(tmp_path: Path) -> None:
    sources = [make_full_pdf(tmp_path), make_photo(tmp_path / "foto.jpg"), make_xlsx(tmp_path / "data.xlsx"),
               make_docx(tmp_path / "surat.docx")]
    for source in sources:
        broken = tmp_path / f"potong{source.suffix}"
        broken.write_bytes(source.read_bytes()[: len(source.read_bytes()) // 2])
        report = inspect(broken, broken.name)
        assert BROKEN in {f.detector for f in report.findings}, source.name


# --------------------------------------------------------------------------------------------------
# Images


def test_jpeg_gps_serial_and_artist_are_flagged(tmp_path: Path) -> None:
    report = inspect(make_photo(tmp_path / "foto.jpg"), "files/foto.jpg")
    fields = {(f.detector, f.field) for f in report.findings}
    assert fields == {(EXIF_GPS, "EXIF GPS"), (EXIF_IDENTITY, "EXIF BodySerialNumber"),
                      (EXIF_IDENTITY, "EXIF Artist")}
    assert TextPart("Canon EOS 5D Mark IV", field="EXIF Model") in report.parts
    shown = printed(report)
    assert NAME not in shown and SERIAL not in shown
    assert not any(value in shown for value in FULL_PRECISION)


def test_jpeg_xmp_iptc_and_comment(tmp_path: Path) -> None:
    photo = make_photo(tmp_path / "foto.jpg", gps=False, serial=None, artist=None)
    add_jpeg_segments(photo, jpeg_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp_packet("Siti Rahma")),
                      jpeg_segment(0xED, iptc_block("Andi Wijaya")),
                      jpeg_segment(0xFE, b"diambil di rumah C:\\Users\\andi\\Pictures"))
    report = inspect(photo, "foto.jpg")
    fields = {(f.detector, f.field) for f in report.findings}
    assert (EXIF_IDENTITY, "XMP dc:creator") in fields
    assert (EXIF_IDENTITY, "IPTC By-line") in fields
    assert (EXIF_IDENTITY, "JPEG komentar") in fields
    assert not any(f.field == "XMP xmp:CreatorTool" for f in report.findings)
    assert "Siti Rahma" not in printed(report) and "Andi Wijaya" not in printed(report)


def test_png_text_and_exif_are_flagged(tmp_path: Path) -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", NAME)
    info.add_text("Software", "GIMP 2.10")
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "S", LATITUDE, "E", LONGITUDE
    path = tmp_path / "peta.png"
    Image.new("RGB", (20, 10), (0, 128, 255)).save(path, pnginfo=info, exif=exif.tobytes())
    report = inspect(path, "peta.png")
    fields = {(f.detector, f.field) for f in report.findings}
    assert fields == {(EXIF_GPS, "EXIF GPS"), (EXIF_IDENTITY, "PNG Author")}
    assert TextPart("GIMP 2.10", field="PNG Software") in report.parts


def test_image_types_by_content_not_name(tmp_path: Path) -> None:
    disguised = tmp_path / "foto.png"  # a JPEG with the wrong extension is still read as a JPEG
    disguised.write_bytes(make_photo(tmp_path / "x.jpg").read_bytes())
    assert by_detector(inspect(disguised, "foto.png"), EXIF_GPS)
    notes = tmp_path / "catatan.txt"
    notes.write_text("teks biasa\n", encoding="utf-8")
    assert inspect(notes, "catatan.txt") == DocumentReport([], [])


# --------------------------------------------------------------------------------------------------
# Office


def test_xlsx_hidden_sheet_rows_columns_and_creator(tmp_path: Path) -> None:
    report = inspect(make_xlsx(tmp_path / "data.xlsx"), "files/data.xlsx")
    fields = {(f.detector, f.field) for f in report.findings}
    assert (OFFICE_HIDDEN, "xlsx sheet 'Rahasia' (tersembunyi)") in fields
    assert (OFFICE_HIDDEN, "xlsx sheet 'Data' baris tersembunyi") in fields
    assert (OFFICE_HIDDEN, "xlsx sheet 'Data' kolom tersembunyi") in fields
    assert (METADATA_OFFICE, "xlsx core:creator") in fields
    assert (METADATA_OFFICE, "xlsx core:lastModifiedBy") in fields

    parts = {p.field: p.text for p in report.parts}
    assert "3273014509870005" in parts["xlsx sheet 'Rahasia' (tersembunyi)"]
    assert "Siti Aminah" in parts["xlsx sheet 'Data' baris tersembunyi"]
    assert "jangan diterbitkan" in parts["xlsx sheet 'Data' kolom tersembunyi"]
    assert "Perbaikan taman" in parts["xlsx sheet 'Data'"]
    assert "Siti Aminah" not in parts["xlsx sheet 'Data'"]
    rows = next(f for f in report.findings if f.field == "xlsx sheet 'Data' baris tersembunyi")
    assert rows.excerpt == "baris 3, 4"
    shown = printed(report)
    assert "3273014509870" not in shown and "Siti Aminah" not in shown and NAME not in shown


def test_docx_properties_hidden_text_tracked_changes_comments(tmp_path: Path) -> None:
    report = inspect(make_docx(tmp_path / "surat.docx", photo=make_photo(tmp_path / "f.jpg")), "surat.docx")
    fields = {(f.detector, f.field) for f in report.findings}
    assert (EXIF_GPS, "docx gambar word/media/image1.jpeg EXIF GPS") in fields
    assert (METADATA_OFFICE, "docx core:creator") in fields
    assert (METADATA_OFFICE, "docx custom:SumberBerkas") in fields
    assert (METADATA_OFFICE, "docx tautan berkas lokal") in fields
    assert (METADATA_OFFICE, "docx penulis komentar/perubahan") in fields
    assert (OFFICE_HIDDEN, "docx teks tersembunyi") in fields
    assert (OFFICE_HIDDEN, "docx perubahan terlacak") in fields
    assert (OFFICE_HIDDEN, "docx komentar") in fields
    parts = {p.field: p.text for p in report.parts}
    assert parts["docx isi"] == "Surat Keputusan Kepala Dinas\nKalimat baru."
    assert parts["docx teks tersembunyi"] == "catatan rahasia untuk atasan"
    assert parts["docx komentar"] == "Tolong cek lagi angkanya"
    assert "Rina Kusuma" not in printed(report)


def test_docx_from_a_tool_default_is_not_a_person(tmp_path: Path) -> None:
    report = inspect(make_docx(tmp_path / "surat.docx", creator="python-docx"), "surat.docx")
    assert not any(f.field == "docx core:creator" for f in report.findings)


def test_pptx_hidden_slide_and_notes(tmp_path: Path) -> None:
    report = inspect(make_pptx(tmp_path / "paparan.pptx"), "paparan.pptx")
    fields = {(f.detector, f.field, f.severity) for f in report.findings}
    assert (OFFICE_HIDDEN, "pptx slide 2 (tersembunyi)", BLOCK) in fields
    assert (OFFICE_HIDDEN, "pptx slide 1 catatan pembicara", "tinjau") in fields
    parts = {p.field: p.text for p in report.parts}
    assert parts["pptx slide 1"] == "Capaian program 2026"
    assert parts["pptx slide 2 (tersembunyi)"] == "Daftar penerima bantuan"


def test_office_named_file_that_is_not_office(tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("readme.txt", "bukan lembar kerja")
    path.write_bytes(buffer.getvalue())
    assert [f.detector for f in inspect(path, "data.xlsx").findings] == [BROKEN]


# --------------------------------------------------------------------------------------------------
# Attachments without text: a scanned KTP cannot be checked by the detectors, so a person must look


def _ktp_photo(path: Path, size: tuple[int, int] = (640, 400)) -> Path:
    Image.new("RGB", size, (90, 140, 200)).save(path, "JPEG", quality=80)
    return path


def test_scanned_pdf_without_a_text_layer_is_for_manual_review(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(_ktp_photo(tmp_path / "ktp.jpg")), x=10, y=10, w=120)
    pdf.output(str(tmp_path / "scan.pdf"))
    report = inspect(tmp_path / "scan.pdf", "files/scan.pdf")
    [finding] = by_detector(report, NO_TEXT)
    assert finding.severity == REVIEW
    assert "tidak dapat diperiksa otomatis; periksa manual" in finding.message


def test_a_scanned_page_inside_a_text_pdf_is_named(tmp_path: Path) -> None:
    photo = _ktp_photo(tmp_path / "ktp.jpg")
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(text="Surat balasan permohonan informasi publik nomor 12/PPID/2026")
    pdf.add_page()
    pdf.image(str(photo), x=10, y=10, w=120)
    pdf.add_page()
    pdf.cell(text="Demikian disampaikan untuk diketahui dan dipergunakan sebagaimana mestinya.")
    pdf.output(str(tmp_path / "balasan.pdf"))
    [finding] = by_detector(inspect(tmp_path / "balasan.pdf", "balasan.pdf"), NO_TEXT)
    assert finding.severity == REVIEW and finding.pdf_page == 2 and "halaman PDF 2" in finding.excerpt


def test_a_pdf_with_text_on_every_page_needs_no_manual_review(tmp_path: Path) -> None:
    report = inspect(make_full_pdf(tmp_path), "laporan.pdf")  # a photo on page 2, but text there too
    assert by_detector(report, NO_TEXT) == []


@pytest.mark.parametrize("suffix,fmt", [(".jpg", "JPEG"), (".png", "PNG"), (".webp", "WEBP")])
def test_a_photo_of_a_document_is_for_manual_review_an_icon_is_not(tmp_path: Path, suffix: str, fmt: str) -> None:
    photo = tmp_path / f"ktp{suffix}"
    Image.new("RGB", (800, 500), (200, 200, 200)).save(photo, fmt)
    [finding] = by_detector(inspect(photo, f"files/ktp{suffix}"), NO_TEXT)
    assert finding.severity == REVIEW and "800×500" in finding.excerpt
    icon = tmp_path / f"ikon{suffix}"
    Image.new("RGB", (64, 64), (0, 0, 0)).save(icon, fmt)
    assert by_detector(inspect(icon, "ikon"), NO_TEXT) == []

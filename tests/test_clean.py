"""`ppid clean`: a cleaned copy first, the original replaced only on --terapkan, visible content unchanged."""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from pipeline import cli, cleaning
from pipeline.checks.documents import EXIF_GPS, METADATA_OFFICE, OFFICE_HIDDEN, inspect
from pipeline.commands import clean
from pipeline.errors import PpidError
from pipeline.site import Site

from test_documents import (NAME, SERIAL, add_jpeg_segments, iptc_block, jpeg_segment, make_docx, make_full_pdf,
                            make_photo, make_xlsx, xmp_packet)


class Clean:
    """`ppid clean ...` in-process: through pipeline.cli when `clean` is registered there, else its own parser."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        if "clean" in cli.COMMANDS:
            code = cli.main(["--site", str(self.root), "clean", *args])
        else:
            parser = argparse.ArgumentParser(prog="ppid")
            clean.add_parser(parser.add_subparsers(dest="command"))
            try:
                code = clean.run(parser.parse_args(["clean", *args]), Site(self.root))
            except PpidError as exc:
                print(f"ppid: {exc}", file=sys.stderr)
                code = exc.exit_code
        out = self.capsys.readouterr()
        return code, out.out, out.err


@pytest.fixture
def run_clean(site: Path, capsys: pytest.CaptureFixture[str]) -> Clean:
    return Clean(site, capsys)


@pytest.fixture
def files(site: Path) -> Path:
    folder = site / "drafts" / "files"  # attachments are cleaned before review, never in content/
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout


def rendered(path: Path, page: int) -> bytes:
    """The page as pixels (pdftoppm, 30 dpi): what a reader sees, photo included."""
    subprocess.run(["pdftoppm", "-r", "30", "-f", str(page), "-l", str(page), "-singlefile", "-png", str(path),
                    str(path.with_suffix(""))], check=True, capture_output=True)
    image_path = path.with_suffix(".png")
    try:
        return pixels(image_path)[2]
    finally:
        image_path.unlink()


def pixels(path: Path) -> tuple[str, tuple[int, int], bytes]:
    with Image.open(path) as image:
        return image.mode, image.size, image.tobytes()


def test_pdf_copy_first_then_terapkan(run_clean: Clean, files: Path) -> None:
    original = make_full_pdf(files)
    before_bytes, before_text, before_page = original.read_bytes(), pdftotext(original), rendered(original, 2)
    assert inspect(original, "x").findings

    code, out, err = run_clean(str(original))
    assert code == 0, err
    copy = files / "laporan.bersih.pdf"
    assert copy.is_file()
    assert original.read_bytes() == before_bytes  # the original is kept until --terapkan
    assert "kamus Info PDF" in out and "EXIF" in out
    assert f"ppid clean {original} --terapkan" in out
    assert NAME not in out and SERIAL not in out
    assert inspect(copy, "x").findings == []

    code, out, err = run_clean(str(original), "--terapkan")
    assert code == 0, err
    assert not copy.exists()
    assert inspect(original, "x").findings == []
    assert pdftotext(original) == before_text
    assert rendered(original, 2) == before_page
    data = original.read_bytes()
    assert b"xmpmeta" not in data and b"/Author" not in data and b"budi" not in data.lower()
    assert b"Exif" not in data and SERIAL.encode() not in data
    assert not list(files.glob(".ppid-clean-*"))


def test_jpeg_pixels_identical_and_orientation_kept(run_clean: Clean, files: Path) -> None:
    photo = make_photo(files / "foto.jpg", orientation=6)
    add_jpeg_segments(photo, jpeg_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp_packet("Siti Rahma")),
                      jpeg_segment(0xED, iptc_block("Andi Wijaya")), jpeg_segment(0xFE, b"komentar kamera"))
    before = pixels(photo)
    assert run_clean(str(photo))[0] == 0
    assert run_clean(str(photo), "--terapkan")[0] == 0

    assert inspect(photo, "x").findings == []
    assert pixels(photo) == before
    data = photo.read_bytes()
    assert b"Siti Rahma" not in data and b"Andi Wijaya" not in data and b"komentar kamera" not in data
    assert SERIAL.encode() not in data and NAME.encode() not in data
    with Image.open(photo) as image:
        exif = image.getexif()
        assert dict(exif) == {0x0112: 6}  # only the orientation is left, so the photo is not shown sideways


def test_progressive_jpeg_with_trailing_data(tmp_path: Path) -> None:
    photo = make_photo(tmp_path / "p.jpg", progressive=True, orientation=None)
    photo.write_bytes(photo.read_bytes() + b"MPF preview with GPS 6.2096 S")
    before = pixels(photo)
    out = io.BytesIO()
    removed = cleaning.clean_file(photo, out)
    assert any("setelah akhir gambar" in item for item in removed)
    cleaned = tmp_path / "c.jpg"
    cleaned.write_bytes(out.getvalue())
    assert pixels(cleaned) == before
    assert b"6.2096" not in cleaned.read_bytes() and b"Exif" not in cleaned.read_bytes()


def test_png_pixels_identical(run_clean: Clean, files: Path) -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", NAME)
    info.add_itxt("Comment", "dibuat oleh budi", zip=True)
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "S", 2: (6.0, 12.0, 34.56), 3: "E", 4: (106.0, 49.0, 12.3)})
    path = files / "peta.png"
    image = Image.new("RGBA", (30, 20), (0, 128, 255, 200))
    image.putpixel((3, 4), (1, 2, 3, 4))
    image.save(path, pnginfo=info, exif=exif.tobytes())
    before = pixels(path)
    assert {f.detector for f in inspect(path, "x").findings} >= {EXIF_GPS}
    assert run_clean(str(path))[0] == 0
    assert run_clean(str(path), "--terapkan")[0] == 0
    assert inspect(path, "x").findings == []
    assert pixels(path) == before


def test_xlsx_properties_blanked_hidden_rows_still_reported(run_clean: Clean, files: Path) -> None:
    from openpyxl import load_workbook

    book = make_xlsx(files / "data.xlsx")
    values = [list(row) for row in load_workbook(book)["Data"].values]
    code, out, _ = run_clean(str(book))
    assert code == 0
    assert "properti inti dokumen" in out
    assert "baris tersembunyi" in out  # content problems are listed as still there
    copy = files / "data.bersih.xlsx"
    findings = inspect(copy, "x").findings
    assert not [f for f in findings if f.detector == METADATA_OFFICE]
    assert {f.field for f in findings if f.detector == OFFICE_HIDDEN} == {
        "xlsx sheet 'Rahasia' (tersembunyi)", "xlsx sheet 'Data' baris tersembunyi",
        "xlsx sheet 'Data' kolom tersembunyi"}
    workbook = load_workbook(copy)
    assert [list(row) for row in workbook["Data"].values] == values
    assert workbook.sheetnames == ["Data", "Rahasia"]


def test_docx_properties_custom_path_and_photo_cleaned(tmp_path: Path) -> None:
    photo = make_photo(tmp_path / "f.jpg")
    document = make_docx(tmp_path / "surat.docx", photo=photo)
    prepared = cleaning.prepare(document)
    assert prepared.copy is not None
    remaining = {(f.detector, f.field) for f in inspect(prepared.copy, "x").findings}
    assert (METADATA_OFFICE, "docx core:creator") not in remaining
    assert (METADATA_OFFICE, "docx custom:SumberBerkas") not in remaining
    assert not [field for detector, field in remaining if detector == EXIF_GPS]
    assert (OFFICE_HIDDEN, "docx komentar") in remaining  # content: removed in Word, not by ppid
    with zipfile.ZipFile(document) as before, zipfile.ZipFile(prepared.copy) as after:
        assert before.namelist() == after.namelist()
        assert before.read("word/document.xml") == after.read("word/document.xml")
        inside = tmp_path / "inside.jpg"
        inside.write_bytes(after.read("word/media/image1.jpeg"))
    assert pixels(inside) == pixels(photo)


def test_idempotent_and_deterministic(run_clean: Clean, files: Path) -> None:
    original = make_full_pdf(files)
    run_clean(str(original))
    first = (files / "laporan.bersih.pdf").read_bytes()
    run_clean(str(original))
    assert (files / "laporan.bersih.pdf").read_bytes() == first
    run_clean(str(original), "--terapkan")
    settled = original.read_bytes()

    code, out, _ = run_clean(str(original))
    assert code == 0 and "tidak berisi metadata" in out
    assert not (files / "laporan.bersih.pdf").exists()
    code, out, _ = run_clean(str(original), "--terapkan")
    assert code == 0 and "sudah bersih" in out
    assert original.read_bytes() == settled


def test_file_without_metadata_gets_no_copy(run_clean: Clean, files: Path) -> None:
    photo = files / "polos.jpg"
    Image.new("RGB", (16, 16), (10, 20, 30)).save(photo, "JPEG")
    before = photo.read_bytes()
    code, out, _ = run_clean(str(photo))
    assert code == 0 and "tidak berisi metadata" in out
    assert not (files / "polos.bersih.jpg").exists()
    assert photo.read_bytes() == before


def test_missing_file_is_a_clear_error(run_clean: Clean, files: Path) -> None:
    code, out, err = run_clean(str(files / "tidak-ada.pdf"))
    assert code == 2
    assert "tidak-ada.pdf" in err and "tidak ditemukan" in err
    assert "Traceback" not in err


def test_terapkan_without_copy_refuses(run_clean: Clean, files: Path) -> None:
    original = make_full_pdf(files)
    before = original.read_bytes()
    code, _, err = run_clean(str(original), "--terapkan")
    assert code == 2 and "belum ada salinan bersih" in err
    assert original.read_bytes() == before


def test_terapkan_refuses_a_copy_that_changed(run_clean: Clean, files: Path) -> None:
    original = make_full_pdf(files)
    before = original.read_bytes()
    run_clean(str(original))
    copy = files / "laporan.bersih.pdf"
    copy.write_bytes(copy.read_bytes() + b"\n% diubah\n")
    code, _, err = run_clean(str(original), "--terapkan")
    assert code == 2 and "tidak sama" in err
    assert original.read_bytes() == before and copy.exists()


def test_unsupported_and_broken_files(run_clean: Clean, files: Path) -> None:
    text = files / "catatan.txt"
    text.write_text("halo\n", encoding="utf-8")
    code, _, err = run_clean(str(text))
    assert code == 2 and "tidak dapat dibersihkan" in err

    broken = files / "rusak.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage\n")
    code, _, err = run_clean(str(broken))
    assert code == 2 and "tidak dapat dibaca" in err and "Traceback" not in err
    assert not list(files.glob(".ppid-clean-*"))


def test_signed_pdf_is_not_rewritten(run_clean: Clean, files: Path) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

    source = make_full_pdf(files)
    writer = PdfWriter(clone_from=PdfReader(source))
    signature = DictionaryObject({NameObject("/Type"): NameObject("/Sig"), NameObject("/Filter"):
                                  NameObject("/Adobe.PPKLite")})
    field = DictionaryObject({NameObject("/FT"): NameObject("/Sig"), NameObject("/T"): TextStringObject("Tanda"),
                              NameObject("/V"): writer._add_object(signature)})
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject({
        NameObject("/Fields"): ArrayObject([writer._add_object(field)]), NameObject("/SigFlags"): NumberObject(3)})
    signed = files / "bertanda-tangan.pdf"
    with open(signed, "wb") as fh:
        writer.write(fh)
    before = signed.read_bytes()
    code, _, err = run_clean(str(signed))
    assert code == 2 and "ditandatangani secara elektronik" in err
    assert signed.read_bytes() == before and not (files / "bertanda-tangan.bersih.pdf").exists()


def test_an_approved_file_in_content_is_not_cleaned_in_place(site: Path, run_clean) -> None:
    code, _, err = run_clean("content/files/formulir.pdf")
    assert code == 2 and "cp content/files/formulir.pdf drafts/files/formulir.pdf" in err
    assert not list((site / "content" / "files").glob("*.bersih.*"))

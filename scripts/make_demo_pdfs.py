"""Generate the PDF attachments of the ppid-site demo content.

The demo site (``content/``) links to a handful of PDF documents: service
reports, forms, decrees and a financial summary of the fictional
"Dinas Komunikasi dan Informatika Kota Contoh". This script writes them into
``content/files/``.

The output is byte-deterministic: every document gets a fixed creation date,
fixed producer/creator metadata and no author, so running the script twice
produces files with identical SHA-256 digests. Only the PDF core font
(Helvetica) is used, therefore all document text must be Latin-1; text is
normalised and checked before it reaches fpdf2.

All names, numbers and addresses in the documents are fictional.

Usage::

    .venv/bin/python scripts/make_demo_pdfs.py [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT_DIR = REPO_ROOT / "content" / "files"

# Fixed metadata: no personal names, nothing that changes between runs.
PDF_CREATOR = "ppid-site demo"
PDF_PRODUCER = "ppid-site demo"
WIB = timezone(timedelta(hours=7))

AGENCY = "Dinas Komunikasi dan Informatika"
AGENCY_FULL = "Dinas Komunikasi dan Informatika Kota Contoh"
PPID_NAME = "PPID Dinas Komunikasi dan Informatika Kota Contoh"
LETTERHEAD_CONTACT = (
    "Jl. Merdeka Raya No. 45, Kota Contoh - Telepon (0299) 555-0100 - "
    "Surel ppid@kotacontoh.go.id"
)
DEMO_NOTE = "Dokumen contoh - seluruh nama, nomor, dan angka bersifat fiktif"

FONT = "Helvetica"
HEADINGS_STYLE = FontFace(emphasis="BOLD", fill_color=(225, 230, 240))
BOLD = FontFace(emphasis="BOLD")

# Characters outside Latin-1 that tend to sneak into prose, and their
# plain replacements.
_LATIN1_REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u2022": "-",
    "\u00a0": " ",
}


def latin1(text: str) -> str:
    """Return ``text`` with typographic characters replaced, guaranteed Latin-1.

    Raises ValueError if a character cannot be represented in Latin-1, so a
    bad character fails the build instead of producing a broken glyph.
    """
    for bad, good in _LATIN1_REPLACEMENTS.items():
        text = text.replace(bad, good)
    try:
        text.encode("latin-1")
    except UnicodeEncodeError as exc:
        raise ValueError(f"non-Latin-1 character in PDF text: {text!r}") from exc
    return text


class DemoPDF(FPDF):
    """A4 document with the agency letterhead on page 1 and a running footer."""

    def __init__(
        self,
        title: str,
        subject: str,
        created: datetime,
        orientation: str = "P",
    ) -> None:
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.doc_title = latin1(title)
        self.set_title(self.doc_title)
        self.set_subject(latin1(subject))
        self.set_creator(PDF_CREATOR)
        self.set_producer(PDF_PRODUCER)
        self.set_lang("id")
        self.set_creation_date(created)
        self.set_margins(left=20, top=15, right=20)
        self.set_auto_page_break(auto=True, margin=20)
        self.add_page()

    # -- page furniture ---------------------------------------------------

    def header(self) -> None:
        if self.page_no() == 1:
            self.set_font(FONT, "B", 12)
            self.cell(0, 6, "PEMERINTAH KOTA CONTOH", align="C",
                      new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_font(FONT, "B", 14)
            self.cell(0, 7, AGENCY.upper(), align="C",
                      new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_font(FONT, "", 8.5)
            self.cell(0, 5, latin1(LETTERHEAD_CONTACT), align="C",
                      new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            y = self.get_y() + 1.5
            self.set_line_width(0.8)
            self.line(self.l_margin, y, self.w - self.r_margin, y)
            self.set_line_width(0.2)
            self.line(self.l_margin, y + 1.2, self.w - self.r_margin, y + 1.2)
            self.set_y(y + 5)
        else:
            self.set_font(FONT, "I", 8)
            self.cell(0, 5, f"{PPID_NAME} - {self.doc_title}", align="R",
                      new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_line_width(0.2)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(4)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FONT, "I", 8)
        self.cell(0, 5, latin1(DEMO_NOTE), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Halaman {self.page_no()} dari {{nb}}", align="R")

    # -- content helpers --------------------------------------------------

    def doc_heading(self, *lines: str) -> None:
        """Centred bold document title, one or more lines."""
        self.set_font(FONT, "B", 12)
        for line in lines:
            self.multi_cell(0, 6, latin1(line), align="C",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)

    def section(self, text: str) -> None:
        """Bold section heading with some space above it."""
        self.ln(2)
        self.set_font(FONT, "B", 11)
        self.multi_cell(0, 6, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def paragraph(self, text: str, size: float = 10, align: str = "J") -> None:
        self.set_font(FONT, "", size)
        self.multi_cell(0, 5, latin1(text), align=align,
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)

    def numbered(self, items: Sequence[str], labels: Sequence[str] | None = None,
                 indent: float = 8) -> None:
        """A list with hanging indent; labels default to 1., 2., ..."""
        self.set_font(FONT, "", 10)
        for index, item in enumerate(items):
            label = labels[index] if labels else f"{index + 1}."
            self.set_x(self.l_margin)
            self.cell(indent, 5, latin1(label))
            self.multi_cell(0, 5, latin1(item), align="J",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)

    def key_values(self, pairs: Sequence[tuple[str, str]], key_width: float = 50) -> None:
        """Two-column 'label : value' block without borders."""
        self.set_font(FONT, "", 10)
        for key, value in pairs:
            self.set_x(self.l_margin)
            self.cell(key_width, 5, latin1(key))
            self.cell(4, 5, ":")
            self.multi_cell(0, 5, latin1(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)

    def grid(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str]],
        col_widths: Sequence[float],
        align: Sequence[str] | None = None,
        bold_last_row: bool = False,
        size: float = 9,
    ) -> None:
        """Bordered table with a shaded heading row."""
        self.set_font(FONT, "", size)
        aligns = tuple(align) if align else tuple("L" for _ in headings)
        with self.table(
            col_widths=tuple(col_widths),
            text_align=aligns,
            headings_style=HEADINGS_STYLE,
            line_height=4.6,
            padding=1.2,
        ) as table:
            head = table.row()
            for text in headings:
                head.cell(latin1(text), align="C")
            for index, values in enumerate(rows):
                style = BOLD if bold_last_row and index == len(rows) - 1 else None
                row = table.row()
                for text in values:
                    row.cell(latin1(text), style=style)
        self.ln(3)

    def fill_line(self, label: str, lines: int = 1, label_width: float = 55) -> None:
        """Form field: a label followed by dotted lines to write on."""
        self.set_font(FONT, "", 10)
        self.set_x(self.l_margin)
        self.cell(label_width, 7, latin1(label))
        self.cell(4, 7, ":")
        dots_width = self.w - self.r_margin - self.get_x()
        self.cell(dots_width, 7, self._dots(dots_width), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for _ in range(lines - 1):
            self.set_x(self.l_margin + label_width + 4)
            self.cell(dots_width, 7, self._dots(dots_width), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def _dots(self, width: float) -> str:
        dot = self.get_string_width(".")
        return "." * int((width - 1) / dot)

    def checkboxes(self, options: Sequence[str], indent: float = 8) -> None:
        self.set_font(FONT, "", 10)
        for option in options:
            self.set_x(self.l_margin + indent)
            self.multi_cell(0, 5.5, latin1(f"[   ]  {option}"),
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def signature(self, place_date: str, position: Sequence[str], name: str,
                  x_offset: float = 85) -> None:
        """Signature block on the right half of the page (name only, no NIP)."""
        self.set_font(FONT, "", 10)
        left = self.l_margin + x_offset
        width = self.w - self.r_margin - left
        text_lines = sum(
            len(self.multi_cell(width, 5, latin1(text), dry_run=True, output="LINES"))
            for text in (place_date, *position, name)
        )
        needed = 3 + 5 * text_lines + 16
        if self.get_y() + needed > self.h - self.b_margin:
            self.add_page()
        self.ln(3)
        self.set_x(left)
        self.multi_cell(width, 5, latin1(place_date), align="L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for line in position:
            self.set_x(left)
            self.multi_cell(width, 5, latin1(line), align="L",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(16)
        self.set_x(left)
        self.set_font(FONT, "BU", 10)
        self.multi_cell(width, 5, latin1(name), align="L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "", 10)


def rupiah(amount: int) -> str:
    """Format an integer amount the Indonesian way: 1.250.000."""
    return f"{amount:,}".replace(",", ".")


def percent(part: int, whole: int) -> str:
    """Percentage with one decimal and a decimal comma."""
    return f"{part * 100 / whole:.1f}".replace(".", ",")


def percent2(part: int, whole: int) -> str:
    """Percentage with two decimals and a decimal comma."""
    return f"{part * 100 / whole:.2f}".replace(".", ",")


# ---------------------------------------------------------------------------
# Shared figures (must match the Markdown pages that describe them)
# ---------------------------------------------------------------------------

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
          "Agustus", "September", "Oktober", "November", "Desember")

REQUESTS_2025 = (9, 11, 12, 10, 13, 12, 14, 15, 13, 14, 13, 12)
OUTCOMES_2025 = (
    ("Dikabulkan seluruhnya", 112),
    ("Dikabulkan sebagian", 14),
    ("Ditolak", 7),
    ("Informasi tidak dikuasai (diteruskan ke badan publik lain)", 11),
    ("Informasi belum didokumentasikan", 2),
    ("Dalam proses per 31 Desember 2025 (selesai Januari 2026)", 2),
)
CHANNELS_2025 = (("Surat elektronik", 74), ("Datang langsung", 31), ("Surat", 24),
                 ("Telepon, dilanjutkan dengan formulir", 19))
APPLICANTS_2025 = (("Perorangan", 96),
                   ("Lembaga swadaya masyarakat dan organisasi kemasyarakatan", 21),
                   ("Badan hukum", 18), ("Media massa", 13))

REQUESTS_2026_S1 = (10, 12, 11, 13, 12, 13)
OUTCOMES_2026_S1 = (
    ("Dikabulkan seluruhnya", 55),
    ("Dikabulkan sebagian", 6),
    ("Ditolak", 3),
    ("Informasi tidak dikuasai (diteruskan ke badan publik lain)", 5),
    ("Informasi belum didokumentasikan", 0),
    ("Dalam proses per 30 Juni 2026 (selesai Juli 2026)", 2),
)
CHANNELS_2026_S1 = (("Surat elektronik", 38), ("Datang langsung", 16), ("Surat", 9),
                    ("Telepon, dilanjutkan dengan formulir", 8))
APPLICANTS_2026_S1 = (("Perorangan", 45),
                      ("Lembaga swadaya masyarakat dan organisasi kemasyarakatan", 11),
                      ("Badan hukum", 9), ("Media massa", 6))

# (label, budget, realisation, is_subitem)
BUDGET_2025 = (
    ("Belanja Operasi", 22_150_000_000, 21_012_640_300, False),
    ("Belanja Pegawai", 9_800_000_000, 9_512_330_000, True),
    ("Belanja Barang dan Jasa", 12_350_000_000, 11_500_310_300, True),
    ("Belanja Modal", 6_300_000_000, 5_880_575_100, False),
    ("Belanja Modal Peralatan dan Mesin", 4_900_000_000, 4_612_420_100, True),
    ("Belanja Modal Jalan, Irigasi, dan Jaringan", 1_400_000_000, 1_268_155_000, True),
)
REVENUE_2025 = ("Lain-lain PAD yang sah", 150_000_000, 162_400_000)
FIXED_ASSETS_2025 = (
    ("Tanah", 6_250_000_000),
    ("Peralatan dan Mesin", 38_940_500_000),
    ("Gedung dan Bangunan", 9_120_000_000),
    ("Jalan, Irigasi, dan Jaringan", 7_615_300_000),
    ("Aset Tetap Lainnya", 354_425_600),
)
ACCUMULATED_DEPRECIATION_2025 = 20_500_000_000
CURRENT_ASSETS_2025 = 412_560_000
OTHER_ASSETS_2025 = 1_230_400_000
LIABILITIES_2025 = 186_300_000

HEAD_OF_AGENCY = "Drs. Bambang Sutrisno, M.Si."
PPID_OFFICIAL = "Rina Kartika Sari, S.Sos., M.A.P."


def _channel_applicant_table(pdf: DemoPDF, channels: Sequence[tuple[str, int]],
                             applicants: Sequence[tuple[str, int]]) -> None:
    """Requests by channel and by applicant category, side by side."""
    rows = [[channel, str(c_count), applicant, str(a_count)]
            for (channel, c_count), (applicant, a_count) in zip(channels, applicants)]
    rows.append(["Jumlah", str(sum(c for _, c in channels)),
                 "Jumlah", str(sum(a for _, a in applicants))])
    pdf.grid(["Saluran permohonan", "Jumlah", "Kategori pemohon", "Jumlah"], rows,
             (33, 10, 47, 10), align=("L", "R", "L", "R"), bold_last_row=True)


def _outcome_table(pdf: DemoPDF, items: Sequence[tuple[str, int]]) -> None:
    total = sum(count for _, count in items)
    rows = [[label, str(count), percent(count, total)] for label, count in items]
    rows.append(["Jumlah", str(total), "100"])
    pdf.grid(["Hasil layanan", "Jumlah", "Persen"], rows, (64, 18, 18),
             align=("L", "R", "R"), bold_last_row=True)


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------


def build_laporan_layanan_2025() -> DemoPDF:
    pdf = DemoPDF(
        "Laporan Layanan Informasi Publik Tahun 2025",
        "Laporan tahunan layanan informasi publik PPID",
        datetime(2026, 3, 27, 9, 0, tzinfo=WIB),
    )
    pdf.doc_heading("LAPORAN LAYANAN INFORMASI PUBLIK", "TAHUN 2025",
                    PPID_NAME.upper())
    pdf.paragraph(
        "Laporan ini disusun sesuai Pasal 12 Undang-Undang Nomor 14 Tahun 2008 tentang "
        "Keterbukaan Informasi Publik dan Peraturan Komisi Informasi Nomor 1 Tahun 2021 "
        "tentang Standar Layanan Informasi Publik, dan disampaikan kepada Atasan PPID serta "
        "Komisi Informasi Provinsi Contoh paling lambat 3 bulan setelah tahun anggaran 2025 "
        "berakhir. Laporan tidak memuat identitas pemohon; seluruh data disajikan secara agregat."
    )

    pdf.section("I. Gambaran Umum Kebijakan Pelayanan Informasi Publik")
    pdf.numbered([
        "Kebijakan: layanan informasi diselenggarakan berdasarkan Peraturan Wali Kota Contoh "
        "Nomor 18 Tahun 2019, Keputusan Kepala Dinas tentang Susunan Organisasi PPID, dan "
        "Standar Pelayanan Informasi Publik.",
        "Sarana dan prasarana: 1 meja layanan informasi di lobi utama, ruang baca, 1 komputer "
        "akses publik, kursi roda, jalur landai, dan situs PPID dengan persetujuan berjenjang.",
        "Sumber daya manusia: 3 petugas layanan informasi, 2 operator situs, dan tim PPID dari "
        "sekretariat serta 4 bidang. Seluruh petugas layanan telah mengikuti pelatihan layanan "
        "informasi publik.",
        "Anggaran: subkegiatan layanan PPID tahun 2025 sebesar Rp" + rupiah(610_000_000)
        + " dengan realisasi Rp" + rupiah(583_450_000) + " ("
        + percent2(583_450_000, 610_000_000) + " persen).",
    ])

    pdf.section("II. Rincian Pelayanan Permohonan Informasi")
    months = [[MONTHS[i], str(REQUESTS_2025[i]), MONTHS[i + 6], str(REQUESTS_2025[i + 6])]
              for i in range(6)]
    months.append(["Semester I", str(sum(REQUESTS_2025[:6])),
                   "Semester II", str(sum(REQUESTS_2025[6:]))])
    pdf.grid(["Bulan", "Permohonan", "Bulan", "Permohonan"], months, (30, 20, 30, 20),
             align=("L", "R", "L", "R"), bold_last_row=True)
    pdf.paragraph(
        f"Jumlah permohonan tahun 2025 sebanyak {sum(REQUESTS_2025)} permohonan, naik 17 persen "
        "dibanding tahun 2024 (126 permohonan)."
    )
    _channel_applicant_table(pdf, CHANNELS_2025, APPLICANTS_2025)
    _outcome_table(pdf, OUTCOMES_2025)
    pdf.paragraph(
        "Alasan penolakan: 5 permohonan memuat data pribadi (UU 14/2008 Pasal 17 huruf h) dan "
        "2 permohonan meminta memorandum internal yang masih dibahas (Pasal 17 huruf i). "
        "Rata-rata waktu pemenuhan permohonan adalah 4,6 hari kerja. Sebanyak 9 permohonan "
        "diperpanjang 7 hari kerja karena memerlukan uji konsekuensi atau penelusuran arsip; "
        "seluruhnya selesai dalam batas waktu."
    )

    pdf.section("III. Rincian Keberatan dan Sengketa Informasi")
    pdf.grid(
        ["Alasan keberatan (UU 14/2008 Pasal 35 ayat (1))", "Jumlah", "Penyelesaian"],
        [
            ["Huruf a - penolakan berdasarkan Pasal 17", "3",
             "1 informasi diberikan, 2 keputusan PPID dikuatkan"],
            ["Huruf d - ditanggapi tidak sebagaimana diminta", "2", "Informasi diberikan"],
            ["Huruf g - melebihi jangka waktu", "1", "Informasi diberikan"],
            ["Jumlah", "6", "Rata-rata tanggapan 12 hari kerja"],
        ],
        (50, 12, 38), align=("L", "R", "L"), bold_last_row=True,
    )
    pdf.paragraph(
        "Terdapat 1 sengketa informasi di Komisi Informasi Provinsi Contoh yang diselesaikan "
        "melalui mediasi dengan kesepakatan pemberian informasi yang bagian data pribadinya "
        "dihitamkan."
    )

    pdf.section("IV. Kendala")
    pdf.numbered([
        "Penelusuran arsip tahun 2018-2022 yang belum terdigitalisasi memperlama pemenuhan "
        "sebagian permohonan.",
        "Uji konsekuensi atas dokumen pengadaan memerlukan koordinasi dengan beberapa unit.",
        "Sebagian unit kerja belum menyerahkan informasi berkala tepat waktu.",
    ])

    pdf.section("V. Rekomendasi dan Rencana Tindak Lanjut")
    pdf.numbered([
        "Digitalisasi arsip tahun 2018-2022 secara bertahap mulai tahun 2026.",
        "Penetapan daftar informasi yang dikecualikan yang lebih rinci beserta lembar uji "
        "konsekuensi.",
        "Penerapan pemeriksaan konten dan persetujuan berjenjang pada situs PPID sesuai SOP "
        "Keamanan Pengelolaan Website PPID.",
    ])
    pdf.signature("Kota Contoh, 27 Maret 2026",
                  ["Pejabat Pengelola Informasi dan Dokumentasi", AGENCY_FULL + ","],
                  PPID_OFFICIAL)
    return pdf


def build_laporan_layanan_semester_i_2026() -> DemoPDF:
    pdf = DemoPDF(
        "Laporan Layanan Informasi Publik Semester I Tahun 2026",
        "Laporan semesteran layanan informasi publik PPID",
        datetime(2026, 7, 10, 9, 0, tzinfo=WIB),
    )
    pdf.doc_heading("LAPORAN LAYANAN INFORMASI PUBLIK",
                    "SEMESTER I TAHUN 2026 (1 JANUARI - 30 JUNI 2026)")
    pdf.paragraph(
        "Laporan semesteran ini disusun untuk memantau kinerja layanan informasi publik di "
        "tengah tahun anggaran dan akan digabungkan ke dalam Laporan Layanan Informasi Publik "
        "Tahun 2026. Data disajikan secara agregat tanpa identitas pemohon."
    )
    pdf.section("1. Permohonan Informasi")
    rows = [[MONTHS[i], str(count)] for i, count in enumerate(REQUESTS_2026_S1)]
    rows.append(["Jumlah", str(sum(REQUESTS_2026_S1))])
    pdf.grid(["Bulan", "Permohonan"], rows, (60, 40), align=("L", "R"), bold_last_row=True)
    pdf.paragraph(
        "Jumlah permohonan naik 6 persen dibanding Semester I Tahun 2025 (67 permohonan). "
        "Permohonan terbanyak berkaitan dengan data Wi-Fi publik, anggaran pusat data, dan "
        "data statistik sektoral."
    )
    _channel_applicant_table(pdf, CHANNELS_2026_S1, APPLICANTS_2026_S1)
    pdf.section("2. Hasil Layanan")
    _outcome_table(pdf, OUTCOMES_2026_S1)
    pdf.paragraph(
        "Alasan penolakan: 2 permohonan memuat data pribadi (UU 14/2008 Pasal 17 huruf h) dan "
        "1 permohonan atas konfigurasi keamanan jaringan pusat data (Pasal 17 huruf c). "
        "Rata-rata waktu pemenuhan 4,2 hari kerja; 3 permohonan diperpanjang 7 hari kerja dan "
        "seluruhnya selesai dalam batas waktu."
    )
    pdf.section("3. Keberatan dan Sengketa")
    pdf.paragraph(
        "Terdapat 2 keberatan. Keberatan atas penolakan berdasarkan Pasal 17 ditanggapi Atasan "
        "PPID dengan menguatkan keputusan PPID, disertai perintah memberikan ringkasan hasil "
        "audit keamanan tanpa rincian teknis. Keberatan atas keterlambatan pengiriman salinan "
        "diselesaikan pada hari yang sama. Tidak ada sengketa yang diajukan ke Komisi Informasi."
    )
    pdf.section("4. Tindak Lanjut Rekomendasi Tahun 2025")
    pdf.grid(
        ["Rekomendasi", "Tindak lanjut per 30 Juni 2026"],
        [
            ["Digitalisasi arsip tahun 2018-2022", "Arsip tahun 2018 dan 2019 selesai (40 persen)"],
            ["Daftar informasi yang dikecualikan yang lebih rinci",
             "Ditetapkan 19 Januari 2026, 10 kategori"],
            ["Persetujuan berjenjang pada situs PPID",
             "Diterapkan sejak Maret 2026 sesuai SOP Keamanan Pengelolaan Website"],
        ],
        (45, 55),
    )
    pdf.signature("Kota Contoh, 10 Juli 2026",
                  ["Pejabat Pengelola Informasi dan Dokumentasi", AGENCY_FULL + ","],
                  PPID_OFFICIAL)
    return pdf


# (ringkasan, unit, penanggung jawab, bentuk, retensi, jenis)
DIP_2026_ROWS = (
    ("Profil dinas: struktur organisasi PPID, tugas dan fungsi", "Sekretariat",
     "Sekretaris Dinas", "Cetak, elektronik", "Selama berlaku + 5 tahun", "Berkala"),
    ("Profil pejabat struktural", "Subbag Umum dan Kepegawaian", "Sekretaris Dinas",
     "Cetak, elektronik", "5 tahun", "Berkala"),
    ("Status kepatuhan LHKPN pejabat", "Subbag Umum dan Kepegawaian", "Sekretaris Dinas",
     "Elektronik", "5 tahun", "Berkala"),
    ("Peraturan, keputusan, dan kebijakan beserta rancangan", "Subbag Umum dan Kepegawaian",
     "Sekretaris Dinas", "Cetak, elektronik", "Permanen", "Berkala"),
    ("Program dan kegiatan tahun berjalan", "Subbag Perencanaan dan Keuangan",
     "Sekretaris Dinas", "Cetak, elektronik", "10 tahun", "Berkala"),
    ("Ringkasan laporan keuangan", "Subbag Perencanaan dan Keuangan", "Sekretaris Dinas",
     "Cetak, elektronik", "10 tahun", "Berkala"),
    ("Ringkasan laporan kinerja (LKjIP)", "Subbag Perencanaan dan Keuangan",
     "Sekretaris Dinas", "Cetak, elektronik", "10 tahun", "Berkala"),
    ("Pengadaan barang dan jasa", "Subbag Umum dan Kepegawaian", "Sekretaris Dinas",
     "Cetak, elektronik", "10 tahun", "Berkala"),
    ("Prosedur peringatan dini dan evakuasi", "Bidang IKP", "Kepala Bidang IKP",
     "Cetak, elektronik", "Selama berlaku + 5 tahun", "Berkala"),
    ("Tata cara pengaduan penyalahgunaan wewenang", "Sekretariat", "Sekretaris Dinas",
     "Cetak, elektronik", "Selama berlaku + 5 tahun", "Berkala"),
    ("Laporan layanan informasi publik tahunan dan semesteran", "Bidang IKP",
     "Kepala Bidang IKP", "Cetak, elektronik", "10 tahun", "Berkala"),
    ("Peringatan dini bencana dan gangguan layanan publik terencana", "Bidang IKP; Bidang "
     "Infrastruktur TIK", "Kepala Bidang terkait", "Elektronik, rekaman", "5 tahun",
     "Serta merta"),
    ("Daftar Informasi Publik", "Bidang IKP", "Kepala Bidang IKP", "Cetak, elektronik",
     "Permanen", "Setiap saat"),
    ("Rencana kerja dan anggaran (RKA/DPA)", "Subbag Perencanaan dan Keuangan",
     "Sekretaris Dinas", "Cetak, elektronik", "10 tahun", "Setiap saat"),
    ("Perjanjian kerja sama dengan pihak ketiga", "Sekretariat", "Sekretaris Dinas",
     "Cetak, elektronik", "10 tahun setelah berakhir", "Setiap saat"),
    ("SOP pelayanan informasi dan SOP keamanan pengelolaan website", "Bidang IKP",
     "Kepala Bidang IKP", "Cetak, elektronik", "Selama berlaku + 5 tahun", "Setiap saat"),
    ("Data statistik sektoral agregat", "Bidang Statistik dan Persandian",
     "Kepala Bidang Statistik dan Persandian", "Elektronik", "10 tahun", "Setiap saat"),
)


def build_dip_2026() -> DemoPDF:
    pdf = DemoPDF(
        "Keputusan PPID tentang Daftar Informasi Publik Tahun 2026",
        "Penetapan Daftar Informasi Publik Tahun 2026",
        datetime(2026, 1, 12, 9, 0, tzinfo=WIB),
    )
    pdf.doc_heading(
        "KEPUTUSAN PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI",
        AGENCY_FULL.upper(),
        "NOMOR 480/008/KOMINFO/2026",
        "TENTANG",
        "DAFTAR INFORMASI PUBLIK TAHUN 2026",
    )
    pdf.key_values([
        ("Menimbang", "a. bahwa setiap badan publik wajib menyediakan, memberikan, dan/atau "
         "menerbitkan informasi publik yang berada di bawah kewenangannya; b. bahwa untuk "
         "melaksanakan ketentuan Pasal 7 ayat (1) Undang-Undang Nomor 14 Tahun 2008, PPID perlu "
         "menetapkan Daftar Informasi Publik yang dimutakhirkan setiap tahun;"),
        ("Mengingat", "1. Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi "
         "Publik; 2. Peraturan Pemerintah Nomor 61 Tahun 2010; 3. Peraturan Komisi Informasi "
         "Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik; 4. Peraturan Wali Kota "
         "Contoh Nomor 18 Tahun 2019 tentang Pedoman Pengelolaan Informasi dan Dokumentasi."),
    ], key_width=28)
    pdf.doc_heading("MEMUTUSKAN")
    pdf.key_values([
        ("Menetapkan", "KEPUTUSAN PPID TENTANG DAFTAR INFORMASI PUBLIK TAHUN 2026."),
        ("KESATU", "Menetapkan Daftar Informasi Publik " + AGENCY_FULL + " Tahun 2026 "
         "sebagaimana tercantum dalam Lampiran Keputusan ini."),
        ("KEDUA", "Daftar Informasi Publik memuat nomor, ringkasan isi informasi, unit yang "
         "menguasai informasi, penanggung jawab pembuatan atau penerbitan informasi, waktu dan "
         "tempat pembuatan informasi, bentuk informasi yang tersedia, jangka waktu penyimpanan, "
         "dan jenis informasi."),
        ("KETIGA", "Setiap unit kerja wajib menyerahkan informasi yang tercantum dalam Lampiran "
         "kepada PPID sesuai jadwal pemutakhiran. Daftar Informasi Publik pada situs PPID "
         "disusun dari halaman informasi yang telah disetujui dan menunjukkan keadaan terkini."),
        ("KEEMPAT", "Keputusan ini berlaku sejak tanggal ditetapkan."),
    ], key_width=28)
    pdf.signature("Ditetapkan di Kota Contoh pada tanggal 12 Januari 2026",
                  ["Pejabat Pengelola Informasi dan Dokumentasi", AGENCY_FULL + ","],
                  PPID_OFFICIAL)

    pdf.add_page(orientation="L")
    pdf.doc_heading("LAMPIRAN KEPUTUSAN PPID NOMOR 480/008/KOMINFO/2026",
                    "DAFTAR INFORMASI PUBLIK TAHUN 2026")
    rows = [
        [str(index), summary, unit, owner, "2026, Kota Contoh", form, retention, kind]
        for index, (summary, unit, owner, form, retention, kind)
        in enumerate(DIP_2026_ROWS, start=1)
    ]
    pdf.grid(
        ["No", "Ringkasan isi informasi", "Unit yang menguasai", "Penanggung jawab",
         "Waktu dan tempat", "Bentuk", "Retensi", "Jenis"],
        rows, (5, 27, 16, 14, 10, 10, 11, 8), size=8,
        align=("C", "L", "L", "L", "L", "L", "L", "L"),
    )
    pdf.paragraph("Keterangan: Bidang IKP = Bidang Informasi dan Komunikasi Publik; Subbag = "
                  "Subbagian. Informasi yang dikecualikan ditetapkan dengan Keputusan PPID "
                  "Nomor 480/012/KOMINFO/2026.", size=9)
    return pdf


# (informasi, dasar hukum, bila dibuka, bila ditutup, jangka waktu)
DIK_2026_ROWS = (
    ("Identitas dan kontak pemohon informasi, pengaju keberatan, dan pelapor pengaduan",
     "UU 14/2008 Pasal 17 huruf h; UU 27/2022",
     "Pelanggaran data pribadi; pelapor dapat mengalami tekanan atau pembalasan",
     "Pelapor terlindungi; substansi tetap dilaporkan secara statistik",
     "Tidak dibatasi waktu, kecuali pemilik data menyetujui secara tertulis"),
    ("Riwayat dan kondisi kesehatan pegawai", "UU 14/2008 Pasal 17 huruf h",
     "Pelanggaran privasi dan diskriminasi terhadap pegawai",
     "Hak pegawai atas kerahasiaan kesehatan terlindungi", "Tidak dibatasi waktu"),
    ("Data keuangan pribadi pegawai: rekening bank, rincian gaji perorangan, dan potongan",
     "UU 14/2008 Pasal 17 huruf h", "Penyalahgunaan data keuangan dan penipuan",
     "Kerahasiaan terjaga; total belanja pegawai tetap diumumkan", "Tidak dibatasi waktu"),
    ("Hasil penilaian kinerja individu, uji kompetensi, dan pemeriksaan disiplin yang belum "
     "diputus", "UU 14/2008 Pasal 17 huruf h",
     "Merugikan nama baik pegawai sebelum ada keputusan",
     "Penilaian berjalan objektif; sanksi berat yang final tetap diumumkan",
     "Tidak dibatasi waktu"),
    ("Kunci kriptografi, konfigurasi perangkat persandian, dan dokumen sistem persandian",
     "UU 14/2008 Pasal 17 huruf c",
     "Komunikasi rahasia pemerintah dapat dibuka pihak tidak berwenang",
     "Sistem persandian terlindungi; kebijakan umum tetap diumumkan", "30 tahun"),
    ("Kata sandi, konfigurasi keamanan, topologi rinci jaringan dan pusat data, laporan "
     "kerentanan yang belum diperbaiki", "UU 14/2008 Pasal 17 huruf c",
     "Memudahkan serangan siber, penyisipan tautan judi daring, pencurian data warga",
     "Layanan elektronik aman; ringkasan audit diumumkan setelah perbaikan",
     "Sampai diperbaiki atau diganti, paling lama 5 tahun"),
    ("Rincian perhitungan HPS sebelum batas akhir pemasukan penawaran",
     "UU 14/2008 Pasal 17 huruf b",
     "Persaingan usaha tidak sehat dan pengaturan harga",
     "Pemilihan penyedia adil; nilai total HPS tetap diumumkan",
     "Sampai batas akhir pemasukan penawaran"),
    ("Dokumen penawaran peserta pengadaan yang memuat rahasia dagang",
     "UU 14/2008 Pasal 17 huruf b", "Rahasia dagang peserta diketahui pesaing",
     "Peserta terlindungi; pemenang dan nilai kontrak tetap diumumkan",
     "5 tahun sejak kontrak ditandatangani"),
    ("Memorandum dan naskah rancangan kebijakan yang masih dibahas secara internal",
     "UU 14/2008 Pasal 17 huruf i",
     "Pembahasan tidak leluasa; salah paham publik atas rancangan yang belum final",
     "Perumusan kebijakan berjalan; tahapan rancangan tetap diumumkan",
     "Sampai tahap konsultasi publik atau ditetapkan"),
    ("Data mikro statistik sektoral yang dapat mengidentifikasi responden",
     "UU 14/2008 Pasal 17 huruf h dan huruf j; UU 16/1997",
     "Responden dapat dikenali; kepercayaan responden turun",
     "Kerahasiaan responden terjaga; data agregat tetap dipublikasikan",
     "Tidak dibatasi waktu"),
)


def build_penetapan_dikecualikan_2026() -> DemoPDF:
    pdf = DemoPDF(
        "Keputusan PPID tentang Penetapan Informasi yang Dikecualikan",
        "Surat penetapan klasifikasi dan uji konsekuensi informasi yang dikecualikan",
        datetime(2026, 1, 19, 9, 0, tzinfo=WIB),
    )
    pdf.doc_heading(
        "KEPUTUSAN PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI",
        AGENCY_FULL.upper(),
        "NOMOR 480/012/KOMINFO/2026",
        "TENTANG",
        "PENETAPAN INFORMASI YANG DIKECUALIKAN",
    )
    pdf.key_values([
        ("Menimbang", "a. bahwa informasi publik bersifat terbuka dan dapat diakses, kecuali "
         "informasi yang dikecualikan secara ketat dan terbatas; b. bahwa PPID telah melakukan "
         "uji konsekuensi bersama unit pemilik informasi pada tanggal 14 dan 15 Januari 2026 "
         "sebagaimana tercantum dalam berita acara uji konsekuensi;"),
        ("Mengingat", "1. Undang-Undang Nomor 14 Tahun 2008, terutama Pasal 17, Pasal 19, dan "
         "Pasal 20; 2. Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi; "
         "3. Peraturan Komisi Informasi Nomor 1 Tahun 2017 tentang Pengklasifikasian "
         "Informasi Publik."),
    ], key_width=28)
    pdf.doc_heading("MEMUTUSKAN")
    pdf.key_values([
        ("KESATU", "Menetapkan kategori informasi yang dikecualikan beserta dasar hukum, "
         "konsekuensi, dan jangka waktu pengecualiannya sebagaimana tercantum dalam Lampiran."),
        ("KEDUA", "Pengecualian hanya berlaku atas bagian informasi yang termasuk kategori "
         "dalam Lampiran. Bagian lain dari dokumen yang sama tetap diberikan dengan bagian "
         "yang dikecualikan dihitamkan atau dikaburkan."),
        ("KETIGA", "Pengecualian berdasarkan Pasal 17 huruf g dan huruf h tidak dibatasi waktu; "
         "pengecualian lainnya berakhir sesuai jangka waktu dalam Lampiran dan ditinjau ulang "
         "sekurang-kurangnya setiap tahun."),
        ("KEEMPAT", "Keputusan ini berlaku sejak tanggal ditetapkan."),
    ], key_width=28)
    pdf.signature("Ditetapkan di Kota Contoh pada tanggal 19 Januari 2026",
                  ["Pejabat Pengelola Informasi dan Dokumentasi", AGENCY_FULL + ","],
                  PPID_OFFICIAL)

    pdf.add_page(orientation="L")
    pdf.doc_heading("LAMPIRAN KEPUTUSAN PPID NOMOR 480/012/KOMINFO/2026",
                    "DAFTAR INFORMASI YANG DIKECUALIKAN DAN HASIL UJI KONSEKUENSI")
    rows = [[str(index), *values] for index, values in enumerate(DIK_2026_ROWS, start=1)]
    pdf.grid(
        ["No", "Informasi", "Dasar hukum pengecualian", "Konsekuensi bila dibuka",
         "Konsekuensi bila ditutup", "Jangka waktu pengecualian"],
        rows, (5, 26, 16, 19, 19, 15), size=8,
        align=("C", "L", "L", "L", "L", "L"),
    )
    return pdf


def build_maklumat_pelayanan() -> DemoPDF:
    pdf = DemoPDF(
        "Maklumat Pelayanan Informasi Publik",
        "Maklumat pelayanan PPID",
        datetime(2026, 1, 26, 9, 0, tzinfo=WIB),
    )
    pdf.ln(12)
    pdf.set_font(FONT, "B", 22)
    pdf.cell(0, 12, "MAKLUMAT PELAYANAN", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 8, "PELAYANAN INFORMASI PUBLIK", align="C",
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.cell(0, 8, PPID_NAME.upper(), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(14)
    pdf.set_font(FONT, "", 15)
    pdf.set_x(pdf.l_margin + 10)
    pdf.multi_cell(
        pdf.epw - 20, 9,
        latin1('"DENGAN INI KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PELAYANAN INFORMASI '
               'PUBLIK SESUAI STANDAR PELAYANAN YANG TELAH DITETAPKAN DAN APABILA TIDAK '
               'MENEPATI JANJI INI, KAMI SIAP MENERIMA SANKSI SESUAI PERATURAN '
               'PERUNDANG-UNDANGAN YANG BERLAKU."'),
        align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT,
    )
    pdf.ln(12)
    pdf.section("Janji Layanan")
    pdf.numbered([
        "Permohonan informasi dijawab paling lambat 10 hari kerja, dapat diperpanjang satu "
        "kali paling lama 7 hari kerja dengan pemberitahuan tertulis.",
        "Keberatan ditanggapi oleh Atasan PPID paling lambat 30 hari kerja.",
        "Layanan informasi tidak dipungut biaya; biaya penggandaan dan pengiriman sesuai "
        "standar biaya yang diumumkan.",
        "Data pribadi pemohon dijaga kerahasiaannya.",
        "Pengaduan: telepon (0299) 555-0199 atau surel pengaduan.ppid@kotacontoh.go.id.",
    ])
    pdf.signature("Kota Contoh, 26 Januari 2026",
                  ["Kepala " + AGENCY_FULL, "selaku Atasan PPID,"], HEAD_OF_AGENCY)
    return pdf


def build_formulir_permohonan() -> DemoPDF:
    pdf = DemoPDF(
        "Formulir Permohonan Informasi Publik",
        "Formulir permohonan informasi publik",
        datetime(2026, 1, 26, 9, 0, tzinfo=WIB),
    )
    pdf.doc_heading("FORMULIR PERMOHONAN INFORMASI PUBLIK")
    pdf.fill_line("Nomor pendaftaran (diisi petugas)")
    pdf.fill_line("Tanggal permohonan")
    pdf.ln(2)
    pdf.section("Identitas Pemohon")
    pdf.fill_line("Nama lengkap")
    pdf.fill_line("Alamat", lines=2)
    pdf.fill_line("Pekerjaan")
    pdf.fill_line("Telepon atau surel")
    pdf.set_font(FONT, "", 10)
    pdf.cell(0, 6, "Identitas yang dilampirkan:", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.checkboxes(["Kartu identitas perorangan", "Akta pendirian badan hukum dan surat kuasa",
                    "Surat kuasa kelompok masyarakat"])
    pdf.section("Informasi yang Dimohon")
    pdf.fill_line("Rincian informasi yang dibutuhkan", lines=3)
    pdf.fill_line("Tujuan penggunaan informasi", lines=2)
    pdf.set_font(FONT, "", 10)
    pdf.cell(0, 6, "Cara memperoleh informasi:", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.checkboxes(["Melihat, membaca, mendengarkan, atau mencatat",
                    "Mendapatkan salinan cetak", "Mendapatkan salinan elektronik"])
    pdf.cell(0, 6, "Cara mendapatkan salinan:", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.checkboxes(["Mengambil langsung", "Pos atau kurir (biaya ditanggung pemohon)",
                    "Surat elektronik"])
    pdf.paragraph(
        "Catatan: layanan informasi tidak dipungut biaya; biaya penggandaan dan pengiriman "
        "sesuai standar biaya. PPID menjawab paling lambat 10 hari kerja sejak permohonan "
        "dicatat dan dapat memperpanjang satu kali paling lama 7 hari kerja. Data pribadi "
        "pemohon hanya digunakan untuk layanan ini dan tidak dipublikasikan.",
        size=8.5,
    )
    _two_signatures(pdf, "Petugas Pelayanan Informasi", "Pemohon Informasi")
    return pdf


def build_formulir_keberatan() -> DemoPDF:
    pdf = DemoPDF(
        "Formulir Pernyataan Keberatan atas Permohonan Informasi",
        "Formulir keberatan kepada Atasan PPID",
        datetime(2026, 1, 26, 9, 0, tzinfo=WIB),
    )
    pdf.doc_heading("PERNYATAAN KEBERATAN ATAS PERMOHONAN INFORMASI",
                    "Ditujukan kepada Atasan PPID " + AGENCY_FULL)
    pdf.section("A. Informasi Pengaju Keberatan")
    pdf.fill_line("Nomor registrasi keberatan (diisi petugas)", label_width=70)
    pdf.fill_line("Nomor pendaftaran permohonan", label_width=70)
    pdf.fill_line("Tujuan penggunaan informasi", label_width=70)
    pdf.fill_line("Nama pemohon", label_width=70)
    pdf.fill_line("Alamat", label_width=70)
    pdf.fill_line("Telepon atau surel", label_width=70)
    pdf.fill_line("Nama kuasa pemohon (bila ada)", label_width=70)
    pdf.section("B. Alasan Keberatan (UU 14/2008 Pasal 35 ayat (1))")
    pdf.checkboxes([
        "a. Permohonan informasi ditolak berdasarkan alasan pengecualian Pasal 17",
        "b. Informasi berkala tidak disediakan",
        "c. Permintaan informasi tidak ditanggapi",
        "d. Permintaan informasi ditanggapi tidak sebagaimana yang diminta",
        "e. Permintaan informasi tidak dipenuhi",
        "f. Biaya yang dikenakan tidak wajar",
        "g. Informasi disampaikan melebihi jangka waktu yang ditentukan",
    ], indent=4)
    pdf.section("C. Kasus Posisi")
    pdf.fill_line("Uraian singkat", lines=3, label_width=30)
    pdf.section("D. Tanggapan Atasan PPID")
    pdf.paragraph(
        "Tanggapan tertulis atas keberatan ini diberikan paling lambat 30 hari kerja sejak "
        "keberatan dicatat, yaitu pada tanggal ........................ (diisi petugas). "
        "Bila tidak puas dengan tanggapan, pengaju keberatan dapat mengajukan penyelesaian "
        "sengketa kepada Komisi Informasi Provinsi Contoh paling lambat 14 hari kerja setelah "
        "tanggapan diterima.",
        size=9,
    )
    _two_signatures(pdf, "Petugas Penerima Keberatan", "Pengaju Keberatan")
    return pdf


def _two_signatures(pdf: DemoPDF, left_role: str, right_role: str) -> None:
    """Two blank signature boxes side by side (for forms)."""
    if pdf.get_y() > pdf.h - 55:
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font(FONT, "", 10)
    half = pdf.epw / 2
    pdf.cell(half, 5, latin1(left_role), align="C")
    pdf.cell(half, 5, latin1(right_role), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(18)
    line = "(" + "." * 40 + ")"
    pdf.cell(half, 5, line, align="C")
    pdf.cell(half, 5, line, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.cell(half, 5, "Nama dan tanda tangan", align="C")
    pdf.cell(half, 5, "Nama dan tanda tangan", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def build_ringkasan_laporan_keuangan_2025() -> DemoPDF:
    pdf = DemoPDF(
        "Ringkasan Laporan Keuangan Tahun Anggaran 2025",
        "Ringkasan laporan keuangan dinas (unaudited)",
        datetime(2026, 3, 16, 9, 0, tzinfo=WIB),
    )
    pdf.doc_heading("RINGKASAN LAPORAN KEUANGAN", AGENCY_FULL.upper(),
                    "TAHUN ANGGARAN 2025 (SEBELUM PEMERIKSAAN)")
    pdf.paragraph(
        "Laporan keuangan disusun berdasarkan Standar Akuntansi Pemerintahan berbasis akrual "
        "dan telah disampaikan kepada Badan Keuangan Daerah Kota Contoh untuk dikonsolidasikan "
        "ke dalam Laporan Keuangan Pemerintah Kota Contoh. Angka dalam rupiah."
    )

    pdf.section("1. Laporan Realisasi Anggaran")
    label, budget, actual = REVENUE_2025
    rows = [["Pendapatan: " + label, rupiah(budget), rupiah(actual), percent2(actual, budget)]]
    for label, budget, actual, sub in BUDGET_2025:
        rows.append([("   - " if sub else "") + label, rupiah(budget), rupiah(actual),
                     percent2(actual, budget)])
    total_budget = sum(b for _, b, _, sub in BUDGET_2025 if not sub)
    total_actual = sum(a for _, _, a, sub in BUDGET_2025 if not sub)
    rows.append(["Jumlah Belanja", rupiah(total_budget), rupiah(total_actual),
                 percent2(total_actual, total_budget)])
    pdf.grid(["Uraian", "Anggaran", "Realisasi", "%"], rows, (46, 22, 22, 10),
             align=("L", "R", "R", "R"), bold_last_row=True)

    pdf.section("2. Neraca Ringkas per 31 Desember 2025")
    fixed_assets = sum(value for _, value in FIXED_ASSETS_2025) - ACCUMULATED_DEPRECIATION_2025
    total_assets = CURRENT_ASSETS_2025 + fixed_assets + OTHER_ASSETS_2025
    equity = total_assets - LIABILITIES_2025
    pdf.grid(
        ["Uraian", "Jumlah"],
        [
            ["Aset Lancar", rupiah(CURRENT_ASSETS_2025)],
            ["Aset Tetap (setelah akumulasi penyusutan)", rupiah(fixed_assets)],
            ["Aset Lainnya", rupiah(OTHER_ASSETS_2025)],
            ["Jumlah Aset", rupiah(total_assets)],
            ["Kewajiban Jangka Pendek", rupiah(LIABILITIES_2025)],
            ["Ekuitas", rupiah(equity)],
            ["Jumlah Kewajiban dan Ekuitas", rupiah(LIABILITIES_2025 + equity)],
        ],
        (70, 30), align=("L", "R"), bold_last_row=True,
    )

    pdf.section("3. Daftar Aset Tetap")
    rows = [[name, rupiah(value)] for name, value in FIXED_ASSETS_2025]
    rows.append(["Akumulasi Penyusutan", "(" + rupiah(ACCUMULATED_DEPRECIATION_2025) + ")"])
    rows.append(["Nilai Buku Aset Tetap", rupiah(fixed_assets)])
    pdf.grid(["Jenis aset", "Nilai"], rows, (70, 30), align=("L", "R"), bold_last_row=True)

    pdf.section("4. Catatan")
    pdf.numbered([
        "Sisa anggaran terutama berasal dari efisiensi hasil pengadaan belanja modal dan "
        "belanja jasa langganan internet.",
        "Laporan Arus Kas disusun oleh Bendahara Umum Daerah dan dimuat dalam Laporan "
        "Keuangan Pemerintah Kota Contoh.",
        "Angka dapat berubah setelah pemeriksaan oleh Badan Pemeriksa Keuangan.",
    ])
    pdf.signature("Kota Contoh, 16 Maret 2026", ["Kepala " + AGENCY_FULL + ","],
                  HEAD_OF_AGENCY)
    return pdf


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    filename: str
    build: Callable[[], DemoPDF]


DOCUMENTS: tuple[Document, ...] = (
    Document("laporan-layanan-2025.pdf", build_laporan_layanan_2025),
    Document("laporan-layanan-semester-i-2026.pdf", build_laporan_layanan_semester_i_2026),
    Document("dip-2026.pdf", build_dip_2026),
    Document("penetapan-informasi-dikecualikan-2026.pdf", build_penetapan_dikecualikan_2026),
    Document("maklumat-pelayanan.pdf", build_maklumat_pelayanan),
    Document("formulir-permohonan.pdf", build_formulir_permohonan),
    Document("formulir-keberatan.pdf", build_formulir_keberatan),
    Document("ringkasan-laporan-keuangan-2025.pdf", build_ringkasan_laporan_keuangan_2025),
)


def write_documents(out_dir: Path) -> list[tuple[Path, str]]:
    """Build every document into ``out_dir``; return (path, sha256) pairs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, str]] = []
    for document in DOCUMENTS:
        data = bytes(document.build().output())
        path = out_dir / document.filename
        path.write_bytes(data)
        written.append((path, hashlib.sha256(data).hexdigest()))
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR,
                        help=f"output directory (default: {DEFAULT_OUT_DIR})")
    args = parser.parse_args(argv)
    for path, digest in write_documents(args.out_dir):
        print(f"{digest}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

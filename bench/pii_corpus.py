"""Labelled synthetic Indonesian documents for the personal-data detectors (see bench/pii_quality.py).

    generate(n_docs, seed) -> list[LabelledDoc]

Deterministic for a seed. Five kinds of documents a PPID publishes, each rendered the way it reaches the
scanner: as Markdown (tables with pipes), as `pdftotext` output (prose wrapped at ~80 columns, table cells
one per line, long values sometimes broken inside a narrow cell), or as `pdftotext -layout` output
(columns aligned with spaces):

* pengumuman  — announcements: aid recipients (NIK, KK, address), selection results (place/date of birth),
                a contact person's mobile, the agency's own phone and e-mail;
* anggaran    — budget reports: account codes, rupiah tables, totals, a vendor's NPWP and bank account,
                the regional treasury account (the agency's own, allowed), treasurer's signature with NIP;
* sk          — decrees: Menimbang/Mengingat citing regulations, a team annex with NIPs, signature with NIP;
* pengaduan   — complaint responses quoting the complainant's details (NIK, KK, birth date, phone, e-mail,
                sometimes NPWP, passport, BPJS card, bank account), ticket numbers, letter numbers;
* pengadaan   — procurement: RUP codes, HPS amounts, vendor NPWP, vendor phone, tender codes;
* daftar_hadir — attendance lists: names, institutions, mobile numbers, e-mail addresses.

Personal data is planted in varied formats and its (detector, start, end) recorded: NIK/KK as 16 digits or
in groups (4-4-4-4, 2-2-2-6-4, 6-6-4) with spaces, dots or dashes, broken by a line break; KK told from NIK
by a nearby word, a farther one, or only by its column header; NPWP punctuated, bare, 16-digit, broken; phones
in a dozen writings; women's NIKs (day + 40). Tables may wrap long names onto two lines. Look-alikes are
planted unlabelled: regulation and letter numbers, account codes, amounts, dates, times, ISBNs, NIB, virtual
accounts, billing codes, tax-invoice numbers, participant numbers, masked NIKs and phones, toll-free and
call-centre numbers, NIDN, coordinates, the agency's own phones, e-mail addresses and treasury account.

    python bench/pii_corpus.py [n] [seed]     prints a few documents with their labels marked
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field

AGENCY = "Dinas Komunikasi dan Informatika Kota Contoh"
AGENCY_PHONES = ["(0299) 555-0100", "(0299) 555-0199", "0299-555-0100", "+62 299 555 0199"]
AGENCY_EMAILS = ["ppid@kotacontoh.go.id", "pengaduan.ppid@kotacontoh.go.id", "diskominfo@kotacontoh.go.id",
                 "bkpsdm@mail.kotacontoh.go.id"]
AGENCY_ACCOUNT = "0299-01-000123-30-5"   # Rekening Kas Umum Daerah: listed in privacy.yml accounts_allowed

FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Sri", "Andi", "Rina", "Joko", "Nur", "Asep", "Ujang",
         "Yusuf", "Fitri", "Hendra", "Wahyuni", "Eko", "Lestari", "Made", "Ketut", "Putu", "Nyoman", "Fajar",
         "Ratna", "Dedi", "Yanti", "Bambang", "Sulastri", "Irfan", "Nurhayati", "Teguh", "Maria", "Yohanes",
         "Fransiska", "Rahmat", "Aisyah", "Muhammad", "Ahmad", "Dian", "Indah", "Ikhsan", "Wayan"]
LAST = ["Santoso", "Aminah", "Setiawan", "Lestari", "Hartono", "Wahyuni", "Saputra", "Kurniawan", "Rahayu",
        "Hidayat", "Nugroho", "Susanti", "Pratama", "Siregar", "Nasution", "Simanjuntak", "Harahap", "Sihombing",
        "Wijaya", "Gunawan", "Purnomo", "Suryadi", "Maulana", "Rohman", "Firmansyah", "Permana", "Sembiring"]
PLACES = ["Bandung", "Garut", "Cimahi", "Sleman", "Surabaya", "Makassar", "Medan", "Padang", "Denpasar", "Kupang",
          "Jayapura", "Semarang", "Palembang", "Pontianak", "Ambon", "Mataram", "Kota Contoh", "Bogor",
          "Tasikmalaya", "Banyumas", "Jakarta", "Kabupaten Bandung Barat"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
PROVINCES = ["11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "32", "32", "33", "33", "34",
             "35", "35", "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
             "81", "82", "91", "92", "94"]
MOBILE_PREFIX = ["0811", "0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853", "0814", "0815", "0816",
                 "0855", "0856", "0857", "0858", "0817", "0818", "0819", "0859", "0877", "0878", "0831", "0832",
                 "0833", "0838", "0895", "0896", "0897", "0898", "0899", "0881", "0882", "0887", "0888", "0889"]
AREA = [("021", 8), ("022", 7), ("024", 7), ("031", 7), ("061", 7), ("0274", 6), ("0361", 6), ("0411", 6),
        ("0711", 6), ("0751", 6), ("0370", 6), ("0380", 6), ("0251", 7), ("0231", 6), ("0341", 6), ("0967", 6)]
BANKS = [("BRI", 15), ("BNI", 10), ("Bank Mandiri", 13), ("BCA", 10), ("BSI", 10), ("Bank Jateng", 10),
         ("BTN", 16), ("Bank DKI", 10), ("bank bjb", 13), ("CIMB Niaga", 13)]
EMAIL_HOSTS = ["gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com", "hotmail.com", "outlook.com",
               "ymail.com", "rocketmail.com", "icloud.com", "mail.com", "ptmajujaya.co.id", "cvsinarabadi.com"]
REGULATIONS = [
    ("Undang-Undang", "14", "2008", "Keterbukaan Informasi Publik", "61", "4846"),
    ("Undang-Undang", "25", "2009", "Pelayanan Publik", "112", "5038"),
    ("Undang-Undang", "23", "2014", "Pemerintahan Daerah", "244", "5587"),
    ("Undang-Undang", "27", "2022", "Pelindungan Data Pribadi", "196", "6820"),
    ("Peraturan Pemerintah", "61", "2010", "Pelaksanaan Undang-Undang Nomor 14 Tahun 2008", "99", "5149"),
    ("Peraturan Pemerintah", "71", "2019", "Penyelenggaraan Sistem dan Transaksi Elektronik", "185", "6400"),
    ("Peraturan Presiden", "95", "2018", "Sistem Pemerintahan Berbasis Elektronik", "182", None),
    ("Peraturan Menteri Dalam Negeri", "3", "2017", "Pedoman Pengelolaan Pelayanan Informasi dan Dokumentasi", "406", None),
    ("Peraturan Komisi Informasi", "1", "2021", "Standar Layanan Informasi Publik", "1003", None),
]
ACCOUNT_LINES = [
    ("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS"), ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor"),
    ("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak"), ("5.1.02.02.01.0003", "Honorarium Narasumber"),
    ("5.1.02.03.02.0035", "Belanja Pemeliharaan Alat Kantor"), ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa"),
    ("5.2.02.05.01.0005", "Belanja Modal Alat Kantor Lainnya"), ("5.2.02.10.01.0002", "Belanja Modal Komputer Unit Jaringan"),
    ("5.1.02.02.01.0063", "Belanja Langganan Jurnal/Surat Kabar/Majalah"), ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat"),
]
PROGRAMS = [("2.16.01", "Program Penunjang Urusan Pemerintahan Daerah"), ("2.16.02", "Program Informasi dan Komunikasi Publik"),
            ("2.16.03", "Program Aplikasi Informatika"), ("2.21.02", "Program Penyelenggaraan Persandian"),
            ("2.16.02.2.01", "Pengelolaan Informasi dan Komunikasi Publik")]
TOPICS = ["layanan informasi publik", "pengelolaan pengaduan", "pembangunan jaringan intra pemerintah",
          "pengembangan aplikasi layanan publik", "penyebarluasan informasi", "pusat data daerah",
          "Wi-Fi publik di taman kota", "keamanan informasi", "statistik sektoral", "persandian"]


@dataclass
class LabelledDoc:
    kind: str
    mode: str                     # markdown | pdf | layout
    text: str
    labels: list[tuple[str, int, int]] = field(default_factory=list)


# ----------------------------------------------------------------------------- building blocks
# A span is (text, label or None). A paragraph is a list of spans. A table is (header, rows of cells),
# a cell being a list of spans.

Span = tuple[str, "str | None"]


class _Doc:
    def __init__(self, rng: random.Random, mode: str) -> None:
        self.rng = rng
        self.mode = mode
        self.parts: list[str] = []
        self.pos = 0
        self.labels: list[tuple[str, int, int]] = []

    def _write(self, text: str, label: str | None = None) -> None:
        if label:
            self.labels.append((label, self.pos, self.pos + len(text)))
        self.parts.append(text)
        self.pos += len(text)

    def heading(self, text: str) -> None:
        self._write(("## " if self.mode == "markdown" else "") + text + "\n\n")

    def para(self, spans: list[Span]) -> None:
        """A paragraph; in PDF modes wrapped at ~80 columns by turning spaces into line breaks."""
        if self.mode != "markdown":
            spans = _wrap(spans, self.rng.randint(68, 96))
        for text, label in spans:
            self._write(text, label)
        self._write("\n\n")

    def lines(self, rows: list[list[Span]]) -> None:
        """Lines kept as they are (letter heads, key: value blocks)."""
        for row in rows:
            for text, label in row:
                self._write(text, label)
            self._write("  \n" if self.mode == "markdown" else "\n")
        self._write("\n")

    def table(self, header: list[str], rows: list[list[list[Span]]]) -> None:
        rng = self.rng
        if self.mode == "markdown":
            self._write("| " + " | ".join(header) + " |\n")
            self._write("|" + "|".join("---" for _ in header) + "|\n")
            for row in rows:
                self._write("|")
                for cell in row:
                    self._write(" ")
                    for text, label in cell:
                        self._write(text.replace("\n", " "), label)
                    self._write(" |")
                self._write("\n")
        elif self.mode == "pdf":  # pdftotext: one cell per line, long text cells sometimes wrapped
            for h in header:
                self._write(h + "\n")
            width = rng.randint(14, 30)  # text wider than its column wraps onto a second line
            for row in rows:
                for cell in row:
                    plain = "".join(t for t, _ in cell)
                    if len(plain) > width and all(lab is None for _, lab in cell) and rng.random() < 0.5:
                        cut = plain.rfind(" ", 5, width)
                        if cut > 0:
                            plain = plain[:cut] + "\n" + plain[cut + 1:]
                        self._write(plain)
                    else:
                        for text, label in cell:
                            self._write(text, label)
                    self._write("\n")
            self._write("\n")
        else:  # pdftotext -layout: aligned columns
            widths = [len(h) for h in header]
            flat = [["".join(t for t, _ in cell).replace(" \n", " ").replace("-\n", "-").replace("\n", "")
                     for cell in row] for row in rows]
            for row in flat:
                for i, cell in enumerate(row):
                    widths[i] = max(widths[i], len(cell))
            gap = rng.choice([2, 3, 4])
            indent = " " * rng.choice([0, 2, 4, 6])
            self._write(indent + (" " * gap).join(h.ljust(w) for h, w in zip(header, widths)).rstrip() + "\n")
            for row in rows:
                self._write(indent)
                for i, cell in enumerate(row):
                    length = 0
                    for text, label in cell:
                        # -layout keeps a column as wide as its longest value: no breaks inside cells
                        text = text.replace(" \n", " ").replace("-\n", "-").replace("\n", "")
                        self._write(text, label)
                        length += len(text)
                    if i < len(row) - 1:
                        self._write(" " * (widths[i] - length + gap))
                self._write("\n")
            self._write("\n")

    def done(self, kind: str) -> LabelledDoc:
        return LabelledDoc(kind, self.mode, "".join(self.parts), self.labels)


def _wrap(spans: list[Span], width: int) -> list[Span]:
    """Turn some spaces into line breaks so no line exceeds `width` (same length: offsets unchanged)."""
    text = "".join(t for t, _ in spans)
    chars = list(text)
    line_start = 0
    last_space = -1
    for i, ch in enumerate(chars):
        if ch == "\n":
            line_start, last_space = i + 1, -1
        elif ch == " ":
            if i - line_start > width and last_space > line_start:
                chars[last_space] = "\n"
                line_start = last_space + 1
            last_space = i
    if len(chars) - line_start > width and last_space > line_start:
        chars[last_space] = "\n"
    wrapped = "".join(chars)
    out, pos = [], 0
    for t, label in spans:
        out.append((wrapped[pos:pos + len(t)], label))
        pos += len(t)
    return out


# ----------------------------------------------------------------------------- values

class _Values:
    """Realistic identifiers and their printed forms."""

    def __init__(self, rng: random.Random, mode: str) -> None:
        self.rng = rng
        self.mode = mode

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def name(self) -> str:
        r = self.rng
        if r.random() < 0.2:
            return f"{r.choice(FIRST)} {r.choice(FIRST)} {r.choice(LAST)}"
        return f"{r.choice(FIRST)} {r.choice(LAST)}"

    def region(self) -> str:
        r = self.rng
        regency = r.choice([r.randint(1, 27), r.randint(1, 27), r.randint(71, 79)])
        return f"{r.choice(PROVINCES)}{regency:02d}{r.randint(1, 45):02d}"

    def nik_digits(self, woman: bool | None = None, region: str | None = None) -> str:
        r = self.rng
        woman = r.random() < 0.5 if woman is None else woman
        year, month = r.randint(1940, 2008), r.randint(1, 12)
        day = r.randint(1, 28) + (40 if woman else 0)
        serial = r.choice([r.randint(1, 60), r.randint(1, 900), r.randint(1, 9999)])
        return f"{region or self.region()}{day:02d}{month:02d}{year % 100:02d}{serial:04d}"

    def kk_digits(self, region: str | None = None) -> str:
        r = self.rng
        day, month, year = r.randint(1, 28), r.randint(1, 12), r.randint(2005, 2025)
        return f"{region or self.region()}{day:02d}{month:02d}{year % 100:02d}{r.randint(1, 3000):04d}"

    def split16(self, d: str, allow_break: bool = True) -> str:
        """A 16-digit NIK/KK as people and PDFs print it."""
        r = self.rng
        style = r.choices(["plain", "4444s", "4444d", "4444.", "region", "dots", "662", "break"],
                          [50, 12, 5, 3, 6, 4, 4, 16 if allow_break and self.mode != "markdown" else 0])[0]
        if style == "plain":
            return d
        if style == "4444s":
            return " ".join(d[i:i + 4] for i in range(0, 16, 4))
        if style == "4444d":
            return "-".join(d[i:i + 4] for i in range(0, 16, 4))
        if style == "4444.":
            return ".".join(d[i:i + 4] for i in range(0, 16, 4))
        if style == "region":
            return f"{d[:4]}-{d[4:6]}-{d[6:12]}-{d[12:]}"
        if style == "dots":
            return f"{d[:2]}.{d[2:4]}.{d[4:6]}.{d[6:12]}.{d[12:]}"
        if style == "662":
            return f"{d[:6]} {d[6:12]} {d[12:]}"
        cut = r.randint(3, 13)  # a narrow cell or the end of a line broke the number
        return d[:cut] + r.choice(["\n", "\n", " \n", "-\n"]) + d[cut:]

    def nik(self, woman: bool | None = None, region: str | None = None) -> str:
        return self.split16(self.nik_digits(woman, region))

    def kk(self, region: str | None = None) -> str:
        return self.split16(self.kk_digits(region))

    def masked_nik(self) -> str:
        d = self.nik_digits()
        r = self.rng
        return r.choice([d[:6] + "******" + d[12:], d[:4] + "*" * 8 + d[12:], d[:6] + "xxxxxx" + d[12:],
                         d[:12] + "****", "*" * 12 + d[12:]])

    def npwp(self, style: str | None = None) -> str:
        r = self.rng
        base = f"{r.choice(['0', '0', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])}{self.digits(7)}"
        base = base if base[:2] != "00" else "01" + base[2:]
        check = next(c for c in "0123456789" if _luhn_ok(base + c))
        kpp, branch = f"{r.randint(1, 999):03d}", r.choice(["000", "000", "000", "001", "002"])
        d = base + check + kpp + branch
        style = style or r.choices(["fmt", "fmt16", "plain", "plain16", "spaces16", "break"],
                                   [60, 8, 14, 6, 6, 6 if self.mode != "markdown" else 0])[0]
        fmt = f"{d[:2]}.{d[2:5]}.{d[5:8]}.{d[8]}-{d[9:12]}.{d[12:]}"
        if style == "fmt":
            return fmt
        if style == "fmt16":
            return "0" + fmt
        if style == "plain":
            return d
        if style == "plain16":
            return "0" + d
        if style == "spaces16":
            e = "0" + d
            return " ".join(e[i:i + 4] for i in range(0, 16, 4))
        cut = r.choice([5, 8, 12, 16])
        return fmt[:cut] + "\n" + fmt[cut:]

    def mobile(self) -> str:
        r = self.rng
        prefix = r.choice(MOBILE_PREFIX)
        rest = self.digits(r.choice([7, 8, 8, 8, 9]))
        number = prefix + rest
        style = r.choices(["plain", "dash", "space", "+62", "+62dash", "62", "(+62)", "dots", "434"],
                          [30, 22, 14, 10, 6, 6, 3, 3, 6])[0]
        groups = [number[:4], number[4:8], number[8:]]
        if style == "plain":
            return number
        if style == "dash":
            return "-".join(g for g in groups if g)
        if style == "space":
            return " ".join(g for g in groups if g)
        if style == "dots":
            return ".".join(g for g in groups if g)
        if style == "434":
            return f"{number[:4]} {number[4:7]} {number[7:]}"
        intl = number[1:]
        if style == "+62":
            return "+62 " + " ".join([intl[:3], intl[3:7], intl[7:]])
        if style == "+62dash":
            return "+62-" + "-".join([intl[:3], intl[3:7], intl[7:]])
        if style == "62":
            return "62" + intl
        return "(+62) " + intl[:3] + "-" + intl[3:7] + "-" + intl[7:]

    def landline(self) -> str:
        r = self.rng
        area, n = r.choice(AREA)
        sub = str(r.randint(2, 9)) + self.digits(n - 1)
        style = r.choices(["paren", "dash", "space", "+62", "split"], [35, 25, 20, 10, 10])[0]
        if style == "paren":
            return f"({area}) {sub}"
        if style == "dash":
            return f"{area}-{sub}"
        if style == "space":
            return f"{area} {sub}"
        if style == "+62":
            return f"+62 {area[1:]} {sub}"
        return f"({area}) {sub[:3]}-{sub[3:]}"

    def email(self, name: str) -> str:
        r = self.rng
        words = name.lower().split()
        first, last = words[0], words[-1]
        local = r.choice([f"{first}.{last}", f"{first}{last}", f"{first}_{last}{r.randint(1, 99)}",
                          f"{first}{r.randint(60, 99)}", f"{last}.{first}", f"{first[0]}{last}"])
        return f"{local}@{r.choice(EMAIL_HOSTS)}"

    def account(self) -> tuple[str, str]:
        r = self.rng
        bank, n = r.choice(BANKS)
        d = self.digits(n)
        if bank == "BRI" and r.random() < 0.6:
            return bank, f"{d[:4]}-{d[4:6]}-{d[6:12]}-{d[12:14]}-{d[14]}"
        if bank == "Bank Mandiri" and r.random() < 0.5:
            return bank, f"{d[:3]}-{d[3:5]}-{d[5:12]}-{d[12]}"
        if n == 10 and r.random() < 0.3:
            return bank, f"{d[:3]}-{d[3:6]}-{d[6:]}"
        if r.random() < 0.15:
            return bank, " ".join(d[i:i + 4] for i in range(0, n, 4))
        return bank, d

    def birth(self) -> str:
        r = self.rng
        day, month, year = r.randint(1, 28), r.randint(1, 12), r.randint(1950, 2008)
        return r.choice([f"{day} {MONTHS[month - 1]} {year}", f"{day:02d}-{month:02d}-{year}",
                         f"{day:02d}/{month:02d}/{year}", f"{day:02d}.{month:02d}.{year}",
                         f"{day} {MONTHS[month - 1][:3]} {year}", f"{year}-{month:02d}-{day:02d}"])

    def nip(self) -> str:
        r = self.rng
        year = r.randint(1964, 1998)
        birth = f"{year}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        appointed = f"{r.randint(year + 19, min(2025, year + 35))}{r.randint(1, 12):02d}"
        d = f"{birth}{appointed}{r.choice('12')}{r.randint(1, 25):03d}"
        return r.choices([f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}", d, f"{d[:8]}.{d[8:14]}.{d[14]}.{d[15:]}"],
                         [75, 20, 5])[0]

    def bpjs(self) -> str:
        d = "000" + self.digits(10)
        return self.rng.choice([d, d, f"{d[:4]} {d[4:8]} {d[8:12]} {d[12]}"])

    def passport(self) -> str:
        r = self.rng
        letters = r.choice(["A", "B", "C", "E", "X"]) if r.random() < 0.8 else r.choice(["AB", "AC", "BE"])
        return letters + self.digits(7)

    def date(self) -> str:
        r = self.rng
        return r.choice([f"{r.randint(1, 28)} {MONTHS[r.randint(0, 11)]} {r.randint(2019, 2026)}",
                         f"{r.randint(1, 28):02d}-{r.randint(1, 12):02d}-{r.randint(2019, 2026)}",
                         f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(2019, 2026)}"])

    def amount(self, lo: int = 1_000_000, hi: int = 9_000_000_000) -> str:
        value = self.rng.randint(lo // 1000, hi // 1000) * 1000
        return f"{value:,}".replace(",", ".")

    def letter_no(self) -> str:
        r = self.rng
        return r.choice([f"800/{r.randint(1, 2400):03d}/KOMINFO/{r.randint(2024, 2026)}",
                         f"480/{r.randint(1, 300):03d}/KOMINFO/{r.randint(2024, 2026)}",
                         f"188.45/{r.randint(1, 99)}/{r.randint(2024, 2026)}",
                         f"027/SPK/DISKOMINFO/{r.choice(['I', 'II', 'III', 'IV', 'IX', 'XI'])}/{r.randint(2024, 2026)}",
                         f"{r.randint(100, 999)}/{r.randint(1000, 9999)}/KOMINFO/{r.randint(2024, 2026)}"])

    def regulation(self) -> str:
        kind, no, year, title, ln, tln = self.rng.choice(REGULATIONS)
        text = f"{kind} Nomor {no} Tahun {year} tentang {title}"
        if tln and self.rng.random() < 0.6:
            text += (f" (Lembaran Negara Republik Indonesia Tahun {year} Nomor {ln}, Tambahan Lembaran Negara "
                     f"Republik Indonesia Nomor {tln})")
        return text

    def short_regulation(self) -> str:
        kind, no, year, *_ = self.rng.choice(REGULATIONS)
        short = {"Undang-Undang": "UU", "Peraturan Pemerintah": "PP", "Peraturan Presiden": "Perpres"}.get(kind, "Perki")
        return self.rng.choice([f"{short} {no}/{year}", f"{short} Nomor {no} Tahun {year}"])

    def decoy_number(self) -> str:
        """Numbers that look like identifiers but are not personal data."""
        r = self.rng
        kind = r.choice(["isbn", "nib", "va", "billing", "faktur", "rup", "tender", "ticket", "npsn", "pln",
                         "peserta", "sp2d", "register", "kodepos", "coord", "hps", "tollfree", "callcenter",
                         "masked_phone", "nidn", "years", "stats", "perda", "time", "page"])
        if kind == "isbn":
            return f"ISBN {r.choice(['978', '979'])}-{r.choice(['602', '623'])}-{self.digits(4)}-{self.digits(2)}-{self.digits(1)}"
        if kind == "nib":
            return f"NIB {r.choice(['9120', '8120', '0220'])}{self.digits(9)}"
        if kind == "va":
            return f"nomor virtual account {r.choice(['8808', '7007', '9880', '8277', '3901'])} {self.digits(4)} {self.digits(4)} {self.digits(4)}"
        if kind == "billing":
            return f"kode billing {r.choice(['8', '0', '4'])}{self.digits(14)}"
        if kind == "faktur":
            return f"nomor seri faktur pajak {r.choice(['010', '020', '070'])}.{self.digits(3)}-{r.randint(23, 26)}.{self.digits(8)}"
        if kind == "rup":
            return f"Kode RUP {r.randint(30_000_000, 59_999_999)}"
        if kind == "tender":
            return f"kode tender {r.randint(1000, 9999)}{self.digits(4)}{r.choice(['000', '101', '123'])}"
        if kind == "ticket":
            return f"nomor tiket SP4N-LAPOR! {r.randint(1_000_000, 9_999_999)}"
        if kind == "npsn":
            return f"NPSN {r.randint(20_100_000, 20_299_999)}"
        if kind == "pln":
            return f"ID pelanggan PLN {self.digits(12)}"
        if kind == "peserta":
            return f"nomor peserta {r.randint(10, 99)}-{r.randint(3200, 3299)}-{r.randint(1, 20):02d}-{r.randint(1, 9999):04d}"
        if kind == "sp2d":
            return f"SP2D Nomor {r.randint(1, 9999):05d}/SP2D/LS/{r.randint(2024, 2026)}"
        if kind == "register":
            return f"nomor registrasi PGD/{r.randint(2024, 2026)}/{r.randint(1, 12):02d}/{r.randint(1, 999):04d}"
        if kind == "kodepos":
            return f"kode pos {r.randint(10000, 99999)}"
        if kind == "tollfree":
            return f"layanan bebas pulsa 0800-1-{self.digits(3)}-{self.digits(3)}"
        if kind == "callcenter":
            return r.choice(["Call Center 112", "Halo BPJS Kesehatan 1500 400", "Kring Pajak 1500 200",
                             "SP4N-LAPOR! 1708", "Call Center 110", "pengaduan PLN 123"])
        if kind == "masked_phone":
            return f"nomor pelapor 08{r.randint(11, 99)}-xxxx-{self.digits(4)}"
        if kind == "nidn":
            return f"NIDN 00{self.digits(8)}"
        if kind == "years":
            y = r.randint(2015, 2022)
            return f"data tahun {y}, {y + 1}, {y + 2} dan {y + 3}"
        if kind == "stats":
            return f"jumlah penduduk {self.amount(100_000, 9_000_000)} jiwa dan {r.randint(1000, 99999)} KK"
        if kind == "perda":
            return f"Perda No. {r.randint(1, 20)}/{r.randint(2010, 2025)}"
        if kind == "time":
            return f"pukul {r.randint(7, 12):02d}.{r.choice(['00', '30'])} s.d. {r.randint(13, 16):02d}.00 WIB tanggal {self.date()}"
        if kind == "page":
            return f"halaman {r.randint(1, 40)} dari {r.randint(40, 120)}"
        if kind == "coord":
            return f"koordinat -{r.randint(0, 8)}.{self.digits(6)}, {r.randint(95, 140)}.{self.digits(6)}"
        return f"HPS sebesar Rp{self.amount(100_000_000, 90_000_000_000)},00"


def _luhn_ok(d: str) -> bool:
    total = 0
    for index, ch in enumerate(reversed(d)):
        n = int(ch)
        if index % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


# ----------------------------------------------------------------------------- documents

def _agency_contact(v: _Values) -> list[Span]:
    r = v.rng
    return [(f"Informasi lebih lanjut dapat diperoleh melalui meja layanan PPID, telepon {r.choice(AGENCY_PHONES)}, "
             f"atau surel {r.choice(AGENCY_EMAILS)} pada hari kerja pukul 07.30 - 15.00 WIB.", None)]


def _signature(v: _Values, title: str) -> list[list[Span]]:
    r = v.rng
    rank, gol = r.choice([("Pembina Utama Muda", "IV/c"), ("Pembina Tingkat I", "IV/b"), ("Pembina", "IV/a"),
                          ("Penata Tingkat I", "III/d"), ("Penata", "III/c")])
    name = v.name().upper()
    degree = r.choice(["Drs. ", "Dr. ", "Ir. ", "", ""])
    suffix = r.choice([", M.Si.", ", S.Kom., M.T.", ", S.H.", ", S.E., M.M.", ""])
    nip_label = r.choice(["NIP. ", "NIP ", "NIP: "])
    return [[(f"Kota Contoh, {v.date()}", None)], [(title + ",", None)], [("", None)], [("ttd", None)], [("", None)],
            [(degree + name + suffix, None)], [(f"{rank} ({gol})", None)], [(nip_label, None), (v.nip(), "nip")]]


def _doc_pengumuman(rng: random.Random, mode: str) -> LabelledDoc:
    v, doc = _Values(rng, mode), _Doc(rng, mode)
    if rng.random() < 0.6:  # aid recipients
        year = rng.randint(2024, 2026)
        doc.heading(f"Pengumuman Penerima Bantuan Sosial Tahun {year}")
        doc.para([(f"Berdasarkan {v.regulation()} dan Keputusan Wali Kota Contoh Nomor {v.letter_no()}, "
                   f"bersama ini diumumkan daftar penerima bantuan sosial tunai tahap {rng.randint(1, 4)} "
                   f"Tahun Anggaran {year} dengan nilai bantuan Rp{v.amount(300_000, 2_400_000)} per keluarga. "
                   f"Penyaluran dilaksanakan pada {v.date()} pukul {rng.randint(8, 13):02d}.00 WIB.", None)])
        with_kk = rng.random() < 0.75
        with_no = rng.random() < 0.92
        kk_first = with_kk and rng.random() < 0.3
        kk_header = rng.choice(["No. KK", "Nomor KK", "No KK", "Nomor Kartu Keluarga"])
        nik_header = rng.choice(["NIK", "NIK", "Nomor NIK", "NIK Penerima"])
        masked = rng.random() < 0.2
        header = (["No"] if with_no else []) + ["Nama"]
        ids = [kk_header, nik_header] if kk_first else [nik_header] + ([kk_header] if with_kk else [])
        header += ids + ["Alamat", "Keterangan"]
        rows = []
        for i in range(rng.randint(3, 25)):
            region = v.region()
            cells: dict[str, list[Span]] = {
                nik_header: [(v.masked_nik(), None)] if masked else [(v.split16(v.nik_digits(region=region)), "nik")],
                kk_header: [(v.split16(v.kk_digits(region)), "kk")],
            }
            row = ([[(str(i + 1), None)]] if with_no else []) + [[(v.name(), None)]]
            row += [cells[h] for h in ids]
            row += [[(f"RT {rng.randint(1, 15):03d}/RW {rng.randint(1, 12):03d} Kel. {rng.choice(LAST)}", None)],
                    [(rng.choice(["Lanjutan", "Baru", "Pengganti", "Lansia"]), None)]]
            rows.append(row)
        doc.table(header, rows)
        doc.para([(f"Jumlah penerima: {len(rows)} keluarga, total Rp{v.amount(10_000_000, 900_000_000)}.", None)])
    else:  # selection results
        doc.heading(f"Pengumuman Hasil Seleksi Administrasi {rng.choice(['Tenaga Pendamping', 'Duta Informasi', 'Pegawai Pemerintah dengan Perjanjian Kerja'])}")
        doc.para([(f"Sesuai {v.short_regulation()} dan jadwal seleksi yang ditetapkan pada {v.date()}, "
                   f"panitia mengumumkan peserta yang lulus seleksi administrasi sebagai berikut.", None)])
        header = ["No", "Nomor Peserta", "Nama", "Tempat/Tanggal Lahir", "Pendidikan", "Hasil"]
        rows = []
        for i in range(rng.randint(3, 20)):
            peserta = v.decoy_number() if rng.random() < 0.1 else f"{rng.randint(10, 99)}-{rng.randint(3200, 3299)}-{i + 1:04d}"
            rows.append([[(str(i + 1), None)], [(peserta, None)], [(v.name(), None)],
                         [(rng.choice(PLACES) + ", ", None), (v.birth(), "tanggal_lahir")],
                         [(rng.choice(["S1 Ilmu Komunikasi", "D3 Teknik Informatika", "S1 Administrasi Publik", "SMA"]), None)],
                         [(rng.choice(["Lulus", "Lulus", "Tidak Lulus"]), None)]])
        doc.table(header, rows)
    # contact person
    cp = v.name()
    style = rng.random()
    if style < 0.4:
        doc.para([(f"Narahubung: {cp} (", None), (v.mobile(), "telepon"), (")", None)])
    elif style < 0.7:
        doc.para([(f"Pertanyaan dapat disampaikan kepada {cp} melalui WhatsApp ", None), (v.mobile(), "telepon"),
                  (" atau surel ", None), (v.email(cp), "email"), (".", None)])
    doc.para(_agency_contact(v))
    if rng.random() < 0.5:
        doc.para([(f"Catatan: {v.decoy_number()}; dokumen ini terdiri atas {rng.randint(2, 40)} halaman.", None)])
    if rng.random() < 0.1:
        doc.para([(f"Layanan tutup pada peringatan Hari Lahir Pancasila 1 Juni {rng.randint(2024, 2026)} dan "
                   f"dibuka kembali {v.date()}.", None)])
    doc.lines(_signature(v, "Kepala Dinas Komunikasi dan Informatika"))
    return doc.done("pengumuman")


def _doc_anggaran(rng: random.Random, mode: str) -> LabelledDoc:
    v, doc = _Values(rng, mode), _Doc(rng, mode)
    year = rng.randint(2023, 2026)
    doc.heading(f"Ringkasan Laporan Realisasi Anggaran Tahun {year}")
    total = rng.randint(8_000, 60_000) * 1_000_000
    doc.para([(f"Pagu belanja {AGENCY} Tahun Anggaran {year} sebesar Rp{v.amount(total, total)} dengan realisasi "
               f"Rp {v.amount(total // 2, total)} ({rng.randint(60, 99)},{rng.randint(10, 99)} persen). Anggaran "
               f"tersebut ditetapkan dengan {v.regulation()}.", None)])
    header = ["Kode Rekening", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "%"]
    rows = []
    for code, label in rng.sample(PROGRAMS + ACCOUNT_LINES, rng.randint(4, 12)):
        a = rng.randint(5_000, 9_000_000) * 1000
        rows.append([[(code, None)], [(label, None)], [(f"{a:,}".replace(",", "."), None)],
                     [(f"{rng.randint(a // 2000, a // 1000) * 1000:,}".replace(",", "."), None)],
                     [(f"{rng.randint(50, 100)},{rng.randint(0, 99):02d}", None)]])
    doc.table(header, rows)
    doc.para([(f"Saldo kas per 31 Desember {year} sebesar Rp{v.amount(1_000_000, 5_000_000_000)}; "
               f"aset tetap bertambah Rp {v.amount(100_000_000, 90_000_000_000)}. "
               f"Jumlah {rng.randint(10, 99)}.{rng.randint(100, 999)}.{rng.randint(100, 999)} "
               f"merupakan akumulasi penyusutan. Rincian pada halaman {rng.randint(2, 40)}.", None)])
    doc.para([(f"Seluruh penerimaan retribusi disetor ke Rekening Kas Umum Daerah Kota Contoh pada Bank Jateng "
               f"nomor {AGENCY_ACCOUNT}.", None)])
    if rng.random() < 0.5:
        vendor = rng.choice(["PT Maju Jaya Teknologi", "CV Sinar Abadi", "PT Nusantara Data Prima", "CV Karya Mandiri"])
        bank, acct = v.account()
        spans: list[Span] = [(f"Pembayaran belanja modal kepada {vendor} (NPWP ", None), (v.npwp(), "npwp"),
                             (f") sebesar Rp{v.amount()} ditransfer ke rekening {bank} nomor ", None),
                             (acct, "rekening"), (f" dengan {v.decoy_number()}.", None)]
        doc.para(spans)
    if rng.random() < 0.4:
        doc.para([(f"Belanja per kode rekening {rng.choice(ACCOUNT_LINES)[0]} dan kode rekening "
                   f"{rng.choice(ACCOUNT_LINES)[0]} dilaporkan terpisah, masing-masing Rp{v.amount()}.", None)])
    doc.lines(_signature(v, "Bendahara Pengeluaran"))
    return doc.done("anggaran")


def _doc_sk(rng: random.Random, mode: str) -> LabelledDoc:
    v, doc = _Values(rng, mode), _Doc(rng, mode)
    year = rng.randint(2024, 2026)
    doc.lines([[("KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KOTA CONTOH", None)],
               [(f"NOMOR {v.letter_no()}", None)], [("TENTANG", None)],
               [(f"TIM {rng.choice(['PENGELOLA LAYANAN INFORMASI PUBLIK', 'UJI KONSEKUENSI', 'PENGELOLA SITUS PPID'])} TAHUN {year}", None)]])
    doc.para([("Menimbang: a. bahwa untuk melaksanakan ketentuan Pasal 13 " + v.short_regulation() +
               ", perlu menetapkan tim; b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, "
               "perlu menetapkan Keputusan Kepala Dinas;", None)])
    spans = [("Mengingat: ", None)]
    for i in range(rng.randint(2, 5)):
        spans.append((f"{i + 1}. {v.regulation()}; ", None))
    spans.append((f"{i + 2}. Peraturan Wali Kota Contoh Nomor {rng.randint(1, 60)} Tahun {rng.randint(2016, 2025)};", None))
    doc.para(spans)
    doc.para([(f"MEMUTUSKAN: Menetapkan susunan tim sebagaimana tercantum dalam Lampiran. Biaya dibebankan pada "
               f"DPA kode {rng.choice(PROGRAMS)[0]} sebesar Rp{v.amount(10_000_000, 900_000_000)}. Keputusan ini "
               f"berlaku sejak tanggal ditetapkan, {v.date()}.", None)])
    doc.lines(_signature(v, "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA"))
    doc.heading("Lampiran: Susunan Tim")
    header = ["No", "Nama", "NIP", "Pangkat/Gol.", "Kedudukan dalam Tim"]
    rows = []
    for i in range(rng.randint(3, 12)):
        rows.append([[(str(i + 1), None)], [(v.name(), None)], [(v.nip(), "nip")],
                     [(rng.choice(["Penata Tk. I, III/d", "Pembina, IV/a", "Penata, III/c", "Pengatur, II/c"]), None)],
                     [(rng.choice(["Ketua", "Sekretaris", "Anggota", "Anggota"]), None)]])
    doc.table(header, rows)
    return doc.done("sk")


def _complainant_block(v: _Values, doc: _Doc) -> None:
    """The complainant's details as quoted in a response letter."""
    rng = v.rng
    name = v.name()
    region = v.region()
    woman = rng.random() < 0.5
    items: list[tuple[str, str, str | None]] = [("Nama", name, None)]
    items.append((rng.choice(["NIK", "NIK", "No. KTP", "Nomor Induk Kependudukan"]), v.nik(woman, region), "nik"))
    if rng.random() < 0.5:
        items.append((rng.choice(["No. KK", "Nomor KK", "Nomor Kartu Keluarga", "KK"]), v.kk(region), "kk"))
    if rng.random() < 0.6:
        items.append((rng.choice(["Tempat/Tgl. Lahir", "Tempat, Tanggal Lahir", "TTL"]),
                      f"{rng.choice(PLACES)}, " + "\x00" + v.birth(), "tanggal_lahir"))
    items.append(("Alamat", f"Jl. {rng.choice(LAST)} No. {rng.randint(1, 200)}, RT {rng.randint(1, 15):03d}/RW "
                            f"{rng.randint(1, 12):03d}, Kota Contoh", None))
    items.append((rng.choice(["No. HP", "Telepon", "Nomor WhatsApp", "Telp."]),
                  v.mobile() if rng.random() < 0.8 else v.landline(), "telepon"))
    if rng.random() < 0.6:
        items.append((rng.choice(["Surel", "E-mail", "Email"]), v.email(name), "email"))
    if rng.random() < 0.2:
        items.append(("NPWP", v.npwp(), "npwp"))
    if rng.random() < 0.12:
        items.append((rng.choice(["No. Kartu BPJS", "Nomor JKN-KIS", "No. BPJS Kesehatan"]), v.bpjs(), "bpjs"))
    if rng.random() < 0.1:
        bank, acct = v.account()
        items.append((f"No. Rekening {bank}", acct, "rekening"))
    if rng.random() < 0.08:
        items.append(("No. Paspor", v.passport(), "paspor"))
    style = rng.choice(["colon", "table", "vertical"] if doc.mode == "pdf" else ["colon", "table"])
    if style == "table" and doc.mode == "markdown":
        rows = [[[(k, None)], [(val.replace("\x00", ""), lab)] if "\x00" not in val else
                 [(val.split("\x00")[0], None), (val.split("\x00")[1], lab)]] for k, val, lab in items]
        doc.table(["Data pelapor", "Keterangan"], rows)
        return
    if style == "vertical":  # pdftotext of a label | (:) | value table: one cell per line
        colon = rng.random() < 0.4
        lines = []
        for k, val, lab in items:
            lines.append([(k, None)])
            if colon:
                lines.append([(":", None)])
            lines.append(_value_spans(val, lab))
        doc.lines(lines)
        return
    width = max(len(k) for k, _, _ in items) + rng.choice([1, 2, 4])
    lines = []
    for k, val, lab in items:
        pad = k.ljust(width) if doc.mode != "markdown" else k + " "
        lines.append([(f"{pad}: ", None)] + _value_spans(val, lab))
    doc.lines(lines)


def _value_spans(val: str, lab: str | None) -> list[Span]:
    if "\x00" in val:
        before, after = val.split("\x00")
        return [(before, None), (after, lab)]
    return [(val, lab)]


def _doc_pengaduan(rng: random.Random, mode: str) -> LabelledDoc:
    v, doc = _Values(rng, mode), _Doc(rng, mode)
    doc.lines([[(f"Nomor    : {v.letter_no()}", None)], [("Lampiran : -", None)],
               [("Perihal  : Tanggapan atas Pengaduan", None)]])
    name = v.name()
    doc.para([(f"Menindaklanjuti pengaduan Saudara yang kami terima pada {v.date()} dengan {v.decoy_number()}, "
               f"bersama ini kami sampaikan tanggapan sesuai {v.short_regulation()}. Data pelapor yang tercatat "
               f"dalam register pengaduan sebagai berikut.", None)])
    _complainant_block(v, doc)
    # details again in prose, as officers write them
    r = rng.random()
    if r < 0.12:
        region = v.region()
        phrasing = rng.choice([
            ("Berdasarkan Kartu Keluarga yang dilampirkan, nomor ", " tercatat atas nama kepala keluarga {name}. "),
            ("Nomor Kartu Keluarga (KK) pelapor, yaitu ", ", telah kami cocokkan dengan data kependudukan. "),
            ("Pelapor melampirkan salinan KTP dengan NIK ", " yang masih berlaku. "),
            ("No. KTP/NIK ", " digunakan untuk verifikasi identitas. "),
            ("Data pada Kartu Keluarga atas nama kepala keluarga {name} dengan nomor ", " belum diperbarui. "),
        ])
        label = "kk" if "Keluarga" in phrasing[0] else "nik"
        value = v.kk(region) if label == "kk" else v.nik(region=region)
        doc.para([(phrasing[0].format(name=name), None), (value, label), (phrasing[1].format(name=name), None),
                  (f"Verifikasi dilakukan pada {v.date()} pukul {rng.randint(8, 15):02d}.{rng.choice(['00', '30'])} WIB "
                   f"melalui {rng.choice(['SIAK', 'aplikasi Dukcapil', 'petugas kelurahan'])}.", None)])
    elif r < 0.35:
        region = v.region()
        spans: list[Span] = [(f"Pelapor atas nama {name} dengan {rng.choice(['NIK', 'NIK', 'nomor NIK', 'Nomor Induk Kependudukan'])} ", None),
                             (v.nik(region=region), "nik")]
        if rng.random() < 0.5:
            spans += [(f" dan {rng.choice(['nomor KK', 'No. KK', 'Kartu Keluarga nomor', 'KK'])} ", None), (v.kk(region), "kk")]
        spans += [(f" mengajukan keberatan atas layanan yang diberikan pada {v.date()} pukul "
                   f"{rng.randint(8, 15):02d}.{rng.choice(['00', '15', '30', '45'])} WIB. ", None)]
        if rng.random() < 0.5:
            spans += [("Yang bersangkutan dapat dihubungi di nomor ", None), (v.mobile(), "telepon"), (". ", None)]
        doc.para(spans)
    elif r < 0.55:
        doc.para([(f"Saudara {name} (lahir di {rng.choice(PLACES)} pada ", None), (v.birth(), "tanggal_lahir"),
                  (f") menyampaikan bahwa data kepesertaan ", None),
                  (rng.choice(["BPJS Kesehatan nomor ", "JKN-KIS nomor "]), None), (v.bpjs(), "bpjs"),
                  (" belum diperbarui.", None)])
    elif r < 0.7:
        bank, acct = v.account()
        doc.para([(f"Pengembalian biaya penggandaan sebesar Rp{v.amount(10_000, 900_000)} telah ditransfer ke rekening "
                   f"{bank} ", None), (acct, "rekening"), (f" atas nama {name} pada {v.date()}.", None)])
    elif r < 0.8:
        doc.para([(f"Permohonan informasi oleh warga negara asing dengan nomor paspor ", None), (v.passport(), "paspor"),
                  (f" diproses sesuai ketentuan. Kode RUP {rng.randint(30_000_000, 59_999_999)} tidak terkait.", None)])
    doc.para([(f"Atas pengaduan tersebut, PPID telah melakukan klarifikasi kepada unit terkait pada {v.date()} "
               f"dan menyampaikan salinan informasi yang diminta sebanyak {rng.randint(2, 120)} lembar. "
               f"Sesuai Pasal 35 ayat (1) UU 14/2008, Saudara dapat mengajukan keberatan dalam 30 hari kerja.", None)])
    doc.para(_agency_contact(v))
    doc.lines(_signature(v, "Pejabat Pengelola Informasi dan Dokumentasi"))
    return doc.done("pengaduan")


def _doc_pengadaan(rng: random.Random, mode: str) -> LabelledDoc:
    v, doc = _Values(rng, mode), _Doc(rng, mode)
    year = rng.randint(2024, 2026)
    doc.heading(f"Pengumuman Pemenang {rng.choice(['Tender', 'Seleksi', 'Pengadaan Langsung'])} Tahun Anggaran {year}")
    vendor = rng.choice(["PT Maju Jaya Teknologi", "CV Sinar Abadi", "PT Nusantara Data Prima", "CV Karya Mandiri",
                         "PT Cipta Solusi Digital"])
    director = v.name()
    items: list[list[Span]] = [
        [(f"Nama paket      : {rng.choice(TOPICS).capitalize()}", None)],
        [(f"Kode RUP        : {rng.randint(30_000_000, 59_999_999)}", None)],
        [(f"Kode tender     : {rng.randint(1000, 9999)}{v.digits(4)}{rng.choice(['000', '101'])}", None)],
        [(f"Pagu            : Rp{v.amount(200_000_000, 9_000_000_000)},00", None)],
        [(f"HPS             : Rp {v.amount(200_000_000, 9_000_000_000)}", None)],
        [(f"Pemenang        : {vendor}", None)],
        [(f"Alamat          : Jl. {rng.choice(LAST)} No. {rng.randint(1, 300)}, {rng.choice(PLACES)} {rng.randint(10000, 99999)}", None)],
        [("NPWP            : ", None), (v.npwp(), "npwp")],
    ]
    if rng.random() < 0.7:
        items.append([("Telepon         : ", None), (v.landline(), "telepon_kantor")])  # the company's office
    if rng.random() < 0.4:
        items.append([(f"Direktur        : {director}, HP ", None), (v.mobile(), "telepon")])
    if rng.random() < 0.3:
        items.append([("Surel           : ", None), (v.email(director), "email")])
    items.append([(f"Harga terkoreksi: Rp{v.amount(200_000_000, 9_000_000_000)},00", None)])
    doc.lines(items)
    doc.para([(f"Masa sanggah {rng.randint(3, 5)} hari kalender mulai {v.date()} sampai {v.date()} pukul 23.59 WIB. "
               f"Pengumuman ini sesuai {v.regulation()}; {v.decoy_number()}.", None)])
    doc.para(_agency_contact(v))
    return doc.done("pengadaan")


def _doc_daftar_hadir(rng: random.Random, mode: str) -> LabelledDoc:
    """An attendance list of a public consultation: names, institutions, phones, e-mail, signatures."""
    v, doc = _Values(rng, mode), _Doc(rng, mode)
    doc.heading(f"Daftar Hadir {rng.choice(['Konsultasi Publik', 'Rapat Koordinasi PPID', 'Sosialisasi Keterbukaan Informasi'])}")
    doc.para([(f"Hari/tanggal: {rng.choice(['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat'])}, {v.date()}; pukul "
               f"{rng.randint(8, 10):02d}.00 - {rng.randint(11, 15):02d}.30 WIB; tempat: Ruang Rapat Lantai "
               f"{rng.randint(1, 4)}. Undangan Nomor {v.letter_no()}.", None)])
    header = ["No", "Nama", "Instansi", rng.choice(["No. HP", "Telepon", "Nomor Kontak"]), "Surel", "Tanda Tangan"]
    rows = []
    for i in range(rng.randint(4, 25)):
        name = v.name()
        phone: list[Span] = [(v.mobile(), "telepon")] if rng.random() < 0.85 else [(rng.choice(AGENCY_PHONES), None)]
        mail: list[Span] = [(v.email(name), "email")] if rng.random() < 0.6 else [("-", None)]
        rows.append([[(str(i + 1), None)], [(name, None)],
                     [(rng.choice(["Diskominfo", "Bappeda", "Kelurahan Sukamaju", "LSM Transparansi", "Warga",
                                   "Universitas Contoh", "Dinas Kependudukan dan Pencatatan Sipil"]), None)],
                     phone, mail, [(f"{i + 1}. ....", None)]])
    doc.table(header, rows)
    doc.para([(f"Jumlah peserta {len(rows)} orang. Notulen rapat tersedia di PPID ({rng.choice(AGENCY_EMAILS)}); "
               f"{v.decoy_number()}.", None)])
    return doc.done("daftar_hadir")


_KINDS = [(_doc_pengumuman, 22), (_doc_anggaran, 18), (_doc_sk, 18), (_doc_pengaduan, 24), (_doc_pengadaan, 10),
          (_doc_daftar_hadir, 8)]


def generate(n_docs: int, seed: int = 1) -> list[LabelledDoc]:
    """`n_docs` labelled documents, the same for the same seed."""
    rng = random.Random(seed)
    makers = [m for m, _ in _KINDS]
    weights = [w for _, w in _KINDS]
    docs = []
    for _ in range(n_docs):
        maker = rng.choices(makers, weights)[0]
        mode = rng.choices(["markdown", "pdf", "layout"], [40, 40, 20])[0]
        docs.append(maker(random.Random(rng.getrandbits(64)), mode))
    return docs


def _show(doc: LabelledDoc) -> str:
    out, pos = [], 0
    for det, a, b in sorted(doc.labels, key=lambda l: l[1]):
        out.append(doc.text[pos:a])
        out.append(f"⟦{det}:{doc.text[a:b]}⟧")
        pos = b
    out.append(doc.text[pos:])
    return "".join(out)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for d in generate(n, seed):
        print(f"===== {d.kind} / {d.mode} =====")
        print(_show(d))

"""Synthetic PPID sites of N pages for benchmarks: deterministic, nested like a big real site.

Layout of a generated site (N counts every Markdown file in content/, index pages included):

    content/index.md, content/kontak.md
    content/<section>/index.md                    ~10 top-level sections (fewer on tiny sites)
    content/<section>/<sub>/index.md              sub-sections (years, units, ...) when a
    content/<section>/<sub>/<page>.md             section would exceed ~50 pages; deeper when needed

No folder holds more than FOLDER_CAP pages. Leaf pages carry public-information front matter
(they become Daftar Informasi Publik entries); index pages are `jenis: halaman` and list their
children. A leaf page is ~600 words: paragraphs, headings, a list, a table, and links to a few
pages of the same folder.

    python bench/synth.py --pages 1000 --out /tmp/situs [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

FOLDER_CAP = 48     # pages in one folder at most (its index.md included: 49)
FANOUT = 12         # sub-sections in one folder at most; more pages go one level deeper
TOP_SECTIONS = 10

# (slug, title, klasifikasi of its pages or None for mixed, kind of sub-sections, weight)
SECTIONS = [
    ("profil", "Profil Badan Publik", "berkala", "unit", 0.5),
    ("informasi-berkala", "Informasi Berkala", "berkala", "tahun", 1.6),
    ("informasi-serta-merta", "Informasi Serta Merta", "serta_merta", "tahun", 0.8),
    ("informasi-setiap-saat", "Informasi Setiap Saat", "setiap_saat", "unit", 1.4),
    ("regulasi", "Regulasi dan Kebijakan", "setiap_saat", "jenis", 1.2),
    ("anggaran", "Anggaran dan Keuangan", "berkala", "tahun", 1.2),
    ("pengadaan", "Pengadaan Barang dan Jasa", "berkala", "tahun", 1.0),
    ("program-kegiatan", "Program dan Kegiatan", "berkala", "unit", 1.0),
    ("laporan", "Laporan", "berkala", "tahun", 0.9),
    ("layanan", "Layanan Informasi", None, "jenis", 0.4),
]

UNITS = [
    "Sekretariat", "Subbagian Umum dan Kepegawaian", "Subbagian Perencanaan dan Keuangan",
    "Bidang Informasi dan Komunikasi Publik", "Bidang Aplikasi Informatika",
    "Bidang Persandian dan Keamanan Informasi", "Bidang Statistik Sektoral",
    "Bidang Infrastruktur Teknologi Informasi", "UPTD Pusat Data", "UPTD Layanan Radio Kota",
    "Bidang Pengelolaan Media", "Bidang Tata Kelola SPBE", "Bidang Layanan E-Government",
    "Bidang Pemberdayaan TIK Masyarakat",
]
OFFICIALS = [
    "Kepala Dinas", "Sekretaris Dinas", "Kepala Bidang Informasi dan Komunikasi Publik",
    "Kepala Bidang Aplikasi Informatika", "Kepala Subbagian Perencanaan dan Keuangan",
    "Kepala Subbagian Umum dan Kepegawaian", "Kepala UPTD Pusat Data", "PPID Pelaksana",
]
DOC_KINDS = [
    "Peraturan Wali Kota", "Keputusan Kepala Dinas", "Surat Edaran", "Standar Operasional Prosedur",
    "Petunjuk Teknis", "Nota Kesepahaman", "Laporan Bulanan", "Rencana Kerja", "Notulen Rapat",
    "Pengumuman", "Rekapitulasi", "Instruksi Wali Kota", "Kerangka Acuan Kerja", "Pedoman",
]
TOPICS = [
    "pengelolaan situs resmi pemerintah daerah", "layanan permohonan informasi publik",
    "keamanan informasi perangkat daerah", "jaringan intra pemerintah", "pusat data daerah",
    "satu data kota", "penyelenggaraan sistem pemerintahan berbasis elektronik",
    "pengelolaan nama domain dan subdomain", "penggunaan tanda tangan elektronik",
    "pemeliharaan perangkat jaringan", "layanan aduan masyarakat", "pengelolaan media sosial resmi",
    "penyebarluasan informasi pembangunan", "pengadaan perangkat teknologi informasi",
    "pelatihan aparatur bidang teknologi informasi", "pengelolaan arsip elektronik",
    "penanganan insiden siber", "akses internet ruang publik", "pengembangan aplikasi layanan publik",
    "interoperabilitas data antarperangkat daerah", "pengelolaan anggaran belanja modal",
    "survei kepuasan masyarakat", "penetapan daftar informasi dikecualikan", "kehumasan pemerintah daerah",
    "penyiaran radio pemerintah", "statistik sektoral", "pemulihan bencana sistem informasi",
]
QUALIFIERS = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Semester I", "Semester II",
              "Perubahan", "Tahap I", "Tahap II", "Revisi"]
JENIS_NAMES = ["Peraturan Daerah", "Peraturan Wali Kota", "Keputusan", "Surat Edaran", "SOP",
               "Pedoman dan Juknis", "Perjanjian Kerja Sama", "Formulir", "Maklumat", "Standar Layanan",
               "Pengumuman", "Materi Sosialisasi"]
BENTUK = [["elektronik"], ["cetak", "elektronik"], ["cetak"], ["elektronik", "rekaman"],
          ["cetak", "elektronik", "rekaman"]]
RETENSI = ["1 tahun", "2 tahun", "5 tahun", "10 tahun", "Permanen", "Selama berlaku"]

SUBJECTS = [
    "Dinas Komunikasi dan Informatika", "PPID Pelaksana", "tim teknis", "perangkat daerah",
    "pemerintah kota", "masyarakat", "pemohon informasi", "pejabat pengelola", "unit kerja terkait",
    "kelompok kerja", "pengelola layanan", "bidang terkait", "petugas layanan informasi",
]
VERBS = [
    "menyusun", "melaksanakan", "mengevaluasi", "memantau", "menetapkan", "menyampaikan",
    "mengoordinasikan", "mendokumentasikan", "memutakhirkan", "menyediakan", "mengumumkan",
    "memverifikasi", "menindaklanjuti", "mengkaji", "menyelaraskan", "mengelola",
]
OBJECTS = [
    "rencana kerja tahunan", "laporan capaian kinerja", "daftar informasi publik", "standar pelayanan",
    "anggaran kegiatan", "data sektoral", "dokumen pendukung", "hasil pemantauan", "rekomendasi perbaikan",
    "indikator kinerja utama", "jadwal pelaksanaan", "kebutuhan perangkat", "materi sosialisasi",
    "berita acara", "rincian biaya", "hasil survei", "catatan rapat koordinasi", "daftar hadir peserta",
]
MODIFIERS = [
    "secara berkala", "sesuai ketentuan yang berlaku", "paling lambat akhir bulan", "dengan melibatkan pemangku kepentingan",
    "melalui sistem informasi yang tersedia", "berdasarkan hasil evaluasi sebelumnya", "secara terbuka dan akuntabel",
    "sebagaimana diatur dalam peraturan perundang-undangan", "dalam rapat koordinasi bulanan",
    "dengan memperhatikan prinsip keterbukaan informasi", "untuk menjamin kualitas layanan publik",
    "agar dapat diakses oleh masyarakat", "tanpa mengurangi hak pemohon", "pada setiap semester",
]
CONNECTORS = ["Selain itu,", "Dalam pelaksanaannya,", "Oleh karena itu,", "Sementara itu,", "Sebagai tindak lanjut,",
              "Pada tahap berikutnya,", "Untuk itu,", "Di samping itu,", "Secara umum,", "Berdasarkan hal tersebut,"]
HEADINGS = ["Latar Belakang", "Dasar Hukum", "Maksud dan Tujuan", "Ruang Lingkup", "Pelaksanaan Kegiatan",
            "Hasil yang Dicapai", "Kendala dan Tindak Lanjut", "Pembiayaan", "Jadwal", "Penutup"]
TABLE_ITEMS = ["Pengadaan perangkat jaringan", "Pemeliharaan server", "Pelatihan aparatur", "Sosialisasi keterbukaan informasi",
               "Langganan bandwidth", "Pengembangan aplikasi", "Uji keamanan sistem", "Penyusunan dokumen",
               "Rapat koordinasi", "Publikasi media", "Survei kepuasan", "Pemutakhiran data"]


@dataclass
class Folder:
    rel: str                       # folder path under content/ ("" for the root)
    title: str
    klasifikasi: str | None
    kind: str
    depth: int
    leaves: list[tuple[str, str]] = field(default_factory=list)   # (slug, title)
    children: list["Folder"] = field(default_factory=list)


@dataclass
class SynthInfo:
    pages: int
    leaves: int
    folders: int
    top_sections: int
    max_depth: int
    max_folder_pages: int


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _split(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights`, every share at least 1, summing to `total`."""
    raw = [total * w / sum(weights) for w in weights]
    shares = [max(1, int(r)) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - int(raw[i]), reverse=True)
    i = 0
    while sum(shares) < total:
        shares[order[i % len(order)]] += 1
        i += 1
    while sum(shares) > total:
        j = max(range(len(shares)), key=lambda k: shares[k])
        shares[j] -= 1
    return shares


def _child_names(kind: str, count: int, depth: int) -> list[str]:
    if depth >= 2:  # third level and deeper: periods, then plain groups
        pool = QUALIFIERS
    elif kind == "tahun":
        pool = [f"Tahun {2026 - i}" for i in range(FANOUT)]
    elif kind == "unit":
        pool = UNITS
    else:
        pool = JENIS_NAMES
    names = list(pool[:count])
    names += [f"Kelompok {i + 1}" for i in range(len(names), count)]
    return names


def _fill(folder: Folder, budget: int, rng: random.Random, titles: set[str]) -> None:
    """Give `folder` `budget` pages: its index.md plus leaves, or sub-folders when too many."""
    rest = budget - 1  # the folder's own index.md
    if rest <= FOLDER_CAP:
        slugs: set[str] = set()
        for _ in range(rest):
            title, base = _leaf_title(folder, rng, titles)
            slug, n = base, 2
            while slug in slugs or slug == "index":
                slug = f"{base}-{n}"
                n += 1
            slugs.add(slug)
            folder.leaves.append((slug, title))
        return
    count = min(FANOUT, math.ceil(rest / (FOLDER_CAP + 1)))
    for name, share in zip(_child_names(folder.kind, count, folder.depth), _split(rest, [1.0] * count)):
        child = Folder(f"{folder.rel}/{slugify(name)}".lstrip("/"), name if folder.depth < 2 else f"{folder.title}, {name}",
                       folder.klasifikasi, folder.kind, folder.depth + 1)
        folder.children.append(child)
        _fill(child, share, rng, titles)


def _leaf_title(folder: Folder, rng: random.Random, titles: set[str]) -> tuple[str, str]:
    """A title unique in the site, and a short file name for it (without .md)."""
    year_match = re.search(r"Tahun (\d{4})", folder.title)
    year = year_match.group(1) if year_match else str(rng.randint(2019, 2026))
    kind = rng.choice(DOC_KINDS)
    topic = rng.choice(TOPICS)
    title = f"{kind} tentang {topic[0].upper()}{topic[1:]} Tahun {year}"
    extra = ""
    if title in titles:
        extra = rng.choice(QUALIFIERS)
        title = f"{title} ({extra})"
    n = 2
    base = title
    while title in titles:
        title = f"{base} Nomor {n}"
        extra = f"{extra} {n}"
        n += 1
    titles.add(title)
    return title, slugify(f"{kind} {' '.join(topic.split()[:3])} {year} {extra}")


def plan(n_pages: int, seed: int) -> Folder:
    """The folder tree of a site with `n_pages` Markdown files in content/."""
    if n_pages < 4:
        raise ValueError("a synthetic site needs at least 4 pages")
    rng = random.Random(seed)
    root = Folder("", "Beranda", None, "jenis", 0)
    rest = n_pages - 2  # content/index.md and content/kontak.md
    n_top = max(1, min(TOP_SECTIONS, rest // 12))
    sections = SECTIONS[:n_top]
    titles: set[str] = set()
    for (slug, title, klas, kind, _), share in zip(sections, _split(rest, [s[4] for s in sections])):
        folder = Folder(slug, title, klas, kind, 1)
        root.children.append(folder)
        _fill(folder, share, rng, titles)
    return root


# --- text -----------------------------------------------------------------------------------

def _sentence(rng: random.Random) -> str:
    parts = []
    if rng.random() < 0.3:
        parts.append(rng.choice(CONNECTORS))
    subject = rng.choice(SUBJECTS)
    parts.append(subject[0].upper() + subject[1:] if not parts else subject)
    parts.append(rng.choice(VERBS))
    parts.append(rng.choice(OBJECTS))
    if rng.random() < 0.6:
        parts.append(f"terkait {rng.choice(TOPICS)}")
    parts.append(rng.choice(MODIFIERS))
    if rng.random() < 0.3:
        parts.append(f"dengan target {rng.randint(60, 100)} persen")
    return " ".join(parts) + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _rupiah(rng: random.Random) -> str:
    return f"Rp{rng.randint(5, 900) * 1_000_000:,}".replace(",", ".")


def _table(rng: random.Random) -> list[str]:
    rows = ["| No | Uraian | Anggaran | Realisasi | Capaian |", "|---|---|---|---|---|"]
    for number, item in enumerate(rng.sample(TABLE_ITEMS, rng.randint(5, 8)), start=1):
        rows.append(f"| {number} | {item} | {_rupiah(rng)} | {_rupiah(rng)} | {rng.randint(55, 100)},{rng.randint(0, 9)} persen |")
    return rows


def _front_matter(fields: dict) -> str:
    lines = ["---"]
    for key, value in fields.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")  # JSON is YAML: every value quoted
    return "\n".join(lines + ["---", ""])


def leaf_page(folder: Folder, slug: str, title: str, siblings: list[tuple[str, str]], rng: random.Random) -> str:
    klas = folder.klasifikasi or rng.choice(["berkala", "serta_merta", "setiap_saat"])
    year_match = re.search(r"Tahun (\d{4})", title)
    year = int(year_match.group(1)) if year_match else 2025
    date = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
    unit = rng.choice(UNITS)
    summary = f"{title}. " + _sentence(rng)
    meta = {
        "title": title, "klasifikasi": klas, "ringkasan": summary[:590],
        "unit": unit, "penanggung_jawab": rng.choice(OFFICIALS),
        "tanggal": date.isoformat(), "tempat": "Kota Contoh",
        "bentuk": rng.choice(BENTUK), "retensi": rng.choice(RETENSI),
    }
    body = [_front_matter(meta), f"# {title}", "", _paragraph(rng, 4), ""]
    headings = rng.sample(HEADINGS, 4)
    body += [f"## {headings[0]}", "", _paragraph(rng, 5), "", _paragraph(rng, 4), ""]
    body += [f"## {headings[1]}", ""]
    body += [f"{i}. {_sentence(rng)}" for i in range(1, rng.randint(4, 6) + 1)] + [""]
    body += [f"## {headings[2]}", "", _paragraph(rng, 3), ""] + _table(rng) + [""]
    body += [f"### Catatan atas {headings[2].lower()}", "", _paragraph(rng, 4), ""]
    body += [f"## {headings[3]}", "", _paragraph(rng, 5), ""]
    others = [s for s in siblings if s[0] != slug]
    links = rng.sample(others, min(len(others), rng.randint(2, 3)))
    body += ["## Informasi Terkait", ""]
    body += [f"- [{t}]({s}.md)" for s, t in links]
    body += [f"- [Kembali ke {folder.title}](index.md)", ""]
    body += ["## Cara Memperoleh Informasi", "",
             f"Salinan dokumen ini dapat dimohonkan kepada PPID melalui layanan permohonan informasi. "
             f"Penanggung jawab informasi adalah {meta['penanggung_jawab']} pada {unit}. " + _paragraph(rng, 2), ""]
    return "\n".join(body)


def index_page(folder: Folder, rng: random.Random, order: int | None) -> str:
    meta = {"title": folder.title, "jenis": "halaman"}
    if order is not None:
        meta["urutan"] = order
    body = [_front_matter(meta), f"# {folder.title}", "", _paragraph(rng, 4), ""]
    if folder.children:
        body += ["## Subbagian", ""] + [f"- [{c.title}]({c.rel.rsplit('/', 1)[-1]}/index.md)" for c in folder.children] + [""]
    if folder.leaves:
        body += ["## Daftar Informasi", "", "| Informasi | Keterangan |", "|---|---|"]
        body += [f"| [{t}]({s}.md) | {rng.choice(MODIFIERS).capitalize()} |" for s, t in folder.leaves] + [""]
    body += [_paragraph(rng, 2), ""]
    return "\n".join(body)


def home_page(root: Folder, rng: random.Random) -> str:
    meta = {"title": "Beranda", "jenis": "halaman", "urutan": 0}
    body = [_front_matter(meta), "# PPID Dinas Komunikasi dan Informatika Kota Contoh", "", _paragraph(rng, 5), "",
            "## Akses Cepat", ""]
    body += [f"- [{c.title}]({c.rel}/index.md)" for c in root.children]
    body += ["- [Daftar Informasi Publik](daftar-informasi-publik.md)", "- [Kontak](kontak.md)", "", _paragraph(rng, 3), ""]
    return "\n".join(body)


def contact_page(rng: random.Random) -> str:
    meta = {"title": "Kontak", "jenis": "halaman", "urutan": 90}
    return "\n".join([_front_matter(meta), "# Kontak", "", _paragraph(rng, 3), "",
                      "| Layanan | Alamat |", "|---|---|", "| Surel | ppid@kotacontoh.go.id |",
                      "| Telepon | (0299) 555-0100 |", "| Kantor | Jalan Merdeka No. 1, Kota Contoh |", ""])


def write_content(content: Path, n_pages: int, seed: int = 1) -> SynthInfo:
    """Write a synthetic content/ of `n_pages` Markdown files (content/ must not exist yet)."""
    root = plan(n_pages, seed)
    rng = random.Random(seed * 7919 + 1)
    content.mkdir(parents=True)
    (content / "index.md").write_text(home_page(root, rng), encoding="utf-8")
    (content / "kontak.md").write_text(contact_page(rng), encoding="utf-8")
    stats = {"pages": 2, "leaves": 0, "folders": 0, "max_depth": 0, "max_folder": 0}

    def walk(folder: Folder, order: int | None) -> None:
        where = content / folder.rel
        where.mkdir(parents=True)
        (where / "index.md").write_text(index_page(folder, rng, order), encoding="utf-8")
        for slug, title in folder.leaves:
            (where / f"{slug}.md").write_text(leaf_page(folder, slug, title, folder.leaves, rng), encoding="utf-8")
        stats["pages"] += 1 + len(folder.leaves)
        stats["leaves"] += len(folder.leaves)
        stats["folders"] += 1
        stats["max_depth"] = max(stats["max_depth"], folder.depth)
        stats["max_folder"] = max(stats["max_folder"], 1 + len(folder.leaves) + len(folder.children))
        for child in folder.children:
            walk(child, None)

    for number, section in enumerate(root.children, start=1):
        walk(section, number * 10)
    assert stats["pages"] == n_pages, (stats, n_pages)
    return SynthInfo(stats["pages"], stats["leaves"], stats["folders"], len(root.children),
                     stats["max_depth"], stats["max_folder"])


def make_site(root: Path, n_pages: int, seed: int = 1) -> SynthInfo:
    """A site folder at `root` (must not exist): the repository's configuration plus synthetic content/."""
    root.mkdir(parents=True)
    shutil.copytree(REPO / "site_config", root / "site_config")
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return write_content(root / "content", n_pages, seed)


def make_signed_site(work: Path, n_pages: int, seed: int = 1) -> tuple[Path, dict[str, Path]]:
    """A synthetic site whose content/ is approved with real throw-away keys (three records a page, chained in
    the record log); returns the site folder and the keys (kept in `work`, outside the site)."""
    from pipeline.demo import approve_all_content, create_identities, utc
    from pipeline.site import Site

    root = work / f"situs-{n_pages}"
    make_site(root, n_pages, seed)
    for area in ("drafts", "reviews", "records"):
        (root / area).mkdir(exist_ok=True)
    keys = create_identities(Site(root), work / f"kunci-{n_pages}")
    approve_all_content(Site(root), keys, utc("2026-01-05T01:00:00"))
    return root, keys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="write a synthetic PPID site")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="site folder to create (must not exist)")
    args = parser.parse_args(argv)
    info = make_site(args.out, args.pages, args.seed)
    print(f"{info.pages} pages ({info.leaves} public-information pages, {info.folders} folders, "
          f"{info.top_sections} top-level sections, depth {info.max_depth}, "
          f"at most {info.max_folder_pages} entries per folder) in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A hostile pass on the SOP records and reports: what a user with commit access, a careless edit or a mistyped
argument can do, and what each must meet: a refusal naming the file (and line), nothing written, nothing silent."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from helpers.sop_history import NOW, History, make_year
from test_sop_records import make_plan

from conftest import tree_digest
from helpers.clock import agency_today, dated_recently, request_number
from pipeline.demo import PEOPLE, DemoPerson, create_identities
from pipeline.site import Site
from pipeline.sop.evaluation import build_report
from pipeline.sop.periods import parse_period, quarter_of
from pipeline.sop.sources import load_sources

PLAN = Path("records") / "rencana" / "2027-T1.yml"


def refused(result: tuple[int, str, str], *words: str) -> str:
    code, _, err = result
    assert code == 2, err
    assert "Traceback" not in err and "kesalahan internal" not in err
    for word in words:
        assert word in err, err
    return err


@pytest.mark.parametrize("args, word", [
    (("notulen", "tandatangani", "../rencana/2027-T1"), "bukan nama notulen yang sah"),
    (("notulen", "terima", "../../drafts/rapat"), "bukan nama notulen yang sah"),
    (("permintaan", "terima", "../notulen/2026-11-05"), "bukan nomor permintaan yang sah"),
    (("permintaan", "kerjakan", "/etc/passwd"), "bukan nomor permintaan yang sah"),
    (("rencana", "cetak", "2027-T1/../../x"), "tidak dapat dibaca"),
])
def test_ids_with_path_traversal_are_refused_and_touch_nothing(ppid, people, site: Path, args, word) -> None:
    (site / "drafts" / "rapat.yml").write_text(
        "jenis: notulen\ntanggal: '2026-11-05'\npeserta: [budi]\ntopik: [Evaluasi]\nkeputusan: []\n"
        "tindak_lanjut: []\ntanda_tangan: []\n", encoding="utf-8")
    ppid("rencana", "baru", "2027-T1")
    before = tree_digest(site)
    key = people.key("dodi" if args[0] == "permintaan" else "budi") if args[0] != "rencana" else []
    refused(ppid(*args, *key), word)
    assert tree_digest(site) == before


@pytest.mark.parametrize("value", ['"Sekre\\0tariat"', '"Sekre\\e[31mtariat"', '"Sekre\\u202Etariat"',
                                   '"Sekre\\x85tariat"'])
def test_control_characters_in_a_record_are_refused_with_file_and_line(ppid, people, site: Path, value) -> None:
    ppid("rencana", "baru", "2027-T1")
    plan = site / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("unit: Sekretariat", f"unit: {value}"), encoding="utf-8")
    before = tree_digest(site)
    refused(ppid("rencana", "tandatangani", "2027-T1", *people.key("budi")), f"{PLAN.as_posix()}:11:", "karakter kendali")
    assert tree_digest(site) == before


def test_control_characters_typed_on_the_command_line_leave_no_request(ppid, people, site: Path) -> None:
    before = tree_digest(site)
    refused(ppid("permintaan", "baru", "--kategori", "teknis", "--judul", "Merah\x1b[31m", "--uraian", "Uraian",
                 *people.key("siti")), "karakter kendali")
    assert tree_digest(site) == before


def test_identifiers_are_one_line(ppid, people, site: Path) -> None:
    ppid("rencana", "baru", "2027-T1")
    plan = site / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("triwulan: 2027-T1", 'triwulan: "2027-T1\\n"'),
                    encoding="utf-8")
    refused(ppid("rencana", "tandatangani", "2027-T1", *people.key("budi")), f"{PLAN.as_posix()}:5:", "satu baris")


def test_plan_items_must_be_distinct_and_inside_the_quarter(ppid, people, site: Path) -> None:
    ppid("rencana", "baru", "2027-T1")
    plan = site / PLAN
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("bulan: 2027-01", "bulan: 2026-05"), encoding="utf-8")
    refused(ppid("rencana", "tandatangani", "2027-T1", *people.key("budi")), f"{PLAN.as_posix()}:12:",
            "di luar Triwulan I 2027")
    item = text[text.index("- nomor: 1"):text.index("tanda_tangan")]
    plan.write_text(text.replace("tanda_tangan", item + "tanda_tangan", 1), encoding="utf-8")
    refused(ppid("rencana", "tandatangani", "2027-T1", *people.key("budi")), "nomor 1 dipakai dua kali")


@pytest.mark.parametrize("period", ["0000-01", "9999-12", "9999-S2", "٢٠٢٦-11", "２０２６-11", "2026-00", "2026-13",
                                    "2026-S3", "2026-S0", "", " "])
def test_periods_that_do_not_parse_are_refused_not_crashed(ppid, people, site: Path, period) -> None:
    refused(ppid("laporan", "--periode", period, "--tanpa-pdf"), "tidak dapat dibaca")
    refused(ppid("formulir", "--periode", period, "--tanpa-pdf"), "tidak dapat dibaca")


@pytest.mark.parametrize("args", [("rencana", "baru", "0000-T1"), ("rencana", "baru", "2026-T5"),
                                  ("notulen", "baru", "--tanggal", "20261105"),
                                  ("notulen", "baru", "--tanggal", "2026-W45-1"),
                                  ("notulen", "baru", "--tanggal", "２０２６-11-05"),
                                  ("notulen", "baru", "--tanggal", "0000-11-05")])
def test_new_records_with_odd_dates_are_refused_without_writing(ppid, site: Path, args) -> None:
    before = tree_digest(site)
    refused(ppid(*args), "tidak")
    assert tree_digest(site) == before


def test_unusable_record_files_are_reported_never_skipped(ppid, people, site: Path) -> None:
    folders = {name: site / "records" / name for name in ("rencana", "notulen", "permintaan")}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    (folders["rencana"] / "2027-T2.yaml").write_text("jenis: rencana\n", encoding="utf-8")
    (folders["rencana"] / "2027-T3.yml").write_bytes(b"jenis: rencana\n\xff\xfe\n")
    (folders["notulen"] / "2026-11-05.yml").mkdir()
    (folders["permintaan"] / "2026-0001.yml").symlink_to("/etc/hostname")
    (folders["permintaan"] / "2026-0002.yml").write_text("judul: " + "x" * 300_000 + "\n", encoding="utf-8")
    expected = ("records/rencana/2027-T2.yaml", "records/rencana/2027-T3.yml", "records/notulen/2026-11-05.yml",
                "records/permintaan/2026-0001.yml", "records/permintaan/2026-0002.yml")
    code, out, _ = ppid("status")
    for name in expected:
        assert f"PERINGATAN: {name}: tidak dapat dibaca" in out, out
    code, out, err = ppid("laporan", "--periode", "2026-11", "--tanpa-pdf")
    assert code == 1 and "Traceback" not in err
    for name in expected:
        assert f"PERINGATAN: {name}: tidak dapat dibaca" in out, out
    code, out, _ = ppid("permintaan", "daftar")
    assert "PERINGATAN: records/permintaan/2026-0001.yml: tidak dapat dibaca (tautan simbolik" in out


def test_a_tampered_publication_log_is_reported_not_silently_uncounted(ppid, people, site: Path, monkeypatch,
                                                                        tmp_path: Path) -> None:
    make_year(site, people.keys)
    monkeypatch.setattr("pipeline.commands.laporan.now_utc", lambda: NOW)
    monkeypatch.setattr("pipeline.commands.formulir.now_utc", lambda: NOW)
    log = site / "records" / "publikasi" / "produksi.jsonl"
    lines = log.read_bytes().splitlines()
    log.write_bytes(b"\n".join([lines[0], lines[1].replace(b"2026-12-20", b"2026-12-19"), lines[2]]) + b"\n")
    code, out, _ = ppid("laporan", "--periode", "2026-S2", "--tanpa-pdf", "--out", str(tmp_path))
    assert code == 1
    assert "PERINGATAN: records/publikasi/produksi.jsonl:3: rantai log publikasi putus" in out
    assert "TIDAK ADA: Log publikasi records/publikasi/produksi.jsonl rusak" in out
    html = (tmp_path / "laporan-evaluasi-2026-S2.html").read_text(encoding="utf-8")
    assert "Log publikasi records/publikasi/produksi.jsonl rusak" in html and "produksi.jsonl:3" in html
    code, out, _ = ppid("formulir", "--periode", "2026-S2", "--tanpa-pdf", "--out", str(tmp_path))
    assert code == 1 and "PERINGATAN: records/publikasi/produksi.jsonl:3" in out


def test_a_publication_log_with_an_unreadable_time_is_reported(people, site: Path) -> None:
    from pipeline.publish.publog import LogEntry, to_bytes

    folder = site / "records" / "publikasi"
    folder.mkdir(parents=True)
    entry = LogEntry(None, "produksi", "publish", "sha256:" + "a" * 64, "rilis", "sha256:" + "c" * 64, "ratna", "Ratna",
                     "kemarin sore")
    (folder / "produksi.jsonl").write_bytes(to_bytes([entry]))
    src = load_sources(Site(site), NOW)
    assert any("produksi.jsonl:1" in p and "waktu" in p for p in src.problems)


def other_people(site: Path, tmp_path: Path, monkeypatch) -> dict[str, Path]:
    """A small agency: one person holds two roles that the SOP keeps apart."""
    extra = (DemoPerson("rudi", "Rudi (operator dan web developer)", ("operator", "webdev")),
             DemoPerson("tono", "Tono (sub koordinator dan koordinator)", ("subkoordinator", "koordinator")),
             DemoPerson("wati", "Wati (sub koordinator dan kepala dinas)", ("subkoordinator", "kepala_dinas")))
    keys = create_identities(Site(site), tmp_path / "kunci2", people=PEOPLE + extra)
    monkeypatch.setenv("PPID_ROOT_KEYS", str(keys["root"].with_name("root.pub")))
    return keys


def test_one_person_may_not_take_both_sides_of_a_record(ppid, people, site: Path, tmp_path: Path, monkeypatch) -> None:
    first = request_number(1)
    keys = other_people(site, tmp_path, monkeypatch)
    key = lambda who: ["--key", str(keys[who])]  # noqa: E731
    assert ppid("permintaan", "baru", "--kategori", "teknis", "--judul", "Cache", "--uraian", "Cache lama",
                *key("rudi"))[0] == 0
    before = tree_digest(site)
    refused(ppid("permintaan", "terima", first, *key("rudi")), "pengaju")
    assert tree_digest(site) == before
    ppid("rencana", "baru", "2027-T1")
    assert ppid("rencana", "tandatangani", "2027-T1", *key("tono"))[0] == 0   # prepares as Sub Koordinator
    before = tree_digest(site)
    refused(ppid("rencana", "tandatangani", "2027-T1", *key("tono")), "orang yang sama")
    assert tree_digest(site) == before
    ppid("notulen", "baru", "--tanggal", "2026-11-05")
    minutes = site / "records" / "notulen" / "2026-11-05.yml"
    minutes.write_text(minutes.read_text(encoding="utf-8").replace("untuk: webdev", "untuk: operator"), encoding="utf-8")
    assert ppid("notulen", "tandatangani", "2026-11-05", *key("wati"))[0] == 0
    refused(ppid("notulen", "terima", "2026-11-05", *key("wati")), "orang yang sama")


def test_a_revoked_key_writes_nothing(ppid, people, site: Path) -> None:
    first = request_number(1)
    ppid("permintaan", "baru", "--kategori", "teknis", "--judul", "Cache", "--uraian", "Cache lama", *people.key("siti"))
    assert ppid("keys", "revoke", "--id", "dodi", "--root-key", str(people.keys["root"]))[0] == 0
    before = tree_digest(site)
    refused(ppid("permintaan", "terima", first, *people.key("dodi")), "dicabut")
    assert tree_digest(site) == before


def test_minutes_cannot_be_signed_before_the_meeting(ppid, people, site: Path) -> None:
    meeting = (agency_today() + dt.timedelta(days=30)).isoformat()  # a fixed future date would pass one day
    ppid("notulen", "baru", "--tanggal", meeting)
    before = tree_digest(site)
    refused(ppid("notulen", "tandatangani", meeting, *people.key("budi")), "sebelum rapat")
    assert tree_digest(site) == before


def test_verification_code_is_read_forgivingly_and_shows_what_was_signed(ppid, people, site: Path) -> None:
    code_text = make_plan(ppid, people, site)
    for typed in (code_text.lower(), code_text.replace("-", " "), code_text.replace("-", ""), f"  {code_text}\n"):
        code, out, err = ppid("rencana", "verifikasi", typed)
        assert code == 0, err
        assert "1. Contoh: Ringkasan Laporan Keuangan" in out and "Januari 2027" in out   # compare with the paper


def test_a_code_that_looks_like_a_quarter_is_still_a_code(ppid, people, site: Path) -> None:
    make_plan(ppid, people, site)
    code, _, err = ppid("rencana", "verifikasi", "2345-TABC-DEFG")
    assert code == 1 and "tidak cocok dengan rencana mana pun" in err


def test_forms_escape_what_the_site_config_says(ppid, people, site: Path, tmp_path: Path) -> None:
    config = site / "site_config" / "site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'ppid_name: "PPID Dinas Komunikasi dan Informatika Kota Contoh"', "ppid_name: \"PPID <script>alert('x')</script>\""),
        encoding="utf-8")
    assert ppid("formulir", "--periode", "2026-11", "--tanpa-pdf", "--out", str(tmp_path))[0] == 0
    for name in ("form-daftar-update-konten-2026-11.html", "form-persetujuan-2026-11.html"):
        html = (tmp_path / name).read_text(encoding="utf-8")
        assert "<script>" not in html and "&lt;script&gt;" in html


def test_dates_in_reports_are_local_at_the_month_edge(site: Path, people) -> None:
    history = History(site, people.keys)
    late_evening = dt.datetime(2026, 10, 31, 16, 30, tzinfo=dt.timezone.utc)     # 23.30 WIB, 31 October
    after_midnight = dt.datetime(2026, 10, 31, 17, 30, tzinfo=dt.timezone.utc)   # 00.30 WIB, 1 November
    history.page("profil/oktober.md", "submit", "siti", "operator", late_evening)
    history.page("profil/november.md", "submit", "agus", "operator", after_midnight)
    src = load_sources(Site(site), NOW)
    october = build_report(parse_period("2026-10"), src)
    november = build_report(parse_period("2026-11"), src)
    seen = lambda report: {i.what for line in report.lines if line.key == "tinjauan" for i in line.items}  # noqa: E731
    assert seen(october) == {"profil/oktober.md (diajukan 31 Oktober 2026)"}
    assert seen(november) == {"profil/november.md (diajukan 1 November 2026)"}


def test_leap_day_minutes_and_february_periods(ppid, people, site: Path) -> None:
    assert ppid("notulen", "baru", "--tanggal", "2028-02-29")[0] == 0
    refused(ppid("notulen", "baru", "--tanggal", "2027-02-29"), "tidak sah")
    period = parse_period("2028-02")
    assert (period.end_day() - period.start_day()).days == 29
    assert os.path.exists(site / "records" / "notulen" / "2028-02-29.yml")


def monev_site(tmp_path: Path) -> Path:
    from conftest import MINIMAL_PAGES, make_site

    year = agency_today().year
    page = "---\ntitle: {title}\njenis: halaman\n{extra}---\n\n# {title}\n\n{body}\n"
    return make_site(tmp_path / "monev", {**MINIMAL_PAGES,
        "layanan/permohonan.md": dated_recently(MINIMAL_PAGES["layanan/permohonan.md"]),
        "profil/struktur.md": page.format(title="Struktur Organisasi PPID", extra="",
                                          body="Bagan struktur: [unduh](../files/bagan.pdf)."),
        f"dip/daftar-informasi-publik-{year - 1}.md": page.format(title=f"Daftar Informasi Publik {year - 1}", extra="",
                                                                 body="Daftar."),
        "layanan/biaya.md": page.format(title="Standar Biaya", extra='tanggal: "2020-01-06"\n', body="Gratis."),
        "layanan/maklumat.md": page.format(title="Maklumat Pelayanan", extra='expire_at: "2021-01-01"\n', body="Janji."),
        "layanan/jam-layanan.md": page.format(title="Jam Layanan", extra='publish_at: "2099-01-01"\n', body="08.00."),
        "layanan/keberatan.md": "---\ntitle: Tata Cara Keberatan\njenis: [halaman\n---\n\nRusak.\n",
    })


def test_monev_judges_only_what_is_online_and_names_every_fault(tmp_path: Path, capsys) -> None:
    from pipeline.cli import main

    root = monev_site(tmp_path)
    capsys.readouterr()
    code = main(["--site", str(root), "monev"])
    out = capsys.readouterr().out
    assert code == 1
    assert "[TAUTAN RUSAK] Profil dan struktur organisasi PPID — profil/struktur.md" in out and "bagan.pdf" in out
    assert f"[BASI] Daftar Informasi Publik tahun berjalan — dip/daftar-informasi-publik-{agency_today().year - 1}.md" in out
    assert "[BASI] Standar biaya — layanan/biaya.md (terakhir bertanggal 2020-01-06" in out
    assert "[TIDAK ADA] Maklumat dan standar pelayanan — layanan/maklumat.md (halaman tidak tayang" in out
    assert "[TIDAK ADA] Jam layanan — layanan/jam-layanan.md (halaman tidak tayang" in out
    assert "[ADA] Tata cara permohonan informasi — layanan/permohonan.md" in out
    assert "PERINGATAN: content/layanan/keberatan.md:" in out and "tidak diperiksa" in out


def minutes_with_items(ppid, site: Path, *items: str) -> Path:
    ppid("notulen", "baru", "--tanggal", "2026-11-05")
    path = site / "records" / "notulen" / "2026-11-05.yml"
    follow = "".join(f"- uraian: {item}\n  untuk: webdev\n  kategori: tampilan\n" for item in items)
    path.write_text("jenis: notulen\ntanggal: '2026-11-05'\npeserta: [budi, ratna]\ntopik: [Evaluasi]\n"
                    f"keputusan: [Lanjut]\ntindak_lanjut:{chr(10) + follow if items else ' []' + chr(10)}tanda_tangan: []\n",
                    encoding="utf-8")
    return path


def test_minutes_interrupted_while_raising_requests_are_finished_by_signing_again(ppid, people, site: Path,
                                                                                 monkeypatch) -> None:
    import pipeline.sop.minutes as minutes

    minutes_with_items(ppid, site, "Tabel terpotong", "Menu tidak terbaca", "Pencarian lambat")
    real, calls = minutes.raise_request, []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(minutes, "raise_request", interrupted)
    assert ppid("notulen", "tandatangani", "2026-11-05", *people.key("budi"))[0] == 130
    monkeypatch.setattr(minutes, "raise_request", real)
    code, out, err = ppid("notulen", "tandatangani", "2026-11-05", *people.key("budi"))
    assert code == 0, err
    assert request_number(2) in out and request_number(3) in out and request_number(1) not in out
    requests = sorted(p.name for p in (site / "records" / "permintaan").iterdir())
    assert requests == [f"{request_number(n)}.yml" for n in (1, 2, 3)]
    assert ppid("notulen", "tandatangani", "2026-11-05", *people.key("budi"))[0] == 2   # nothing left to do


def test_an_interrupted_request_leaves_no_unsigned_file(ppid, people, site: Path, monkeypatch) -> None:
    import pipeline.sop.requests as requests

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(requests, "sign_entry", interrupted)
    before = tree_digest(site)
    assert ppid("permintaan", "baru", "--kategori", "teknis", "--judul", "Cache", "--uraian", "Cache lama",
                *people.key("siti"))[0] == 130
    assert tree_digest(site) == before


def test_a_multi_line_action_item_becomes_a_one_line_request_title(ppid, people, site: Path) -> None:
    path = minutes_with_items(ppid, site, "|\n    Tabel jam layanan\n    terpotong di ponsel")
    code, out, err = ppid("notulen", "tandatangani", "2026-11-05", *people.key("budi"))
    assert code == 0, err
    assert f"{request_number(1)} dibuat untuk Web Developer: Tabel jam layanan terpotong di ponsel" in out
    assert path.exists()


def test_unsigned_minutes_and_requests_are_not_skipped(ppid, people, site: Path) -> None:
    minutes_with_items(ppid, site)                                   # held on 5 November, never signed
    folder = site / "records" / "permintaan"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2026-0007.yml").write_text("jenis: permintaan\nnomor: 2026-0007\nkategori: teknis\njudul: Tanpa tanda "
                                          "tangan\nuraian: Ditulis tangan\ntanda_tangan: []\n", encoding="utf-8")
    report = build_report(parse_period("2026-11"), load_sources(Site(site), NOW))
    minutes = next(line for line in report.lines if line.key == "notulen")
    assert [(i.what, i.status) for i in minutes.items] == [("Notulen 5 November 2026", "tidak ada")]
    assert any("records/permintaan/2026-0007.yml" in p and "belum ditandatangani" in p for p in report.problems)
    code, out, _ = ppid("status")
    assert "tandatangani notulen 2026-11-05" in out
    assert "PERINGATAN: records/permintaan/2026-0007.yml" in out


@pytest.mark.parametrize("edit", [
    lambda d: d["butir"][0].update(judul=d["butir"][0]["judul"] + " "),          # one trailing space
    lambda d: d["butir"][0].update(unit="Sekretariat Daerah"),
    lambda d: d["butir"][0].update(bulan="2027-02"),
    lambda d: d["butir"][0].update(halaman="profil/baru.md"),                     # an optional field added
    lambda d: d["butir"].append({**d["butir"][0], "nomor": 2}),
    lambda d: d.update(judul="Daftar lain"),
    lambda d: d["tanda_tangan"][1].update(waktu="2026-11-30T01:00:00.000000Z"),  # back-dated
    lambda d: d["tanda_tangan"][1].update(oleh="budi"),
    lambda d: d["tanda_tangan"][1].update(peran="subkoordinator"),
    lambda d: d["tanda_tangan"][1].update(catatan="ditambahkan kemudian"),
    lambda d: d["tanda_tangan"].reverse(),
])
def test_every_edit_after_signing_fails_verification(ppid, people, site: Path, edit) -> None:
    import yaml

    make_plan(ppid, people, site)
    plan = site / PLAN
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    edit(data)
    plan.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")
    code, _, err = ppid("rencana", "verifikasi", "2027-T1")
    assert code == 1 and "records/rencana/2027-T1.yml:" in err and "Traceback" not in err


def test_reformatting_a_signed_plan_keeps_it_valid(ppid, people, site: Path) -> None:
    import yaml

    make_plan(ppid, people, site)
    plan = site / PLAN
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    plan.write_text(yaml.safe_dump(data, allow_unicode=False, sort_keys=True, default_flow_style=True, width=60),
                    encoding="utf-8")
    code, out, err = ppid("rencana", "verifikasi", "2027-T1")
    assert code == 0, err


def test_hostile_text_is_escaped_in_the_printed_plan_and_report(ppid, people, site: Path, tmp_path: Path) -> None:
    ppid("rencana", "baru", "2027-T1")
    plan = site / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "'Contoh: Ringkasan Laporan Keuangan'", "'<script>alert(1)</script>\" onload=\"x'"), encoding="utf-8")
    ppid("rencana", "tandatangani", "2027-T1", *people.key("budi"))
    ppid("rencana", "tandatangani", "2027-T1", *people.key("ratna"))
    ppid("permintaan", "baru", "--kategori", "teknis", "--judul", "<img src=x onerror=alert(1)>", "--uraian", "x",
         *people.key("siti"))
    assert ppid("rencana", "cetak", "2027-T1", "--tanpa-pdf", "--out", str(tmp_path))[0] == 0
    period = parse_period(f"{agency_today():%Y-%m}")
    ppid("laporan", "--periode", period.code, "--tanpa-pdf", "--out", str(tmp_path))
    for name in ("rencana-2027-T1.html", f"laporan-evaluasi-{period.code}.html"):
        html = (tmp_path / name).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and 'onload="x' not in html


def test_console_errors_while_printing_are_not_swallowed(ppid, people, site: Path, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr("pipeline.sop.html.print_pdf", lambda html, pdf: ["Uncaught ReferenceError: x is not defined"])
    refused(ppid("laporan", "--periode", "2026-11", "--out", str(tmp_path)), "laporan-evaluasi-2026-11.pdf",
            "Uncaught ReferenceError")


def test_verification_names_the_quarter_the_code_belongs_to(ppid, people, site: Path) -> None:
    code_text = make_plan(ppid, people, site)
    code, out, _ = ppid("rencana", "verifikasi", code_text)
    assert code == 0 and "Daftar Konten yang Akan Dipublikasikan — Triwulan I 2027" in out


@pytest.mark.parametrize("extra", [("--hasil", "ab"), ("--hasil", "abc\ndef"), ("--hasil", "abc", "-m", "x" * 3000),
                                   ("--hasil", "abc", "-m", "catatan\x1b[2J")])
def test_a_bad_value_in_a_new_signature_entry_writes_nothing(ppid, people, site: Path, extra) -> None:
    first = request_number(1)
    ppid("permintaan", "baru", "--kategori", "teknis", "--judul", "Cache", "--uraian", "Cache lama", *people.key("siti"))
    ppid("permintaan", "terima", first, *people.key("dodi"))
    before = tree_digest(site)
    refused(ppid("permintaan", "selesai", first, *extra, *people.key("dodi")))
    assert tree_digest(site) == before
    assert "diterima Web Developer" in ppid("permintaan", "daftar")[1]


def test_an_output_folder_that_is_a_file_is_refused(ppid, people, site: Path, tmp_path: Path) -> None:
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    for out in (tmp_path / "berkas", tmp_path / "berkas" / "di-dalam"):
        refused(ppid("laporan", "--periode", "2026-11", "--tanpa-pdf", "--out", str(out)), str(out))
        refused(ppid("formulir", "--periode", "2026-11", "--tanpa-pdf", "--out", str(out)), str(out))


def test_a_records_folder_that_is_not_a_folder_is_reported(ppid, people, site: Path) -> None:
    (site / "records" / "notulen").write_text("x", encoding="utf-8")
    code, out, _ = ppid("status")
    assert "PERINGATAN: records/notulen: tidak dapat dibaca (bukan folder" in out
    refused(ppid("notulen", "baru", "--tanggal", "2026-11-05"), "records/notulen")


def test_a_document_changed_while_being_signed_is_not_overwritten(ppid, people, site: Path, monkeypatch) -> None:
    import pipeline.sop.signed as signed

    ppid("rencana", "baru", "2027-T1")
    plan = site / PLAN
    real = signed.sshsig_sign

    def meanwhile(key, message):  # another command signs the same file while this one holds its key
        plan.write_text(plan.read_text(encoding="utf-8") + "# diubah perintah lain\n", encoding="utf-8")
        monkeypatch.setattr(signed, "sshsig_sign", real)
        return real(key, message)

    monkeypatch.setattr(signed, "sshsig_sign", meanwhile)
    refused(ppid("rencana", "tandatangani", "2027-T1", *people.key("budi")), "berubah sejak dibaca")
    changed = plan.read_text(encoding="utf-8")
    assert changed.endswith("# diubah perintah lain\n") and "tindakan: susun" not in changed


def forge(site: Path, rel: str, kind: str, key: Path, **fields) -> None:
    """Append an entry signed with `key` straight into the file, bypassing every check of the commands."""
    from pipeline.signing import load_private_key, sshsig_sign
    from pipeline.sop.signed import load_document, payload
    from pipeline.yamlio import dumps

    doc = load_document(site, site / rel, kind)
    entry = {"langkah": "x_y_z", "waktu": "2026-11-30T00:00:00.000000Z", "isi": doc.body_digest, **fields}
    if doc.entries:
        entry["sebelumnya"] = doc.entries[-1].digest
    signature = sshsig_sign(load_private_key(key, None), payload(doc, entry))
    entries = [{**e.fields, "tanda_tangan": e.signature} for e in doc.entries] + [{**entry, "tanda_tangan": signature}]
    (site / rel).write_text(dumps({**doc.body, "tanda_tangan": entries}), encoding="utf-8")


@pytest.mark.parametrize("who, fields, why", [
    ("siti", {"tindakan": "terima", "oleh": "siti", "peran": "operator"}, "tidak boleh 'terima'"),
    ("siti", {"tindakan": "terima", "oleh": "siti", "peran": "webdev"}, "tidak memegang peran 'webdev'"),
    ("dodi", {"tindakan": "terima", "oleh": "siti", "peran": "operator"}, "tanda tangan siti tidak sah"),
    ("dodi", {"tindakan": "terima", "oleh": "joko", "peran": "webdev"}, "'joko' tidak terdaftar"),
    ("dodi", {"tindakan": "selesai", "oleh": "dodi", "peran": "webdev", "hasil": "abc1234"}, "tidak boleh sesudah 'ajukan'"),
    ("dodi", {"tindakan": "terima", "oleh": "dodi", "peran": "webdev", "waktu": "2026-11-29T00:00:00.000000Z"},
     "sebelum tanda tangan sebelumnya"),
    ("dodi", {"tindakan": "terima", "oleh": "dodi", "peran": "webdev", "waktu": "2031-01-01T00:00:00.000000Z"},
     "masa depan"),
])
def test_forged_entries_never_count(ppid, people, site: Path, monkeypatch, who, fields, why) -> None:
    import pipeline.commands.permintaan as command

    monkeypatch.setattr(command, "now_utc", lambda: dt.datetime(2026, 11, 29, 12, tzinfo=dt.timezone.utc))
    assert ppid("permintaan", "baru", "--kategori", "teknis", "--judul", "Cache", "--uraian", "Cache lama",
                *people.key("siti"))[0] == 0
    forge(site, "records/permintaan/2026-0001.yml", "permintaan", people.keys[who], **fields)
    monkeypatch.setattr(command, "now_utc", lambda: dt.datetime(2026, 11, 30, 12, tzinfo=dt.timezone.utc))
    code, out, _ = ppid("permintaan", "daftar")
    assert "2026-0001 [teknis] Cache — diajukan, menunggu tanda terima" in out
    assert "PERINGATAN: records/permintaan/2026-0001.yml:" in out and why in out, out


def test_a_signature_copied_from_another_plan_does_not_count(ppid, people, site: Path) -> None:
    import yaml

    make_plan(ppid, people, site)
    ppid("rencana", "baru", "2027-T2")
    signed = yaml.safe_load((site / PLAN).read_text(encoding="utf-8"))
    other = site / "records" / "rencana" / "2027-T2.yml"
    data = yaml.safe_load(other.read_text(encoding="utf-8"))
    data["butir"], data["judul"] = signed["butir"], signed["judul"]
    data["butir"][0]["bulan"] = "2027-04"
    data["tanda_tangan"] = signed["tanda_tangan"]
    other.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, _, err = ppid("rencana", "verifikasi", "2027-T2")
    assert code == 1 and "records/rencana/2027-T2.yml:" in err


@pytest.mark.parametrize("text, line, word", [
    ("x: &a [1]\ny: *a\n", 15, "anchor/alias"),
    ("jenis: rencana\n", 15, "ditulis dua kali"),
    ("z: !!python/object:os.system ls\n", 15, "tag YAML"),
])
def test_yaml_tricks_in_a_plan_are_refused_with_file_and_line(ppid, people, site: Path, text, line, word) -> None:
    ppid("rencana", "baru", "2027-T1")
    plan = site / PLAN
    plan.write_text(plan.read_text(encoding="utf-8") + text, encoding="utf-8")
    before = tree_digest(site)
    refused(ppid("rencana", "tandatangani", "2027-T1", *people.key("budi")), f"{PLAN.as_posix()}:{line}:", word)
    assert tree_digest(site) == before


def test_status_json_carries_sop_duties_and_unreadable_records(ppid, people, site: Path) -> None:
    import json

    folder = site / "records" / "rencana"
    folder.mkdir(parents=True)
    (folder / "2027-T1.yaml").write_text("jenis: rencana\n", encoding="utf-8")
    code, out, _ = ppid("status", "--json")
    data = json.loads(out)
    this_quarter = quarter_of(agency_today()).title
    assert any(d["role"] == "subkoordinator" and this_quarter in d["what"] and d["overdue"]
               for d in data["sop_duties"])
    assert any(p.startswith("records/rencana/2027-T1.yaml: tidak dapat dibaca") for p in data["sop_problems"])


@pytest.mark.parametrize("linked", ["records/notulen", "records"])
def test_records_are_never_written_through_a_linked_folder(ppid, people, site: Path, tmp_path: Path, linked) -> None:
    elsewhere = tmp_path / "di-luar"
    elsewhere.mkdir()
    target = site / linked
    if target.exists():
        target.rmdir()
    target.symlink_to(elsewhere, target_is_directory=True)
    refused(ppid("notulen", "baru", "--tanggal", "2026-11-05"), "tautan simbolik")
    assert list(elsewhere.rglob("*")) == []


def test_the_default_print_folder_is_never_a_committed_link(ppid, people, site: Path, tmp_path: Path) -> None:
    public = tmp_path / "www"
    public.mkdir()
    (site / "cetak").symlink_to(public, target_is_directory=True)
    refused(ppid("laporan", "--periode", "2026-11", "--tanpa-pdf"), "cetak", "tautan simbolik")
    assert list(public.iterdir()) == []


def test_an_entry_with_an_impossible_time_is_refused_not_crashed(ppid, people, site: Path) -> None:
    first = request_number(1)
    assert ppid("permintaan", "baru", "--kategori", "teknis", "--judul", "Cache", "--uraian", "Cache lama",
                *people.key("siti"))[0] == 0
    forge(site, f"records/permintaan/{first}.yml", "permintaan", people.keys["dodi"], tindakan="terima", oleh="dodi",
          peran="webdev", waktu="2026-13-45T99:99:99Z")
    code, out, err = ppid("permintaan", "daftar")
    assert code == 0 and "kesalahan internal" not in err
    assert f"PERINGATAN: records/permintaan/{first}.yml:" in out and "waktu" in out
    code, out, err = ppid("status")
    assert "kesalahan internal" not in err and f"PERINGATAN: records/permintaan/{first}.yml:" in out


def test_an_impossible_meeting_day_is_one_uncounted_record_not_a_broken_report(ppid, people, site: Path) -> None:
    folder = site / "records" / "notulen"
    folder.mkdir(parents=True)
    (folder / "2026-02-30.yml").write_text("jenis: notulen\ntanggal: '2026-02-30'\npeserta: [budi]\ntopik: [Evaluasi]\n"
                                          "keputusan: []\ntindak_lanjut: []\ntanda_tangan: []\n", encoding="utf-8")
    code, out, err = ppid("laporan", "--periode", "2026-11", "--tanpa-pdf")
    assert code == 1 and "PERINGATAN: records/notulen/2026-02-30.yml:2:" in out, err
    code, out, err = ppid("status")
    assert "PERINGATAN: records/notulen/2026-02-30.yml:2:" in out, err


def test_a_number_too_large_to_sign_names_the_file_and_breaks_nothing_else(ppid, people, site: Path) -> None:
    ppid("rencana", "baru", "2027-T1")
    plan = site / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("nomor: 1", "nomor: 99999999999999999999"), encoding="utf-8")
    refused(ppid("rencana", "tandatangani", "2027-T1", *people.key("budi")), f"{PLAN.as_posix()}:8:")
    code, out, err = ppid("status")
    assert code == 0 and f"PERINGATAN: {PLAN.as_posix()}:8:" in out, err


def test_a_record_named_with_bytes_that_are_not_text_is_named_escaped_in_every_output(ppid, people, site: Path,
                                                                                      tmp_path: Path) -> None:
    """A file name that is not UTF-8 (copied from another system) is named, escaped, among the records not counted;
    the report's HTML is still written (it crashed writing the raw name)."""
    folder = site / "records" / "notulen"
    folder.mkdir(parents=True, exist_ok=True)
    with open(os.fsencode(folder) + b"/rapat\xff.yml", "wb") as handle:
        handle.write(b"jenis: notulen\n")
    code, out, err = ppid("laporan", "--periode", "2026-11", "--tanpa-pdf", "--out", str(tmp_path))
    assert "kesalahan internal" not in err, err
    assert "records/notulen/rapat\\udcff.yml" in out
    html = (tmp_path / "laporan-evaluasi-2026-11.html").read_text(encoding="utf-8")
    assert "rapat\\udcff.yml" in html


def test_a_review_record_named_with_bytes_that_are_not_text_does_not_stop_the_report(ppid, people, site: Path,
                                                                                      tmp_path: Path) -> None:
    folder = site / "reviews" / "2026"
    folder.mkdir(parents=True, exist_ok=True)
    with open(os.fsencode(folder) + b"/rekaman\xff.yml", "wb") as handle:
        handle.write(b"type: review\n")
    code, out, err = ppid("status")
    assert code == 0 and "reviews/2026/rekaman\\udcff.yml" in out and "diabaikan" in out
    code, out, err = ppid("laporan", "--periode", "2026-11", "--tanpa-pdf", "--out", str(tmp_path))
    assert "kesalahan internal" not in err, err
    assert (tmp_path / "laporan-evaluasi-2026-11.html").exists()

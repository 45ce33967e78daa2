"""Links to other hosts hidden from readers but not from crawlers (injected online-gambling links), however the
site's stylesheets hide them, are refused by `ppid check` and by the build's gate; the accessibility patterns
that hide text for screen readers are not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import write

HEAD = "---\ntitle: Halaman Uji\njenis: halaman\n---\n\n"
SHEET = Path("overrides") / "assets" / "stylesheets" / "ppid.css"

# class -> (CSS rules using it, markup around the link): each hides the link in its own way.
TECHNIQUES = {
    "putih": (".putih a { color: #fff }", '<p class="putih">{a}</p>'),
    "oklch": (".oklch a { color: oklch(99% 0 0) }", '<p class="oklch">{a}</p>'),
    "oklab": (".oklab a { color: oklab(0.995 0 0) }", '<p class="oklab">{a}</p>'),
    "lab": (".lab a { color: lab(99 0 0) }", '<p class="lab">{a}</p>'),
    "lch": (".lch a { color: lch(99 0 0) }", '<p class="lch">{a}</p>'),
    "hwb": (".hwb a { color: hwb(0 100% 0%) }", '<p class="hwb">{a}</p>'),
    "hsl": (".hsl a { color: hsl(0deg 0% 100% / 1) }", '<p class="hsl">{a}</p>'),
    "campur": (".campur a { color: color-mix(in oklch, white 97%, black) }", '<p class="campur">{a}</p>'),
    "nama": (".nama a { color: WhiteSmoke }", '<p class="nama">{a}</p>'),
    "transparan": (".transparan a { color: transparent }", '<p class="transparan">{a}</p>'),
    "alfa": (".alfa a { color: #0000 }", '<p class="alfa">{a}</p>'),
    "alfa2": (".alfa2 a { color: rgb(0 0 0 / 0) }", '<p class="alfa2">{a}</p>'),
    "arus": (".arus { color: #fff } .arus a { color: currentColor }", '<p class="arus">{a}</p>'),
    "isi": (".isi a { -webkit-text-fill-color: transparent }", '<p class="isi">{a}</p>'),
    "gelap": (".gelap { background: #1a237e } .gelap a { color: #1a2380 }", '<div class="gelap">{a}</div>'),
    "var": (":root { --latar-x: #fefefe } .var a { color: var(--latar-x) }", '<p class="var">{a}</p>'),
    "tema": (".tema a { color: var(--md-default-bg-color) }", '<p class="tema">{a}</p>'),
    "pudar": (".pudar { opacity: 0 }", '<div class="pudar">{a}</div>'),
    "pudar2": (".pudar2 { opacity: .3 } .pudar2 span { opacity: .3 }", '<div class="pudar2"><span>{a}</span></div>'),
    "kecil": (".kecil { font-size: 0 }", '<div class="kecil">{a}</div>'),
    "huruf": (".huruf a { font: 0/0 a }", '<p class="huruf">{a}</p>'),
    "potong": (".potong { clip-path: inset(50%) }", '<div class="potong">{a}</div>'),
    "inden": (".inden { text-indent: -9999px }", '<div class="inden">{a}</div>'),
    "inden2": (".inden2 { text-indent: 100%; white-space: nowrap; overflow: hidden }", '<div class="inden2">{a}</div>'),
    "kiri": (".kiri { position: absolute; left: -10000px }", '<div class="kiri">{a}</div>'),
    "geser": (".geser { transform: translateX(-9999px) }", '<div class="geser">{a}</div>'),
    "skala": (".skala { transform: scale(0) }", '<div class="skala">{a}</div>'),
    "putar": (".putar { transform: rotateY(90deg) }", '<div class="putar">{a}</div>'),
    "tinggi": (".tinggi { height: 0; overflow: hidden }", '<div class="tinggi">{a}</div>'),
    "sembunyi": (".sembunyi { visibility: hidden }", '<div class="sembunyi">{a}</div>'),
    "id": ("#sisip-id a { display: none }", '<div id="sisip-id">{a}</div>'),
    "unsur": ("article p.unsur > a[href^='https'] { display: none }", '<p class="unsur">{a}</p>'),
    "sarang": (".sarang { & a { display: none } }", '<div class="sarang">{a}</div>'),
    "media": ("@media (min-width: 1px) { .media a { display: none } }", '<p class="media">{a}</p>'),
    "ponsel": ("@media screen and (max-width: 40em) { .ponsel a { display: none } }", '<p class="ponsel">{a}</p>'),
    "balik": (".balik a { display: none } @media (max-width: 1px) { .balik a { display: inline } }",
              '<p class="balik">{a}</p>'),
    "penting": (".penting a { display: none !important }", '<p class="penting">{a}</p>'),
    "escape": (".escape a { dis\\70 lay: n\\6f ne }", '<p class="escape">{a}</p>'),
    "komentar": (".komentar a { display: /* x */ none }", '<p class="komentar">{a}</p>'),
    "tema-kelas": ("", '<span class="md-toggle">{a}</span>'),
    # What a cascade that ignored layers, conditions or filters would let through.
    "lapisan": (".lapisan a { display: none } @layer buka { .lapisan a { display: inline } }", '<p class="lapisan">{a}</p>'),
    "lapisan-penting": ("@layer x { .lp a { display: none !important } } .lp a { display: inline !important }",
                        '<p class="lp">{a}</p>'),
    "dukung": (".dukung a { display: none } @supports (display: tidak-ada) { .dukung a { display: inline } }",
               '<p class="dukung">{a}</p>'),
    "wadah": ("@container (min-width: 0) { .wadah a { display: none } }", '<p class="wadah">{a}</p>'),
    "saring": (".saring { filter: opacity(5%) }", '<div class="saring">{a}</div>'),
    "terang": (".terang a { filter: brightness(20) }", '<p class="terang">{a}</p>'),
    "kabur": (".kabur { filter: blur(6px) }", '<div class="kabur">{a}</div>'),
    "campur-latar": (".campur-latar a { mix-blend-mode: difference; color: #000 }", '<p class="campur-latar">{a}</p>'),
    "punya": ("p:has(> a[href*='judi-punya']) { display: none }", "<p>{a}</p>"),
}
LEGITIMATE = [
    # The screen-reader-only pattern, text only; a skip link within the page; white text on a dark band.
    ('.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); '
     'white-space: nowrap }', '<span class="sr-only">Keterangan untuk pembaca layar</span>'),
    ("", '<a class="md-skip" href="#isi">Lewati ke isi</a> <span class="md-visually-hidden">Cari</span>\n\n'
         '<p id="isi">Isi halaman.</p>'),
    (".pita { background: #1a237e; color: #fff } .pita a { color: #fff }",
     '<div class="pita">Pengumuman: <a href="https://jdih.kotacontoh.go.id/perda-1">Perda 1/2026</a></div>'),
    (".cetak-saja { display: none } @media print { .cetak-saja { display: block } }",
     '<p>Lihat <a href="https://peraturan.example/uu-14-2008">UU 14/2008</a>.</p>'),
    ("@media print { .layar a { display: none } }", '<p class="layar"><a href="https://contoh.go.id">Situs</a></p>'),
    ("", '<p id="atas"><a href="https://peraturan.example/uu-14-2008">UU 14/2008</a> dan <a href="#atas">ke atas</a></p>'),
]


def _append(site: Path, rules: str) -> None:
    sheet = site / SHEET
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\n" + rules + "\n", encoding="utf-8")


def test_every_way_a_stylesheet_hides_a_link_is_named_with_its_rule(site: Path, ppid) -> None:
    _append(site, "\n".join(rules for rules, _ in TECHNIQUES.values()))
    body = "\n\n".join(markup.format(a=f'<a href="https://judi-{name}.example/daftar">Slot {name}</a>')
                       for name, (_, markup) in TECHNIQUES.items())
    write(site / "drafts" / "uji.md", HEAD + "Paragraf pembuka.\n\n" + body + "\n")
    code, out, _ = ppid("check")
    assert code == 1, out
    missed = [name for name in TECHNIQUES if not re.search(
        rf"drafts/uji.md:\d+: \[blokir\] konten_tersembunyi: tautan 'Slot {re.escape(name)}' tidak terlihat oleh "
        rf"pembaca: .*Hapus tautan itu", out)]
    assert missed == [], out
    assert "(aturan '#sisip-id a' di overrides/assets/stylesheets/ppid.css)" in out
    assert "(aturan '.md-toggle' di tema Material (main." in out
    assert "di layar ponsel" in out  # hidden on phones only: said so


@pytest.mark.parametrize("rules,markup", LEGITIMATE, ids=["sr-only", "skip-link", "white-on-dark", "print-only",
                                                          "hidden-on-paper", "plain-links"])
def test_accessibility_patterns_and_ordinary_links_pass(site: Path, ppid, rules: str, markup: str) -> None:
    _append(site, rules)
    write(site / "drafts" / "uji.md", HEAD + markup + "\n")
    code, out, _ = ppid("check")
    assert code == 0, out


def test_a_stylesheet_in_content_listed_in_extra_css_is_judged(site: Path, ppid) -> None:
    write(site / "content" / "gaya" / "tambahan.css", ".mitra a { color: #fdfdfd }\n")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "extra_css:\n", "extra_css:\n  - gaya/tambahan.css\n"), encoding="utf-8")
    write(site / "drafts" / "uji.md", HEAD + '<p class="mitra"><a href="https://mitra.example">Mitra</a></p>\n')
    code, out, _ = ppid("check")
    assert code == 1 and "aturan '.mitra a' di content/gaya/tambahan.css" in out, out


def test_a_stylesheet_no_config_names_is_judged_too(site: Path, ppid) -> None:
    """A template may link any stylesheet of the theme folder: every one is read."""
    write(site / "overrides" / "assets" / "lain.css", "@media screen { .md-typeset .iklan { position: fixed; "
          "top: -500px } }\n")
    # A sheet no page loads may add hiding, never take it away: it cannot cover for the site's own sheet.
    write(site / "content" / "buka.css", ".sisip2 a { display: inline !important; color: #000 !important }\n")
    _append(site, ".sisip2 a { display: none }")
    write(site / "drafts" / "uji.md", HEAD + '<p class="iklan"><a href="https://iklan.example">Iklan</a></p>\n\n'
          '<p class="sisip2"><a href="https://sisip.example">Sisip</a></p>\n')
    code, out, _ = ppid("check")
    assert code == 1 and "aturan '.md-typeset .iklan' di overrides/assets/lain.css" in out, out
    assert "tautan 'Sisip' tidak terlihat oleh pembaca: display:none (aturan '.sisip2 a' di overrides/" in out, out


def test_a_template_hiding_a_link_stops_the_build(site: Path, ppid) -> None:
    """A template writes a link where no page check looks: the gate judges the built page with the stylesheets
    it loads."""
    write(site / "overrides" / "assets" / "stylesheets" / "mitra.css", ".mitra-bawah { position: absolute; "
          "left: -9999px }\n")
    write(site / "overrides" / "main.html", '{% extends "base.html" %}\n{% block styles %}{{ super() }}'
          '<link rel="stylesheet" href="{{ \'assets/stylesheets/mitra.css\' | url }}">{% endblock %}\n'
          '{% block footer %}{{ super() }}<div class="mitra-bawah"><a href="https://slot-gacor.example/">Mitra</a>'
          '</div>{% endblock %}\n')
    code, out, err = ppid("build", "--out", str(site / "site"), "--tanpa-persetujuan")
    assert code == 1 and "Build dihentikan" in out + err, out + err
    assert re.search(r"build/index.html:\d+: \[blokir\] konten_tersembunyi: tautan 'Mitra' ke host lain tidak terlihat "
                     r"oleh pembaca: didorong ke luar layar \(left\) \(aturan '.mitra-bawah' di "
                     r"assets/stylesheets/mitra.css\)", out + err), out + err


def test_a_style_block_in_a_template_or_a_page_is_refused(site: Path, ppid) -> None:
    write(site / "drafts" / "uji.md", HEAD + "<style>.x a { display: none }</style>\n")
    code, out, _ = ppid("check")
    assert code == 1 and "tag <style> tidak diizinkan" in out, out
    write(site / "overrides" / "main.html", '{% extends "base.html" %}\n{% block styles %}{{ super() }}'
          "<style>.md-footer a { display: none }</style>{% endblock %}\n")
    code, out, err = ppid("build", "--out", str(site / "site"), "--tanpa-persetujuan")
    assert code == 1 and "tag <style> ada di situs hasil build" in out + err, out + err


def test_the_theme_frame_and_a_page_with_outside_links_pass_the_build_gate(site: Path, ppid) -> None:
    write(site / "content" / "tautan.md", HEAD + "Lihat [UU 14/2008](https://peraturan.example/uu-14-2008) dan "
          "[JDIH](https://jdih.kotacontoh.go.id).\n")
    code, out, err = ppid("build", "--out", str(site / "site"), "--tanpa-persetujuan")
    assert code == 0, out + err


CHROMIUM_PAGE = """<!doctype html><html lang="id"><head><title>Uji</title><link rel="stylesheet" href="gaya.css"></head>
<body><p>Biasa: <a href="https://peraturan.example/uu">UU 14/2008</a>.</p>
<div class="pita"><a href="https://jdih.example/perda">Perda</a></div>
<p class="tutup"><a href="https://judi-tutup.example/">tutup</a></p>
<p class="putih"><a href="https://judi-putih.example/">putih</a></p>
<p class="relatif"><a href="https://judi-relatif.example/">relatif</a></p>
<p class="pudar"><span><a href="https://judi-pudar.example/">pudar</a></span></p>
<p class="kiri"><a href="https://judi-kiri.example/">kiri</a></p>
<p class="tinggi"><a href="https://judi-tinggi.example/">tinggi</a></p>
<p class="kecil"><a href="https://judi-kecil.example/">kecil</a></p>
<details><summary>Dasar hukum</summary><details><summary>Lampiran</summary>
<a href="https://jdih.example/lampiran">Lampiran</a></details></details>
<details><a href="https://judi-lipat.example/">lipat</a></details>
<div style="overflow-x:auto;width:300px"><table><tr><td style="min-width:2000px">Kolom lebar</td>
<td><a href="https://data.example/dataset">Dataset</a></td></tr></table></div>
<p><a href="/lokal/">lokal</a> <a href="#atas">atas</a></p></body></html>"""
CHROMIUM_SHEET = """.pita { background: #1a237e } .pita a { color: #fff }
.tutup { position: relative } .tutup::after { content: ""; position: absolute; inset: 0; background: #fff }
.putih a { color: oklch(99.5% 0 0) }
.relatif a { color: rgb(from white r g b) }
.pudar { opacity: .3 } .pudar span { opacity: .3 }
.kiri { position: absolute; left: -9999px }
.tinggi { height: 0; overflow: hidden }
.kecil { font-size: 1px }"""


def test_chromium_lays_out_each_page_and_names_every_link_no_reader_sees(tmp_path: Path) -> None:
    """What no stylesheet reading can tell (a pseudo-element laid over a link, a colour syntax the parser does not
    know) Chromium can: the publish check opens the pages with links to other hosts and judges the layout."""
    from helpers.server import serve
    from pipeline.publish.browser_check import load_pages

    write(tmp_path / "a.html", CHROMIUM_PAGE)
    write(tmp_path / "gaya.css", CHROMIUM_SHEET)
    with serve(tmp_path) as url:
        report = load_pages([url + "a.html"], url, frozenset({url + "a.html"}))
    named = {re.search(r"https://judi-(\w+)\.example", m).group(1) for m in report.hidden_links}
    # A folded section with a visible summary (nested too) is opened as a reader would; a wide table scrolls.
    assert named == {"tutup", "putih", "relatif", "pudar", "kiri", "tinggi", "kecil", "lipat"}, report.hidden_links
    assert all(p.startswith("tautan tersembunyi: ") and "hapus tautan itu" in p for p in report.problems()[:8])


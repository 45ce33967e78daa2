"""What `ppid build` and `ppid preview` hand out holds no live script: front-matter values reach the menu
and <title> as text, a crafted draft is withheld from the preview, and the built output is inspected
before it replaces the old site or is zipped."""

from __future__ import annotations

import zipfile
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from conftest import MINIMAL_PAGES, write

HOSTILE_TITLE = '<img src=x onerror="alert(1)"> Layanan'
HEAD = "---\ntitle: Halaman Uji\njenis: halaman\n---\n\n"


def live_handlers(root: Path) -> list[str]:
    found = []
    for path in root.rglob("*.html"):
        for node in LexborHTMLParser(path.read_text(encoding="utf-8")).root.traverse(include_text=False):
            found += [f"{path.name}: <{node.tag} {name}>" for name in node.attributes if name.startswith("on")]
    return found


def test_titles_reach_menu_and_title_as_text(site: Path, ppid) -> None:
    index = site / "content" / "layanan" / "index.md"
    index.write_text(MINIMAL_PAGES["layanan/index.md"].replace("title: Layanan Informasi",
                                                               f"title: '{HOSTILE_TITLE}'"), encoding="utf-8")
    code, out, err = ppid("build", "--out", str(site / "site"), "--tanpa-persetujuan")
    assert code == 0, out + err
    assert live_handlers(site / "site") == []
    page = LexborHTMLParser((site / "site" / "layanan" / "index.html").read_text(encoding="utf-8"))
    assert page.css_first("title").text().startswith(HOSTILE_TITLE)
    assert HOSTILE_TITLE in [a.text(strip=True) for a in page.css("nav a")]


def test_the_build_is_not_swapped_in_when_its_output_holds_live_script(site: Path, ppid) -> None:
    assert ppid("build", "--out", str(site / "site"), "--tanpa-persetujuan")[0] == 0
    before = (site / "site" / "index.html").read_bytes()
    write(site / "overrides" / "main.html",
          '{% extends "base.html" %}\n{% block announce %}<img src=x onerror="alert(1)">{% endblock %}\n')
    code, out, err = ppid("build", "--out", str(site / "site"), "--tanpa-persetujuan")
    assert code == 1 and "html_event" in out + err and "Build dihentikan" in out + err, out + err
    assert (site / "site" / "index.html").read_bytes() == before


def test_a_crafted_or_broken_draft_never_runs_and_never_stops_the_preview(site: Path, ppid) -> None:
    write(site / "drafts" / "layanan" / "serangan.md", HEAD + "```js {1}\n\n<img src=x onerror=alert(1)>\n```\n")
    write(site / "drafts" / "layanan" / "rusak.md", HEAD + '<![><img src="]><img src=x onerror=alert(1)//">\n')
    write(site / "drafts" / "layanan" / "alamat.md", HEAD + "[x](http://[asing.example/x) <a href='http://[y'>y</a>\n")
    write(site / "drafts" / "layanan" / "alih.md", "---\ntitle: Halaman Alih\njenis: halaman\ntemplate: redirect.html\n"
          "location: https://asing.example/\nhide: [navigation]\n---\n\nIsi halaman alih.\n")
    write(site / "drafts" / "layanan" / "biasa.md", HEAD + "Isi biasa dengan **tebal** dan [tautan](index.md).\n")
    code, out, err = ppid("preview")
    assert code == 0, out + err
    built = site / ".ppid" / "preview" / "site"
    assert live_handlers(built) == []
    for name in ("serangan", "rusak", "alamat"):
        text = (built / "layanan" / f"{name}.html").read_text(encoding="utf-8")
        assert "Isi halaman ini ditahan" in text
    assert "tebal" in (built / "layanan" / "biasa.html").read_text(encoding="utf-8")
    steered = (built / "layanan" / "alih.html").read_text(encoding="utf-8")  # front matter cannot steer the theme
    assert "Isi halaman alih" in steered and "asing.example" not in steered and 'class="md-nav' in steered
    (archive,) = (site / "preview").glob("pratinjau-*.zip")
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        assert not any(b"onerror" in opened.read(n) for n in names if n.endswith("serangan.html"))


def test_what_the_change_summary_quotes_stays_text(site: Path) -> None:
    from pipeline.preview.summary import _esc
    from pipeline.render.engine import Engine, markdown_config

    quoted = "tautan ke berkas yang tidak ada: '[a](javascript:alert(1))' <img src=x onerror=alert(1)> {: onclick=x }"
    html = Engine(markdown_config(site)).render(f"- {_esc(quoted)}\n")
    tree = LexborHTMLParser(html)
    assert tree.css("a") == [] and tree.css("img") == [] and tree.body.text(strip=True) == quoted


# Markup a browser runs or fetches however the gate's parser reads it (hostile pass 2).
SERVED_ATTACKS = {
    "noscript_mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "script_from_a_text_file": '<script src="files/a.txt"></script>',
    "ping_list": '<a href="a.html" ping="/lokal https://asing.example/p">x</a>',
    "css_image_set": "<span style=\"background-image:image-set('//asing.example/x.png' 1x)\">x</span>",
    "unparsable_url": '<a href="http://[asing.example/x">x</a>',
    "unparsable_script_src": "<script src=\"http://[asing.example/x.js\"></script>",
    "declarative_shadow_root": '<div><template shadowrootmode="open"><img src=x onerror=alert(1)></template></div>',
    "svg_animate_href": '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
}


def test_the_gate_refuses_what_a_browser_would_run_or_fetch(tmp_path: Path) -> None:
    from pipeline.checks.served import inspect_site
    from pipeline.checks.unsafe import load_policy
    from conftest import make_site

    root = make_site(tmp_path / "situs")
    out = tmp_path / "hasil"
    for name, markup in SERVED_ATTACKS.items():
        write(out / f"{name}.html", f"<!doctype html><html><head><title>x</title></head><body><article>{markup}"
                                     "</article></body></html>")
    write(out / "files" / "a.txt", "alert(1)")
    write(out / "files" / "gambar.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    write(out / "files" / "data.xml", '<?xml-stylesheet type="text/xsl" href="x.xsl"?><a/>')
    write(out / "files" / "x.xsl", '<xsl:stylesheet version="1.0"/>')
    write(out / "sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset><url><loc>a.html</loc></url></urlset>')
    write(out / "search" / "search_index.json", '{"docs":[{"location":"a.html","title":"A","text":"<p>x < y</p><ul><li>'
          '<code>&lt;b&gt;</code></li></ul>"},{"location":"b.html","title":"<img src=x onerror=alert(1)>","text":""}]}')
    found = {f.path.split("/", 1)[1] for f in inspect_site(out, load_policy(root), None, "build")}
    assert found == {f"{name}.html" for name in SERVED_ATTACKS} | {"files/gambar.svg", "files/data.xml", "files/x.xsl",
                                                                   "search/search_index.json"}


def test_an_upload_that_would_run_is_named_by_check_and_left_out_of_the_preview(site: Path, ppid) -> None:
    write(site / "drafts" / "files" / "peta.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    write(site / "drafts" / "files" / "brosur.html", "<script>alert(1)</script>")
    write(site / "drafts" / "layanan" / "peta.md", HEAD + "[Peta](../files/peta.svg) dan [brosur](../files/brosur.html).\n")
    code, out, _ = ppid("check")
    assert code == 1
    assert "drafts/files/peta.svg: jenis berkas '.svg' tidak diizinkan" in out, out
    assert "drafts/files/brosur.html: jenis berkas '.html' tidak diizinkan" in out, out
    code, out, err = ppid("preview")
    assert code == 0, out + err
    built = site / ".ppid" / "preview" / "site"
    assert not (built / "files" / "peta.svg").exists() and not (built / "files" / "brosur.html").exists()
    summary = (built / "ringkasan-perubahan.html").read_text(encoding="utf-8")
    assert "jenis berkas" in summary and "peta.svg" in summary


def test_a_page_the_engine_cannot_render_stops_the_build_naming_it(site: Path, ppid) -> None:
    write(site / "content" / "layanan" / "rusak.md", HEAD + "Teks.\n\n[x](http://[asing.example/x)\n")
    code, out, err = ppid("build", "--out", str(site / "site"), "--tanpa-persetujuan")
    assert code == 1 and "kesalahan internal" not in err, out + err
    assert "content/layanan/rusak.md:8: [blokir] render_gagal" in out + err and "Build dihentikan" in out + err, out + err
    assert not (site / "site").exists()

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
    write(site / "drafts" / "layanan" / "biasa.md", HEAD + "Isi biasa dengan **tebal** dan [tautan](index.md).\n")
    code, out, err = ppid("preview")
    assert code == 0, out + err
    built = site / ".ppid" / "preview" / "site"
    assert live_handlers(built) == []
    for name in ("serangan", "rusak", "alamat"):
        text = (built / "layanan" / f"{name}.html").read_text(encoding="utf-8")
        assert "Isi halaman ini ditahan" in text
    assert "tebal" in (built / "layanan" / "biasa.html").read_text(encoding="utf-8")
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

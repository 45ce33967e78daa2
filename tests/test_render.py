"""The checks judge the HTML the build serves: whatever Markdown construct carries markup, the check's
verdict is what the built page holds, and nothing crafted to slip past runs in a reader's browser."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import write
from pipeline.build.mkdocs_backend import run_build, write_config
from pipeline.checks import unsafe
from pipeline.site import Site
from pipeline.view import build_view

HEAD = "---\ntitle: Halaman Uji\njenis: halaman\n---\n\n"
XSS = "<img src=x onerror=alert(1)>"

# name -> (body, whether the built page carries live script); the renderer decides, never a guess.
CONSTRUCTS = {
    "fence_with_attributes": (f"```js {{1}}\n\n{XSS}\n```", True),
    "fence_with_a_path": (f"```js src/App.js\n\n{XSS}\n```", True),
    "fence": (f"```js\n{XSS}\n```", False),
    "tilde_fence": (f"~~~html\n{XSS}\n~~~", False),
    "fence_indented_three": ("Teks.\n\n   ```\n<script>alert(1)</script>\n   ```", True),
    "indented_code": (f"Teks.\n\n    {XSS}\n", False),
    "inline_code": (f"Tag `{XSS}` dilarang.", False),
    "nested_list": (f"- satu\n    - dua\n\n            {XSS}\n", False),
    "nested_list_html": (f"- satu\n    - dua {XSS}\n", True),
    "raw_html_block": (f"<div>\n{XSS}\n</div>", True),
    "html_in_table": (f"| a | b |\n|---|---|\n| {XSS} | c |", True),
    "attr_list_link": ("[k](https://contoh.go.id){onfocus=alert(1) autofocus}", True),
    "attr_list_paragraph": ("Paragraf.\n{: onfocus=alert(1) }", True),
    "reference_link": ("[klik][r]\n\n[r]: javascript:alert(1)", True),
    "reference_link_safe": ("[klik][r]\n\n[r]: https://contoh.go.id/a", False),
    "autolink": ("<https://contoh.go.id/a>", False),
    "entity_url": ('<a href="&#106;avascript:alert(1)">x</a>', True),
    "entity_text": ("&lt;img src=x onerror=alert(1)&gt;", False),
    "setext_heading": ("Judul Setext\n============\n\n[ke judul](#judul-setext)", False),
    "heading_custom_id": ("## Bab Satu {#khusus}\n\n[ke bab](#khusus)", False),
    "heading_trailing_attrs": ("## Bab Dua {.kelas}\n\n[ke bab](#bab-dua)", False),
    "footnote_like": ("Teks[^1].\n\n[^1]: https://contoh.go.id/terima-kasih", False),
    "svg_slash": ("<svg/onload=alert(1)>", True),
    "alt_with_bracket": ('<img src=x alt=">" onerror=alert(1)>', True),
    "comment": (f"<!-- {XSS} -->", False),
    "clickable_image": ("[![a](x.png)](y.png)", False),
    "image_with_space": ("![a](<foto lama.png>)", False),
    # Hostile pass 2: every other way the engine lets markup through, or does not.
    "admonition_title": (f'!!! note "{XSS}"\n    isi', True),
    "admonition_title_link": ('!!! note "[k](javascript:alert(1))"\n    isi', True),
    "attr_list_heading": ("## Judul {: onclick=alert(1) }", True),
    "attr_list_image": ("![a](a.png){: onerror=alert(1) }", True),
    "attr_list_list_item": ("- butir\n{: onclick=alert(1) }", True),
    "attr_list_table": ("| a |\n|---|\n| b |\n{: onclick=alert(1) }", True),
    "attr_list_href": ("[k](a.md){: href=\"javascript:alert(1)\" }", True),
    "attr_list_quoted_title": ("[k](https://contoh.go.id){: title='x\" onmouseover=\"alert(1)' }", False),
    "reference_title_quote": ('[k][r]\n\n[r]: https://contoh.go.id "a\\" onmouseover=\\"alert(1)"', False),
    "image_title_quote": ('![a](a.png "x\\" onerror=\\"alert(1)")', False),
    "blockquote_html": (f"> {XSS}", True),
    "nested_quote_list_code": (f"> - a\n>     - b\n>\n>         {XSS}\n", True),
    "fence_in_list": (f"- a\n\n    ```\n    {XSS}\n    ```", False),
    "fence_unclosed": (f"```\n{XSS}", True),
    "fence_four_spaces": (f"    ```\n{XSS}\n    ```", True),
    "fence_tab_indent": (f"\t```\n{XSS}\n\t```", True),
    "fence_backtick_in_info": (f"``` a`b\n{XSS}\n```", False),
    "tilde_fence_backtick_info": (f"~~~ `x`\n{XSS}\n~~~", True),
    "entity_tab_in_scheme": ("[k](jav&#x09;ascript:alert(1))", True),
    "space_before_scheme": ("[k]( javascript:alert(1))", True),
    "angle_bracket_url": ("[k](<javascript:alert(1)>)", True),
    "numeric_entity_text": ("&#60;img src=x onerror=alert(1)&#62;", False),
    "footnote_without_extension": ("T[^1]\n\n[^1]: [k](javascript:alert(1))", False),
    "md_in_html_without_extension": ('<div markdown="1">\n[k](javascript:alert(1))\n</div>', False),
    "html_block_kinds": (f"<pre>\n{XSS}\n</pre>\n\n<?x ?>\n\n<!X >\n\n<![CDATA[ x ]]>\n\n<custom-el onclick=alert(1)>", True),
    "crlf_html_block": (f"Teks\r\n\r\n<div>\r\n{XSS}\r\n</div>", True),
    "byte_order_mark_inside": (f"Teks\ufeff{XSS}", True),
}


def _live_in(html: str) -> bool:
    article = LexborHTMLParser(html).css_first("article")
    for node in article.traverse(include_text=False):
        if node.tag == "script":
            return True
        for name, value in node.attributes.items():
            if name.startswith("on") or (value or "").replace("\t", "").strip().lower().startswith("javascript:"):
                return True
    return False


def _built(html: str) -> tuple[set[str], list[str]]:
    """Ids and link targets (file name and fragment: MkDocs rewrites the folders) in the built article."""
    article = LexborHTMLParser(html).css_first("article")
    ids = {n.attributes["id"] for n in article.traverse(include_text=False) if n.attributes.get("id")}
    targets = []
    for node in article.traverse(include_text=False):
        for name in ("href", "src"):
            value = node.attributes.get(name)
            if value is not None:
                targets.append(_shape(value))
    return ids, sorted(targets)


def _shape(target: str) -> str:
    parts = urlsplit(target.replace(" ", "%20"))
    base = posixpath.basename(parts.path).replace(".md", ".html")
    return f"{parts.scheme}|{base}|{parts.fragment}"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Site, Path]:
    """Every construct as a page, built by MkDocs itself as written (no gate in between)."""
    from conftest import make_site

    root = make_site(tmp_path_factory.mktemp("konstruksi") / "situs", pages={})
    for name, (body, _) in CONSTRUCTS.items():
        write(root / "content" / f"{name}.md", HEAD + body + "\n")
    site = Site(root)
    docs, out = root / "docs-mentah", root / "hasil"
    import shutil
    shutil.copytree(root / "content", docs)
    run_build(write_config(site, docs, out, [], {"use_directory_urls": False}))
    return site, out


@pytest.mark.parametrize("name", list(CONSTRUCTS))
def test_the_check_judges_what_the_build_serves(built, name: str) -> None:
    site, out = built
    page = build_view(site, ["content"]).pages[f"{name}.md"]
    findings = unsafe.check(page, unsafe.load_policy(site.root))
    judged_live = any(f.detector in ("html_event", "url_berbahaya") or f.excerpt == "<script>" for f in findings)
    html = (out / f"{name}.html").read_text(encoding="utf-8")
    assert _live_in(html) == CONSTRUCTS[name][1], "the renderer disagrees with this test's expectation"
    assert judged_live == _live_in(html), [str(f) for f in findings]
    ids, targets = _built(html)
    assert ids <= page.anchors
    assert sorted(_shape(link.target) for link in page.links) == targets


def test_anchor_links_of_setext_headings_and_custom_ids_pass(site: Path, ppid) -> None:
    for name in ("setext_heading", "heading_custom_id", "heading_trailing_attrs"):
        write(site / "drafts" / f"{name}.md", HEAD + CONSTRUCTS[name][0] + "\n")
    code, out, _ = ppid("check")
    assert code == 0, out


def test_clickable_image_and_image_with_spaces_are_both_checked(site: Path, ppid) -> None:
    write(site / "drafts" / "galeri.md", HEAD + "[![a](ada.png)](tidak-ada.png)\n\n![b](<foto tidak ada.png>)\n")
    write(site / "drafts" / "ada.png", "x")
    code, out, _ = ppid("check")
    assert code == 1
    assert "drafts/galeri.md:6: tautan ke berkas yang tidak ada: 'tidak-ada.png'" in out, out
    assert "drafts/galeri.md:8: tautan ke berkas yang tidak ada: 'foto tidak ada.png'" in out, out
    assert "ada.png'" not in out.replace("tidak-ada.png'", "").replace("tidak ada.png'", "")


def test_a_footnote_is_a_link_only_when_the_site_renders_it_as_one(site: Path, ppid) -> None:
    write(site / "drafts" / "catatan.md", HEAD + "Teks[^1].\n\n[^1]: Terimakasih\n")
    code, out, _ = ppid("check")
    assert code == 1 and "tautan ke berkas yang tidak ada: 'Terimakasih'" in out, out  # no footnotes extension
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - fenced_code\n", "  - fenced_code\n  - footnotes\n"),
                      encoding="utf-8")
    code, out, _ = ppid("check")
    assert code == 0, out


def test_a_page_the_engine_cannot_render_is_a_finding_on_that_page(site: Path, ppid) -> None:
    write(site / "drafts" / "rusak.md", HEAD + '```js {1}\n\n<![><img src="]><img src=x onerror=alert(1)//">\n```\n')
    code, out, err = ppid("check")
    assert code == 1 and "drafts/rusak.md:8: [blokir] render_gagal" in out, out + err
    assert "kesalahan internal" not in err


def test_a_url_mkdocs_cannot_parse_is_a_finding_where_the_build_would_stop(site: Path, ppid) -> None:
    write(site / "drafts" / "alamat.md", HEAD + "Teks.\n\n[x](http://[asing.example/x)\n\n<a href='http://[y'>y</a>\n")
    code, out, err = ppid("check")
    assert code == 1 and "kesalahan internal" not in err, out + err
    assert "drafts/alamat.md:8: [blokir] render_gagal" in out, out
    write(site / "drafts" / "alamat.md", HEAD + "Teks.\n\n<a href='http://[y'>y</a>\n")
    code, out, err = ppid("check")
    assert code == 1 and "drafts/alamat.md:8: [blokir] url_berbahaya: alamat tidak sah" in out, out + err
    from pipeline.errors import BuildError

    docs = site / "docs-mentah"
    write(docs / "alamat.md", HEAD + "[x](http://[asing.example/x)\n")
    with pytest.raises(BuildError, match="Invalid IPv6 URL"):  # MkDocs itself stops on the page the check refused
        run_build(write_config(Site(site), docs, site / "hasil", [], {}))


def test_a_page_that_stops_the_build_can_never_be_accepted(site: Path) -> None:
    from pipeline.checks.findings import BLOCK, Finding
    from pipeline.scan import Scanner

    finding = Finding("drafts/rusak.md", "render_gagal", BLOCK, "x", "render", line=6, value_hash="0" * 16)
    assert Scanner(Site(site)).never_acceptable(finding)  # accepted, it would stop every later build of the site


def test_a_page_nested_deeper_than_a_browser_nests_is_a_finding_not_a_stall(site: Path, ppid) -> None:
    import time

    write(site / "drafts" / "dalam.md", HEAD + "<div>" * 60000 + "x" + "</div>" * 60000 + "\n")
    rows = "".join(f"<tr><td>{i}<td>sel" for i in range(3000))  # unclosed cells of pasted tables are not depth
    write(site / "drafts" / "tabel.md", HEAD + f"<table>{rows}</table>\n\n" + "- a\n" + "".join(
        "    " * i + "- b\n" for i in range(1, 40)))
    started = time.monotonic()
    code, out, err = ppid("check")
    assert time.monotonic() - started < 30, "the HTML parser's time grows with the square of the depth"
    assert code == 1 and "drafts/dalam.md:6: [blokir] render_gagal" in out and "bersarang" in out, out + err
    assert "tabel.md" not in out, out


def test_control_characters_are_refused_with_their_line(site: Path, ppid) -> None:
    write(site / "drafts" / "nul.md", HEAD + "Baris satu.\nBaris\x00 dua.\n")
    code, out, _ = ppid("check")
    assert code == 1 and "drafts/nul.md:7: berisi karakter kendali tak terlihat U+0000" in out, out


@pytest.mark.parametrize("first,second", [("profil.md", "profil/index.md"), ("Profil.md", "profil.md"),
                                          ("Berkas/a.md", "berkas/b.md")])
def test_two_files_at_one_address_are_refused_naming_both(site: Path, ppid, first: str, second: str) -> None:
    write(site / "content" / first, HEAD + "Satu.\n")
    write(site / "drafts" / second, HEAD + "Dua.\n")
    code, out, _ = ppid("check")
    assert code == 1 and f"'drafts/{second}' dan 'content/{first}' menjadi alamat yang sama" in out, out


def test_every_attachment_a_page_links_is_bound_to_its_change(site: Path) -> None:
    from pipeline.changes import linked_files

    for name in ("a.pdf", "b.pdf", "c-d.png", "x.png", "y.png", "e.png"):
        write(site / "content" / "files" / name, "x")
    write(site / "content" / "layanan" / "lampiran.md", HEAD + "[x](../files/a.pdf 'judul') <a href=../files/b.pdf>b</a>\n\n"
          "![x](<../files/c-d.png>) [![a](../files/x.png)](../files/y.png)\n\n"
          '<img src="../files/none.png" srcset="../files/e.png 2x">\n')
    view = build_view(Site(site), ["content"])
    page = view.pages["layanan/lampiran.md"]
    assert linked_files(page, view) == ["files/a.pdf", "files/b.pdf", "files/c-d.png", "files/e.png",
                                        "files/x.png", "files/y.png"]
    assert {link.line for link in page.links} == {6, 8, 10}


def test_a_cache_entry_not_written_on_this_machine_is_ignored(site: Path, ppid) -> None:
    write(site / "drafts" / "uji.md", HEAD + "[hilang](tidak-ada.md)\n")
    assert "tidak-ada.md" in ppid("check")[1]
    entries = list((site / ".ppid" / "cache" / "render").rglob("*.json"))
    assert entries
    for entry in entries:  # as if committed by someone else: plausible content, a MAC made with another key
        entry.write_text("0" * 64 + ' {"links":[],"anchors":[],"failure":null}', encoding="utf-8")
    code, out, _ = ppid("check")
    assert code == 1 and "drafts/uji.md:6: tautan ke halaman yang tidak ada: 'tidak-ada.md'" in out, out


def test_a_page_of_many_links_is_placed_in_one_pass() -> None:
    """A hostile page of thousands of links (under the size limit) once took a minute of `ppid check`."""
    import time

    from pipeline.render.page import LineFinder

    body = "".join(f"Baris {i} [t](https://contoh.go.id/{i}) dan [u](#tidak{i})\n\n" for i in range(14000))
    finder, started = LineFinder(body, 6), time.monotonic()
    lines = [finder.line_of(u, key=u) for i in range(14000) for u in (f"https://contoh.go.id/{i}", f"#tidak{i}")]
    assert time.monotonic() - started < 3  # about 0.05 s; the old search took 20 s
    assert lines[:4] == [6, 6, 8, 8] and lines[-1] == 6 + 2 * 13999
    missing = [finder.line_of(f"&#{i};tidak-tertulis") for i in range(500)]  # entities: not in the source as written
    assert time.monotonic() - started < 3 and set(missing) == {6}

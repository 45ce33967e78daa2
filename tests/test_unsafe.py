"""Unsafe content is refused, with its line; what the agency's policy allows passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import write

HEAD = "---\ntitle: Halaman Uji\njenis: halaman\n---\n\n"

REFUSED = [
    ("script", "<script>alert(1)</script>", "html_tag"),
    ("script in caps", "<SCRIPT SRC=x.js></SCRIPT>", "html_tag"),
    ("event handler", '<img src="a.png" onerror="alert(1)">', "html_event"),
    ("event handler on allowed tag", '<b onmouseover="steal()">x</b>', "html_event"),
    ("javascript link in HTML", '<a href="javascript:alert(1)">klik</a>', "url_berbahaya"),
    ("javascript link in Markdown", "[klik](javascript:alert(1))", "url_berbahaya"),
    ("data URL in Markdown", "[unduh](data:text/html;base64,PHNjcmlwdD4=)", "url_berbahaya"),
    ("vbscript", '<a href="vbscript:msgbox(1)">x</a>', "url_berbahaya"),
    ("iframe from an unknown host", '<iframe src="https://contoh-asing.example/x"></iframe>', "sematan_asing"),
    ("object embed", '<object data="https://contoh-asing.example/x.swf"></object>', "html_tag"),
    ("form posting away", '<form action="https://contoh-asing.example/kirim" method="post"></form>', "html_tag"),
    ("hidden block", '<div style="display:none">tautan</div>', "konten_tersembunyi"),
    ("off-screen text", '<span style="position:absolute;left:-9999px">x</span>', "konten_tersembunyi"),
    ("tiny text", '<span style="font-size:0">x</span>', "konten_tersembunyi"),
    ("gambling spam", "Daftar SLOT GACOR hari ini, maxwin!", "spam_judi"),
    ("private key", "-----BEGIN OPENSSH PRIVATE KEY-----", "kunci_privat"),
    ("password", "password: Rahasia2026!", "kata_sandi"),
    ("github token", "token ghp_" + "a1B2" * 9, "token_github"),
]


XSS = "<img src=x onerror=alert(1)>"
# Ways past a check that guessed at Markdown instead of reading the rendered HTML (issue 14).
ATTACKS = [
    ("fence with attributes", f"```js {{1}}\n\n{XSS}\n```", "html_event"),
    ("fence with a path", f"```js src/App.js\n\n{XSS}\n```", "html_event"),
    ("attr_list on a link", "[k](https://contoh.go.id){onfocus=alert(1) autofocus}", "html_event"),
    ("attr_list on a paragraph", "Paragraf.\n{: onfocus=alert(1) }", "html_event"),
    ("svg onload", "<svg/onload=alert(1)>", "html_event"),
    ("alt with a bracket", '<img src=x alt=">" onerror=alert(1)>', "html_event"),
    ("script between mis-indented fences", "   ```\n<script>alert(1)</script>\n   ```", "html_tag"),
    ("script src to another host", "<script/src=https://asing.example/x.js></script>", "sematan_asing"),
    ("iframe src to another host", "<iframe/src=https://asing.example/x></iframe>", "sematan_asing"),
    ("background image from another host", '<span style="background-image:url(https://asing.example/p.png)">x</span>',
     "sematan_asing"),
    ("escaped css url", '<span style="background:u\\72l(//asing.example/p.png)">x</span>', "sematan_asing"),
    ("image from a backslash host", '<img src="\\\\asing.example\\p.png">', "sematan_asing"),
    ("image from an escaped backslash host", "![x](\\\\\\\\asing.example\\p.png)", "sematan_asing"),
    ("image from a slash-backslash host", "![x](/\\asing.example/p.png)", "sematan_asing"),
    ("srcset from another host", '<img src="a.png" srcset="a.png 1x, https://asing.example/b.png 2x">', "sematan_asing"),
    ("javascript with a tab", '<a href="java&#9;script:alert(1)">x</a>', "url_berbahaya"),
    ("white text", '<span style="color:#fff">slot</span>', "konten_tersembunyi"),
    ("tiny font", '<span style="font-size:1px">x</span>', "konten_tersembunyi"),
    ("near-invisible overlay", '<a href="https://contoh.go.id" style="position:fixed;top:0;left:0;width:100%;'
     'height:100%;opacity:0.01">x</a>', "konten_tersembunyi"),
    ("full-screen overlay", '<a href="https://contoh.go.id" style="position:fixed;inset:0;z-index:99">x</a>',
     "konten_tersembunyi"),
    ("details with no summary hiding a link", '<details><a href="https://contoh.go.id">x</a></details>',
     "konten_tersembunyi"),
    ("details with an empty summary", '<details><summary>\u200b</summary><a href="https://contoh.go.id">x</a></details>',
     "konten_tersembunyi"),
    ("details whose summary is a link", '<details><summary><a href="#a">Info</a></summary>'
     '<a href="https://contoh.go.id">x</a></details>', "konten_tersembunyi"),
    ("cyrillic look-alikes", "Daftar ѕlоt gасоr sekarang", "spam_judi"),
    ("zero-width characters", "Daftar slot\u200b ga\u200dcor sekarang", "spam_judi"),
    ("fullwidth letters", "Daftar ＳＬＯＴ ＧＡＣＯＲ sekarang", "spam_judi"),
    # Hostile pass 2: what a browser fetches or shows, however the markup is split or left unclosed.
    ("css image-set string", "<span style=\"background-image:image-set('//asing.example/x.png' 1x)\">x</span>",
     "sematan_asing"),
    ("unclosed css url", '<span style="background:url(//asing.example/y.png">x</span>', "sematan_asing"),
    ("css url after a comment", '<span style="background:url(/**/https://asing.example/z.png)">x</span>', "sematan_asing"),
    ("gambling words split by tags", "Daftar sl<b></b>ot ga<!-- -->cor di sini.", "spam_judi"),
    ("unparsable URL in HTML", '<a href="http://[asing.example/x">x</a>', "url_berbahaya"),
    ("unparsable URL in Markdown", "[x](http://[asing.example/x)", "render_gagal"),
    ("host that NFKC changes", "[x](http://a\u2100b.example/x)", "render_gagal"),
    ("content-visibility", '<span style="content-visibility:hidden">x</span>', "konten_tersembunyi"),
    ("scaled to nothing", '<span style="transform:scale(0)">x</span>', "konten_tersembunyi"),
    ("look-alike domain in punycode", "[Informasi](https://xn--lotgacor-jhh.example/daftar)", "spam_judi"),
    ("a link with no text", "Lihat juga.[](https://asing.example/daftar)", "konten_tersembunyi"),
    ("a link of zero-width text", '<a href="https://asing.example/daftar">\u200b\u2060 </a>', "konten_tersembunyi"),
    ("off-screen in viewport widths", '<span style="position:absolute;left:-100vw">x</span>', "konten_tersembunyi"),
    ("off-screen by translate", '<span style="translate:-9999px 0">x</span>', "konten_tersembunyi"),
    ("a class the theme hides", '<span class="md-toggle"><a href="https://asing.example">x</a></span>', "konten_tersembunyi"),
    ("a hiding class through attr_list", "[x](https://asing.example){: .md-option }", "konten_tersembunyi"),
    ("a permalink class on an outside link", '<a class="headerlink" href="https://asing.example">x</a>',
     "konten_tersembunyi"),
    # Inline styles in the colour syntaxes and shorthands a browser reads.
    ("white in oklch", '<span style="color:oklch(100% 0 0)">x</span>', "konten_tersembunyi"),
    ("alpha zero in modern rgb", '<span style="color:rgb(0 0 0 / 0)">x</span>', "konten_tersembunyi"),
    ("font shorthand of size zero", '<span style="font:0/0 a">x</span>', "konten_tersembunyi"),
    ("faded by a filter", '<span style="filter:opacity(5%)">x</span>', "konten_tersembunyi"),
    ("indented out of its box", '<div style="text-indent:100%;white-space:nowrap;overflow:hidden">x</div>',
     "konten_tersembunyi"),
    ("text in the colour of its inline background", '<div style="background:#0d1b2a"><a href="https://asing.example" '
     'style="color:#0e1c2b">x</a></div>', "konten_tersembunyi"),
]
LINE_OF = {"fence with attributes": 10, "fence with a path": 10, "attr_list on a paragraph": 9,
           "script between mis-indented fences": 9}
CASES = REFUSED + ATTACKS


@pytest.mark.parametrize("name,body,detector", CASES, ids=[c[0] for c in CASES])
def test_unsafe_content_is_refused_with_its_line(site: Path, ppid, name: str, body: str, detector: str) -> None:
    write(site / "drafts" / "uji.md", HEAD + "Paragraf pembuka.\n\n" + body + "\n")
    code, out, _ = ppid("check")
    assert code == 1, out
    assert re.search(rf"drafts/uji.md:{LINE_OF.get(name, 8)}: \[blokir\] {detector}:", out), out


ALLOWED = [
    ("plain formatting", "<b>tebal</b>, <em>miring</em>, <abbr title=\"Pejabat\">PPID</abbr>"),
    ("table", "<table><tr><td colspan=\"2\">sel</td></tr></table>"),
    ("links", "[UU 14/2008](https://peraturan.example/uu-14-2008) dan [surel](mailto:ppid@kotacontoh.go.id)"),
    ("code shows tags", "```\n<script>contoh</script>\n```"),
    ("inline code", "Tag `<script>` dilarang."),
    ("the word slot alone", "Slot waktu konsultasi tersedia pukul 09.00."),
    ("html inside indented code", "Contoh:\n\n    <script>alert(1)</script>\n    <img src=x onerror=alert(1)>"),
    ("html inside a tilde fence", "~~~html\n<img src=x onerror=alert(1)>\n~~~"),
    ("aligned table and quote", "| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n> Kutipan UU 14/2008."),
    ("white text on a dark band", '<span style="color:#fff;background-color:#1a237e">Pengumuman</span>'),
    ("white text on an oklch band", '<span style="color:white;background:oklch(30% 0.1 260)">Pengumuman</span>'),
    ("an ordinary closed details", "<details><summary>Rincian</summary>Jam layanan 08.00–15.00.</details>"),
    ("a folded section with a link to this site", '<details><summary>Dasar hukum</summary>'
     '<a href="#atas">Ke atas</a></details><a id="atas"></a>'),
    ("headings with permalinks and footnotes", "## Bab\n\nTeks.\n\n<a class=\"headerlink\" href=\"#bab\">¶</a>"),
    ("a class hidden only on paper", '<div class="ppid-layar">Buka di layar</div>'),
    ("centred by half its width", '<span style="position:absolute;left:50%;translate:-50% 0">Judul</span>'),
    ("an image link and an anchor", '[![Logo](files/formulir.pdf)](https://contoh.go.id) <a id="atas"></a> '
     '<a href="#atas"></a>'),
    ("a quoted font name", "<span style=\"font-family:'Noto Sans', sans-serif\">teks</span>"),
]


@pytest.mark.parametrize("body", [c[1] for c in ALLOWED], ids=[c[0] for c in ALLOWED])
def test_allowed_content_passes(site: Path, ppid, body: str) -> None:
    write(site / "drafts" / "uji.md", HEAD + body + "\n")
    code, out, _ = ppid("check")
    assert code == 0, out


def test_embed_from_a_host_the_policy_allows_passes(site: Path, ppid) -> None:
    policy = site / "site_config" / "security.yml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "embed_hosts_allowed: []", "embed_hosts_allowed: [video.kotacontoh.go.id]"), encoding="utf-8")
    write(site / "drafts" / "uji.md", HEAD + '<iframe src="https://video.kotacontoh.go.id/v/1" width="560" title="Video layanan"></iframe>\n')
    assert ppid("check")[0] == 0
    write(site / "drafts" / "uji.md", HEAD + '<iframe src="https://video.contoh-asing.example/v/1"></iframe>\n')
    assert ppid("check")[0] == 1


@pytest.mark.parametrize("key,value", [("allowed_tags: [", "script, "), ("allowed_tags: [", "noscript, "),
                                       ("url_schemes_allowed: [", "javascript, ")])
def test_the_policy_cannot_allow_what_runs_script(site: Path, ppid, key: str, value: str) -> None:
    policy = site / "site_config" / "security.yml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(key, key + value, 1), encoding="utf-8")
    write(site / "drafts" / "uji.md", HEAD + "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>\n")
    code, out, err = ppid("check")
    assert code != 0 and f"{value.strip(', ')} menjalankan skrip" in out + err, out + err


def test_a_class_the_sites_own_stylesheet_hides_is_hidden_content(site: Path, ppid) -> None:
    sheet = site / "overrides" / "assets" / "stylesheets" / "ppid.css"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\n@media screen { .md-typeset .sisip { position: absolute; "
                     "left: -9999px } }\n", encoding="utf-8")
    write(site / "drafts" / "uji.md", HEAD + '<p class="sisip"><a href="https://asing.example">x</a></p>\n')
    code, out, _ = ppid("check")
    assert code == 1 and "drafts/uji.md:6: [blokir] konten_tersembunyi: tautan 'x' tidak terlihat" in out, out
    assert "aturan '.md-typeset .sisip' di overrides/assets/stylesheets/ppid.css" in out, out


def test_a_link_to_another_host_in_a_folded_section_is_shown_to_the_reviewer_but_does_not_block(site: Path, ppid) -> None:
    """A FAQ-style <details> with a visible summary: the reader opens it; the reviewer is asked to look."""
    write(site / "drafts" / "uji.md", HEAD + '<details><summary>Dasar hukum</summary>\n<p>Lihat '
          '<a href="https://jdih.contoh.go.id/uu-14-2008">UU 14/2008</a>.</p>\n</details>\n')
    code, out, _ = ppid("check")
    assert code == 0, out
    assert "[tinjau] tautan_terlipat" in out and "jdih.contoh.go.id" in out

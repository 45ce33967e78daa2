"""Per-release asset paths: every loaded asset of a page points into its release's prefix, from any depth."""

from __future__ import annotations

import posixpath

from pipeline.publish.versioning import rewrite_page

FILES = {"index.html", "a/index.html", "a/b/c/index.html", "assets/x.css", "assets/js/y.js", "img/foto.png",
         "dokumen/surat.pdf"}


def test_loaded_assets_point_into_the_release_from_every_depth():
    for page in ("index.html", "a/index.html", "a/b/c/index.html"):
        folder = posixpath.dirname(page)
        up = posixpath.relpath(".", folder or ".")
        root = "" if up == "." else up + "/"
        html = (f'<link rel="stylesheet" href="{root}assets/x.css?v=1"><script src="{root}assets/js/y.js"></script>'
                f'<img src="/img/foto.png"><a href="{root}dokumen/surat.pdf">surat</a>'
                f'<img src="https://example.org/z.png"><img src="{root}tidak/ada.png">')
        out = rewrite_page(html, page, "R1", FILES, {})
        expected_css = posixpath.relpath("_rilis/R1/assets/x.css", folder or ".")
        assert f'href="{expected_css}?v=1"' in out
        assert f'src="{posixpath.relpath("_rilis/R1/assets/js/y.js", folder or ".")}"' in out
        assert 'src="/_rilis/R1/img/foto.png"' in out
        # links keep their stable URLs; other hosts and missing files are left alone
        assert f'href="{root}dokumen/surat.pdf"' in out and 'src="https://example.org/z.png"' in out
        assert f'src="{root}tidak/ada.png"' in out

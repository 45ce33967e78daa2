"""After a switch: is what the target URL serves exactly the release, and does it load cleanly in Chromium?"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urljoin

from ..errors import PpidError
from .browser_check import load_pages
from .faults import step
from .fetch import Digest, digest_many, get
from .manifest import MANIFEST_PATH, Manifest, url_of
from .webserver import headers

MAX_SHOWN = 10


def csp_allows(url: str, manifest: Manifest) -> bool:
    return _allows(get(url), manifest)


def _allows(response, manifest: Manifest) -> bool:
    csp = {k.lower(): v for k, v in response.headers.items()}.get("content-security-policy", "")
    return bool(response.status) and all(h in csp for h in manifest.script_hashes)


def wait_for_config(url: str, manifest: Manifest, target: str, steady: int = 5, timeout: float = 15.0) -> None:
    """Before switching: the server answers at the URL and already sends a CSP allowing this release's
    inline scripts (a reload is asynchronous: nginx's new workers take a moment)."""
    deadline = time.monotonic() + timeout
    good = 0
    while True:
        response = get(url)
        # Old workers may still answer for a moment after the new ones started: wait for a steady run.
        good = good + 1 if _allows(response, manifest) else 0
        if good >= steady:
            return
        if time.monotonic() > deadline:
            break
        time.sleep(0.1)
    if response.status == 0:
        raise PpidError(f"server web di {url} tidak menjawab ({response.error}); jalankan atau perbaiki server web "
                        f"(nginx) untuk target '{target}' lalu ulangi. Situs online tidak diubah.")
    raise PpidError(f"server web di {url} belum memakai konfigurasi yang ditulis ppid (header CSP tanpa hash skrip "
                    f"rilis ini); sertakan nginx/ppid-site.conf (atau nginx/ppid-server.conf) target '{target}' di konfigurasi nginx dan "
                    "isi 'reload' di site_config/deploy.yml. Situs online tidak diubah.")


def check_bytes(url: str, manifest: Manifest, manifest_bytes: bytes) -> None:
    """Every file of the release, fetched from the URL, has the manifest's bytes; headers as generated."""
    rels = sorted(manifest.files)
    served = digest_many(urljoin(url, url_of(rel)) for rel in rels)
    step("bytes-fetched")
    wrong = [f"{d.url}: {_why(d)}" for rel, d in zip(rels, served) if d.status != 200 or d.sha256 != manifest.files[rel]]
    served_manifest = get(urljoin(url, MANIFEST_PATH))
    if served_manifest.body != manifest_bytes:
        wrong.insert(0, f"{served_manifest.url}: manifes yang disajikan bukan manifes rilis ini")
    wrong += _header_problems(get(url), manifest)
    if wrong:
        shown = "\n".join(f"  {w}" for w in wrong[:MAX_SHOWN])
        more = f"\n  … dan {len(wrong) - MAX_SHOWN} lagi" if len(wrong) > MAX_SHOWN else ""
        raise PpidError(f"{len(wrong)} berkas disajikan tidak sama dengan rilis:\n{shown}{more}")


def _why(response: Digest) -> str:
    if response.status == 0:
        return f"tidak terjangkau ({response.error})"
    if response.status != 200:
        return f"status HTTP {response.status}"
    return "isi berbeda dari manifes"


def _header_problems(response, manifest: Manifest) -> list[str]:
    """The generated headers on a real response; the CSP may allow more hashes (those of other kept releases)."""
    got = {k.lower(): v for k, v in response.headers.items()}
    problems = []
    for name, value in headers(manifest.script_hashes).items():
        served = got.get(name.lower())
        if name == "Content-Security-Policy" and served is not None:
            missing = [h for h in manifest.script_hashes if h not in served]
            if missing or "frame-ancestors 'none'" not in served:
                problems.append(f"{response.url}: CSP tidak mengizinkan skrip rilis ini ({', '.join(missing)})")
        elif served != value:
            problems.append(f"{response.url}: header {name} {'tidak ada' if served is None else 'berbeda'} "
                            f"(seharusnya: {value})")
    return problems


def check_browser(url: str, manifest: Manifest, count: int, outward: list[str] = ()) -> None:
    """A sample of pages in Chromium: no console error, no CSP violation, no request to another host; and
    every page linking to another host (`outward`), laid out by Chromium itself: no such link hidden."""
    if count <= 0:
        return
    pages = sample_pages(manifest, count)
    extra = [p for p in outward if p not in pages]
    report = load_pages([urljoin(url, p) for p in pages + extra], url, frozenset(urljoin(url, p) for p in extra))
    problems = report.problems()
    if problems:
        shown = "\n".join(f"  {p}" for p in problems[:MAX_SHOWN])
        raise PpidError(f"{len(problems)} masalah saat halaman dibuka di Chromium:\n{shown}")


def outward_pages(built: Path) -> list[str]:
    """The URLs (relative to the site) of the built pages that link to another host."""
    from selectolax.lexbor import LexborHTMLParser

    from ..checks.stylesheets import leaves_site

    found = []
    for path in sorted(built.rglob("*.html")):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8", errors="replace"))
        if any(leaves_site(node.attributes.get("href") or "") for node in tree.css("a[href], area[href]")):
            found.append(url_of(path.relative_to(built).as_posix()))
    return found


def sample_pages(manifest: Manifest, count: int) -> list[str]:
    """The home page, the 404 page, then pages spread evenly over the rest."""
    pages = sorted(url_of(rel) for rel in manifest.files if rel.endswith(".html"))
    chosen = [p for p in ("", "404.html") if p in pages]
    rest = [p for p in pages if p not in chosen]
    wanted = max(count - len(chosen), 0)
    if rest and wanted:
        stride = max(len(rest) // wanted, 1)
        chosen += rest[::stride][:wanted]
    return chosen[:max(count, 1)]

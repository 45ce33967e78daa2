"""Chromium opening pages of one site: console errors, CSP violations and requests to any other host."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..browser import ARGS, CHROMIUM
from ..errors import PpidError

_CSP_LISTENER = ("document.addEventListener('securitypolicyviolation', e => console.error("
                 "'CSP: ' + e.violatedDirective + ' memblokir ' + (e.blockedURI || 'skrip/gaya sebaris')));")
LOCAL_SCHEMES = ("data:", "blob:", "about:")
# Debian's chromium-headless-shell: the same Blink (CSP, console, network) without the desktop browser around it,
# at about half the CPU and 80 MB less per process than /usr/bin/chromium (bench/publish_bench.py). A publish
# runs unattended on a server, so the lighter one is used when installed.
HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"


@dataclass
class BrowserReport:
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    hidden_links: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"tautan tersembunyi: {m}; cara umum menyisipkan tautan judi: hapus tautan itu dari halaman atau "
                 "templat, atau ubah aturan gaya yang menyembunyikannya" for m in self.hidden_links]
                + [f"permintaan ke host lain: {u}" for u in self.third_party]
                + [f"pelanggaran CSP: {m}" for m in self.csp_violations]
                + [f"galat konsol: {m}" for m in self.console_errors]
                + [f"halaman gagal dimuat: {m}" for m in self.failed])


# Links to other hosts that Chromium itself lays out where no reader sees them: not rendered (display,
# visibility, a closed <details> with no visible summary), faded out along their ancestors, of no size, too small to read, off the page,
# clipped or covered (the point at their centre belongs to another element), or painted in their background's
# colour (colours read back through a canvas, so every CSS colour syntax is compared alike).
HIDDEN_LINKS = r"""() => {
  const canvas = document.createElement('canvas'); canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const rgba = c => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0] / 255, d[1] / 255, d[2] / 255, d[3] / 255]; };
  const over = (t, b) => { const a = t[3] + b[3] * (1 - t[3]); if (a <= 0) return [0, 0, 0, 0];
    return [0, 1, 2].map(i => (t[i] * t[3] + b[i] * b[3] * (1 - t[3])) / a).concat([a]); };
  const lin = c => c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  const oklab = c => { const [r, g, b] = c.slice(0, 3).map(lin);
    const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return [0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s, 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s]; };
  const apart = (a, b) => Math.hypot(...oklab(a).map((x, i) => x - oklab(b)[i]));
  const why = a => {
    if (!a.checkVisibility({opacityProperty: true, visibilityProperty: true})) return 'tidak ditampilkan';
    let opacity = 1;
    for (let e = a; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
    if (opacity < 0.1) return 'opacity hampir 0';
    const holder = [...a.querySelectorAll('*'), a].find(e => [...e.childNodes].some(n => n.nodeType === 3 && n.data.trim()))
      || a;
    if (parseFloat(getComputedStyle(holder).fontSize) < 4) return 'huruf sangat kecil';
    a.scrollIntoView({block: 'center', inline: 'center'});
    const box = [...a.getClientRects()].find(r => r.width * r.height >= 4);
    if (!box) return 'tidak punya ukuran di layar';
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return 'berada di luar halaman';
    const top = document.elementFromPoint(x, y);
    if (!top || !(top === a || a.contains(top))) return 'tertutup elemen lain atau terpotong';
    let under = [1, 1, 1, 1];
    const chain = []; for (let e = holder; e; e = e.parentElement) chain.unshift(e);
    for (const e of chain) { const s = getComputedStyle(e);
      if (s.backgroundImage !== 'none' || s.backgroundClip === 'text') return null;
      under = over(rgba(s.backgroundColor), under); }
    const s = getComputedStyle(holder);
    const text = rgba(s.webkitTextFillColor || s.color);
    if (text[3] < 0.1) return 'teks transparan';
    if (apart(over(text, under), under) < 0.07) return 'warna teks sama atau hampir sama dengan latarnya';
    return null;
  };
  // A closed <details> whose own summary a reader sees is opened, as the reader's click would; one without is not.
  for (const d of document.querySelectorAll('details:not([open])')) {
    const summary = [...d.children].find(c => c.tagName === 'SUMMARY');
    if (summary && !summary.querySelector('a[href]') && summary.checkVisibility({opacityProperty: true,
        visibilityProperty: true}) && summary.innerText.trim()) d.open = true;
  }
  const found = [];
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    let target; try { target = new URL(a.href, location.href); } catch (e) { continue; }
    if (!['http:', 'https:'].includes(target.protocol) || target.origin === location.origin) continue;
    const reason = why(a);
    if (reason) found.push([a.getAttribute('href'), (a.textContent || '').trim().slice(0, 60), reason]);
  }
  return found;
}"""


def executable() -> str:
    return HEADLESS_SHELL if os.access(HEADLESS_SHELL, os.X_OK) else CHROMIUM


def _args_for(origin_host: str) -> list[str]:
    # The resolver rule keeps Chromium's own start-up traffic off the network; the site's host stays reachable.
    return [a if not a.startswith("--host-resolver-rules") else
            f"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE {origin_host}" for a in ARGS]


def load_pages(urls: list[str], site_url: str, quick: frozenset[str] = frozenset()) -> BrowserReport:
    """Open each URL in a fresh page; every request outside the site's origin is aborted and reported, and every
    link to another host no reader can see. `quick`: URLs opened only for their links (no wait after load)."""
    try:
        from playwright.sync_api import Error as PlaywrightError, sync_playwright
    except ImportError:
        raise PpidError("Playwright tidak terpasang; pemeriksaan halaman di Chromium tidak dapat berjalan") from None
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    report = BrowserReport()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable(), args=_args_for(urlsplit(site_url).hostname or ""))
            context = browser.new_context()
            context.add_init_script(_CSP_LISTENER)

            def route(route, request) -> None:
                if request.url.startswith(LOCAL_SCHEMES) or request.url == origin or request.url.startswith(origin + "/"):
                    route.continue_()
                else:
                    report.third_party.append(request.url)
                    route.abort()

            context.route("**/*", route)
            for url in urls:
                _open(context, url, report, PlaywrightError, url not in quick)
            context.close()
            browser.close()
    except PlaywrightError as exc:
        raise PpidError(f"Chromium tidak dapat dijalankan untuk memeriksa halaman: {str(exc).splitlines()[0]}") from None
    return report


def _open(context, url: str, report: BrowserReport, error_type, settle: bool = True) -> None:
    page = context.new_page()

    def on_console(message) -> None:
        if message.type != "error":
            return
        text = f"{url}: {message.text}"
        (report.csp_violations if "CSP" in message.text or "Content Security Policy" in message.text
         else report.console_errors).append(text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: report.console_errors.append(f"{url}: {exc}"))
    try:
        response = page.goto(url, wait_until="load", timeout=30_000)
        if response is None or response.status != 200:
            report.failed.append(f"{url} (status {response.status if response else '—'})")
        if settle:
            page.wait_for_timeout(300)  # scripts that run after load (search worker start-up) report here
        report.hidden_links += [f"{url}: '{text or href}' ke {href} ({why})" for href, text, why in page.evaluate(HIDDEN_LINKS)]
    except error_type as exc:
        report.failed.append(f"{url}: {str(exc).splitlines()[0]}")
    finally:
        page.close()

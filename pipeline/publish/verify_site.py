"""Verify a served site from outside, over HTTP only: manifest, every file, signature, log chain, stray files."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..errors import PpidError
from ..trust.records import parse_time
from ..trust.registry import load_policy, load_registry
from ..trust.root import verify_registry
from ..signing import SignatureError, sshsig_verify
from .fetch import Response, get, get_many
from .manifest import HISTORY_URL, LOG_PATH, MANIFEST_PATH, REGISTRY_FILES, WELL_KNOWN, Manifest, parse_manifest, url_of
from .publog import parse_log
from .versioning import PREFIX_DIR
from .webserver import SECURITY_HEADERS

# Where injected pages are usually dropped on compromised Indonesian government sites (online gambling
# spam), and files a static PPID site never has. Over HTTP nobody can list a web root: this is a probe.
INJECTION_PATHS = (
    "slot-gacor/", "slot-gacor.html", "slot/", "slot.html", "slot-online/", "situs-slot/", "slot88/", "gacor/",
    "maxwin/", "judi/", "judi-online/", "togel/", "toto/", "rtp/", "rtp-slot/", "bandar/", "sbobet/", "pkv/",
    "casino/", "poker/", "zeus/", "olympus/", "mahjong/", "depo/", "link-alternatif/", "amp/", "news/",
    "pages/", "public/", "uploads/", "files/slot.html", "assets/slot.html", "images/slot.html", "index.php",
    "wp-login.php", "wp-admin/", "wp-content/", "xmlrpc.php", "shell.php", "robots.txt", "ads.txt",
    ".env", ".git/config", ".git/HEAD", ".htaccess", "sitemap_index.xml",
)
_LINK = re.compile(r"""\s(?:href|src)\s*=\s*["']([^"'#]+)""", re.IGNORECASE)


@dataclass
class SiteReport:
    url: str
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    limits: list[str] = field(default_factory=list)


def verify_site(url: str, root_keys: list[str] | None = None, trusted_log: bytes | None = None) -> SiteReport:
    """Everything checkable from outside; `trusted_log` is the agency's own copy (records/publikasi/)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PpidError(f"{url}: bukan alamat situs web; tulis alamat lengkap dengan http:// atau https://, "
                        "misalnya https://ppid.contoh.go.id/")
    url = url if url.endswith("/") else url + "/"
    report = SiteReport(url)
    raw = get(urljoin(url, MANIFEST_PATH))
    if raw.status != 200:
        raise PpidError(f"{raw.url}: manifes rilis tidak disajikan ({raw.error or f'status {raw.status}'}); "
                        "situs ini tidak dapat diverifikasi")
    manifest = parse_manifest(raw.body, raw.url)
    _check_signature(manifest, report)
    pages = _check_files(url, manifest, report)
    _check_log(url, manifest, raw.body, report, trusted_log)
    _check_unlisted(url, manifest, pages, report)
    _check_headers(url, report)
    if root_keys:
        _check_signer(url, manifest, root_keys, report)
    else:
        report.limits.append("tanpa --root-key: penanda tangan rilis tidak dicocokkan dengan registri yang "
                             "ditandatangani kunci akar; hanya keabsahan tanda tangan untuk kunci di manifes")
    report.limits.append("isi folder web tidak dapat didaftar lewat HTTP: berkas tambahan hanya ditemukan bila "
                         "ditautkan dari halaman yang disajikan atau berada di jalur injeksi yang umum "
                         f"({len(INJECTION_PATHS)} jalur diperiksa); pemeriksaan di server: 'ppid releases'")
    report.limits.append("yang diperiksa adalah yang disajikan ke pemeriksa ini; server yang menyajikan isi "
                         "berbeda menurut pengunjung (mis. hanya ke mesin pencari) tidak terlihat dari sini")
    return report


def _signed_time(release) -> tuple[dt.datetime | None, str | None]:
    """The approval time inside the signed bytes; the `approved_at` served beside them is believed only when it
    says the same (a hostile server could serve a time that hides an expired key)."""
    try:
        signed = json.loads(release.signed_bytes)
        text = signed["time"] if "time" in signed else signed["approved_at"]  # an approval record / a bare release
        when = parse_time(text)
    except (ValueError, TypeError, KeyError):
        return None, "waktu persetujuan rilis tidak ada atau tidak terbaca di bita yang ditandatangani"
    if release.approved_at != text:
        return None, (f"waktu persetujuan rilis yang disajikan ({str(release.approved_at)[:60]!r}) tidak sama dengan "
                      f"yang ditandatangani ({text})")
    return when, None


def _check_signature(manifest: Manifest, report: SiteReport) -> None:
    release = manifest.release
    try:
        sshsig_verify(release.signer_key, release.signature, release.signed_bytes)
        report.checked.append(f"tanda tangan rilis {release.id} oleh {release.approver_name} ({release.approver}) sah")
    except SignatureError as exc:
        report.problems.append(f"tanda tangan rilis tidak sah: {exc}")
    bound = release.id in release.signed_bytes.decode("utf-8", "replace") or \
        release.id == "sha256:" + hashlib.sha256(release.signed_bytes).hexdigest()
    if not bound:
        report.problems.append(f"isi yang ditandatangani tidak menyebut id rilis {release.id}")


def _check_files(url: str, manifest: Manifest, report: SiteReport) -> dict[str, bytes]:
    rels = sorted(manifest.files)
    responses = get_many(urljoin(url, url_of(rel)) for rel in rels)
    pages: dict[str, bytes] = {}
    for rel, response in zip(rels, responses):
        expected = manifest.files[rel]
        if response.status != 200:
            report.problems.append(f"{response.url}: tidak disajikan ({response.error or f'status {response.status}'})")
            continue
        got = hashlib.sha256(response.body).hexdigest()
        if got != expected:
            report.problems.append(f"{response.url}: isi berbeda dari manifes (sha256 {got[:16]}…, seharusnya "
                                   f"{expected[:16]}…; {len(response.body)} bita)")
        if rel.endswith(".html"):
            pages[rel] = response.body
    report.checked.append(f"{len(rels)} berkas dibandingkan bita demi bita dengan manifes")
    return pages


def _check_log(url: str, manifest: Manifest, manifest_bytes: bytes, report: SiteReport,
               trusted: bytes | None) -> None:
    response = get(urljoin(url, LOG_PATH))
    if response.status != 200:
        report.problems.append(f"{response.url}: log publikasi tidak disajikan")
        return
    if trusted is None:
        report.limits.append("tanpa --log: penyerang yang menguasai server dapat menulis ulang manifes dan log "
                             "sekaligus; bandingkan dengan salinan log dari repositori situs (records/publikasi/)")
    elif response.body != trusted:
        report.problems.append(f"{response.url}: log yang disajikan berbeda dari salinan tepercaya "
                               f"({len(response.body)} bita, salinan {len(trusted)} bita)")
    else:
        report.checked.append("log yang disajikan sama dengan salinan tepercaya")
    try:
        entries = parse_log(response.body, response.url)
    except PpidError as exc:
        report.problems.append(str(exc))
        return
    if not entries:
        report.problems.append(f"{response.url}: log publikasi kosong")
        return
    last = entries[-1]
    digest = "sha256:" + hashlib.sha256(manifest_bytes).hexdigest()
    if last.release != manifest.release.id or last.manifest != digest or last.folder != manifest.folder:
        report.problems.append(f"{response.url}: entri terakhir log (rilis {last.release}, manifes {last.manifest}) "
                               f"bukan rilis yang disajikan (rilis {manifest.release.id}, manifes {digest})")
    report.checked.append(f"rantai log publikasi utuh ({len(entries)} entri)")


def _check_unlisted(url: str, manifest: Manifest, pages: dict[str, bytes], report: SiteReport) -> None:
    """Every same-site URL the pages link to, and the usual injection paths: served but not in the manifest?"""
    known = {url_of(rel) for rel in manifest.files} | {MANIFEST_PATH, LOG_PATH, HISTORY_URL}
    known |= {f"{manifest.asset_prefix}{rel}" for rel in manifest.files}
    origin = urlsplit(url)
    candidates: set[str] = set(INJECTION_PATHS)
    for rel, body in pages.items():
        base = urljoin(url, url_of(rel))
        for link in _LINK.findall(body.decode("utf-8", "replace")):
            try:
                absolute = urlsplit(urljoin(base, link))
            except ValueError:  # a link no browser can follow (a hostile server may serve one): nothing to fetch
                continue
            if (absolute.scheme, absolute.netloc) == (origin.scheme, origin.netloc):
                candidates.add(absolute.path.lstrip("/"))
    unknown = sorted(c for c in candidates if c not in known and not c.startswith(f"{PREFIX_DIR}/{manifest.folder}/"))
    for response in get_many(urljoin(url, path) for path in unknown):
        if response.status == 200:
            report.problems.append(f"{response.url}: disajikan tetapi tidak ada di manifes rilis "
                                   f"({len(response.body)} bita) — berkas sisipan?")
    prefixed = sorted(c for c in candidates if c.startswith(f"{PREFIX_DIR}/{manifest.folder}/")
                      and c.removeprefix(f"{PREFIX_DIR}/{manifest.folder}/") not in manifest.files)
    for path in prefixed:
        report.problems.append(f"{urljoin(url, path)}: ditautkan halaman tetapi tidak ada di manifes")
    report.checked.append(f"{len(unknown)} alamat di luar manifes dicoba (tautan halaman dan jalur injeksi umum)")


def _check_headers(url: str, report: SiteReport) -> None:
    headers = {k.lower(): v for k, v in get(url).headers.items()}
    csp = headers.get("content-security-policy", "")
    missing = [name for name in SECURITY_HEADERS if name.lower() not in headers]
    if "default-src 'self'" not in csp or "frame-ancestors 'none'" not in csp:
        missing.insert(0, "Content-Security-Policy (default-src 'self', frame-ancestors 'none')")
    if missing:
        report.problems.append(f"{url}: header keamanan tidak ada: {', '.join(missing)}")
    else:
        report.checked.append("header keamanan (CSP, nosniff, Referrer-Policy, Permissions-Policy) ada")


def _check_signer(url: str, manifest: Manifest, root_keys: list[str], report: SiteReport) -> None:
    """The signer must be a Koordinator in the registry the root key signed, valid when the release was signed."""
    fetched = {name: get(urljoin(url, f"{WELL_KNOWN}/{name}")) for name in REGISTRY_FILES}
    if any(fetched[n].status != 200 for n in ("reviewers.yml", "reviewers.yml.sig")):
        report.limits.append("situs tidak menyajikan registri peninjau; penanda tangan tidak dapat dicocokkan "
                             "dengan kunci akar")
        return
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "site_config"
        config.mkdir()
        for name, response in fetched.items():
            if response.status == 200:
                (config / name).parent.mkdir(parents=True, exist_ok=True)
                (config / name).write_bytes(response.body)
        try:
            registry, policy = load_registry(Path(tmp)), load_policy(Path(tmp))
            verify_registry(Path(tmp), registry, policy, root_keys)
        except PpidError as exc:
            report.problems.append(f"registri peninjau yang disajikan tidak sah terhadap kunci akar: {exc}")
            return
    _check_person(registry, policy, manifest, report)


def _check_person(registry, policy, manifest: Manifest, report: SiteReport) -> None:
    release = manifest.release
    person = registry.by_key(release.signer_key)
    if person is None:
        report.problems.append("kunci penanda tangan rilis tidak ada di registri yang ditandatangani kunci akar")
        return
    if not set(person.roles) & set(policy.steps["release_approve"]):
        report.problems.append(f"penanda tangan rilis ({person.id}) bukan koordinator di registri")
    when, problem = _signed_time(release)
    why = problem or person.valid_at(when)
    if why:
        report.problems.append(f"penanda tangan rilis: {why}")
    if not any(p.startswith("penanda tangan") or "registri" in p for p in report.problems):
        report.checked.append(f"penanda tangan {person.name} adalah koordinator di registri yang ditandatangani "
                              "kunci akar yang dipasang")


def report_json(report: SiteReport) -> str:
    return json.dumps(report.__dict__, ensure_ascii=False, indent=2)


__all__ = ["SiteReport", "verify_site", "report_json", "Response"]

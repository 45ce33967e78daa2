"""`ppid keys`: make identities, sign the reviewer registry with the root key, export for OpenSSH."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
from pathlib import Path

from ..errors import PpidError
from ..trust.identity import PASSPHRASE_ENV, key_dir
from ..trust.log import load_log
from ..trust.records import now_utc
from ..trust.registry import REGISTRY, REGISTRY_SIG, load_registry, registry_message
from ..trust.root import user_root_file
from ..yamlio import dumps, load_file
from ..signing import (SigningError, allowed_signers_line, fingerprint, generate_key, load_private_key,
                       parse_public_key, public_key_line, read_public_key_file, sshsig_sign, write_private_key)
from ..site import Site

MAX_DAYS = 3650
HELP = "kelola kunci: buat identitas, tandatangani registri peninjau, ekspor allowed_signers"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("keys", help=HELP, description=HELP)
    keys = parser.add_subparsers(dest="keys_command", metavar="TINDAKAN", required=True)
    new = keys.add_parser("new", help="buat pasangan kunci Ed25519 untuk seorang peninjau")
    new.add_argument("--id", required=True, metavar="ID", help="id singkat, misalnya siti")
    new.add_argument("--nama", dest="name", required=True, metavar="NAMA", help="nama lengkap")
    new.add_argument("--peran", dest="roles", action="append", required=True, metavar="PERAN",
                     help="operator, subkoordinator, koordinator, ... (boleh diulang)")
    new.add_argument("--berlaku-hari", dest="days", type=int, default=365, metavar="HARI", help="masa berlaku (hari)")
    _key_options(new)
    root = keys.add_parser("root-new", help="buat kunci akar yang menandatangani registri peninjau")
    _key_options(root)
    sign = keys.add_parser("sign-registry", help="tandatangani site_config/reviewers.yml dengan kunci akar")
    sign.add_argument("--root-key", type=Path, required=True, metavar="BERKAS_KUNCI_AKAR", help="berkas kunci privat akar")
    keys.add_parser("allowed-signers", help="cetak berkas allowed_signers untuk 'ssh-keygen -Y verify'")
    pin = keys.add_parser("pin-root", help="pasang kunci publik akar instansi untuk Anda (di luar repositori)")
    pin.add_argument("public_key", type=Path, metavar="BERKAS.pub")
    pin.add_argument("--situs-ini", dest="this_site", action="store_true", help="hanya untuk folder situs ini")
    revoke = keys.add_parser("revoke", help="cabut kunci seorang peninjau mulai titik log sekarang, lalu tandatangani ulang")
    revoke.add_argument("--id", required=True, metavar="ID", help="id peninjau yang kuncinya dicabut")
    revoke.add_argument("--root-key", type=Path, required=True, metavar="BERKAS_KUNCI_AKAR", help="berkas kunci privat akar")


def _key_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=None, metavar="BERKAS", help="berkas kunci privat (harus di luar folder situs)")
    parser.add_argument("--frasa-sandi", dest="passphrase", action="store_true",
                        help=f"lindungi kunci dengan frasa sandi (dari ${PASSPHRASE_ENV} atau ditanyakan)")


def _passphrase(wanted: bool) -> str | None:
    if not wanted:
        return None
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    first = getpass.getpass("Frasa sandi baru: ")
    if first != getpass.getpass("Ulangi frasa sandi: "):
        raise PpidError("frasa sandi tidak sama; kunci tidak dibuat")
    return first


def _new_key(site: Site, out: Path, passphrase: bool, comment: str) -> str:
    out = out.resolve()
    if out.is_relative_to(site.root.resolve()):
        raise PpidError(f"{out}: kunci privat tidak boleh disimpan di dalam folder situs; pilih folder lain (--out)")
    key = generate_key()
    write_private_key(out, key, _passphrase(passphrase))
    line = public_key_line(key, comment)
    Path(str(out) + ".pub").write_text(line + "\n", encoding="utf-8")
    return line


def run(args: argparse.Namespace, site: Site) -> int:
    return {"new": _new, "root-new": _root_new, "sign-registry": _sign_registry, "allowed-signers": _allowed_signers,
            "pin-root": _pin_root, "revoke": _revoke}[args.keys_command](args, site)


def _new(args: argparse.Namespace, site: Site) -> int:
    if not 1 <= args.days <= MAX_DAYS:
        raise PpidError(f"--berlaku-hari {args.days}: masa berlaku harus 1 sampai {MAX_DAYS} hari; buat kunci baru "
                        "bila masanya habis")
    out = args.out or key_dir() / args.id
    line = _new_key(site, out, args.passphrase, f"{args.id}@ppid")
    today = now_utc().date()  # validity is in UTC days (Person.valid_at), whatever this computer's zone
    print(f"Kunci privat: {out} (mode 600; jangan pernah di-commit). Sidik jari: {fingerprint(line)}")
    print("Tambahkan ke site_config/reviewers.yml di bawah 'reviewers:', lalu minta pemegang kunci akar "
          "menandatangani ulang registri (ppid keys sign-registry):\n")
    print(f"  - id: {args.id}\n    name: \"{args.name}\"\n    roles: [{', '.join(args.roles)}]\n"
          f"    key: \"{line}\"\n    valid_from: \"{today.isoformat()}\"\n"
          f"    valid_until: \"{(today + dt.timedelta(days=args.days)).isoformat()}\"")
    return 0


def _root_new(args: argparse.Namespace, site: Site) -> int:
    out = args.out or key_dir() / "root"
    line = _new_key(site, out, args.passphrase, "root@ppid")
    print(f"Kunci akar: {out}. Pasang kunci publiknya di setiap komputer peninjau dan di lingkungan penerbitan "
          f"(bukan di repositori):")
    print(f"  ppid keys pin-root {out}.pub      (atau: export PPID_ROOT_KEYS=\"{line}\")")
    return 0


def _sign_registry(args: argparse.Namespace, site: Site) -> int:
    key = load_private_key(args.root_key, os.environ.get(PASSPHRASE_ENV))
    registry = load_registry(site.root)
    armored = sshsig_sign(key, registry_message(site.root, registry))
    target = site.root / REGISTRY_SIG
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(armored, encoding="utf-8")
    os.replace(tmp, target)
    print(f"{REGISTRY_SIG} ditulis ({len(registry.people)} peninjau). Sidik jari kunci akar: {fingerprint(key)}")
    return 0


def _pin_root(args: argparse.Namespace, site: Site) -> int:
    try:
        line = read_public_key_file(args.public_key).strip()
        parse_public_key(line)
    except SigningError as exc:
        raise PpidError(f"{args.public_key}: {exc}") from None
    target = user_root_file(site.root if args.this_site else None)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(line + "\n", encoding="utf-8")
    os.replace(tmp, target)
    print(f"Kunci akar dipasang di {target} (sidik jari {fingerprint(line)}). Semua perintah ppid di komputer ini kini "
          "memverifikasi registri peninjau terhadap kunci itu.")
    return 0


def _revoke(args: argparse.Namespace, site: Site) -> int:
    """Revocation by log position: the key's records not among or before today's heads stop counting."""
    located = load_file(site.root / REGISTRY, str(REGISTRY))
    registry = load_registry(site.root)
    if args.id not in registry.people:
        raise PpidError(f"{args.id}: tidak ada di {REGISTRY}")
    heads = load_log(site.root, site.reviews_dir, registry).heads
    located.data["versi"] = int(located.data.get("versi") or 0) + 1  # an older signed registry no longer passes
    for entry in located.data["reviewers"]:
        if entry["id"] == args.id:
            entry["revoked"] = now_utc().date().isoformat()
            entry["revoked_after"] = heads
    target = site.root / REGISTRY
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text("# Reviewers and their public keys. Signed by the root key: see reviewers.yml.sig.\n"
                   + dumps(located.data), encoding="utf-8")
    os.replace(tmp, target)
    args_sign = argparse.Namespace(root_key=args.root_key)
    _sign_registry(args_sign, site)
    print(f"Kunci {args.id} dicabut mulai titik log ini ({len(heads)} kepala log); rekamannya yang datang sesudahnya tidak "
          "berlaku, apa pun tanggal yang tertulis. Commit site_config/.")
    return 0


def _allowed_signers(args: argparse.Namespace, site: Site) -> int:
    for person in load_registry(site.root).people.values():
        until = (person.revoked or person.valid_until + dt.timedelta(days=1)).isoformat()
        print(allowed_signers_line(person.id, person.key, person.valid_from.isoformat(), until))
    return 0

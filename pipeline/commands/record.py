"""`ppid record`: show a review record and the exact bytes its signature covers, for an auditor."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from ..errors import PpidError
from ..trust.records import parse_record
from ..trust.registry import load_registry
from ..signing import canonical_bytes
from ..site import Site

HELP = "tampilkan rekaman tinjauan dan bita kanonis yang ditandatangani (untuk audit dengan ssh-keygen)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("record", help=HELP, description=HELP)
    parser.add_argument("file", type=Path, metavar="REKAMAN")
    parser.add_argument("--canonical", action="store_true", help="cetak hanya bita kanonis (RFC 8785) ke stdout")
    parser.add_argument("--signature", action="store_true", help="cetak hanya tanda tangan SSHSIG")


def run(args: argparse.Namespace, site: Site) -> int:
    if not args.file.is_file():
        raise PpidError(f"{args.file}: bukan berkas rekaman tinjauan (reviews/TTTT/BB/....yml)")
    record = parse_record(site.root, args.file, str(args.file))
    if args.canonical:
        sys.stdout.buffer.write(canonical_bytes(record.fields))
        return 0
    if args.signature:
        print(record.signature.strip())
        return 0
    for key, value in record.fields.items():
        print(f"{key}: {value}")
    person = load_registry(site.root).people.get(record.reviewer)
    problem = record.signature_problem(person.key) if person else f"penanda tangan '{record.reviewer}' tidak terdaftar"
    print(f"id rekaman: {record.id}")
    print(f"\nTanda tangan: {'SAH' if problem is None else 'TIDAK SAH — ' + problem}")
    print("\nPeriksa dengan OpenSSH saja:")
    shown = shlex.quote(str(args.file))
    print(f"  ppid keys allowed-signers > allowed_signers\n  ppid record {shown} --signature > rekaman.sig")
    print(f"  ppid record {shown} --canonical | ssh-keygen -Y verify -f allowed_signers -I {shlex.quote(record.reviewer)} "
          f"-n ppid -s rekaman.sig -Overify-time={record.time.strftime('%Y%m%d%H%M%SZ')}")
    return 0

"""`ppid demo`: a scratch copy of the demo site with throwaway identities, to walk the lifecycle."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
from pathlib import Path

from ..demo import PEOPLE, approve_all_content, create_identities, keys_outside, root_pub, submit_all_drafts
from ..trust.root import user_root_file
from ..errors import PpidError
from ..site import Site

HELP = "buat salinan situs demo dengan identitas sekali pakai untuk mencoba seluruh alur tinjauan"
COPIED = ("content", "drafts", "records", "site_config", "overrides", "mkdocs.yml", ".gitignore")


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help=HELP, description=HELP)
    parser.add_argument("folder", type=Path, metavar="FOLDER", help="folder baru untuk salinan demo")


def run(args: argparse.Namespace, site: Site) -> int:
    target = args.folder.resolve()
    if target.exists() and not target.is_dir():
        raise PpidError(f"{target}: sudah ada dan bukan folder; pilih folder baru")
    if target.exists() and any(target.iterdir()):
        raise PpidError(f"{target}: folder sudah ada dan tidak kosong; pilih folder baru")
    if target.is_relative_to(site.root.resolve()):
        raise PpidError(f"{target}: salinan demo harus berada di luar folder situs ini")
    keys_dir = keys_outside(target)
    if keys_dir.exists():
        raise PpidError(f"{keys_dir}: folder kunci sudah ada; pilih nama folder lain")
    _copy(site.root, target)
    scratch = Site(target)
    (target / "reviews").mkdir(exist_ok=True)
    (target / "site_config" / "reviewers.yml.sig").unlink(missing_ok=True)
    now = dt.datetime.now(dt.timezone.utc)
    # The copy's keys are valid around today, so a demo made in any year works for two years.
    keys = create_identities(scratch, keys_dir, valid_from=(now - dt.timedelta(days=30)).date().isoformat(),
                             valid_until=(now + dt.timedelta(days=730)).date().isoformat())
    pin = user_root_file(target)
    pin.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(root_pub(keys), pin)  # the copy's throw-away root, pinned for this folder only
    approve_all_content(scratch, keys, now - dt.timedelta(days=3))
    submit_all_drafts(scratch, keys, now - dt.timedelta(hours=2))
    _git(target)
    _print_walk(target, keys)
    return 0


def _copy(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name)
        elif path.exists():
            shutil.copy2(path, target / name)
    for area in ("content", "drafts", "reviews", "records"):
        (target / area).mkdir(exist_ok=True)


def _git(target: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(target), *args], check=True, capture_output=True)
    git("init", "-q", "-b", "main")
    git("-c", "user.name=Demo PPID", "-c", "user.email=demo@kotacontoh.go.id", "add", "-A")
    git("-c", "user.name=Demo PPID", "-c", "user.email=demo@kotacontoh.go.id", "commit", "-q", "-m", "Situs demo")


def _print_walk(target: Path, keys: dict[str, Path]) -> None:
    print(f"Salinan demo siap di {target} (repositori git baru).")
    print(f"Kunci sekali pakai (di luar situs): {keys['root'].parent}")
    print(f"Kunci akar sekali pakai dipasang untuk folder ini saja: {user_root_file(target)}")
    for person in PEOPLE:
        print(f"  {person.id:6} {', '.join(person.roles):15} {keys[person.id]}")
    print("\nCoba alurnya:")
    print(f"  cd {target}")
    print("  ppid status")
    print("  ppid preview")
    print(f"  ppid review <halaman> --setuju --key {keys['budi']}")
    print(f"  ppid approve <halaman> --key {keys['ratna']}")
    print("  ppid promote && ppid verify")
    print("Menerbitkan: lihat README, bagian 'Menerbitkan'.")

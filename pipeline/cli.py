"""The `ppid` command line: parse arguments, run one command, turn errors into a message."""

from __future__ import annotations

import gc

# Commands build tens of thousands of small objects (records, pages, imported modules) that live until they
# exit: collecting cycles every 700 allocations costs a fifth of a warm `verify`; reference counting frees
# the rest. Set before the imports below, which allocate as much.
gc.set_threshold(100_000, 50, 50)

import argparse  # noqa: E402
import importlib
import sys
import traceback
from pathlib import Path

from .errors import PpidError, os_error_message, write_error_log
from .guard import refuse_private_keys
from .trust.promotion import recover
from .site import find_site

# command -> module in pipeline/commands/; a command's module (and what it needs) is imported only when used.
COMMANDS = {
    "check": "check", "build": "build", "submit": "submit", "review": "review", "approve": "approve",
    "reject": "reject", "promote": "promote", "withdraw": "withdraw", "status": "status", "verify": "verify",
    "keys": "keys", "record": "record", "demo": "demo", "preview": "preview", "clean": "clean",
    "release": "release", "publish": "publish", "releases": "releases", "rollback": "rollback",
    "verify-site": "verify_site",
    "rencana": "rencana", "notulen": "notulen", "permintaan": "permintaan", "formulir": "formulir",
    "laporan": "laporan", "monev": "monev", "meja": "meja",
}


def command_module(name: str):
    return importlib.import_module(f".commands.{COMMANDS[name]}", __package__)


# argparse's own words, in the language of the people who read them.
_ARGPARSE_ID = {
    "usage: ": "cara pakai: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "expected one argument": "membutuhkan satu nilai",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "show program's version number and exit": "tampilkan versi lalu keluar",
    "ambiguous option: %(option)s could match %(matches)s": "pilihan ambigu: %(option)s bisa berarti %(matches)s",
    "argument %(argument_name)s: expected one argument": "argumen %(argument_name)s membutuhkan satu nilai",
}
argparse._ = lambda text: _ARGPARSE_ID.get(text, text)  # argparse looks `_` up at call time


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own wording is English
        self.print_usage(sys.stderr)
        self.exit(2, f"ppid: perintah tidak dapat dipahami ({message}); lihat 'ppid --help'\n")


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("ppid-site")
    except metadata.PackageNotFoundError:
        return "tidak diketahui"


def make_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of `only` (the command named on the command line: faster start)."""
    parser = _Parser(prog="ppid", description="Alat situs PPID: periksa, bangun, tinjau, setujui, terbitkan.")
    parser.add_argument("--site", type=Path, default=None, metavar="FOLDER",
                        help="folder situs (bawaan: dicari dari folder kerja ke atas)")
    parser.add_argument("--version", action="version", version=f"ppid {_version()}", help="tampilkan versi lalu keluar")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
    for name in [only] if only else COMMANDS:
        command_module(name).add_parser(sub)
    return parser


def _named_command(words: list[str]) -> str | None:
    """The command on the command line (the first word that is not an option of ppid itself)."""
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word == "--site":
            skip = True
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def main(argv: list[str] | None = None) -> int:
    parser = make_parser(_named_command(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    site = None
    try:
        module = command_module(args.command)
        if not getattr(module, "NEEDS_SITE", True):
            return module.run(args, None)
        site = find_site(explicit=args.site)
        recover(site.content_dir, site.work_dir)  # a promotion cut off half-way: content/ is made whole again first
        refuse_private_keys(site.root)
        return module.run(args, site)
    except PpidError as exc:
        print(f"ppid: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("ppid: dihentikan. Jalankan 'ppid status' untuk melihat keadaan sekarang.", file=sys.stderr)
        return 130
    except OSError as exc:
        message = os_error_message(exc, site.root if site else None)
        if message is None:
            return _internal_error()
        print(f"ppid: {message}", file=sys.stderr)
        return 2
    except Exception:  # our bug, not the user's: keep the traceback in a log
        return _internal_error()


def _internal_error() -> int:
    """Our bug, not the user's: the traceback goes to a log only this user can read."""
    log = write_error_log(traceback.format_exc())
    print(f"ppid: kesalahan internal (bukan kesalahan Anda); rincian di {log}. Mohon laporkan.", file=sys.stderr)
    return 3


if __name__ == "__main__":
    sys.exit(main())

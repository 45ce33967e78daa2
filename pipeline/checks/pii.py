"""Indonesian personal-data detectors: NIK, KK, NPWP, phones, e-mail, passports, accounts, birth dates, NIP, BPJS.

`scan_text(text, policy)` returns every hit as a `Match` (offsets into `text`). It is meant for any text the
site publishes: Markdown bodies, front-matter values, text extracted from PDFs, metadata values.

How it works, briefly:

* Long digit runs are found by one precompiled regex that joins digit groups across the separators people
  and PDF extractors put inside numbers (space, dot, dash, one line break), never across letters.
  A run is cut into tokens (whitespace-separated pieces); tokens shaped like rupiah amounts, budget account
  codes, dates and times are barriers. Every window of whole consecutive tokens holding 10-18 digits is
  tested against the identifier structures (NIK/KK, NPWP with its Luhn digit, NIP), then against the
  context-only identifiers (BPJS, bank account). Chosen windows never overlap.
* Which identifier a 16-digit NIK-shaped number is (NIK, KK, an NPWP written as NIK, an account) is decided
  by the nearest context word before it (within `context_window` characters) or, in tables, by the header
  of its column: Markdown tables, pdftotext -layout columns, and pdftotext output with one cell per line.
* Phones, e-mail addresses, passports and birth dates have their own regexes or keyword-first searches.

Context words, allowed numbers and domains, and severities are data: site_config/privacy.yml.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from ..errors import ConfigError
from ..yamlio import load_file
from .findings import BLOCK, REVIEW, SEVERITIES, Match

POLICY_FILE = Path("site_config") / "privacy.yml"

DETECTORS = ("nik", "kk", "npwp", "telepon", "email", "paspor", "rekening", "tanggal_lahir", "nip", "bpjs")

MESSAGES = {
    "nik": "NIK (Nomor Induk Kependudukan) seseorang",
    "kk": "Nomor Kartu Keluarga (KK)",
    "npwp": "NPWP (Nomor Pokok Wajib Pajak)",
    "telepon": "nomor telepon/ponsel yang bukan nomor resmi badan publik",
    "email": "alamat surel (e-mail) di luar domain resmi badan publik",
    "paspor": "nomor paspor",
    "rekening": "nomor rekening bank",
    "tanggal_lahir": "tanggal lahir seseorang",
    "nip": "NIP (Nomor Induk Pegawai) ASN; wajar di blok tanda tangan, periksa konteksnya",
    "bpjs": "nomor kartu BPJS Kesehatan / JKN-KIS",
}

# Defaults: used for any key privacy.yml leaves out.
DEFAULT_SEVERITY = {name: BLOCK for name in DETECTORS} | {"nip": REVIEW}
DEFAULT_CONTEXT: dict[str, tuple[str, ...]] = {
    "nik": ("NIK", "Nomor Induk Kependudukan", "No. KTP", "Nomor KTP", "KTP", "e-KTP", "KTP-el"),
    "kk": ("No. KK", "Nomor KK", "No KK", "KK", "Kartu Keluarga", "Nomor Kartu Keluarga"),
    "npwp": ("NPWP", "Nomor Pokok Wajib Pajak"),
    "telepon": ("Telp", "Telepon", "Tel.", "No. HP", "HP", "Handphone", "Ponsel", "WA", "WhatsApp", "Faks",
                "Fax", "Nomor kontak", "kontak", "hubungi"),
    "paspor": ("paspor", "passport", "pasport"),
    "rekening": ("rekening", "No. Rek", "No Rek", "Rek.", "Nomor Rekening", "account", "a.n.", "atas nama"),
    "bank": ("Bank", "BRI", "BNI", "Mandiri", "BCA", "BSI", "BTN", "CIMB", "CIMB Niaga", "Danamon", "Permata",
             "BPD", "Bank Jateng", "Bank Jatim", "Bank DKI", "bjb", "Muamalat", "OCBC", "Maybank"),
    "tanggal_lahir": ("lahir", "kelahiran", "Tgl. Lahir", "Tanggal Lahir", "Tempat/Tanggal Lahir", "TTL",
                      "Tempat, Tanggal Lahir", "DOB", "date of birth", "born"),
    "nip": ("NIP", "Nomor Induk Pegawai"),
    "bpjs": ("BPJS", "BPJS Kesehatan", "JKN", "KIS", "JKN-KIS", "Kartu Indonesia Sehat"),
}
DEFAULT_CONTEXT_NOT: dict[str, tuple[str, ...]] = {
    "rekening": ("kode rekening", "rekening belanja", "rekening pendapatan", "rekening kas umum daerah",
                 "rekening kas daerah", "rekening koran"),
    "tanggal_lahir": ("hari lahir", "lahirnya"),
}
# Names of identifiers that are not personal data: a number right after one of them is left alone.
DEFAULT_OTHER = ("NIB", "Nomor Induk Berusaha", "ISBN", "ISSN", "NPSN", "kode billing", "virtual account",
                 "Kode RUP", "RUP", "kode tender", "ID paket", "NTPN", "ID pelanggan", "nomor meter",
                 "faktur pajak", "SP2D", "nomor tiket", "nomor peserta", "kode pos", "nomor kontrak", "NIDN",
                 "NUPTK", "NISN", "NRP")
DEFAULT_WINDOW = 40
DEFAULT_IDENTITY_WINDOW = 100
DEFAULT_BIRTH_WINDOW = 60

_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # a NIK's year has two digits: allow 29 Feb
NIK_PROVINCES = frozenset(
    [str(n) for n in range(11, 20)] + ["21"] + [str(n) for n in range(31, 37)] + ["51", "52", "53"]
    + [str(n) for n in range(61, 66)] + [str(n) for n in range(71, 77)] + ["81", "82"]
    + [str(n) for n in range(91, 97)]
)


# ---------------------------------------------------------------- the policy

@dataclass(frozen=True)
class PrivacyPolicy:
    """What the agency decided: severities, context words, allowed phones/domains/accounts."""

    severity: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_SEVERITY))
    context: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_CONTEXT))
    context_not: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_CONTEXT_NOT))
    other_identifiers: tuple[str, ...] = DEFAULT_OTHER
    context_window: int = DEFAULT_WINDOW
    identity_window: int = DEFAULT_IDENTITY_WINDOW
    birth_date_window: int = DEFAULT_BIRTH_WINDOW
    email_domains_allowed: tuple[str, ...] = ()
    phones_allowed: tuple[str, ...] = ()
    accounts_allowed: tuple[str, ...] = ()
    _rx: "_Compiled" = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_rx", _Compiled(self))

    def __hash__(self) -> int:
        return id(self)


def load_policy(site_root: Path) -> PrivacyPolicy:
    """Read site_config/privacy.yml; keys it leaves out keep their defaults. No file: all defaults.
    Cached while the file is unchanged (building a policy compiles its regexes)."""
    path = Path(site_root).resolve() / POLICY_FILE
    try:
        stat = path.stat()
    except FileNotFoundError:
        return _default_policy()
    return _load_policy(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1)
def _default_policy() -> PrivacyPolicy:
    return PrivacyPolicy()


@lru_cache(maxsize=16)
def _load_policy(path: Path, mtime_ns: int, size: int) -> PrivacyPolicy:
    located = load_file(path, str(POLICY_FILE))
    data = located.data
    where = str(POLICY_FILE)

    def fail(key_path: tuple, message: str) -> ConfigError:
        line = located.line_of(key_path)
        return ConfigError(f"{where}:{line}: {message}" if line else f"{where}: {message}")

    if not isinstance(data, dict):
        raise fail((), "isi harus berupa pemetaan (kunci: nilai)")
    known = {"context_window", "identity_window", "birth_date_window", "detectors", "email_domains_allowed",
             "phones_allowed", "accounts_allowed", "other_identifiers"}
    for key in data:
        if key not in known:
            raise fail((key,), f"kunci '{key}' tidak dikenal; yang dikenal: {', '.join(sorted(known))}")

    def str_list(value: Any, key_path: tuple) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            name = ".".join(map(str, key_path))
            raise fail(key_path, f"'{name}' harus berupa daftar teks (beri tanda kutip pada angka)")
        return tuple(v.strip() for v in value)

    def positive_int(key: str, default: int) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not 5 <= value <= 500:
            raise fail((key,), f"'{key}' harus bilangan bulat 5-500")
        return value

    severity = dict(DEFAULT_SEVERITY)
    context = dict(DEFAULT_CONTEXT)
    context_not = dict(DEFAULT_CONTEXT_NOT)
    detectors = data.get("detectors") or {}
    if not isinstance(detectors, dict):
        raise fail(("detectors",), "'detectors' harus berupa pemetaan per detektor")
    for name, conf in detectors.items():
        if name not in DETECTORS:
            raise fail(("detectors", name), f"detektor '{name}' tidak dikenal; yang dikenal: {', '.join(DETECTORS)}")
        if conf is None:
            continue
        if not isinstance(conf, dict):
            raise fail(("detectors", name), f"'detectors.{name}' harus berupa pemetaan")
        for key, value in conf.items():
            key_path = ("detectors", name, key)
            if key == "severity":
                if value not in SEVERITIES:
                    raise fail(key_path, f"severity '{value}' tidak dikenal; pilih {' atau '.join(SEVERITIES)}")
                severity[name] = value
            elif key == "context":
                context[name] = str_list(value, key_path)
            elif key == "not_context":
                context_not[name] = str_list(value, key_path)
            elif key == "banks" and name == "rekening":
                context["bank"] = str_list(value, key_path)
            else:
                raise fail(key_path, f"kunci '{key}' tidak dikenal di 'detectors.{name}'")
    domains = tuple(d.lower().lstrip("@.")
                    for d in str_list(data.get("email_domains_allowed"), ("email_domains_allowed",)))
    phones = str_list(data.get("phones_allowed"), ("phones_allowed",))
    for index, phone in enumerate(phones):
        if len(_phone_key(phone)) < 5:
            raise fail(("phones_allowed", index), f"nomor telepon '{phone}' terlalu pendek")
    accounts = str_list(data.get("accounts_allowed"), ("accounts_allowed",))
    return PrivacyPolicy(
        severity=severity,
        context=context,
        context_not=context_not,
        other_identifiers=str_list(data["other_identifiers"], ("other_identifiers",))
        if "other_identifiers" in data else DEFAULT_OTHER,
        context_window=positive_int("context_window", DEFAULT_WINDOW),
        identity_window=positive_int("identity_window", DEFAULT_IDENTITY_WINDOW),
        birth_date_window=positive_int("birth_date_window", DEFAULT_BIRTH_WINDOW),
        email_domains_allowed=domains,
        phones_allowed=phones,
        accounts_allowed=accounts,
    )


# ---------------------------------------------------------------- regexes that do not depend on the policy

_SEP_IN = r"(?:[ \u00a0]?[.\-\u2010-\u2013][ \u00a0]?|[ \u00a0])"
_SEP_NL = r"(?:[.\-\u2010-\u2013]?[ \t\u00a0]*\r?\n[ \t\u00a0]*[.\-\u2010-\u2013]?)"
# Digit runs holding at least 10 digits, separators allowed between digits.
_CHAIN = re.compile(rf"(?<![\w+])(?<!\d[.,/\-])\d(?:(?:{_SEP_IN}|{_SEP_NL})?\d){{9,}}")
_TOKEN = re.compile(r"\d+(?:[.\-\u2010-\u2013]\d+)*")
_NONDIGIT = re.compile(r"\D+")
_AMOUNT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_CODE = re.compile(r"\d\.\d{1,2}(?:\.\d{1,2})*(?:\.\d{3,4})?")      # 5.1.02.01.01.0024, 2.16.01
_DAY, _MON = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
_DATE_TOKEN = re.compile(rf"{_DAY}([-./]){_MON}\1(?:\d{{4}}|\d{{2}})|(?:19|20)\d{{2}}([-./]){_MON}\2{_DAY}")
_TIME = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")
_ISBN = re.compile(r"97[89]-\d{1,5}-\d{1,7}-\d{1,6}-\d")
_RP_BEFORE = re.compile(r"(?:rp|idr)\.?\s?$", re.IGNORECASE)
# NPWP written the official way (15 digits, or 16 with the leading 0); matched on the run without whitespace,
# so a line break anywhere inside it does not matter.
_NPWP_FMT = re.compile(r"(?<![\d.])0?\d{2}\.\d{3}\.\d{3}\.\d[-.\u2010-\u2013]\d{3}\.\d{3}(?!\d)")
# Digit runs are located on a byte copy of the text where D = ASCII digit, S = a joiner, x = anything else.
_CLASSES = bytes(
    ord("D") if chr(i).isdigit() and i < 128 else ord("S") if chr(i) in " .-\t\r\n\xa0()+" else ord("x")
    for i in range(256)
)
_JOIN_OR_DIGIT = frozenset(b"DS")
_UNICODE_DASHES = ("\u2010", "\u2011", "\u2012", "\u2013")
_RUN = re.compile(rb"DDD[DS]*")   # the literal prefix lets the regex engine skip ahead fast

# Phones: separators are one space, dot or dash, or a line break before a group of 3+ digits (wrapped text).
# Never the tail of a longer number ("8277 0501 5529 1533" holds no phone).
_PSEP = r"(?:[ .\-]|[ ]?\r?\n(?=\d{3}))"
_MOBILE = re.compile(
    rf"(?<![\w+])(?<!\d[ .\-])(?:\(\+?62\){_PSEP}?|\+[ ]?62{_PSEP}?|62{_PSEP}?|0)8[1-35-9](?:{_PSEP}?\d){{7,10}}"
    r"(?!\w|[.\-]\d)"
)
_SUB = rf"\d(?:{_PSEP}?\d){{4,7}}"   # 5-8 subscriber digits
_LANDLINE = re.compile(
    r"(?<![\w+/.])(?<!\d[ .\-])(?:"
    rf"\(0[2-79]\d{{1,2}}\)[ .\-]?{_SUB}"
    rf"|0[2-79]\d{{1,2}}{_PSEP}{_SUB}"
    rf"|(?:\(\+[ ]?62\)|\+[ ]?62){_PSEP}?(?:\([2-79]\d{{1,2}}\)|[2-79]\d{{1,2}}){_PSEP}?{_SUB}"
    r")(?!\w|[.\-/]\d)"
)
_LANDLINE_PLAIN = re.compile(r"(?<![\w+/.])(?<!\d[ .\-])0[2-79]\d{7,10}(?!\w|[.\-/]\d)")
_MOBILE_DIGITS = re.compile(r"(?:0|62)8[1-35-9]\d{7,10}")

_EMAIL_LOCAL_REV = re.compile(r"[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?"
_EMAIL_DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,24}}(?![A-Za-z0-9\-])")

_PASSPORT = re.compile(r"(?<![\w])[A-Z]{1,2}[ ]?\d{7}(?!\w)")

_MONTHS = (
    "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember"
    "|january|february|march|may|june|july|august|october|december"
    "|jan|feb|peb|mar|apr|jun|jul|agu|agt|ags|aug|sep|sept|okt|oct|nov|nop|des|dec"
)
_DATE = re.compile(
    r"(?<![\d\w])(?:"
    r"(?P<d1>\d{1,2})\s?(?P<s>[-/.])\s?(?P<m1>\d{1,2})\s?(?P=s)\s?(?P<y1>\d{4}|\d{2})"
    rf"|(?P<d2>\d{{1,2}})(?:\s+|-)(?P<m2>(?i:{_MONTHS}))\.?,?(?:\s+|-)(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    r")(?![\d\w])"
)
_MONTH_NUMBER = {}
for _number, _names in enumerate(
    [("januari", "january", "jan"), ("februari", "pebruari", "february", "feb", "peb"), ("maret", "march", "mar"),
     ("april", "apr"), ("mei", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
     ("agustus", "august", "agu", "agt", "ags", "aug"), ("september", "sep", "sept"),
     ("oktober", "october", "okt", "oct"), ("nopember", "november", "nov", "nop"),
     ("desember", "december", "des", "dec")], start=1):
    for _name in _names:
        _MONTH_NUMBER[_name] = _number

_MD_SEPARATOR = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")
_ROW_NUMBER = re.compile(r"\d{1,4}\.?")
_NO_HEADER = re.compile(r"(?:no\.?|nomor|no\.? urut)", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]")
_LAYOUT_GAP = re.compile(r"\S {2,}\S|\t")
_LAYOUT_CELL = re.compile(r"\S+(?: \S+)*")
_LINE_CAP = 1000          # a longer line is prose: no table logic on it
_CHUNK = 1 << 22          # texts are classified / lower-cased in pieces of this many characters
_CHUNK_SLACK = 1 << 12
_MAX_TOKENS = 8           # an identifier is printed in at most 8 pieces ("32 73 01 45 09 87 0003" + a break)


def _phrase_regex(phrase: str) -> str:
    """A context phrase as a regex: case-insensitive, flexible spacing, optional dots."""
    parts = []
    for ch in phrase.strip():
        if ch.isspace():
            if not parts or parts[-1] != r"\s*":
                parts.append(r"\s*")
        elif ch == ".":
            parts.append(r"\.?")
        elif ch in "/-":
            parts.append(r"\s*[/\-,]?\s*")
        else:
            parts.append(re.escape(ch))
    if parts and parts[-1] == r"\.?":  # "Rek." matches "Rek." and "Rek", never "Rekap"
        parts[-1] = r"(?:\.|(?![^\W\d_]))"
    body = "".join(parts)
    start = r"(?<![^\W\d_])" if phrase.strip()[:1].isalnum() else ""
    end = r"(?![^\W\d_])" if phrase.strip()[-1:].isalnum() else ""
    return start + body + end


class _Compiled:
    """The policy's regexes and lookup sets, built once per policy."""

    def __init__(self, policy: PrivacyPolicy) -> None:
        entries = [(phrase, family) for family, phrases in policy.context.items() for phrase in phrases]
        entries += [(phrase, _NOT) for phrases in policy.context_not.values() for phrase in phrases]
        entries += [(phrase, _OTHER) for phrase in policy.other_identifiers]
        self.context = _PhraseMatcher(entries)
        # keyword-first searches look for the last word of each phrase, in lower case
        self.birth_stems = _stems(policy.context.get("tanggal_lahir", ()))
        self.birth_not = tuple(p.lower() for p in policy.context_not.get("tanggal_lahir", ()))
        self.passport_stems = _stems(policy.context.get("paspor", ()))
        self.phones = frozenset(_phone_key(p) for p in policy.phones_allowed)
        self.accounts = frozenset(re.sub(r"\D", "", a) for a in policy.accounts_allowed)
        self.domains = tuple(d.lower() for d in policy.email_domains_allowed)


_NOT = "-"          # family of a 'not_context' phrase: context words inside it do not count
_OTHER = "lain"     # family of 'other_identifiers': the number after them is not personal data
_WORD = re.compile(r"[^\W\d_]+")


class _PhraseMatcher:
    """Finds context phrases fast: phrases are indexed by their first word, tried only where it occurs."""

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        by_first: dict[str, list[tuple[str, str]]] = {}
        for phrase, family in entries:
            words = _WORD.findall(phrase.lower())
            if words:
                by_first.setdefault(words[0], []).append((phrase, family))
        self.index: dict[str, tuple[re.Pattern, dict[str, str]]] = {}
        for first, items in by_first.items():
            items.sort(key=lambda item: -len(item[0]))
            groups = {f"g{i}": family for i, (_, family) in enumerate(items)}
            rx = re.compile("|".join(f"(?P<g{i}>{_phrase_regex(phrase)})" for i, (phrase, _) in enumerate(items)),
                            re.IGNORECASE)
            self.index[first] = (rx, groups)

    def find(self, text: str, a: int, b: int) -> list[tuple[int, int, str]]:
        """Phrases in text[a:b] as (start, end, family), those inside a 'not' phrase left out."""
        found: list[tuple[int, int, str]] = []
        blocked_until = -1    # end of the last 'not' phrase
        covered_until = -1    # end of the last phrase: "virtual account" is not "account"
        index = self.index
        for w in _WORD.finditer(text, a, b):
            entry = index.get(w.group().lower())
            if entry is None:
                continue
            start = w.start()
            if start < covered_until:
                continue
            if start > 0 and start == a and _LETTERS.match(text, start - 1):
                continue  # the window starts inside a word
            m = entry[0].match(text, start, b)
            if m is None:
                continue
            family = entry[1][m.lastgroup]
            covered_until = m.end()
            if family == _NOT:
                blocked_until = max(blocked_until, m.end())
            elif start >= blocked_until:
                found.append((start, m.end(), family))
        return found

    def last(self, text: str, a: int, b: int) -> str | None:
        found = self.find(text, a, b)
        return _family_name(found[-1][2]) if found else None


def _family_name(family: str) -> str:
    return "rekening_bank" if family == "bank" else family


def _stems(phrases: Iterable[str]) -> tuple[str, ...]:
    stems = set()
    for phrase in phrases:
        words = re.findall(r"[^\W_]+", phrase.lower())
        if words:
            stems.add(words[-1])
    return tuple(sorted(stems))


def _phone_key(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    return digits


# ---------------------------------------------------------------- structure checks

def _date_ok(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def nik_ok(d: str) -> bool:
    """16 digits shaped like a NIK: province, regency, district, birth date (women +40), serial."""
    if len(d) != 16 or d[:2] not in NIK_PROVINCES or d[2:4] == "00" or d[4:6] == "00" or d[12:] == "0000":
        return False
    day, month = int(d[6:8]), int(d[8:10])
    if day > 40:
        day -= 40
    return 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month]


def _luhn_ok(d: str) -> bool:
    total = 0
    for index, ch in enumerate(reversed(d)):
        n = int(ch)
        if index % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def npwp_ok(d: str) -> bool:
    """15 digits (or 16 with a leading 0) whose 9th digit is the Luhn check of the first 8."""
    if len(d) == 16:
        if d[0] != "0":
            return False
        d = d[1:]
    return len(d) == 15 and _luhn_ok(d[:9]) and d[:9] != "000000000"


def nip_ok(d: str, current_year: int = 2030) -> bool:
    """18 digits: birth date, appointment year-month (at 17 or older), gender 1/2, serial."""
    if len(d) != 18 or d[14] not in "12" or d[15:] == "000":
        return False
    year, month, day = int(d[:4]), int(d[4:6]), int(d[6:8])
    if not 1935 <= year <= current_year - 17 or not _date_ok(year, month, day):
        return False
    a_year, a_month = int(d[8:12]), int(d[12:14])
    return year + 17 <= a_year <= current_year and 1 <= a_month <= 12


# ---------------------------------------------------------------- scanning

def scan_text(text: str, policy: PrivacyPolicy) -> list[Match]:
    """Every personal-data hit in `text`, ordered by position, never overlapping."""
    if not text:
        return []
    scan = _Scan(text, policy)
    return scan.run()


# priorities when hits overlap: lower wins
_P_STRUCT, _P_CONTEXT, _P_REGEX, _P_WEAK = 0, 1, 2, 3


class _Scan:
    def __init__(self, text: str, policy: PrivacyPolicy) -> None:
        self.text = text
        self.policy = policy
        self.rx: _Compiled = policy._rx
        self.hits: list[tuple[int, int, int, str]] = []   # (priority, start, end, detector)
        self._family_cache: dict[int, str | None] = {}
        self._md_header_cache: dict[int, list[str] | None] = {}
        self._vertical_cache: dict[int, list[str] | None] = {}
        self._block_cache: dict[int, list[str] | None] = {}
        self._layout_cache: dict[tuple[int, int], str | None | bool] = {}

    def run(self) -> list[Match]:
        self.passports = bool(self._keywords(self.rx.passport_stems, (), first_only=True))
        self._digit_runs()
        self._emails()
        self._birth_dates()
        chosen: list[tuple[int, int, int, str]] = []   # sorted by start, never overlapping
        starts: list[int] = []
        for hit in sorted(self.hits, key=lambda h: (h[0], h[1], -(h[2] - h[1]))):
            _, start, end, _ = hit
            k = bisect.bisect_left(starts, start)
            if k > 0 and chosen[k - 1][2] > start:
                continue  # overlaps the hit before it
            if k < len(chosen) and chosen[k][1] < end:
                continue  # overlaps the hit after it
            starts.insert(k, start)
            chosen.insert(k, hit)
        severity, text = self.policy.severity, self.text
        return [Match(s, e, det, severity.get(det, BLOCK), MESSAGES[det], text[s:e]) for _, s, e, det in chosen]

    def add(self, priority: int, start: int, end: int, detector: str) -> None:
        self.hits.append((priority, start, end, detector))

    # -------------------------------------------------------- lines (bounded: a huge line is prose, never a cell)

    def _line_bounds(self, pos: int) -> tuple[int, int, bool]:
        """Start and end of the line holding `pos`, and whether it is longer than _LINE_CAP."""
        text = self.text
        lo = max(0, pos - _LINE_CAP)
        i = text.rfind("\n", lo, pos)
        long = i < 0 and lo > 0
        ls = lo if long else i + 1
        hi = min(len(text), pos + _LINE_CAP)
        j = text.find("\n", pos, hi)
        if j < 0:
            long = long or hi < len(text)
            j = hi
        return ls, j, long

    def _prev_line(self, cur: int) -> tuple[int, str | None]:
        """The line before the one starting at `cur` (> 0): its start and stripped text (None: too long)."""
        text = self.text
        lo = max(0, cur - 1 - _LINE_CAP)
        i = text.rfind("\n", lo, cur - 1)
        if i < 0 and lo > 0:
            return lo, None
        return i + 1, text[i + 1:cur - 1].strip()

    # -------------------------------------------------------- context

    def family(self, start: int, end: int) -> str | None:
        """The identifier the text around [start, end) says this is: nearest context word, or column header."""
        if start in self._family_cache:
            return self._family_cache[start]
        result = self._family(start, end)
        self._family_cache[start] = result
        return result

    def _family(self, start: int, end: int) -> str | None:
        text = self.text
        window = self.policy.context_window
        ls, le, long = self._line_bounds(start)
        if long:
            return self._nearest(max(0, start - window), start)
        line = text[ls:le]
        stripped = line.strip()
        if stripped.startswith("|"):  # Markdown table row: same row, then the column header
            found = self._nearest(max(ls, start - window), start)
            if found:
                return found
            return self._md_header_family(ls, start)
        if line[: start - ls].strip() == "" and _NUMERIC_LINE.fullmatch(text, start, le) and self._short_above(ls):
            # The number is alone on its line below a short line: a table cell as pdftotext writes it.
            found = self._vertical_family(ls)
            if found is not None:
                return found or None
            return self._nearest(max(0, start - window), start)
        if _LAYOUT_GAP.search(line):  # pdftotext -layout: same line, then the aligned header above
            found = self._nearest(max(ls, start - window), start)
            if found:
                return found
            found = self._layout_family(ls, start, min(end, le))
            if found is not None:
                return found or None
        return self._nearest(max(0, start - window), start)

    def _far_identity(self, start: int) -> str | None:
        """The nearest of NIK / KK / NPWP words within `identity_window` characters before `start`."""
        window = self.policy.identity_window
        if window <= self.policy.context_window:
            return None
        for _, _, family in reversed(self.rx.context.find(self.text, max(0, start - window), start)):
            if family in ("nik", "kk", "npwp"):
                return family
        return None

    def _short_above(self, ls: int) -> bool:
        """Whether the nearest non-empty line above is short, as table cells are (prose lines are long)."""
        cur = ls
        for _ in range(4):
            if cur == 0:
                return False
            ps, s = self._prev_line(cur)
            if s is None:
                return False
            if s:
                return len(s) <= 45
            cur = ps
        return False

    def _nearest(self, a: int, b: int) -> str | None:
        if b <= a:
            return None
        found = self.rx.context.find(self.text, a, b)
        if not found:
            return None
        family = found[-1][2]
        if family == "bank":  # "rekening Bank DKI nomor ...": the bank name belongs to "rekening"
            for _, _, earlier in reversed(found[:-1]):
                if earlier == "rekening":
                    return "rekening"
                if earlier != "bank":
                    break
            return "rekening_bank"
        return family

    def _phrase_family(self, cell: str) -> str | None:
        """The family of a header cell or label line (the last context phrase in it)."""
        return self.rx.context.last(cell, 0, len(cell))

    def _md_header_family(self, ls: int, pos: int) -> str | None:
        text = self.text
        col = _cell_index(text[ls:pos])
        header = self._md_header(ls)
        if header is None or col < 0 or col >= len(header):
            return None
        return self._phrase_family(header[col])

    def _md_header(self, ls: int) -> list[str] | None:
        """Header cells of the Markdown table whose row starts at `ls` (cached per row)."""
        text = self.text
        visited = []
        cur = ls
        result = None
        for _ in range(5000):
            if cur in self._md_header_cache:
                result = self._md_header_cache[cur]
                break
            visited.append(cur)
            if cur == 0:
                break
            ps, prev = self._prev_line(cur)
            if prev is None or not prev.startswith("|"):
                break
            if _MD_SEPARATOR.fullmatch(prev):
                header = self._prev_line(ps)[1] if ps > 0 else None
                result = _cells(header) if header and header.startswith("|") else None
                break
            cur = ps
        for v in visited:
            self._md_header_cache[v] = result
        return result

    def _vertical_family(self, ls: int) -> str | None | bool:
        """For a value alone on its line: the label line just above (key: value forms), or the header of
        its column in a table written one cell per line with a row-number column ('No').
        Returns a family, False for "a table cell whose header says nothing", or None for "not decided"."""
        cur = ls
        above: list[tuple[int, str]] = []   # (line start, stripped text), nearest first
        row_number_seen = False
        for _ in range(18):
            if cur == 0:
                break
            ps, s = self._prev_line(cur)
            if s is None:
                break
            cur = ps
            if not s:
                continue
            above.append((ps, s))
            if row_number_seen:
                break  # one line more than the row number: enough to tell it from a number's broken tail
            row_number_seen = _ROW_NUMBER.fullmatch(s) is not None
        if not above:
            return None
        first = above[0][1].rstrip(":").strip()
        if first and len(first) <= 40 and _LETTERS.search(first):
            fam = self._phrase_family(first)
            if fam:
                return fam  # a label on its own line right above the value: "NIK", "No. KK :"
        cells = _merge_broken_numbers(above)
        for col, (row_start, s) in enumerate(cells, start=1):
            if col > 16:
                break
            if _ROW_NUMBER.fullmatch(s):
                header = self._vertical_header(row_start)
                if header is not None:
                    return self._row_column_family(ls, header, cells[:col - 1], int(s.rstrip(".")))
                break
        # No row numbers: the value is the p-th of adjacent identifier cells; match it to the p-th of
        # adjacent identifier headers ("NIK", "No. KK") above.
        position = 1
        for _, s in cells:
            if _ID_CELL.fullmatch(s) and len(_ID_CHARS.findall(s)) >= 8:
                position += 1
            else:
                break
        block = self._header_block(ls)
        if block and position <= len(block):
            return self._phrase_family(block[position - 1]) or False
        return None

    def _header_block(self, ls: int) -> list[str] | None:
        """The nearest run of lines above that are each just a context phrase (table headers)."""
        cache = self._block_cache
        visited = []
        cur = ls
        result = None
        for _ in range(600):
            if cur in cache:
                result = cache[cur]
                break
            visited.append(cur)
            if cur == 0:
                break
            ps, s = self._prev_line(cur)
            if s is None:
                break
            if s and self._is_label(s):
                block = [s]
                up = ps
                while up > 0 and len(block) < 30:
                    ups, u = self._prev_line(up)
                    if not (u and self._is_label(u)):
                        break
                    block.insert(0, u)
                    up = ups
                result = block
                break
            cur = ps
        for v in visited:
            cache[v] = result
        return result

    def _is_label(self, line: str, other: bool = False) -> bool:
        """A line that is one context phrase and little else (a header cell), e.g. "No. KK" or "NIK:".
        With `other`, names of non-personal identifiers ("Nomor Peserta") count too."""
        line = line.rstrip(":").strip()
        if len(line) > 40 or any(ch.isdigit() for ch in line):
            return False
        found = self.rx.context.find(line, 0, len(line))
        return bool(found) and (other or found[-1][2] != _OTHER)

    def _row_column_family(self, ls: int, header: list[str], before: list[tuple[int, str]], row_no: int
                           ) -> str | bool | None:
        """The column of a value in a one-cell-per-line table row. When the row has as many cells as the
        header, by position; when a long text cell was wrapped onto two lines, by counting identifier
        cells: the value is the p-th number-like cell and takes the p-th identifier header."""
        text = self.text
        following: list[tuple[int, str]] = []
        cur = ls
        stop = {str(row_no + 1), f"{row_no + 1}."}
        for _ in range(len(header) + 6):
            if cur >= len(text):
                break
            le = text.find("\n", cur, cur + _LINE_CAP)
            if le < 0:
                if cur + _LINE_CAP < len(text):
                    break
                le = len(text)
            line = text[cur:le].strip()
            if not line or line in stop:
                break
            following.append((cur, line))
            cur = le + 1
        row_rest = list(reversed(_merge_broken_numbers(list(reversed(following)))))
        col = len(before) + 1
        by_position = (self._phrase_family(header[col - 1]) or False) if col <= len(header) else None
        if len(before) + len(row_rest) == len(header):
            return by_position
        # cells and header agree on how many identifier columns come first? then no wrap before the value
        is_label = [self._is_label(h, other=True) for h in header]
        position = 1 + sum(1 for _, c in before if _ID_CELL.fullmatch(c) and len(_ID_CHARS.findall(c)) >= 8)
        if col <= len(header) and sum(is_label[:col - 1]) == position - 1:
            return by_position
        labels = [h for h, ok in zip(header, is_label) if ok]
        if position <= len(labels):
            return self._phrase_family(labels[position - 1]) or False
        return None

    def _vertical_header(self, row_start: int) -> list[str] | None:
        """Header cells (below a line 'No') of a one-cell-per-line table, seen from a row-number line."""
        text = self.text
        cache = self._vertical_cache
        if row_start in cache:
            return cache[row_start]
        cur = row_start
        seen: list[str] = []
        rows = [row_start]
        result = None
        for _ in range(3000):
            if cur == 0:
                break
            ps, s = self._prev_line(cur)
            if s is None:
                break
            cur = ps
            if not s:
                continue
            if _ROW_NUMBER.fullmatch(s):
                if ps in cache:
                    result = cache[ps]
                    break
                rows.append(ps)
            elif _NO_HEADER.fullmatch(s):
                result = list(reversed(seen[-20:]))
                break
            seen.append(s)
        for r in rows:
            cache[r] = result
        return result

    def _layout_family(self, ls: int, start: int, end: int) -> str | None | bool:
        """pdftotext -layout: the nearest line above with words over this column."""
        text = self.text
        _, le, long = self._line_bounds(start)
        if long:
            return None
        row = text[ls:le]
        c0, c1 = start - ls, end - ls
        # widen to the whole cell (text between runs of 2+ spaces): headers align with the cell's start
        gap = row.rfind("  ", 0, c0)
        c0 = gap + 2 if gap >= 0 else len(row) - len(row.lstrip())
        while c0 < len(row) and row[c0] == " ":
            c0 += 1
        gap = row.find("  ", c1)
        c1 = gap if gap >= 0 else len(row)
        cache = self._layout_cache
        visited = [ls]
        result: str | None | bool = None
        cur = ls
        for _ in range(80):
            if cur == 0:
                break
            ps, stripped = self._prev_line(cur)
            if stripped is None:
                break
            if (ps, c0) in cache:  # the row above, same column: already decided
                result = cache[(ps, c0)]
                break
            visited.append(ps)
            line = text[ps:cur - 1]
            cur = ps
            over = " ".join(m.group() for m in _LAYOUT_CELL.finditer(line) if m.start() < c1 + 2 and m.end() > c0 - 2)
            if not over:
                continue
            if not _LETTERS.search(over) or any(ch.isdigit() for ch in over):
                continue  # a data row above: numbers in this column
            result = False
            for m0, m1, fam in self.rx.context.find(line, 0, len(line)):
                if m0 < c1 + 2 and m1 > c0 - 2:
                    result = _family_name(fam)
                    break
            break
        for v in visited:
            cache[(v, c0)] = result
        return result

    # -------------------------------------------------------- long digit runs

    def _digit_runs(self) -> None:
        """Visit every run of digits and joiners holding 7+ digits; everything numeric is found there."""
        text = self.text
        size = len(text)
        c0 = 0
        while c0 < size:  # in chunks, so a huge text is not copied whole; chunks end on a letter
            piece = text[c0:min(size, c0 + _CHUNK + _CHUNK_SLACK)]
            classes = piece.encode("latin-1", "replace").translate(_CLASSES)
            if any(dash in piece for dash in _UNICODE_DASHES):  # U+2010-2013 became "?" above: joiners too
                classes = bytearray(classes)
                for dash in _UNICODE_DASHES:
                    i = piece.find(dash)
                    while i >= 0:
                        classes[i] = 83  # "S"
                        i = piece.find(dash, i + 1)
                classes = bytes(classes)
            if c0 + len(piece) < size:
                cut = classes.find(b"x", _CHUNK)
                classes = classes[:cut if cut > 0 else _CHUNK]
            self._runs_in(c0, classes)
            c0 += len(classes)

    def _runs_in(self, c0: int, classes: bytes) -> None:
        text = self.text
        size = len(text)
        count = classes.count
        for run in _RUN.finditer(classes):
            k, b = run.span()
            a = k
            while a > 0 and classes[a - 1] in _JOIN_OR_DIGIT:
                a -= 1
            digits = count(b"D", a, b)
            if digits < 7:
                continue
            a, b = a + c0, b + c0
            if digits >= 10:
                for m in _CHAIN.finditer(text, a, b):
                    self._chain(m.start(), m.group())
            hi = min(size, b + 2)
            self._phones(a, hi)
            if self.passports:
                for m in _PASSPORT.finditer(text, max(0, a - 3), hi):
                    if self.family(m.start(), m.end()) == "paspor":
                        self.add(_P_REGEX, m.start(), m.end(), "paspor")

    def _chain(self, base: int, s: str) -> None:
        text = self.text
        taken: list[tuple[int, int]] = []
        if "." in s and len(s) >= 19:
            # the official NPWP punctuation, wherever a line break fell (compare without whitespace)
            if any(ch.isspace() for ch in s):
                keep = [i for i, ch in enumerate(s) if not ch.isspace()]
                compact = "".join(s[i] for i in keep)
            else:
                keep, compact = range(len(s)), s
            for f in _NPWP_FMT.finditer(compact):
                digits = _NONDIGIT.sub("", f.group())
                if npwp_ok(digits) and self.family(base + keep[f.start()], base + keep[f.end() - 1] + 1) != _OTHER:
                    a, b = keep[f.start()], keep[f.end() - 1] + 1
                    self.add(_P_STRUCT, base + a, base + b, "npwp")
                    taken.append((a, b))
        # tokens: (start, end, digits) in s; None marks a barrier
        tokens: list[tuple[int, int, str] | None] = []
        taken_index = 0
        for t in _TOKEN.finditer(s):
            ts, te = t.start(), t.end()
            while taken_index < len(taken) and taken[taken_index][1] <= ts:
                taken_index += 1
            if taken_index < len(taken) and taken[taken_index][0] < te:
                tokens.append(None)  # part of an NPWP found above
                continue
            tok = t.group()
            barrier = False
            if not tok.isdigit():
                if (_AMOUNT.fullmatch(tok) or _CODE.fullmatch(tok) or _DATE_TOKEN.fullmatch(tok) or _TIME.fullmatch(tok)
                        or _ISBN.fullmatch(tok)):
                    barrier = True
            if not barrier and not tokens and _RP_BEFORE.search(text, max(0, base - 5), base):
                barrier = True
            if not barrier and te == len(s):
                after = text[base + te: base + te + 1]
                if after and (after.isalnum() or after == "/"):
                    barrier = True
            if barrier:
                tokens.append(None)
            else:
                tokens.append((ts, te, _NONDIGIT.sub("", tok)))
        n = len(tokens)
        candidates: list[tuple[int, int, int, int, str]] = []
        for i in range(n):
            if tokens[i] is None:
                continue
            digits = ""
            for j in range(i, min(n, i + _MAX_TOKENS)):
                tj = tokens[j]
                if tj is None:
                    break
                digits += tj[2]
                if len(digits) > 18:
                    break
                if len(digits) < 10:
                    continue
                found = self._classify(digits, base + tokens[i][0], base + tj[1], s[tokens[i][0]:tj[1]])
                if found:
                    candidates.append((found[0], i, j, base + tokens[i][0], base + tj[1], found[1]))
        if not candidates:
            return
        candidates.sort(key=lambda c: (c[0], c[1], -(c[2] - c[1])))
        used = [False] * n
        for prio, i, j, a, b, det in candidates:
            if not any(used[i:j + 1]):
                used[i:j + 1] = [True] * (j + 1 - i)
                self.add(prio, a, b, det)

    def _classify(self, d: str, a: int, b: int, raw: str) -> tuple[int, str] | None:
        length = len(d)
        if length == 18:
            return (_P_STRUCT, "nip") if nip_ok(d) else self._context_only(d, a, b, raw)
        if length == 16 and nik_ok(d):
            fam = self.family(a, b)
            if fam is None:  # nothing near: a farther identity word ("Kartu Keluarga ... nomor 3273...")
                fam = self._far_identity(a)
            if fam == _OTHER:
                return None
            if fam == "kk":
                return _P_STRUCT, "kk"
            if fam == "npwp":
                return _P_STRUCT, "npwp"
            if fam == "rekening":  # a bank name alone does not make a NIK-shaped number an account
                return (_P_CONTEXT, "rekening") if d not in self.rx.accounts else None
            if fam == "bpjs":
                return _P_CONTEXT, "bpjs"
            return _P_STRUCT, "nik"
        if length in (15, 16) and npwp_ok(d):
            fam = self.family(a, b)
            if fam == "npwp":
                return _P_STRUCT, "npwp"
        return self._context_only(d, a, b, raw)

    def _context_only(self, d: str, a: int, b: int, raw: str) -> tuple[int, str] | None:
        length = len(d)
        mobile = _MOBILE_DIGITS.fullmatch(d) is not None
        if length > 16:
            return None
        fam = self.family(a, b)
        if fam == "bpjs" and length == 13:
            return _P_CONTEXT, "bpjs"
        if fam == "rekening" or (fam == "rekening_bank" and not mobile):
            if d in self.rx.accounts:
                return None
            return _P_CONTEXT, "rekening"
        if mobile and "\n" in raw and _phone_key(d) not in self.rx.phones and fam != _OTHER \
                and len(_NONDIGIT.split(raw.lstrip("+("), 1)[0]) >= 4:
            return _P_WEAK, "telepon"  # a mobile number wrapped across lines (not a row number + a code)
        return None

    # -------------------------------------------------------- phones

    def _phones(self, lo: int, hi: int) -> None:
        text, allowed = self.text, self.rx.phones
        for rx in (_MOBILE, _LANDLINE):
            for m in rx.finditer(text, lo, hi):
                if _phone_key(m.group()) in allowed or self.family(m.start(), m.end()) == _OTHER:
                    continue
                self.add(_P_REGEX, m.start(), m.end(), "telepon")
        for m in _LANDLINE_PLAIN.finditer(text, lo, hi):
            if _phone_key(m.group()) in allowed:
                continue
            if self.family(m.start(), m.end()) == "telepon":
                self.add(_P_REGEX, m.start(), m.end(), "telepon")

    # -------------------------------------------------------- e-mail

    def _emails(self) -> None:
        text = self.text
        find = text.find
        at = find("@")
        while at >= 0:
            left = text[max(0, at - 64):at][::-1]
            local = _EMAIL_LOCAL_REV.match(left)
            dom = _EMAIL_DOMAIN.match(text, at + 1) if local else None
            if local and dom:
                start = at - local.end()
                domain = dom.group().lower()
                if not any(domain == d or domain.endswith("." + d) for d in self.rx.domains):
                    self.add(_P_CONTEXT, start, dom.end(), "email")
                at = find("@", dom.end())
            else:
                at = find("@", at + 1)

    # -------------------------------------------------------- birth dates

    def _birth_dates(self) -> None:
        text = self.text
        window = self.policy.birth_date_window
        scanned_until = -1
        for start, end in self._keywords(self.rx.birth_stems, self.rx.birth_not):
            ls, le, long = self._line_bounds(start)
            line = "" if long else text[ls:le].strip()
            if line.startswith("|"):
                self._birth_column(ls, le, start)
            elif le > scanned_until and not any(ch.isdigit() for ch in line) and (
                    len(line) <= 40 or _LAYOUT_GAP.search(line)):
                scanned_until = self._birth_table(le)  # a header cell of a PDF table
            d = _DATE.search(text, end, min(len(text), end + window))
            if d and _birth_date_ok(d):
                self.add(_P_WEAK, d.start(), d.end(), "tanggal_lahir")

    def _keywords(self, stems: tuple[str, ...], nots: tuple[str, ...], first_only: bool = False
                  ) -> list[tuple[int, int]]:
        """Whole-word occurrences of the stems (lower case), minus those inside a 'not' phrase.
        Searched with str.find on lower-cased chunks: far faster than a case-insensitive regex."""
        text = self.text
        size = len(text)
        found: list[tuple[int, int]] = []
        for c0 in range(0, size, _CHUNK):
            c1 = min(size, c0 + _CHUNK + _CHUNK_SLACK)
            chunk = text[c0:c1]
            low = chunk.lower()
            hits: list[tuple[int, int]] = []
            if len(low) != len(chunk):  # a letter whose lower case is longer: offsets would shift
                for stem in stems:
                    rx = r"(?<![^\W\d_])" + re.escape(stem) + r"(?![^\W\d_])"
                    hits += [(m.start(), m.end()) for m in re.finditer(rx, chunk, re.IGNORECASE)]
            else:
                for stem in stems:
                    n = len(stem)
                    i = low.find(stem)
                    while i >= 0:
                        before = low[i - 1] if i else (text[c0 - 1] if c0 else " ")
                        after = low[i + n] if i + n < len(low) else (text[c0 + i + n] if c0 + i + n < size else " ")
                        if not (before.isalpha() or after.isalpha()):
                            hits.append((i, i + n))
                        i = low.find(stem, i + n)
            for start, end in hits:
                if start >= _CHUNK:
                    continue  # in the slack: the next chunk reports it
                stem = low[start:end]
                if any(stem in p and _inside(text, c0 + start, c0 + end, p) for p in nots):
                    continue  # "hari lahir" is no birth date
                found.append((c0 + start, c0 + end))
                if first_only:
                    return found
        found.sort()
        return found

    def _birth_table(self, pos: int) -> int:
        """Dates below a PDF table header naming the birth date, each checked against its column header."""
        text = self.text
        end = pos
        for _ in range(400):  # to the first line of prose after the table
            nxt = text.find("\n", end + 1)
            if nxt < 0:
                end = len(text)
                break
            if nxt - end > 60 and not _LAYOUT_GAP.search(text, end + 1, nxt):
                break
            end = nxt
        for d in _DATE.finditer(text, pos, end):
            if not _birth_date_ok(d):
                continue
            ls, le, long = self._line_bounds(d.start())
            if long:
                continue
            if _LAYOUT_GAP.search(text, ls, le):
                fam = self._layout_family(ls, d.start(), d.end())
            else:
                fam = self._vertical_family(ls)
            if fam == "tanggal_lahir":
                self.add(_P_WEAK, d.start(), d.end(), "tanggal_lahir")
        return end

    def _birth_column(self, ls: int, le: int, pos: int) -> None:
        """A Markdown header cell naming the birth date: every date in that column below."""
        text = self.text
        nxt_end = text.find("\n", le + 1)
        nxt_end = len(text) if nxt_end < 0 else nxt_end
        if le >= len(text) or not _MD_SEPARATOR.fullmatch(text[le + 1:nxt_end].strip()):
            return
        col = _cell_index(text[ls:pos])
        cur = nxt_end + 1
        while cur < len(text):
            end = text.find("\n", cur)
            end = len(text) if end < 0 else end
            row = text[cur:end]
            if not row.strip().startswith("|"):
                break
            spans = _cell_spans(row)
            if 0 <= col < len(spans):
                a, b = spans[col]
                for d in _DATE.finditer(text, cur + a, cur + b):
                    if _birth_date_ok(d):
                        self.add(_P_WEAK, d.start(), d.end(), "tanggal_lahir")
            cur = end + 1


_ID_CELL = re.compile(r"[\d*xX .\-]+")
_ID_CHARS = re.compile(r"[\d*xX]")
_NUMERIC_LINE = re.compile(r"[\d .\-\u2010-\u2013]+\s*")


def _merge_broken_numbers(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Cells of a one-cell-per-line table, nearest first: a number a narrow cell broke over two lines
    (two digit-only lines that only together make 15, 16 or 18 digits) counts as one cell."""
    out: list[tuple[int, str]] = []
    i = 0
    whole = (15, 16, 18)
    while i < len(lines):
        start, s = lines[i]
        if i + 1 < len(lines) and _NUMERIC_LINE.fullmatch(s) and _NUMERIC_LINE.fullmatch(lines[i + 1][1]):
            upper_start, upper = lines[i + 1]
            n_lower = len(_NONDIGIT.sub("", s))
            n_upper = len(_NONDIGIT.sub("", upper))
            if n_lower + n_upper in whole and n_lower not in whole and n_upper not in whole:
                out.append((upper_start, upper + s))
                i += 2
                continue
        out.append((start, s))
        i += 1
    return out


def _inside(text: str, start: int, end: int, phrase: str) -> bool:
    """Whether text[start:end] lies inside an occurrence of `phrase` (lower case)."""
    lo = max(0, start - len(phrase))
    around = text[lo:end + len(phrase)].lower()
    i = around.find(phrase)
    while i >= 0:
        if lo + i <= start and lo + i + len(phrase) >= end:
            return True
        i = around.find(phrase, i + 1)
    return False


def _birth_date_ok(m: re.Match) -> bool:
    g = m.groupdict()
    try:
        if g["d1"]:
            day, month, year = int(g["d1"]), int(g["m1"]), int(g["y1"])
            if len(g["y1"]) == 2:
                year += 1900 if year > 30 else 2000
        elif g["d2"]:
            day, month, year = int(g["d2"]), _MONTH_NUMBER[g["m2"].lower()], int(g["y2"])
        else:
            day, month, year = int(g["d3"]), int(g["m3"]), int(g["y3"])
    except (KeyError, ValueError):
        return False
    return 1900 <= year <= 2035 and _date_ok(year, month, day)


def _cell_index(prefix: str) -> int:
    """Which cell of a Markdown row a position is in, from the row text before it."""
    count = 0
    escaped = False
    for ch in prefix:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "|":
            count += 1
    leading = 1 if prefix.lstrip().startswith("|") else 0
    return count - leading


def _cell_spans(row: str) -> list[tuple[int, int]]:
    spans = []
    bars = [i for i, ch in enumerate(row) if ch == "|" and (i == 0 or row[i - 1] != "\\")]
    if not bars:
        return [(0, len(row))]
    if row[: bars[0]].strip():
        bars.insert(0, -1)
    for a, b in zip(bars, bars[1:]):
        spans.append((a + 1, b))
    if row[bars[-1] + 1:].strip():
        spans.append((bars[-1] + 1, len(row)))
    return spans


def _cells(row: str) -> list[str]:
    return [row[a:b].strip() for a, b in _cell_spans(row)]

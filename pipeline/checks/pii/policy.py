"""The privacy policy: detector names and defaults, site_config/privacy.yml read and checked, its compiled form."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from ...yamlio import load_file
from ..findings import BLOCK, REVIEW, SEVERITIES
from .phones import phone_key
from .phrases import NOT, OTHER, PhraseMatcher, stems

POLICY_FILE = Path("site_config") / "privacy.yml"

DETECTORS = ("nik", "kk", "npwp", "telepon", "email", "paspor", "rekening", "tanggal_lahir", "nip", "bpjs",
             "telepon_kantor", "email_instansi")
# Contact data of public bodies is not personal data: these are shown for review and never block.
REVIEW_ONLY = ("telepon_kantor", "email_instansi")

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
    "telepon_kantor": "nomor telepon/faks kantor atau layanan badan publik (bukan data pribadi); pastikan nomor resmi",
    "email_instansi": "alamat surel badan publik (bukan data pribadi); pastikan alamat resmi",
}
# Hits that keep a detector's name but are only for review: the value is too uncertain to block.
VARIANTS = {
    "npwp?": ("npwp", REVIEW, "angka setelah kata NPWP, tetapi digit kontrolnya tidak cocok; periksa apakah ini NPWP"),
    "npwp+": ("npwp", REVIEW, "NPWP badan (PT, CV, koperasi, bendahara) yang wajib diumumkan, misalnya pemenang "
                              "pengadaan; pastikan bukan NPWP orang"),
    "rekening+": ("rekening", REVIEW, "rekening atas nama badan (instansi, perusahaan, lembaga) untuk pembayaran atau "
                                      "penyaluran dana; pastikan bukan rekening orang, lalu daftarkan di accounts_allowed"),
}

# Defaults: used for any key privacy.yml leaves out.
DEFAULT_SEVERITY = {name: BLOCK for name in DETECTORS} | {"nip": REVIEW} | {name: REVIEW for name in REVIEW_ONLY}
DEFAULT_CONTEXT: dict[str, tuple[str, ...]] = {
    "nik": ("NIK", "Nomor Induk Kependudukan", "No. KTP", "Nomor KTP", "KTP", "e-KTP", "KTP-el"),
    "kk": ("No. KK", "Nomor KK", "No KK", "KK", "Kartu Keluarga", "Nomor Kartu Keluarga"),
    "npwp": ("NPWP", "Nomor Pokok Wajib Pajak"),
    "telepon": ("Telp", "Telepon", "Telpon", "Tlp", "Tlpn", "Tel.", "WA", "WhatsApp", "Nomor kontak", "kontak",
                "hubungi"),
    # Labels saying a phone number is a person's own: it stays "telepon" (blokir) even when it is a landline.
    "telepon_pribadi": ("No. HP", "HP", "Handphone", "Ponsel", "pribadi", "Telepon rumah", "Telp. rumah",
                        "narahubung", "contact person", "CP", "pemohon", "pelapor"),
    # Labels saying a number belongs to an office or a public service: "telepon_kantor" (tinjau).
    "telepon_kantor": ("Faks", "Fax", "Faksimile", "Facsimile", "Kantor", "Helpdesk", "Help Desk", "Call Center",
                       "Contact Center", "Pusat Panggilan", "Hotline", "SMS Center", "Layanan", "Pengaduan",
                       "Sekretariat", "PPID", "Humas", "Hubungan Masyarakat", "Pusat Informasi", "Front Office",
                       "Resepsionis", "Operator", "Posko", "Unit Layanan", "Rumah Sakit", "RSUD", "Puskesmas"),
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
    "tanggal_lahir": ("hari lahir", "lahirnya", "lahir pancasila", "kelahiran pancasila"),
}
# Names of identifiers that are not personal data: a number right after one of them is left alone.
DEFAULT_OTHER = ("NIB", "Nomor Induk Berusaha", "ISBN", "ISSN", "NPSN", "kode billing", "virtual account",
                 "Kode RUP", "RUP", "kode tender", "ID paket", "NTPN", "ID pelanggan", "nomor meter",
                 "faktur pajak", "SP2D", "nomor tiket", "nomor peserta", "kode pos", "nomor kontrak", "NIDN",
                 "NUPTK", "NISN", "NRP", "transaksi", "ID transaksi", "kode transaksi", "QRIS", "booking",
                 "kode booking", "pemesanan", "pesanan", "order", "order ID", "invoice", "faktur", "nomor pelanggan",
                 "customer ID", "ID customer", "kode pembayaran", "nomor referensi", "No. Ref", "reference", "resi",
                 "nomor registrasi", "NOP", "nomor objek pajak", "user ID", "ID user", "nomor bayar", "kode bayar",
                 "nomor sequence", "sequence", "NTB", "NTP", "NTPD", "nomor seri", "SPPT",
                 # regional tax and retribution numbers, decree, letter and case numbers: shaped like phones or NIKs
                 "NPWRD", "NPWPD", "Nomor Pokok Wajib Retribusi", "Nomor Pokok Wajib Retribusi Daerah",
                 "Nomor Pokok Wajib Pajak Daerah", "NOP PBB", "VA", "Nomor VA", "No. VA", "kode VA",
                 "nomor SK", "No. SK", "nomor keputusan", "nomor surat", "No. Surat", "nomor register", "No. Register",
                 "No. Reg", "register perkara", "nomor perkara", "No. Perkara", "nomor pendaftaran",
                 "No. Pendaftaran", "nomor porsi", "nomor akta", "AHU")
# E-mail domains of public bodies (and their subdomains): an address there is "email_instansi".
DEFAULT_PUBLIC_DOMAINS = ("go.id", "ac.id", "sch.id", "mil.id", "desa.id", "polri.go.id")
# Mailbox names of offices and services: "ppid.kabx@gmail.com" is an office's address, not a person's.
DEFAULT_MAILBOX_WORDS = ("ppid", "humas", "info", "informasi", "admin", "sekretariat", "setda", "setwan",
                         "helpdesk", "pengaduan", "layanan", "kontak", "contact", "official", "redaksi", "dinas",
                         "kantor", "tatausaha", "sekolah", "puskesmas", "kecamatan", "kelurahan", "pemdes", "desa",
                         "kel", "kec", "upt", "uptd", "pkm", "rsud", "dprd", "bpbd", "bappeda", "bapenda", "bkpsdm",
                         "diskominfo", "kominfo", "dinkes", "disdik", "dindik", "diskop", "dinkop", "disnaker",
                         "disperindag", "diskoperindag", "dukcapil", "disdukcapil", "dpmptsp", "pemkab", "pemkot",
                         "pemprov", "sdn", "smpn", "sman", "smkn", "mtsn", "koperasi")
DEFAULT_WINDOW = 40
DEFAULT_IDENTITY_WINDOW = 100
DEFAULT_BIRTH_WINDOW = 60


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
    public_domains: tuple[str, ...] = DEFAULT_PUBLIC_DOMAINS
    mailbox_words: tuple[str, ...] = DEFAULT_MAILBOX_WORDS
    _rx: Compiled = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_rx", Compiled(self))

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
    public_domains, mailbox_words = DEFAULT_PUBLIC_DOMAINS, DEFAULT_MAILBOX_WORDS
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
                if name in REVIEW_ONLY and value != REVIEW:
                    raise fail(key_path, f"'{name}' selalu '{REVIEW}': data kontak badan publik bukan data pribadi")
                severity[name] = value
            elif key == "context" and name not in ("email", "email_instansi"):
                context[name] = str_list(value, key_path)
            elif key == "not_context":
                context_not[name] = str_list(value, key_path)
            elif key == "banks" and name == "rekening":
                context["bank"] = str_list(value, key_path)
            elif key == "personal_context" and name == "telepon":
                context["telepon_pribadi"] = str_list(value, key_path)
            elif key == "domains" and name == "email_instansi":
                public_domains = tuple(d.lower().lstrip("@.") for d in str_list(value, key_path))
            elif key == "mailbox_words" and name == "email_instansi":
                mailbox_words = tuple(w.lower() for w in str_list(value, key_path))
            else:
                raise fail(key_path, f"kunci '{key}' tidak dikenal di 'detectors.{name}'")
    domains = tuple(d.lower().lstrip("@.")
                    for d in str_list(data.get("email_domains_allowed"), ("email_domains_allowed",)))
    phones = str_list(data.get("phones_allowed"), ("phones_allowed",))
    for index, phone in enumerate(phones):
        if len(phone_key(phone)) < 5:
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
        public_domains=public_domains,
        mailbox_words=mailbox_words,
    )


class Compiled:
    """The policy's regexes and lookup sets, built once per policy."""

    def __init__(self, policy: PrivacyPolicy) -> None:
        entries = [(phrase, family) for family, phrases in policy.context.items() for phrase in phrases]
        entries += [(phrase, NOT) for phrases in policy.context_not.values() for phrase in phrases]
        entries += [(phrase, OTHER) for phrase in policy.other_identifiers]
        self.context = PhraseMatcher(entries)
        # keyword-first searches look for the last word of each phrase, in lower case
        self.birth_stems = stems(policy.context.get("tanggal_lahir", ()))
        self.birth_not = tuple(p.lower() for p in policy.context_not.get("tanggal_lahir", ()))
        self.passport_stems = stems(policy.context.get("paspor", ()))
        self.phones = frozenset(phone_key(p) for p in policy.phones_allowed)
        self.accounts = frozenset(re.sub(r"\D", "", a) for a in policy.accounts_allowed)
        self.domains = tuple(d.lower() for d in policy.email_domains_allowed)
        self.public_domains = tuple(d.lower() for d in policy.public_domains)
        words = [w.lower() for w in policy.mailbox_words]
        # a mailbox word of 5+ letters also counts at the start of a word: "diskopkabpas" is "diskop..."
        self.mailboxes = (frozenset(words), tuple(w for w in words if len(w) >= 5))


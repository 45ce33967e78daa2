"""site_config/sop.yml: the SOP's deadlines and the addressee of the quarterly plan, read through its schema."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import config_path, load_config


@dataclass(frozen=True)
class SopSettings:
    lurah_name: str
    lurah_title: str
    lurah_address: str
    review_days: int
    receipt_days: int
    minutes_days: int
    plan_days_before: int
    stale_months: int


DEFAULTS = SopSettings("Lurah", "Lurah", "", 7, 3, 7, 0, 12)


def load_settings(root: Path) -> SopSettings:
    """The SOP settings; the defaults above when the site has no site_config/sop.yml."""
    if not (root / config_path("sop")).exists():
        return DEFAULTS
    data = load_config(root, "sop").data
    lurah, days = data["penerima_rencana"], data["batas_hari"]
    return SopSettings(
        lurah_name=lurah["nama"], lurah_title=lurah["jabatan"], lurah_address=lurah.get("alamat", ""),
        review_days=days["tinjauan"], receipt_days=days["tanda_terima"], minutes_days=days["laporan_notulen"],
        plan_days_before=days.get("rencana_sebelum", 0),
        stale_months=(data.get("monev") or {}).get("basi_bulan", 12),
    )

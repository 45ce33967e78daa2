"""Deploy targets, one module each, behind the small interface in `base.py`."""

from __future__ import annotations

from ...site import Site
from ..config import TargetConfig
from .base import Target


def open_target(site: Site, config: TargetConfig) -> Target:
    if config.type == "local":
        from .local import LocalTarget
        return LocalTarget(config, site.work_dir)
    from .rsync import RsyncTarget
    return RsyncTarget(config, site.work_dir / "publish" / config.name)

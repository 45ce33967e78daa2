"""The exception hierarchy; the CLI turns each into one message and an exit code."""

from __future__ import annotations


class PpidError(Exception):
    """A user-facing problem: the message is shown as is, in Bahasa Indonesia."""

    exit_code = 2


class SiteNotFound(PpidError):
    """No site root above the working directory."""


class ConfigError(PpidError):
    """A file in site_config/ or mkdocs.yml is unusable."""


class YamlError(PpidError):
    """A YAML document we trust cannot be read safely."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class CheckFailed(PpidError):
    """`ppid check` (or a gate relying on it) found problems."""

    exit_code = 1


class BuildError(PpidError):
    """The site builder failed."""


class UnsafeTree(PpidError):
    """The site tree holds something that must never be there (a private key)."""

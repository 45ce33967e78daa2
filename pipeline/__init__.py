"""ppid-site: a static PPID website with a signed review pipeline."""

__version__ = "0.1.0"

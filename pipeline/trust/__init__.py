"""The trust core: signed records, the record log, the registry and its root, the rules, and one function per
lifecycle operation. The CLI and the desk are thin faces of this package (docs/dev/trust.md)."""

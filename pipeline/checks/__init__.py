"""The checks `ppid check` runs on every page: one module each, the same small interface."""

"""Benchmarks of ppid-site; run them with `python bench/run.py` (or `make bench`)."""

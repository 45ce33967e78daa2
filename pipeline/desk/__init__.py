"""`ppid meja`: the local web desk where operators, the Sub Koordinator and the Koordinator do their SOP work.

Thin by design: every action calls the same operation function as the CLI (pipeline/trust/operations.py and
pipeline/release/) and shows the library's refusals as messages; no SOP rule is checked here."""

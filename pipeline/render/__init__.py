"""Rendering a page as the build does, and the facts the checks read from the resulting HTML."""

"""Helpers shared by the tests: a guarded Chromium and a loopback web server."""

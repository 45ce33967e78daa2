"""Publishing: release folders on a target, the atomic switch, what is served, and the public log."""

"""Releases: the hash of every input that goes online, its two signatures (Sub Koordinator checked it offline,
Koordinator approved it), and the gate every path to the public passes."""

"""Hits gathered during a scan: their priorities, and the choice of the ones that do not overlap."""

from __future__ import annotations

import bisect

# priorities when hits overlap: lower wins
P_STRUCT, P_CONTEXT, P_REGEX, P_WEAK = 0, 1, 2, 3

Hit = tuple[int, int, int, str]   # (priority, start, end, detector)
# A landline no label says is an office's or a person's: a person's when its line holds a person's identifiers.
LANDLINE = "telepon?"


def choose(hits: list[Hit]) -> list[Hit]:
    """The winning hits, sorted by start, never overlapping: by priority, then earlier, then longer."""
    chosen: list[Hit] = []
    starts: list[int] = []
    for hit in sorted(hits, key=lambda h: (h[0], h[1], -(h[2] - h[1]))):
        _, start, end, _ = hit
        k = bisect.bisect_left(starts, start)
        if k > 0 and chosen[k - 1][2] > start:
            continue  # overlaps the hit before it
        if k < len(chosen) and chosen[k][1] < end:
            continue  # overlaps the hit after it
        starts.insert(k, start)
        chosen.insert(k, hit)
    return chosen

"""Sheet numbers printed on paper: the runs a démarche's settings remember, and their union."""

from __future__ import annotations

from collections.abc import Iterable

#: The key of the démarche's settings: [[first, last], …].
PRINTED_KEY = "printed_sheets"

Run = tuple[int, int]


def printed_ranges(settings: object) -> list[Run]:
    """The runs the settings hold, in order (none when absent or malformed)."""
    found = settings.get(PRINTED_KEY) if isinstance(settings, dict) else None
    if not isinstance(found, list):
        return []
    runs = []
    for pair in found:
        if (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in pair)
            and 1 <= pair[0] <= pair[1]
        ):
            runs.append((pair[0], pair[1]))
    return sorted(set(runs))


def with_printed(settings: dict[str, object], runs: Iterable[Run]) -> dict[str, object]:
    """The settings with these runs (the key left out while there are none)."""
    listed = [[first, last] for first, last in sorted(set(runs))]
    if not listed:
        return {key: value for key, value in settings.items() if key != PRINTED_KEY}
    return {**settings, PRINTED_KEY: listed}


def printed_union(*settings: object) -> list[Run]:
    """Every run either version printed: a number once printed is never issued again."""
    return sorted({run for one in settings for run in printed_ranges(one)})

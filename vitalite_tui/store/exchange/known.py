"""Tables found just as a bundle holds them, remembered while several bundles are read."""

from __future__ import annotations

from collections.abc import Iterable


class KnownTables:
    """Per démarche and table, the checksum of a bundle's member found equal to this
    base's rows (by démarche: two démarches' empty tables have the same checksum).

    Bundles read together (a folder of four laptops' bundles) mostly carry the same tables
    (the hub's, read by each): the next bundle whose member has the same checksum holds the
    same rows, so its table is unchanged without reading the base's rows again. Valid for
    one batch of reads with nothing else writing in between (the CLI's `bundle read`, the
    Échanges screen's reading); a merge forgets each table it writes to, and everything
    when it fails (its transaction undone, what it found may no longer hold).
    """

    def __init__(self) -> None:
        self._checksums: dict[tuple[str, str], str] = {}

    def same(self, demarche: str, table: str, checksum: str | None) -> bool:
        return checksum is not None and self._checksums.get((demarche, table)) == checksum

    def remember(self, demarche: str, table: str, checksum: str | None) -> None:
        if checksum is not None:
            self._checksums[demarche, table] = checksum

    def forget(self, tables: Iterable[str]) -> None:
        """These tables no longer known, in every démarche (cheap, and always safe)."""
        gone = set(tables)
        for found in [found for found in self._checksums if found[1] in gone]:
            del self._checksums[found]

    def clear(self) -> None:
        self._checksums.clear()

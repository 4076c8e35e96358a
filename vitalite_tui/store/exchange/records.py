"""What the exchange of bundles returns: this laptop, and the report of a merge."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class LaptopRecord:
    id: str
    name: str


@dataclass(frozen=True)
class WrittenBundle:
    path: Path
    demarche_name: str
    laptop_name: str
    #: In bytes.
    size: int


@dataclass(frozen=True)
class FoundBundle:
    """A bundle in an exchange folder, as its manifest describes it."""

    path: Path
    demarche_name: str
    laptop_name: str
    #: ISO 8601, UTC ("" when the file is not a readable bundle).
    written_at: str
    #: Written by this laptop (reading it back changes nothing).
    from_here: bool
    readable: bool


@dataclass
class TableCount:
    """What a merge did to one table."""

    table: str
    label: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class Conflict:
    """A row changed on both sides with different texts: both versions are in the base."""

    table: str
    label: str
    row_id: str
    #: The texts of the version the row now has, and of the one kept beside it.
    kept: str
    other: str


@dataclass(frozen=True)
class Renumbered:
    """A person whose code was given to someone else on another laptop: a new code."""

    participant_id: str
    name: str
    old: str
    new: str


@dataclass(frozen=True)
class Duplicate:
    """Two people registered with the same name and commune: probably one person twice."""

    keep_id: str
    other_id: str
    name: str
    commune: str
    codes: tuple[str, str]


@dataclass(frozen=True)
class TallyKept:
    """One wall count typed on two laptops: the later count stays, the other is removed."""

    action: str
    #: The collège's label, or « sans collège ».
    college: str
    kept: int
    other: int


@dataclass(frozen=True)
class SheetTypedTwice:
    """One paper sheet typed on two laptops: the second typing is its blind second entry."""

    sheet_number: int
    #: Both typings agree: the sheet is verified. Otherwise it waits in the verification.
    identical: bool


@dataclass
class MergeReport:
    """What reading one bundle changed in the base."""

    source: str
    demarche_id: str
    demarche_name: str
    laptop_name: str
    #: The base lacked this démarche: the bundle brought it.
    created: bool = False
    tables: list[TableCount] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    renumbered: list[Renumbered] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    tallies: list[TallyKept] = field(default_factory=list)
    sheets: list[SheetTypedTwice] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(t.added for t in self.tables)

    @property
    def updated(self) -> int:
        return sum(t.updated for t in self.tables)

    @property
    def unchanged(self) -> int:
        return sum(t.unchanged for t in self.tables)

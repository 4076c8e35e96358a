"""Plain records of the purge and the retention date: what will go, what went, until when."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from vitalite_tui.domain.text import plural


@dataclass(frozen=True)
class PurgePlan:
    """What a purge of the démarche would remove, for the confirmation that names it."""

    demarche_id: str
    territory: str
    participants: int
    committee: int
    signatories: int
    #: Signatories who agreed to a public signature: their names stay on the charter.
    signatories_named: int
    #: Participants whose commune goes, their collège holding too few people of it.
    communes_hidden: int
    #: Why the purge cannot run now (a French sentence), or "".
    refused: str = ""

    @property
    def what(self) -> str:
        """One French sentence naming what will go and what stays."""
        unnamed = self.signatories - self.signatories_named
        return (
            f"Seront effacés : les noms, coordonnées et structures de "
            f"{plural(self.participants, 'participant')}, les noms, rôles et structures de "
            f"{plural(self.committee, 'membre')} du comité de pilotage, les personnes "
            f"chargées de la logistique, les animateurs des sous-groupes, le nom de "
            f"{plural(unnamed, 'signataire')} sans accord de signature publique, et la "
            f"commune de {plural(self.communes_hidden, 'participant')} trop peu nombreux "
            "dans leur collège ; les codes, collèges, notes, réponses, votes, actions et la "
            "charte restent."
        )


@dataclass(frozen=True)
class PurgeDone:
    """What a purge did, and where copies of the data may remain."""

    summary: str
    backups_removed: list[Path] = field(default_factory=list)
    #: Copies this program cannot reach or did not make on its own (French lines).
    copies_left: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PurgeEntry:
    """One purge as the Registre RGPD lists it."""

    done_at: datetime
    summary: str


@dataclass(frozen=True)
class Retention:
    """Until when the démarche's personal data is kept, and whether that day has passed."""

    until: date
    #: True when the date was chosen; False when it is the default (end + a period).
    chosen: bool
    passed: bool
    purged: bool

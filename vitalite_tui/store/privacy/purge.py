"""The purge of a finished démarche: names, contacts and structures erased, results kept.

Erased for good: the rows are rewritten with `secure_delete` on (freed bytes are zeroed),
then `VACUUM` rebuilds the file and the WAL is checkpointed and truncated, so no old page
holding a name stays in the base. Automatic copies that hold the démarche are deleted (a
fresh one, purged, replaces them); copies made at will and files given away are named.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from vitalite_tui.db.models import (
    Charter,
    CommitteeMember,
    Demarche,
    KeptVersion,
    LogisticsItem,
    Participant,
    PurgeRecord,
    Signatory,
    StepRecord,
    SubGroup,
    Workshop,
    db,
)
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.participants import participant_code
from vitalite_tui.domain.privacy import public_signatory, shown_groups
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.domain.text import plural
from vitalite_tui.errors import DatabaseError, InvalidInput
from vitalite_tui.paths import exchanges_dir, exports_dir
from vitalite_tui.store.backups import AUTOMATIC, BEFORE_RESTORE, Backups
from vitalite_tui.store.base import as_uuid, demarche_row, fk_id, key, writing
from vitalite_tui.store.privacy.records import PurgeDone, PurgePlan

#: The tables whose rows name a person: their kept versions go with the names.
PERSON_TABLES = ("participant", "committee_member", "logistics_item", "sub_group", "signatory")
#: The step whose end makes a démarche finished (the charter, restitution).
LAST_STEP = 7


class Purges:
    """Plan, run and list the purges of the démarches of one base."""

    def __init__(self, base: Path, backups: Backups, shared: Callable[[], bool]) -> None:
        self.base = base
        self.backups = backups
        self._shared = shared

    def plan(self, demarche_id: str) -> PurgePlan:
        """What the purge would erase, or why it cannot run now."""
        demarche = demarche_row(demarche_id)
        people = list(Participant.select().where(Participant.demarche == demarche))
        live = [p for p in people if p.deleted_at is None]
        shown = shown_groups((p.college, p.commune) for p in live)
        signatories = _signatories(demarche)
        by_id = {key(p): p for p in people}
        return PurgePlan(
            demarche_id=key(demarche),
            territory=demarche.territory,
            participants=len(people),
            committee=CommitteeMember.select().where(CommitteeMember.demarche == demarche).count(),
            signatories=len(signatories),
            signatories_named=sum(1 for s in signatories if _public(s, by_id)),
            communes_hidden=sum(
                1 for p in live if p.commune and (p.college, p.commune) not in shown
            ),
            refused=self._refusal(demarche),
        )

    def _refusal(self, demarche: Demarche) -> str:
        if self._shared():
            return (
                "vitalite est ouvert sur cette base dans une autre fenêtre : fermez-la, puis "
                "relancez la purge ; rien n'a été changé."
            )
        if demarche.archived_at is not None:
            return ""
        last = StepRecord.get_or_none(
            (StepRecord.demarche == demarche) & (StepRecord.number == LAST_STEP)
        )
        if last is None or last.status != StepStatus.DONE.value:
            return (
                f"La démarche « {demarche.territory} » n'est pas terminée : marquez l'étape "
                f"{LAST_STEP} terminée (ou archivez la démarche), puis purgez ; rien n'a été "
                "changé."
            )
        return ""

    def purge(self, demarche_id: str) -> PurgeDone:
        """Erase the démarche's personal data for good; the anonymous results stay.

        Refused in French, nothing changed, when the démarche is not finished, when another
        window has the base open, or when the base is locked by another program.
        """
        plan = self.plan(demarche_id)
        if plan.refused:
            raise InvalidInput(plan.refused)
        secure = _pragma("secure_delete")
        _pragma("secure_delete", 1)
        try:
            with writing():
                demarche = demarche_row(demarche_id)
                _erase(demarche)
                summary = (
                    f"Purge de « {demarche.territory} » : "
                    f"{plural(plan.participants, 'participant')}, "
                    f"{plural(plan.committee, 'membre')} du comité, "
                    f"{plural(plan.signatories - plan.signatories_named, 'signataire')} "
                    "anonymisés ; résultats anonymes gardés."
                )
                record = PurgeRecord.create(demarche_id=as_uuid(demarche_id), summary=summary)
            _compact(self.base)
        finally:
            _pragma("secure_delete", secure)
        removed = self._remove_copies(demarche_id)
        if removed:
            summary += f" Sauvegardes automatiques supprimées : {len(removed)}."
            with writing():
                PurgeRecord.update(summary=summary).where(PurgeRecord.id == record.id).execute()
            _compact(self.base)
        return PurgeDone(summary, removed, self._copies_left())

    def _remove_copies(self, demarche_id: str) -> list[Path]:
        """Delete the automatic copies (and those made before a migration or a restore)
        that hold the démarche; one purged automatic copy takes their place."""
        folder = self.backups.folder
        automatic = [
            copy.path for copy in self.backups.found() if copy.kind in (AUTOMATIC, BEFORE_RESTORE)
        ]
        # Copies made before a migration (`db/connection.backup_file`): automatic too.
        automatic += sorted(folder.glob(f"{self.base.stem}-schema*.sqlite"))
        hex_id = as_uuid(demarche_id).hex
        removed = [path for path in automatic if _holds(path, hex_id)]
        for path in removed:
            path.unlink(missing_ok=True)
        if removed:
            self.backups.make(kind=AUTOMATIC)
        return removed

    def _copies_left(self) -> list[str]:
        at_will = [copy.path for copy in self.backups.found() if not copy.kind]
        lines = [
            f"Sauvegarde faite à la demande, à effacer ou à garder sous clé : {path}"
            for path in at_will
        ]
        lines += [
            f"Classeurs et chartes déjà exportés (dossier {exports_dir()} ou celui choisi "
            "à l'export), pièces jointes de courriels, clés USB.",
            f"Paquets d'échange (.vitalite) du dossier {exchanges_dir(self.base.absolute())} "
            "et des autres ordinateurs : purgez aussi la démarche sur chacun d'eux.",
        ]
        return lines


def _erase(demarche: Demarche) -> None:
    """Rewrite every row of the démarche that names a person (removed rows too)."""
    people = list(Participant.select().where(Participant.demarche == demarche))
    by_id = {key(p): p for p in people}
    # Signatures first: they need the names and consents the participants still hold.
    signers: set[str | None] = set()
    for signatory in _signatories(demarche):
        if _public(signatory, by_id):
            signers.add(fk_id(signatory, "participant"))
        else:
            _anonymise_signatory(signatory, by_id)
    live = [p for p in people if p.deleted_at is None]
    shown = shown_groups((p.college, p.commune) for p in live)
    for person in people:
        # Who signed the charter in public keeps the name they signed with.
        if key(person) not in signers:
            person.display_name = participant_code(person.number)
        person.organisation = ""
        person.contact = ""
        person.consent_contact = False
        if person.deleted_at is not None or (person.college, person.commune) not in shown:
            person.commune = ""
        person.save()
    members = CommitteeMember.select().where(CommitteeMember.demarche == demarche)
    for number, member in enumerate(members.order_by(CommitteeMember.position), start=1):
        member.name = f"Membre {number}"
        member.role = ""
        member.organisation = ""
        member.save()
    for item in LogisticsItem.select().where(
        (LogisticsItem.demarche == demarche) & (LogisticsItem.person != "")
    ):
        item.person = ""
        item.save()
    workshops = Workshop.select(Workshop.id).where(Workshop.demarche == demarche)
    for subgroup in SubGroup.select().where(
        SubGroup.workshop.in_(workshops) & (SubGroup.animateur != "")
    ):
        subgroup.animateur = ""
        subgroup.save()
    KeptVersion.delete().where(
        (KeptVersion.demarche == demarche) & KeptVersion.table_name.in_(PERSON_TABLES)
    ).execute()


def _signatories(demarche: Demarche) -> list[Signatory]:
    charters = Charter.select(Charter.id).where(Charter.demarche == demarche)
    return list(Signatory.select().where(Signatory.charter.in_(charters)))


def _public(signatory: Signatory, people: dict[str, Participant]) -> bool:
    """A signature that stays as it is: a participant who agreed to be named, or, outside
    the registry, a structure alone, or a name typed alone (taken for the structure that
    signs: there is no consent to ask for); a name beside a structure goes."""
    person_id = fk_id(signatory, "participant")
    if person_id is None:
        return not (signatory.name and signatory.organisation)
    person = people.get(person_id)
    return person is not None and person.consent_named and person.deleted_at is None


def _anonymise_signatory(signatory: Signatory, people: dict[str, Participant]) -> None:
    person_id = fk_id(signatory, "participant")
    person = people.get(person_id) if person_id else None
    if person is None:
        name, organisation = public_signatory(
            signatory.name, signatory.organisation, "", named=False, for_structure=True
        )
    else:
        name, organisation = public_signatory(
            person.display_name,
            signatory.organisation or person.organisation,
            person.commune,
            named=False,
            for_structure=person.college == College.ACTEUR.value,
        )
    signatory.name = name
    signatory.organisation = organisation
    signatory.save()


def _pragma(name: str, value: int | None = None) -> int:
    if value is not None:
        db.execute_sql(f"PRAGMA {name} = {value:d}")
        return value
    return int(db.execute_sql(f"PRAGMA {name}").fetchone()[0])


def _compact(base: Path) -> None:
    """Rebuild the file without its free pages, then empty the WAL into it and truncate it."""
    try:
        db.execute_sql("VACUUM")
        busy = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except DatabaseError:
        busy = 1
    if busy:
        raise DatabaseError(
            f"Les données personnelles sont effacées de la base {base}, mais le fichier n'a "
            "pas pu être réécrit (un autre programme le lit) : des traces peuvent y rester. "
            "Fermez les autres fenêtres de vitalite et relancez la purge."
        )


def _holds(path: Path, hex_id: str) -> bool:
    """Whether the copy at `path` holds the démarche (read-only; unreadable counts as no)."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT 1 FROM demarche WHERE id = ?", (hex_id,)).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return row is not None

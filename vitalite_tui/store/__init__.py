"""The store: the only API that screens and commands call. Returns records, never widgets.

`Store` wires the parts: each is made once, the first time it is used (the home screen
needs only the list of démarches, and start-up time is a product feature on old laptops),
and receives the parts it calls; no part builds another.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from vitalite_tui.db.connection import close_database, open_database
from vitalite_tui.db.lock import InstanceLock
from vitalite_tui.db.models import db

if TYPE_CHECKING:
    from vitalite_tui.store.backups import Backups
    from vitalite_tui.store.bulk import BulkImport
    from vitalite_tui.store.charter.action_sheets import ActionSheets
    from vitalite_tui.store.charter.charters import Charters
    from vitalite_tui.store.charter.lineage import Lineage
    from vitalite_tui.store.exchange.bundles import Exchange
    from vitalite_tui.store.felt.barometer import FeltBarometer
    from vitalite_tui.store.felt.debrief import Axes
    from vitalite_tui.store.felt.images import Images
    from vitalite_tui.store.preparation.demarches import Demarches
    from vitalite_tui.store.preparation.participants import Participants
    from vitalite_tui.store.preparation.step2 import Committee, Logistics, Planning
    from vitalite_tui.store.preparation.steps import Steps
    from vitalite_tui.store.privacy.purge import Purges
    from vitalite_tui.store.privacy.retention import Retentions
    from vitalite_tui.store.prospective.intentions import Intentions
    from vitalite_tui.store.prospective.scenario import Scenarios
    from vitalite_tui.store.prospective.trends import Trends
    from vitalite_tui.store.questionnaire.barometer import Barometer
    from vitalite_tui.store.questionnaire.definitions import Questionnaires
    from vitalite_tui.store.questionnaire.printed import PrintedNumbers
    from vitalite_tui.store.questionnaire.responses import Responses
    from vitalite_tui.store.reports.exports import Exports
    from vitalite_tui.store.reports.restitution import Restitution
    from vitalite_tui.store.vote.votes import Votes
    from vitalite_tui.store.workshops.capture import Capture
    from vitalite_tui.store.workshops.subgroups import SubGroups
    from vitalite_tui.store.workshops.workshop import Workshops


class Store:
    """One open database and the parts of the API over it."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        #: The copy made before a migration ran at open, if one did.
        self.backup = open_database(path, create=create)
        self._lock = InstanceLock(path)
        #: Another copy of the program has this database open too.
        self.shared = not self._lock.acquire()

    @cached_property
    def demarches(self) -> Demarches:
        from vitalite_tui.store.preparation.demarches import Demarches

        return Demarches()

    @cached_property
    def steps(self) -> Steps:
        from vitalite_tui.store.preparation.steps import Steps

        return Steps()

    @cached_property
    def participants(self) -> Participants:
        from vitalite_tui.store.preparation.participants import Participants

        return Participants()

    @cached_property
    def committee(self) -> Committee:
        from vitalite_tui.store.preparation.step2 import Committee

        return Committee(self.steps)

    @cached_property
    def logistics(self) -> Logistics:
        from vitalite_tui.store.preparation.step2 import Logistics

        return Logistics(self.steps)

    @cached_property
    def planning(self) -> Planning:
        from vitalite_tui.store.preparation.step2 import Planning

        return Planning(self.steps)

    @cached_property
    def questionnaires(self) -> Questionnaires:
        from vitalite_tui.store.questionnaire.definitions import Questionnaires

        return Questionnaires(self.steps)

    @cached_property
    def workshops(self) -> Workshops:
        from vitalite_tui.store.workshops.workshop import Workshops

        return Workshops(self.steps, self.participants)

    @cached_property
    def subgroups(self) -> SubGroups:
        from vitalite_tui.store.workshops.subgroups import SubGroups

        return SubGroups()

    @cached_property
    def capture(self) -> Capture:
        from vitalite_tui.store.workshops.capture import Capture

        return Capture()

    @cached_property
    def exports(self) -> Exports:
        from vitalite_tui.store.reports.exports import Exports

        return Exports(self.responses)

    @contextmanager
    def thread_connection(self) -> Iterator[None]:
        """A connection of its own for a thread worker, closed when the work ends.

        Only for threads: on the main thread it would close the app's own connection.
        """
        with db.connection_context():
            yield

    @cached_property
    def responses(self) -> Responses:
        from vitalite_tui.store.questionnaire.responses import Responses

        return Responses(self.steps)

    @cached_property
    def printed_numbers(self) -> PrintedNumbers:
        from vitalite_tui.store.questionnaire.printed import PrintedNumbers

        return PrintedNumbers()

    @cached_property
    def barometer(self) -> Barometer:
        from vitalite_tui.store.questionnaire.barometer import Barometer

        return Barometer(self.responses)

    @cached_property
    def felt(self) -> FeltBarometer:
        from vitalite_tui.store.felt.barometer import FeltBarometer

        return FeltBarometer(self.barometer, self.steps)

    @cached_property
    def images(self) -> Images:
        from vitalite_tui.store.felt.images import Images

        return Images(self.steps, self.capture)

    @cached_property
    def axes(self) -> Axes:
        from vitalite_tui.store.felt.debrief import Axes

        return Axes(self.capture)

    @cached_property
    def trends(self) -> Trends:
        from vitalite_tui.store.prospective.trends import Trends

        return Trends()

    @cached_property
    def intentions(self) -> Intentions:
        from vitalite_tui.store.prospective.intentions import Intentions

        return Intentions()

    @cached_property
    def scenario(self) -> Scenarios:
        from vitalite_tui.store.prospective.scenario import Scenarios

        return Scenarios(self.intentions)

    @cached_property
    def votes(self) -> Votes:
        from vitalite_tui.store.vote.votes import Votes

        return Votes(self.steps)

    @cached_property
    def action_sheets(self) -> ActionSheets:
        from vitalite_tui.store.charter.action_sheets import ActionSheets

        return ActionSheets(self.steps)

    @cached_property
    def charter(self) -> Charters:
        from vitalite_tui.store.charter.charters import Charters

        return Charters(self.steps)

    @cached_property
    def lineage(self) -> Lineage:
        from vitalite_tui.store.charter.lineage import Lineage

        return Lineage()

    @cached_property
    def restitution(self) -> Restitution:
        from vitalite_tui.store.reports.restitution import Restitution

        return Restitution(self)

    def set_lock_wait(self, seconds: float) -> None:
        """How long a write waits for another program's write lock before `BaseBusy`.

        Commands wait long (nobody is typing); the TUI waits briefly, then says so and
        tries again without freezing the screen (`VitaliteApp.write_patiently`).
        """
        db.execute_sql(f"PRAGMA busy_timeout = {round(seconds * 1000):d}")

    def close(self) -> None:
        self._lock.release()
        close_database()

    @cached_property
    def backups(self) -> Backups:
        from vitalite_tui.store.backups import Backups

        return Backups(self.path, self.demarches, lambda: self.shared)

    @cached_property
    def purges(self) -> Purges:
        from vitalite_tui.store.privacy.purge import Purges

        return Purges(self.path, self.backups, lambda: self.shared)

    @cached_property
    def retention(self) -> Retentions:
        from vitalite_tui.store.privacy.retention import Retentions

        return Retentions()

    @cached_property
    def exchange(self) -> Exchange:
        from vitalite_tui.store.exchange.bundles import Exchange

        return Exchange()

    @cached_property
    def bulk(self) -> BulkImport:
        from vitalite_tui.store.bulk import BulkImport

        return BulkImport()


def open_store(path: Path, *, create: bool = True) -> Store:
    """Open (creating unless `create` is False, or migrating) the database at `path`.

    Raises `DatabaseError` in French when it cannot be used, missing, empty or damaged.
    """
    return Store(path, create=create)

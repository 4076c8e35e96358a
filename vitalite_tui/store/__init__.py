"""The store: the only API that screens and commands call. Returns records, never widgets."""

from __future__ import annotations

from pathlib import Path

from vitalite_tui.db.connection import close_database, open_database
from vitalite_tui.db.lock import InstanceLock
from vitalite_tui.store.demarches import Demarches
from vitalite_tui.store.demo import DemoSize, create_demo
from vitalite_tui.store.participants import Participants
from vitalite_tui.store.preparation import Committee, Logistics, Planning, Steps
from vitalite_tui.store.questionnaires import Questionnaires
from vitalite_tui.store.records import DemoResult


class Store:
    """One open database and the parts of the API over it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        #: The copy made before a migration ran at open, if one did.
        self.backup = open_database(path)
        self._lock = InstanceLock(path)
        #: Another copy of the program has this database open too.
        self.shared = not self._lock.acquire()
        self.demarches = Demarches()
        self.steps = Steps()
        self.participants = Participants()
        self.committee = Committee()
        self.logistics = Logistics()
        self.planning = Planning()
        self.questionnaires = Questionnaires()

    def create_demo(self, size: DemoSize = "small") -> DemoResult:
        """The demo démarche (created once per size; a second call returns it)."""
        return create_demo(self, size)

    def close(self) -> None:
        self._lock.release()
        close_database()


def open_store(path: Path) -> Store:
    """Open (creating or migrating) the database at `path`; `DatabaseError` in French if not."""
    return Store(path)

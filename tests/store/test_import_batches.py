"""A long import commits whole sheets in short batches: another writer gets in meanwhile,
and an import cut short keeps whole sheets and, run again, adds only the missing ones."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from peewee import fn

from vitalite_tui.db.models import Answer, Response, db
from vitalite_tui.errors import InvalidInput, StorageFailure
from vitalite_tui.store import Store
from vitalite_tui.store.batches import Pace
from vitalite_tui.store.questionnaire.records import SheetDraft
from vitalite_tui.store.questionnaire.responses import IMPORT_UNIT

CODES = [f"I{n}_{pole}{i}" for n in (1, 2, 3, 4) for pole in "VD" for i in (1, 2, 3)]

#: A commit after each unit of sheets, then the lock left free as usual: a file of a hundred
#: sheets spans several transactions however fast this machine writes them (a time-based
#: pace would let a fast machine write them all in one).
QUICK = Pace(seconds=0.0)


def answers_file(path: Path, count: int, *, numbered: bool = True) -> Path:
    """Our entry template as a spreadsheet would save it: `count` sheets, numbered or not
    (then the import numbers them, and knows them again by their content)."""
    rng = random.Random(count)
    lines = [";".join(["fiche", "commune", *CODES])]
    lines += [
        ";".join(
            [str(number) if numbered else "", "Lagrasse"] + [str(rng.randint(1, 4)) for _ in CODES]
        )
        for number in range(1, count + 1)
    ]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


@dataclass
class OtherWriter:
    """Another program's connection that writes once the import has begun writing."""

    path: Path
    timeout: float
    started: threading.Event = field(default_factory=threading.Event)
    sheets_seen: int | None = None
    waited: float | None = None
    error: Exception | None = None

    def run(self) -> None:
        self.started.wait(timeout=30)
        conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        try:
            begun = time.monotonic()
            conn.execute("BEGIN IMMEDIATE")
            self.waited = time.monotonic() - begun
            conn.execute("UPDATE demarche SET territory = territory || ' (bis)'")
            # What the import had committed when this write got the lock.
            self.sheets_seen = int(conn.execute("SELECT count(*) FROM response").fetchone()[0])
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.error = exc
        finally:
            conn.close()


@contextmanager
def writing_beside(store: Store, other: OtherWriter) -> Iterator[None]:
    """`other` in a thread, let go as soon as the store inserts its first sheet."""

    def seen(statement: str) -> None:
        if statement.startswith('INSERT INTO "response"'):
            other.started.set()

    connection: sqlite3.Connection = db.connection()  # type: ignore[no-untyped-call]
    connection.set_trace_callback(seen)
    thread = threading.Thread(target=other.run)
    thread.start()
    try:
        yield
    finally:
        connection.set_trace_callback(None)
        other.started.set()
        thread.join(timeout=30)


def whole_sheets(demarche_id: str) -> list[int]:
    """The answers of each stored sheet: every sheet must have all of them."""
    rows = (
        Response.select(fn.COUNT(Answer.id))
        .join(Answer)
        .where(Response.demarche == demarche_id)
        .group_by(Response.id)
    )
    return [int(count) for count in rows.scalars()]


def test_another_writer_gets_in_while_a_long_import_runs(
    store: Store, demarche_id: str, db_path: Path, tmp_path: Path
) -> None:
    source = answers_file(tmp_path / "saisie.csv", 100)
    other = OtherWriter(db_path, timeout=2.0)
    with writing_beside(store, other):
        report = store.responses.import_file(demarche_id, source, QUICK)
    assert other.error is None
    assert report.added == 100
    # It wrote between two batches, not after the import's end, and waited about one batch.
    assert other.sheets_seen is not None
    assert 0 < other.sheets_seen < 100
    assert other.sheets_seen % IMPORT_UNIT == 0
    assert other.waited is not None
    assert other.waited < 1.0
    assert store.demarches.get(demarche_id).territory.endswith(" (bis)")


@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "unnumbered"])
def test_an_import_cut_short_by_a_full_disk_keeps_whole_sheets_and_resumes(
    store: Store, demarche_id: str, tmp_path: Path, numbered: bool
) -> None:
    source = answers_file(tmp_path / "saisie.csv", 100, numbered=numbered)
    connection: sqlite3.Connection = db.connection()  # type: ignore[no-untyped-call]
    pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
    # Room for a few groups of sheets, not for all of them: the disk fills midway.
    connection.execute(f"PRAGMA max_page_count = {pages + 100}")
    with pytest.raises(StorageFailure) as caught:
        store.responses.import_file(demarche_id, source, Pace(seconds=0.0, pause=0.0))
    kept = whole_sheets(demarche_id)
    assert 0 < len(kept) < 100
    assert len(kept) % IMPORT_UNIT == 0
    assert set(kept) == {len(CODES)}
    message = caught.value.message
    assert message.startswith("Le disque de la base est plein")
    assert f"l'import s'est arrêté après {len(kept)} fiches enregistrées" in message
    assert "rien n'a été enregistré" not in message
    assert message.endswith("(les fiches déjà importées ne seront pas reprises).")

    connection.execute("PRAGMA max_page_count = 1073741823")
    report = store.responses.import_file(demarche_id, source, QUICK)
    assert report.added == 100 - len(kept)
    assert len(report.duplicates) == len(kept)
    assert sorted(s.sheet_number or 0 for s in store.responses.all(demarche_id)) == list(
        range(1, 101)
    )
    keys = [row.source_key for row in Response.select(Response.source_key)]
    assert len(keys) == len(set(keys)) == 100


def test_a_number_typed_meanwhile_stops_the_import_and_says_what_was_kept(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    source = answers_file(tmp_path / "saisie.csv", 100)
    typed = threading.Event()
    failure: list[Exception] = []

    def type_sheet_100() -> None:
        """The TUI, on its own connection, types the paper sheet n° 100 between two batches."""
        try:
            with store.thread_connection():
                store.responses.save_sheet(demarche_id, SheetDraft(100, {}, {"I1_V1": 2}))
        except Exception as exc:  # reported by the assertion below
            failure.append(exc)
        typed.set()

    def seen(statement: str) -> None:
        if statement.startswith('INSERT INTO "response"') and not started.is_set():
            started.set()
            threading.Thread(target=type_sheet_100).start()

    started = threading.Event()
    connection: sqlite3.Connection = db.connection()  # type: ignore[no-untyped-call]
    connection.set_trace_callback(seen)
    try:
        with pytest.raises(InvalidInput) as caught:
            store.responses.import_file(demarche_id, source, QUICK)
    finally:
        connection.set_trace_callback(None)
        typed.wait(timeout=30)
    assert failure == []
    message = caught.value.message
    assert message.startswith("La fiche n° 100 est déjà saisie : l'import s'est arrêté après ")
    assert "relancez-le" in message
    kept = store.responses.count(demarche_id) - 1
    assert f"après {kept} fiches enregistrées" in message
    assert kept % IMPORT_UNIT == 0

    report = store.responses.import_file(demarche_id, source, QUICK)
    assert report.added == 99 - kept
    assert [row.row for row in report.rejected] == [101]
    assert store.responses.count(demarche_id) == 100

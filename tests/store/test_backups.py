"""Backups and restore: a copy holds everything saved, even mid-evening; a bad copy is refused.

Made to happen for real: another connection writes notes while the copy is taken, a second
window keeps the base open, a tiny tmpfs fills up, copies are truncated, foreign or newer.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from support.filesystems import mounted_tmpfs
from support.peek import peek
from support.rounds import open_round

from vitalite_tui.db.lock import InstanceLock
from vitalite_tui.errors import DatabaseError
from vitalite_tui.store import Store, open_store
from vitalite_tui.store.backups import AUTOMATIC, KEEP_LAST, BackupFailed


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def note_count(path: Path) -> int:
    return int(peek(path, "SELECT count(*) FROM note")[0][0])


def territories(path: Path) -> list[str]:
    return [str(row[0]) for row in peek(path, "SELECT territory FROM demarche ORDER BY territory")]


class NoteWriter(threading.Thread):
    """Another program writing notes as fast as it can, each in its own transaction."""

    def __init__(self, path: Path, round_id: str) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.round_hex = round_id.replace("-", "")
        self.stop = threading.Event()
        self.committed = 0

    def run(self) -> None:
        connection = sqlite3.connect(self.path, isolation_level=None, timeout=10)
        columns = [row[1] for row in connection.execute("PRAGMA table_info(note)")]
        copied = ", ".join("lower(hex(randomblob(16)))" if c == "id" else c for c in columns)
        (model,) = connection.execute(
            "SELECT id FROM note WHERE round_id = ? LIMIT 1", (self.round_hex,)
        ).fetchone()
        insert = f"INSERT INTO note ({', '.join(columns)}) SELECT {copied} FROM note WHERE id = ?"
        try:
            while not self.stop.is_set():
                connection.execute(insert, (model,))
                self.committed += 1
        finally:
            connection.close()


def test_a_copy_taken_while_notes_are_written_holds_every_note_saved_before(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    round_id = open_round(store, demarche_id)
    store.capture.save_note(round_id, None, "La première note de la soirée")
    writer = NoteWriter(store.path, round_id)
    writer.start()
    try:
        for number in range(5):
            before = note_count(store.path)
            copy = store.backups.make(tmp_path / f"cle-{number}")
            # Whole and standalone: a single file, sound, with all that was saved before.
            assert not Path(f"{copy.path}-wal").exists()
            assert note_count(copy.path) >= before
            opened = sqlite3.connect(copy.path)
            assert opened.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            opened.close()
    finally:
        writer.stop.set()
        writer.join()
    assert writer.committed > 0


def test_after_a_copy_and_at_close_the_main_file_alone_is_complete(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    """As a technician copies `vitalite.sqlite` alone, while another window has it open."""
    round_id = open_round(store, demarche_id)
    other_window = sqlite3.connect(store.path)
    other_window.execute("SELECT count(*) FROM note").fetchall()
    try:
        for number in range(3):
            store.capture.save_note(round_id, None, f"Note {number}")
        store.backups.make(tmp_path / "copies")
        naive = tmp_path / "naive-copy.sqlite"
        shutil.copyfile(store.path, naive)
        assert note_count(naive) == 3

        store.capture.save_note(round_id, None, "Note tapée juste avant de quitter")
        store.close()
        shutil.copyfile(store.path, naive)
        assert note_count(naive) == 4
    finally:
        other_window.close()


def test_restore_puts_the_copy_back_and_sets_the_current_base_aside(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    copy = store.backups.make(tmp_path / "cle")
    store.demarches.create("CC Corbières Salanque", ["Tuchan"])

    restored = store.backups.restore(copy.path)

    assert [d.territory for d in store.demarches.all()] == ["CC du Val d'Orbieu"]
    assert restored.set_aside is not None
    assert territories(restored.set_aside) == ["CC Corbières Salanque", "CC du Val d'Orbieu"]
    assert restored.territories == ["CC du Val d'Orbieu"]
    # The store goes on working on the restored base.
    store.demarches.create("CC Région Lézignanaise", ["Fabrezan"])
    assert len(store.demarches.all()) == 2


def test_a_new_laptop_starts_from_a_copy(store: Store, demarche_id: str, tmp_path: Path) -> None:
    copy = store.backups.make(tmp_path / "cle")
    store.close()
    fresh = open_store(tmp_path / "nouveau" / "vitalite.sqlite")
    try:
        restored = fresh.backups.restore(copy.path)
        assert restored.set_aside is None  # an empty base needs no copy of itself
        assert [d.territory for d in fresh.demarches.all()] == ["CC du Val d'Orbieu"]
    finally:
        fresh.close()


def damaged_copy(source: Path, target: Path) -> Path:
    """`source` with garbage over its middle pages."""
    data = bytearray(source.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = bytes(range(256)) * 32
    target.write_bytes(bytes(data))
    return target


def newer_copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    return target


@pytest.mark.parametrize(
    ("make_bad", "said"),
    [
        (lambda good, folder: folder / "absente.sqlite", "introuvable"),
        (
            lambda good, folder: Path(shutil.copyfile(Path(__file__), folder / "notes.sqlite")),
            "pas une copie de base vitalite",
        ),
        (
            lambda good, folder: (
                folder.joinpath("coupee.sqlite").write_bytes(good.read_bytes()[:20_000])
                and folder / "coupee.sqlite"
            ),
            "pas une copie de base vitalite",
        ),
        (lambda good, folder: damaged_copy(good, folder / "abimee.sqlite"), "abîmée"),
        (lambda good, folder: newer_copy(good, folder / "future.sqlite"), "plus récente"),
    ],
    ids=["missing", "foreign", "truncated", "damaged", "newer"],
)
def test_a_bad_copy_is_refused_and_the_base_is_untouched(
    store: Store, demarche_id: str, tmp_path: Path, make_bad: object, said: str
) -> None:
    for number in range(200):  # enough pages for damage in the middle to hit data
        store.logistics.add(demarche_id, f"Objet {number}")
    good = store.backups.make(tmp_path / "cle").path
    bad = make_bad(good, tmp_path)  # type: ignore[operator]
    store.close()
    before = digest(store.path)
    reopened = open_store(store.path)
    try:
        with pytest.raises(DatabaseError, match=said) as refused:
            reopened.backups.restore(bad)
        assert "intacte" in refused.value.message or "rien n'a été changé" in refused.value.message
        assert [d.territory for d in reopened.demarches.all()] == ["CC du Val d'Orbieu"]
    finally:
        reopened.close()
    assert digest(store.path) == before
    assert not list((store.path.parent / "sauvegardes").glob("avant-restauration-*"))


def test_restore_is_refused_while_another_window_has_the_base(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    copy = store.backups.make(tmp_path / "cle")
    store.close()
    other_window = InstanceLock(store.path)
    assert other_window.acquire()
    reopened = open_store(store.path)
    try:
        with pytest.raises(DatabaseError, match="autre fenêtre"):
            reopened.backups.restore(copy.path)
    finally:
        reopened.close()
        other_window.release()


def test_a_full_stick_refuses_the_copy_and_leaves_nothing(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    for number in range(300):
        store.logistics.add(demarche_id, f"Objet {number} " + "x" * 100)
    with mounted_tmpfs(tmp_path / "cle", size="64k") as stick:
        with pytest.raises(BackupFailed, match="disque plein") as refused:
            store.backups.make(stick)
        assert "la base n'a pas été touchée" in refused.value.message
        assert list(stick.iterdir()) == []
    assert len(store.logistics.all(demarche_id)) >= 300


def test_automatic_copies_keep_the_last_ten_and_one_a_day(store: Store) -> None:
    folder = store.backups.folder
    folder.mkdir(parents=True)
    now = datetime.now()
    made = [now - timedelta(hours=6 * age) for age in range(40)]  # ten days, four a day
    for moment in made:
        folder.joinpath(f"auto-vitalite-base-{moment:%Y-%m-%d-%H%M%S}.sqlite").write_bytes(b"")
    old = now - timedelta(days=60)
    folder.joinpath(f"auto-vitalite-base-{old:%Y-%m-%d-%H%M%S}.sqlite").write_bytes(b"")
    at_will = folder / f"vitalite-base-{old:%Y-%m-%d-%H%M%S}.sqlite"
    at_will.write_bytes(b"")

    store.backups.prune()

    kept = store.backups.found()
    automatic = sorted((c.made_at for c in kept if c.kind == AUTOMATIC), reverse=True)
    newest = sorted(made, reverse=True)
    assert automatic[:KEEP_LAST] == [m.replace(microsecond=0) for m in newest[:KEEP_LAST]]
    days = {m.date() for m in made}
    assert {m.date() for m in automatic} == days  # one a day is left for each day
    assert len(automatic) == KEEP_LAST + len(days - {m.date() for m in newest[:KEEP_LAST]})
    assert at_will.exists()  # copies made at will are never removed


def test_copies_made_in_the_same_second_are_listed_newest_first(store: Store) -> None:
    """A copy made in the second of the one before is numbered (-2, -3…): listed first, it
    is the one a restore offers first and the last one pruning keeps."""
    folder = store.backups.folder
    folder.mkdir(parents=True)
    stem = f"auto-vitalite-base-{datetime(2026, 12, 7, 20, 45, 0):%Y-%m-%d-%H%M%S}"
    for name in (f"{stem}-2.sqlite", f"{stem}-10.sqlite", f"{stem}.sqlite", f"{stem}-3.sqlite"):
        folder.joinpath(name).write_bytes(b"")
    found = [copy.path.name for copy in store.backups.found()]
    assert found == [f"{stem}-10.sqlite", f"{stem}-3.sqlite", f"{stem}-2.sqlite", f"{stem}.sqlite"]


def test_an_automatic_copy_is_made_only_after_a_write(store: Store, demarche_id: str) -> None:
    first = store.backups.make_automatic()
    assert first is not None
    assert store.backups.make_automatic() is None
    store.logistics.add(demarche_id, "Rallonge")
    assert store.backups.make_automatic() is not None


def changed_by(path: Path, table: str) -> set[str | None]:
    return {row[0] for row in peek(path, f"SELECT changed_by FROM {table}")}


def test_a_laptop_set_up_from_the_hubs_copy_keeps_its_own_identity(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    hub = store.exchange.laptop()
    copy = store.backups.make(tmp_path / "cle")
    store.close()
    laptop = open_store(tmp_path / "poste2" / "vitalite.sqlite")
    try:
        own = laptop.exchange.rename_laptop("Poste sous-groupe 2")
        laptop.backups.restore(copy.path)
        assert laptop.exchange.laptop() == own
        # What the hub wrote is the hub's; what this laptop writes next is its own.
        assert changed_by(laptop.path, "demarche") == {hub.id}
        laptop.logistics.add(demarche_id, "Rallonge")
        assert None in changed_by(laptop.path, "logistics_item")
    finally:
        laptop.close()


def test_restoring_on_the_same_laptop_changes_nothing_of_its_identity(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    before = store.exchange.laptop()
    copy = store.backups.make(tmp_path / "cle")
    store.backups.restore(copy.path)
    assert store.exchange.laptop() == before
    assert changed_by(store.path, "demarche") == {None}

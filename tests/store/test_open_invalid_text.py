"""Text that is not UTF-8 in a base: refused at open with the sentence `check` gives, untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pytest

from vitalite_tui.db.checked import record_path
from vitalite_tui.db.connection import check_database, close_database
from vitalite_tui.db.integrity import shown_text_problems, text_problems
from vitalite_tui.errors import DatabaseError
from vitalite_tui.store import open_store

if TYPE_CHECKING:
    from vitalite_tui.demo.context import DemoSize


class DemoTemplates(Protocol):
    """The session's demo files (the `demo_templates` fixture of conftest)."""

    def path(self, size: DemoSize) -> Path: ...


def digest(path: Path) -> dict[str, str | None]:
    """The bytes of the base and of its WAL, hashed (None: no such file)."""
    return {
        name: hashlib.sha256(Path(name).read_bytes()).hexdigest() if Path(name).exists() else None
        for name in (str(path), f"{path}-wal")
    }


def write_raw(path: Path, sql: str) -> None:
    """A change made by another program, through SQLite but not through vitalite."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


#: One note's text turned into bytes that are not UTF-8 (0xff 0xfe never start a character).
BREAK_A_NOTE = (
    "UPDATE note SET text = CAST(X'fffe41' AS TEXT) "
    "WHERE id = (SELECT id FROM note ORDER BY id LIMIT 1)"
)


@pytest.fixture
def demo_copy(db_path: Path, demo_templates: DemoTemplates) -> Path:
    """The small demo, opened and closed once by the program (its clean state recorded)."""
    shutil.copyfile(demo_templates.path("small"), db_path)
    open_store(db_path).close()
    assert record_path(db_path).exists()
    return db_path


def test_a_note_that_is_not_utf8_is_refused_at_open_untouched(demo_copy: Path) -> None:
    write_raw(demo_copy, BREAK_A_NOTE)
    before = digest(demo_copy)
    expected = check_database(demo_copy).message
    with pytest.raises(DatabaseError) as caught:
        open_store(demo_copy)
    close_database()
    assert caught.value.message == expected
    assert "pas en UTF-8" in expected
    assert "« note », colonne « text »" in expected
    assert "sauvegardes" in expected
    assert digest(demo_copy) == before
    assert not Path(f"{demo_copy}-shm").exists()


@pytest.mark.parametrize(
    ("table", "column"),
    [("demarche", "territory"), ("participant", "display_name"), ("response", "profile")],
)
def test_words_and_json_of_other_tables_are_scanned_too(
    demo_copy: Path, table: str, column: str
) -> None:
    write_raw(
        demo_copy,
        f'UPDATE "{table}" SET "{column}" = CAST(X\'41c3\' AS TEXT) '
        f'WHERE id = (SELECT id FROM "{table}" ORDER BY id LIMIT 1)',
    )
    with pytest.raises(DatabaseError, match=f"« {table} », colonne « {column} », sur 1 ligne"):
        open_store(demo_copy)
    close_database()


def test_a_sound_base_with_accents_and_emoji_opens(demo_copy: Path) -> None:
    # Every kind of valid sequence, up to four bytes, at the end of a value too.
    write_raw(demo_copy, "UPDATE demarche SET territory = 'Pays d''Érables – 🌳'")
    store = open_store(demo_copy)
    try:
        assert store.demarches.all()[0].territory == "Pays d'Érables – 🌳"
    finally:
        store.close()


def test_each_bad_column_is_counted_by_line(demo_copy: Path) -> None:
    # Two bad notes beside good ones: joined for one decode, each column is still counted.
    write_raw(
        demo_copy,
        "UPDATE note SET text = CAST(X'41e9' AS TEXT) "
        "WHERE id IN (SELECT id FROM note ORDER BY id LIMIT 2)",
    )
    conn = sqlite3.connect(f"{demo_copy.resolve().as_uri()}?mode=ro", uri=True)
    try:
        expected = "texte illisible, pas en UTF-8, dans la table « note », colonne « text », "
        assert shown_text_problems(conn) == [expected + "sur 2 lignes"]
        assert text_problems(conn) == [expected + "sur 2 lignes"]
    finally:
        conn.close()


def test_a_cut_sequence_at_the_end_of_a_value_is_found(demo_copy: Path) -> None:
    # « é » cut after its first byte, followed by a good value: the join must not hide it.
    write_raw(
        demo_copy,
        "UPDATE note SET text = CAST(X'c3' AS TEXT) "
        "WHERE id = (SELECT id FROM note ORDER BY id LIMIT 1)",
    )
    with pytest.raises(DatabaseError, match="pas en UTF-8"):
        open_store(demo_copy)
    close_database()

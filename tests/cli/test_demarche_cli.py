"""`vitalite demarche`: list, create (communes required), rename, archive, delete, restore."""

from __future__ import annotations

from pathlib import Path

from support.cli import assert_clean_error, run

from vitalite_tui.store import open_store


def names(db_path: Path) -> list[tuple[str, bool]]:
    store = open_store(db_path)
    try:
        return [(d.territory, d.archived_at is not None) for d in store.demarches.all()]
    finally:
        store.close()


def test_the_life_of_a_demarche_from_the_command_line(db_path: Path) -> None:
    db = ("--db", str(db_path))
    open_store(db_path).close()
    assert_clean_error(
        run("demarche", "create", "CC des Coteaux", "--communes", " ; ", *db),
        "Communes : indiquez au moins une commune",
    )
    assert names(db_path) == []
    created = run("demarche", "create", "CC des Coteaux", "--communes", "Alba, Bérac", *db)
    assert created.exit_code == 0, created.output
    assert "Démarche « CC des Coteaux » créée" in created.stdout

    renamed = run("demarche", "rename", "coteaux", "CC des Coteaux Sud", *db)
    assert renamed.exit_code == 0, renamed.output
    archived = run("demarche", "archive", "sud", *db)
    assert archived.exit_code == 0, archived.output
    assert names(db_path) == [("CC des Coteaux Sud", True)]
    listed = run("demarche", "list", *db)
    assert "CC des Coteaux Sud · 2 communes · 0 participant · étapes 0/7 · archivée" in (
        listed.stdout
    )
    back = run("demarche", "archive", "--retour", "sud", *db)
    assert back.exit_code == 0, back.output
    assert names(db_path) == [("CC des Coteaux Sud", False)]

    # Without --oui, nothing goes: what would go is said, with a non-zero exit.
    asked = run("demarche", "delete", "sud", *db)
    assert asked.exit_code == 1
    assert "0 participant, 0 questionnaire" in asked.stderr
    assert names(db_path) == [("CC des Coteaux Sud", False)]
    deleted = run("demarche", "delete", "sud", "--oui", *db)
    assert deleted.exit_code == 0, deleted.output
    assert names(db_path) == []
    assert "Aucune démarche" in run("demarche", "list", *db).stdout

    # Removed, it stays in the file: listed, then brought back whole.
    assert "CC des Coteaux Sud · supprimée le " in run("demarche", "restore", *db).stdout
    assert_clean_error(run("demarche", "restore", "nord", *db), "Aucune démarche supprimée")
    restored = run("demarche", "restore", "sud", *db)
    assert restored.exit_code == 0, restored.output
    assert "Démarche « CC des Coteaux Sud » rétablie" in restored.stdout
    assert names(db_path) == [("CC des Coteaux Sud", False)]

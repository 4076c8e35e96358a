"""`vitalite purge` and `vitalite retention`: confirmation naming what goes, refusals, dates."""

from __future__ import annotations

from pathlib import Path

from support.cli import assert_clean_error, run, runner

from vitalite_tui.cli.app import app
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.store import open_store
from vitalite_tui.store.preparation.records import ParticipantDraft

NAME = "Hortense Pujol-Castagné"


def _base(path: Path, *, finished: bool) -> None:
    store = open_store(path)
    try:
        demarche_id = store.demarches.create("CC du Val d'Orbieu", "Lagrasse, Ribaute")
        store.participants.add(
            demarche_id,
            ParticipantDraft(NAME, College.HABITANT, "Lagrasse", contact="06 12 34 56 78"),
        )
        if finished:
            store.steps.set_status(demarche_id, 7, StepStatus.DONE)
    finally:
        store.close()


def _names(path: Path) -> list[str]:
    store = open_store(path)
    try:
        (demarche,) = store.demarches.all()
        return [p.display_name for p in store.participants.all(demarche.id)]
    finally:
        store.close()


def test_purge_asks_names_what_goes_and_a_no_changes_nothing(tmp_path: Path) -> None:
    base = tmp_path / "base.sqlite"
    _base(base, finished=True)
    result = runner.invoke(app, ["purge", "--db", str(base)], input="n\n")
    assert result.exit_code == 1
    assert "Seront effacés : les noms, coordonnées et structures de 1 participant" in (
        result.stdout
    )
    assert "rien n'a été changé" in result.stdout
    assert _names(base) == [NAME]

    result = run("purge", "--db", str(base), "--oui")
    assert result.exit_code == 0, result.output
    assert "Purge de « CC du Val d'Orbieu »" in result.stdout
    assert "Paquets d'échange" in result.stdout
    assert _names(base) == ["P001"]
    assert NAME.encode() not in base.read_bytes()


def test_purge_of_an_unfinished_demarche_is_refused_in_french(tmp_path: Path) -> None:
    base = tmp_path / "base.sqlite"
    _base(base, finished=False)
    assert_clean_error(run("purge", "--db", str(base), "--oui"), "n'est pas terminée")
    assert _names(base) == [NAME]


def test_retention_default_then_chosen_then_back(tmp_path: Path) -> None:
    base = tmp_path / "base.sqlite"
    _base(base, finished=False)
    shown = run("retention", "--db", str(base))
    assert shown.exit_code == 0, shown.output
    assert "par défaut : fin de la démarche plus un an" in shown.stdout
    chosen = run("retention", "--db", str(base), "--jusqu-au", "30/06/2027")
    assert "gardées jusqu'au 30/06/2027 (date choisie)" in chosen.stdout
    past = run("retention", "--db", str(base), "--jusqu-au", "01/01/2020")
    assert "Conservation dépassée depuis le 01/01/2020" in past.stdout
    back = run("retention", "--db", str(base), "--jusqu-au", "defaut")
    assert "par défaut" in back.stdout
    assert_clean_error(
        run("retention", "--db", str(base), "--jusqu-au", "31/02/2027"), "n'existe pas"
    )

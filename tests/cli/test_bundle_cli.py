"""`vitalite bundle`: the four-laptop evening through the commands, and their refusals."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from support.bundles import Laptops, without_close_pause
from support.cli import assert_clean_error, run

from vitalite_tui.domain.colleges import College
from vitalite_tui.store.preparation.records import ParticipantDraft

SUBGROUPS = 3


@pytest.fixture(autouse=True)
def _no_close_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    without_close_pause(monkeypatch)


def prepared_hub(laptops: Laptops) -> tuple[str, list[str]]:
    """The hub's démarche: nine people present at workshop 1 in three sub-groups."""
    hub = laptops.open("hub")
    demarche_id = hub.demarches.create("CC du Val d'Orbieu", "Lagrasse")
    for i in range(9):
        draft = ParticipantDraft(f"Personne {i}", list(College)[i % 3], "Lagrasse")
        hub.workshops.set_present(demarche_id, 1, hub.participants.add(demarche_id, draft), True)
    groups = [g.id for g in hub.subgroups.form(demarche_id, 1, count=SUBGROUPS)]
    laptops.close()
    return demarche_id, groups


def capture(laptops: Laptops, name: str, demarche_id: str, group: str) -> None:
    """An animateur's evening on one laptop: a round, notes by each member and anonymous."""
    store = laptops.open(name)
    (subgroup,) = [g for g in store.subgroups.all(demarche_id, 1) if g.id == group]
    round_ = store.capture.start_round(group, "Où vous retrouvez-vous ?", 20)
    for member in subgroup.members:
        store.capture.save_note(round_.id, member.id, f"{name} : {member.display_name} parle")
    store.capture.save_note(round_.id, None, f"{name} : une voix dans la salle")
    laptops.close()


def test_four_laptops_one_evening(tmp_path: Path) -> None:
    laptops = Laptops(tmp_path)
    exchange = tmp_path / "echange"
    exchange.mkdir()
    demarche_id, groups = prepared_hub(laptops)
    db = ["--db", str(laptops.path("hub"))]
    written = run(*db, "bundle", "write", "--out", str(tmp_path / "depart.vitalite"))
    assert written.exit_code == 0, written.output
    assert "Paquet écrit" in written.stdout
    names = [f"poste{n}" for n in range(1, SUBGROUPS + 1)]
    for name in names:
        db = ["--db", str(laptops.path(name))]
        read = run(*db, "bundle", "read", str(tmp_path / "depart.vitalite"))
        assert read.exit_code == 0, read.output
        assert "la démarche arrive dans cette base" in read.stdout
        assert run(*db, "bundle", "poste", f"Poste {name}").exit_code == 0
    for name, group in zip(names, groups, strict=True):
        capture(laptops, name, demarche_id, group)
        db = ["--db", str(laptops.path(name))]
        assert run(*db, "bundle", "write", "--out", str(exchange)).exit_code == 0
    bundles = sorted(exchange.glob("*.vitalite"))
    assert [b.name.split("-poste-")[1].split("-")[0] for b in bundles] == names
    laptops.copy("hub", "hub2")
    for hub, order in (("hub", bundles), ("hub2", bundles[::-1])):
        read = run("--db", str(laptops.path(hub)), "bundle", "read", *map(str, order))
        assert read.exit_code == 0, read.output
        assert read.stdout.count(" lu ; ") == SUBGROUPS
    # A second read of the whole exchange folder changes nothing.
    again = run("--db", str(laptops.path("hub")), "bundle", "read", str(exchange))
    assert again.stdout.count("rien de nouveau") == SUBGROUPS
    for hub in ("hub", "hub2"):
        notes = laptops.open(hub).capture.workshop_notes(demarche_id, 1)
        counted = Counter(n.text for n in notes)
        assert len(counted) == 9 + SUBGROUPS
        assert set(counted.values()) == {1}
        assert {text.split(" : ")[0] for text in counted} == set(names)
    assert laptops.dump("hub", demarche_id) == laptops.dump("hub2", demarche_id)
    laptops.close()


def test_refused_bundles_are_said_and_the_others_read(tmp_path: Path) -> None:
    laptops = Laptops(tmp_path)
    prepared_hub(laptops)
    db = ["--db", str(laptops.path("hub"))]
    good = tmp_path / "bon.vitalite"
    assert run(*db, "bundle", "write", "--out", str(good)).exit_code == 0
    cut = tmp_path / "coupe.vitalite"
    cut.write_bytes(good.read_bytes()[:3000])
    result = run("--db", str(laptops.path("autre")), "bundle", "read", str(cut), str(good))
    assert result.exit_code == 1
    assert "coupe.vitalite est abîmé ou incomplet" in result.stderr
    assert "bon.vitalite" in result.stdout
    assert "Traceback" not in result.output


def test_write_needs_a_bundle_name_and_an_existing_base(tmp_path: Path) -> None:
    laptops = Laptops(tmp_path)
    prepared_hub(laptops)
    db = ["--db", str(laptops.path("hub"))]
    assert_clean_error(
        run(*db, "bundle", "write", "--out", str(tmp_path / "paquet.zip")),
        "extension .vitalite attendue",
    )
    assert_clean_error(
        run("--db", str(tmp_path / "absente.sqlite"), "bundle", "write", "--out", "x.vitalite"),
        "Aucune base",
    )
    empty = run(*db, "bundle", "read", str(tmp_path / "vide"))
    assert empty.exit_code == 1

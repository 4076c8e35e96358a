"""Work axes of the workshop-1 debrief: the store, the Axes sheet, the demo's axes."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from support.debrief import NOTES, ORDER, PEOPLE, Scene, axis_of, make_scene

from vitalite_tui.db.models import Axis, Intention, utcnow
from vitalite_tui.demo import create_demo
from vitalite_tui.demo.axes import AXES, FILED_SHARE
from vitalite_tui.domain.debrief import NO_AXIS, UNTAGGED, DebriefFilter
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.felt.debrief_records import AxisDraft
from vitalite_tui.workbook import export_workbook
from vitalite_tui.workbook.axes import AXIS_ROW, NOTE_ROW


@pytest.fixture
def scene(store: Store, demarche_id: str) -> Scene:
    return make_scene(store, demarche_id)


def shown(store: Store, scene: Scene, chosen: DebriefFilter | None = None) -> list[str]:
    """The names of the notes the debrief shows, in its order."""
    names = {note_id: name for name, note_id in scene.notes.items()}
    return [names[n.id] for n in store.axes.notes(scene.demarche_id, 1, chosen)]


# ---------------------------------------------------------------- axes


def test_axes_are_numbered_in_order_with_their_counts(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    assert store.axes.all(d) == []
    places = store.axes.create(d, AxisDraft("  Recréer des lieux ", " Cafés, fêtes ", 1))
    info = store.axes.create(d, AxisDraft("Rapprocher l'information"))
    assert (places.number, places.title, places.description, places.indicator) == (
        1,
        "Recréer des lieux",
        "Cafés, fêtes",
        1,
    )
    assert (info.number, info.indicator, info.note_count) == (2, None, 0)
    store.axes.assign([scene.notes["cafe"], scene.notes["market"]], places.id)
    Intention.create(demarche=as_uuid(d), axis=as_uuid(places.id), title="Un café associatif")
    Intention.create(
        demarche=as_uuid(d), axis=as_uuid(places.id), title="Retirée", deleted_at=utcnow()
    )
    first, second = store.axes.all(d)
    assert (first.note_count, first.intention_count) == (2, 1)
    assert (second.note_count, second.intention_count) == (0, 0)
    workshop = Axis.get_by_id(as_uuid(places.id)).workshop
    assert workshop is not None
    assert workshop.number == 1


def test_an_axis_needs_a_title_and_no_twin(store: Store, demarche_id: str) -> None:
    with pytest.raises(InvalidInput, match="Titre de l'axe : ce champ est obligatoire"):
        store.axes.create(demarche_id, AxisDraft("   "))
    with pytest.raises(InvalidInput, match="trop long"):
        store.axes.create(demarche_id, AxisDraft("x" * 121))
    with pytest.raises(InvalidInput, match="Indicateur"):
        store.axes.create(demarche_id, AxisDraft("Lieux", indicator=5))
    with pytest.raises(InvalidInput, match="Description"):
        store.axes.create(demarche_id, AxisDraft("Lieux", "x" * 2001))
    axis = store.axes.create(demarche_id, AxisDraft("Se déplacer"))
    with pytest.raises(InvalidInput, match="s'appelle déjà « Se déplacer »"):
        store.axes.create(demarche_id, AxisDraft("SE DEPLACER"))
    other = store.axes.create(demarche_id, AxisDraft("Entraide"))
    with pytest.raises(InvalidInput, match="s'appelle déjà"):
        store.axes.edit(other.id, AxisDraft("se déplacer"))
    # Its own title, recased, is no twin.
    assert store.axes.edit(axis.id, AxisDraft("Se Déplacer", "sans voiture", 3)).indicator == 3
    assert [a.title for a in store.axes.all(demarche_id)] == ["Se Déplacer", "Entraide"]


def test_reorder_remove_and_restore(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    one, two, three = (store.axes.create(d, AxisDraft(t)) for t in ("Un", "Deux", "Trois"))
    assert store.axes.move(three.id, -1)
    assert [a.title for a in store.axes.all(d)] == ["Un", "Trois", "Deux"]
    assert not store.axes.move(one.id, -1)  # already first
    assert not store.axes.move(two.id, 1)  # already last
    store.axes.assign([scene.notes["cafe"]], one.id)

    removed = store.axes.remove(one.id)
    assert removed.removed
    assert removed.number is None
    assert [(a.number, a.title) for a in store.axes.all(d)] == [(1, "Trois"), (2, "Deux")]
    assert [a.title for a in store.axes.all(d, removed=True)] == ["Trois", "Deux", "Un"]
    # The note keeps its link, but shows as in no axis while the axis is removed.
    assert axis_of(scene.notes["cafe"]) == one.id
    assert "cafe" in shown(store, scene, DebriefFilter(axis=NO_AXIS))
    with pytest.raises(NotFound):
        store.axes.assign([scene.notes["market"]], one.id)
    with pytest.raises(NotFound):
        store.axes.edit(one.id, AxisDraft("Un"))

    restored = store.axes.restore(one.id)
    assert (restored.number, restored.note_count) == (1, 1)
    assert [a.title for a in store.axes.all(d)] == ["Un", "Trois", "Deux"]
    assert shown(store, scene, DebriefFilter(axis=one.id)) == ["cafe"]
    assert store.axes.restore(one.id).number == 1  # a live axis is left as it is


def test_a_restored_axis_may_not_take_a_title_given_meanwhile(store: Store, scene: Scene) -> None:
    axis = store.axes.create(scene.demarche_id, AxisDraft("Entraide"))
    store.axes.remove(axis.id)
    store.axes.create(scene.demarche_id, AxisDraft("entraide"))
    with pytest.raises(InvalidInput, match="s'appelle déjà"):
        store.axes.restore(axis.id)
    assert store.axes.get(axis.id).removed


# ---------------------------------------------------------------- filing notes


def test_assign_files_notes_in_one_go_and_none_takes_them_out(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    places = store.axes.create(d, AxisDraft("Lieux"))
    info = store.axes.create(d, AxisDraft("Information"))
    cafe, market, hall = (scene.notes[n] for n in ("cafe", "market", "town_hall"))
    assert store.axes.assign([cafe, market, cafe], places.id) == 2
    assert store.axes.assign([cafe, hall], info.id) == 2
    assert (axis_of(cafe), axis_of(market), axis_of(hall)) == (info.id, places.id, info.id)
    assert store.axes.assign([hall], info.id) == 0  # already there
    assert store.axes.assign([market], None) == 1
    assert axis_of(market) is None
    assert store.axes.assign([], places.id) == 0


def test_assign_is_all_or_nothing(store: Store, scene: Scene, demarche_id: str) -> None:
    axis = store.axes.create(demarche_id, AxisDraft("Lieux"))
    with pytest.raises(NotFound, match="Note introuvable"):
        store.axes.assign([scene.notes["cafe"], scene.removed_note], axis.id)
    assert axis_of(scene.notes["cafe"]) is None
    elsewhere = store.demarches.create("CC voisine", "Ailleurs")
    foreign = store.axes.create(elsewhere, AxisDraft("Lieux"))
    with pytest.raises(InvalidInput, match="autre démarche"):
        store.axes.assign([scene.notes["cafe"]], foreign.id)
    assert axis_of(scene.notes["cafe"]) is None
    with pytest.raises(NotFound):
        store.axes.assign([scene.notes["cafe"]], "00000000-0000-0000-0000-000000000000")


def test_the_debrief_lists_live_notes_of_workshop_1_by_sub_group(
    store: Store, scene: Scene
) -> None:
    notes = store.axes.notes(scene.demarche_id)
    assert shown(store, scene) == ORDER
    first = notes[0]
    assert (first.subgroup_number, first.subgroup_name) == (1, "Sous-groupe 1")
    assert (first.tag, first.kind, first.text) == ("I1-", NoteKind.CONSTAT, NOTES["cafe"][1])
    assert first.speaker_code.startswith("P0")
    assert (first.axis_id, first.axis_number, first.axis_title) == (None, None, "")
    assert notes[-1].subgroup_number == 2
    # Workshop 2's debrief has its own notes.
    assert [n.id for n in store.axes.notes(scene.demarche_id, 2)] == [scene.workshop2_note]


def test_every_filter_of_the_debrief(store: Store, scene: Scene) -> None:
    d = scene.demarche_id
    places = store.axes.create(d, AxisDraft("Lieux", indicator=1))
    store.axes.assign([scene.notes["cafe"], scene.notes["bench"]], places.id)
    g1, g2 = scene.groups
    cases: list[tuple[DebriefFilter, list[str]]] = [
        (DebriefFilter(subgroup=g2), ["shopping", "volunteers", "question"]),
        (DebriefFilter(indicator=1), ["cafe", "market", "bench"]),
        (DebriefFilter(indicator=UNTAGGED), ["question"]),
        (DebriefFilter(pole=Pole.VITALITY), ["market", "shopping"]),
        (DebriefFilter(kind=NoteKind.IMAGE), ["bench"]),
        (DebriefFilter(axis=places.id), ["cafe", "bench"]),
        (DebriefFilter(axis=NO_AXIS), [n for n in ORDER if n not in ("cafe", "bench")]),
        (DebriefFilter(text="CAFE"), ["cafe"]),
        (DebriefFilter(text="eglise banc"), ["bench"]),
        (DebriefFilter(subgroup=g1, pole=Pole.DEPRESSION, axis=NO_AXIS), ["town_hall"]),
        (DebriefFilter(subgroup=g1, indicator=4), []),
    ]
    for chosen, names in cases:
        assert shown(store, scene, chosen) == names, chosen
    filed = store.axes.notes(d, 1, DebriefFilter(axis=places.id))
    assert {(n.axis_number, n.axis_title) for n in filed} == {(1, "Lieux")}


# ---------------------------------------------------------------- workbook


def test_the_axes_sheet_lists_axes_then_their_notes(
    store: Store, scene: Scene, tmp_path: Path
) -> None:
    d = scene.demarche_id
    places = store.axes.create(d, AxisDraft("Lieux de rencontre", "Cafés, fêtes", 1))
    helping = store.axes.create(d, AxisDraft("Entraide", indicator=3))
    gone = store.axes.create(d, AxisDraft("Abandonné"))
    store.axes.assign([scene.notes["shopping"]], helping.id)
    store.axes.assign([scene.notes["market"], scene.notes["cafe"]], places.id)
    store.axes.assign([scene.notes["volunteers"]], gone.id)
    store.axes.remove(gone.id)
    Intention.create(demarche=as_uuid(d), axis=as_uuid(helping.id), title="Visites")
    result = export_workbook(store, d, tmp_path)
    assert result.rows("Axes") == 5
    book = load_workbook(result.path)
    assert "Axes" in book.sheetnames
    sheet = book["Axes"]
    (table,) = sheet.tables.values()
    rows = [[cell.value for cell in row] for row in sheet[table.ref]]
    header, data = rows[0], rows[1:]
    records = [dict(zip(header, row, strict=True)) for row in data]
    assert [(r["Axe"], r["Ligne"], r["Titre de l'axe"]) for r in records] == [
        (1, AXIS_ROW, "Lieux de rencontre"),
        (2, AXIS_ROW, "Entraide"),
        (1, NOTE_ROW, "Lieux de rencontre"),
        (1, NOTE_ROW, "Lieux de rencontre"),
        (2, NOTE_ROW, "Entraide"),
    ]
    axis_row = records[0]
    assert (axis_row["Description"], axis_row["Indicateur"], axis_row["Notes"]) == (
        "Cafés, fêtes",
        1,
        2,
    )
    assert (records[1]["Notes"], records[1]["Intentions"]) == (1, 1)
    notes = records[2:]
    assert [r["Texte"] for r in notes] == [
        NOTES["cafe"][1],
        NOTES["market"][1],
        NOTES["shopping"][1],
    ]
    assert [(r["Sous-groupe"], r["Indicateur"], r["Pôle"], r["Type"]) for r in notes] == [
        ("Sous-groupe 1", 1, "dépression", "constat"),
        ("Sous-groupe 1", 1, "vitalité", "constat"),
        ("Sous-groupe 2", 3, "vitalité", "constat"),
    ]
    # No one is named there, not even by code.
    values = {str(v) for row in data for v in row if v is not None}
    assert not any(name in value for name, _ in PEOPLE for value in values)
    assert not any(value.startswith("P00") for value in values)


def test_the_axes_sheet_says_when_there_is_none(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    result = export_workbook(store, demarche_id, tmp_path)
    sheet = load_workbook(result.path)["Axes"]
    assert result.rows("Axes") == 0
    assert "pour l'instant" in str(sheet["A3"].value)
    other = export_workbook(store, demarche_id, tmp_path, workshop=3)
    assert "atelier 1" in str(load_workbook(other.path)["Axes"]["A3"].value)


# ---------------------------------------------------------------- demo


@pytest.mark.demo("small")
def test_the_demo_names_five_axes_and_files_most_notes_sensibly(store: Store) -> None:
    demarche_id = create_demo(store, "small").demarche_id
    axes = store.axes.all(demarche_id)
    assert [a.title for a in axes] == [a.title for a in AXES]
    assert {a.indicator for a in axes} == {1, 2, 3, 4}
    notes = store.axes.notes(demarche_id)
    filed = [n for n in notes if n.axis_number is not None]
    assert len(filed) == round(FILED_SHARE * len(notes))
    assert sum(a.note_count for a in axes) == len(filed)
    assert all(a.note_count >= 5 for a in axes)
    by_number = {a.number: a for a in axes}
    for note in filed:
        axis = by_number[note.axis_number]
        if axis.title == AXES[-1].title:  # getting about: by its words, whatever its tag
            assert any(w in note.text.lower() for w in AXES[-1].words), note.text
        else:
            assert note.indicator == axis.indicator, note.text
    # Filed the next morning; filing is not editing: the notes keep their own times.
    morning = min(a.created_at for a in Axis.select().where(Axis.demarche == as_uuid(demarche_id)))
    assert all(n.note.updated_at < morning for n in filed)


def test_the_demo_axes_are_the_same_every_time(tmp_path: Path) -> None:
    from vitalite_tui.store import open_store

    filed = []
    for name in ("a.sqlite", "b.sqlite"):
        opened = open_store(tmp_path / name)
        try:
            demarche_id = create_demo(opened, "small").demarche_id
            filed.append([(n.text, n.axis_number) for n in opened.axes.notes(demarche_id)])
        finally:
            opened.close()
    assert filed[0] == filed[1]

"""The recap that opens a workshop shows what the previous one produced (no names)."""

from __future__ import annotations

import uuid

from support.tui import open_workshop, register

from tui.conftest import SIZE, make_app, text_of
from vitalite_tui.db.models import Action, Axis, Intention, Note, Scenario, Trend
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.store import Store
from vitalite_tui.store.lookups import workshop_row


def note_in_workshop_1(store: Store, demarche_id: str, text: str) -> Note:
    ids = register(store, demarche_id)
    store.workshops.set_present(demarche_id, 1, ids["Anne Azéma"], True)
    [group] = store.subgroups.form(demarche_id, 1, 1)
    round_ = store.capture.start_round(group.id, "Où vous retrouvez-vous ?")
    saved = store.capture.save_note(
        round_.id, ids["Anne Azéma"], text, indicator=1, pole=Pole.VITALITY
    )
    return Note.get_by_id(uuid.UUID(saved.id))


def test_workshop_2_recap_lists_the_axes_with_their_notes(store: Store, demarche_id: str) -> None:
    note = note_in_workshop_1(store, demarche_id, "Le marché du jeudi.")
    demarche = uuid.UUID(demarche_id)
    second = Axis.create(demarche=demarche, title="Des lieux pour se retrouver", position=1)
    first = Axis.create(demarche=demarche, title="Se déplacer", indicator=2, position=0)
    Axis.create(demarche=demarche, title="Retiré", position=2, deleted_at=second.created_at)
    Note.update(axis=second.id).where(Note.id == note.id).execute()
    recap = store.workshops.recap(demarche_id, 2)
    assert recap is not None
    assert [(a.title, a.indicator, a.notes) for a in recap.contents.axes] == [
        (first.title, 2, 0),
        (second.title, None, 1),
    ]
    assert recap.contents.intentions == []


def test_workshop_3_recap_lists_intentions_by_axis_and_the_scenario(
    store: Store, demarche_id: str
) -> None:
    demarche = uuid.UUID(demarche_id)
    workshop_2 = workshop_row(demarche_id, 2)
    axis = Axis.create(demarche=demarche, title="Se déplacer", position=0)
    trend = Trend.create(demarche=demarche, title="Vieillissement")
    Intention.create(demarche=demarche, workshop=workshop_2, title="Sans axe d'abord")
    Intention.create(
        demarche=demarche, workshop=workshop_2, axis=axis, trend=trend, title="Transport solidaire"
    )
    Scenario.create(demarche=demarche, indicator=2, text="On se déplace ensemble.")
    Scenario.create(demarche=demarche, indicator=3, text="  ")
    recap = store.workshops.recap(demarche_id, 3)
    assert recap is not None
    assert [(i.title, i.axis, i.trend) for i in recap.contents.intentions] == [
        ("Transport solidaire", "Se déplacer", "Vieillissement"),
        ("Sans axe d'abord", "", ""),
    ]
    assert recap.contents.scenario == {2: "On se déplace ensemble."}


def test_workshop_4_recap_lists_the_kept_actions(store: Store, demarche_id: str) -> None:
    demarche = uuid.UUID(demarche_id)
    kept = Action.create(demarche=demarche, title="Café itinérant", kept=True, position=0)
    Action.create(demarche=demarche, title="Pas retenue", position=1)
    Action.create(demarche=demarche, title="Fusionnée", kept=True, merged_into=kept, position=2)
    recap = store.workshops.recap(demarche_id, 4)
    assert recap is not None
    assert recap.contents.kept_actions == ["Café itinérant"]


async def test_the_recap_screen_shows_axes_then_says_where_to_name_them(
    store: Store, demarche_id: str
) -> None:
    note_in_workshop_1(store, demarche_id, "Le marché du jeudi.")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id, number=2)
        recap = text_of(screen, "#recap-summary")
        assert "Axes de travail nommés au débrief" in recap
        assert "Rien pour l'instant (débrief de l'atelier 1" in recap
        Axis.create(demarche=uuid.UUID(demarche_id), title="Des lieux ouverts", indicator=1)
        # Coming back to the screen (here from the help) reads everything again.
        await pilot.press("f1", "escape")
        await pilot.pause()
        recap = text_of(screen, "#recap-summary")
        assert "1 · Des lieux ouverts (I1 · 0 note)" in recap
        assert "Anne" not in recap

"""Intentions by key presses: promote the notes, write, edit, give an axis, link origins."""

from __future__ import annotations

from support.prospective import axis, live_links, said
from support.tui import open_part

from tui.conftest import SIZE, make_app, screen_text
from vitalite_tui.db.models import Intention
from vitalite_tui.store import Store
from vitalite_tui.store.prospective.records import AxisChoice
from vitalite_tui.tui.contents.intentions import IntentionsPart, next_axis
from vitalite_tui.tui.dialogs.intention_form import IntentionFormDialog
from vitalite_tui.tui.dialogs.origin_pick import OriginPickDialog


def test_the_axis_key_goes_round_the_axes_then_none() -> None:
    axes = [AxisChoice("a", "A", 1), AxisChoice("b", "B", None)]
    assert next_axis(axes, None) == "a"
    assert next_axis(axes, "a") == "b"
    assert next_axis(axes, "b") is None
    assert next_axis(axes, "gone") == "a"
    assert next_axis([], None) is None


async def test_intentions_by_key_presses(store: Store, demarche_id: str) -> None:
    notes, trends, _ = said(store, demarche_id)
    meeting = axis(demarche_id, "Se rencontrer", 0, 1)
    moving = axis(demarche_id, "Se déplacer", 1, 3)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id, "intentions")
        part = app.screen.query_one(IntentionsPart)
        text = screen_text(app)
        assert "Aucune intention pour l'instant : p reprend" in text
        assert "2 notes « intention » à reprendre (p)" in text

        # p: each intention note becomes an intention, linked to it.
        await pilot.press("p")
        promoted = store.intentions.all(demarche_id)
        assert [i.title for i in promoted] == [
            "Monter un transport solidaire",
            "Des points de covoiturage",
        ]
        assert live_links() == {
            (notes.intentions[0], promoted[0].id),
            (notes.intentions[1], promoted[1].id),
        }
        await pilot.press("p")  # nothing more to promote
        assert len(store.intentions.all(demarche_id)) == 2

        # n: title, description, trend (→ five times: the fifth trend), axis, indicators.
        await pilot.press("n")
        assert isinstance(app.screen, IntentionFormDialog)
        await pilot.press(*"Un minibus le jeudi", "enter", *"Vers le marché", "enter")
        await pilot.press(*["right"] * 5, "enter", "right", "enter", "2", "3", "enter")
        await pilot.pause()
        made = next(i for i in store.intentions.all(demarche_id) if i.title.startswith("Un mini"))
        assert (made.description, made.trend_id, made.axis_id, made.indicators) == (
            "Vers le marché",
            trends["mobilites"],
            meeting,
            (2, 3),
        )
        # By axis: the one with an axis comes first, and the cursor is on it.
        assert store.intentions.all(demarche_id)[0].id == made.id
        assert part.table.current_key == made.id

        # ⏎ edits it: an empty title is refused and nothing typed is lost; then a new one.
        await pilot.press("enter")
        assert isinstance(app.screen, IntentionFormDialog)
        await pilot.press("ctrl+u", "f2")
        assert "obligatoire" in app.screen.error_text
        await pilot.press(*"Un minibus solidaire", "f2")
        await pilot.pause()
        assert store.intentions.get(made.id).title == "Un minibus solidaire"
        assert store.intentions.get(made.id).indicators == (2, 3)

        # a: the next axis, then none.
        await pilot.press("a")
        assert store.intentions.get(made.id).axis_id == moving
        await pilot.press("a")
        assert store.intentions.get(made.id).axis_id is None
        await pilot.press("a")
        assert store.intentions.get(made.id).axis_id == meeting

        # l: tick the risk and the opportunity, then type to find the bus note and tick it.
        await pilot.press("l")
        assert isinstance(app.screen, OriginPickDialog)
        await pilot.press("space", "down", "space")
        await pilot.press(*"bus", "down", "space")
        await pilot.pause()
        assert "3 notes cochées" in screen_text(app)
        await pilot.press("f2")
        await pilot.pause()
        assert live_links() >= {
            (notes.risk, made.id),
            (notes.opportunity, made.id),
            (notes.other, made.id),
        }
        assert store.intentions.get(made.id).origins == 3
        # l again: the ticks are there; untick the first one; Escape cancels nothing else.
        await pilot.press("l")
        await pilot.press("space", "f2")
        await pilot.pause()
        assert [o.id for o in store.intentions.origins(made.id)] == [
            notes.opportunity,
            notes.other,
        ]
        await pilot.press("l", "space", "escape")
        await pilot.pause()
        assert store.intentions.get(made.id).origins == 2

        # Suppr removes it, u brings it back with its origins.
        await pilot.press("delete")
        assert made.id not in [i.id for i in store.intentions.all(demarche_id)]
        assert Intention.select().where(Intention.deleted_at.is_null(False)).count() == 1
        await pilot.press("u")
        assert store.intentions.get(made.id).origins == 2
        assert not store.intentions.get(made.id).deleted
        assert "3 intentions · 1 avec un axe" in screen_text(app)

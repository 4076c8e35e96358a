"""Présences: same attendance as last time, everyone present, a newcomer placed in a sub-group."""

from __future__ import annotations

import sqlite3

from support.tui import open_workshop, register

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.store import Store
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.newcomer_form import NewcomerFormDialog
from vitalite_tui.tui.dialogs.subgroup_pick import SubGroupPickDialog
from vitalite_tui.tui.screens.help import key_lines
from vitalite_tui.tui.screens.workshops.workshop import WorkshopScreen


def present_names(store: Store, demarche_id: str, number: int) -> set[str]:
    return {e.participant.display_name for e in store.workshops.present(demarche_id, number)}


def footer_of(app: VitaliteApp, screen: WorkshopScreen) -> str:
    shown = [a.binding for a in screen.active_bindings.values() if a.binding.show]
    return " ".join(f"{app.get_key_display(b)} {b.description}" for b in shown)


async def test_same_as_last_time_then_everyone_each_one_key_and_confirmed(
    store: Store, demarche_id: str
) -> None:
    ids = register(store, demarche_id)
    for name in ("Anne Azéma", "Chloé Carrère", "Denis Durand"):
        store.workshops.set_present(demarche_id, 1, ids[name], True)
    store.workshops.set_present(demarche_id, 2, ids["Bruno Bastide"], True)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id, number=2)
        await pilot.press("f6")
        await wait_for(pilot, lambda: screen.active_part == "attendance")
        footer = footer_of(app, screen)
        assert "p Idem" in footer
        assert "t Tous" in footer
        assert "Échap Retour" in footer
        assert "F1 Aide" in footer
        assert len(footer) <= 80, footer
        help_text = "\n".join(str(line) for line in key_lines(app.screen))
        assert "Comme la dernière fois" in help_text
        assert "Tous présents" in help_text

        # « p »: asked first, naming how many; Échap changes nothing.
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "3 personnes venues à l'atelier 1" in app.screen.question  # type: ignore[attr-defined]
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert present_names(store, demarche_id, 2) == {"Bruno Bastide"}
        await pilot.press("p", "enter")
        await wait_for(pilot, lambda: len(present_names(store, demarche_id, 2)) == 4)
        assert present_names(store, demarche_id, 2) == {
            "Anne Azéma",
            "Bruno Bastide",
            "Chloé Carrère",
            "Denis Durand",
        }
        # They came before: not newcomers. Bruno, who did not, stays one.
        newcomers = {
            e.participant.display_name
            for e in store.workshops.present(demarche_id, 2)
            if e.newcomer
        }
        assert newcomers == {"Bruno Bastide"}
        # « u » undoes that one bulk change, and only it: Bruno, ticked before, stays; the key
        # is in the footer (whole at 80 columns) and in F1 while it can act, then leaves.
        await wait_for(pilot, lambda: "u Annuler" in footer_of(app, screen))
        assert len(footer_of(app, screen)) <= 80, footer_of(app, screen)
        help_text = "\n".join(str(line) for line in key_lines(app.screen))
        assert "Annuler le dernier « Idem » ou « Tous »" in help_text
        # p and t leave the footer for u, not F1.
        assert "Comme la dernière fois" in help_text
        assert "Tous présents" in help_text
        await pilot.press("u")
        await wait_for(pilot, lambda: present_names(store, demarche_id, 2) == {"Bruno Bastide"})
        await wait_for(pilot, lambda: "u Annuler" not in footer_of(app, screen))
        assert any("3 personnes ne sont plus" in n.message for n in app._notifications)
        await pilot.press("u")
        await pilot.pause()
        assert present_names(store, demarche_id, 2) == {"Bruno Bastide"}
        await pilot.press("p", "enter")
        await wait_for(pilot, lambda: len(present_names(store, demarche_id, 2)) == 4)
        await wait_for(
            pilot,
            lambda: (
                "Présents : 4" in str(screen.attendance.query_one("#attendance-counts").render())
            ),
        )

        # « t »: everyone registered, the two left.
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "2 personnes inscrites" in app.screen.question  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(present_names(store, demarche_id, 2)) == 6)
        # Nobody left to tick: said, no question asked.
        await pilot.press("t")
        await pilot.pause()
        assert app.screen is screen
        assert any("déjà notées présentes" in n.message for n in app._notifications)


async def test_at_workshop_1_everyone_present_on_a_locked_base_ticks_nobody_and_says_so(
    store: Store, demarche_id: str
) -> None:
    register(store, demarche_id)
    store.set_lock_wait(0.2)
    app = make_app(store)
    other = sqlite3.connect(store.path, isolation_level=None)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_workshop(app, pilot, demarche_id, number=1)
            # Atelier 1 has no previous workshop: no « Idem », and « p » does nothing.
            assert "Idem" not in footer_of(app, screen)
            await pilot.press("p")
            await pilot.pause()
            assert app.screen is screen
            other.execute("BEGIN IMMEDIATE")
            await pilot.press("t", "enter")
            await wait_for(pilot, lambda: any("occupée" in n.message for n in app._notifications))
            assert app.screen is screen
            other.execute("COMMIT")
            # All or nobody: one commit, so nobody was ticked half-way.
            assert present_names(store, demarche_id, 1) == set()
            await pilot.press("t", "enter")
            await wait_for(pilot, lambda: len(present_names(store, demarche_id, 1)) == 6)
    finally:
        other.close()


async def test_a_late_newcomer_is_placed_in_a_subgroup_from_presences_and_shown_there(
    store: Store, demarche_id: str
) -> None:
    ids = register(store, demarche_id)
    store.workshops.set_present_many(demarche_id, 2, list(ids.values()), True)
    store.subgroups.form(demarche_id, 2, 2)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id, number=2)
        await pilot.press("f6", "a")
        await wait_for(pilot, lambda: isinstance(app.screen, NewcomerFormDialog))
        await pilot.press(*"Rémi", "enter", "2", "enter", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SubGroupPickDialog))
        [remi] = [p for p in store.participants.all(demarche_id) if p.display_name == "Rémi"]
        best = store.subgroups.best_for(demarche_id, 2, remi.id)
        [group] = [g for g in store.subgroups.all(demarche_id, 2) if g.id == best]
        assert f"conseillé : {group.position}" in app.screen.pick_title  # type: ignore[attr-defined]
        await pilot.press(str(group.position))
        await wait_for(pilot, lambda: app.screen is screen)
        assert store.subgroups.get(group.id).members[-1].id == remi.id
        assert store.subgroups.unassigned(demarche_id, 2) == []
        await wait_for(
            pilot,
            lambda: any(
                f"rejoint «\u00a0{group.name}\u00a0»" in n.message for n in app._notifications
            ),
        )
        # F7 opens on them, not on the first line.
        await pilot.press("f7")
        await wait_for(pilot, lambda: screen.active_part == "subgroups")
        assert screen.subgroups.line == f"m:{group.id}:{remi.id}"

"""Participants registry: add, filter, edit, remove and restore by keys; counts shown live."""

from __future__ import annotations

from support.tui import open_registry
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tui.conftest import SIZE, make_app
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.participant_form import ParticipantFormDialog
from vitalite_tui.tui.screens.preparation.participants import ParticipantsScreen, ParticipantTable

#: The collège keys of the dialog.
COLLEGE_KEYS = {College.ELU: "1", College.ACTEUR: "2", College.HABITANT: "3"}


async def add_by_keys(
    pilot: Pilot[None], name: str, college: College, commune: str = "", validate: str = "f2"
) -> None:
    """`a`, the name, Enter, the collège's number, Enter, the commune, then F2."""
    await pilot.press("a")
    await pilot.press(*name, "enter", COLLEGE_KEYS[college], "enter", *commune, validate)
    await pilot.pause()


def counts_line(screen: ParticipantsScreen) -> str:
    return str(screen.query_one("#counts", Static).render())


def shown_names(screen: ParticipantsScreen) -> list[str]:
    return [r.display_name for r in screen.records.values()]


async def test_three_participants_added_by_keys(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        assert counts_line(screen) == (
            "Participants : 0 inscrit · élus 0 · acteurs 0 · habitants 0"
        )
        await add_by_keys(pilot, "Jean-Paul Roux", College.ELU, "Lagrasse")
        await add_by_keys(pilot, "Karim Benali", College.ACTEUR, "Ribaute")
        await add_by_keys(pilot, "Lucette Vidal", College.HABITANT)
        assert app.screen is screen
        assert counts_line(screen) == (
            "Participants : 3 inscrits · élus 1 · acteurs 1 · habitants 1"
        )

    people = {p.display_name: p for p in store.participants.all(demarche_id)}
    assert people["Jean-Paul Roux"].college is College.ELU
    assert people["Jean-Paul Roux"].commune == "Lagrasse"
    assert people["Karim Benali"].college is College.ACTEUR
    assert people["Lucette Vidal"].college is College.HABITANT
    assert people["Lucette Vidal"].commune == ""


async def test_commune_suggestion_and_consents(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_registry(app, pilot, demarche_id)
        await pilot.press("a", *"Sophie Garcia", "enter", "2", "enter")
        # « fab » + Enter takes the suggested commune of the démarche, with its capital.
        await pilot.press(*"fab")
        await pilot.pause()  # the suggestion is computed in a worker
        await pilot.press("enter", *"Foyer rural", "enter", *"06 12", "enter")
        await pilot.press("space", "enter", "enter", "space", "enter")
        await pilot.pause()

    [person] = store.participants.all(demarche_id)
    assert person.commune == "Fabrezan"
    assert person.organisation == "Foyer rural"
    assert person.contact == "06 12"
    assert (person.consent_data, person.consent_contact, person.consent_named) == (
        True,
        False,
        True,
    )


async def test_warnings_follow_the_counts(store: Store, demarche_id: str) -> None:
    for n in range(5):
        store.participants.add(demarche_id, ParticipantDraft(f"Élu {n}", College.ELU))
        store.participants.add(demarche_id, ParticipantDraft(f"Hab {n}", College.HABITANT))
    store.participants.add(demarche_id, ParticipantDraft("Acteur 0", College.ACTEUR))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        warnings = screen.query_one("#warnings", Static)
        assert warnings.display
        assert "Tiers déséquilibrés" in str(warnings.render())
        assert "sur 11" in str(warnings.render())
        await add_by_keys(pilot, "Acteur 1", College.ACTEUR)
        await add_by_keys(pilot, "Acteur 2", College.ACTEUR)
        assert counts_line(screen).endswith("élus 5 · acteurs 3 · habitants 5")
        assert not warnings.display


async def test_filter_is_accent_and_case_insensitive(store: Store, demarche_id: str) -> None:
    for name in ("Hélène Martin", "Karim Benali", "Michel Hélias"):
        store.participants.add(demarche_id, ParticipantDraft(name, College.HABITANT))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        await pilot.press("slash", *"HEL")
        await pilot.pause()
        assert sorted(shown_names(screen)) == ["Hélène Martin", "Michel Hélias"]
        await pilot.press("e", "n", "e")  # « helene »: typed in the filter, not keys
        await pilot.pause()
        assert shown_names(screen) == ["Hélène Martin"]
        await pilot.press("down")
        assert isinstance(screen.focused, ParticipantTable)
        await pilot.press("escape")  # clears the filter first
        await pilot.pause()
        assert app.screen is screen
        assert len(shown_names(screen)) == 3


async def test_edit_a_participants_commune(store: Store, demarche_id: str) -> None:
    pid = store.participants.add(
        demarche_id, ParticipantDraft("Hélène Martin", College.ELU, commune="Lagrasse")
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_registry(app, pilot, demarche_id)
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, ParticipantFormDialog)
        assert dialog.query_one("#name", Input).value == "Hélène Martin"
        await pilot.press("enter", "enter", *"Ribaute", "f2")
        await pilot.pause()

    person = store.participants.get(pid)
    assert person.commune == "Ribaute"
    assert person.display_name == "Hélène Martin"
    assert person.college is College.ELU


async def test_remove_then_u_restores(store: Store, demarche_id: str) -> None:
    store.participants.add(demarche_id, ParticipantDraft("Hélène Martin", College.ELU))
    store.participants.add(demarche_id, ParticipantDraft("Karim Benali", College.ACTEUR))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        assert "u" not in screen.active_bindings
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert [p.display_name for p in store.participants.all(demarche_id)] == ["Karim Benali"]
        assert counts_line(screen).startswith("Participants : 1 inscrit ·")
        assert "u" in screen.active_bindings
        await pilot.press("u")
        await pilot.pause()
        assert "u" not in screen.active_bindings
        assert counts_line(screen).startswith("Participants : 2 inscrits ·")

    assert len(store.participants.all(demarche_id)) == 2


async def test_empty_name_is_refused_and_nothing_added(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_registry(app, pilot, demarche_id)
        await pilot.press("a", "enter", "3", "enter", *"Lagrasse", "f2")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ParticipantFormDialog)
        assert dialog.error_text == "Nom : ce champ est obligatoire."
        assert dialog.query_one("#commune", Input).value == "Lagrasse"
        # Nothing typed is lost; the focus is back on the name, typed in; F2 now works.
        await pilot.press(*"Denis", "f2")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantsScreen)

    [person] = store.participants.all(demarche_id)
    assert (person.display_name, person.college, person.commune) == (
        "Denis",
        College.HABITANT,
        "Lagrasse",
    )


async def test_unusual_names_are_stored_exactly(store: Store, demarche_id: str) -> None:
    names = ["Zoé 🌻 Müller-Noël", "=SUM(A1)", "[b]Rémi[/b]"]
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        for name in names:
            await add_by_keys(pilot, name, College.HABITANT)
        assert sorted(shown_names(screen)) == sorted(names)

    assert sorted(p.display_name for p in store.participants.all(demarche_id)) == sorted(names)


async def test_long_name_is_cut_on_screen_only(store: Store, demarche_id: str) -> None:
    long_name = "Marie-Christine de La Tour d'Auvergne-Lauraguais"
    pid = store.participants.add(demarche_id, ParticipantDraft(long_name, College.ELU))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        table = screen.query_one(ParticipantTable)
        cell = str(table.get_row(pid)[1])
        assert cell.endswith("…")
        assert len(cell) <= 22
        assert table.virtual_size.width <= SIZE[0]

    assert store.participants.get(pid).display_name == long_name


async def test_new_card_starts_with_the_last_college(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_registry(app, pilot, demarche_id)
        await add_by_keys(pilot, "Jean-Paul Roux", College.ELU)
        await pilot.press("a", *"Marie Costes", "f2")
        await pilot.pause()

    people = {p.display_name: p.college for p in store.participants.all(demarche_id)}
    assert people == {"Jean-Paul Roux": College.ELU, "Marie Costes": College.ELU}

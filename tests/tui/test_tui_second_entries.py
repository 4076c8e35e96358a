"""Sheets typed on two laptops that differ, settled by keys as their blind verification."""

from __future__ import annotations

from support.bundles import Laptops

from tui.conftest import SIZE, make_app, screen_text, wait_for
from vitalite_tui.store.questionnaire.records import SheetDraft
from vitalite_tui.tui.screens.demarche import DemarcheScreen
from vitalite_tui.tui.screens.questionnaire.sheets import Step3Screen
from vitalite_tui.tui.screens.questionnaire.verification import SecondEntriesScreen


async def test_sheets_typed_on_two_laptops_are_settled_value_by_value(
    laptops: Laptops,
) -> None:
    hub = laptops.open("hub")
    d = hub.demarches.create("CC du Val d'Orbieu", "Lagrasse")
    laptops.read("b", laptops.write("hub", d))
    # Sheet 13 read differently twice, sheet 14 once, sheet 15 alike (verified by the merge).
    typed = {
        "hub": {13: {"I1_V1": 2, "I1_D1": 1}, 14: {"I1_V1": 4}, 15: {"I1_V1": 3}},
        "b": {13: {"I1_V1": 3, "I1_D1": 2}, 14: {"I1_V1": 1}, 15: {"I1_V1": 3}},
    }
    for name, sheets in typed.items():
        for number, answers in sheets.items():
            laptops.open(name).responses.save_sheet(d, SheetDraft(number, {}, answers))
    laptops.read("hub", laptops.write("b", d))
    store = laptops.open("hub")
    second = {
        e.sheet_number: store.responses.second_entry(e.second_id).answers
        for e in store.responses.second_entries(d)
    }
    first = {s.sheet_number or 0: s.answers for s in store.responses.all(d)}
    assert sorted(second) == [13, 14]

    app = make_app(store, demarche_id=d)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DemarcheScreen))
        app.push_screen(Step3Screen(d))
        await wait_for(pilot, lambda: "s : 2 doubles à trancher" in screen_text(app))
        await pilot.press("s")
        await wait_for(pilot, lambda: "2 différences" in screen_text(app))
        assert isinstance(app.screen, SecondEntriesScreen)
        assert "n° 15" not in screen_text(app)
        # Sheet 13: the first typing's value for one item, the second's for the other.
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Différence 1 sur 2" in screen_text(app))
        await pilot.press("1")
        await wait_for(pilot, lambda: "Différence 2 sur 2" in screen_text(app))
        await pilot.press("2")
        await wait_for(pilot, lambda: "n° 13" not in screen_text(app))
        # Sheet 14: Escape halfway changes nothing, then the second typing is taken.
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Différence 1 sur 1" in screen_text(app))
        await pilot.press("escape")
        await wait_for(pilot, lambda: "1 différence" in screen_text(app))
        assert isinstance(app.screen, SecondEntriesScreen)
        await pilot.press("enter", "2")
        await wait_for(pilot, lambda: "Aucune fiche saisie sur deux postes" in screen_text(app))
    stored = {s.sheet_number or 0: s for s in store.responses.all(d)}
    assert all(stored[n].verified_at is not None for n in (13, 14, 15))
    settled = {n: {k: stored[n].answers[k] for k in typed["hub"][n]} for n in (13, 14)}
    assert settled[14] == {"I1_V1": second[14]["I1_V1"]}
    # Sheet 13: one value of each typing (1 then 2), not either typing whole.
    picks = {
        k: (settled[13][k] == first[13][k], settled[13][k] == second[13][k])
        for k in typed["hub"][13]
    }
    assert sorted(picks.values()) == [(False, True), (True, False)]
    assert store.responses.second_entries(d) == []
    laptops.close()

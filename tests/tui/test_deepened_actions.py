"""Atelier 3: a sub-group (and so each of its rounds) linked to the kept action it deepens."""

from __future__ import annotations

import pytest
from support.tui import open_workshop
from support.votes import INTENTIONS, ids_by_title, make_scene

from tui.conftest import SIZE, make_app, screen_lines, wait_for
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store
from vitalite_tui.store.vote.records import VoteSettingsDraft
from vitalite_tui.tui.dialogs.action_pick import ActionPickDialog
from vitalite_tui.tui.screens.restitution import RestitutionScreen


def keep_two(store: Store, demarche_id: str) -> dict[str, str]:
    """The café and the transport kept by a closed vote; ids by title."""
    make_scene(store, demarche_id)
    store.votes.import_intentions(demarche_id)
    ids = ids_by_title(store, demarche_id)
    store.votes.save_settings(demarche_id, VoteSettingsDraft(3, 2, keep_count=2))
    for title, dots in zip(INTENTIONS, (9, 6, 2, 1), strict=True):
        store.votes.set_tally(demarche_id, ids[title], None, dots)
    store.votes.close(demarche_id)
    return ids


async def test_a_subgroup_deepens_a_kept_action_chosen_by_its_number(
    store: Store, demarche_id: str
) -> None:
    ids = keep_two(store, demarche_id)
    first, _second = store.subgroups.form(demarche_id, 3, 2)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id, number=3)
        await pilot.press("f7")
        await wait_for(pilot, lambda: screen.subgroups.line == f"g:{first.id}")
        await pilot.press("k")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionPickDialog))
        # Kept actions only, in the vote's order, then « none ».
        assert [label for _, label in app.screen.choices] == [  # type: ignore[attr-defined]
            f"1 {INTENTIONS[0]}",
            f"2 {INTENTIONS[1]}",
            "3 Aucune action (défaire le lien)",
        ]
        await pilot.press("2")
        await wait_for(pilot, lambda: store.subgroups.actions(demarche_id) != {})
        assert store.subgroups.actions(demarche_id) == {first.id: ids[INTENTIONS[1]]}
        await wait_for(
            pilot, lambda: f"approfondit : {INTENTIONS[1]}" in "\n".join(screen_lines(app))
        )

        # Shown in the restitution, under the action.
        app.push_screen(RestitutionScreen(demarche_id, page=5))
        await wait_for(pilot, lambda: "approfondie par" in "\n".join(screen_lines(app)))
        assert f"↳ approfondie par {first.name}" in "\n".join(screen_lines(app))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)

        # The last line undoes the link.
        await pilot.press("k")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionPickDialog))
        await pilot.press("3")
        await wait_for(pilot, lambda: store.subgroups.actions(demarche_id) == {})


def test_only_a_kept_action_and_only_at_workshop_3(store: Store, demarche_id: str) -> None:
    ids = keep_two(store, demarche_id)
    group = store.subgroups.form(demarche_id, 3, 1)[0]
    with pytest.raises(InvalidInput, match="n'est pas une action retenue"):
        store.subgroups.set_action(group.id, ids[INTENTIONS[3]])
    for person in store.workshops.present(demarche_id, 3):
        store.workshops.set_present(demarche_id, 1, person.participant.id, True)
    other = store.subgroups.form(demarche_id, 1, 1)[0]
    with pytest.raises(InvalidInput, match="atelier 3"):
        store.subgroups.set_action(other.id, ids[INTENTIONS[0]])
    # Changing the action replaces the link: one action per sub-group.
    store.subgroups.set_action(group.id, ids[INTENTIONS[0]])
    store.subgroups.set_action(group.id, ids[INTENTIONS[1]])
    assert store.subgroups.actions(demarche_id) == {group.id: ids[INTENTIONS[1]]}

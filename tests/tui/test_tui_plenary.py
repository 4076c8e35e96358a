"""Plenary view: notes grouped by indicator and pole, sub-group after sub-group, no names."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.conftest import SIZE, make_app, screen_lines
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.screens.workshops.plenary import PlenaryColumn, PlenaryScreen, group_by_tag

NAMES = (
    ("Martine Roux", College.HABITANT),
    ("Jean-Paul Vidal", College.ELU),
    ("Sophie Garcia", College.ACTEUR),
    ("Karim Benali", College.ACTEUR),
    ("Lucette Amiel", College.HABITANT),
    ("Denis Faure", College.ELU),
)


def two_subgroups_with_notes(store: Store, demarche_id: str) -> tuple[str, str]:
    for name, college in NAMES:
        person = store.participants.add(demarche_id, ParticipantDraft(name, college))
        store.workshops.set_present(demarche_id, 1, person, True)
    first, second = store.subgroups.form(demarche_id, 1, count=2)
    one = store.capture.start_round(first.id, "Où vous retrouvez-vous ?")
    speaker = first.members[0].id
    store.capture.save_note(one.id, speaker, "Plus rien l'hiver", indicator=1, pole=Pole.DEPRESSION)
    store.capture.save_note(one.id, speaker, "Le marché du jeudi", indicator=1, pole=Pole.VITALITY)
    store.capture.save_note(one.id, None, "Une idée sans étiquette")
    store.capture.save_note(one.id, speaker, "Le club de foot", indicator=1, pole=Pole.VITALITY)
    two = store.capture.start_round(second.id, "Que manque-t-il ?")
    store.capture.save_note(
        two.id, second.members[0].id, "Pas de bus le samedi", indicator=2, pole=Pole.DEPRESSION
    )
    return first.id, second.id


def test_notes_are_grouped_vitality_first_untagged_last(store: Store, demarche_id: str) -> None:
    first, _ = two_subgroups_with_notes(store, demarche_id)
    notes = store.capture.workshop_notes(demarche_id, 1)
    groups = group_by_tag([n for n in notes if n.subgroup_id == first])
    assert [(g.title, [n.text for n in g.notes]) for g in groups] == [
        ("I1 Rendez-vous", ["Le marché du jeudi", "Le club de foot"]),
        ("I1 Isolement", ["Plus rien l'hiver"]),
        ("Sans étiquette", ["Une idée sans étiquette"]),
    ]


async def test_one_sub_group_then_the_next_without_names(store: Store, demarche_id: str) -> None:
    first, second = two_subgroups_with_notes(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = PlenaryScreen(demarche_id, 1, first)
        await app.push_screen(screen)
        await pilot.pause()
        lines = screen_lines(app)
        text = "\n".join(lines)
        assert "Sous-groupe 1" in lines[0]
        headings = [line.strip() for line in lines if line.strip().startswith(("I1", "SANS"))]
        assert [" ".join(h.split()) for h in headings] == [
            "I1 RENDEZ-VOUS vitalité 2",
            "I1 ISOLEMENT dépression 1",
            "SANS ÉTIQUETTE 1",
        ]
        order = [text.index(t) for t in ("Le marché", "Le club", "Plus rien", "sans étiquette")]
        assert order == sorted(order)
        assert "Pas de bus" not in text
        assert not any(name.split()[0] in text for name, _ in NAMES)

        await pilot.press("right")
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "Sous-groupe 2" in text
        assert "Pas de bus le samedi" in text
        assert "I2 IMPUISSANCE" in text
        assert "Le marché" not in text
        assert not any(name.split()[0] in text for name, _ in NAMES)
        await pilot.press("right")  # already the last one: it stays
        assert [c.group.id for c in screen.query(PlenaryColumn)] == [second]


async def test_all_sub_groups_side_by_side(store: Store, demarche_id: str) -> None:
    first, second = two_subgroups_with_notes(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = PlenaryScreen(demarche_id, 1, first)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert [c.group.id for c in screen.query(PlenaryColumn)] == [first, second]
        text = "\n".join(screen_lines(app))
        assert "tous les sous-groupes" in text
        assert "Le marché" in text
        assert "Pas de bus" in text
        assert not any(name.split()[0] in text for name, _ in NAMES)
        await pilot.press("pagedown", "space", "pageup", "t")
        await pilot.pause()
        assert [c.group.id for c in screen.query(PlenaryColumn)] == [first]


async def press_and_read(pilot: Pilot[None], *keys: str) -> str:
    await pilot.press(*keys)
    await pilot.pause()
    assert isinstance(pilot.app, VitaliteApp)
    return "\n".join(screen_lines(pilot.app))


async def test_opened_from_the_capture_screen(store: Store, demarche_id: str) -> None:
    first, _ = two_subgroups_with_notes(store, demarche_id)
    from vitalite_tui.tui.screens.workshops.capture import CaptureScreen

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(CaptureScreen(first))
        await pilot.pause()
        text = await press_and_read(pilot, "ctrl+p")
        assert isinstance(app.screen, PlenaryScreen)
        assert "Le club de foot" in text
        assert not any(name.split()[0] in text for name, _ in NAMES)
        await pilot.press("escape")
        assert isinstance(app.screen, CaptureScreen)

"""Snapshots of key screens at 80x24, from fixed data (nothing depends on today's date)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from tui.conftest import SIZE, footer_shows, make_app, screen_lines, screen_text, wait_for
from vitalite_tui.demo import create_demo
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.steps import Decision, StepStatus
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.demarche_records import Step1Record
from vitalite_tui.store.preparation.records import ParticipantDraft, WorkshopPlan

SnapCompare = Callable[..., bool]

COMMUNES = (
    "Lagrasse, Fabrezan, Ribaute, Camplong-d'Aude, Ferrals-les-Corbières, Boutenac, "
    "Montséret, Saint-Laurent-de-la-Cabrerisse, Talairan, Tournissan, Villar-en-Val, Taurize"
)


def fixed_demarche(store: Store) -> str:
    """A démarche half-way through step 2, with an unbalanced collège to show the warning."""
    demarche_id = store.demarches.create("CC du Val d'Orbieu", COMMUNES)
    people = [College.ELU] * 4 + [College.ACTEUR] * 4 + [College.HABITANT] * 2
    for number, college in enumerate(people, start=1):
        store.participants.add(demarche_id, ParticipantDraft(f"Personne {number}", college))
    store.steps.save_step1(
        demarche_id,
        Step1Record(
            presentation_date=date(2026, 3, 3),
            deliberation_date=date(2026, 3, 14),
            deliberation_ref="2026-041",
            decision=Decision.ADOPTED,
        ),
    )
    # DONE stamps today's date, but step 1 shows its deliberation instead: the snapshot holds.
    store.steps.set_status(demarche_id, 1, StepStatus.DONE)
    store.planning.save(
        demarche_id,
        WorkshopPlan(1, date(2026, 10, 15), time(18, 30), time(21, 0), "salle des fêtes"),
    )
    # A date chosen far ahead: the default one would pass one day, and the line change.
    store.retention.set(demarche_id, date(2099, 12, 31))
    return demarche_id


async def drawn(
    pilot: Pilot[None], screen_type: type[Screen[Any]], footer: str = "F1 Aide"
) -> None:
    """Until the screen is on top and laid out: `footer` (its last key) on the last line."""
    await wait_for(
        pilot,
        lambda: isinstance(pilot.app.screen, screen_type) and footer_shows(pilot.app, footer),
    )


def test_demarche_screen(snap_compare: SnapCompare, store: Store) -> None:
    from vitalite_tui.tui.screens.demarche import DemarcheScreen

    async def shown(pilot: Pilot[None]) -> None:
        await drawn(pilot, DemarcheScreen)

    app = make_app(store, demarche_id=fixed_demarche(store))
    assert snap_compare(app, terminal_size=SIZE, run_before=shown)


def test_home_screen_on_an_empty_base(snap_compare: SnapCompare, store: Store) -> None:
    from vitalite_tui.tui.screens.home import HomeScreen

    async def shown(pilot: Pilot[None]) -> None:
        await drawn(pilot, HomeScreen)

    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=shown)


@pytest.mark.demo("small")
def test_home_screen_with_the_demo(snap_compare: SnapCompare, store: Store) -> None:
    from vitalite_tui.tui.screens.home import HomeScreen

    async def shown(pilot: Pilot[None]) -> None:
        await drawn(pilot, HomeScreen)
        await wait_for(pilot, lambda: any("démo" in line for line in screen_lines(pilot.app)))

    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=shown)


async def open_the_vote(pilot: Pilot[None], demarche_id: str) -> None:
    """Workshop 3's contents, then F6, until the vote part is drawn whole."""
    from vitalite_tui.tui.contents.vote import VotePart
    from vitalite_tui.tui.screens.workshops.contents import ContentsScreen, contents_screen

    await pilot.app.push_screen(contents_screen(demarche_id, 3))
    await wait_for(pilot, lambda: "F6 Vote" in screen_text(pilot.app))
    await pilot.press("f6")
    await wait_for(pilot, lambda: bool(pilot.app.screen.query(VotePart)))
    # The wall's count line is written after the part's first refresh.
    await wait_for(pilot, lambda: "Gommettes posées" in screen_text(pilot.app))
    # In an open round, this footer is cut before F1 Aide at 80 columns (the picture shows it).
    await drawn(pilot, ContentsScreen, footer="Échap Retour")


@pytest.mark.demo("small")
def test_vote_tally_on_the_demo(snap_compare: SnapCompare, store: Store) -> None:
    """Workshop 3's contents, F6: the demo's closed round, its wall count and ballots."""
    demarche_id = create_demo(store, "small").demarche_id

    async def on_the_vote(pilot: Pilot[None]) -> None:
        await open_the_vote(pilot, demarche_id)

    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=on_the_vote)


def test_vote_tally_typed_so_far(snap_compare: SnapCompare, store: Store, demarche_id: str) -> None:
    """Workshop 3's contents, F6, in an open round: one dot more than expected, and a warning."""
    from support.votes import make_scene

    from vitalite_tui.store.vote.records import VoteSettingsDraft

    make_scene(store, demarche_id)
    store.votes.import_intentions(demarche_id)
    store.votes.save_settings(demarche_id, VoteSettingsDraft(3, 2, keep_count=2))
    first, second, third, fourth = (c.id for c in store.votes.candidates(demarche_id))
    for action_id, college, dots in (
        (first, College.ELU, 4),
        (first, College.HABITANT, 5),
        (second, College.ACTEUR, 3),
        (third, College.HABITANT, 6),
        (fourth, College.ELU, 1),
    ):
        store.votes.set_tally(demarche_id, action_id, college, dots)

    async def on_the_vote(pilot: Pilot[None]) -> None:
        await open_the_vote(pilot, demarche_id)

    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=on_the_vote)


@pytest.mark.demo("small")
def test_barometer_on_the_demo(snap_compare: SnapCompare, store: Store) -> None:
    from vitalite_tui.tui.screens.questionnaire.barometer import BarometerScreen
    from vitalite_tui.tui.widgets.barometer import BarometerBars

    demarche_id = create_demo(store, "small").demarche_id

    def bars_fit(pilot: Pilot[None]) -> bool:
        bars = pilot.app.screen.query_one(BarometerBars)
        return max(map(len, bars.text.splitlines())) <= bars.content_size.width

    async def on_the_barometer(pilot: Pilot[None]) -> None:
        await pilot.app.push_screen(BarometerScreen(demarche_id))
        await drawn(pilot, BarometerScreen)
        await wait_for(pilot, lambda: bars_fit(pilot))

    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=on_the_barometer)


@pytest.mark.demo("small")
def test_sheet_entry_of_a_new_sheet(
    snap_compare: SnapCompare, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Step 3, a new sheet after the demo's 80: « ce soir » is a fixed evening."""
    from vitalite_tui.tui.screens.questionnaire import sheet_entry

    demarche_id = create_demo(store, "small").demarche_id
    monkeypatch.setattr(sheet_entry, "evening_start", lambda now: datetime(2026, 10, 15, 4, 0))

    async def on_a_new_sheet(pilot: Pilot[None]) -> None:
        await pilot.app.push_screen(sheet_entry.SheetEntryScreen(demarche_id))
        await drawn(pilot, sheet_entry.SheetEntryScreen)
        # A blinking cursor would be caught on or off: keep it on.
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False

    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=on_a_new_sheet)


def test_capture_screen(
    snap_compare: SnapCompare, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The capture screen in a round, its clock and note times frozen (as if UTC were local)."""
    from vitalite_tui.db.models import Note, Round
    from vitalite_tui.domain.indicators import Pole
    from vitalite_tui.store.base import as_uuid
    from vitalite_tui.tui.screens.workshops.capture import CaptureScreen
    from vitalite_tui.tui.widgets import round_timer

    demarche_id = store.demarches.create("CC du Val d'Orbieu", COMMUNES)
    people = {
        name: store.participants.add(demarche_id, ParticipantDraft(name, college))
        for name, college in (
            ("Martine", College.HABITANT),
            ("Jean-Paul", College.ELU),
            ("Sophie", College.ACTEUR),
            ("Karim", College.ACTEUR),
            ("Lucette", College.HABITANT),
            ("Denis", College.HABITANT),
        )
    }
    for person in people.values():
        store.workshops.set_present(demarche_id, 1, person, True)
    (group,) = store.subgroups.form(demarche_id, 1, count=1)
    store.subgroups.reorder(group.id, list(people.values()))
    store.capture.start_round(group.id, "Qu'est-ce qui fait vivre vos villages ?", 20)
    rnd = store.capture.start_round(
        group.id, "Où vous retrouvez-vous avec d'autres habitants ?", 25
    )
    said = [
        ("Martine", "Le marché du jeudi, mais plus rien l'hiver.", 1, Pole.VITALITY),
        ("Karim", "Le club de foot fait le lien entre les villages.", 1, Pole.VITALITY),
        ("Jean-Paul", "Les jeunes partent dès qu'ils ont le permis.", 2, Pole.DEPRESSION),
    ]
    for minute, (name, text, indicator, pole) in enumerate(said, start=2):
        if name == "Jean-Paul":
            store.capture.record_pass(rnd.id, people["Denis"])
        note = store.capture.save_note(rnd.id, people[name], text, None, indicator, pole)
        Note.update(created_at=datetime(2026, 10, 15, 19, minute)).where(
            Note.id == as_uuid(note.id)
        ).execute()
    Round.update(started_at=datetime(2026, 10, 15, 18, 50)).where(
        Round.id == as_uuid(rnd.id)
    ).execute()
    monkeypatch.setattr(round_timer, "utc_now", lambda: datetime(2026, 10, 15, 19, 2, 40))
    monkeypatch.setattr(round_timer, "local_time", lambda moment: moment)

    async def open_capture(pilot: Pilot[None]) -> None:
        screen = CaptureScreen(group.id)
        await pilot.app.push_screen(screen)
        await drawn(pilot, CaptureScreen)
        screen.input.cursor_blink = False
        await pilot.press("f8", "f8", *"Le café a fermé en 2019")
        await wait_for(pilot, lambda: screen.input.value == "Le café a fermé en 2019")

    app = make_app(store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_capture)

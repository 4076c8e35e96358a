"""Démarche screen: the stepper and its statuses, the participants line, opening a step."""

from __future__ import annotations

from textual.widgets import Static

from tui.conftest import SIZE, make_app, text_of
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.screens.demarche import DemarcheScreen, StepList


def step_lines(screen: DemarcheScreen) -> list[str]:
    """The text of each line of the stepper, as shown."""
    steps = screen.query_one(StepList)
    return [str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count)]


def add_people(store: Store, demarche_id: str, *colleges: College) -> None:
    for number, college in enumerate(colleges, start=1):
        store.participants.add(demarche_id, ParticipantDraft(f"Personne {number}", college))


def messages(app: VitaliteApp) -> list[str]:
    # Textual keeps the notifications shown on screen here (no public accessor).
    return [notification.message for notification in app._notifications]


async def test_stepper_shows_the_seven_steps_and_their_status(
    store: Store, demarche_id: str
) -> None:
    store.steps.set_status(demarche_id, 1, StepStatus.DONE)
    store.steps.set_status(demarche_id, 2, StepStatus.IN_PROGRESS)
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DemarcheScreen)
        lines = step_lines(screen)
        # The seven steps, then the exchanges between laptops.
        assert len(lines) == 8
        assert "Échanges entre postes" in lines[7]
        lines = lines[:7]
        assert lines[0].startswith("✔ 1  Présentation et validation")
        assert lines[1].startswith("● 2  Travaux préparatoires")
        assert all(line.startswith(f"○ {n}") for n, line in enumerate(lines[2:], start=3))
        # Every step has its screen now: none is announced as coming later.
        assert not any("bientôt" in line for line in lines)
        assert "aucun questionnaire saisi" in lines[2]
        assert text_of(screen, "#territory") == "Vitalité sociale — CC du Val d'Orbieu"
        assert text_of(screen, "#communes") == "3 communes"


async def test_stepper_refreshes_when_coming_back(store: Store, demarche_id: str) -> None:
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DemarcheScreen)
        assert step_lines(screen)[0].startswith("○ 1")

        # As if a step screen had been open and had finished step 1.
        await app.push_screen(DemarcheScreen(demarche_id))
        store.steps.set_status(demarche_id, 1, StepStatus.DONE)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.is_current
        assert step_lines(screen)[0].startswith("✔ 1")


async def test_participants_line_counts_each_college_and_warns(
    store: Store, demarche_id: str
) -> None:
    add_people(store, demarche_id, *[College.ELU] * 5, College.ACTEUR, College.HABITANT)
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DemarcheScreen)
        assert (
            text_of(screen, "#participants")
            == "Participants : 7 inscrits · élus 5 · acteurs 1 · habitants 1"
        )
        warnings = screen.query_one("#warnings", Static)
        assert warnings.display
        assert "Tiers déséquilibrés : 5 élus sur 7" in text_of(screen, "#warnings")


async def test_no_participants_yet_no_warning(store: Store, demarche_id: str) -> None:
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DemarcheScreen)
        assert "aucun inscrit" in text_of(screen, "#participants")
        assert not screen.query_one("#warnings").display


async def test_enter_on_step_3_opens_the_questionnaire(store: Store, demarche_id: str) -> None:
    from vitalite_tui.tui.screens.questionnaire.sheets import Step3Screen

    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Step3Screen)
        assert not messages(app)


async def test_escape_goes_back_home(store: Store, demarche_id: str) -> None:
    from vitalite_tui.tui.screens.home import HomeScreen

    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_p_opens_the_participants(store: Store, demarche_id: str) -> None:
    from vitalite_tui.tui.screens.preparation.participants import ParticipantsScreen

    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantsScreen)


async def test_enter_on_step_1_opens_step_1(store: Store, demarche_id: str) -> None:
    from vitalite_tui.tui.screens.preparation.step1 import Step1Screen

    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Step1Screen)


async def test_enter_on_step_2_opens_step_2(store: Store, demarche_id: str) -> None:
    from vitalite_tui.tui.screens.preparation.step2 import Step2Screen

    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Step2Screen)

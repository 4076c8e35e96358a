"""Personal data in the TUI: the home screen's reminder once the retention date has passed,
`v` on the démarche screen to change the date, then F8 to purge after a confirmation."""

from __future__ import annotations

from datetime import date

from tui.conftest import SIZE, make_app, screen_text, text_of, wait_for
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.privacy import PrivacyDialog
from vitalite_tui.tui.screens.demarche import DemarcheScreen

NAME = "Hortense Pujol-Castagné"


async def test_reminder_then_date_then_purge_from_the_keyboard(
    store: Store, demarche_id: str
) -> None:
    store.participants.add(demarche_id, ParticipantDraft(NAME, College.HABITANT, "Lagrasse"))
    store.retention.set(demarche_id, date(2020, 1, 1))
    async with make_app(store).run_test(size=SIZE) as pilot:
        app = pilot.app
        await wait_for(pilot, lambda: "Conservation dépassée" in screen_text(app))
        assert "touche v" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DemarcheScreen))
        await wait_for(pilot, lambda: "Conservation dépassée depuis le" in screen_text(app))
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, PrivacyDialog))
        await wait_for(pilot, lambda: "n'est pas terminée" in screen_text(app))
        # A date that does not exist: said in French, the dialog stays.
        await pilot.press(*"31/02/2021", "enter")
        await wait_for(pilot, lambda: "n'existe pas au calendrier" in screen_text(app))
        await pilot.press(*(["backspace"] * 10), *"30/06/2099", "enter")
        await wait_for(pilot, lambda: "Date enregistrée." in screen_text(app))
        assert "30/06/2099" in screen_text(app)
        assert store.retention.get(demarche_id).until == date(2099, 6, 30)
        # Refused while the démarche is not finished; finished, F8 asks, o purges.
        await pilot.press("f8")
        await wait_for(pilot, lambda: "marquez l'étape 7" in text_of(app.screen, "#privacy-said"))
        store.steps.set_status(demarche_id, 7, StepStatus.DONE)
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "Seront effacés" in screen_text(app)
        await pilot.press("enter")  # Enter keeps the data: the safe answer
        await wait_for(pilot, lambda: isinstance(app.screen, PrivacyDialog))
        assert [p.display_name for p in store.participants.all(demarche_id)] == [NAME]
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("o")
        await wait_for(pilot, lambda: "Purge de « CC" in text_of(app.screen, "#privacy-said"))
        assert [p.display_name for p in store.participants.all(demarche_id)] == ["P001"]
        await pilot.press("escape")
        await wait_for(pilot, lambda: "Données personnelles purgées (v)." in screen_text(app))
        await pilot.press("f1")
        await wait_for(pilot, lambda: "Vie privée" in screen_text(app))

"""F3 on a step screen: done ↔ in progress, asking first when the step is clearly unfinished."""

from __future__ import annotations

from collections.abc import Callable

from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.errors import VitaliteError
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.widgets.step_header import StepHeader


def toggle_step_done(
    screen: BaseScreen,
    demarche_id: str,
    number: int,
    then: Callable[[StepStatus], None] | None = None,
) -> None:
    """Reopen a finished step; finish another, after saying what it lacks and asking.

    The new status shows in the screen's StepHeader, then `then` is told it. A refusal
    of the base is reported in French and nothing changes.
    """
    store = screen.store

    def apply(status: StepStatus) -> None:
        try:
            store.steps.set_status(demarche_id, number, status)
        except VitaliteError as exc:
            screen.report(exc)
            return
        screen.query_one(StepHeader).show_status(status)
        if then is not None:
            then(status)

    try:
        done = store.steps.status(demarche_id, number) is StepStatus.DONE
        missing = [] if done else store.steps.missing(demarche_id, number)
    except VitaliteError as exc:
        screen.report(exc)
        return
    if done:
        apply(StepStatus.IN_PROGRESS)
    elif not missing:
        apply(StepStatus.DONE)
    else:
        question = (
            f"L'étape {number} semble inachevée : {' ; '.join(missing)}. "
            "La marquer terminée quand même (sinon elle reste en cours) ?"
        )

        def answered(finish: bool | None) -> None:
            if finish:
                apply(StepStatus.DONE)

        screen.app.push_screen(ConfirmDialog(question), answered)

"""Writing the Excel workbook from the app: a thread worker, a progress bar, where it went.

Any screen exports with `push_screen(ExportDialog(demarche_id))` (add `workshop=N` for one
workshop). The work runs in a thread with its own database connection and reports back with
messages; the dialog closes by itself and a notification gives the file's full path.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from vitalite_tui.errors import VitaliteError
from vitalite_tui.paths import exports_dir
from vitalite_tui.tui.services import AppServices, services
from vitalite_tui.workbook import ExportResult, export_workbook

if TYPE_CHECKING:
    from vitalite_tui.store import Store


class ExportCancelled(Exception):
    """Raised in the worker's thread between two sheets once Escape was pressed."""


class ExportDialog(ModalScreen[ExportResult | None]):
    """Exports one démarche (or one of its workshops) and says where the file went."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical {
        width: 64; max-width: 100%; height: auto;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    ExportDialog ProgressBar { margin: 1 0 0 0; }
    ExportDialog #export-step { color: $text-muted; }
    ExportDialog .export-keys { color: $text-muted; padding-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Annuler",
            id="cancel-export",
            tooltip="Abandonner l'export : l'export précédent, s'il y en a un, reste intact.",
        ),
    ]

    class Progressed(Message):
        """The worker moved on to a sheet (or to writing the file)."""

        def __init__(self, step: int, total: int, label: str) -> None:
            super().__init__()
            self.step = step
            self.total = total
            self.label = label

    class Finished(Message):
        """The workbook is written; `result.path` says where."""

        def __init__(self, result: ExportResult) -> None:
            super().__init__()
            self.result = result

    class Failed(Message):
        """Nothing was written (or the export was cancelled: `error` is None)."""

        def __init__(self, error: VitaliteError | None) -> None:
            super().__init__()
            self.error = error

    def __init__(
        self, demarche_id: str, *, workshop: int | None = None, out_dir: Path | None = None
    ) -> None:
        super().__init__()
        self.demarche_id = demarche_id
        self.workshop = workshop
        self.out_dir = out_dir
        self.cancelling = False

    @property
    def vitalite(self) -> AppServices:
        return services(self)

    def compose(self) -> ComposeResult:
        what = f"de l'atelier {self.workshop}" if self.workshop is not None else "de la démarche"
        with Vertical():
            yield Static(f"Export du classeur Excel {what}…", markup=False)
            yield ProgressBar(show_eta=False, id="export-progress")
            yield Static("Préparation", id="export-step", markup=False)
            yield Static("Échap Annuler", classes="export-keys")

    def on_mount(self) -> None:
        self.export(self.vitalite.store, exports_dir(self.out_dir))

    @work(thread=True, exclusive=True, exit_on_error=False)
    def export(self, store: Store, folder: Path) -> None:
        """In a thread: write the workbook, reporting each step; never touches the UI."""
        worker = get_current_worker()

        def progress(step: int, total: int, label: str) -> None:
            # Between two sheets is the safe place to stop: nothing is renamed yet. The last
            # step comes once the file is written: too late to say that none was.
            if worker.is_cancelled and step < total:
                raise ExportCancelled
            self.post_message(self.Progressed(step, total, label))

        try:
            with store.thread_connection():
                result = export_workbook(
                    store, self.demarche_id, folder, workshop=self.workshop, progress=progress
                )
        except ExportCancelled:
            self.post_message(self.Failed(None))
        except VitaliteError as exc:
            self.post_message(self.Failed(exc))
        except Exception as exc:  # a bug: say it in French rather than fail silently
            self.post_message(
                self.Failed(
                    VitaliteError(
                        f"L'export a échoué sur une erreur inattendue ({exc}) ; "
                        "l'export précédent, s'il y en a un, est intact."
                    )
                )
            )
        else:
            self.post_message(self.Finished(result))

    @on(Progressed)
    def show_progress(self, message: Progressed) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.step)
        if not self.cancelling:
            self.query_one("#export-step", Static).update(message.label or "Terminé")

    @on(Finished)
    def say_where_it_went(self, message: Finished) -> None:
        result = message.result
        self.app.notify(
            f"Classeur écrit : {result.path}",
            title="Export",
            timeout=20,
            markup=False,
        )
        for warning in result.warnings:
            self.app.notify(warning, title="Export", severity="warning", timeout=20, markup=False)
        self.dismiss(result)

    @on(Failed)
    def say_why_not(self, message: Failed) -> None:
        if message.error is None:
            self.app.notify("Export abandonné : aucun fichier écrit.", title="Export")
        else:
            self.vitalite.report(message.error)
        self.dismiss(None)

    def action_cancel(self) -> None:
        # The worker stops at its next step and then closes the dialog (see `say_why_not`).
        self.cancelling = True
        self.query_one("#export-step", Static).update("Abandon…")
        self.workers.cancel_all()

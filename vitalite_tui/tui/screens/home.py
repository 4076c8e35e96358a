"""Home: the démarches of this database, a new one, or the demo to explore."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Rule, Static

from vitalite_tui.domain.steps import STEPS
from vitalite_tui.domain.text import plural
from vitalite_tui.errors import StorageFailure, VitaliteError
from vitalite_tui.store.preparation.demarche_records import DemarcheContents, DemarcheSummary
from vitalite_tui.tui.keys import BACKUP_BINDING
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.widgets.footer import Footer

if TYPE_CHECKING:
    from vitalite_tui.demo import DemoResult
    from vitalite_tui.store import Store
    from vitalite_tui.tui.dialogs.demarche_form import DemarcheDraft
from vitalite_tui.tui.widgets.table import Column, RecordTable

COLUMNS: list[Column] = [
    ("Territoire", 38),
    ("Communes", None),
    ("Participants", None),
    ("Étapes", None),
    ("", None),  # « démo » on the demonstration démarche
]

BUILDING_DEMO = "Création de la démarche de démonstration…"

EMPTY_INVITATION = (
    "Aucune démarche pour l'instant.\n\n"
    "Appuyez sur [b]d[/b] pour explorer la démarche de démonstration, "
    "ou sur [b]n[/b] pour créer la vôtre.\n"
    "Pour un poste de sous-groupe : [b]x[/b] lit le paquet écrit par le poste central."
)

#: Shown instead when every démarche of the base is archived (and archives are hidden).
ALL_ARCHIVED = (
    "Toutes les démarches de cette base sont archivées.\n\n"
    "Appuyez sur [b]v[/b] pour les voir (puis [b]a[/b] en rend une à la liste), "
    "ou sur [b]n[/b] pour en créer une nouvelle."
)


class DemarcheTable(RecordTable):
    """The démarches, newest first; Enter opens the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Ouvrir",
            id="open-demarche",
            tooltip="Ouvrir la démarche choisie (↑↓ pour choisir).",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(COLUMNS, id="demarches")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "select_cursor" and self.row_count == 0)


def summary_cells(summary: DemarcheSummary) -> tuple[str, ...]:
    marks = ("démo" if summary.is_demo else "", "archivée" if summary.archived_at else "")
    return (
        summary.territory,
        str(len(summary.communes)),
        str(summary.participant_count),
        f"{summary.steps_done}/{len(STEPS)}",
        " · ".join(mark for mark in marks if mark),
    )


def removal_question(territory: str, contents: DemarcheContents) -> str:
    """The confirmation of a removal: what goes with the démarche, and how to undo it."""
    return (
        f"Supprimer la démarche « {territory} » avec tout ce qu'elle contient "
        f"({contents.described()}) ? Elle quitte la liste mais reste dans la base : "
        "u la rétablit jusqu'à la fermeture du logiciel, ensuite la commande "
        "« vitalite demarche restore »."
    )


class HomeScreen(BaseScreen):
    """The first screen: every démarche of the database, and the way to start one."""

    CSS_PATH = "home.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "new_demarche",
            # « Nouvelle » alone: the screen's title says it lists démarches, and the
            # footer must hold every key at 80 columns.
            "Nouvelle",
            id="new-demarche",
            tooltip="Créer la démarche d'un territoire : le nom de l'EPCI et ses communes.",
        ),
        Binding(
            "m",
            "edit_demarche",
            "Modifier",
            id="edit-demarche",
            tooltip="Changer le nom ou les communes de la démarche choisie.",
            # The footer is full at 80 columns: the line under the list says it.
            show=False,
        ),
        Binding(
            "delete",
            "remove_demarche",
            "Supprimer",
            id="remove-demarche",
            tooltip="Supprimer la démarche choisie, après confirmation ; u la rétablit "
            "jusqu'à la fermeture du logiciel, ensuite « vitalite demarche restore ».",
            show=False,
        ),
        Binding(
            "u",
            "undo_removal",
            "Rétablir",
            id="undo-demarche-removal",
            tooltip="Remettre dans la liste la dernière démarche supprimée.",
            show=False,
        ),
        Binding(
            "a",
            "archive",
            "Archiver",
            id="archive-demarche",
            tooltip="Ranger la démarche choisie (finie) : gardée entière, elle quitte la "
            "liste ; sur une démarche archivée, a la rend à la liste.",
            show=False,
        ),
        Binding(
            "v",
            "toggle_archived",
            "Archivées",
            id="show-archived",
            tooltip="Montrer ou cacher les démarches archivées.",
            show=False,
        ),
        Binding(
            "e",
            "export",
            "Exporter",
            id="export-demarche",
            tooltip="Écrire le classeur Excel de la démarche choisie dans le dossier exports/.",
        ),
        Binding(
            "d",
            "demo",
            "Démo",
            id="demo",
            tooltip="Ouvrir la démarche de démonstration : un territoire fictif, pour essayer "
            "sans risque.",
        ),
        BACKUP_BINDING,
        Binding(
            "x",
            "exchanges",
            "Échanges",
            id="home-exchanges",
            tooltip="Lire les paquets d'un dossier d'échange : une démarche venue d'un autre "
            "poste (le poste central) arrive dans cette base.",
            show=False,
        ),
        Binding(
            "r",
            "restore",
            "Restaurer",
            id="restore",
            tooltip="Remettre en place une copie de la base (sauvegardes/, clé USB) ; la base "
            "actuelle est d'abord mise de côté.",
            show=False,
        ),
    ]

    class DemoProgressed(Message):
        """The demo's builder moved on: `done` of its `total` parts are written."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class DemoBuilt(Message):
        """The demo is there (made now, or found from an earlier time)."""

        def __init__(self, result: DemoResult) -> None:
            super().__init__()
            self.result = result

    class DemoFailed(Message):
        """The demo could not be made; nothing of it was written."""

        def __init__(self, error: VitaliteError) -> None:
            super().__init__()
            self.error = error

    def compose(self) -> ComposeResult:
        with Horizontal(classes="screen-title"):
            yield Static("Vitalité sociale — démarches", id="title")
            # Kept by reference: the first refresh may come before this row is mounted.
            yield self.count
        yield Rule()
        yield Static(EMPTY_INVITATION, id="empty")
        yield DemarcheTable()
        yield Static("", id="retention-reminder", classes="warning", markup=False)
        yield Static("", id="demarche-keys", classes="hint")
        yield Footer(compact=True)

    def __init__(self) -> None:
        super().__init__()
        self.count = Static("", id="count")
        self.building_demo = False
        #: Whether archived démarches are listed too (`v`).
        self.showing_archived = False
        #: The démarches removed since the app started, last one last (`u` brings it back).
        self.removed: list[tuple[str, str]] = []
        self.summaries: dict[str, DemarcheSummary] = {}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The home screen is the root: there is nothing to go back to.
        if action in {"export", "edit_demarche", "remove_demarche", "archive"}:
            return self.current_summary() is not None
        if action == "undo_removal":
            return bool(self.removed)
        if action == "demo":
            return not self.building_demo
        return action != "back"

    def current_summary(self) -> DemarcheSummary | None:
        """The démarche under the cursor, if the list shows one."""
        tables = self.query(DemarcheTable)
        current = tables.first().current_key if tables else None
        return None if current is None else self.summaries.get(current)

    def action_export(self) -> None:
        """The highlighted démarche's workbook: one key from the first screen."""
        demarche_id = self.query_one(DemarcheTable).current_key
        if demarche_id is None:
            return
        from vitalite_tui.tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog(demarche_id))

    def action_backup(self) -> None:
        from vitalite_tui.tui.copies import ask_where_and_copy

        ask_where_and_copy(self.app)

    def action_exchanges(self) -> None:
        from vitalite_tui.tui.screens.exchanges import ExchangesScreen

        self.app.push_screen(ExchangesScreen(None))

    def action_restore(self) -> None:
        from vitalite_tui.tui.copies import ask_which_copy_and_restore

        ask_which_copy_and_restore(self.app, self.refresh_demarches)

    def on_screen_resume(self) -> None:
        self.refresh_demarches()

    def refresh_demarches(self, select: str | None = None) -> None:
        """Reload the list from the store, the cursor on `select` or the same démarche."""
        try:
            summaries = self.store.demarches.all()
        except VitaliteError as exc:
            self.report(exc)
            return
        archived = sum(1 for summary in summaries if summary.archived_at)
        shown = [s for s in summaries if self.showing_archived or not s.archived_at]
        self.summaries = {summary.id: summary for summary in shown}
        table = self.query_one(DemarcheTable)
        table.fill(((summary.id, summary_cells(summary)) for summary in shown), select=select)
        empty = not shown
        table.display = not empty
        invitation = self.query_one("#empty", Static)
        invitation.update(ALL_ARCHIVED if summaries else EMPTY_INVITATION)
        invitation.display = empty
        self.show_demarche_keys(shown=not empty)
        count = plural(len(summaries) - archived, "démarche") if summaries else ""
        if archived:
            count += f" · {plural(archived, 'archivée', 'archivées')} (v)"
        self.count.update(count)
        # Once the list is on screen: the first screen does not wait for this line.
        self.call_after_refresh(self.remind_retention)
        if not empty:
            table.focus()
        self.refresh_bindings()

    def remind_retention(self) -> None:
        """A line when a démarche's personal data is kept past its date."""
        from vitalite_tui.store.privacy.retention import reminder

        overdue = self.read(self.store.retention.overdue) or []
        line = self.query_one("#retention-reminder", Static)
        line.update(reminder(overdue))
        line.display = bool(overdue)

    def show_demarche_keys(self, *, shown: bool) -> None:
        """The keys that act on the chosen démarche, on a line of their own (footer full)."""
        keys = ["m Modifier", "Suppr Supprimer", "a Archiver", "v Archivées"] if shown else []
        if self.removed:
            keys.append("u Rétablir")
        line = self.query_one("#demarche-keys", Static)
        line.update(Content(" · ".join(keys)))
        line.display = bool(keys)

    @on(DataTable.RowSelected, "#demarches")
    def open_selected_demarche(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_demarche(event.row_key.value)

    def open_demarche(self, demarche_id: str) -> None:
        from vitalite_tui.tui.screens.demarche import DemarcheScreen

        self.app.push_screen(DemarcheScreen(demarche_id))

    def action_new_demarche(self) -> None:
        # Imported here: the form is not needed to show the first screen (start-up time).
        from vitalite_tui.tui.dialogs.demarche_form import DemarcheFormDialog

        created: list[str] = []

        def create(draft: DemarcheDraft) -> None:
            # Runs inside the dialog: on a refusal it stays open with the message.
            created.append(self.store.demarches.create(draft.territory, draft.communes))

        def open_created(draft: DemarcheDraft | None) -> None:
            if draft is not None and created:
                self.notify(
                    f"Démarche « {draft.territory.strip()} » créée.",
                    title="Nouvelle démarche",
                    timeout=3,
                    markup=False,
                )
                self.open_demarche(created[-1])

        self.app.push_screen(DemarcheFormDialog(save=create), open_created)

    def action_edit_demarche(self) -> None:
        """The form of the démarche, filled in; the store checks it before it closes."""
        summary = self.current_summary()
        if summary is None:
            return
        from vitalite_tui.tui.dialogs.demarche_form import DemarcheDraft, DemarcheFormDialog

        def update(draft: DemarcheDraft) -> None:
            self.store.demarches.update(summary.id, draft.territory, draft.communes)

        def updated(draft: DemarcheDraft | None) -> None:
            if draft is not None:
                self.notify("Démarche modifiée.", title="Démarche", timeout=3)
                self.refresh_demarches()

        draft = DemarcheDraft(summary.territory, ", ".join(summary.communes))
        self.app.push_screen(
            DemarcheFormDialog(draft, title="Modifier la démarche", save=update), updated
        )

    def action_remove_demarche(self) -> None:
        """Ask, naming what goes with it; then remove (soft: `u` brings it back)."""
        summary = self.current_summary()
        if summary is None:
            return
        contents = self.read(lambda: self.store.demarches.contents(summary.id))
        if contents is None:
            return
        from vitalite_tui.tui.dialogs.confirm import ConfirmDialog

        def remove(sure: bool | None) -> None:
            if not sure:
                return
            if not self.run_safely(lambda: self.store.demarches.remove(summary.id)):
                return
            self.removed.append((summary.id, summary.territory))
            self.notify(
                f"Démarche « {summary.territory} » supprimée ; u la rétablit.",
                title="Suppression",
                markup=False,
            )
            self.refresh_demarches()

        question = removal_question(summary.territory, contents)
        # Enter must not remove a whole démarche: only `o` does.
        self.app.push_screen(ConfirmDialog(question, enter_means_yes=False), remove)

    def action_undo_removal(self) -> None:
        if not self.removed:
            return
        demarche_id, territory = self.removed[-1]
        if not self.run_safely(lambda: self.store.demarches.restore_removed(demarche_id)):
            return
        self.removed.pop()
        self.notify(f"Démarche « {territory} » rétablie.", title="Suppression", markup=False)
        self.refresh_demarches(select=demarche_id)

    def action_archive(self) -> None:
        """Archive the démarche under the cursor, or bring an archived one back."""
        summary = self.current_summary()
        if summary is None:
            return
        demarches = self.store.demarches
        if summary.archived_at is None:
            work = partial(demarches.archive, summary.id)
            said = f"Démarche « {summary.territory} » archivée ; v montre les archivées."
        else:
            work = partial(demarches.unarchive, summary.id)
            said = f"Démarche « {summary.territory} » rendue à la liste."
        if not self.run_safely(work):
            return
        self.notify(said, title="Archives", markup=False)
        self.refresh_demarches()

    def action_toggle_archived(self) -> None:
        self.showing_archived = not self.showing_archived
        self.refresh_demarches()

    def action_demo(self) -> None:
        """Build (or find) the demo in a thread; the screen says how far it is meanwhile."""
        self.building_demo = True
        self.refresh_bindings()
        # Imported and mounted only now: the first screen does not pay for a progress bar.
        from textual.widgets import ProgressBar

        self.mount(
            Horizontal(
                Static(BUILDING_DEMO, id="demo-status", markup=False),
                ProgressBar(show_eta=False, show_percentage=False, id="demo-bar"),
                id="demo-progress",
            ),
            before=self.query_one("#empty"),
        )
        # The store is read here, on the UI thread; the worker only uses it.
        self.build_demo(self.store)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def build_demo(self, store: Store) -> None:
        """In a thread: the small demo through its own connection; never touches the UI."""
        # Imported here: only this key needs the demo's builder (start-up time).
        from vitalite_tui.demo import create_demo

        def progress(done: int, total: int) -> None:
            self.post_message(self.DemoProgressed(done, total))

        try:
            with store.thread_connection():
                result = create_demo(store, "small", progress=progress)
        except StorageFailure as exc:  # a locked base, a full disk: say what it was for
            self.post_message(
                self.DemoFailed(
                    VitaliteError(f"La démarche de démonstration n'a pas pu être créée. {exc}")
                )
            )
        except VitaliteError as exc:
            self.post_message(self.DemoFailed(exc))
        except Exception as exc:  # a bug: say it in French
            self.post_message(
                self.DemoFailed(
                    VitaliteError(
                        f"La démarche de démonstration n'a pas pu être créée ({exc}) ; "
                        "rien n'en a été enregistré."
                    )
                )
            )
        else:
            self.post_message(self.DemoBuilt(result))

    @on(DemoProgressed)
    def show_demo_progress(self, message: DemoProgressed) -> None:
        from textual.widgets import ProgressBar

        for bar in self.query("#demo-bar").results(ProgressBar):
            bar.update(total=message.total, progress=message.done)

    def end_demo_build(self) -> None:
        self.building_demo = False
        self.query("#demo-progress").remove()
        self.refresh_bindings()

    @on(DemoFailed)
    def say_why_no_demo(self, message: DemoFailed) -> None:
        self.end_demo_build()
        self.report(message.error)

    @on(DemoBuilt)
    def open_built_demo(self, message: DemoBuilt) -> None:
        self.end_demo_build()
        demo = message.result
        if demo.created:
            self.notify(
                f"« {demo.territory} » : un territoire fictif, modifiez-le sans crainte.",
                title="Démarche de démonstration",
                markup=False,
            )
        self.open_demarche(demo.demarche_id)

"""Échanges: this laptop's bundle to an exchange folder, every bundle of that folder read.

The exchange folder is a USB stick passed from laptop to laptop, or any folder a sync tool
keeps in step (see the README). Writing and reading run in a thread: a large démarche takes
a moment on an old laptop, and the screen says so meanwhile.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Rule, Static

from vitalite_tui.domain.text import size_text
from vitalite_tui.errors import VitaliteError
from vitalite_tui.formats.preferences import load_preferences, remember
from vitalite_tui.paths import exchanges_dir, preferences_path
from vitalite_tui.store import Store
from vitalite_tui.store.exchange.known import KnownTables
from vitalite_tui.store.exchange.records import FoundBundle, MergeReport
from vitalite_tui.store.exchange.report import report_text
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.widgets.footer import Footer
from vitalite_tui.tui.widgets.table import shorten

#: The exchange folder last chosen, remembered between evenings.
EXCHANGE_FOLDER = "dossier_d_echange"

#: Bundles listed (the newest): the screen has room for these at 80x24.
LISTED = 6
#: Lines are cut (with « … ») to the screen's width at 80 columns.
WIDTH = 78


def exchange_folder(store: Store) -> Path:
    """The folder last chosen, else `echanges/` beside the base."""
    remembered = load_preferences(preferences_path()).get(EXCHANGE_FOLDER)
    return Path(remembered) if remembered else exchanges_dir(store.path.absolute())


def bundle_line(found: FoundBundle) -> str:
    """« 07/12 21:40 · Poste sous-groupe 2 · CC du Val d'Orbieu » (ce poste marked)."""
    if not found.readable:
        return shorten(f"  {found.path.name} : illisible (sa lecture dira pourquoi)", WIDTH)
    moment = datetime.fromisoformat(found.written_at.replace("Z", "+00:00")).astimezone()
    here = " (ce poste)" if found.from_here else ""
    line = f"  {moment:%d/%m %H:%M} · {found.laptop_name}{here} · {found.demarche_name}"
    return shorten(line, WIDTH)


class ExchangesScreen(BaseScreen):
    """One démarche's exchanges between laptops: write, read, name this laptop."""

    DEFAULT_CSS = """
    ExchangesScreen #exchange-report { height: 1fr; }
    ExchangesScreen .exchange-busy { color: $warning; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "w",
            "write",
            "Écrire",
            id="exchange-write",
            tooltip="Écrire le paquet de ce poste (toute la démarche) dans le dossier d'échange.",
        ),
        Binding(
            "l",
            "read",
            "Lire",
            id="exchange-read",
            tooltip="Lire tous les paquets du dossier d'échange : les notes des autres postes "
            "rejoignent cette base, rien n'est perdu.",
        ),
        Binding(
            "d",
            "folder",
            "Dossier",
            id="exchange-folder",
            tooltip="Choisir le dossier d'échange : clé USB, dossier synchronisé…",
        ),
        Binding(
            "n",
            "rename",
            "Nom du poste",
            id="exchange-laptop",
            tooltip="Nommer ce poste (« Poste sous-groupe 2 ») : ses paquets portent ce nom.",
        ),
    ]

    class Done(Message):
        """The thread wrote or read: what to say, and the reports of what was read."""

        def __init__(self, said: str, reports: list[MergeReport]) -> None:
            super().__init__()
            self.said = said
            self.reports = reports

    class Failed(Message):
        def __init__(self, error: VitaliteError) -> None:
            super().__init__()
            self.error = error

    def __init__(self, demarche_id: str | None) -> None:
        """`demarche_id` None: from the home screen, to read bundles only (a new laptop)."""
        super().__init__()
        self.demarche_id = demarche_id
        self.busy = False

    def compose(self) -> ComposeResult:
        with Horizontal(classes="screen-title"):
            yield Static("Échanges entre postes", id="title", markup=False)
        yield Rule()
        yield Static("", id="exchange-where", markup=False)
        yield Static("", id="exchange-found", markup=False)
        with VerticalScroll(id="exchange-report"):
            yield Static("", id="exchange-said", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_where()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "write" and self.demarche_id is None:
            return False
        if action in ("write", "read", "folder", "rename"):
            return not self.busy
        return True

    # --- what is shown ------------------------------------------------------------------

    def show_where(self) -> None:
        laptop = self.read(self.store.exchange.laptop)
        if laptop is None:
            return
        if self.demarche_id is not None:
            demarche_id = self.demarche_id
            demarche = self.read(lambda: self.store.demarches.get(demarche_id))
            if demarche is None:
                return
            self.query_one("#title", Static).update(
                shorten(f"Échanges entre postes — {demarche.territory}", WIDTH)
            )
        folder = exchange_folder(self.store)
        self.query_one("#exchange-where", Static).update(
            f"Ce poste : « {laptop.name} »  (n le renomme)\n"
            f"Dossier d'échange : {folder}  (d le change)"
        )
        found = self.store.exchange.found(folder) if folder.is_dir() else []
        if not found:
            listing = (
                "Aucun paquet dans ce dossier pour l'instant : w écrit celui de ce poste ; "
                "sur les autres postes, écrivez le leur dans le même dossier, puis l les lit."
            )
        else:
            shown = "\n".join(bundle_line(bundle) for bundle in found[:LISTED])
            more = f"\n  … et {len(found) - LISTED} autres" if len(found) > LISTED else ""
            listing = f"Paquets dans le dossier ({len(found)}) :\n{shown}{more}"
        self.query_one("#exchange-found", Static).update(listing)

    def say(self, text: str, *, busy: bool = False) -> None:
        said = self.query_one("#exchange-said", Static)
        said.update(text)
        said.set_class(busy, "exchange-busy")

    # --- keys ---------------------------------------------------------------------------

    def action_write(self) -> None:
        if self.demarche_id is None:
            return
        self.start("Écriture du paquet de ce poste…")
        self.write_bundle(self.store, self.demarche_id, exchange_folder(self.store))

    def action_read(self) -> None:
        folder = exchange_folder(self.store)
        found = self.store.exchange.found(folder) if folder.is_dir() else []
        # This laptop's own bundles hold nothing it lacks: not read again.
        paths = [bundle.path for bundle in found if not bundle.from_here]
        if not paths:
            self.say(f"Aucun paquet d'un autre poste à lire dans {folder}.")
            return
        self.start(f"Lecture de {len(paths)} paquet(s)… les notes arrivent dans cette base.")
        self.read_bundles(self.store, paths)

    def action_folder(self) -> None:
        from vitalite_tui.tui.dialogs.folder_pick import ask_folder

        def chosen(folder: Path) -> None:
            remember(preferences_path(), EXCHANGE_FOLDER, str(folder))
            self.show_where()

        ask_folder(
            self.app,
            "Dossier d'échange",
            (exchanges_dir(self.store.path.absolute()), "À côté de la base"),
            EXCHANGE_FOLDER,
            chosen,
        )

    def action_rename(self) -> None:
        from vitalite_tui.tui.widgets.form import LineDialog

        laptop = self.read(self.store.exchange.laptop)
        if laptop is None:
            return

        def renamed(name: str | None) -> None:
            if name is not None:
                self.show_where()

        self.app.push_screen(
            LineDialog(
                "Nom de ce poste",
                "Nom",
                laptop.name,
                save=lambda name: self.store.exchange.rename_laptop(name),
            ),
            renamed,
        )

    # --- the work, in a thread ----------------------------------------------------------

    def start(self, doing: str) -> None:
        self.busy = True
        self.refresh_bindings()
        self.say(doing, busy=True)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def write_bundle(self, store: Store, demarche_id: str, folder: Path) -> None:
        try:
            with store.thread_connection():
                folder.mkdir(parents=True, exist_ok=True)
                written = store.exchange.write(demarche_id, folder)
        except OSError as exc:
            self.post_message(self.Failed(VitaliteError(_folder_unusable(folder, exc))))
        except VitaliteError as exc:
            self.post_message(self.Failed(exc))
        else:
            said = (
                f"Paquet écrit ({size_text(written.size)}) : {written.path}\n"
                "Sur les autres postes : l pour le lire depuis le même dossier."
            )
            self.post_message(self.Done(said, []))

    @work(thread=True, exclusive=True, exit_on_error=False)
    def read_bundles(self, store: Store, paths: list[Path]) -> None:
        reports: list[MergeReport] = []
        refused: list[str] = []
        known = KnownTables()
        with store.thread_connection():
            for path in paths:
                try:
                    reports.append(store.exchange.read(path, known))
                except VitaliteError as exc:
                    refused.append(exc.message)
        lines = [report_text(report) for report in reports] + refused
        self.post_message(self.Done("\n".join(lines), reports))

    @on(Done)
    def show_done(self, message: Done) -> None:
        self.busy = False
        self.refresh_bindings()
        self.say(message.said)
        self.show_where()

    @on(Failed)
    def show_failed(self, message: Failed) -> None:
        self.busy = False
        self.refresh_bindings()
        self.say("")
        self.report(message.error)


def _folder_unusable(folder: Path, exc: OSError) -> str:
    from vitalite_tui.paths import reason

    return (
        f"Le dossier d'échange {folder} ne peut pas servir ({reason(exc)}) : choisissez-en "
        "un autre avec d ; rien n'a été écrit."
    )

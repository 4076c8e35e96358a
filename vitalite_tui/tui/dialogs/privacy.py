"""Personal data of one démarche: until when it is kept (a date to change), and its purge."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from vitalite_tui.domain.dates import format_date, parse_date
from vitalite_tui.domain.privacy import retention_period
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.privacy.retention import retention_line
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.services import AppServices, services

KEYS = "⏎ Enregistrer la date    F8 Purger    Échap Fermer"


class PrivacyDialog(ModalScreen[None]):
    """The retention date in a field (⏎ saves it), the purge on F8 after a confirmation."""

    DEFAULT_CSS = """
    PrivacyDialog { align: center middle; }
    PrivacyDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    PrivacyDialog #privacy-retention { padding-bottom: 1; }
    PrivacyDialog #privacy-purge { padding-top: 1; color: $text-muted; }
    PrivacyDialog #privacy-said { text-style: bold; }
    PrivacyDialog .privacy-keys { color: $text-muted; padding-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f8",
            "purge",
            "Purger",
            id="purge",
            tooltip="Effacer les noms, coordonnées et structures de la démarche terminée ; "
            "les résultats anonymes restent (une confirmation dit ce qui part).",
        ),
        Binding("escape", "close", "Fermer", id="privacy-close", tooltip="Fermer."),
    ]

    def __init__(self, demarche_id: str) -> None:
        super().__init__()
        self.demarche_id = demarche_id

    @property
    def vitalite(self) -> AppServices:
        return services(self)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Données personnelles"
            yield Static("", id="privacy-retention", markup=False)
            yield Label(f"Garder jusqu'au (JJ/MM/AAAA ; vide : fin plus {retention_period()}) :")
            yield Input(id="privacy-date", placeholder="JJ/MM/AAAA")
            yield Static("", id="privacy-said", markup=False)
            yield Static("", id="privacy-purge", markup=False)
            yield Static(KEYS, classes="privacy-keys")

    def on_mount(self) -> None:
        self.show()
        kept = self.vitalite.read(lambda: self.vitalite.store.retention.get(self.demarche_id))
        field = self.query_one("#privacy-date", Input)
        if kept is not None:
            # Shown, not filled in: what is typed replaces it.
            field.placeholder = format_date(kept.until)
        field.focus()

    def show(self) -> None:
        store = self.vitalite.store
        kept = self.vitalite.read(lambda: store.retention.get(self.demarche_id))
        plan = self.vitalite.read(lambda: store.purges.plan(self.demarche_id))
        if kept is None or plan is None:
            return
        how = "date choisie" if kept.chosen else f"par défaut : fin plus {retention_period()}"
        self.query_one("#privacy-retention", Static).update(
            f"« {plan.territory} » : {retention_line(kept)} ({how})."
        )
        if kept.purged:
            purge = "Déjà purgée : F8 refait la purge (utile si d'autres données ont été saisies)."
        else:
            purge = plan.refused or f"F8 Purger. {plan.what}"
        self.query_one("#privacy-purge", Static).update(purge)

    @on(Input.Submitted, "#privacy-date")
    def save_date(self, event: Input.Submitted) -> None:
        error = self.query_one("#privacy-said", Static)
        try:
            until = parse_date(event.value, field="Date de conservation")
            self.vitalite.store.retention.set(self.demarche_id, until)
        except VitaliteError as exc:
            error.update(exc.message)
            return
        error.update("Date enregistrée.")
        self.show()

    def action_purge(self) -> None:
        plan = self.vitalite.read(lambda: self.vitalite.store.purges.plan(self.demarche_id))
        if plan is None:
            return
        if plan.refused:
            self.query_one("#privacy-said", Static).update(plan.refused)
            return
        question = (
            f"Purger « {plan.territory} » ? {plan.what} C'est définitif : les sauvegardes "
            "automatiques de la démarche seront supprimées aussi."
        )

        def purge(yes: bool | None) -> None:
            if yes:
                self.purge_now()

        self.app.push_screen(ConfirmDialog(question, enter_means_yes=False), purge)

    def purge_now(self) -> None:
        store = self.vitalite.store
        done = self.vitalite.read(lambda: store.purges.purge(self.demarche_id))
        if done is None:
            return
        elsewhere = " ".join(done.copies_left)
        self.query_one("#privacy-said", Static).update(
            f"{done.summary} D'autres copies peuvent rester : {elsewhere}"
        )
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)

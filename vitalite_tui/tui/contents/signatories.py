"""Signatories of the charter (workshop 4): participants or organisations, with the date."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from vitalite_tui.domain.dates import format_date
from vitalite_tui.domain.text import plural
from vitalite_tui.store.charter.records import SignatoryDraft, SignatoryRecord
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.signatory_form import SignatoryFormDialog
from vitalite_tui.tui.widgets.table import RecordTable


class SignatoriesTable(RecordTable):
    """Who signed, in the order they signed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Modifier",
            id="signatories-edit",
            tooltip="Modifier le signataire choisi (nom, structure, date).",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [("Signataire", 30), ("Structure", 30), ("Date", 10)], id="signatories-table"
        )


class SignatoriesPart(ContentPart):
    """Participants and organisations who sign the charter; every change is stored at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "add",
            "Ajouter",
            id="signatories-add",
            tooltip="Ajouter un signataire : un participant ou une structure.",
        ),
        Binding(
            "delete",
            "remove",
            "Retirer",
            id="signatories-remove",
            tooltip="Retirer le signataire choisi (après confirmation).",
        ),
    ]

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        self.signatories: dict[str, SignatoryRecord] = {}
        self.names: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(
            "Aucun signataire pour l'instant : n pour en ajouter un (participant ou structure).",
            id="signatories-empty",
            classes="hint",
        )
        yield SignatoriesTable()
        yield Static("", id="signatories-counts", classes="counts")

    @property
    def table(self) -> SignatoriesTable:
        return self.query_one(SignatoriesTable)

    def current(self) -> SignatoryRecord | None:
        return self.signatories.get(self.table.current_key or "")

    def reload(self, select: str | None = None) -> None:
        found = self.read(
            lambda: (
                self.store.charter.signatories(self.demarche_id),
                self.store.participants.all(self.demarche_id),
            )
        )
        if found is None:
            return
        signatories, people = found
        self.names = [person.display_name for person in people]
        self.signatories = {s.id: s for s in signatories}
        self.table.fill(
            ((s.id, [s.who, s.organisation, format_date(s.signed_on)]) for s in signatories),
            select=select,
        )
        self.query_one("#signatories-empty").display = not signatories
        organisations = len({s.organisation for s in signatories if s.organisation})
        self.query_one("#signatories-counts", Static).update(
            f"{plural(len(signatories), 'signataire')} · "
            f"{plural(organisations, 'structure représentée', 'structures représentées')}"
        )
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove":
            return self.current() is not None
        return True

    def action_add(self) -> None:
        added: list[str] = []

        def save(draft: SignatoryDraft) -> None:
            added.append(self.store.charter.add_signatory(self.demarche_id, draft))

        def done(draft: SignatoryDraft | None) -> None:
            if draft is not None and added:
                self.reload(select=added[-1])

        # The charter is usually signed on the evening itself: today is offered.
        self.app.push_screen(
            SignatoryFormDialog(
                "Nouveau signataire",
                SignatoryDraft(signed_on=date.today()),
                names=self.names,
                save=save,
            ),
            done,
        )

    @on(DataTable.RowSelected, "#signatories-table")
    def edit_signatory(self, event: DataTable.RowSelected) -> None:
        event.stop()
        signatory = self.signatories.get(event.row_key.value or "")
        if signatory is None:
            return

        def save(draft: SignatoryDraft) -> None:
            self.store.charter.update_signatory(signatory.id, draft)

        def done(draft: SignatoryDraft | None) -> None:
            if draft is not None:
                self.reload()

        self.app.push_screen(
            SignatoryFormDialog(
                "Modifier le signataire", signatory.draft(), names=self.names, save=save
            ),
            done,
        )

    def action_remove(self) -> None:
        signatory = self.current()
        if signatory is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.run_safely(lambda: self.store.charter.remove_signatory(signatory.id)):
                self.reload()

        who = signatory.name or signatory.organisation
        self.app.push_screen(ConfirmDialog(f"Retirer {who} des signataires ?"), confirmed)

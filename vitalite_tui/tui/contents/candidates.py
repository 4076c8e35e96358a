"""Workshop 3, the candidates: the intentions of workshop 2 made actions, merged, reworded."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from vitalite_tui.domain.text import plural
from vitalite_tui.store.vote.records import CandidateDraft, CandidateRecord, RemovedCandidate
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.dialogs.candidate_form import CandidateFormDialog
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.filter_pick import FilterPickDialog
from vitalite_tui.tui.widgets.table import RecordTable

#: Row keys of the lines that are not candidates: an action merged into the one above it,
#: a candidate taken off the list.
MERGED, REMOVED = "merged:", "removed:"


class CandidateTable(RecordTable):
    """Candidates in list order; under each, the actions merged into it (↳).

    Enter rewords (instead of the table's own « select »): the part does it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "reword",
            "Reformuler",
            id="candidates-reword",
            tooltip="Reformuler l'intitulé ou la description de l'action choisie.",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [("#", 3), ("Action candidate", 48), ("Orig.", 5), ("État", 10)],
            id="candidate-table",
        )

    @property
    def part(self) -> CandidatesPart:
        return next(a for a in self.ancestors if isinstance(a, CandidatesPart))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reword":
            return self.part.check_action(action, parameters)
        return True

    def action_reword(self) -> None:
        self.part.action_reword()


class CandidatesPart(ContentPart):
    """The list put to the vote. Every change is stored at once; nothing is ever lost."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "i",
            "import",
            "Importer",
            id="candidates-import",
            tooltip="Une action candidate par intention de l'atelier 2 pas encore importée.",
            # The counts line says « à importer (i) »: the footer keeps room for F1.
            show=False,
        ),
        Binding(
            "n",
            "add",
            "Ajouter",
            id="candidates-add",
            tooltip="Ajouter une action candidate dite en séance.",
        ),
        Binding(
            "m",
            "merge",
            "Fusionner",
            id="candidates-merge",
            tooltip="Fusionner l'action choisie dans une autre (ses origines la suivent).",
            # Said in F1: at 80 columns the footer keeps room for F1 Aide, whole.
            show=False,
        ),
        Binding(
            "u",
            "undo",
            "Défaire",
            id="candidates-undo",
            tooltip="Sur une ligne ↳ : défaire la fusion ; sur une ligne retirée : la remettre.",
        ),
        Binding(
            "delete",
            "remove",
            "Retirer",
            id="candidates-remove",
            tooltip="Retirer l'action choisie de la liste (u la remet).",
        ),
        Binding(
            "shift+up",
            "move(-1)",
            "Monter",
            id="candidates-up",
            tooltip="Monter l'action choisie d'un rang dans la liste.",
            show=False,
        ),
        Binding(
            "shift+down",
            "move(1)",
            "Descendre",
            id="candidates-down",
            tooltip="Descendre l'action choisie d'un rang dans la liste.",
            show=False,
        ),
    ]

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        self.records: dict[str, CandidateRecord] = {}
        self.removed: list[RemovedCandidate] = []
        self.unlinked = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="candidates-counts", classes="counts")
        yield CandidateTable()
        yield Static("", id="candidates-empty", classes="hint")

    # --- reading -----------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        votes = self.store.votes
        found = self.read(
            lambda: (
                votes.candidates(self.demarche_id),
                votes.removed_candidates(self.demarche_id),
                votes.unlinked_intentions(self.demarche_id),
            )
        )
        if found is None:
            return
        candidates, self.removed, self.unlinked = found
        self.records = {c.id: c for c in candidates}
        self.query_one(CandidateTable).fill(self._rows(candidates), select=select)
        merged = sum(len(c.merged) for c in candidates)
        origins = sum(c.origins for c in candidates)
        counts = [
            plural(len(candidates), "action candidate", "actions candidates"),
            plural(merged, "fusionnée"),
            f"{plural(origins, 'intention')} à l'origine",
        ]
        if self.unlinked:
            counts.append(f"{plural(self.unlinked, 'intention')} à importer (i)")
        self.query_one("#candidates-counts", Static).update(" · ".join(counts))
        empty = self.query_one("#candidates-empty", Static)
        empty.display = not candidates
        empty.update(
            "Aucune action candidate : i importe les intentions de l'atelier 2, n en ajoute une."
            if self.unlinked
            else "Aucune action candidate : n en ajoute une (ou écrivez des intentions à "
            "l'atelier 2, puis i les importe)."
        )
        self.refresh_bindings()

    def _rows(self, candidates: list[CandidateRecord]) -> Iterator[tuple[str, list[str]]]:
        for c in candidates:
            yield c.id, [str(c.number), c.title, str(c.origins), "✔ retenue" if c.kept else ""]
            for m in c.merged:
                yield f"{MERGED}{m.id}", ["", f"  ↳ {m.title}", str(m.origins), "fusionnée"]
        for r in self.removed:
            yield f"{REMOVED}{r.id}", ["", r.title, "", "retirée"]

    @property
    def row_key(self) -> str:
        return self.query_one(CandidateTable).current_key or ""

    @property
    def current(self) -> CandidateRecord | None:
        return self.records.get(self.row_key)

    @on(DataTable.RowHighlighted)
    def follow_cursor(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"remove", "move"}:
            return self.current is not None
        if action == "merge":
            return self.current is not None and len(self.records) > 1
        if action == "reword":
            return self.current is not None or self.row_key.startswith(MERGED)
        if action == "undo":
            return self.row_key.startswith((MERGED, REMOVED))
        return True

    # --- actions -----------------------------------------------------------------------

    def action_import(self) -> None:
        created = self.read(lambda: self.store.votes.import_intentions(self.demarche_id))
        if created is None:
            return
        self.reload()
        if created:
            self.notify(
                f"{plural(created, 'action candidate importée', 'actions candidates importées')}."
            )
        else:
            self.notify("Toutes les intentions de l'atelier 2 sont déjà parmi les candidates.")

    def action_add(self) -> None:
        added: list[str] = []

        def save(draft: CandidateDraft) -> None:
            added.append(self.store.votes.add(self.demarche_id, draft))

        def done(draft: CandidateDraft | None) -> None:
            if draft is not None and added:
                self.reload(select=added[-1])

        self.app.push_screen(CandidateFormDialog("Nouvelle action candidate", save=save), done)

    def action_reword(self) -> None:
        action_id = self.row_key.removeprefix(MERGED)
        record = self.current
        if record is not None:
            draft = CandidateDraft(record.title, record.description)
        else:
            merged = next(
                (m for c in self.records.values() for m in c.merged if m.id == action_id), None
            )
            if merged is None:
                return
            draft = CandidateDraft(merged.title)
        key = self.row_key

        def save(new: CandidateDraft) -> None:
            self.store.votes.reword(self.demarche_id, action_id, new)

        def done(new: CandidateDraft | None) -> None:
            if new is not None:
                self.reload(select=key)

        self.app.push_screen(CandidateFormDialog("Reformuler l'action", draft, save=save), done)

    def action_merge(self) -> None:
        record = self.current
        if record is None:
            return
        others = [
            (c.id, f"{c.number:>3}  {c.title}") for c in self.records.values() if c.id != record.id
        ]

        def picked(into_id: str | None) -> None:
            if into_id is None:
                return
            if self.run_safely(
                lambda: self.store.votes.merge(self.demarche_id, record.id, into_id)
            ):
                self.reload(select=into_id)
                self.notify(
                    f"« {record.title} » est fusionnée dans « {self.records[into_id].title} » "
                    "(u sur sa ligne ↳ pour défaire).",
                    markup=False,
                )

        self.app.push_screen(
            FilterPickDialog(
                "Fusionner dans…",
                others,
                hint=f"« {record.title} » rejoint l'action choisie ; ses origines la suivent.",
            ),
            picked,
        )

    def action_undo(self) -> None:
        key = self.row_key
        if key.startswith(MERGED):
            action_id = key.removeprefix(MERGED)
            if self.run_safely(lambda: self.store.votes.unmerge(self.demarche_id, action_id)):
                self.reload(select=action_id)
        elif key.startswith(REMOVED):
            action_id = key.removeprefix(REMOVED)
            if self.run_safely(lambda: self.store.votes.restore(self.demarche_id, action_id)):
                self.reload(select=action_id)

    def action_remove(self) -> None:
        record = self.current
        if record is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.run_safely(
                lambda: self.store.votes.remove(self.demarche_id, record.id)
            ):
                self.reload()
                self.notify(
                    f"« {record.title} » est retirée de la liste (u sur sa ligne pour la "
                    "remettre).",
                    markup=False,
                )

        self.app.push_screen(
            ConfirmDialog(f"Retirer « {record.title} » des actions candidates ?"), confirmed
        )

    def action_move(self, step: int) -> None:
        record = self.current
        if record is not None and self.run_safely(
            lambda: self.store.votes.move(self.demarche_id, record.id, step)
        ):
            self.reload(select=record.id)

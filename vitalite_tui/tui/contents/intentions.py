"""Workshop 2 · Intentions: what the sub-groups propose, by axis, with the notes they come from."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from vitalite_tui.domain.text import plural
from vitalite_tui.store.prospective.records import AxisChoice, IntentionDraft, IntentionRecord
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.dialogs.intention_form import IntentionFormDialog
from vitalite_tui.tui.dialogs.origin_pick import OriginPickDialog
from vitalite_tui.tui.widgets.table import RecordTable, shorten


class IntentionTable(RecordTable):
    """The intentions, by axis (those without an axis last)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Modifier",
            id="intentions-edit",
            tooltip="Modifier l'intention choisie : intitulé, description, tendance, axe, "
            "indicateurs.",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [("Axe", 14), ("Intention", 30), ("Tendance", 13), ("Ind.", 5), ("Or.", 3)],
            id="intentions-table",
        )


def intention_cells(intention: IntentionRecord) -> list[str]:
    return [
        intention.axis_title or "—",
        intention.title,
        intention.trend_title,
        intention.indicators_label,
        str(intention.origins) if intention.origins else "",
    ]


def next_axis(axes: list[AxisChoice], current: str | None) -> str | None:
    """The axis after `current` in the debrief's order; after the last one, none."""
    ids = [axis.id for axis in axes]
    if current not in ids:
        return ids[0] if ids else None
    index = ids.index(current) + 1
    return ids[index] if index < len(ids) else None


class IntentionsPart(ContentPart):
    """The action intentions of workshop 2, their axis, trend and origins."""

    DEFAULT_CSS = """
    IntentionsPart #intentions-details { height: 2; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "add",
            "Nouvelle",
            id="intentions-add",
            tooltip="Écrire une nouvelle intention.",
        ),
        Binding(
            "p",
            "promote",
            "Reprendre",
            id="intentions-promote",
            tooltip="Faire une intention de chaque note « intention » des sous-groupes qui "
            "n'en a pas encore (liée à sa note).",
        ),
        Binding(
            "l",
            "links",
            "Origines",
            id="intentions-links",
            tooltip="Choisir les notes dont vient l'intention (risques, opportunités…).",
        ),
        Binding(
            "a",
            "axis",
            "Axe",
            id="intentions-axis",
            tooltip="Donner à l'intention l'axe suivant (après le dernier : aucun).",
            show=False,
        ),
        Binding(
            "delete",
            "remove",
            "Retirer",
            id="intentions-remove",
            tooltip="Retirer l'intention choisie (u la rétablit, avec ses origines).",
            show=False,
        ),
        Binding(
            "u",
            "restore",
            "Rétablir",
            id="intentions-restore",
            tooltip="Rétablir la dernière intention retirée.",
            show=False,
        ),
    ]

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        self.intentions: dict[str, IntentionRecord] = {}
        self.axes: list[AxisChoice] = []
        self.removed = 0
        self.pending = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="intentions-counts", classes="counts")
        yield IntentionTable()
        yield Static("", id="intentions-empty", classes="hint")
        yield Static("", id="intentions-details", markup=False)

    # --- reading -----------------------------------------------------------------------

    @property
    def table(self) -> IntentionTable:
        return self.query_one(IntentionTable)

    @property
    def current(self) -> IntentionRecord | None:
        return self.intentions.get(self.table.current_key or "")

    def reload(self, select: str | None = None) -> None:
        intentions = self.read(lambda: self.store.intentions.all(self.demarche_id))
        if intentions is None:
            return
        self.axes = self.read(lambda: self.store.intentions.axes(self.demarche_id)) or []
        self.removed = self.read(lambda: self.store.intentions.removed_count(self.demarche_id)) or 0
        self.pending = self.read(lambda: self.store.intentions.pending(self.demarche_id)) or 0
        self.intentions = {i.id: i for i in intentions}
        self.table.fill(((i.id, intention_cells(i)) for i in intentions), select=select)
        with_axis = sum(1 for i in intentions if i.axis_id)
        parts = [
            plural(len(intentions), "intention"),
            f"{with_axis} avec un axe" if self.axes else "aucun axe nommé à l'atelier 1",
        ]
        if self.pending:
            notes = plural(self.pending, "note « intention »", "notes « intention »")
            parts.append(f"{notes} à reprendre (p)")
        self.query_one("#intentions-counts", Static).update(" · ".join(parts))
        empty = self.query_one("#intentions-empty", Static)
        empty.display = not intentions
        empty.update(
            "Aucune intention pour l'instant : p reprend les notes « intention » des "
            "sous-groupes, n en écrit une."
        )
        self.show_details()
        self.screen.refresh_bindings()

    def show_details(self) -> None:
        details = self.query_one("#intentions-details", Static)
        intention = self.current
        if intention is None:
            details.update("")
            return
        origins = f"Origines : {plural(intention.origins, 'note')} (l pour choisir)"
        where = f" · {intention.subgroup_name}" if intention.subgroup_name else ""
        text = intention.description or intention.title
        details.update(f"{origins}{where}\n{shorten(text, 200)}")

    @on(DataTable.RowHighlighted, "#intentions-table")
    def highlighted(self) -> None:
        self.show_details()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("links", "remove"):
            return self.current is not None
        if action == "axis":
            return self.current is not None and bool(self.axes)
        if action == "restore":
            return self.removed > 0
        return True

    # --- acting ------------------------------------------------------------------------

    def action_promote(self) -> None:
        made = self.read(lambda: self.store.intentions.promote(self.demarche_id))
        if made is None:
            return
        if made:
            self.reload(select=made[0])
            self.app.notify(
                f"{plural(len(made), 'intention reprise', 'intentions reprises')} des notes "
                "des sous-groupes."
            )
        else:
            self.app.notify("Toutes les notes « intention » sont déjà reprises.")

    def action_axis(self) -> None:
        intention = self.current
        if intention is None:
            return
        axis = next_axis(self.axes, intention.axis_id)
        if self.run_safely(lambda: self.store.intentions.set_axis(intention.id, axis)):
            self.reload(select=intention.id)

    def action_remove(self) -> None:
        intention = self.current
        if intention is not None and self.run_safely(
            lambda: self.store.intentions.remove(intention.id)
        ):
            self.reload()
            self.app.notify(f"« {intention.title} » retirée : u pour la rétablir.", markup=False)

    def action_restore(self) -> None:
        removed = self.read(lambda: self.store.intentions.all(self.demarche_id, removed=True))
        if not removed:
            return
        intention = removed[0]
        if self.run_safely(lambda: self.store.intentions.restore(intention.id)):
            self.reload(select=intention.id)

    def action_links(self) -> None:
        intention = self.current
        if intention is None:
            return
        notes = self.read(lambda: self.store.intentions.candidates(intention.id))
        if notes is None:
            return
        if not notes:
            self.app.notify("Aucune note à l'atelier 2 pour l'instant.")
            return

        def done(chosen: list[str] | None) -> None:
            if chosen is not None and self.run_safely(
                lambda: self.store.intentions.set_origins(intention.id, chosen)
            ):
                self.reload(select=intention.id)
            self.table.focus()

        self.app.push_screen(
            OriginPickDialog(f"Origines de « {shorten(intention.title, 50)} »", notes), done
        )

    def open_form(self, title: str, draft: IntentionDraft | None, intention_id: str | None) -> None:
        """The intention form, for a new one (`intention_id` None) or to edit one."""
        trends = self.read(lambda: self.store.trends.all(self.demarche_id)) or []
        options = [(t.id, t.title) for t in trends]
        if draft is not None and draft.trend_id and draft.trend_id not in dict(options):
            # A trend removed from the list since: still shown, so the form keeps it.
            kept = self.intentions[intention_id or ""].trend_title if intention_id else ""
            options.append((draft.trend_id, f"{kept} (retirée)"))
        made: list[str] = []

        def save(result: IntentionDraft) -> None:
            if intention_id is None:
                made.append(self.store.intentions.create(self.demarche_id, result))
            else:
                self.store.intentions.edit(intention_id, result)
                made.append(intention_id)

        def done(result: IntentionDraft | None) -> None:
            if result is not None and made:
                self.reload(select=made[0])
            self.table.focus()

        self.app.push_screen(
            IntentionFormDialog(
                title,
                draft,
                trends=options,
                axes=[(a.id, a.title) for a in self.axes],
                save=save,
            ),
            done,
        )

    def action_add(self) -> None:
        self.open_form("Nouvelle intention", None, None)

    @on(DataTable.RowSelected, "#intentions-table")
    def edit(self) -> None:
        intention = self.current
        if intention is not None:
            self.open_form("Modifier l'intention", intention.draft, intention.id)

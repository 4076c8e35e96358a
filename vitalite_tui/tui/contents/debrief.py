"""The debrief of workshop 1 (« le lendemain matin »): every note, filtered, filed into work axes.

A digit files the highlighted note in the axis of that number and moves on, so a run of notes
is grouped as fast as one can read them; every filing is stored at once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import Input, Label, Static

from vitalite_tui.domain.debrief import NO_AXIS, UNTAGGED, DebriefFilter, next_option
from vitalite_tui.domain.indicators import INDICATORS, Pole
from vitalite_tui.domain.notes import kinds_for
from vitalite_tui.domain.text import plural
from vitalite_tui.store.felt.debrief_records import AxisDraft, AxisRecord, DebriefNote
from vitalite_tui.store.workshops.records import SubGroupRecord
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.dialogs.axes import AxesDialog
from vitalite_tui.tui.dialogs.axis_form import axis_dialog
from vitalite_tui.tui.dialogs.axis_pick import AxisPickDialog
from vitalite_tui.tui.widgets.note_input import LineInput
from vitalite_tui.tui.widgets.table import RecordTable, shorten

#: The mark of a note chosen with Space (a digit then files every marked note).
MARK = "●"
#: Columns of the notes table; the text takes what is left of 80 columns.
COLUMNS = [("", 1), ("Gr.", 3), ("Tag", 4), ("Axe", 3), ("Texte", 56)]
MARK_COLUMN, AXIS_COLUMN = 0, 3
#: Width of one entry of the axes list at the bottom (two entries a line).
AXIS_ENTRY = 37
#: The filter line: its whole width, and what is left there for the axis chosen.
FILTER_LINE = 78

ALL = "tous"
EMPTY_WORKSHOP = (
    "Aucune note dans cet atelier pour l'instant : elles se prennent pendant les tours "
    "d'expression (écran de l'atelier, F7 Sous-groupes, ⏎ Saisir). Revenez ici le lendemain "
    "matin pour les regrouper en axes de travail."
)
NOTHING_SHOWN = "Aucune note ne correspond aux filtres : Échap pour tout revoir."
NO_AXIS_YET = (
    "Aucun axe pour l'instant : n pour nommer le premier (« intentions pour l'avenir »), "
    "puis 1 pour y ranger une note."
)

#: The filters one key cycles through, by field of `DebriefFilter`.
FILTER_KEYS = (
    ("g", "subgroup", "Groupe", "le sous-groupe (tous, puis chacun)"),
    ("i", "indicator", "Indic.", "l'indicateur (tous, I1 à I4, sans)"),
    ("p", "pole", "Pôle", "le pôle (tous, vitalité, dépression)"),
    ("k", "kind", "Type", "le type de note (tous, constat, image)"),
    ("x", "axis", "Axe", "l'axe (tous, sans axe, puis chaque axe)"),
)


def _filter_bindings() -> list[Binding]:
    return [
        Binding(
            key,
            f"cycle('{field}')",
            label,
            id=f"debrief-filter-{field}",
            tooltip=f"Filtrer par {what} : chaque appui passe à la valeur suivante.",
            show=False,
        )
        for key, field, label, what in FILTER_KEYS
    ]


def _digit_bindings() -> list[Binding]:
    """1–9 file notes in the axis of that number. The footer and F1 show them as one key,
    « 1…9 »: 2 to 9 are marked `system` so that each is not listed again there."""
    return [
        Binding(
            str(number),
            f"assign({number})",
            "Ranger",
            id=f"debrief-assign-{number}",
            tooltip=(
                "Ranger la note choisie dans l'axe de ce numéro (1 à 9) et passer à la "
                "suivante ; avec des notes marquées, les ranger toutes."
            ),
            show=number == 1,
            key_display="1…9" if number == 1 else None,
            system=number > 1,
        )
        for number in range(1, 10)
    ]


class SearchInput(LineInput):
    """The text filter: Enter or ↓ goes back to the notes, Escape clears it and goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down",
            "close",
            "Notes",
            id="debrief-search-down",
            tooltip="Garder la recherche et revenir à la liste des notes.",
            show=False,
        ),
        Binding(
            "escape",
            "clear_and_close",
            "Effacer",
            id="debrief-search-clear",
            tooltip="Effacer la recherche et revenir à la liste des notes.",
        ),
    ]

    class Closed(Message):
        """The search line is done with: the notes take the focus."""

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def action_clear_and_close(self) -> None:
        self.value = ""
        self.post_message(self.Closed())


class DebriefTable(RecordTable):
    """The notes shown; Enter asks for the axis in a list (for axes past 9, or to see them)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "ask_axis",
            "Ranger dans…",
            id="debrief-choose",
            tooltip="Choisir dans la liste des axes où ranger la note (ou les notes marquées).",
            show=False,
        ),
    ]

    class AxisAsked(Message):
        """Enter on a note: the axis to file it in is to be chosen from the list."""

    def __init__(self) -> None:
        super().__init__(COLUMNS, id="debrief-table")

    def action_ask_axis(self) -> None:
        self.post_message(self.AxisAsked())


class DebriefPart(ContentPart):
    """Every live note of the workshop, filtered by key, filed into work axes by digit."""

    DEFAULT_CSS = """
    DebriefPart #debrief-filters { height: 1; padding: 0 1; }
    DebriefPart #debrief-search-line { height: 1; padding: 0 1; }
    DebriefPart #debrief-search { width: 1fr; }
    DebriefPart #debrief-shown { width: auto; padding: 0 0 0 1; color: $text-muted; }
    DebriefPart #debrief-table { height: 1fr; }
    DebriefPart #debrief-empty { height: auto; }
    DebriefPart #debrief-axes {
        height: auto; max-height: 6; padding: 0 1; border-top: solid $foreground 20%;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *_digit_bindings(),
        Binding(
            "0",
            "assign(0)",
            "Sans axe",
            id="debrief-assign-0",
            tooltip="Sortir la note choisie (ou les notes marquées) de son axe.",
            show=False,
        ),
        Binding(
            "space",
            "toggle_mark",
            "Marquer",
            id="debrief-mark",
            tooltip="Marquer ou démarquer la note choisie, puis passer à la suivante.",
            show=False,
        ),
        *_filter_bindings(),
        Binding(
            "slash",
            "search",
            "Chercher",
            id="debrief-search",
            tooltip="Chercher un mot dans le texte des notes (accents et majuscules indifférents).",
            show=False,
            key_display="/",
        ),
        Binding(
            "escape",
            "clear_filters",
            "Tout revoir",
            id="debrief-clear",
            tooltip="Enlever les filtres et la recherche (ou, sans filtre, les marques).",
        ),
        Binding("n", "new_axis", "Nouvel axe", id="debrief-new-axis", tooltip="Nommer un axe."),
        Binding(
            "e",
            "edit_axis",
            "Modifier un axe",
            id="debrief-edit-axis",
            tooltip="Choisir un axe par son numéro et modifier son titre, sa description…",
            show=False,
        ),
        Binding(
            "a",
            "manage_axes",
            "Axes",
            id="debrief-axes",
            tooltip="La liste des axes : modifier, retirer, rétablir, changer l'ordre.",
        ),
    ]

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        self.chosen = DebriefFilter()
        #: Whether the table holds `notes` (it is filled on the first reading).
        self.filled = False
        #: Every live note of the workshop, and those the filters let through, in order.
        self.every: dict[str, DebriefNote] = {}
        self.notes: dict[str, DebriefNote] = {}
        self.axes: list[AxisRecord] = []
        self.groups: list[SubGroupRecord] = []
        self.marked: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Static("", id="debrief-filters")
        with Horizontal(id="debrief-search-line"):
            yield SearchInput(
                placeholder="/ Chercher dans les notes",
                id="debrief-search",
                compact=True,
            )
            yield Label("", id="debrief-shown")
        yield Static("", id="debrief-empty", classes="hint")
        yield DebriefTable()
        yield Static("", id="debrief-axes")

    @property
    def table(self) -> DebriefTable:
        return self.query_one(DebriefTable)

    @property
    def current(self) -> DebriefNote | None:
        return self.notes.get(self.table.current_key or "")

    def focus_first(self) -> None:
        self.screen.set_focus(self.table)

    # --- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the notes and axes again; the filters then work on these notes at once."""
        groups = self.read(lambda: self.store.subgroups.all(self.demarche_id, self.number))
        every = self.read(lambda: self.store.axes.notes(self.demarche_id, self.number))
        if groups is None or every is None:
            return
        self.groups = groups
        # Before the axes: their line counts the notes filed in none of them.
        self.every = {note.id: note for note in every}
        if not self.refresh_axes():
            return
        # A filter on a sub-group or an axis removed meanwhile would hide everything.
        known = {g.id for g in groups} | {a.id for a in self.axes} | {NO_AXIS}
        if self.chosen.subgroup is not None and self.chosen.subgroup not in known:
            self.chosen = replace(self.chosen, subgroup=None)
        if self.chosen.axis is not None and self.chosen.axis not in known:
            self.chosen = replace(self.chosen, axis=None)
        self.refresh_notes()

    def refresh_axes(self) -> bool:
        axes = self.read(lambda: self.store.axes.all(self.demarche_id))
        if axes is None:
            return False
        self.axes = axes
        self.show_axes()
        self.show_filters()
        return True

    def refresh_notes(self) -> None:
        """The notes that pass the filters, in the table (the cursor stays on its note)."""
        every = self.every.values()
        # No filter, as the debrief opens: every note is shown, none needs asking (thousands
        # at ten times the large demo).
        notes = [n for n in every if n.passes(self.chosen)] if self.chosen.active else [*every]
        # Read again as the screen opens and as it resumes: when the same notes are shown,
        # the thousands of rows already in the table stay as they are.
        same = self.filled and notes == [*self.notes.values()]
        self.notes = {note.id: note for note in notes}
        self.marked &= self.notes.keys()
        if not same:
            self.table.fill((n.id, self.cells(n)) for n in notes)
            self.filled = True
        empty = self.query_one("#debrief-empty", Static)
        empty.display = not notes
        empty.update(NOTHING_SHOWN if self.every else EMPTY_WORKSHOP)
        self.show_filters()
        self.show_counts()
        self.refresh_bindings()

    def cells(self, note: DebriefNote) -> list[str]:
        return [
            MARK if note.id in self.marked else "",
            f"G{note.subgroup_number}" if note.subgroup_number is not None else "",
            note.tag,
            str(note.axis_number) if note.axis_number is not None else "",
            note.text,
        ]

    def update_row(self, note: DebriefNote) -> None:
        """Show a note's mark and axis again, in place (the rows stay where they are)."""
        index = self.table.get_row_index(note.id)
        cells = self.cells(note)
        for column in (MARK_COLUMN, AXIS_COLUMN):
            self.table.update_cell_at(Coordinate(index, column), Text(cells[column]))

    # --- what the lines say ---------------------------------------------------------------

    def filter_values(self) -> list[tuple[str, str, bool]]:
        """(label, value shown, active) for each filter, in key order."""
        chosen = self.chosen
        group = next((g for g in self.groups if g.id == chosen.subgroup), None)
        axis = next((a for a in self.axes if a.id == chosen.axis), None)
        if chosen.indicator is None:
            indicator = ALL
        else:
            indicator = "sans" if chosen.indicator == UNTAGGED else f"I{chosen.indicator}"
        if chosen.axis == NO_AXIS:
            axis_value = "sans axe"
        else:
            axis_value = axis.label if axis is not None else ALL
        values = [
            f"G{group.position}" if group is not None else ALL,
            indicator,
            chosen.pole.label if chosen.pole is not None else ALL,
            chosen.kind.label if chosen.kind is not None else ALL,
            axis_value,
        ]
        fields = [chosen.subgroup, chosen.indicator, chosen.pole, chosen.kind, chosen.axis]
        return [
            (label, value, field is not None)
            for (_, _, label, _), value, field in zip(FILTER_KEYS, values, fields, strict=True)
        ]

    def show_filters(self) -> None:
        """« Groupe : tous · Indic. : I2 · … · Axe : sans axe », active filters in bold."""
        parts: list[Content] = []
        used = 0
        values = self.filter_values()
        for rank, (label, value, active) in enumerate(values):
            text = f"{label} : "
            if rank == len(values) - 1:
                value = shorten(value, max(8, FILTER_LINE - used - len(text)))
            parts.append(Content.assemble(text, (value, "bold" if active else "")))
            used += len(text) + len(value) + 3
        self.query_one("#debrief-filters", Static).update(Content(" · ").join(parts))

    def show_counts(self) -> None:
        shown = len(self.notes)
        words = [f"{shown}/{len(self.every)}" if self.chosen.active else plural(shown, "note")]
        if self.marked:
            words.append(plural(len(self.marked), "marquée"))
        else:
            words.append("Espace marque · g i p k x filtrent")
        self.query_one("#debrief-shown", Label).update(" · ".join(words))

    def show_axes(self) -> None:
        """Two axes a line: « 1 Recréer des lieux de rencontre  41 »; unfiled notes first."""
        block = self.query_one("#debrief-axes", Static)
        if not self.axes:
            block.update(NO_AXIS_YET)
            return
        filed = sum(axis.note_count for axis in self.axes)
        entries = [self.axis_entry("0", "sans axe", max(len(self.every) - filed, 0))]
        entries += [self.axis_entry(str(a.number), a.title, a.note_count) for a in self.axes]
        lines = [
            "  ".join(entries[start : start + 2]).rstrip() for start in range(0, len(entries), 2)
        ]
        block.update(Content("\n".join(lines)))

    @staticmethod
    def axis_entry(number: str, title: str, count: int) -> str:
        counted = f" {count:>3}"
        label = shorten(f"{number} {title}", AXIS_ENTRY - len(counted))
        return f"{label:<{AXIS_ENTRY - len(counted)}}{counted}"

    # --- keys -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("assign", "toggle_mark"):
            return self.current is not None
        if action == "edit_axis":
            return bool(self.axes)
        if action == "clear_filters":
            return self.chosen.active or bool(self.marked)
        return True

    def action_cycle(self, field: str) -> None:
        options: dict[str, list[object]] = {
            "subgroup": [None, *(g.id for g in self.groups)],
            "indicator": [None, *(i.number for i in INDICATORS), UNTAGGED],
            "pole": [None, *Pole],
            "kind": [None, *kinds_for(self.number)],
            "axis": [None, NO_AXIS, *(a.id for a in self.axes)],
        }
        value = next_option(options[field], getattr(self.chosen, field))
        self.chosen = replace(self.chosen, **{field: value})
        self.refresh_notes()

    def action_search(self) -> None:
        self.screen.set_focus(self.query_one(SearchInput))

    @on(Input.Changed, "#debrief-search")
    def filter_by_text(self, event: Input.Changed) -> None:
        if event.value != self.chosen.text:
            self.chosen = replace(self.chosen, text=event.value)
            self.refresh_notes()

    @on(Input.Submitted, "#debrief-search")
    @on(SearchInput.Closed)
    def back_to_notes(self) -> None:
        self.focus_first()

    def action_clear_filters(self) -> None:
        if self.chosen.active:
            self.chosen = DebriefFilter()
            self.query_one(SearchInput).value = ""
            self.refresh_notes()
        elif self.marked:
            marked = [self.notes[note_id] for note_id in self.marked]
            self.marked.clear()
            for note in marked:
                self.update_row(note)
            self.show_counts()
            self.refresh_bindings()

    def action_toggle_mark(self) -> None:
        note = self.current
        if note is None:
            return
        self.marked ^= {note.id}
        self.update_row(note)
        self.table.action_cursor_down()
        self.show_counts()
        self.refresh_bindings()

    def action_assign(self, number: int) -> None:
        if number == 0:
            self.file_notes(None)
        elif number <= len(self.axes):
            self.file_notes(self.axes[number - 1])
        else:
            self.app.bell()
            self.notify(f"Pas d'axe n° {number} : n pour nommer un nouvel axe.", title="Débrief")

    def file_notes(self, axis: AxisRecord | None) -> None:
        """File the marked notes (or else the note under the cursor, then go to the next)."""
        batch = [note_id for note_id in self.notes if note_id in self.marked]
        current = self.current
        targets = batch or ([current.id] if current is not None else [])
        if not targets or not self.run_safely(
            lambda: self.store.axes.assign(targets, axis.id if axis is not None else None)
        ):
            return
        self.marked.clear()
        for note_id in targets:
            note = replace(
                self.notes[note_id],
                axis_id=axis.id if axis is not None else None,
                axis_number=axis.number if axis is not None else None,
                axis_title=axis.title if axis is not None else "",
            )
            self.notes[note_id] = self.every[note_id] = note
            self.update_row(note)
        if not batch:
            self.table.action_cursor_down()
        self.refresh_axes()
        self.show_counts()
        self.refresh_bindings()
        if len(targets) > 1:
            where = f"dans l'axe {axis.label}" if axis is not None else "hors de tout axe"
            self.notify(f"{plural(len(targets), 'note rangée', 'notes rangées')} {where}.")

    @on(DebriefTable.AxisAsked)
    def choose_axis(self) -> None:
        if not self.axes:
            self.notify(NO_AXIS_YET, title="Débrief")
            return

        def chosen(axis_id: str | None) -> None:
            axis = next((a for a in self.axes if a.id == axis_id), None)
            if axis is not None:
                self.file_notes(axis)

        count = len(self.marked) or 1
        title = f"Ranger {plural(count, 'note')} dans l'axe…"
        self.app.push_screen(AxisPickDialog(title, self.axes), chosen)

    # --- axes -----------------------------------------------------------------------------

    def action_new_axis(self) -> None:
        dialog = axis_dialog(self.store, self.demarche_id)

        def done(draft: AxisDraft | None) -> None:
            if draft is not None and dialog.saved is not None:
                self.refresh_axes()
                self.notify(
                    f"Axe {dialog.saved.label} : touche {dialog.saved.number} pour y ranger "
                    "une note.",
                    title="Débrief",
                    markup=False,
                )

        self.app.push_screen(dialog, done)

    def action_edit_axis(self) -> None:
        def picked(axis_id: str | None) -> None:
            axis = next((a for a in self.axes if a.id == axis_id), None)
            if axis is not None:
                self.app.push_screen(axis_dialog(self.store, self.demarche_id, axis))

        self.app.push_screen(AxisPickDialog("Modifier quel axe ?", self.axes), picked)

    def action_manage_axes(self) -> None:
        self.app.push_screen(AxesDialog(self.store, self.demarche_id))

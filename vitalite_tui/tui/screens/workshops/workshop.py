"""Workshop set-up (steps 4–7): agenda, attendance and newcomers, sub-groups, the recap."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import set_cell_size
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, Label, OptionList, Static, TabbedContent
from textual.widgets.option_list import Option, OptionDoesNotExist

from vitalite_tui.domain.colleges import CollegeCounts
from vitalite_tui.domain.dates import format_day, format_time
from vitalite_tui.domain.indicators import INDICATORS, Pole
from vitalite_tui.domain.text import plural
from vitalite_tui.domain.workshops import AgendaItem, workshop_step
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord
from vitalite_tui.store.workshops.records import (
    AgendaSlot,
    AttendanceEntry,
    RecapRecord,
    SubGroupRecord,
    TagCount,
    WorkshopRecord,
)
from vitalite_tui.tui.dialogs.agenda_item_form import AgendaItemFormDialog
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.newcomer_form import NewcomerFormDialog
from vitalite_tui.tui.dialogs.participant_form import DEFAULT_COLLEGE
from vitalite_tui.tui.dialogs.recap_form import RecapFormDialog
from vitalite_tui.tui.dialogs.subgroup_form import (
    SubGroupCountDialog,
    SubGroupDraft,
    SubGroupFormDialog,
    parse_count,
)
from vitalite_tui.tui.dialogs.subgroup_pick import SubGroupPickDialog
from vitalite_tui.tui.screens.parts import Part, PartsScreen, part_bindings
from vitalite_tui.tui.screens.preparation.participants import FilterInput
from vitalite_tui.tui.widgets.recap_contents import contents_lines
from vitalite_tui.tui.widgets.step_header import STEP_DONE_BINDING, StepHeader, toggle_step_done
from vitalite_tui.tui.widgets.table import RecordTable, shorten

#: The four parts: pane id, French title, the F-key that shows it.
PARTS: tuple[Part, ...] = (
    ("agenda", "Déroulé", "f5"),
    ("attendance", "Présences", "f6"),
    ("subgroups", "Sous-groupes", "f7"),
    ("recap", "Rappel", "f8"),
)

#: Widths of the columns of a person's line in the sub-groups list.
NAME_WIDTH = 24
COLLEGE_WIDTH = 7
COMMUNE_WIDTH = 24


# ---------------------------------------------------------------- the parts' widgets


class AgendaTable(RecordTable):
    """The timed sequences of the evening, in order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "screen.add_item",
            "Ajouter",
            id="agenda-add",
            tooltip="Ajouter une séquence après celle choisie.",
        ),
        Binding(
            "enter",
            "screen.edit_item",
            "Modifier",
            id="agenda-edit",
            tooltip="Modifier le libellé, la durée ou le mode (plénière) de la séquence choisie.",
        ),
        Binding(
            "delete",
            "screen.remove_item",
            "Retirer",
            id="agenda-remove",
            tooltip="Retirer la séquence choisie du déroulé (après confirmation).",
            show=False,  # No room left in the footer: the line under the table names it.
        ),
        Binding(
            "shift+up",
            "screen.move_item(-1)",
            "Déplacer",
            id="agenda-up",
            tooltip="Faire monter la séquence choisie d'un cran (Maj+↓ la fait descendre).",
            key_display="Maj+↑↓",
        ),
        Binding(
            "shift+down",
            "screen.move_item(1)",
            "Descendre",
            id="agenda-down",
            tooltip="Faire passer la séquence choisie après la suivante.",
            show=False,
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [("Début", 5), ("Fin", 5), ("Durée", 7), ("Séquence", 42), ("Où", 8)],
            id="agenda-table",
        )


class AttendanceTable(RecordTable):
    """The registry with a tick per person present; the letters act here, not in the filter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "screen.toggle_present",
            "Présent",
            id="attendance-toggle",
            tooltip="Noter la personne choisie présente, ou ne plus la noter présente.",
        ),
        Binding(
            "enter",
            "screen.toggle_present",
            "Présent",
            id="attendance-toggle-enter",
            tooltip="Comme Espace : noter présent ou non.",
            show=False,
        ),
        Binding(
            "a",
            "screen.add_newcomer",
            "Nouveau venu",
            id="attendance-add",
            tooltip="Inscrire quelqu'un qui arrive (nom, collège, commune) et le noter présent.",
        ),
        Binding(
            "slash",
            "screen.focus_filter",
            "Filtrer",
            id="attendance-filter",
            tooltip="Aller à la ligne de filtre (nom, commune, structure, collège).",
            key_display="/",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [
                ("", 1),
                ("Code", 4),
                ("Nom", 22),
                ("Collège", 7),
                ("Commune", 22),
                ("Nouveau", 7),
            ],
            id="attendance-table",
        )


class SubGroupList(OptionList):
    """Each sub-group (two lines) and its members in speaking order, then those not placed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "screen.capture",
            "Saisir",
            id="subgroup-capture",
            tooltip="Ouvrir la saisie des tours d'expression du sous-groupe choisi.",
        ),
        Binding(
            "c",
            "screen.capture",
            "Saisir",
            id="subgroup-capture-c",
            tooltip="Comme ⏎ : la saisie des tours d'expression du sous-groupe.",
            show=False,
        ),
        # Two bindings on `f`: the footer shows « Former » until there are sub-groups, then
        # has no room for « Refaire » (the line under the list names it).
        Binding(
            "f",
            "screen.form_subgroups",
            "Former",
            id="subgroup-form",
            tooltip="Répartir les présents en sous-groupes (collèges équilibrés, communes mêlées).",
        ),
        Binding(
            "f",
            "screen.reform_subgroups",
            "Refaire",
            id="subgroup-reform",
            tooltip="Refaire le tirage des sous-groupes (noms, thèmes et animateurs restent).",
            show=False,
        ),
        Binding(
            "m",
            "screen.move_person",
            "Déplacer",
            id="subgroup-move",
            tooltip="Mettre la personne choisie dans un autre sous-groupe (par son numéro).",
        ),
        Binding(
            "e",
            "screen.edit_subgroup",
            "Modifier",
            id="subgroup-edit",
            tooltip="Nom, thème, indicateur et animateur du sous-groupe choisi.",
        ),
        Binding(
            "shift+up",
            "screen.shift_person(-1)",
            "Avancer",
            id="subgroup-up",
            tooltip="Faire parler la personne choisie plus tôt (ordre de parole).",
            show=False,
        ),
        Binding(
            "shift+down",
            "screen.shift_person(1)",
            "Reculer",
            id="subgroup-down",
            tooltip="Faire parler la personne choisie plus tard (ordre de parole).",
            show=False,
        ),
        Binding(
            "v",
            "screen.plenary",
            "Plénière",
            id="subgroup-plenary",
            tooltip="Vue plénière pour le vidéoprojecteur : les notes des sous-groupes.",
        ),
    ]

    def fill(self, options: Iterable[Option], *, select: str | None = None) -> None:
        """Replace the lines; the cursor stays on `select`, else the same line, else nearby."""
        current = self.highlighted_option
        wanted = select if select is not None else (current.id if current else None)
        index = self.highlighted or 0
        self.clear_options()
        self.add_options(list(options))
        if self.option_count == 0:
            return
        try:
            target = self.get_option_index(wanted) if wanted else index
        except OptionDoesNotExist:
            target = index
        target = min(max(target, 0), self.option_count - 1)
        # Land on a line that can be chosen (titles of blocks cannot).
        ahead = range(target, self.option_count)
        behind = range(target - 1, -1, -1)
        for candidate in (*ahead, *behind):
            if not self.get_option_at_index(candidate).disabled:
                self.highlighted = candidate
                return


class RecapView(VerticalScroll):
    """The recap of the previous workshop; ↑↓ scroll it, `e` edits what was kept."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "e",
            "screen.edit_recap",
            "Modifier le retenu",
            id="recap-edit",
            tooltip="Écrire ou corriger ce qui a été retenu de l'atelier précédent.",
        ),
    ]


# ---------------------------------------------------------------- what the parts show


def when_and_where(record: WorkshopRecord) -> str:
    """« jeu. 15/10 18h30 · Salle des fêtes de Fontclaire » (« date à fixer · 18h30 »)."""
    start = format_time(record.start_time)
    if record.date is None:
        when = " · ".join(part for part in ("date à fixer", start) if part)
    else:
        when = " ".join(part for part in (format_day(record.date), start) if part)
    return f"{when} · {record.place}" if record.place else when


def workshop_title(record: WorkshopRecord) -> str:
    """« Atelier 1 · Le baromètre … — jeu. 15/10 18h30 · Salle des fêtes »."""
    return f"Atelier {record.number} · {record.title} — {when_and_where(record)}"


def agenda_cells(slot: AgendaSlot) -> list[str]:
    return [
        format_time(slot.start) or "—",
        format_time(slot.end) or "—",
        f"{slot.minutes} min",
        slot.label,
        "plénière" if slot.plenary else "sous-gr.",
    ]


def duration(minutes: int) -> str:
    """« 150 min (2h30) »."""
    return (
        f"{minutes} min ({minutes // 60}h{minutes % 60:02d})" if minutes >= 60 else f"{minutes} min"
    )


def agenda_total(record: WorkshopRecord) -> str:
    """« Total : 150 min (2h30) · 18h30 → 21h00 · prévu 18h30–21h00 »."""
    parts = [f"Total : {duration(record.total_minutes)}"]
    if record.agenda and record.agenda[0].start and record.agenda[-1].end:
        parts.append(
            f"{format_time(record.agenda[0].start)} → {format_time(record.agenda[-1].end)}"
        )
    if record.start_time and record.end_time:
        parts.append(f"prévu {format_time(record.start_time)}–{format_time(record.end_time)}")
    return " · ".join(parts)


def attendance_cells(entry: AttendanceEntry) -> list[str]:
    person = entry.participant
    return [
        "☑" if entry.present else "☐",
        person.code,
        person.display_name,
        person.college.short,
        person.commune,
        "oui" if entry.newcomer else "",
    ]


def fit(text: str, width: int) -> str:
    """`text` cut (with an ellipsis) or padded to exactly `width` cells."""
    return set_cell_size(shorten(text, width), width)


def person_line(person: ParticipantRecord, rank: str) -> Content:
    """«   3. P012  Sophie Garcia            acteur  Fontclaire »."""
    return Content.assemble(
        f"  {rank:>3} ",
        (person.code, "$text-muted"),
        "  ",
        fit(person.display_name, NAME_WIDTH),
        " ",
        fit(person.college.short, COLLEGE_WIDTH),
        " ",
        (shorten(person.commune, COMMUNE_WIDTH), "$text-muted"),
    )


def group_lines(group: SubGroupRecord) -> Content:
    """Two lines: number, name and theme; then size, collèges and animateur."""
    theme = f" — {group.theme}" if group.theme else ""
    colleges = CollegeCounts.of(p.college for p in group.members).summary()
    animateur = f"anim. {group.animateur}" if group.animateur else "sans animateur"
    return Content.assemble(
        (f"{group.position} · {group.name}{theme}", "bold $text-accent"),
        "\n",
        (f"    {len(group.members)} pers. · {colleges} · {animateur}", "$text-muted"),
    )


def subgroup_options(
    groups: Iterable[SubGroupRecord], unplaced: list[ParticipantRecord]
) -> list[Option]:
    """The lines of the sub-groups list, keyed `g:group`, `m:group:person`, `u:person`."""
    options: list[Option] = []
    for group in groups:
        options.append(Option(group_lines(group), id=f"g:{group.id}"))
        options.extend(
            Option(person_line(person, f"{rank}."), id=f"m:{group.id}:{person.id}")
            for rank, person in enumerate(group.members, start=1)
        )
    if unplaced:
        title = f"Sans sous-groupe ({len(unplaced)})"
        if options:
            title += " : m pour placer"
        options.append(Option(Content.styled(title, "bold $text-warning"), id="u", disabled=True))
        options.extend(Option(person_line(person, "–"), id=f"u:{person.id}") for person in unplaced)
    return options


def tag_summary(tags: list[TagCount]) -> list[str]:
    """One line per indicator: « I1 Rendez-vous 30 · Isolement 25 · sans pôle 2 »."""
    lines = []
    for indicator in INDICATORS:
        counts = {t.pole: t.count for t in tags if t.indicator == indicator.number}
        if not counts:
            continue
        parts = [
            f"{indicator.pole_label(pole)} {counts[pole]}"
            for pole in (Pole.VITALITY, Pole.DEPRESSION)
            if pole in counts
        ]
        if None in counts:
            parts.append(f"sans pôle {counts[None]}")
        # The poles name the indicator: « I3 Solidarités interactives 18 · Dépendance 14 ».
        lines.append(f"  {indicator.code} {' · '.join(parts)}")
    untagged = sum(t.count for t in tags if t.indicator is None)
    if untagged:
        lines.append(f"  Sans indicateur : {untagged}")
    return lines


def recap_content(recap: RecapRecord) -> Content:
    """The recap of the previous workshop, as read out to newcomers (no names)."""
    previous = recap.workshop
    present = recap.present
    kept: list[Content | str] = (
        [previous.recap]
        if previous.recap
        else [Content.styled("Rien d'écrit pour l'instant : e pour le noter.", "$text-muted")]
    )
    lines: list[Content | str] = [
        Content.styled(f"Rappel de l'atelier {previous.number} · {previous.title}", "bold"),
        Content.styled(when_and_where(previous), "$text-muted"),
        "",
        Content.styled("Ce qui a été retenu (e pour modifier)", "bold"),
        *kept,
        *contents_lines(previous.number, recap.contents),
        "",
        f"Présents : {present.total} · {present.summary()} · "
        f"dont {plural(recap.newcomers, 'nouveau venu', 'nouveaux venus')}",
        f"{plural(len(recap.subgroups), 'sous-groupe')} · "
        f"{plural(recap.rounds, 'tour')} d'expression · {plural(recap.notes, 'note')}",
    ]
    if recap.notes:
        lines += ["", Content.styled("Notes par indicateur et pôle", "bold")]
        lines += tag_summary(recap.notes_by_tag)
    for number, group in enumerate(recap.subgroups, start=1):
        theme = f" — {group.theme}" if group.theme else ""
        lines += [
            "",
            Content.styled(f"{number} · {group.name}{theme}", "bold"),
            f"  {plural(group.members, 'personne')} · {plural(group.rounds, 'tour')} · "
            f"{plural(group.notes, 'note')}",
        ]
        for note in group.first_notes:
            tag = f" {note.tag}" if note.tag else ""
            lines.append(f"  « {shorten(note.text, 200)} »{tag}")
    return Content("\n").join(Content(line) if isinstance(line, str) else line for line in lines)


# ---------------------------------------------------------------- the screen


class WorkshopScreen(PartsScreen):
    """One workshop evening in four parts, each one F-key away; every change is stored at once."""

    CSS_PATH = "workshop.tcss"
    HELP = (
        "Atelier : F5 le déroulé de la soirée, F6 les présences (Espace coche, / filtre, "
        "a inscrit un nouveau venu), F7 les sous-groupes (f les forme, m déplace une personne, "
        "Maj+↑↓ change l'ordre de parole, e les nomme, ⏎ ouvre la saisie), F8 le rappel de "
        "l'atelier précédent. Tout est enregistré dès la validation."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        *part_bindings("workshop", PARTS),
        STEP_DONE_BINDING,
        Binding(
            "f9",
            "contents",
            "Contenus",
            id="workshop-contents",
            tooltip="Ouvrir les contenus de l'atelier (ressenti, axes, tendances, vote, charte…).",
            show=False,
        ),
        Binding(
            "insert",
            "add_newcomer",
            "Nouveau venu",
            id="workshop-newcomer",
            tooltip="Inscrire quelqu'un qui arrive et le noter présent (partie Présences).",
            show=False,
        ),
    ]

    def __init__(self, demarche_id: str, number: int) -> None:
        super().__init__()
        self.demarche_id = demarche_id
        self.number = number
        self.step = workshop_step(number)
        self.record: WorkshopRecord | None = None
        self.entries: dict[str, AttendanceEntry] = {}
        self.groups: dict[str, SubGroupRecord] = {}
        self.unplaced: dict[str, ParticipantRecord] = {}
        self.recap: RecapRecord | None = None
        self.communes: list[str] = []
        #: Newcomers often come in a row from one collège: the next card starts with the last.
        self.last_college = DEFAULT_COLLEGE
        #: Forming again on this screen draws again (another seed), as the facilitator expects.
        self.draws = 0

    def action_contents(self) -> None:
        from vitalite_tui.tui.screens.workshops.contents import contents_screen

        self.app.push_screen(contents_screen(self.demarche_id, self.number))

    def compose(self) -> ComposeResult:
        yield StepHeader(self.step)
        with Horizontal(id="workshop-line"):
            yield Static("", id="workshop-title")
            # Not in the footer (no room at 80 columns): said here, where the eye starts.
            yield Label("F9 Contenus", id="workshop-contents-key")
        # A workshop after the first opens on the recap of the previous one, for newcomers.
        first = "attendance" if self.number == 1 else "recap"
        yield from self.compose_parts(PARTS, initial=first)
        yield Footer(compact=True)

    def compose_part(self, part: str) -> ComposeResult:
        if part == "agenda":
            yield AgendaTable()
            yield Static("", id="agenda-total", classes="counts")
            yield Static(
                "⏎ modifie · a ajoute · Suppr retire · Maj+↑↓ déplace la séquence",
                classes="hint",
            )
            yield Static("", id="agenda-warnings", classes="warning")
        elif part == "attendance":
            with Horizontal(id="filter-line"):
                yield FilterInput(
                    placeholder="Filtrer : nom, commune, collège… (/ pour revenir ici)",
                    id="filter",
                    compact=True,
                )
                yield Label("", id="shown")
            yield AttendanceTable()
            yield Static("", id="attendance-empty", classes="hint")
            yield Static("", id="attendance-counts", classes="counts")
            yield Static("", id="attendance-warnings", classes="warning")
        elif part == "subgroups":
            yield SubGroupList(id="subgroup-list")
            yield Static("", id="subgroups-hint", classes="hint")
        else:
            with RecapView(id="recap-view"):
                yield Static("", id="recap-summary")

    def on_mount(self) -> None:
        try:
            self.communes = self.store.demarches.get(self.demarche_id).communes
        except VitaliteError as exc:
            self.report(exc)
        self.focus_part(self.query_one("#parts", TabbedContent).active)

    def on_screen_resume(self) -> None:
        """Coming back from the capture screen (or first shown): everything is read again."""
        self.refresh_all()

    def refresh_all(self) -> None:
        self.refresh_header()
        self.refresh_agenda()
        self.refresh_attendance()
        self.refresh_subgroups()
        self.refresh_recap()

    # --- helpers -----------------------------------------------------------------------

    def warn(self, messages: Iterable[str], title: str) -> None:
        for message in messages:
            self.notify(message, title=title, severity="warning", markup=False)

    # --- header and parts --------------------------------------------------------------

    def refresh_header(self) -> None:
        found = self.read(
            lambda: (
                self.store.workshops.get(self.demarche_id, self.number),
                self.store.steps.status(self.demarche_id, self.step),
            )
        )
        if found is None:
            return
        self.record, status = found
        self.query_one(StepHeader).show_status(status)
        self.query_one("#workshop-title", Static).update(Content(workshop_title(self.record)))
        self.refresh_bindings()

    def action_toggle_done(self) -> None:
        try:
            status = toggle_step_done(self.store, self.demarche_id, self.step)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.query_one(StepHeader).show_status(status)

    def focus_part(self, part: str) -> None:
        targets = {
            "agenda": "#agenda-table",
            "attendance": "#attendance-table",
            "subgroups": "#subgroup-list",
            "recap": "#recap-view",
        }
        # At once (not after the queued keys, as `focus()` would): typing ahead lands here.
        self.set_focus(self.query_one(targets[part]))
        self.refresh_bindings()

    def action_back(self) -> None:
        # A filter hides people: Escape first shows everyone again, then goes back.
        if self.active_part == "attendance" and self.filter_text:
            self.query_one("#filter", FilterInput).value = ""
            self.action_focus_table()
            return
        super().action_back()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_item", "remove_item"):
            return self.current_slot is not None
        if action == "move_item":
            # Shown even at the ends (one key, both ways); there it does nothing.
            return self.current_slot is not None
        if action == "toggle_present":
            return self.current_entry is not None
        if action == "add_newcomer":
            return self.active_part == "attendance"
        if action in ("capture", "edit_subgroup"):
            return self.current_group is not None
        if action == "move_person":
            person, group = self.current_person
            others = [g for g in self.groups if g != (group.id if group else None)]
            return person is not None and bool(others)
        if action == "shift_person":
            person, group = self.current_person
            return group is not None and len(group.members) > 1
        if action == "form_subgroups":
            return not self.groups
        if action == "reform_subgroups":
            return bool(self.groups)
        if action == "plenary":
            return bool(self.groups)
        if action == "edit_recap":
            return self.recap is not None
        return True

    @on(RecordTable.RowHighlighted)
    @on(OptionList.OptionHighlighted)
    def follow_cursor(self) -> None:
        """The keys of the footer depend on the line under the cursor."""
        self.refresh_bindings()

    # --- déroulé -----------------------------------------------------------------------

    def refresh_agenda(self, select: int | None = None) -> None:
        record = self.record
        if record is None:
            return
        self.query_one(AgendaTable).fill(
            ((str(i), agenda_cells(slot)) for i, slot in enumerate(record.agenda)),
            select=str(select) if select is not None else None,
        )
        self.query_one("#agenda-total", Static).update(agenda_total(record))
        warnings = self.read(
            lambda: self.store.workshops.agenda_warnings(self.demarche_id, self.number)
        )
        box = self.query_one("#agenda-warnings", Static)
        box.update(Content("\n".join(f"⚠ {w}" for w in warnings or [])))
        box.display = bool(warnings)

    @property
    def current_slot(self) -> int | None:
        key = self.query_one(AgendaTable).current_key
        return int(key) if key is not None else None

    def agenda_items(self) -> list[AgendaItem]:
        slots = self.record.agenda if self.record is not None else []
        return [AgendaItem(s.label, s.minutes, s.plenary) for s in slots]

    def save_agenda(self, items: list[AgendaItem]) -> list[str]:
        """Store the whole agenda (the store keeps it as one list); returns its warnings."""
        return self.store.workshops.save_agenda(self.demarche_id, self.number, items)

    def after_agenda_change(self, select: int) -> None:
        self.refresh_header()
        self.refresh_agenda(select=select)

    def edit_agenda(self, title: str, item: AgendaItem | None, place: int, replace: bool) -> None:
        """The dialog for one sequence, stored at `place` (replacing the one there, or not)."""

        def save(changed: AgendaItem) -> None:
            items = self.agenda_items()
            items[place : place + int(replace)] = [changed]
            self.save_agenda(items)

        def done(changed: AgendaItem | None) -> None:
            if changed is not None:
                self.after_agenda_change(place)

        self.app.push_screen(AgendaItemFormDialog(title, item, save=save), done)

    def action_add_item(self) -> None:
        index = self.current_slot
        place = index + 1 if index is not None else len(self.agenda_items())
        self.edit_agenda("Nouvelle séquence", None, place, replace=False)

    def action_edit_item(self) -> None:
        index = self.current_slot
        if index is None:
            return
        item = self.agenda_items()[index]
        self.edit_agenda(f"Séquence {index + 1}", item, index, replace=True)

    def action_remove_item(self) -> None:
        index = self.current_slot
        if index is None:
            return
        items = self.agenda_items()
        removed = items.pop(index)

        def confirmed(yes: bool | None) -> None:
            if yes and self.run_safely(lambda: self.save_agenda(items)):
                self.after_agenda_change(min(index, len(items) - 1))

        self.app.push_screen(ConfirmDialog(f"Retirer « {removed.label} » du déroulé ?"), confirmed)

    def action_move_item(self, offset: int) -> None:
        index = self.current_slot
        items = self.agenda_items()
        if index is None or not 0 <= index + offset < len(items):
            return
        target = index + offset
        items[index], items[target] = items[target], items[index]
        if self.run_safely(lambda: self.save_agenda(items)):
            self.after_agenda_change(target)

    # --- présences ---------------------------------------------------------------------

    @property
    def filter_text(self) -> str:
        return self.query_one("#filter", FilterInput).value

    def refresh_attendance(self, select: str | None = None) -> None:
        found = self.read(
            lambda: (
                self.store.workshops.attendance(self.demarche_id, self.number, self.filter_text),
                self.store.workshops.present(self.demarche_id, self.number),
                self.store.workshops.attendance_counts(self.demarche_id, self.number),
            )
        )
        if found is None:
            return
        shown, present, counts = found
        self.entries = {e.participant.id: e for e in shown}
        self.query_one(AttendanceTable).fill(
            ((e.participant.id, attendance_cells(e)) for e in shown), select=select
        )
        filtering = bool(self.filter_text.strip())
        self.query_one("#shown", Label).update(plural(len(shown), "affiché") if filtering else "")
        empty = self.query_one("#attendance-empty", Static)
        empty.display = not shown
        empty.update(
            "Personne ne correspond au filtre : Inser pour l'inscrire, Échap pour tout revoir."
            if filtering
            else "Le registre est vide : a ou Inser pour inscrire chaque personne qui arrive."
        )
        newcomers = sum(1 for e in present if e.newcomer)
        self.query_one("#attendance-counts", Static).update(
            f"Présents : {counts.total} · {counts.summary()} · "
            f"dont {plural(newcomers, 'nouveau venu', 'nouveaux venus')}"
        )
        warnings = self.query_one("#attendance-warnings", Static)
        messages = counts.warnings()
        warnings.update(Content("\n".join(f"⚠ {m}" for m in messages)))
        warnings.display = bool(messages)
        self.refresh_bindings()

    @property
    def current_entry(self) -> AttendanceEntry | None:
        return self.entries.get(self.query_one(AttendanceTable).current_key or "")

    @on(Input.Changed, "#filter")
    def apply_filter(self) -> None:
        self.refresh_attendance()

    @on(Input.Submitted, "#filter")
    def go_to_table(self) -> None:
        self.action_focus_table()

    def action_focus_table(self) -> None:
        self.set_focus(self.query_one(AttendanceTable))

    def action_focus_filter(self) -> None:
        self.set_focus(self.query_one("#filter", FilterInput))

    def after_attendance_change(self, select: str) -> None:
        self.refresh_header()
        self.refresh_attendance(select=select)
        self.refresh_subgroups()

    def action_toggle_present(self) -> None:
        entry = self.current_entry
        if entry is None:
            return
        person = entry.participant
        # Someone no longer present also leaves their sub-group (the store does it): say so.
        left = next(
            (g for g in self.groups.values() if any(p.id == person.id for p in g.members)), None
        )
        if not self.run_safely(
            lambda: self.store.workshops.set_present(
                self.demarche_id, self.number, person.id, not entry.present
            )
        ):
            return
        self.after_attendance_change(person.id)
        if entry.present and left is not None:
            self.notify(
                f"{person.display_name} n'est plus noté(e) présent(e) et quitte « {left.name} » "
                "(ses notes restent).",
                markup=False,
            )

    def action_add_newcomer(self) -> None:
        if self.active_part != "attendance":
            return
        added: list[str] = []

        def save(draft: ParticipantDraft) -> None:
            added.append(self.store.workshops.add_newcomer(self.demarche_id, self.number, draft))

        def done(draft: ParticipantDraft | None) -> None:
            if draft is None:
                return
            self.last_college = draft.college
            self.after_attendance_change(added[-1])
            hidden = "" if added[-1] in self.entries else " (masqué par le filtre)"
            self.notify(
                f"{draft.display_name.strip()} est inscrit(e) et noté(e) présent(e){hidden}.",
                markup=False,
            )

        # Filtered on a name nobody has: the newcomer card starts with what was typed.
        name = self.filter_text.strip() if not self.entries else ""
        self.app.push_screen(
            NewcomerFormDialog(
                f"Nouveau venu — atelier {self.number}",
                ParticipantDraft(name, self.last_college),
                communes=self.communes,
                save=save,
            ),
            done,
        )

    # --- sous-groupes ------------------------------------------------------------------

    def refresh_subgroups(self, select: str | None = None) -> None:
        found = self.read(
            lambda: (
                self.store.subgroups.all(self.demarche_id, self.number),
                self.store.subgroups.unassigned(self.demarche_id, self.number),
            )
        )
        if found is None:
            return
        groups, unplaced = found
        self.groups = {g.id: g for g in groups}
        self.unplaced = {p.id: p for p in unplaced}
        self.query_one(SubGroupList).fill(subgroup_options(groups, unplaced), select=select)
        hint = self.query_one("#subgroups-hint", Static)
        if not groups:
            present = len(unplaced)
            hint.update(
                f"Pas encore de sous-groupes : f pour répartir les {plural(present, 'présent')}."
                if present
                else "Pas encore de sous-groupes : notez d'abord les présents (F6), puis f."
            )
        else:
            hint.update("⏎ saisie · e nomme · m déplace · Maj+↑↓ ordre de parole · f refait")
        self.refresh_bindings()

    @property
    def current_line(self) -> list[str]:
        """The parts of the highlighted line's id: ["g", group], ["m", group, person]…"""
        option = self.query_one(SubGroupList).highlighted_option
        return option.id.split(":") if option is not None and option.id else []

    @property
    def current_group(self) -> SubGroupRecord | None:
        """The sub-group of the highlighted line (its title or one of its members)."""
        parts = self.current_line
        if parts and parts[0] in ("g", "m"):
            return self.groups.get(parts[1])
        return None

    @property
    def current_person(self) -> tuple[ParticipantRecord | None, SubGroupRecord | None]:
        """The person of the highlighted line, and their sub-group (None when not placed)."""
        parts = self.current_line
        if len(parts) == 3 and parts[0] == "m":
            group = self.groups.get(parts[1])
            person = next((p for p in group.members if p.id == parts[2]), None) if group else None
            return person, group
        if len(parts) == 2 and parts[0] == "u":
            return self.unplaced.get(parts[1]), None
        return None, None

    def action_form_subgroups(self) -> None:
        present = self.read(lambda: self.store.workshops.present(self.demarche_id, self.number))
        if present is None:
            return
        who = plural(len(present), "présent")
        if self.groups:
            hint = (
                f"Les sous-groupes sont refaits avec les {who} : noms, thèmes et animateurs "
                "restent, les personnes sont tirées à nouveau (collèges équilibrés, communes "
                "mêlées)."
            )
        else:
            hint = f"Les {who} sont répartis en équilibrant les collèges et en mêlant les communes."
        formed: list[SubGroupRecord] = []

        def save(text: str) -> None:
            count = parse_count(text)
            formed[:] = self.store.subgroups.form(
                self.demarche_id, self.number, count, seed=self.draws
            )

        def done(text: str | None) -> None:
            if text is None:
                return
            self.draws += 1
            self.refresh_subgroups(select=f"g:{formed[0].id}" if formed else None)
            sizes = ", ".join(str(len(g.members)) for g in formed)
            self.notify(f"{plural(len(formed), 'sous-groupe')} formés : {sizes} personnes.")

        dialog = (
            SubGroupCountDialog(hint, len(self.groups), title="Refaire les sous-groupes", save=save)
            if self.groups
            else SubGroupCountDialog(hint, save=save)
        )
        self.app.push_screen(dialog, done)

    def action_reform_subgroups(self) -> None:
        self.action_form_subgroups()

    def action_capture(self) -> None:
        group = self.current_group
        if group is None:
            return
        from vitalite_tui.tui.screens.workshops.capture import CaptureScreen

        self.app.push_screen(CaptureScreen(group.id))

    def action_plenary(self) -> None:
        from vitalite_tui.tui.screens.workshops.plenary import PlenaryScreen

        self.app.push_screen(PlenaryScreen(self.demarche_id, self.number))

    def action_move_person(self) -> None:
        person, group = self.current_person
        if person is None:
            return
        current = group.id if group else None

        def chosen(target: str | None) -> None:
            if target is None or person is None:
                return
            if self.run_safely(lambda: self.store.subgroups.move(person.id, target)):
                self.refresh_subgroups(select=f"m:{target}:{person.id}")
                name = self.groups[target].name if target in self.groups else "?"
                self.notify(f"{person.display_name} passe dans « {name} ».", markup=False)

        self.app.push_screen(
            SubGroupPickDialog(
                f"Mettre {person.display_name} dans le sous-groupe…",
                list(self.groups.values()),
                current,
            ),
            chosen,
        )

    def action_shift_person(self, offset: int) -> None:
        person, group = self.current_person
        if person is None or group is None:
            return
        if self.run_safely(lambda: self.store.subgroups.shift(group.id, person.id, offset)):
            self.refresh_subgroups(select=f"m:{group.id}:{person.id}")

    def action_edit_subgroup(self) -> None:
        group = self.current_group
        if group is None:
            return
        members = self.read(lambda: self.store.committee.all(self.demarche_id)) or []

        def save(draft: SubGroupDraft) -> None:
            self.store.subgroups.update(
                group.id, draft.name, draft.theme, draft.indicator, draft.animateur
            )

        def done(draft: SubGroupDraft | None) -> None:
            if draft is not None:
                self.refresh_subgroups()

        self.app.push_screen(
            SubGroupFormDialog(
                f"Sous-groupe {group.position}",
                SubGroupDraft(group.name, group.theme, group.indicator, group.animateur),
                animateurs=[m.name for m in members],
                save=save,
            ),
            done,
        )

    # --- rappel ------------------------------------------------------------------------

    def refresh_recap(self) -> None:
        summary = self.query_one("#recap-summary", Static)
        if self.number == 1:
            self.recap = None
            summary.update(
                "Atelier 1 : c'est le premier atelier, il n'y a pas d'atelier précédent à "
                "rappeler.\n\nCe qui en sera retenu s'écrit dans le rappel qui ouvre "
                "l'atelier 2 (étape 5, F8)."
            )
            return
        recap = self.read(lambda: self.store.workshops.recap(self.demarche_id, self.number))
        if recap is None:
            return
        self.recap = recap
        summary.update(recap_content(recap))
        self.refresh_bindings()

    def action_edit_recap(self) -> None:
        recap = self.recap
        if recap is None:
            return
        previous = recap.workshop.number

        def save(text: str) -> None:
            self.store.workshops.save_recap(self.demarche_id, previous, text)

        def done(text: str | None) -> None:
            if text is not None:
                self.refresh_recap()

        self.app.push_screen(
            RecapFormDialog(
                f"Atelier {previous} — ce qui a été retenu", recap.workshop.recap, save=save
            ),
            done,
        )

"""Workshop part F6 · Présences: the registry with a tick per person present, and newcomers."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, Static

from vitalite_tui.domain.text import plural
from vitalite_tui.domain.workshops import session_label
from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord
from vitalite_tui.store.workshops.records import AttendanceEntry
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.newcomer_form import NewcomerFormDialog
from vitalite_tui.tui.dialogs.participant_form import DEFAULT_COLLEGE
from vitalite_tui.tui.dialogs.subgroup_pick import SubGroupPickDialog
from vitalite_tui.tui.screens.preparation.participants import FilterInput
from vitalite_tui.tui.screens.workshops.workshop_parts.base import WorkshopPart
from vitalite_tui.tui.widgets.screen_part import PartKeys
from vitalite_tui.tui.widgets.table import RecordTable

if TYPE_CHECKING:
    from vitalite_tui.print.paper import Printed
    from vitalite_tui.store import Store


#: The parameter of a bulk key's twin kept out of the footer (see `bulk_bindings`).
QUIET = "quiet"


def bulk_bindings(key: str, name: str, label: str, id: str, tooltip: str) -> list[Binding]:
    """A bulk key twice: in the footer, and out of it while « u Annuler » needs its room at
    80 columns (`check_action` enables one or the other; both act the same, and share their
    id so that a keymap moves both)."""
    return [
        Binding(key, f"part('{name}')", label, id=id, tooltip=tooltip),
        Binding(key, f"part('{name}', '{QUIET}')", label, id=id, tooltip=tooltip, show=False),
    ]


class AttendanceTable(PartKeys, RecordTable):
    """The registry with a tick per person present; the letters act here, not in the filter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "part('toggle_present')",
            "Présent",
            id="attendance-toggle",
            tooltip="Noter la personne choisie présente, ou ne plus la noter présente.",
        ),
        Binding(
            "enter",
            "part('toggle_present')",
            "Présent",
            id="attendance-toggle-enter",
            tooltip="Comme Espace : noter présent ou non.",
            show=False,
        ),
        Binding(
            "a",
            "part('add_newcomer')",
            "Nouveau venu",
            id="attendance-add",
            tooltip="Inscrire quelqu'un qui arrive (nom, collège, commune) et le noter présent.",
        ),
        *bulk_bindings(
            "p",
            "tick_previous",
            "Idem",
            "attendance-previous",
            "Comme la dernière fois : noter présentes toutes les personnes venues "
            "à l'atelier précédent (après confirmation).",
        ),
        *bulk_bindings(
            "t",
            "tick_everyone",
            "Tous",
            "attendance-everyone",
            "Tous présents : noter présentes toutes les personnes inscrites (après confirmation).",
        ),
        Binding(
            "u",
            "part('undo_bulk')",
            "Annuler",
            id="attendance-undo",
            tooltip="Annuler le dernier « Idem » ou « Tous » : les personnes qu'il a cochées "
            "ne sont plus notées présentes.",
        ),
        Binding(
            "i",
            "part('print_sign_in')",
            "Imprimer",
            id="attendance-print",
            tooltip="Imprimer la feuille d'émargement de l'atelier (PDF nominatif, dans exports/).",
            show=False,  # No room at 80 columns: F1 says it.
        ),
        # Not in the footer (no room at 80 columns with F1 and Échap): the filter line says it.
        Binding(
            "slash",
            "part('focus_filter')",
            "Filtrer",
            id="attendance-filter",
            tooltip="Aller à la ligne de filtre (nom, commune, structure, collège).",
            key_display="/",
            show=False,
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


class AttendanceChanged(Message):
    """Someone was noted present or not, or a newcomer registered (sub-groups follow)."""

    def __init__(self, placed: tuple[str, str] | None = None) -> None:
        super().__init__()
        #: (sub-group id, participant id) of someone just placed: the sub-groups show them.
        self.placed = placed


class AttendancePart(WorkshopPart):
    """Tick who is present, filter the registry, register newcomers as they arrive."""

    def __init__(
        self, demarche_id: str, number: int, session: int = 1, *, id: str | None = None
    ) -> None:
        super().__init__(demarche_id, number, session, id=id)
        #: The evening before this one (« Idem » copies it), read when shown.
        self.previous: tuple[int, int] | None = None
        #: The lines shown, by participant id, as the store returned them.
        self.entries: dict[str, AttendanceEntry] = {}
        self.communes: list[str] = []
        #: Newcomers often come in a row from one collège: the next card starts with the last.
        self.last_college = DEFAULT_COLLEGE
        #: The people the last « Idem » or « Tous » ticked, until undone or another change.
        self.last_bulk: list[str] = []

    def compose(self) -> ComposeResult:
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

    def on_mount(self) -> None:
        communes = self.read(lambda: self.store.demarches.get(self.demarche_id).communes)
        if communes is not None:
            self.communes = communes

    def focus_target(self) -> AttendanceTable:
        return self.query_one(AttendanceTable)

    @property
    def filter_text(self) -> str:
        return self.query_one("#filter", FilterInput).value

    def reload(self) -> None:
        self.show_attendance()

    def show_attendance(self, select: str | None = None) -> None:
        found = self.read(
            lambda: (
                self.store.workshops.attendance(
                    self.demarche_id, self.number, self.filter_text, self.session
                ),
                self.store.workshops.present(self.demarche_id, self.number, self.session),
                self.store.workshops.attendance_counts(self.demarche_id, self.number, self.session),
                self.store.workshops.previous(self.demarche_id, self.number, self.session),
            )
        )
        if found is None:
            return
        shown, present, counts, self.previous = found
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
        self.screen.refresh_bindings()

    @property
    def current_entry(self) -> AttendanceEntry | None:
        return self.entries.get(self.query_one(AttendanceTable).current_key or "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_present":
            return self.current_entry is not None
        if action == "undo_bulk":
            # Out of the footer when there is nothing to undo.
            return bool(self.last_bulk)
        if action in ("tick_previous", "tick_everyone") and (QUIET in parameters) != bool(
            self.last_bulk
        ):
            return False
        if action == "tick_previous":
            # Atelier 1 has no previous evening to copy.
            return self.previous is not None
        return True

    def back(self) -> bool:
        # A filter hides people: Escape first shows everyone again, then goes back.
        if not self.filter_text:
            return False
        self.query_one("#filter", FilterInput).value = ""
        self.action_focus_table()
        return True

    @on(Input.Changed, "#filter")
    def apply_filter(self) -> None:
        self.show_attendance()

    @on(Input.Submitted, "#filter")
    def go_to_table(self) -> None:
        self.action_focus_table()

    def action_print_sign_in(self) -> None:
        from vitalite_tui.tui.printing import print_in_background

        def make(store: Store) -> Printed:
            from vitalite_tui.print.sign_in import print_sign_in

            return print_sign_in(store, self.demarche_id, self.number)

        print_in_background(self, make, "Feuille d'émargement imprimée")

    def action_focus_table(self) -> None:
        self.screen.set_focus(self.query_one(AttendanceTable))

    def action_focus_filter(self) -> None:
        self.screen.set_focus(self.query_one("#filter", FilterInput))

    def after_change(self, select: str, bulk: list[str] | None = None) -> None:
        # Any other change ends what `u` can undo: it acts on the last change only.
        self.last_bulk = bulk or []
        self.show_attendance(select=select)
        self.post_message(AttendanceChanged())

    def action_toggle_present(self) -> None:
        entry = self.current_entry
        if entry is None:
            return
        person = entry.participant
        # Someone no longer present also leaves their sub-group (the store does it): say so.
        groups = (
            self.read(lambda: self.store.subgroups.all(self.demarche_id, self.number, self.session))
            if entry.present
            else []
        )
        left = next((g for g in groups or [] if any(p.id == person.id for p in g.members)), None)
        if not self.run_safely(
            lambda: self.store.workshops.set_present(
                self.demarche_id, self.number, person.id, not entry.present, self.session
            )
        ):
            return
        self.after_change(person.id)
        if left is not None:
            self.notify(
                f"{person.display_name} n'est plus noté(e) présent(e) et quitte « {left.name} » "
                "(ses notes restent).",
                markup=False,
            )

    def action_tick_previous(self, *_quiet: object) -> None:
        previous = self.previous
        if previous is None:
            return
        # « à l'atelier 2 bis »: the evening copied, in the method's order, whatever the dates.
        at = f"à l'{session_label(*previous).lower()}"
        self.tick_after_asking(
            self.read(
                lambda: self.store.workshops.not_yet_present(
                    self.demarche_id, self.number, came_to=previous, session=self.session
                )
            ),
            f"venue {at}",
            f"venues {at}",
            f"Toutes les personnes venues {at} sont déjà notées présentes.",
        )

    def action_tick_everyone(self, *_quiet: object) -> None:
        self.tick_after_asking(
            self.read(
                lambda: self.store.workshops.not_yet_present(
                    self.demarche_id, self.number, session=self.session
                )
            ),
            "inscrite",
            "inscrites",
            "Toutes les personnes inscrites sont déjà notées présentes.",
        )

    def tick_after_asking(
        self, people: list[ParticipantRecord] | None, one: str, many: str, none_left: str
    ) -> None:
        """Ask before ticking many people at once (one key, easily pressed by mistake)."""
        if people is None:
            return
        if not people:
            self.notify(none_left, markup=False)
            return
        count = len(people)
        question = (
            f"Noter présente la seule personne {one} et pas encore cochée : "
            f"{people[0].display_name} ?"
            if count == 1
            else f"Noter présentes les {count} personnes {many} et pas encore cochées ?"
        )

        def tick(confirmed: bool | None) -> None:
            if not confirmed:
                return
            ids = [person.id for person in people]
            changed: list[str] = []
            if not self.run_safely(
                lambda: changed.extend(
                    self.store.workshops.set_present_many(
                        self.demarche_id, self.number, ids, True, self.session
                    )
                )
            ):
                return
            self.after_change(ids[0], bulk=changed)
            self.notify(
                f"{plural(len(changed), 'personne notée présente', 'personnes notées présentes')}"
                " : u pour annuler, Espace sur une ligne pour en décocher une.",
                markup=False,
            )

        self.app.push_screen(ConfirmDialog(question), tick)

    def action_undo_bulk(self) -> None:
        """Untick exactly those the last « Idem » or « Tous » ticked (not those ticked before)."""
        ticked = self.last_bulk
        if not ticked:
            return
        undone: list[str] = []
        if not self.run_safely(
            lambda: undone.extend(
                self.store.workshops.set_present_many(
                    self.demarche_id, self.number, ticked, False, self.session
                )
            )
        ):
            return  # kept: `u` can be tried again once the base is free
        self.after_change(ticked[0])
        self.notify(
            "Annulé : "
            + plural(
                len(undone),
                "personne n'est plus notée présente",
                "personnes ne sont plus notées présentes",
            )
            + ".",
            markup=False,
        )

    def action_add_newcomer(self) -> None:
        added: list[str] = []

        def save(draft: ParticipantDraft) -> None:
            added.append(
                self.store.workshops.add_newcomer(
                    self.demarche_id, self.number, draft, session=self.session
                )
            )

        def done(draft: ParticipantDraft | None) -> None:
            if draft is None:
                return
            self.last_college = draft.college
            self.after_change(added[-1])
            hidden = "" if added[-1] in self.entries else " (masqué par le filtre)"
            said = f"{draft.display_name.strip()} est inscrit(e) et noté(e) présent(e){hidden}"
            self.offer_subgroup(added[-1], draft.display_name.strip(), said)

        # Filtered on a name nobody has: the newcomer card starts with what was typed.
        name = self.filter_text.strip() if not self.entries else ""
        self.app.push_screen(
            NewcomerFormDialog(
                f"Nouveau venu — {self.label.lower()}",
                ParticipantDraft(name, self.last_college),
                communes=self.communes,
                save=save,
            ),
            done,
        )

    def offer_subgroup(self, person_id: str, name: str, said: str) -> None:
        """Sub-groups already formed: place the newcomer at once, from here, and say where
        (left for later, they would wait at the bottom of F7, out of sight)."""
        found = self.read(
            lambda: (
                self.store.subgroups.all(self.demarche_id, self.number, self.session),
                self.store.subgroups.best_for(
                    self.demarche_id, self.number, person_id, self.session
                ),
            )
        )
        groups, best = found if found is not None else ([], None)
        if not groups or best is None:
            self.notify(f"{said}.", markup=False)
            return
        by_id = {group.id: group for group in groups}

        def place(target: str | None) -> None:
            if target is None or not self.run_safely(
                lambda: self.store.subgroups.move(person_id, target)
            ):
                self.notify(
                    f"{said}, sans sous-groupe pour l'instant : F7 puis m pour le placer.",
                    markup=False,
                )
                return
            group = by_id[target]
            self.post_message(AttendanceChanged(placed=(target, person_id)))
            self.notify(
                f"{said} et rejoint «\u00a0{group.name}\u00a0», en dernier dans l'ordre de parole "
                f"({len(group.members) + 1}e).",
                markup=False,
            )

        self.app.push_screen(
            SubGroupPickDialog(
                f"Placer {name} (conseillé : {by_id[best].position}) · Échap : plus tard",
                groups,
            ),
            place,
        )

"""Workshop part F7 · Sous-groupes: forming them, who is in which, the speaking order."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from vitalite_tui.domain.text import plural
from vitalite_tui.store.workshops.records import SubGroupRecord
from vitalite_tui.store.workshops.subgroups import DEEPENING_WORKSHOP
from vitalite_tui.tui.dialogs.action_pick import NO_ACTION, ActionPickDialog
from vitalite_tui.tui.dialogs.subgroup_form import (
    SubGroupCountDialog,
    SubGroupDraft,
    SubGroupFormDialog,
    parse_count,
)
from vitalite_tui.tui.dialogs.subgroup_pick import SubGroupPickDialog
from vitalite_tui.tui.screens.workshops.workshop_parts.base import WorkshopPart
from vitalite_tui.tui.screens.workshops.workshop_parts.subgroup_lines import SubGroupsState
from vitalite_tui.tui.widgets.screen_part import PartKeys

if TYPE_CHECKING:
    from vitalite_tui.print.paper import Printed
    from vitalite_tui.store import Store


class SubGroupList(PartKeys, OptionList):
    """Each sub-group (two lines) and its members in speaking order, then those not placed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "part('capture')",
            "Saisir",
            id="subgroup-capture",
            tooltip="Ouvrir la saisie des tours d'expression du sous-groupe choisi.",
        ),
        Binding(
            "c",
            "part('capture')",
            "Saisir",
            id="subgroup-capture-c",
            tooltip="Comme ⏎ : la saisie des tours d'expression du sous-groupe.",
            show=False,
        ),
        # Two bindings on `f`: the footer shows « Former » until there are sub-groups, then
        # has no room for « Refaire » (the line under the list names it).
        Binding(
            "f",
            "part('form_subgroups')",
            "Former",
            id="subgroup-form",
            tooltip="Répartir les présents en sous-groupes (collèges équilibrés, communes mêlées).",
        ),
        Binding(
            "f",
            "part('reform_subgroups')",
            "Refaire",
            id="subgroup-reform",
            tooltip="Refaire le tirage des sous-groupes (noms, thèmes et animateurs restent).",
            show=False,
        ),
        Binding(
            "m",
            "part('move_person')",
            "Déplacer",
            id="subgroup-move",
            tooltip="Mettre la personne choisie dans un autre sous-groupe (par son numéro).",
        ),
        Binding(
            "e",
            "part('edit_subgroup')",
            "Modifier",
            id="subgroup-edit",
            tooltip="Nom, thème, indicateur et animateur du sous-groupe choisi.",
        ),
        # Not in the footer (no room at 80 columns): F1 and the line under the list say it.
        Binding(
            "k",
            "part('choose_action')",
            "Action",
            id="subgroup-action",
            tooltip="Atelier 3 : l'action retenue que le sous-groupe approfondit (ses tours "
            "d'expression s'y rattachent).",
            show=False,
        ),
        Binding(
            "shift+up",
            "part('shift_person', -1)",
            "Avancer",
            id="subgroup-up",
            tooltip="Faire parler la personne choisie plus tôt (ordre de parole).",
            show=False,
        ),
        Binding(
            "shift+down",
            "part('shift_person', 1)",
            "Reculer",
            id="subgroup-down",
            tooltip="Faire parler la personne choisie plus tard (ordre de parole).",
            show=False,
        ),
        Binding(
            "v",
            "part('plenary')",
            "Plénière",
            id="subgroup-plenary",
            tooltip="Vue plénière pour le vidéoprojecteur : les notes des sous-groupes.",
        ),
        Binding(
            "i",
            "part('print_wall')",
            "Imprimer",
            id="subgroup-print",
            tooltip="Imprimer les en-têtes de mur : un par sous-groupe et par tour (PDF dans "
            "exports/).",
            show=False,  # No room at 80 columns: F1 says it.
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

    @property
    def current_line(self) -> str | None:
        """The id of the highlighted line: `g:group`, `m:group:person`, `u:person`."""
        option = self.highlighted_option
        return option.id if option is not None else None


class SubGroupsPart(WorkshopPart):
    """Form the sub-groups, place and order their members, open a sub-group's capture."""

    def __init__(
        self, demarche_id: str, number: int, session: int = 1, *, id: str | None = None
    ) -> None:
        super().__init__(demarche_id, number, session, id=id)
        self.state = SubGroupsState()
        #: Forming again on this screen draws again (another seed), as the facilitator expects.
        self.draws = 0

    def compose(self) -> ComposeResult:
        yield SubGroupList(id="subgroup-list")
        yield Static("", id="subgroups-hint", classes="hint")

    @property
    def groups(self) -> dict[str, SubGroupRecord]:
        return self.state.groups

    @property
    def line(self) -> str | None:
        return self.query_one(SubGroupList).current_line

    def reload(self) -> None:
        self.show_subgroups()

    def show_subgroups(self, select: str | None = None) -> None:
        deepening = self.number == DEEPENING_WORKSHOP
        found = self.read(
            lambda: (
                self.store.subgroups.all(self.demarche_id, self.number, self.session),
                self.store.subgroups.unassigned(self.demarche_id, self.number, self.session),
                self.store.subgroups.actions(self.demarche_id) if deepening else {},
                {c.id: c.title for c in self.store.votes.candidates(self.demarche_id)}
                if deepening
                else {},
            )
        )
        if found is None:
            return
        groups, unplaced, actions, titles = found
        self.state = SubGroupsState.of(groups, unplaced, actions, titles)
        self.query_one(SubGroupList).fill(self.state.options(), select=select)
        hint = self.query_one("#subgroups-hint", Static)
        if not groups:
            present = len(unplaced)
            hint.update(
                f"Pas encore de sous-groupes : f pour répartir les {plural(present, 'présent')}."
                if present
                else "Pas encore de sous-groupes : notez d'abord les présents (F6), puis f."
            )
        else:
            hint.update(
                "⏎ saisie · e nomme · m déplace · k action · Maj+↑↓ ordre de parole · f refait"
                if deepening
                else "⏎ saisie · e nomme · m déplace · Maj+↑↓ ordre de parole · f refait"
            )
        self.screen.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("capture", "edit_subgroup"):
            return self.state.group_at(self.line) is not None
        if action == "move_person":
            return self.state.can_move(self.line)
        if action == "shift_person":
            return self.state.can_shift(self.line)
        if action == "choose_action":
            return self.number == DEEPENING_WORKSHOP and self.state.group_at(self.line) is not None
        if action == "form_subgroups":
            return not self.groups
        if action in ("reform_subgroups", "plenary"):
            return bool(self.groups)
        return True

    def action_print_wall(self) -> None:
        from vitalite_tui.tui.printing import print_in_background

        def make(store: Store) -> Printed:
            from vitalite_tui.print.wall import print_wall

            return print_wall(store, self.demarche_id, self.number)

        print_in_background(self, make, "En-têtes de mur imprimés")

    def action_form_subgroups(self) -> None:
        present = self.read(
            lambda: self.store.workshops.present(self.demarche_id, self.number, self.session)
        )
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
                self.demarche_id, self.number, count, seed=self.draws, session=self.session
            )

        def done(text: str | None) -> None:
            if text is None:
                return
            self.draws += 1
            self.show_subgroups(select=f"g:{formed[0].id}" if formed else None)
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
        group = self.state.group_at(self.line)
        if group is None:
            return
        from vitalite_tui.tui.screens.workshops.capture import CaptureScreen

        self.app.push_screen(CaptureScreen(group.id))

    def action_plenary(self) -> None:
        from vitalite_tui.tui.screens.workshops.plenary import PlenaryScreen

        self.app.push_screen(PlenaryScreen(self.demarche_id, self.number, session=self.session))

    def action_move_person(self) -> None:
        person, group = self.state.person_at(self.line)
        if person is None:
            return
        current = group.id if group else None

        def chosen(target: str | None) -> None:
            if target is None or person is None:
                return
            if self.run_safely(lambda: self.store.subgroups.move(person.id, target)):
                self.show_subgroups(select=f"m:{target}:{person.id}")
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

    def action_choose_action(self) -> None:
        group = self.state.group_at(self.line)
        if group is None:
            return
        candidates = self.read(lambda: self.store.votes.candidates(self.demarche_id))
        kept = [(c.id, c.title) for c in candidates or [] if c.kept]
        if not kept:
            self.notify(
                "Aucune action retenue pour l'instant : le vote de l'atelier 3 les désigne.",
                markup=False,
            )
            return
        titles = dict(kept)

        def chosen(action_id: str | None) -> None:
            if action_id is None:
                return
            target = None if action_id == NO_ACTION else action_id
            if self.run_safely(lambda: self.store.subgroups.set_action(group.id, target)):
                self.show_subgroups(select=f"g:{group.id}")
                self.notify(
                    f"« {group.name} » approfondit «\u00a0{titles[target]}\u00a0», avec ses tours."
                    if target is not None
                    else f"« {group.name} » n'est plus rattaché à une action.",
                    markup=False,
                )

        self.app.push_screen(
            ActionPickDialog(
                f"Action que « {group.name} » approfondit",
                kept,
                self.state.actions.get(group.id),
            ),
            chosen,
        )

    def action_shift_person(self, offset: int) -> None:
        person, group = self.state.person_at(self.line)
        if person is None or group is None:
            return
        if self.run_safely(lambda: self.store.subgroups.shift(group.id, person.id, offset)):
            self.show_subgroups(select=f"m:{group.id}:{person.id}")

    def action_edit_subgroup(self) -> None:
        group = self.state.group_at(self.line)
        if group is None:
            return
        members = self.read(lambda: self.store.committee.all(self.demarche_id)) or []

        def save(draft: SubGroupDraft) -> None:
            self.store.subgroups.update(
                group.id, draft.name, draft.theme, draft.indicator, draft.animateur
            )

        def done(draft: SubGroupDraft | None) -> None:
            if draft is not None:
                self.show_subgroups()

        self.app.push_screen(
            SubGroupFormDialog(
                f"Sous-groupe {group.position}",
                SubGroupDraft(group.name, group.theme, group.indicator, group.animateur),
                animateurs=[m.name for m in members],
                save=save,
            ),
            done,
        )

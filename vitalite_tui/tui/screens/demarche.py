"""One démarche: its seven steps as a stepper, the participants count, the way into each step."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import OptionList, Rule, Static
from textual.widgets.option_list import Option

from vitalite_tui.domain.colleges import CollegeCounts
from vitalite_tui.domain.steps import STEPS, StepStatus
from vitalite_tui.domain.text import plural
from vitalite_tui.domain.workshops import WORKSHOP_NUMBERS, workshop_step
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.preparation.demarche_records import StepView
from vitalite_tui.store.preparation.records import WorkshopPlan
from vitalite_tui.store.privacy.retention import retention_line
from vitalite_tui.store.workshops.records import WorkshopRecord
from vitalite_tui.tui.keys import BACKUP_BINDING
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.screens.workshops.workshop_parts.when import when_and_where
from vitalite_tui.tui.widgets.footer import Footer

if TYPE_CHECKING:
    from vitalite_tui.print.paper import Printed
    from vitalite_tui.store import Store
    from vitalite_tui.workbook import ExportResult


def _step1_screen(demarche_id: str) -> BaseScreen:
    from vitalite_tui.tui.screens.preparation.step1 import Step1Screen

    return Step1Screen(demarche_id)


def _step2_screen(demarche_id: str) -> BaseScreen:
    from vitalite_tui.tui.screens.preparation.step2 import Step2Screen

    return Step2Screen(demarche_id)


def _step3_screen(demarche_id: str) -> BaseScreen:
    from vitalite_tui.tui.screens.questionnaire.sheets import Step3Screen

    return Step3Screen(demarche_id)


def _workshop_screen(number: int) -> Callable[[str], BaseScreen]:
    """Steps 4–7 share one screen, for workshops 1–4."""

    def open_workshop(demarche_id: str) -> BaseScreen:
        from vitalite_tui.tui.screens.workshops.workshop import WorkshopScreen

        return WorkshopScreen(demarche_id, number)

    return open_workshop


#: A line of an extra evening, under its workshop's step: « evening:2:2 » (number, session).
EVENING = "evening"


def evening_prompt(record: WorkshopRecord) -> str:
    """« ↳ Atelier 2 bis          jeu. 22/10 18h30 · Mairie », under « 5  Atelier 2 · … »."""
    return f"     ↳ {record.label.ljust(TITLE_WIDTH)}  {when_and_where(record)}"


def evening_of(option_id: str | None) -> tuple[int, int] | None:
    """The (workshop, session) a list line opens: a workshop's step or an extra evening."""
    if option_id is None:
        return None
    if option_id.startswith(f"{EVENING}:"):
        _, number, session = option_id.split(":")
        return int(number), int(session)
    if option_id.isdigit() and int(option_id) - 3 in WORKSHOP_NUMBERS:
        return int(option_id) - 3, 1
    return None


#: The list's last line, after the seven steps: the exchanges between laptops.
EXCHANGES = "exchanges"
EXCHANGES_PROMPT = "   ⇄  Échanges entre postes : les paquets des sous-groupes (x)"

#: The steps whose screen exists in this version (imported when opened, to start fast);
#: the others are listed as coming in a later version.
STEP_SCREENS: dict[int, Callable[[str], BaseScreen]] = {
    1: _step1_screen,
    2: _step2_screen,
    3: _step3_screen,
    4: _workshop_screen(1),
    5: _workshop_screen(2),
    6: _workshop_screen(3),
    7: _workshop_screen(4),
}

#: Width of the title column, so that the details line up.
TITLE_WIDTH = max(len(step.title) for step in STEPS)

STATUS_STYLES = {
    StepStatus.DONE: "$text-success",
    StepStatus.IN_PROGRESS: "$text-warning",
    StepStatus.TODO: "$foreground-muted",
}


def step_prompt(view: StepView) -> Content:
    """One line of the stepper: « ✔ 1  Présentation et validation    délibération… »."""
    if view.number in STEP_SCREENS:
        return Content.assemble(
            (view.status.symbol, STATUS_STYLES[view.status]),
            f" {view.number}  {view.title.ljust(TITLE_WIDTH)}  {view.detail}",
        )
    detail = " · ".join(part for part in ("bientôt", view.detail) if part)
    return Content.assemble(
        (view.status.symbol, STATUS_STYLES[view.status]),
        (f" {view.number}  {view.title.ljust(TITLE_WIDTH)}  {detail}", "$foreground-muted"),
    )


def participants_line(counts: CollegeCounts) -> str:
    """« Participants : 46 inscrits · élus 15 · acteurs 16 · habitants 15 »."""
    if counts.total == 0:
        return "Participants : aucun inscrit pour l'instant (p pour les inscrire)."
    return f"Participants : {plural(counts.total, 'inscrit')} · {counts.summary()}"


class StepList(OptionList):
    """The seven steps; Enter or the step's digit opens it; ↑↓ stop at the ends."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Said in F1 and left out of the footer, full at 80 columns: ⏎ opens, as in any list.
        Binding(
            "enter",
            "select",
            "Ouvrir",
            id="open-step",
            tooltip="Ouvrir l'étape choisie (↑↓ pour choisir).",
            show=False,
        ),
        *(
            Binding(
                str(step.number),
                f"open_number({step.number})",
                f"Étape {step.number}",
                id=f"open-step-{step.number}",
                tooltip=f"Ouvrir l'étape {step.number} : {step.title}.",
                show=False,
            )
            for step in STEPS
        ),
    ]

    # Textual's list wraps round: ↑ on step 1 would land on the last line, and a
    # facilitator pressing ↑ a few times to reach step 1 would open the exchanges.
    def action_cursor_up(self) -> None:
        if self.highlighted != 0:
            super().action_cursor_up()

    def action_cursor_down(self) -> None:
        if self.highlighted is None or self.highlighted < self.option_count - 1:
            super().action_cursor_down()

    def action_open_number(self, number: int) -> None:
        """A digit: highlight that step and open it, as Enter on its line would."""
        self.highlighted = number - 1
        self.action_select()


class DemarcheScreen(BaseScreen):
    """The seven steps of one démarche with their status; Enter opens a step."""

    CSS_PATH = "demarche.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            "Retour",
            id="back",
            tooltip="Revenir à la liste des démarches.",
        ),
        Binding(
            "p",
            "participants",
            "Participants",
            id="participants",
            tooltip="Le registre des participants : inscrire, corriger, compter par collège.",
        ),
        Binding(
            "r",
            "restitution",
            "Restitution",
            id="restitution",
            tooltip="Projeter la démarche entière : baromètre, images, axes, intentions, "
            "scénario, actions retenues et départage, charte et signataires (nommés "
            "seulement avec leur accord).",
            # Said in F1: the footer keeps room for Échap and F1 at 80 columns.
            show=False,
        ),
        Binding(
            "e",
            "export",
            "Exporter",
            id="export",
            tooltip="Écrire le classeur Excel de la démarche pour le technicien "
            "(dossier exports/, noms remplacés par des codes).",
        ),
        Binding(
            "c",
            "booklet",
            "Cahier",
            id="booklet",
            tooltip="Écrire le cahier de la démarche (dossier exports/) : un PDF à remettre "
            "aux élus et à montrer à l'atelier 4, et le même en document modifiable (.odt) "
            "pour ajouter un avant-propos et des logos. Aucun nom, sauf les signataires "
            "qui l'ont accepté.",
            show=False,
        ),
        BACKUP_BINDING,
        # Said in F1 and on the extra evenings' lines: the footer is full at 80 columns.
        Binding(
            "b",
            "add_evening",
            "Séance en plus",
            id="add-evening",
            tooltip="Ajouter une séance en plus (rattrapage) à l'atelier choisi : « Atelier 2 "
            "bis », avec sa date et son lieu, sa propre liste de présence et ses sous-groupes ; "
            "elle s'affiche sous l'atelier, ⏎ l'ouvre.",
            show=False,
        ),
        # The list's last line opens it too (the footer is full at 80 columns).
        Binding(
            "v",
            "privacy",
            "Vie privée",
            id="privacy",
            tooltip="Données personnelles : jusqu'à quand les garder, et la purge de la "
            "démarche terminée (noms, coordonnées et structures effacés, résultats gardés).",
            # Said in F1: the footer keeps room for Échap and F1 at 80 columns.
            show=False,
        ),
        Binding(
            "x",
            "exchanges",
            "Échanges",
            id="exchanges",
            tooltip="Échanges entre postes : écrire le paquet de ce poste, lire ceux des "
            "autres (les quatre sous-groupes d'un atelier).",
            show=False,
        ),
    ]

    def __init__(self, demarche_id: str) -> None:
        super().__init__()
        self.demarche_id = demarche_id

    def compose(self) -> ComposeResult:
        with Horizontal(classes="screen-title"):
            yield Static("Vitalité sociale", id="territory", markup=False)
            yield Static("", id="communes")
        yield Rule()
        yield StepList(id="steps")
        yield Static("", id="participants", classes="counts", markup=False)
        yield Static("", id="warnings", classes="warning", markup=False)
        yield Static("", id="retention", classes="hint", markup=False)
        # The workbook's path stays here once its notice has gone (a toast lasts seconds).
        yield Static("", id="last-export", classes="hint", markup=False)
        yield Footer(compact=True)

    def on_screen_resume(self) -> None:
        self.refresh_demarche()

    def refresh_demarche(self) -> None:
        """Reload title, steps and counts: a step may have moved on while it was open."""
        try:
            summary = self.store.demarches.get(self.demarche_id)
            steps = self.store.demarches.steps(self.demarche_id)
            extra = self.store.workshops.extra_evenings(self.demarche_id)
            counts = self.store.participants.counts(self.demarche_id)
        except VitaliteError as exc:
            # Removed meanwhile, or the file is unreadable: say so and go back to the list.
            self.report(exc)
            self.action_back()
            return
        self.query_one("#territory", Static).update(f"Vitalité sociale — {summary.territory}")
        self.query_one("#communes", Static).update(plural(len(summary.communes), "commune"))
        step_list = self.query_one(StepList)
        highlighted = step_list.highlighted
        step_list.clear_options()
        for view in steps:
            step_list.add_option(Option(step_prompt(view), id=str(view.number)))
            # A workshop's extra evenings, each a line of its own under the step.
            step_list.add_options(
                Option(evening_prompt(e), id=f"{EVENING}:{e.number}:{e.session}")
                for e in extra
                if workshop_step(e.number) == view.number
            )
        step_list.add_option(Option(EXCHANGES_PROMPT, id=EXCHANGES))
        step_list.highlighted = highlighted if highlighted is not None else 0
        step_list.focus()
        self.query_one("#participants", Static).update(participants_line(counts))
        warnings = self.query_one("#warnings", Static)
        warnings.update("\n".join(counts.warnings()))
        warnings.display = bool(counts.warnings())
        kept = self.read(lambda: self.store.retention.get(self.demarche_id))
        if kept is not None:
            self.query_one("#retention", Static).update(f"{retention_line(kept)} (v).")

    @on(OptionList.OptionSelected, "#steps")
    def open_step(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == EXCHANGES:
            self.action_exchanges()
            return
        if (event.option.id or "").startswith(f"{EVENING}:"):
            evening = evening_of(event.option.id)
            if evening is not None:
                from vitalite_tui.tui.screens.workshops.workshop import WorkshopScreen

                self.app.push_screen(WorkshopScreen(self.demarche_id, *evening))
            return
        number = int(event.option.id or 0)
        screen = STEP_SCREENS.get(number)
        if screen is not None:
            self.app.push_screen(screen(self.demarche_id))
        else:
            title = STEPS[number - 1].title
            self.notify(
                f"L'étape {number} «\u00a0{title}\u00a0» sera disponible dans une prochaine "
                "version du logiciel.",
                title="Bientôt",
            )

    def action_add_evening(self) -> None:
        """An extra evening for the workshop of the line under the cursor, dated and placed
        in the form (the planned evening's times and place offered)."""
        step_list = self.query_one(StepList)
        line = (
            step_list.get_option_at_index(step_list.highlighted).id
            if step_list.highlighted is not None
            else None
        )
        evening = evening_of(line)
        if evening is None:
            self.notify(
                "Choisissez d'abord la ligne d'un atelier (étapes 4 à 7), puis b pour lui "
                "ajouter une séance en plus.",
                markup=False,
            )
            return
        number = evening[0]
        planned = self.read(lambda: self.store.workshops.get(self.demarche_id, number))
        if planned is None:
            return
        from vitalite_tui.tui.dialogs.workshop_plan_form import WorkshopPlanFormDialog

        added: list[WorkshopRecord] = []

        def save(plan: WorkshopPlan) -> None:
            added.append(
                self.store.workshops.add_evening(
                    self.demarche_id,
                    number,
                    plan.date,
                    plan.place,
                    start=plan.start_time,
                    end=plan.end_time,
                )
            )

        def done(plan: WorkshopPlan | None) -> None:
            if plan is None or not added:
                return
            record = added[-1]
            self.refresh_demarche()
            step_list.highlighted = next(
                index
                for index in range(step_list.option_count)
                if step_list.get_option_at_index(index).id
                == f"{EVENING}:{record.number}:{record.session}"
            )
            self.notify(f"{record.label} ajouté : ⏎ pour l'ouvrir.", markup=False)

        self.app.push_screen(
            WorkshopPlanFormDialog(
                WorkshopPlan(number, None, planned.start_time, planned.end_time, planned.place),
                title=f"Atelier {number} — séance en plus : date, horaires et lieu",
                save=save,
            ),
            done,
        )

    def action_participants(self) -> None:
        from vitalite_tui.tui.screens.preparation.participants import ParticipantsScreen

        self.app.push_screen(ParticipantsScreen(self.demarche_id))

    def action_restitution(self) -> None:
        from vitalite_tui.tui.screens.restitution import RestitutionScreen

        self.app.push_screen(RestitutionScreen(self.demarche_id))

    def action_privacy(self) -> None:
        from vitalite_tui.tui.dialogs.privacy import PrivacyDialog

        self.app.push_screen(PrivacyDialog(self.demarche_id), lambda _: self.refresh_demarche())

    def action_exchanges(self) -> None:
        from vitalite_tui.tui.screens.exchanges import ExchangesScreen

        self.app.push_screen(ExchangesScreen(self.demarche_id))

    def action_backup(self) -> None:
        from vitalite_tui.tui.copies import ask_where_and_copy

        ask_where_and_copy(self.app)

    def action_booklet(self) -> None:
        from vitalite_tui.tui.printing import print_in_background

        demarche_id = self.demarche_id

        def make(store: Store) -> Printed:
            from vitalite_tui.print.booklet import print_booklet_files

            return print_booklet_files(store, demarche_id)

        print_in_background(self, make, "Cahier de la démarche")

    def action_export(self) -> None:
        """The workbook, written by a thread worker; the dialog shows progress and the path."""
        from vitalite_tui.tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog(self.demarche_id), self.show_last_export)

    def show_last_export(self, result: ExportResult | None) -> None:
        if result is not None:
            # The file's name on a line of its own: a path cut in the middle of a word by
            # the wrap is hard to read, let alone to type.
            path = result.path
            self.query_one("#last-export", Static).update(
                f"Dernier export, dans {path.parent} :\n{path.name}"
            )

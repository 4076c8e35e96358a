"""The Préparation sheet: steps 1–2 as typed (decision, planning, committee, logistics)."""

from __future__ import annotations

from datetime import date

from vitalite_tui.domain.dates import format_time
from vitalite_tui.domain.roles import WorkshopRole
from vitalite_tui.domain.steps import step
from vitalite_tui.domain.workshops import workshop_step
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import SheetWriter

#: Labels or names in A; places, roles in B; structures, dates in C; times in D and E.
WIDTHS = (36, 36, 36, 10, 10)

#: For the Registre RGPD: the committee's names are not in a pseudonymous export.
PERSONAL_DATA = (
    "rôle de chaque membre du comité de pilotage ; leur nom et leur structure, et qui "
    "s'occupe de chaque élément de logistique, seulement dans un export avec les noms"
)

#: Said in place of the committee's names in an export without names.
NAMES_LEFT_OUT = (
    "Les noms et les structures des membres du comité ne figurent que dans un export avec "
    "les noms (vitalite export --with-names)."
)

#: Said under the checklist when it names people and the export has no names.
PERSONS_LEFT_OUT = (
    "Qui s'en charge : ces noms ne figurent que dans un export avec les noms "
    "(vitalite export --with-names)."
)

#: About what a line of column B holds: a long comment gets a taller row, wrapped.
CHARACTERS_PER_LINE = 34
#: A comment taller than this is cut on screen (whole in the cell, and in the base).
MAX_LINES = 15


def meeting_dates(context: ExportContext) -> dict[int, date | None]:
    """The day each step's meeting is held: the presentation to the élus, each workshop."""
    record = context.store.steps.step1(context.demarche_id)
    dates: dict[int, date | None] = {1: record.presentation_date}
    for plan in context.store.planning.all(context.demarche_id):
        dates[workshop_step(plan.number)] = plan.date
    return dates


def _heading(sheet: SheetWriter, text: str) -> None:
    sheet.blank()
    sheet.append([sheet.cells.heading(text)])


def _labels(sheet: SheetWriter, *texts: str) -> None:
    sheet.append([sheet.cells.label(text) for text in texts])


def build(context: ExportContext, sheet: SheetWriter) -> None:
    sheet.set_widths(WIDTHS)
    sheet.append([sheet.cells.title(f"Préparation — {context.demarche.territory}")])
    step1(context, sheet)
    planning(context, sheet)
    committee(context, sheet)
    workshop_roles(context, sheet)
    logistics(context, sheet)


def step1(context: ExportContext, sheet: SheetWriter) -> None:
    """The presentation to the élus and the council's decision, with its comments."""
    record = context.store.steps.step1(context.demarche_id)
    _heading(sheet, f"Étape 1 · {step(1).title}")
    sheet.append(["Présentation aux élus", record.presentation_date])
    sheet.append(["Délibération du conseil communautaire", record.deliberation_date])
    sheet.append(["Référence de la délibération", record.deliberation_ref])
    sheet.append(["Décision", record.decision.label])
    comment = record.comment
    lines = sum(len(line) // CHARACTERS_PER_LINE + 1 for line in comment.splitlines()) or 1
    text = sheet.cells.wrapped(comment) if comment else ""
    sheet.append(["Commentaires", text], lines=min(lines, MAX_LINES))


def planning(context: ExportContext, sheet: SheetWriter) -> None:
    """Date, start and end times, place of each workshop of the export."""
    _heading(sheet, "Étape 2 · Ateliers planifiés")
    _labels(sheet, "Atelier", "Lieu", "Date", "Début", "Fin")
    for plan in context.store.planning.all(context.demarche_id):
        if plan.number in context.numbers:
            sheet.append(
                [
                    f"Atelier {plan.number}",
                    plan.place,
                    plan.date,
                    format_time(plan.start_time),  # « 18h30 », as on the screens and posters
                    format_time(plan.end_time),
                ]
            )


def committee(context: ExportContext, sheet: SheetWriter) -> None:
    """The comité de pilotage: each member's role; names and structures only with names.

    The same rule as for participants: a structure (« mairie de Lagrasse ») tells who it is
    as surely as a name, and the committee's members gave no consent to be named.
    """
    members = context.store.committee.all(context.demarche_id)
    _heading(sheet, "Étape 2 · Comité de pilotage")
    if not members:
        sheet.append([sheet.cells.muted("Aucun membre du comité saisi pour l'instant.")])
        return
    if context.with_names:
        _labels(sheet, "Nom", "Rôle", "Structure")
        for member in members:
            sheet.append([member.name, member.role, member.organisation])
        return
    _labels(sheet, "Membre", "Rôle")
    for position, member in enumerate(members, start=1):
        sheet.append([f"Membre {position}", member.role])
    sheet.append([sheet.cells.muted(NAMES_LEFT_OUT)])


def workshop_roles(context: ExportContext, sheet: SheetWriter) -> None:
    """Who holds which role at each workshop: one row per workshop, role and member.

    Members are named as in the committee block above (« Membre 2 » without names).
    """
    members = context.store.committee.all(context.demarche_id)
    _heading(sheet, "Étape 2 · Rôles aux ateliers")
    order = list(WorkshopRole)
    rows = [
        (number, order.index(role), position, member.name, role)
        for position, member in enumerate(members, start=1)
        for number, role in member.workshop_roles.items()
        if number in context.numbers
    ]
    if not rows:
        sheet.append([sheet.cells.muted("Aucun rôle d'atelier attribué pour l'instant.")])
        return
    _labels(sheet, "Atelier", "Rôle", "Nom" if context.with_names else "Membre")
    for number, _, position, name, role in sorted(rows):
        who = name if context.with_names else f"Membre {position}"
        sheet.append([f"Atelier {number}", role.label, who])


def logistics(context: ExportContext, sheet: SheetWriter) -> None:
    """The checklist: each item done or not, by when, late or not; who, only with names."""
    items = context.store.logistics.all(context.demarche_id)
    today = context.started.date()
    done = sum(1 for item in items if item.done)
    late = sum(1 for item in items if item.overdue(today))
    late_note = f", {late} en retard" if late else ""
    _heading(sheet, f"Étape 2 · Logistique ({done} sur {len(items)} faits{late_note})")
    if not items:
        sheet.append([sheet.cells.muted("Aucun élément de logistique.")])
        return
    who = ["Qui"] if context.with_names else []
    _labels(sheet, "Élément", "Fait", *who, "Pour le", "En retard")
    for item in items:
        person = [item.person] if context.with_names else []
        sheet.append([item.label, item.done, *person, item.due_on, item.overdue(today)])
    if not context.with_names and any(item.person for item in items):
        sheet.append([sheet.cells.muted(PERSONS_LEFT_OUT)])

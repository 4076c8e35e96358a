"""The sign-in sheet (feuille d'émargement) of a workshop: names for the hall, never exported.

It is printed on demand only, and says on every page that it carries names: no export or
bundle ever writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from vitalite_tui.domain.text import plural
from vitalite_tui.print.paper import FONT, Paper, Printed, file_name, french_date
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantRecord

NOMINATIVE = "Document nominatif — à ne pas diffuser"
#: Rows left blank for the people who come without being registered.
BLANK_ROWS = 10
ROW = 9.0
#: Columns (mm, the signature takes what is left): row, name, collège, commune.
WIDTHS = (9.0, 52.0, 34.0, 42.0)
HEADINGS = ("", "Nom", "Collège", "Commune", "Signature")


def _table_head(pdf: Paper) -> None:
    pdf.set_font(FONT, "B", 9)
    for width, heading in zip(_widths(pdf), HEADINGS, strict=True):
        pdf.cell(width, 7, heading, border=1, align="C")
    pdf.ln(7)


def _widths(pdf: Paper) -> tuple[float, ...]:
    return (*WIDTHS, pdf.inner_width - sum(WIDTHS))


def _row(pdf: Paper, cells: Sequence[str]) -> None:
    if not pdf.fits(ROW):
        pdf.add_page()
        _table_head(pdf)
    pdf.set_font(FONT, size=9.5)
    for width, text in zip(_widths(pdf), cells, strict=True):
        # A long name is cut, never wrapped: the rows stay the height of a signature.
        pdf.cell(width, ROW, pdf.shortened(text, width - 2), border=1)
    pdf.ln(ROW)


def sign_in_sheet(
    territory: str, number: int, title: str, when: str, people: Sequence[ParticipantRecord]
) -> Paper:
    pdf = Paper(f"Émargement — atelier {number}", territory, notice=NOMINATIVE)
    pdf.add_page()
    pdf.line_of(f"Feuille d'émargement — Atelier {number} : {title}", 14, bold=True)
    if when:
        pdf.line_of(when, 10)
    pdf.ln(1)
    pdf.line_of(
        f"{NOMINATIVE} : cette feuille reste dans la salle puis chez l'animateur ; elle n'est "
        "jointe à aucun export.",
        8.5,
        bold=True,
    )
    pdf.ln(2)
    _table_head(pdf)
    for rank, person in enumerate(people, start=1):
        _row(pdf, (str(rank), person.display_name, person.college.label, person.commune, ""))
    pdf.ln(2)
    if not pdf.fits(7 + ROW * 3):
        pdf.add_page()
    pdf.line_of("Nouveaux venus : nom, collège (élu, acteur, habitant), commune, signature", 9)
    _table_head(pdf)
    for _ in range(BLANK_ROWS):
        _row(pdf, ("", "", "", "", ""))
    return pdf


def print_sign_in(
    store: Store, demarche_id: str, number: int, *, out: Path | None = None
) -> Printed:
    """Every registered person of the démarche, in French name order, for workshop `number`."""
    territory = store.demarches.get(demarche_id).territory
    workshop = store.workshops.get(demarche_id, number)
    people = [entry.participant for entry in store.workshops.attendance(demarche_id, number)]
    when = " · ".join(
        part
        for part in (french_date(workshop.date) if workshop.date else "", workshop.place)
        if part
    )
    pdf = sign_in_sheet(territory, number, workshop.title, when, people)
    name = file_name("emargement", territory, date.today(), f"atelier-{number}")
    return pdf.write_to(
        out, name, f"{plural(len(people), 'personne inscrite', 'personnes inscrites')}"
    )

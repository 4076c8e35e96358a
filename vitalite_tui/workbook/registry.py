"""The sheets of the workbook, in order: the one place where a feature adds its sheet.

A new sheet is a function `build(context, sheet)` (see `people.py` for a short one) and a
`SheetSpec` in `SHEETS`, before the Registre RGPD, with a word on the personal data it
holds; the register lists it by itself. A new block of the Synthèse (a chart, figures)
goes into `SUMMARY_BLOCKS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from vitalite_tui.workbook import (
    axes,
    balance,
    barometer,
    charter,
    contributions,
    people,
    preparation,
    questionnaire,
    register,
    revisions,
    summary,
)
from vitalite_tui.workbook import felt as felt_sheets
from vitalite_tui.workbook import votes as vote_sheets
from vitalite_tui.workbook import workshop2 as workshop2_sheets
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.printing import PrintLayout
from vitalite_tui.workbook.sheet import SheetWriter

SheetBuilder = Callable[[ExportContext, SheetWriter], None]

#: The print setup of most sheets: `printing`'s rules, nothing overridden.
COMMON = PrintLayout()
#: The long form of the answers prints its header only (the wide sheet prints them all).
LONG_FORM_PRINT = "lignes non imprimées, voir Questionnaire"


@dataclass(frozen=True)
class SheetSpec:
    """A sheet: its tab name (31 characters at most), its builder, its personal data."""

    title: str
    build: SheetBuilder
    #: What personal data the sheet holds, for the Registre RGPD ("" when none).
    personal_data: str = ""
    #: How it prints, where it differs from the common rules of `printing`.
    layout: PrintLayout = COMMON


SUMMARY_BLOCKS: tuple[summary.SummaryBlock, ...] = (
    summary.identity,
    summary.key_figures,
    barometer.sheets_typed,  # one more line of the key figures
    barometer.radar,
    felt_sheets.versus,  # the felt barometer beside the measured one, same numbers
    summary.workshops,
    summary.notes_by_indicator,
    summary.steps,
    # -- the top actions chart (workshop 3) goes here
    vote_sheets.top_actions,
)

SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec("Synthèse", partial(summary.build, blocks=SUMMARY_BLOCKS)),
    SheetSpec("Préparation", preparation.build, preparation.PERSONAL_DATA),
    SheetSpec(
        "Participants",
        people.participants,
        "code, collège, commune et présence aux ateliers de chaque participant "
        "(nom et structure seulement dans un export avec les noms)",
    ),
    SheetSpec("Présences", people.presences, "présence de chaque code à chaque atelier"),
    SheetSpec(
        "Contributions",
        contributions.build,
        "ce que chacun a dit, attribué à son code et à son collège",
    ),
    SheetSpec("Corrections", revisions.build, revisions.PERSONAL_DATA),
    SheetSpec("Équilibre de parole", balance.by_subgroup),
    SheetSpec(
        "Parole par personne",
        balance.by_person,
        "tours de parole, notes et passes de chaque code",
    ),
    SheetSpec(
        "Baromètre",
        barometer.build,
        "moyennes par segment du profil des répondants : un segment de très peu de fiches "
        "approche les réponses d'une seule personne",
    ),
    SheetSpec(
        "Questionnaire",
        questionnaire.answers,
        "réponses anonymes au questionnaire (aucun nom), chacune avec le profil déclaré du "
        "répondant (commune, tranche d'âge…) : un profil rare peut suffire à reconnaître "
        "quelqu'un dans une petite commune",
    ),
    SheetSpec(
        "Questionnaire (long)",
        questionnaire.answers_long,
        "les mêmes réponses, une ligne par réponse, avec le seul numéro de fiche (le profil "
        "du répondant est dans la feuille Questionnaire)",
        PrintLayout(header_only=LONG_FORM_PRINT),
    ),
    SheetSpec("Codebook questionnaire", questionnaire.codebook),
    # -- workshop 1 contents (felt barometer, images; then axes) go here, in that order
    SheetSpec(
        "Baromètre ressenti",
        felt_sheets.felt,
        "moyennes du ressenti par collège, sans code ni nom : un collège de très peu de "
        "participants approche la note d'une seule personne",
    ),
    SheetSpec(
        "Images",
        felt_sheets.images,
        "la carte choisie par chacun et pourquoi, attribuées à son code et à son collège",
    ),
    SheetSpec("Axes", axes.build),
    # -- workshop 2 contents (trends, intentions, scenario) go here, in that order
    SheetSpec("Tendances", workshop2_sheets.trends),
    SheetSpec("Intentions", workshop2_sheets.intentions),
    SheetSpec("Scénario", workshop2_sheets.scenario),
    # -- workshops 3–4 contents (actions et votes, votes, fiches actions, charte) go here
    SheetSpec("Actions et votes", vote_sheets.actions),
    SheetSpec("Votes", vote_sheets.votes, vote_sheets.PERSONAL_DATA),
    SheetSpec("Fiches actions", charter.action_sheets),
    SheetSpec(
        "Charte",
        charter.charter,
        "noms et structures des signataires de la charte qui ont accepté d'être nommés "
        "(signer la charte est un engagement public) ; les autres sans leur nom",
    ),
    SheetSpec("Registre RGPD", register.build),
)

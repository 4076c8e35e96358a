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
    balance,
    barometer,
    contributions,
    people,
    questionnaire,
    register,
    summary,
)
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import SheetWriter

SheetBuilder = Callable[[ExportContext, SheetWriter], None]


@dataclass(frozen=True)
class SheetSpec:
    """A sheet: its tab name (31 characters at most), its builder, its personal data."""

    title: str
    build: SheetBuilder
    #: What personal data the sheet holds, for the Registre RGPD ("" when none).
    personal_data: str = ""


SUMMARY_BLOCKS: tuple[summary.SummaryBlock, ...] = (
    summary.identity,
    summary.key_figures,
    barometer.sheets_typed,  # one more line of the key figures
    barometer.radar,
    summary.workshops,
    summary.notes_by_indicator,
    summary.steps,
)

SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec("Synthèse", partial(summary.build, blocks=SUMMARY_BLOCKS)),
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
    SheetSpec("Codebook questionnaire", questionnaire.codebook),
    SheetSpec("Registre RGPD", register.build),
)

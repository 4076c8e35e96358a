"""The restitution booklet (« cahier de la démarche »): what the technician hands to the élus
and shows in Atelier 4, as a PDF and as an editable OpenDocument text, from one content.

Pseudonymous like the workbook: no participant is named, except the charter's signatories
who agreed to be (the restitution's rule). The barometer's bars come from the very numbers
of the workbook's Baromètre and Baromètre ressenti sheets: the questionnaire's export pool,
and the felt comparison computed against it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import INDICATORS, indicator
from vitalite_tui.domain.privacy import MIN_GROUP_SIZE, large_enough
from vitalite_tui.domain.steps import STEPS
from vitalite_tui.domain.text import plural
from vitalite_tui.formats.document import (
    Bar,
    Block,
    Bullets,
    Cover,
    Document,
    Heading,
    Paragraph,
    PoleChart,
    Table,
)
from vitalite_tui.formats.files import output_path, write_bytes
from vitalite_tui.print.paper import Printed, file_name, french_date
from vitalite_tui.store import Store
from vitalite_tui.store.charter.records import SignatoryRecord
from vitalite_tui.store.felt.records import FeltComparison
from vitalite_tui.store.reports.restitution_records import RestitutionRecord

TITLE = "Cahier de la démarche"
SUBTITLE = "Prospective de la vitalité sociale du territoire"
PSEUDONYMOUS = (
    "Document pseudonyme : aucun participant n'y est nommé, sauf les signataires de la "
    "charte qui l'ont accepté."
)
NOTHING_YET = "Rien n'a encore été enregistré pour cette partie."


def _bar(label: str, position: float | None, n: int) -> Bar:
    """A group's bar, or an empty one when too few answered to show it without risk (the
    workbook's rule: `domain.privacy`)."""
    if n and not large_enough(n):
        return Bar(f"{label} (moins de {MIN_GROUP_SIZE})", None, n)
    return Bar(label, position if n else None, n)


def barometer_charts(comparison: Iterable[FeltComparison]) -> list[PoleChart]:
    """One chart per indicator: measured, felt, then felt by collège."""
    charts = []
    for line in comparison:
        shown = indicator(line.indicator)
        bars = [
            _bar("Mesuré (questionnaire)", line.measured_position, line.measured.n),
            _bar("Ressenti (atelier 1)", line.felt.position, line.felt.n),
        ]
        for college in College:
            felt = line.colleges.get(college)
            if felt is not None and felt.n:
                bars.append(_bar(f"  ressenti : {college.plural}", felt.position, felt.n))
        charts.append(
            PoleChart(f"{shown.code} · {shown.name}", shown.depression, shown.vitality, tuple(bars))
        )
    return charts


def _method() -> list[Block]:
    return [
        Heading("La démarche en une page"),
        Paragraph(
            "La démarche de prospective de la vitalité sociale accompagne la communauté de "
            "communes en sept étapes. Élus, acteurs locaux et habitants (les trois collèges) "
            "y mesurent la vitalité sociale du territoire, imaginent son avenir et "
            "s'engagent sur des actions."
        ),
        Heading("Les sept étapes", 2),
        Bullets(tuple(f"{step.number}. {step.title} : {step.summary}" for step in STEPS)),
        Heading("Les quatre indicateurs", 2),
        Paragraph(
            "Chaque indicateur va d'un pôle de dépression (0) à un pôle de vitalité (100).",
            muted=True,
        ),
        Table(
            ("Indicateur", "Pôle de dépression", "Pôle de vitalité"),
            tuple((f"{i.code} · {i.name}", i.depression, i.vitality) for i in INDICATORS),
            (0.5, 0.25, 0.25),
        ),
    ]


def _barometer(comparison: list[FeltComparison], sheets: int) -> list[Block]:
    blocks: list[Block] = [
        Heading("Le baromètre de la vitalité sociale"),
        Paragraph(
            f"Mesuré par le questionnaire de sociabilité ({plural(sheets, 'fiche')}) et "
            "ressenti par les participants de l'atelier 1, par collège. Position de 0 (pôle "
            "de dépression) à 100 (pôle de vitalité) ; n : nombre de réponses. Les mêmes "
            "nombres que les feuilles Baromètre et Baromètre ressenti du classeur.",
            muted=True,
        ),
    ]
    blocks += barometer_charts(comparison)
    return blocks


def _work(walk: RestitutionRecord) -> list[Block]:
    blocks: list[Block] = [Heading("Les axes de travail")]
    if walk.axes:
        blocks.append(
            Bullets(
                tuple(
                    f"{axis.title}"
                    + (f" ({indicator(axis.indicator).code})" if axis.indicator else "")
                    + f" — {plural(axis.notes, 'contribution')}"
                    for axis in walk.axes
                )
            )
        )
    else:
        blocks.append(Paragraph(NOTHING_YET, muted=True))
    blocks.append(Heading("Les intentions d'actions", 2))
    if walk.intentions:
        blocks.append(
            Table(
                ("Intention", "Axe", "Tendance"),
                tuple((i.title, i.axis or "—", i.trend or "—") for i in walk.intentions),
                (0.5, 0.25, 0.25),
            )
        )
    else:
        blocks.append(Paragraph(NOTHING_YET, muted=True))
    blocks.append(Heading("Le scénario", 2))
    if walk.scenario:
        for number, text in sorted(walk.scenario.items()):
            shown = indicator(number)
            blocks.append(Heading(f"{shown.code} · {shown.name}", 3))
            blocks.append(Paragraph(text))
    else:
        blocks.append(Paragraph(NOTHING_YET, muted=True))
    return blocks


def _actions(store: Store, demarche_id: str, walk: RestitutionRecord) -> list[Block]:
    from vitalite_tui.domain.charter import SHEET_TEXT_FIELDS

    blocks: list[Block] = [Heading("Les actions retenues")]
    if not walk.kept_actions:
        return [*blocks, Paragraph(NOTHING_YET, muted=True)]
    blocks.append(
        Table(
            ("Rang", "Action", "Gommettes"),
            tuple(
                (
                    "—" if a.rank is None else str(a.rank),
                    a.title,
                    "—" if a.dots is None else str(a.dots),
                )
                for a in walk.kept_actions
            ),
            (0.12, 0.7, 0.18),
        )
    )
    order = [action.title for action in walk.kept_actions]
    sheets = store.action_sheets.all(demarche_id)
    ranked = sorted(sheets, key=lambda s: order.index(s.title) if s.title in order else len(order))
    for sheet in ranked:
        blocks.append(Heading(f"Fiche action : {sheet.title}", 2))
        if not sheet.written:
            blocks.append(Paragraph("Fiche pas encore rédigée.", muted=True))
            continue
        rows = [(label, sheet.content.text(name) or "—") for name, label in SHEET_TEXT_FIELDS]
        if sheet.content.indicators:
            codes = ", ".join(indicator(n).code for n in sheet.content.indicators)
            rows.append(("Indicateurs", codes))
        blocks.append(Table(("Rubrique", "Contenu"), tuple(rows), (0.28, 0.72)))
    return blocks


def signatory_text(signatory: SignatoryRecord) -> str:
    """As every public document shows a signatory (`domain.privacy.public_signatory`): the
    name only with consent, else the structure or « un·e habitant·e de <commune> »."""
    parts = [part for part in (signatory.shown_name, signatory.shown_organisation) if part]
    return " — ".join(parts) or "un·e signataire"


def _charter(store: Store, demarche_id: str, walk: RestitutionRecord) -> list[Block]:
    from vitalite_tui.errors import NotFound

    blocks: list[Block] = []
    try:
        document = store.charter.document(demarche_id)
    except NotFound:
        return [Heading("La charte"), Paragraph(NOTHING_YET, muted=True)]
    blocks.append(Heading(document.title))
    if document.adopted_on is not None:
        blocks.append(Paragraph(f"Adoptée le {french_date(document.adopted_on)}.", muted=True))
    if document.preamble.strip():
        blocks.append(Heading("Préambule", 2))
        blocks.append(Paragraph(document.preamble.strip()))
    for article in document.articles:
        blocks.append(Heading(f"Article {article.number} — {article.title}", 3))
        if article.text.strip():
            blocks.append(Paragraph(article.text.strip()))
    blocks.append(Heading("Signataires", 2))
    signatories = store.charter.signatories(demarche_id)
    if signatories:
        blocks.append(Bullets(tuple(signatory_text(s) for s in signatories)))
        blocks.append(
            Paragraph(
                "Un signataire n'est nommé qu'avec son accord ; sinon, sa structure ou sa "
                "commune seulement.",
                muted=True,
            )
        )
    else:
        blocks.append(Paragraph("Aucun signataire enregistré.", muted=True))
    return blocks


def booklet(store: Store, demarche_id: str) -> Document:
    """The booklet's content, read in one transaction (one state of the base)."""
    with store.exports.reading():
        summary = store.demarches.get(demarche_id)
        questionnaire = store.exports.questionnaire(demarche_id)
        comparison = store.felt.comparison(demarche_id, questionnaire.barometer)
        walk = store.restitution.walk(demarche_id, comparison)
        dates = [store.workshops.get(demarche_id, n).date for n in range(1, 5)]
        blocks = [
            *_method(),
            *_barometer(comparison, len(questionnaire.sheets)),
            *_work(walk),
            *_actions(store, demarche_id, walk),
            *_charter(store, demarche_id, walk),
        ]
    held = [f"Atelier {n} : {french_date(day)}" for n, day in enumerate(dates, 1) if day]
    communes = plural(len(summary.communes), "commune")
    cover = Cover(
        TITLE,
        SUBTITLE,
        (summary.territory, communes, *held, "", PSEUDONYMOUS),
    )
    return Document(f"{TITLE} — {summary.territory}", summary.territory, cover, tuple(blocks))


def _write_odt(document: Document, out: Path | None, name: str) -> Path:
    from vitalite_tui.formats.odt import odt_bytes
    from vitalite_tui.print.document import chart_png

    data = odt_bytes(document, chart_png)
    target = output_path(out, name.removesuffix(".pdf") + ".odt", (".odt",))

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    return write_bytes(target, write, what="Le document n'a pas pu être écrit")


def _write_pdf(document: Document, out: Path | None, name: str) -> Printed:
    from vitalite_tui.print.document import draw

    charts = sum(isinstance(block, PoleChart) for block in document.blocks)
    return draw(document).write_to(out, name, f"{plural(charts, 'graphique')} du baromètre")


def print_booklet(
    store: Store, demarche_id: str, *, out: Path | None = None, editable: bool = False
) -> Printed:
    """The booklet as PDF (or, `editable`, as .odt) into exports/ unless `out` says where."""
    document = booklet(store, demarche_id)
    name = file_name("cahier-de-la-demarche", document.territory, date.today())
    if editable:
        return Printed(_write_odt(document, out, name), 0, "document modifiable (OpenDocument)")
    return _write_pdf(document, out, name)


def print_booklet_files(store: Store, demarche_id: str) -> Printed:
    """Both files into exports/, from one reading: the PDF, and the .odt beside it."""
    document = booklet(store, demarche_id)
    name = file_name("cahier-de-la-demarche", document.territory, date.today())
    printed = _write_pdf(document, None, name)
    editable = _write_odt(document, None, name)
    summary = f"{printed.pages} pages ; modifiable : {editable.name}"
    return Printed(printed.path, printed.pages, summary)

"""The charter to sign: its preamble, its articles, then blank lines for the signatures.

No signatory's name is printed: people write their own on the day (how signatories are
named in documents is decided elsewhere, with their consent).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from vitalite_tui.domain.charter import CharterDocument
from vitalite_tui.domain.text import plural
from vitalite_tui.print.paper import FONT, Paper, Printed, file_name, french_date
from vitalite_tui.store import Store

#: Signature lines: at least this many, then the rest of the last page.
SIGNATURE_LINES = 12
SIGNATURE_ROW = 12.0
COLUMNS = (("Nom", 0.32), ("Structure", 0.33), ("Signature", 0.35))


def _signature_head(pdf: Paper) -> None:
    pdf.set_font(FONT, "B", 10)
    for label, share in COLUMNS:
        pdf.cell(pdf.inner_width * share, 7, label, border=1, align="C")
    pdf.ln(7)


def charter_to_sign(document: CharterDocument) -> Paper:
    pdf = Paper(document.title, document.territory)
    pdf.add_page()
    pdf.line_of(document.title, 18, bold=True, align="C")
    pdf.line_of(document.territory, 11, align="C")
    if document.adopted_on is not None:
        pdf.line_of(f"Adoptée le {french_date(document.adopted_on)}", 10, align="C")
    pdf.ln(4)
    if document.preamble.strip():
        pdf.line_of("Préambule", 13, bold=True)
        pdf.ln(1)
        pdf.line_of(document.preamble.strip(), 10.5)
        pdf.ln(3)
    for article in document.articles:
        if not pdf.fits(20):
            pdf.add_page()
        pdf.line_of(f"Article {article.number} — {article.title}", 12, bold=True)
        if article.text.strip():
            pdf.ln(0.5)
            pdf.line_of(article.text.strip(), 10.5)
        pdf.ln(3)
    if not pdf.fits(30 + SIGNATURE_ROW * 4):
        pdf.add_page()
    pdf.ln(2)
    pdf.line_of("Signataires", 13, bold=True)
    pdf.line_of("Chacun écrit son nom et sa structure (ou « habitant »), puis signe.", 9)
    pdf.ln(1)
    _signature_head(pdf)
    written = 0
    while written < SIGNATURE_LINES or pdf.fits(SIGNATURE_ROW):
        if not pdf.fits(SIGNATURE_ROW):
            pdf.add_page()
            _signature_head(pdf)
        for _, share in COLUMNS:
            pdf.cell(pdf.inner_width * share, SIGNATURE_ROW, "", border=1)
        pdf.ln(SIGNATURE_ROW)
        written += 1
    return pdf


def print_charter(store: Store, demarche_id: str, *, out: Path | None = None) -> Printed:
    """The démarche's charter, ready to sign (`NotFound` in French while none is written)."""
    document = store.charter.document(demarche_id)
    pdf = charter_to_sign(document)
    name = file_name("charte-a-signer", document.territory, date.today())
    return pdf.write_to(out, name, plural(len(document.articles), "article"))

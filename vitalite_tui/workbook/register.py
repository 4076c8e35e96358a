"""The Registre RGPD sheet: what personal data this very file holds, why, and how to purge it."""

from __future__ import annotations

import math

from vitalite_tui import __version__
from vitalite_tui.domain.privacy import retention_period
from vitalite_tui.domain.text import plural
from vitalite_tui.store.privacy.retention import retention_line
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import SheetWriter

WIDTHS = (34, 110)


def _names(context: ExportContext) -> str:
    total = len(context.participants)
    if not context.with_names:
        names = (
            "Aucun : chaque participant est désigné par un code (P001, P002…). La "
            "correspondance entre codes et noms reste dans la base de vitalite, sur "
            "l'ordinateur des animateurs ; elle n'est pas dans ce fichier."
        )
    else:
        names = (
            f"Oui, à la demande (export « avec les noms ») : {context.named_count} sur "
            f"{total}, les personnes qui ont accepté que leur nom figure dans les documents, "
            "et dans la feuille Participants seulement ; les autres feuilles et les autres "
            "personnes restent désignées par leur code."
        )
    signatories = context.store.charter.signatories(context.demarche_id)
    if signatories:
        named = sum(1 for s in signatories if s.shown_name == s.name)
        names += (
            f" Exception : la feuille Charte nomme {named} sur "
            f"{plural(len(signatories), 'signataire')} de la charte, ceux qui ont accepté "
            "d'être nommés (signer la charte est un engagement public) ; les autres y "
            "figurent comme « un·e habitant·e de … » ou par la structure qu'ils engagent."
        )
    if context.with_names:
        names += (
            " Les votes de la feuille Votes y sont additionnés par collège, sans code : "
            "aucun vote ne peut être relié à un nom."
        )
    return names


def _retention(context: ExportContext) -> str:
    kept = context.store.retention.get(context.demarche_id)
    how = (
        "date choisie par l'EPCI"
        if kept.chosen
        else f"par défaut, fin de la démarche plus {retention_period()}"
    )
    return (
        f"{retention_line(kept)} ({how}). Passé cette date, purger la démarche dans vitalite "
        "(touche P de l'écran de la démarche, ou « vitalite purge »)."
    )


def _purge(context: ExportContext) -> str:
    done = context.store.retention.purges(context.demarche_id)
    text = (
        "Supprimer ce fichier et toutes ses copies (pièces jointes de courriels, clés USB, "
        "dossiers partagés) : un classeur déjà produit ne change plus. Dans la base de "
        "vitalite, les données personnelles restent jusqu'à la purge de la démarche, qui "
        "les efface en gardant les résultats anonymes."
    )
    if not done:
        return text + " Aucune purge faite pour l'instant."
    return (
        text
        + " Purges faites : "
        + " ; ".join(
            f"le {entry.done_at:%d/%m/%Y à %H:%M} (UTC) : {entry.summary}" for entry in done
        )
    )


def _organisations(context: ExportContext) -> str:
    if not context.with_names:
        return (
            "Non exportés : un rôle comme « maire de … » ou « directrice de l'école de … » "
            "suffit à reconnaître quelqu'un."
        )
    return "Pour les mêmes personnes que les noms, dans la feuille Participants."


def _consents(context: ExportContext) -> str:
    people = context.participants
    total = len(people)
    kept = sum(1 for p in people if p.consent_data)
    contact = sum(1 for p in people if p.consent_contact)
    named = sum(1 for p in people if p.consent_named)
    return (
        f"Conservation des données : {kept} sur {total} · être recontacté : {contact} sur "
        f"{total} · nom dans les documents : {named} sur {total}."
    )


def _sheets(context: ExportContext) -> str:
    held = [f"{title} : {what}" for title, what in context.personal_data]
    return " ; ".join(held) + "." if held else "Aucune."


def build(context: ExportContext, sheet: SheetWriter) -> None:
    territory = context.demarche.territory
    cells = sheet.cells
    sheet.set_widths(WIDTHS)
    sheet.append([cells.title("Registre des données personnelles de ce classeur")])
    sheet.blank()
    entries = (
        (
            "Classeur",
            f"Produit le {context.started:%d/%m/%Y à %H:%M} par vitalite-tui {__version__}.",
        ),
        ("Démarche", territory),
        ("Responsable du traitement", f"L'EPCI qui conduit la démarche : {territory}."),
        (
            "Finalité",
            "Conduire la démarche de prospective de la vitalité sociale : suivre la "
            "participation aux ateliers, garder ce qui s'y est dit, vérifier que chaque "
            "collège a pu s'exprimer, et en tirer le scénario et la charte.",
        ),
        (
            "Personnes concernées",
            f"{plural(len(context.participants), 'participant')} "
            "(élus, acteurs locaux, habitants).",
        ),
        (
            "Origine des données",
            "Le registre des participants tenu par les animateurs (inscription, appel au "
            "début de chaque atelier) et les notes saisies pendant les tours d'expression.",
        ),
        (
            "Données de ce classeur",
            "Code du participant, collège, commune, présence à chaque atelier, contributions "
            "(texte des notes, attribuées à un code ou anonymes) et prises de parole (tours, "
            "notes, passes).",
        ),
        ("Feuilles concernées", _sheets(context)),
        ("Noms", _names(context)),
        ("Structure ou rôle", _organisations(context)),
        (
            "Jamais exporté",
            "Coordonnées (téléphone, courriel), historique des modifications des notes, "
            "notes supprimées.",
        ),
        ("Accords recueillis", _consents(context)),
        (
            "Attention",
            "Le texte des contributions est reproduit tel qu'il a été saisi : s'il cite "
            "quelqu'un, ce nom y figure. Dans un petit village, un code associé à un collège "
            "et à une commune peut suffire à reconnaître une personne : ne transmettez ce "
            "classeur qu'à ceux qui en ont besoin.",
        ),
        ("Durée de conservation", _retention(context)),
        ("Purger", _purge(context)),
        (
            "Droits des personnes",
            "Accès, rectification, effacement : s'adresser à l'EPCI, qui corrige ou retire "
            "la personne dans vitalite puis refait l'export.",
        ),
    )
    for label, text in entries:
        sheet.append([cells.label(label), cells.wrapped(text)], lines=lines_of(text))


def lines_of(text: str, width: int = WIDTHS[1]) -> int:
    """Lines a text wraps into in a column `width` characters wide (a little room kept)."""
    return max(1, math.ceil(len(text) / (width - 8)))

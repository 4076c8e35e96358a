"""The « Fiches actions » and « Charte » sheets read back, and the demo's sheets and charter."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from support.charter import make_thread

from vitalite_tui.db.models import Action, Charter, Signatory, Workshop
from vitalite_tui.demo import create_demo
from vitalite_tui.demo.charter import (
    FOLLOW_UP,
    ORGANISATIONS_SIGNING,
    PEOPLE_SIGNING,
    fill_action_sheets,
    fill_charter,
)
from vitalite_tui.demo.context import SPECS, DemoContext
from vitalite_tui.domain.charter import SheetContent
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.charter.action_sheets import kept_actions
from vitalite_tui.store.charter.records import ArticleDraft, CharterHeading, SignatoryDraft
from vitalite_tui.workbook import export_workbook, registry
from vitalite_tui.workbook.charter import CHARTER_ELSEWHERE, NO_ARTICLE, NO_SHEET

SHEET = SheetContent(
    porteur="=Centre social",  # text that Excel would read as a formula stays text
    partners="Mairies",
    public="Habitants",
    means="Un véhicule",
    calendar="Avril",
    first_step="Réunir",
    success_sign="Vingt habitués",
    indicators=(1, 3),
)

#: A date as openpyxl reads it back.
DAY = datetime(2026, 12, 11)


def rows(path: Path, title: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in load_workbook(path)[title].iter_rows(values_only=True)]


def test_sheets_are_registered_before_the_register() -> None:
    titles = [spec.title for spec in registry.SHEETS]
    assert titles.index("Fiches actions") + 1 == titles.index("Charte")
    assert titles.index("Charte") < titles.index("Registre RGPD")
    [charter] = [spec for spec in registry.SHEETS if spec.title == "Charte"]
    assert "engagement public" in charter.personal_data


def test_action_sheets_and_charter_read_back(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    thread = make_thread(demarche_id)
    store.action_sheets.save(thread.actions["cafe"], SHEET)
    store.charter.save_heading(
        demarche_id, CharterHeading("Charte du Val", "Ensemble.", date(2026, 12, 11))
    )
    store.charter.draft_articles(demarche_id)
    follow = store.charter.add_article(demarche_id, ArticleDraft("Suivi", "Chaque année."))
    store.charter.set_origins(follow, {thread.axes["meet"], thread.axes["inform"]})
    store.charter.add_signatory(
        demarche_id,
        SignatoryDraft(name="Anne Roux", organisation="ADMR", signed_on=date(2026, 12, 11)),
    )
    path = export_workbook(store, demarche_id, tmp_path).path
    # One card per action, one printed page each: label on the left, text on the right.
    cards = [tuple(v for v in row if v is not None) for row in rows(path, "Fiches actions")]
    assert cards == [
        ("Un café itinérant",),
        ("Rang au vote", "vote pas encore clos"),
        ("Porteur", "=Centre social"),
        ("Partenaires", "Mairies"),
        ("Public visé", "Habitants"),
        ("Moyens", "Un véhicule"),
        ("Calendrier", "Avril"),
        ("Première étape", "Réunir"),
        ("Signe de réussite", "Vingt habitués"),
        ("Indicateurs", "I1 Sociabilité, I3 Émancipation"),
        ("Rubriques remplies", "8/8"),
        ("Manque", "rien : fiche complète"),
        ("Un guide des services",),
        ("Rang au vote", "vote pas encore clos"),
        *[(label,) for label in ("Porteur", "Partenaires", "Public visé", "Moyens")],
        *[(label,) for label in ("Calendrier", "Première étape", "Signe de réussite")],
        ("Indicateurs",),
        ("Rubriques remplies", "0/8"),
        (
            "Manque",
            "Porteur, Partenaires, Public visé, Moyens, Calendrier, Première étape, "
            "Signe de réussite, Indicateurs",
        ),
    ]
    workbook = load_workbook(path)
    cards_sheet = workbook["Fiches actions"]
    assert cards_sheet["B3"].data_type == "s"  # « =Centre social » stays text
    # The second card starts a printed page of its own.
    assert [brk.id for brk in cards_sheet.row_breaks.brk] == [12]
    assert cards_sheet.page_setup.orientation == "portrait"
    charter = rows(path, "Charte")
    assert charter[:4] == [
        ("N°", "Article", "Texte", "Actions d'origine", "Axes d'origine"),
        (1, "Un café itinérant", "Une camionnette", "Un café itinérant", "Se retrouver"),
        (2, "Un guide des services", None, "Un guide des services", "S'informer"),
        (3, "Suivi", "Chaque année.", None, "Se retrouver ; S'informer"),
    ]
    after = [tuple(v for v in row if v is not None) for row in charter[4:]]
    assert [row for row in after if row] == [
        ("Charte du Val",),
        ("Adoptée le", DAY),
        ("Préambule", "Ensemble."),
        ("Signataires",),
        ("Nom", "Structure", "Date"),
        ("Anne Roux", "ADMR", DAY),
    ]
    assert "Charte" in workbook["Charte"].tables
    # The register says that the signatories are named, and why.
    register = {
        row[0].value: row[1].value for row in workbook["Registre RGPD"].iter_rows(min_row=3)
    }
    assert register["Noms"].startswith("Aucun : chaque participant est désigné par un code")
    assert (
        "Exception : la feuille Charte nomme 1 sur 1 signataire de la charte, ceux qui ont "
        "accepté d'être nommés (signer la charte est un engagement public)" in register["Noms"]
    )


def test_empty_sheets_say_why(store: Store, demarche_id: str, tmp_path: Path) -> None:
    path = export_workbook(store, demarche_id, tmp_path).path
    assert (NO_SHEET,) in [tuple(v for v in r if v) for r in rows(path, "Fiches actions")]
    charter = [tuple(v for v in r if v) for r in rows(path, "Charte")]
    assert (NO_ARTICLE,) in charter
    assert ("Aucun signataire pour l'instant.",) in charter
    one = export_workbook(store, demarche_id, tmp_path, workshop=1).path
    assert (CHARTER_ELSEWHERE,) in [tuple(v for v in r if v) for r in rows(one, "Charte")]


# ---------------------------------------------------------------- the demo


def test_demo_fills_do_nothing_without_kept_actions(store: Store, demarche_id: str) -> None:
    context = DemoContext(store, demarche_id, SPECS["small"], random.Random(0))
    fill_action_sheets(context)
    fill_charter(context)
    assert Charter.select().count() == 0


@pytest.mark.demo("small")
def test_the_demo_has_sheets_and_a_signed_charter(store: Store) -> None:
    demarche_id = create_demo(store, "small").demarche_id
    if not kept_actions(demarche_id):
        # The vote's own fill is not there yet: keep five actions as it would, then fill.
        for position in range(5):
            Action.create(
                demarche=as_uuid(demarche_id),
                title=f"Action {position}",
                kept=True,
                position=position,
            )
        context = DemoContext(store, demarche_id, SPECS["small"], random.Random(0))
        fill_action_sheets(context)
        fill_charter(context)
    kept = kept_actions(demarche_id)
    sheets = store.action_sheets.all(demarche_id)
    assert len(sheets) == len(kept) >= 4
    assert [s.completeness.complete for s in sheets] == [True] * (len(kept) - 1) + [False]
    charter = store.charter.get(demarche_id)
    fourth = Workshop.get((Workshop.demarche == as_uuid(demarche_id)) & (Workshop.number == 4)).date
    assert charter.preamble
    assert charter.adopted_on == fourth
    articles = store.charter.articles(demarche_id)
    assert len(articles) == len(kept) + 1
    assert [a.actions[0].id for a in articles[:-1]] == [str(a.id) for a in kept]
    assert articles[-1].title == FOLLOW_UP.title
    assert len(articles[-1].axes) == len(store.charter.origin_choices(demarche_id)) - len(kept)
    signatories = store.charter.signatories(demarche_id)
    assert len(signatories) == PEOPLE_SIGNING + len(ORGANISATIONS_SIGNING) == 8
    assert sum(1 for s in signatories if s.participant_id) == PEOPLE_SIGNING
    assert {s.signed_on for s in signatories} == {fourth}
    assert Signatory.select().count() == 8

"""The charter in the store: heading, articles and their order, origins, drafting, signatories.

`make_thread` builds by hand the small démarche the charter, lineage, workbook and command
tests share: two axes of workshop 1 and their notes, two intentions of workshop 2, kept and
merged actions, linked as the method links them.
"""

from __future__ import annotations

from datetime import date

import pytest
from support.charter import kept_action, make_thread, titles

from vitalite_tui.db.models import Action, CharterArticle, Link
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.charter.records import (
    ArticleDraft,
    CharterHeading,
    SignatoryDraft,
)
from vitalite_tui.store.preparation.records import ParticipantDraft

TERRITORY = "CC du Val d'Orbieu"


# ---------------------------------------------------------------- heading


def test_a_new_charter_has_a_default_title_and_is_not_written(
    store: Store, demarche_id: str
) -> None:
    charter = store.charter.get(demarche_id)
    assert charter.title == f"Charte de la vitalité sociale de la {TERRITORY}"
    assert not charter.exists
    assert store.charter.articles(demarche_id) == []
    assert store.charter.signatories(demarche_id) == []
    with pytest.raises(NotFound, match="Pas encore de charte"):
        store.charter.document(demarche_id)


def test_heading_is_saved_and_starts_step_7(store: Store, demarche_id: str) -> None:
    heading = CharterHeading(
        "  Charte du Val  ", "Nous, habitants,\nnous engageons.", date(2026, 12, 11)
    )
    store.charter.save_heading(demarche_id, heading)
    charter = store.charter.get(demarche_id)
    assert (charter.title, charter.preamble, charter.adopted_on) == (
        "Charte du Val",
        "Nous, habitants,\nnous engageons.",
        date(2026, 12, 11),
    )
    assert charter.exists
    assert store.steps.status(demarche_id, 7) is StepStatus.IN_PROGRESS


def test_a_charter_needs_a_title(store: Store, demarche_id: str) -> None:
    with pytest.raises(InvalidInput, match="Titre de la charte : ce champ est obligatoire"):
        store.charter.save_heading(demarche_id, CharterHeading("  "))
    assert not store.charter.get(demarche_id).exists


# ---------------------------------------------------------------- articles


def test_articles_are_added_edited_and_numbered_in_order(store: Store, demarche_id: str) -> None:
    first = store.charter.add_article(demarche_id, ArticleDraft("Se retrouver", "Un lieu."))
    store.charter.add_article(demarche_id, ArticleDraft("S'informer"))
    store.charter.update_article(first, ArticleDraft("Se retrouver souvent", "Des lieux."))
    articles = store.charter.articles(demarche_id)
    assert [(a.number, a.title, a.text) for a in articles] == [
        (1, "Se retrouver souvent", "Des lieux."),
        (2, "S'informer", ""),
    ]
    with pytest.raises(InvalidInput, match="Titre de l'article"):
        store.charter.update_article(first, ArticleDraft(""))


def test_reorder_moves_one_place_and_stops_at_the_ends(store: Store, demarche_id: str) -> None:
    ids = [store.charter.add_article(demarche_id, ArticleDraft(t)) for t in "ABC"]
    assert store.charter.move_article(ids[2], -1)
    assert titles(store, demarche_id) == ["A", "C", "B"]
    assert store.charter.move_article(ids[2], -1)
    assert titles(store, demarche_id) == ["C", "A", "B"]
    assert not store.charter.move_article(ids[2], -1)  # already first
    assert not store.charter.move_article(ids[1], 1)  # already last
    assert titles(store, demarche_id) == ["C", "A", "B"]
    positions = [row.position for row in CharterArticle.select().order_by(CharterArticle.position)]
    assert positions == [0, 1, 2]


def test_removed_articles_come_back_with_their_links(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    a, b, _c = (store.charter.add_article(demarche_id, ArticleDraft(t)) for t in "ABC")
    store.charter.set_origins(b, {thread.actions["cafe"], thread.axes["meet"]})
    store.charter.remove_article(b)
    store.charter.remove_article(a)
    assert titles(store, demarche_id) == ["C"]
    assert [r.title for r in store.charter.removed_articles(demarche_id)] == ["A", "B"]
    store.charter.restore_article(b)
    [restored] = [x for x in store.charter.articles(demarche_id) if x.id == b]
    assert titles(store, demarche_id) == ["B", "C"]
    assert [o.title for o in restored.actions] == ["Un café itinérant"]
    assert [o.title for o in restored.axes] == ["Se retrouver"]
    with pytest.raises(NotFound):
        store.charter.update_article(a, ArticleDraft("X"))


# ---------------------------------------------------------------- origins


def test_origins_offer_kept_actions_then_axes(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    article = store.charter.add_article(demarche_id, ArticleDraft("A"))
    offered = [(o.kind, o.title) for o in store.charter.origin_choices(demarche_id, article)]
    assert offered == [
        (LinkKind.ACTION, "Un café itinérant"),
        (LinkKind.ACTION, "Un guide des services"),
        (LinkKind.AXIS, "Se retrouver"),
        (LinkKind.AXIS, "S'informer"),
    ]
    assert thread.actions["box"] not in {o.id for o in store.charter.origin_choices(demarche_id)}


def test_set_origins_links_exactly_what_is_ticked(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    article = store.charter.add_article(demarche_id, ArticleDraft("A"))
    store.charter.set_origins(article, {thread.actions["cafe"], thread.actions["guide"]})
    store.charter.set_origins(article, {thread.actions["guide"], thread.axes["inform"]})
    record = store.charter.article(article)
    assert [o.id for o in record.actions] == [thread.actions["guide"]]
    assert [o.id for o in record.axes] == [thread.axes["inform"]]
    live = Link.select().where((Link.target_id == as_uuid(article)) & Link.deleted_at.is_null())
    assert {(row.source_type, str(row.source_id)) for row in live} == {
        ("action", thread.actions["guide"]),
        ("axis", thread.axes["inform"]),
    }
    # The undone link is kept, removed: nothing is ever lost.
    assert Link.select().where(Link.deleted_at.is_null(False)).count() == 1
    with pytest.raises(InvalidInput, match="origine"):
        store.charter.set_origins(article, {thread.actions["box"]})


def test_an_action_no_longer_kept_can_still_be_unlinked(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    article = store.charter.add_article(demarche_id, ArticleDraft("A"))
    store.charter.set_origins(article, {thread.actions["guide"]})
    Action.update(kept=False).where(Action.id == as_uuid(thread.actions["guide"])).execute()
    assert thread.actions["guide"] in {
        o.id for o in store.charter.origin_choices(demarche_id, article)
    }
    store.charter.set_origins(article, set())
    assert store.charter.article(article).origin_ids == frozenset()


def test_draft_articles_one_per_kept_action_once(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    created = store.charter.draft_articles(demarche_id)
    articles = store.charter.articles(demarche_id)
    assert [a.id for a in articles] == created
    assert [(a.title, a.text) for a in articles] == [
        ("Un café itinérant", "Une camionnette"),
        ("Un guide des services", ""),
    ]
    # The axes come along: the merged action's intention is on « Se retrouver ».
    assert [o.id for o in articles[0].actions] == [thread.actions["cafe"]]
    assert [o.title for o in articles[0].axes] == ["Se retrouver"]
    assert [o.title for o in articles[1].axes] == ["S'informer"]
    assert store.charter.draft_articles(demarche_id) == []
    assert store.charter.undrafted_actions(demarche_id) == []
    # A newly kept action is drafted on the next call, and only it.
    kept_action(demarche_id, "Jardins partagés", 3)
    assert [o.title for o in store.charter.undrafted_actions(demarche_id)] == ["Jardins partagés"]
    assert len(store.charter.draft_articles(demarche_id)) == 1
    assert len(store.charter.articles(demarche_id)) == 3


def test_an_action_linked_by_hand_is_not_drafted_again(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    article = store.charter.add_article(demarche_id, ArticleDraft("Nos cafés"))
    store.charter.set_origins(article, {thread.actions["cafe"]})
    store.charter.draft_articles(demarche_id)
    assert titles(store, demarche_id) == ["Nos cafés", "Un guide des services"]


# ---------------------------------------------------------------- signatories


def people(store: Store, demarche_id: str) -> dict[str, str]:
    found = {}
    for name, organisation in (
        ("Martine Dupont", "Mairie de Lagrasse"),
        ("Marc Vidal", ""),
        ("Karim Benali", "Foyer rural"),
    ):
        found[name] = store.participants.add(
            demarche_id, ParticipantDraft(name, College.ELU, organisation=organisation)
        )
    return found


def test_signatories_by_code_name_or_organisation(store: Store, demarche_id: str) -> None:
    registry = people(store, demarche_id)
    day = date(2026, 12, 11)
    store.charter.add_signatory(demarche_id, SignatoryDraft("P003", signed_on=day))
    store.charter.add_signatory(demarche_id, SignatoryDraft("marti", signed_on=day))
    store.charter.add_signatory(
        demarche_id, SignatoryDraft(name="Anne Roux", organisation="Familles rurales")
    )
    store.charter.add_signatory(demarche_id, SignatoryDraft(organisation="Centre social"))
    signatories = store.charter.signatories(demarche_id)
    assert [(s.who, s.organisation, s.signed_on) for s in signatories] == [
        ("P003 Karim Benali", "Foyer rural", day),
        ("P001 Martine Dupont", "Mairie de Lagrasse", day),
        ("Anne Roux", "Familles rurales", None),
        ("—", "Centre social", None),
    ]
    assert signatories[0].participant_id == registry["Karim Benali"]
    assert store.steps.status(demarche_id, 7) is StepStatus.IN_PROGRESS


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Ma", "désigne 2 personnes"),
        ("Zoé", "personne ne répond"),
        ("P099", "personne ne répond"),
    ],
)
def test_a_participant_must_be_found_once(
    store: Store, demarche_id: str, typed: str, message: str
) -> None:
    people(store, demarche_id)
    with pytest.raises(InvalidInput, match=message):
        store.charter.add_signatory(demarche_id, SignatoryDraft(typed))
    assert store.charter.signatories(demarche_id) == []


def test_nobody_and_twice_are_refused(store: Store, demarche_id: str) -> None:
    people(store, demarche_id)
    with pytest.raises(InvalidInput, match="Indiquez qui signe"):
        store.charter.add_signatory(demarche_id, SignatoryDraft(signed_on=date(2026, 1, 1)))
    first = store.charter.add_signatory(demarche_id, SignatoryDraft("Marc"))
    with pytest.raises(InvalidInput, match="Marc Vidal a déjà signé"):
        store.charter.add_signatory(demarche_id, SignatoryDraft("P002"))
    # Editing the same signature is not signing twice.
    store.charter.update_signatory(first, SignatoryDraft("P002", organisation="Conseil"))
    [record] = store.charter.signatories(demarche_id)
    assert (record.who, record.organisation) == ("P002 Marc Vidal", "Conseil")
    assert record.draft() == SignatoryDraft("P002", "", "Conseil", None)


def test_signatories_are_edited_and_removed(store: Store, demarche_id: str) -> None:
    people(store, demarche_id)
    signatory = store.charter.add_signatory(demarche_id, SignatoryDraft("P001"))
    store.charter.update_signatory(
        signatory, SignatoryDraft(name="Jeanne Marty", organisation="ADMR")
    )
    [record] = store.charter.signatories(demarche_id)
    assert (record.name, record.organisation, record.participant_id) == (
        "Jeanne Marty",
        "ADMR",
        None,
    )
    store.charter.remove_signatory(signatory)
    assert store.charter.signatories(demarche_id) == []
    with pytest.raises(NotFound):
        store.charter.remove_signatory(signatory)


# ---------------------------------------------------------------- the document


def test_document_holds_articles_origins_and_signatories(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    store.charter.draft_articles(demarche_id)
    follow = store.charter.add_article(demarche_id, ArticleDraft("Suivi", "Chaque année."))
    store.charter.set_origins(follow, {thread.axes["meet"], thread.axes["inform"]})
    first = store.charter.articles(demarche_id)[0].id
    store.charter.remove_article(first)
    store.charter.add_signatory(demarche_id, SignatoryDraft(name="Anne", organisation="ADMR"))
    document = store.charter.document(demarche_id)
    assert document.territory == TERRITORY
    assert document.communes == ("Lagrasse", "Fabrezan", "Ribaute")
    assert [(a.number, a.title, a.actions, a.axes) for a in document.articles] == [
        (1, "Un guide des services", ("Un guide des services",), ("S'informer",)),
        (2, "Suivi", (), ("Se retrouver", "S'informer")),
    ]
    assert [(s.name, s.organisation) for s in document.signatories] == [("Anne", "ADMR")]

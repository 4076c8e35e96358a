"""Action intentions of workshop 2: titles made from notes, the store, links, the demo."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.prospective import axis, live_links, said

from vitalite_tui.db.models import Axis, Intention, Link
from vitalite_tui.demo import create_demo
from vitalite_tui.domain.intentions import MAX_TITLE, cut, intention_title, promoted
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.prospective.records import IntentionDraft

# ---------------------------------------------------------------- titles from notes


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("créer un réseau de visiteurs", "Créer un réseau de visiteurs"),
        ("On pourrait créer un réseau de visiteurs.", "Créer un réseau de visiteurs"),
        ("Proposition : un repas partagé. Avec le CCAS, le mardi.", "Un repas partagé"),
        ("Idée : ouvrir un tiers-lieu !", "Ouvrir un tiers-lieu"),
        ("Il faudrait   former\nles secrétaires de mairie", "Former les secrétaires de mairie"),
        # A first sentence too short to be a title on its own is kept with what follows.
        (
            "Un bus. Qui passe le mardi dans chaque hameau.",
            "Un bus. Qui passe le mardi dans chaque hameau",
        ),
        ("On pourrait.", "On pourrait"),  # nothing after the lead-in: the note as it is
    ],
)
def test_a_note_becomes_a_title(text: str, title: str) -> None:
    assert intention_title(text) == title


def test_long_notes_are_cut_at_a_word_with_the_whole_note_kept() -> None:
    note = "Organiser " + "des rencontres entre voisins " * 10
    title, description = promoted(note)
    assert len(title) <= 120
    assert title.endswith("…")
    assert not title[:-1].endswith(" ")
    assert description == " ".join(note.split())
    assert promoted("Créer un agenda commun.") == ("Créer un agenda commun", "")
    assert promoted("On pourrait créer un agenda") == (
        "Créer un agenda",
        "On pourrait créer un agenda",
    )
    assert cut("un deux trois", 9) == "un deux…"
    assert cut("court", 9) == "court"


@given(st.text(min_size=1, max_size=400).filter(lambda t: t.strip()))
def test_a_title_is_never_empty_nor_too_long(text: str) -> None:
    title = intention_title(text)
    assert title.strip()
    assert len(title) <= MAX_TITLE


# ---------------------------------------------------------------- the store


def test_write_edit_remove_restore(store: Store, demarche_id: str) -> None:
    _, trends, subgroup = said(store, demarche_id)
    housing = axis(demarche_id, "Se loger", 1, 2)
    meeting = axis(demarche_id, "Se rencontrer", 0, 1)
    assert [a.title for a in store.intentions.axes(demarche_id)] == ["Se rencontrer", "Se loger"]

    made = store.intentions.create(
        demarche_id,
        IntentionDraft(
            "  Un café   associatif ",
            "Tenu par des bénévoles",
            trends["mobilites"],
            meeting,
            (4, 1, 1),
        ),
        subgroup_id=subgroup,
    )
    record = store.intentions.get(made)
    assert (record.title, record.description, record.indicators, record.status) == (
        "Un café associatif",
        "Tenu par des bénévoles",
        (1, 4),
        "proposed",
    )
    assert (record.axis_title, record.trend_title, record.indicators_label) == (
        "Se rencontrer",
        "Les mobilités et l'éloignement des services",
        "I1 I4",
    )
    assert record.subgroup_name == "Sous-groupe 1"
    row = Intention.get_by_id(as_uuid(made))
    assert row.__data__["workshop"] is not None  # workshop 2's row: the recap reads it

    edited = store.intentions.edit(made, IntentionDraft("Un café itinérant", axis_id=housing))
    assert (edited.title, edited.trend_id, edited.axis_title, edited.indicators) == (
        "Un café itinérant",
        None,
        "Se loger",
        (),
    )
    assert store.intentions.set_axis(made, None).axis_id is None
    with pytest.raises(InvalidInput, match="obligatoire"):
        store.intentions.edit(made, IntentionDraft("  "))
    with pytest.raises(InvalidInput, match="trop long"):
        store.intentions.create(demarche_id, IntentionDraft("x" * 201))
    with pytest.raises(InvalidInput, match="Indicateur"):
        store.intentions.create(demarche_id, IntentionDraft("Bon", indicators=(5,)))
    other = store.demarches.create("CC voisine", "Tuchan")
    foreign_axis = axis(other, "Ailleurs", 0)
    with pytest.raises(NotFound, match="Axe introuvable"):
        store.intentions.set_axis(made, foreign_axis)
    with pytest.raises(NotFound, match="Tendance introuvable"):
        store.intentions.edit(made, IntentionDraft("Bon", trend_id=store.trends.all(other)[0].id))

    # By axis in the debrief's order, those without an axis last.
    second = store.intentions.create(demarche_id, IntentionDraft("Un marché", axis_id=housing))
    third = store.intentions.create(demarche_id, IntentionDraft("Une fête", axis_id=meeting))
    assert [i.id for i in store.intentions.all(demarche_id)] == [third, second, made]

    store.intentions.remove(second)
    assert [i.id for i in store.intentions.all(demarche_id)] == [third, made]
    assert [i.id for i in store.intentions.all(demarche_id, removed=True)] == [second]
    assert store.intentions.removed_count(demarche_id) == 1
    with pytest.raises(NotFound, match="Intention introuvable"):
        store.intentions.edit(second, IntentionDraft("Non"))
    assert not store.intentions.restore(second).deleted
    # A removed axis no longer shows; the intention is then without one.
    Axis.update(deleted_at=Axis.created_at).where(Axis.id == as_uuid(housing)).execute()
    assert store.intentions.get(second).axis_id is None


def test_an_intention_keeps_a_removed_trend_when_edited(store: Store, demarche_id: str) -> None:
    _, trends, _ = said(store, demarche_id)
    made = store.intentions.create(demarche_id, IntentionDraft("X", trend_id=trends["numerique"]))
    store.trends.remove(trends["numerique"])
    kept = store.intentions.edit(made, IntentionDraft("Y", trend_id=trends["numerique"]))
    assert kept.trend_id == trends["numerique"]
    with pytest.raises(NotFound, match="Tendance introuvable"):
        store.intentions.create(demarche_id, IntentionDraft("Z", trend_id=trends["numerique"]))


def test_promote_turns_each_intention_note_into_one_intention_once(
    store: Store, demarche_id: str
) -> None:
    notes, trends, subgroup = said(store, demarche_id)
    assert store.intentions.pending(demarche_id) == 2
    made = store.intentions.promote(demarche_id)
    assert len(made) == 2
    first, second = (store.intentions.get(i) for i in made)
    assert (first.title, first.description, first.indicators) == (
        "Monter un transport solidaire",
        "On pourrait monter un transport solidaire.",
        (3,),
    )
    assert (second.title, second.description, second.indicators) == (
        "Des points de covoiturage",
        "",
        (),
    )
    assert first.trend_id == trends["mobilites"]
    assert first.subgroup_id == subgroup
    assert live_links() == {(notes.intentions[0], made[0]), (notes.intentions[1], made[1])}
    assert all(
        (r.source_type, r.target_type) == (LinkKind.NOTE.value, LinkKind.INTENTION.value)
        for r in Link.select()
    )
    # Idempotent, even once a promoted intention is removed.
    store.intentions.remove(made[1])
    assert store.intentions.promote(demarche_id) == []
    assert store.intentions.pending(demarche_id) == 0
    assert Intention.select().count() == 2
    # A note said later is promoted on the next call.
    store.capture.save_note(notes.round_id, None, "Un minibus le jeudi", None, 1)
    assert store.intentions.pending(demarche_id) == 1
    assert len(store.intentions.promote(demarche_id)) == 1


def test_origins_are_links_from_notes(store: Store, demarche_id: str) -> None:
    notes, trends, _ = said(store, demarche_id)
    made = store.intentions.create(
        demarche_id, IntentionDraft("Transport solidaire", trend_id=trends["mobilites"])
    )
    candidates = store.intentions.candidates(made)
    # Risks and opportunities first, then intention notes, then the rest.
    assert [c.id for c in candidates] == [
        notes.risk,
        notes.opportunity,
        *notes.intentions,
        notes.other,
    ]
    assert not any(c.linked for c in candidates)

    assert store.intentions.set_origins(made, [notes.risk, notes.intentions[0]]) == 2
    assert live_links() == {(notes.risk, made), (notes.intentions[0], made)}
    origins = store.intentions.origins(made)
    assert [(o.text, o.kind, o.indicator) for o in origins] == [
        ("Les jeunes sans permis vont partir", NoteKind.RISQUE, 2),
        ("On pourrait monter un transport solidaire.", NoteKind.INTENTION, 3),
    ]
    assert store.intentions.get(made).origins == 2
    assert [c.id for c in store.intentions.candidates(made) if c.linked] == [
        notes.risk,
        notes.intentions[0],
    ]
    # Changing the choice removes one link (softly) and adds another.
    assert store.intentions.set_origins(made, [notes.intentions[0], notes.opportunity]) == 2
    assert live_links() == {(notes.intentions[0], made), (notes.opportunity, made)}
    assert Link.select().where(Link.deleted_at.is_null(False)).count() == 1
    assert store.intentions.set_origins(made, []) == 0
    assert live_links() == set()
    with pytest.raises(NotFound, match="notes choisies"):
        store.intentions.set_origins(made, ["00000000-0000-0000-0000-000000000000"])
    # A note removed afterwards no longer counts as an origin.
    store.intentions.set_origins(made, [notes.risk, notes.other])
    store.capture.remove_note(notes.other)
    assert [o.id for o in store.intentions.origins(made)] == [notes.risk]
    assert store.intentions.get(made).origins == 1
    sheet = store.intentions.sheet(demarche_id)
    assert [[o.id for o in row.origins] for row in sheet] == [[notes.risk]]


def test_titles_by_indicator_for_the_scenario(store: Store, demarche_id: str) -> None:
    store.intentions.create(demarche_id, IntentionDraft("Un café", indicators=(1, 4)))
    store.intentions.create(demarche_id, IntentionDraft("Un bus", indicators=(2,)))
    gone = store.intentions.create(demarche_id, IntentionDraft("Un train", indicators=(2,)))
    store.intentions.remove(gone)
    assert store.intentions.titles_by_indicator(demarche_id) == {
        1: ["Un café"],
        2: ["Un bus"],
        3: [],
        4: ["Un café"],
    }


# ---------------------------------------------------------------- the demo


def test_the_small_demo_presents_trends_and_writes_intentions(store: Store) -> None:
    demarche_id = create_demo(store, "small").demarche_id
    presented = store.trends.presented(demarche_id)
    assert len(presented) == 6
    assert [t.code for t in presented][:4] == [
        "vieillissement",
        "mobilites",
        "numerique",
        "modes-de-vie",
    ]
    # Every workshop-2 round is on a presented trend, and so are its notes.
    worked = {t.id for t in presented if t.notes}
    assert len(worked) == 4
    assert all(t.risks + t.opportunities > 0 for t in presented if t.id in worked)
    groups = store.subgroups.all(demarche_id, 2)
    for group in groups:
        # A new round is offered a trend the sub-group has not talked about, if any.
        choice = store.trends.round_choice(group.id)
        talked_about = {r.trend for r in store.capture.rounds(group.id)}
        assert dict(choice.options).get(choice.suggested or "") not in talked_about

    intentions = store.intentions.all(demarche_id)
    assert 10 <= len(intentions) <= 14
    assert sum(1 for i in intentions if 1 <= i.origins <= 3) >= 8
    axes = store.intentions.axes(demarche_id)
    if axes:
        assert sum(1 for i in intentions if i.axis_id) > len(intentions) / 2
    assert all(i.trend_id in worked and i.indicators for i in intentions)
    kinds = {o.kind for row in store.intentions.sheet(demarche_id) for o in row.origins}
    assert {NoteKind.RISQUE, NoteKind.OPPORTUNITE, NoteKind.INTENTION} <= kinds
    # Intention notes are left for `p` to pick up.
    assert store.intentions.pending(demarche_id) > 0
    texts = store.scenario.text_map(demarche_id)
    assert all(len(texts[n]) > 100 for n in (1, 2, 3, 4))
    # A second call returns the same demo: nothing is added twice.
    create_demo(store, "small")
    assert len(store.intentions.all(demarche_id)) == len(intentions)


@pytest.mark.demo("large")
def test_the_large_demo_has_the_benchmark_number_of_intentions(store: Store) -> None:
    demarche_id = create_demo(store, "large").demarche_id
    intentions = store.intentions.all(demarche_id)
    assert len(intentions) == 150
    assert all(1 <= i.origins <= 3 for i in intentions)
    assert Link.select().where(Link.target_type == LinkKind.INTENTION.value).count() == sum(
        i.origins for i in intentions
    )
    assert len(store.trends.presented(demarche_id)) == 6
    assert all(store.scenario.text_map(demarche_id).values())

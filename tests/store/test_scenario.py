"""The scenario sketch: a first text per indicator (pure), the four texts in the store."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vitalite_tui.db.models import Scenario
from vitalite_tui.domain.scenario import MAX_LISTED, draft_text, draft_texts, filled
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store
from vitalite_tui.store.prospective.records import IntentionDraft

# ---------------------------------------------------------------- the draft, by hand


def test_a_draft_lists_the_intentions_in_a_french_sentence() -> None:
    assert draft_text(1, []) == ""
    assert draft_text(1, ["  ", ""]) == ""
    assert draft_text(3, ["Créer un réseau de visiteurs"]) == (
        "Émancipation : pour que le territoire passe de « Dépendance » à « Solidarités "
        "interactives », les sous-groupes proposent une intention : « Créer un réseau de "
        "visiteurs »."
    )
    assert draft_text(1, ["Un café", "Un repas", "un CAFÉ", "Une fête"]) == (
        "Sociabilité : pour que le territoire passe d'« Isolement » à « Rendez-vous », les "
        "sous-groupes proposent 3 intentions : « Un café », « Un repas » et « Une fête »."
    )


def test_a_long_list_is_counted_after_the_first_titles() -> None:
    titles = [f"Intention {n}" for n in range(1, 13)]
    text = draft_text(2, titles)
    assert text.startswith("Accès aux ressources : pour que le territoire passe d'« Impuissance »")
    assert "proposent 12 intentions, dont « Intention 1 », " in text
    assert text.endswith(f"« Intention {MAX_LISTED} » et 4 autres.")
    assert "Intention 9" not in text


def test_drafts_for_the_four_indicators() -> None:
    drafts = draft_texts({2: ["Un bus"], 7: ["ignoré"]})
    assert list(drafts) == [1, 2, 3, 4]
    assert drafts[1] == drafts[3] == drafts[4] == ""
    assert "« Un bus »" in drafts[2]


def test_proposals_fill_empty_texts_only_unless_asked() -> None:
    current = {1: "Déjà écrit", 2: "", 3: "  ", 4: "Gardé"}
    proposals = {1: "P1", 2: "P2", 3: "P3", 4: ""}
    assert filled(current, proposals) == {1: "Déjà écrit", 2: "P2", 3: "P3", 4: "Gardé"}
    assert filled(current, proposals, replace=True) == {1: "P1", 2: "P2", 3: "P3", 4: "Gardé"}


texts = st.dictionaries(st.integers(1, 4), st.text(max_size=20))


@given(texts, texts, st.booleans())
def test_filling_never_loses_a_text_without_a_proposal(
    current: dict[int, str], proposals: dict[int, str], replace: bool
) -> None:
    result = filled(current, proposals, replace=replace)
    for number in (1, 2, 3, 4):
        before = current.get(number, "")
        proposal = proposals.get(number, "")
        if not proposal or (before.strip() and not replace):
            assert result[number] == before
        else:
            assert result[number] == proposal


# ---------------------------------------------------------------- the store


def test_save_and_read_the_four_texts(store: Store, demarche_id: str) -> None:
    assert [(t.indicator, t.text) for t in store.scenario.texts(demarche_id)] == [
        (1, ""),
        (2, ""),
        (3, ""),
        (4, ""),
    ]
    assert store.scenario.save(demarche_id, {1: "  Des lieux ouverts.\n", 3: ""}) == [1]
    assert store.scenario.save(demarche_id, {1: "Des lieux ouverts.", 3: ""}) == []
    assert store.scenario.text_map(demarche_id) == {1: "Des lieux ouverts.", 2: "", 3: "", 4: ""}
    assert store.scenario.save(demarche_id, {1: "", 2: "Ligne 1\nLigne 2"}) == [1, 2]
    assert store.scenario.text_map(demarche_id)[2] == "Ligne 1\nLigne 2"
    assert Scenario.select().count() == 2  # one row per indicator, emptied not removed
    with pytest.raises(InvalidInput, match="indicateur 4 : 20001 caractères"):
        store.scenario.save(demarche_id, {2: "gardé ?", 4: "x" * 20_001})
    assert store.scenario.text_map(demarche_id)[2] == "Ligne 1\nLigne 2"  # all or none
    with pytest.raises(InvalidInput, match="Indicateur"):
        store.scenario.save(demarche_id, {5: "non"})


def test_the_draft_never_overwrites_a_written_text_unless_asked(
    store: Store, demarche_id: str
) -> None:
    store.intentions.create(demarche_id, IntentionDraft("Un café associatif", indicators=(1,)))
    store.intentions.create(demarche_id, IntentionDraft("Un minibus", indicators=(1, 2)))
    store.scenario.save(demarche_id, {2: "Écrit à la main."})
    proposals = store.scenario.proposals(demarche_id)
    assert "« Un café associatif » et « Un minibus »" in proposals[1]
    assert "« Un minibus »" in proposals[2]
    assert proposals[3] == proposals[4] == ""

    texts = store.scenario.draft(demarche_id)
    assert texts[1] == proposals[1]
    assert texts[2] == "Écrit à la main."
    assert store.scenario.text_map(demarche_id) == texts
    replaced = store.scenario.draft(demarche_id, replace=True)
    assert replaced[2] == proposals[2]
    assert store.scenario.text_map(demarche_id)[2] == proposals[2]

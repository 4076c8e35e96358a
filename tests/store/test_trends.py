"""Trends of workshop 2: the catalogue file and its schema, the domain rules, the store."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.prospective import workshop2_scene

from vitalite_tui.db.models import Note, Round, Trend
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.trends import catalogue_problems, moved, parse_catalogue
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.formats.schemas import load_json
from vitalite_tui.paths import schemas_dir
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.prospective.records import IndicatorCount
from vitalite_tui.store.prospective.trends import check_catalogue, default_catalogue

# ---------------------------------------------------------------- the catalogue file


@pytest.fixture
def document() -> dict[str, Any]:
    loaded = load_json(schemas_dir() / "tendances.json")
    assert isinstance(loaded, dict)
    return loaded


def test_the_default_catalogue_is_valid_and_covers_the_big_trends(
    document: dict[str, Any],
) -> None:
    catalogue = check_catalogue(document, "tendances.json")
    codes = [trend.code for trend in catalogue.trends]
    assert 10 <= len(codes) <= 15
    for code in (
        "vieillissement",
        "transition-energetique",
        "changement-climatique",
        "numerique",
        "mobilites",
        "modes-de-vie",
        "services-publics",
        "alimentation",
        "logement",
        "economie-locale",
        "engagement",
    ):
        assert code in codes
    for trend in catalogue.trends:
        assert trend.title
        assert trend.description
        assert trend.source
        assert trend.indicators
        assert set(trend.indicators) <= {1, 2, 3, 4}
        # A short description, in French, that can be read out in plenary.
        assert 60 <= len(trend.description) <= 400
    assert default_catalogue() == catalogue


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("trends"), "champs obligatoires manquants"),
        (lambda d: d["trends"][0].pop("description"), "trends[0] — champs obligatoires"),
        (lambda d: d["trends"][1].update(code="Pas Bon"), "trends[1].code — forme invalide"),
        (lambda d: d["trends"][2].update(indicators=[1, 5]), "trends[2].indicators[1] — doit"),
        (lambda d: d["trends"][3].update(title=""), "trends[3].title — au moins 1 caractère"),
        (lambda d: d["trends"][0].update(couleur="rouge"), "trends[0] — champs inconnus"),
        (lambda d: d.update(trends=[]), "trends — au moins 1 élément"),
        (lambda d: d["trends"][4].update(code=d["trends"][0]["code"]), "employé 2 fois"),
        (
            lambda d: d["trends"][5].update(title=d["trends"][1]["title"].upper()),
            "trends[5] : l'intitulé",
        ),
    ],
)
def test_broken_catalogues_are_explained_in_french_with_their_place(
    document: dict[str, Any], mutate: Any, message: str
) -> None:
    broken = copy.deepcopy(document)
    mutate(broken)
    escaped = message.replace("[", r"\[").replace("]", r"\]")
    with pytest.raises(InvalidInput, match=f"^t.json : .*{escaped}"):
        check_catalogue(broken, "t.json")


def test_catalogue_rules_the_schema_cannot_say() -> None:
    trends = [
        {"code": "a", "title": "Le logement", "description": "x"},
        {"code": "b", "title": "le  LOGEMENT", "description": "x"},
        {"code": "a", "title": "Autre", "description": "x"},
    ]
    assert catalogue_problems({"trends": trends}) == [
        "le code « a » est employé 2 fois",
        "trends[1] : l'intitulé « le  LOGEMENT » est en double",
    ]
    catalogue = parse_catalogue(
        {"id": "c", "version": "1", "title": "T", "trends": [trends[0] | {"indicators": [2]}]}
    )
    assert catalogue.get("a") is not None
    assert catalogue.trends[0].indicators == (2,)
    assert catalogue.get("zz") is None


@given(
    st.lists(st.integers(), min_size=1, max_size=12, unique=True),
    st.data(),
    st.integers(min_value=-3, max_value=3),
)
def test_moving_keeps_every_item_once(items: list[int], data: st.DataObject, step: int) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(items) - 1))
    after = moved(items, index, step)
    assert sorted(after) == sorted(items)
    assert after.index(items[index]) == min(max(index + step, 0), len(items) - 1)


def test_moving_by_hand() -> None:
    assert moved("abcd", 2, -1) == ["a", "c", "b", "d"]
    assert moved("abcd", 0, -1) == ["a", "b", "c", "d"]
    assert moved("abcd", 3, 1) == ["a", "b", "c", "d"]
    with pytest.raises(IndexError):
        moved("ab", 2, 1)


# ---------------------------------------------------------------- the store


def test_the_catalogue_is_copied_once_per_demarche(store: Store, demarche_id: str) -> None:
    trends = store.trends.all(demarche_id)
    assert [t.code for t in trends] == [t.code for t in default_catalogue().trends]
    assert not any(t.selected for t in trends)
    assert [t.position for t in trends] == list(range(len(trends)))
    assert trends[0].indicators == default_catalogue().trends[0].indicators
    store.trends.remove(trends[0].id)
    store.trends.ensure(demarche_id)
    again = store.trends.all(demarche_id)
    assert len(again) == len(trends) - 1  # a removed trend stays removed
    assert Trend.select().count() == len(trends)
    other = store.demarches.create("CC voisine", "Tuchan")
    assert store.trends.existing(other) == []  # reading for an export copies nothing
    assert len(store.trends.all(other)) == len(trends)


def test_add_reword_present_move_remove_restore(store: Store, demarche_id: str) -> None:
    first, second, *_ = store.trends.all(demarche_id)
    local = store.trends.add(demarche_id, "  La fermeture   de la laiterie ", "Trente emplois.")
    record = store.trends.get(local)
    assert (record.title, record.description, record.code, record.local) == (
        "La fermeture de la laiterie",
        "Trente emplois.",
        None,
        True,
    )
    assert record.selected  # written for this territory: presented
    assert store.trends.all(demarche_id)[-1].id == local
    with pytest.raises(InvalidInput, match="déjà dans la liste"):
        store.trends.add(demarche_id, "la fermeture de la LAITERIE")
    with pytest.raises(InvalidInput, match="obligatoire"):
        store.trends.add(demarche_id, "   ")
    with pytest.raises(InvalidInput, match="trop long"):
        store.trends.reword(first.id, "x" * 121, "")

    reworded = store.trends.reword(first.id, "Nos anciens", "Un habitant sur trois…")
    assert (reworded.title, reworded.code) == ("Nos anciens", "vieillissement")
    assert store.trends.toggle(second.id).selected
    assert not store.trends.toggle(second.id).selected
    store.trends.set_selected(second.id, True)

    store.trends.move(local, -1)
    order = [t.id for t in store.trends.all(demarche_id)]
    assert order[-2] == local
    store.trends.move(first.id, -1)  # already first: stays
    assert store.trends.all(demarche_id)[0].id == first.id
    store.trends.move(first.id, 1)
    assert [t.id for t in store.trends.all(demarche_id)][:2] == [second.id, first.id]

    store.trends.remove(second.id)
    assert second.id not in [t.id for t in store.trends.all(demarche_id)]
    assert [t.id for t in store.trends.all(demarche_id, removed=True)] == [second.id]
    assert [t.id for t in store.trends.presented(demarche_id)] == [local]
    with pytest.raises(NotFound, match="Tendance introuvable"):
        store.trends.toggle(second.id)
    restored = store.trends.restore(second.id)
    assert not restored.deleted
    assert store.trends.all(demarche_id)[-1].id == second.id  # back at the end
    assert [t.id for t in store.trends.presented(demarche_id)] == [local, second.id]


def test_a_round_on_a_trend_gives_its_notes_the_trend(store: Store, demarche_id: str) -> None:
    scene = workshop2_scene(store, demarche_id, ("mobilites", "numerique"))
    mobility, digital = scene.trends["mobilites"], scene.trends["numerique"]
    choice = store.trends.round_choice(scene.subgroup_id)
    assert [title for _, title in choice.options] == [
        "Le numérique et la dématérialisation des services",
        "Les mobilités et l'éloignement des services",
    ]
    assert choice.suggested == digital  # nothing yet: the first presented

    rnd = store.capture.start_round(scene.subgroup_id, "Risques ?", 20, trend_id=mobility)
    assert Round.get_by_id(as_uuid(rnd.id)).__data__["trend"] == as_uuid(mobility)
    # Next time: the trend not talked about yet, never the previous round's by default.
    assert store.trends.round_choice(scene.subgroup_id).suggested == digital
    speaker = scene.members[0]
    store.capture.save_note(rnd.id, speaker, "Les jeunes sans permis", NoteKind.RISQUE, 2)
    store.capture.save_note(rnd.id, speaker, "Le covoiturage", NoteKind.OPPORTUNITE, 1)
    store.capture.save_note(rnd.id, speaker, "Plus de bus", NoteKind.RISQUE, None)
    store.capture.save_note(rnd.id, None, "Monter un transport solidaire", None, 3)
    notes = list(Note.select().order_by(Note.created_at))
    assert {n.__data__["trend"] for n in notes} == {as_uuid(mobility)}
    assert notes[-1].kind == NoteKind.INTENTION.value  # workshop 2's default kind

    counts = store.trends.by_indicator(mobility)
    assert counts == [
        IndicatorCount(1, 0, 1),
        IndicatorCount(2, 1, 0),
        IndicatorCount(3, 0, 0),
        IndicatorCount(4, 0, 0),
        IndicatorCount(None, 1, 0),
    ]
    record = store.trends.get(mobility)
    assert (record.risks, record.opportunities, record.notes) == (2, 1, 4)

    # A round without a trend, and a trend of another démarche, refused in French.
    plain = store.capture.start_round(scene.subgroup_id, "Et encore ?")
    store.capture.save_note(plain.id, speaker, "Sans tendance", NoteKind.RISQUE, 4)
    assert Note.select().where(Note.trend.is_null()).count() == 1
    other = store.demarches.create("CC voisine", "Tuchan")
    foreign = store.trends.all(other)[0].id
    with pytest.raises(NotFound, match="Tendance introuvable"):
        store.capture.start_round(scene.subgroup_id, "Ailleurs ?", trend_id=foreign)
    store.trends.remove(digital)
    with pytest.raises(NotFound, match="Tendance introuvable"):
        store.capture.start_round(scene.subgroup_id, "Retirée ?", trend_id=digital)

    sheets = store.trends.sheets(demarche_id)
    by_title = {s.trend.title if s.trend else None: s.notes for s in sheets}
    assert [n.text for n in by_title["Les mobilités et l'éloignement des services"]] == [
        "Les jeunes sans permis",
        "Le covoiturage",
        "Plus de bus",
    ]
    assert [n.text for n in by_title[None]] == ["Sans tendance"]
    assert by_title["Les mobilités et l'éloignement des services"][0].subgroup_name


def test_the_round_choice_follows_the_theme_and_is_empty_elsewhere(
    store: Store, demarche_id: str
) -> None:
    scene = workshop2_scene(store, demarche_id, ("logement", "alimentation", "numerique"))
    group = store.subgroups.get(scene.subgroup_id)
    store.subgroups.update(group.id, group.name, theme="L'alimentation et l'agriculture")
    assert store.trends.round_choice(scene.subgroup_id).suggested == scene.trends["alimentation"]
    store.capture.start_round(scene.subgroup_id, "Q ?", trend_id=scene.trends["alimentation"])
    choice = store.trends.round_choice(scene.subgroup_id)
    first_other = next(t for t, _ in choice.options if t != scene.trends["alimentation"])
    assert choice.suggested == first_other  # then in the order presented
    for code in ("logement", "numerique"):
        store.capture.start_round(scene.subgroup_id, "Q ?", trend_id=scene.trends[code])
    # Every trend talked about: the choice starts on « none ».
    choice = store.trends.round_choice(scene.subgroup_id)
    assert choice.options
    assert choice.suggested is None
    for code in ("logement", "alimentation", "numerique"):
        store.trends.set_selected(scene.trends[code], False)
    assert not store.trends.round_choice(scene.subgroup_id)
    # Workshop 1 rounds are about no trend.
    for person in store.participants.all(demarche_id):
        store.workshops.set_present(demarche_id, 1, person.id, True)
    first = store.subgroups.form(demarche_id, 1, count=1)[0]
    assert store.trends.round_choice(first.id).options == ()

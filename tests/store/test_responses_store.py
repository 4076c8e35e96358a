"""Questionnaire sheets in the store: save, correct, remove, verify; the definition they keep."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from vitalite_tui.db.models import Answer, Response
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.formats.entry_template import save_template
from vitalite_tui.formats.xlsform import save_xlsform
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.questionnaire.records import DifferenceKind, SheetDraft, SheetMode
from vitalite_tui.store.questionnaire.responses import default_definition

ALL_THREES = {f"I{n}_{pole}{i}": 3 for n in (1, 2, 3, 4) for pole in "VD" for i in (1, 2, 3)}


def draft(number: int | None = 1, **answers: int | None) -> SheetDraft:
    return SheetDraft(
        sheet_number=number,
        profile={"commune": "lagrasse", "age": "75 ans et plus"},
        answers={**ALL_THREES, **answers},
    )


def stored_answers(sheet_id: str) -> dict[str, int | None]:
    rows = Answer.select().where(Answer.response == as_uuid(sheet_id))
    return {row.item_code: row.value for row in rows}


def variant(code: str, version: str) -> dict[str, Any]:
    """The default questionnaire under another id and version, one item fewer."""
    definition = copy.deepcopy(default_definition())
    definition["id"], definition["version"] = code, version
    definition["items"] = definition["items"][:-1]
    return definition


# ---------------------------------------------------------------- saving


def test_a_saved_sheet_keeps_every_item_and_the_default_definition(
    store: Store, demarche_id: str
) -> None:
    assert store.questionnaires.chosen(demarche_id) is None
    sheet_id = store.responses.save_sheet(demarche_id, draft(I1_V1=4, I1_D3=0, I2_V1=None))
    record = store.responses.get(sheet_id)
    assert (record.questionnaire_code, record.questionnaire_version) == ("sociabilite", "1.0")
    assert record.sheet_number == 1
    assert record.mode is SheetMode.PAPER
    # Loose spelling and labels are stored as the démarche and the questionnaire write them.
    assert record.profile == {"commune": "Lagrasse", "age": "75-plus"}
    assert len(record.answers) == 24
    assert (record.answers["I1_V1"], record.answers["I1_D3"], record.answers["I2_V1"]) == (4, 0, 0)
    assert record.answered == 22
    assert not record.verified
    # « Sans réponse » is stored as NULL; every item has its row.
    answers = stored_answers(sheet_id)
    assert len(answers) == 24
    assert answers["I1_D3"] is None
    assert answers["I1_V1"] == 4
    # The default was chosen for the démarche by the first sheet.
    chosen = store.questionnaires.chosen(demarche_id)
    assert chosen is not None
    assert (chosen.code, chosen.version) == ("sociabilite", "1.0")
    row = Response.get_by_id(as_uuid(sheet_id))
    assert (row.questionnaire.code, row.questionnaire.version) == ("sociabilite", "1.0")


def test_the_first_sheet_starts_step_3_and_the_stepper_counts(
    store: Store, demarche_id: str
) -> None:
    assert store.steps.status(demarche_id, 3) is StepStatus.TODO
    for number in (1, 2):
        store.responses.save_sheet(demarche_id, draft(number))
    assert store.steps.status(demarche_id, 3) is StepStatus.IN_PROGRESS
    assert store.steps.status(demarche_id, 2) is StepStatus.TODO  # nobody chose at step 2
    assert store.demarches.steps(demarche_id)[2].detail == "2 questionnaires saisis"


def test_the_form_is_the_default_until_a_sheet_is_saved(store: Store, demarche_id: str) -> None:
    form = store.responses.form(demarche_id)
    assert form.label == "sociabilite 1.0"
    assert [item.code for item in form.items[:3]] == ["I1_V1", "I1_V2", "I1_V3"]
    assert form.communes == ("Lagrasse", "Fabrezan", "Ribaute")
    item = form.item("I1_D1")
    assert item is not None
    assert item.size == 4
    assert store.questionnaires.chosen(demarche_id) is None  # reading chooses nothing


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (draft(I1_V1=7), "I1_V1 : 7 est hors de l'échelle (0 à 4, 0 = sans réponse)"),
        (draft(I1_V1=-1), "I1_V1 : -1 est hors de l'échelle"),
        (draft(X9=2), "question inconnue : « X9 »"),
        (
            SheetDraft(1, {"age": "vieux"}, ALL_THREES),
            "Tranche d'âge : « vieux » n'est pas une réponse possible (moins-25, 25-39",
        ),
        (SheetDraft(1, {"pointure": "42"}, ALL_THREES), "champ de profil inconnu : « pointure »"),
        (draft(0), "n° de fiche : un nombre de 1 à 99999 est attendu (lu : 0)"),
    ],
)
def test_bad_values_are_refused_in_french_and_nothing_is_stored(
    store: Store, demarche_id: str, bad: SheetDraft, message: str
) -> None:
    with pytest.raises(InvalidInput, match=r"^Fiche non enregistrée : ") as caught:
        store.responses.save_sheet(demarche_id, bad)
    assert message in caught.value.message
    assert store.responses.count(demarche_id) == 0
    assert Answer.select().count() == 0


def test_every_problem_of_a_sheet_is_listed_at_once(store: Store, demarche_id: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        store.responses.save_sheet(demarche_id, draft(I1_V1=5, I4_D3=9))
    assert "I1_V1 : 5" in caught.value.message
    assert "I4_D3 : 9" in caught.value.message


def test_a_sheet_number_is_typed_once(store: Store, demarche_id: str) -> None:
    store.responses.save_sheet(demarche_id, draft(12))
    with pytest.raises(InvalidInput, match=r"La fiche n° 12 est déjà saisie\."):
        store.responses.save_sheet(demarche_id, draft(12))
    assert store.responses.next_sheet_number(demarche_id) == 13
    # Unnumbered sheets are allowed (an import may not number them) and listed last.
    store.responses.save_sheet(demarche_id, draft(None))
    store.responses.save_sheet(demarche_id, draft(3))
    assert [r.sheet_number for r in store.responses.all(demarche_id)] == [3, 12, None]


def test_answers_keep_the_definition_they_were_typed_against(
    store: Store, demarche_id: str
) -> None:
    first = store.responses.save_sheet(demarche_id, draft(1))
    store.questionnaires.register(variant("sociabilite-courte", "2.0"))
    store.questionnaires.choose(demarche_id, "sociabilite-courte", "2.0")
    second = store.responses.save_sheet(demarche_id, SheetDraft(2, {}, {"I1_V1": 2}))
    new = store.responses.get(second)
    assert (new.questionnaire_code, new.questionnaire_version) == ("sociabilite-courte", "2.0")
    assert "I4_D3" not in new.answers
    assert len(new.answers) == 23
    # The older sheet is still checked and corrected against its own definition.
    store.responses.update_sheet(first, draft(1, I4_D3=1))
    old = store.responses.get(first)
    assert (old.questionnaire_code, old.questionnaire_version) == ("sociabilite", "1.0")
    assert old.answers["I4_D3"] == 1
    assert store.responses.sheet_form(first).label == "sociabilite 1.0"
    with pytest.raises(InvalidInput, match="question inconnue : « I4_D3 »"):
        store.responses.update_sheet(second, SheetDraft(2, {}, {"I4_D3": 1}))


def test_the_lines_of_the_list_count_what_the_full_sheets_hold(
    store: Store, demarche_id: str
) -> None:
    first = store.responses.save_sheet(demarche_id, draft(1, I1_V1=0, I2_V2=None))
    removed = store.responses.save_sheet(demarche_id, draft(2))
    store.responses.remove(removed)
    store.responses.mark_verified(first)
    store.questionnaires.register(variant("sociabilite-courte", "2.0"))
    store.questionnaires.choose(demarche_id, "sociabilite-courte", "2.0")
    store.responses.save_sheet(demarche_id, SheetDraft(None, {}, {"I1_V1": 2, "I1_V2": 0}))
    store.responses.save_sheet(demarche_id, SheetDraft(7, {"age": "75 ans et plus"}, {}))
    full = store.responses.all_with_forms(demarche_id)
    lines = store.responses.lines(demarche_id)
    assert [(line.id, form.label) for line, form in lines] == [
        (record.id, form.label) for record, form in full
    ]
    assert [line.sheet_number for line, _ in lines] == [1, 7, None]
    for (line, _), (record, _) in zip(lines, full, strict=True):
        assert (line.sheet_number, line.profile, line.mode) == (
            record.sheet_number,
            record.profile,
            record.mode,
        )
        assert (line.verified, line.created_at) == (record.verified, record.created_at)
        assert (line.answered, line.asked) == (record.answered, len(record.answers))
    assert [(line.answered, line.asked) for line, _ in lines] == [(22, 24), (0, 23), (1, 23)]
    assert [line.verified for line, _ in lines] == [True, False, False]


# ---------------------------------------------------------------- correcting and removing


def test_update_corrects_a_sheet(store: Store, demarche_id: str) -> None:
    sheet_id = store.responses.save_sheet(demarche_id, draft(1))
    record = store.responses.get(sheet_id)
    answers = dict(record.answers, I2_D2=1)
    store.responses.update_sheet(
        sheet_id, SheetDraft(5, {"commune": "Ribaute"}, answers, record.mode)
    )
    again = store.responses.get(sheet_id)
    assert again.sheet_number == 5
    assert again.profile == {"commune": "Ribaute"}
    assert again.answers["I2_D2"] == 1
    assert stored_answers(sheet_id)["I2_D2"] == 1
    assert store.responses.count(demarche_id) == 1


def test_update_refuses_the_number_of_another_sheet(store: Store, demarche_id: str) -> None:
    store.responses.save_sheet(demarche_id, draft(1))
    second = store.responses.save_sheet(demarche_id, draft(2))
    with pytest.raises(InvalidInput, match="La fiche n° 1 est déjà saisie"):
        store.responses.update_sheet(second, draft(1))
    store.responses.update_sheet(second, draft(2, I1_V1=1))  # its own number is fine
    assert store.responses.get(second).answers["I1_V1"] == 1


def test_remove_is_soft_and_restore_brings_it_back(store: Store, demarche_id: str) -> None:
    sheet_id = store.responses.save_sheet(demarche_id, draft(1))
    store.responses.save_sheet(demarche_id, draft(2))
    store.responses.remove(sheet_id)
    assert store.responses.count(demarche_id) == 2 - 1
    assert [r.sheet_number for r in store.responses.all(demarche_id)] == [2]
    removed = [r for r in store.responses.all(demarche_id, include_removed=True) if r.deleted]
    assert [r.id for r in removed] == [sheet_id]
    with pytest.raises(NotFound):
        store.responses.get(sheet_id)
    assert 1 not in {r.sheet_number for r in store.responses.all(demarche_id)}
    store.responses.restore(sheet_id)
    assert store.responses.count(demarche_id) == 2
    (found,) = [r for r in store.responses.all(demarche_id) if r.sheet_number == 1]
    assert found.id == sheet_id


def test_restore_refuses_when_the_number_was_typed_again(store: Store, demarche_id: str) -> None:
    sheet_id = store.responses.save_sheet(demarche_id, draft(1))
    store.responses.remove(sheet_id)
    store.responses.save_sheet(demarche_id, draft(1))
    with pytest.raises(InvalidInput, match="La fiche n° 1 est déjà saisie"):
        store.responses.restore(sheet_id)


# ---------------------------------------------------------------- verification


def test_a_sheet_retyped_identically_has_no_difference(store: Store, demarche_id: str) -> None:
    sheet_id = store.responses.save_sheet(demarche_id, draft(1, I1_V1=4))
    retyped = SheetDraft(1, {"commune": "Lagrasse", "age": "75-plus"}, {**ALL_THREES, "I1_V1": 4})
    assert store.responses.verify(sheet_id, retyped) == []
    assert not store.responses.get(sheet_id).verified  # verify writes nothing
    store.responses.mark_verified(sheet_id)
    assert store.responses.get(sheet_id).verified


def test_differences_are_listed_then_resolved_one_by_one(store: Store, demarche_id: str) -> None:
    sheet_id = store.responses.save_sheet(demarche_id, draft(1, I1_V1=4, I3_D2=0))
    retyped = SheetDraft(
        1, {"commune": "Lagrasse", "age": "60-74"}, {**ALL_THREES, "I1_V1": 2, "I3_D2": 1}
    )
    differences = store.responses.verify(sheet_id, retyped)
    assert [(d.kind, d.code, d.stored, d.retyped) for d in differences] == [
        (DifferenceKind.PROFILE, "age", "75-plus", "60-74"),
        (DifferenceKind.ANSWER, "I1_V1", 4, 2),
        (DifferenceKind.ANSWER, "I3_D2", 0, 1),
    ]
    age, first, third = differences
    assert (age.label, age.stored_text, age.retyped_text) == (
        "Tranche d'âge",
        "75 ans et plus",
        "60 à 74 ans",
    )
    assert first.label.startswith("I1_V1 · Je croise régulièrement")
    assert (first.stored_text, first.retyped_text) == (
        "4 · Tout à fait d'accord",
        "2 · Plutôt pas d'accord",
    )
    assert third.stored_text == "0 · Sans réponse"
    # The paper says the retyping was right about the age and I3_D2, the first typing about I1_V1.
    store.responses.resolve(sheet_id, [age, third])
    record = store.responses.get(sheet_id)
    assert record.profile["age"] == "60-74"
    assert (record.answers["I1_V1"], record.answers["I3_D2"]) == (4, 1)
    assert record.verified
    assert store.responses.verify(sheet_id, record.draft()) == []


def test_a_difference_on_the_sheet_number(store: Store, demarche_id: str) -> None:
    sheet_id = store.responses.save_sheet(demarche_id, draft(7))
    (difference,) = store.responses.verify(sheet_id, draft(17))
    assert (difference.kind, difference.label, difference.stored_text) == (
        DifferenceKind.SHEET_NUMBER,
        "N° de fiche",
        "7",
    )
    store.responses.resolve(sheet_id, [difference])
    assert store.responses.get(sheet_id).sheet_number == 17


def test_resolve_refuses_a_difference_gone_stale(store: Store, demarche_id: str) -> None:
    sheet_id = store.responses.save_sheet(demarche_id, draft(1, I1_V1=4))
    (difference,) = store.responses.verify(sheet_id, draft(1, I1_V1=2))
    store.responses.update_sheet(sheet_id, draft(1, I1_V1=1))
    with pytest.raises(InvalidInput, match="modifiée depuis la vérification"):
        store.responses.resolve(sheet_id, [difference])
    assert store.responses.get(sheet_id).answers["I1_V1"] == 1


def test_a_correction_after_verification_unverifies_the_sheet(
    store: Store, demarche_id: str
) -> None:
    sheet_id = store.responses.save_sheet(demarche_id, draft(1))
    store.responses.mark_verified(sheet_id)
    store.responses.update_sheet(sheet_id, draft(1))  # same content: still verified
    assert store.responses.get(sheet_id).verified
    store.responses.update_sheet(sheet_id, draft(1, I1_V1=1))
    assert not store.responses.get(sheet_id).verified


def test_verify_refuses_a_retyping_off_the_scale(store: Store, demarche_id: str) -> None:
    sheet_id = store.responses.save_sheet(demarche_id, draft(1))
    with pytest.raises(InvalidInput, match="I2_V2 : 8 est hors de l'échelle"):
        store.responses.verify(sheet_id, draft(1, I2_V2=8))


# ---------------------------------------------------------------- imports (store side)


def test_add_imported_skips_known_keys_and_numbers_the_rest(store: Store, demarche_id: str) -> None:
    store.responses.save_sheet(demarche_id, draft(4))
    imported = SheetDraft(None, {}, {"I1_V1": 2}, SheetMode.IMPORT)
    ids = store.responses.add_imported(demarche_id, [(imported, "id:a"), (imported, "id:b")])
    assert len(ids) == 2
    again = store.responses.add_imported(demarche_id, [(imported, "id:a")])
    assert again == []
    assert store.responses.source_keys(demarche_id) == {"id:a", "id:b"}
    assert store.responses.sheet_numbers(demarche_id) == {4, 5, 6}
    assert {store.responses.get(i).mode for i in ids} == {SheetMode.IMPORT}


def test_files_for_other_tools_through_the_store(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    """What the commands do: XLSForm and template of the démarche's form, then import."""
    form_path = save_xlsform(store.responses.form(demarche_id))
    assert form_path == tmp_path / "exports" / "questionnaire-sociabilite-1.0-xlsform.xlsx"
    template = save_template(store.responses.form(demarche_id), tmp_path / "modele.csv")
    template.write_text(
        template.read_text(encoding="utf-8-sig") + "1;Ribaute;;;;" + ";".join(["2"] * 24) + "\n",
        encoding="utf-8",
    )
    report = store.responses.import_file(demarche_id, template)
    assert (report.rows, report.added, report.duplicates, report.rejected) == (1, 1, (), ())
    (sheet,) = store.responses.all(demarche_id)
    assert sheet.profile == {"commune": "Ribaute"}
    assert sheet.id == report.sheet_ids[0]

"""Segments of the barometer too small to be shown apart: pooled in « autres », or hidden,
in the store that the screen and every export read."""

from __future__ import annotations

from vitalite_tui.domain.privacy import MIN_GROUP_SIZE, OTHERS
from vitalite_tui.store import Store
from vitalite_tui.store.questionnaire.barometer import small_segments_note
from vitalite_tui.store.questionnaire.records import MeasuredBarometer, SheetDraft

CODES = [f"I{n}_{pole}{i}" for n in (1, 2, 3, 4) for pole in "VD" for i in (1, 2, 3)]


def type_sheets(store: Store, demarche_id: str, communes: list[str], start: int = 1) -> None:
    for number, commune in enumerate(communes, start=start):
        answers: dict[str, int | None] = {code: (number % 5) for code in CODES}
        store.responses.save_sheet(
            demarche_id, SheetDraft(number, {"commune": commune, "age": "40-59"}, answers)
        )


def shown(measured: MeasuredBarometer) -> list[tuple[str, int]]:
    return [(s.label, s.sheets) for s in measured.segments]


def test_a_segment_of_one_is_never_shown_apart(store: Store, demarche_id: str) -> None:
    type_sheets(store, demarche_id, ["Lagrasse"] * MIN_GROUP_SIZE + ["Fabrezan", "Ribaute"])
    measured = store.barometer.measured(demarche_id, "commune")
    # Fabrezan and Ribaute, two sheets even together: in no segment, only in « tous ».
    assert shown(measured) == [("Lagrasse", MIN_GROUP_SIZE)]
    assert measured.hidden == 2
    assert measured.sheets == MIN_GROUP_SIZE + 2
    assert small_segments_note(measured).startswith("2 fiches dans aucun segment")

    type_sheets(store, demarche_id, ["Fabrezan"] * 3, start=20)
    measured = store.barometer.measured(demarche_id, "commune")
    assert shown(measured) == [("Lagrasse", MIN_GROUP_SIZE), (OTHERS, 5)]
    assert measured.pooled == 2
    assert small_segments_note(measured) == (
        "« autres » regroupe 2 valeurs de moins de 5 fiches chacune, pour que personne ne "
        "soit reconnu."
    )
    every = [s.sheets for s in store.barometer.measured(demarche_id, "age").segments]
    assert every == [MIN_GROUP_SIZE + 5]

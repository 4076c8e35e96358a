"""What a step still lacks before it looks finished: the rules, without a base."""

from __future__ import annotations

from vitalite_tui.domain.steps import Decision, StepProgress, missing_before_done


def test_step_1_needs_a_presentation_date_and_a_decision() -> None:
    assert missing_before_done(
        StepProgress(1, presentation_dated=False, decision=Decision.PENDING)
    ) == [
        "la date de présentation aux élus",
        "la décision du conseil communautaire (en attente)",
    ]
    assert missing_before_done(StepProgress(1, decision=Decision.REJECTED)) == []


def test_step_2_needs_a_committee_its_logistics_and_four_dates() -> None:
    progress = StepProgress(
        2, committee_members=0, logistics_done=3, logistics_total=13, undated_workshops=(2, 3, 4)
    )
    assert missing_before_done(progress) == [
        "aucun membre du comité de pilotage",
        "logistique : 3 sur 13 cochés",
        "ateliers 2, 3 et 4 sans date",
    ]
    done = StepProgress(2, logistics_done=13, logistics_total=13)
    assert missing_before_done(done) == []


def test_step_3_needs_a_sheet_and_a_workshop_its_date() -> None:
    assert missing_before_done(StepProgress(3, sheets=0)) == ["aucun questionnaire saisi"]
    assert missing_before_done(StepProgress(6, undated_workshops=(3,))) == ["atelier 3 sans date"]
    assert missing_before_done(StepProgress(6)) == []

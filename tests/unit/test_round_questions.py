"""The question offered for a new round follows the workshop and the sub-group's theme."""

from __future__ import annotations

from vitalite_tui.domain.round_questions import (
    CHARTER_QUESTIONS,
    GENERAL_QUESTIONS,
    INDICATOR_QUESTIONS,
    suggested_question,
)


def test_each_workshop_asks_its_own_questions() -> None:
    # Workshop 1: the indicator of the sub-group, pole by pole, then the image; and on.
    asked = [suggested_question(1, n, indicator=3, theme="") for n in range(4)]
    assert asked == [*INDICATOR_QUESTIONS[3], INDICATOR_QUESTIONS[3][-1]]
    assert suggested_question(1, 0, indicator=None, theme="") == GENERAL_QUESTIONS[0]
    # Workshop 2: the round's trend, else the sub-group's theme.
    on_trend = suggested_question(2, 0, indicator=None, theme="x", trend="Les mobilités")
    assert "«\u00a0Les mobilités\u00a0»" in on_trend
    assert "risques" in on_trend
    assert "«\u00a0x\u00a0»" in suggested_question(2, 1, indicator=None, theme="x")
    # Workshop 3: the kept action, as its sheet asks; workshop 4: the charter.
    assert "Un minibus" in suggested_question(3, 0, indicator=1, theme="Un minibus")
    assert "l'action retenue" in suggested_question(3, 2, indicator=None, theme="")
    assert suggested_question(4, 1, indicator=None, theme="") == CHARTER_QUESTIONS[1]
    # None of them is the one question every round used to be offered.
    firsts = {suggested_question(w, 0, indicator=2, theme="t") for w in (1, 2, 3, 4)}
    assert len(firsts) == 4

"""The felt barometer of workshop 1: values typed person by person, or stickers counted.

A person's values are `FeltRating` rows of count 1 (one live row per person and indicator,
with their collège); stickers are rows without a person, one live row per collège (or none),
indicator and value, whose `count` is the number of stickers. The formula is in
`domain/felt.py`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from peewee import JOIN

from vitalite_tui.db.models import Attendance, FeltRating, Participant, Workshop
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.felt import (
    VALUES,
    FeltVote,
    aggregate,
    by_college,
    check_count,
    check_value,
    sticker_voters,
)
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.domain.notes import check_indicator
from vitalite_tui.domain.participants import participant_code
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.base import soft_delete, writing
from vitalite_tui.store.felt.records import (
    NO_VALUES,
    FeltComparison,
    FeltEntry,
    FeltSummary,
    FeltValues,
)
from vitalite_tui.store.lookups import participant_of, present_participants, workshop_row

if TYPE_CHECKING:
    from vitalite_tui.store.preparation.steps import Steps
    from vitalite_tui.store.questionnaire.barometer import Barometer
    from vitalite_tui.store.questionnaire.records import MeasuredBarometer

#: The felt barometer belongs to this workshop (and its step, 4).
WORKSHOP = 1
STEP = 4


def felt_workshop(demarche_id: str) -> Workshop:
    return workshop_row(demarche_id, WORKSHOP)


def _live_ratings(workshop: Workshop) -> list[FeltRating]:
    """Live rows of the workshop: stickers, and values of people still in the registry."""
    return list(
        FeltRating.select()
        .join(Participant, JOIN.LEFT_OUTER, on=(FeltRating.participant == Participant.id))
        .where(
            (FeltRating.workshop == workshop)
            & FeltRating.deleted_at.is_null()
            & (FeltRating.participant.is_null() | Participant.deleted_at.is_null())
        )
        .order_by(FeltRating.created_at)
    )


def _college(value: str | None) -> College | None:
    return None if value is None else College(value)


def _votes(rows: Sequence[FeltRating]) -> list[FeltVote]:
    return [
        FeltVote(row.indicator, row.value, row.count, _college(row.college))
        for row in rows
        if row.count > 0
    ]


def _check_values(values: Sequence[int | None]) -> FeltValues:
    if len(values) != len(INDICATORS):
        raise ValueError(f"expected {len(INDICATORS)} values, got {len(values)}")
    return tuple(None if value is None else check_value(value) for value in values)


def _own_rows(workshop: Workshop, person: Participant) -> dict[int, list[FeltRating]]:
    rows: dict[int, list[FeltRating]] = {}
    for row in (
        FeltRating.select()
        .where(
            (FeltRating.workshop == workshop)
            & (FeltRating.participant == person)
            & FeltRating.deleted_at.is_null()
        )
        .order_by(FeltRating.created_at)
    ):
        rows.setdefault(row.indicator, []).append(row)
    return rows


def _is_present(workshop: Workshop, person: Participant) -> bool:
    return bool(
        Attendance.select()
        .where(
            (Attendance.workshop == workshop)
            & (Attendance.participant == person)
            & Attendance.deleted_at.is_null()
        )
        .exists()
    )


class FeltBarometer:
    """What the felt barometer part, the barometer screen and the workbook call."""

    def __init__(self, barometer: Barometer, steps: Steps) -> None:
        self._barometer = barometer
        self._steps = steps

    # ------------------------------------------------------------ one person at a time

    def entries(self, demarche_id: str) -> list[FeltEntry]:
        """The people present at workshop 1, in name order, with the values they gave."""
        workshop = felt_workshop(demarche_id)
        given: dict[uuid.UUID, list[int | None]] = {}
        for row in _live_ratings(workshop):
            person = row.participant_id
            if person is not None and 1 <= row.indicator <= len(INDICATORS):
                given.setdefault(person, list(NO_VALUES))[row.indicator - 1] = row.value
        return [
            FeltEntry(
                participant_id=str(person.id),
                code=participant_code(person.number),
                name=person.display_name,
                college=College(person.college),
                values=tuple(given.get(person.id, NO_VALUES)),
            )
            for person in present_participants(workshop)
        ]

    def record(
        self, demarche_id: str, participant_id: str, values: Sequence[int | None]
    ) -> FeltEntry:
        """A person's four values at once (None: not placed), replacing what they gave before.

        Values go from 0 (depression pole) to 10 (vitality pole); the person must be ticked
        present at workshop 1. Four None values clear the person.
        """
        checked = _check_values(values)
        with writing():
            workshop = felt_workshop(demarche_id)
            person = participant_of(workshop, participant_id)
            if not _is_present(workshop, person):
                raise InvalidInput(
                    f"{person.display_name} n'est pas noté(e) présent(e) à l'atelier 1 : "
                    "cochez sa présence avant de saisir son ressenti."
                )
            existing = _own_rows(workshop, person)
            for shown, value in zip(INDICATORS, checked, strict=True):
                rows = existing.get(shown.number, [])
                for extra in rows[1:]:  # two laptops once typed the same person
                    soft_delete(extra)
                row = rows[0] if rows else None
                if value is None:
                    if row is not None:
                        soft_delete(row)
                elif row is None:
                    FeltRating.create(
                        workshop=workshop,
                        participant=person,
                        college=person.college,
                        indicator=shown.number,
                        value=value,
                        count=1,
                    )
                elif (row.value, row.college, row.count) != (value, person.college, 1):
                    row.value, row.college, row.count = value, person.college, 1
                    row.save()
            if any(value is not None for value in checked):
                self._steps.touch(demarche_id, STEP)
        return FeltEntry(
            participant_id=str(person.id),
            code=participant_code(person.number),
            name=person.display_name,
            college=College(person.college),
            values=checked,
        )

    def clear(self, demarche_id: str, participant_id: str) -> None:
        """Remove every value a person gave (the rows are kept, marked removed)."""
        with writing():
            workshop = felt_workshop(demarche_id)
            person = participant_of(workshop, participant_id)
            for rows in _own_rows(workshop, person).values():
                for row in rows:
                    soft_delete(row)

    # ------------------------------------------------------------ stickers

    def set_count(
        self,
        demarche_id: str,
        indicator: int,
        value: int,
        count: int,
        college: College | None = None,
    ) -> None:
        """The number of stickers on `value` of `indicator` (for a collège, or for everyone
        when None); replaces the number typed before, 0 removes it."""
        number = check_indicator(indicator)
        if number is None:
            raise InvalidInput("Indicateur : de 1 à 4.")
        check_value(value)
        check_count(count)
        chosen = College(college).value if college is not None else None
        with writing():
            workshop = felt_workshop(demarche_id)
            same_college = (
                FeltRating.college.is_null() if chosen is None else FeltRating.college == chosen
            )
            rows = list(
                FeltRating.select()
                .where(
                    (FeltRating.workshop == workshop)
                    & FeltRating.participant.is_null()
                    & same_college
                    & (FeltRating.indicator == number)
                    & (FeltRating.value == value)
                    & FeltRating.deleted_at.is_null()
                )
                .order_by(FeltRating.created_at)
            )
            for extra in rows[1:]:
                soft_delete(extra)
            row = rows[0] if rows else None
            if count == 0:
                if row is not None:
                    soft_delete(row)
            elif row is None:
                FeltRating.create(
                    workshop=workshop,
                    participant=None,
                    college=chosen,
                    indicator=number,
                    value=value,
                    count=count,
                )
            elif row.count != count:
                row.count = count
                row.save()
            if count:
                self._steps.touch(demarche_id, STEP)

    def sticker_counts(
        self, demarche_id: str, college: College | None = None
    ) -> dict[int, tuple[int, ...]]:
        """Stickers of a collège (None: counted for everyone): per indicator, per value 0–10."""
        wanted = College(college) if college is not None else None
        counts = {shown.number: [0] * len(VALUES) for shown in INDICATORS}
        for row in _live_ratings(felt_workshop(demarche_id)):
            if (
                row.participant_id is None
                and _college(row.college) is wanted
                and row.indicator in counts
                and row.value in VALUES
            ):
                counts[row.indicator][row.value] += row.count
        return {number: tuple(values) for number, values in counts.items()}

    # ------------------------------------------------------------ the barometer

    def summary(self, demarche_id: str) -> FeltSummary:
        """The four indicators, whole and by collège; who they stand for."""
        rows = _live_ratings(felt_workshop(demarche_id))
        votes = _votes(rows)
        stickers = _votes([row for row in rows if row.participant_id is None])
        rated = {pid for row in rows if (pid := row.participant_id) is not None}
        return FeltSummary(
            indicators=aggregate(votes),
            colleges=by_college(votes),
            rated=len(rated),
            stickers=sticker_voters(stickers),
        )

    def comparison(
        self, demarche_id: str, measured: MeasuredBarometer | None = None
    ) -> list[FeltComparison]:
        """Per indicator: felt (whole, by collège) against the questionnaire's barometer
        (`measured` when the caller already computed it, as the workbook does)."""
        summary = self.summary(demarche_id)
        if measured is None:
            measured = self._barometer.measured(demarche_id)
        return [
            FeltComparison(
                indicator=felt.indicator,
                felt=felt,
                colleges={college: results[index] for college, results in summary.colleges.items()},
                measured=measured.indicators[index],
            )
            for index, felt in enumerate(summary.indicators)
        ]

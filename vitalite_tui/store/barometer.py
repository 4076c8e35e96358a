"""The barometer measured from a démarche's stored sheets, whole or split by a profile field.

The formula is in `domain/barometer.py`. Sheets are pooled when their definitions score the
same items the same way; sheets typed against a definition that scores differently from the
démarche's current one are left out, and counted, so the screen can say so.
"""

from __future__ import annotations

from vitalite_tui.domain.barometer import Sheet, barometer, by_segment
from vitalite_tui.domain.questionnaire_form import choice_label
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.questionnaire_records import (
    MeasuredBarometer,
    SegmentBarometer,
    SegmentChoice,
)
from vitalite_tui.store.responses import Responses

#: How the barometer names sheets whose segment field was left blank (as the domain does).
NOT_GIVEN = "non renseigné"


class Barometer:
    """The barometer of step 3, computed on demand (a few hundred sheets: milliseconds)."""

    def __init__(self, responses: Responses) -> None:
        self._responses = responses

    def segments(self, demarche_id: str) -> list[SegmentChoice]:
        """The profile fields a barometer can be split by, in the questionnaire's order."""
        form = self._responses.form(demarche_id)
        return [SegmentChoice(field.code, field.label) for field in form.profile]

    def measured(self, demarche_id: str, segment: str | None = None) -> MeasuredBarometer:
        """Per indicator: n, means and distribution; per value of `segment` when given."""
        form = self._responses.form(demarche_id)
        scoring = form.scoring()
        sheets: list[Sheet] = []
        left_out = 0
        for record, sheet_form in self._responses.all_with_forms(demarche_id):
            if set(sheet_form.scoring()) == set(scoring):
                sheets.append(Sheet(record.answers, record.profile))
            else:
                left_out += 1
        result = MeasuredBarometer(
            questionnaire=form.label,
            sheets=len(sheets),
            left_out=left_out,
            indicators=barometer(sheets, scoring),
        )
        if segment is None:
            return result
        field = form.field(segment)
        if field is None:
            known = ", ".join(f.code for f in form.profile) or "aucun"
            raise InvalidInput(f"Segment inconnu : « {segment} » (possibles : {known}).")
        groups = by_segment(sheets, scoring, lambda sheet: sheet.profile.get(field.code, ""))
        sizes: dict[str, int] = {}
        for sheet in sheets:
            name = sheet.profile.get(field.code, "") or NOT_GIVEN
            sizes[name] = sizes.get(name, 0) + 1
        # The questionnaire's order (age bands young to old), then other values, blanks last.
        order = {choice.value: index for index, choice in enumerate(field.choices)}
        order.update({commune: index for index, commune in enumerate(form.communes)})
        names = sorted(
            groups, key=lambda name: (name == NOT_GIVEN, order.get(name, len(order)), name)
        )
        return MeasuredBarometer(
            questionnaire=result.questionnaire,
            sheets=result.sheets,
            left_out=result.left_out,
            indicators=result.indicators,
            segment=SegmentChoice(field.code, field.label),
            segments=[
                SegmentBarometer(
                    value="" if name == NOT_GIVEN else name,
                    label=name if name == NOT_GIVEN else choice_label(field.choices, name),
                    sheets=sizes[name],
                    indicators=groups[name],
                )
                for name in names
            ],
        )

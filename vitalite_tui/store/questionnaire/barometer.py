"""The barometer measured from a démarche's stored sheets, whole or split by a profile field.

The formula is in `domain/barometer.py`. Sheets are pooled when their definitions score the
same items the same way; sheets typed against a definition that scores differently from the
démarche's current one are left out, and counted, so the screen can say so.
"""

from __future__ import annotations

from collections.abc import Iterable

from vitalite_tui.domain.barometer import Sheet, aggregate, score_sheets, split_scored
from vitalite_tui.domain.questionnaire_form import ProfileFieldSpec, QuestionnaireForm, choice_label
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.questionnaire.records import (
    MeasuredBarometer,
    SegmentBarometer,
    SegmentChoice,
    SheetRecord,
)
from vitalite_tui.store.questionnaire.responses import Responses

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
        field = None
        if segment is not None:
            field = form.field(segment)
            if field is None:
                known = ", ".join(f.code for f in form.profile) or "aucun"
                raise InvalidInput(f"Segment inconnu : « {segment} » (possibles : {known}).")
        pool = Pool(form, self._responses.all_with_forms(demarche_id))
        return pool.whole if field is None else pool.split(field)


class Pool:
    """The sheets scored together against `form`, measured whole or by any profile field.

    Reading the sheets is the slow part: one pool serves every segment (the workbook
    shows them all).
    """

    def __init__(
        self, form: QuestionnaireForm, typed: Iterable[tuple[SheetRecord, QuestionnaireForm]]
    ) -> None:
        self.form = form
        self.scoring = form.scoring()
        wanted = set(self.scoring)
        pooled: dict[str, bool] = {}  # by definition: does it score as `form` does?
        self.sheets: list[Sheet] = []
        self.left_out = 0
        for record, sheet_form in typed:
            same = pooled.get(sheet_form.label)
            if same is None:
                same = pooled[sheet_form.label] = set(sheet_form.scoring()) == wanted
            if same:
                self.sheets.append(Sheet(record.answers, record.profile))
            else:
                self.left_out += 1
        # Each sheet is scored once; every split below only regroups the scores.
        self.scored = score_sheets(self.sheets, self.scoring)
        self.whole = MeasuredBarometer(
            questionnaire=form.label,
            sheets=len(self.sheets),
            left_out=self.left_out,
            indicators=aggregate(self.scored),
        )

    def split(self, field: ProfileFieldSpec) -> MeasuredBarometer:
        """The whole barometer, and the barometer of each value of `field`."""
        groups = split_scored(self.scored, lambda sheet: sheet.profile.get(field.code, ""))
        sizes: dict[str, int] = {}
        for sheet in self.sheets:
            name = sheet.profile.get(field.code, "") or NOT_GIVEN
            sizes[name] = sizes.get(name, 0) + 1
        # The questionnaire's order (age bands young to old), then other values, blanks last.
        order = {choice.value: index for index, choice in enumerate(field.choices)}
        order.update({commune: index for index, commune in enumerate(self.form.communes)})
        names = sorted(
            groups, key=lambda name: (name == NOT_GIVEN, order.get(name, len(order)), name)
        )
        whole = self.whole
        return MeasuredBarometer(
            questionnaire=whole.questionnaire,
            sheets=whole.sheets,
            left_out=whole.left_out,
            indicators=whole.indicators,
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

    def every_segment(self) -> list[MeasuredBarometer]:
        """The barometer split by each profile field of the form, in the questionnaire's order."""
        return [self.split(field) for field in self.form.profile]

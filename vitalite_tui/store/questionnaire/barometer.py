"""The barometer measured from a démarche's stored sheets, whole or split by a profile field.

The formula is in `domain/barometer.py`. Sheets are pooled when their definitions score the
same items the same way; sheets typed against a definition that scores differently from the
démarche's current one are left out, and counted, so the screen can say so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from vitalite_tui.domain.barometer import Sheet, aggregate, score_sheets, split_scored
from vitalite_tui.domain.privacy import MIN_GROUP_SIZE, OTHERS, large_enough
from vitalite_tui.domain.questionnaire_form import ProfileFieldSpec, QuestionnaireForm, choice_label
from vitalite_tui.domain.text import plural
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
        """The whole barometer, and the barometer of each value of `field`.

        A value held by fewer than `MIN_GROUP_SIZE` sheets is never shown apart (one
        respondent's answers would be read back to them): such values are pooled in
        « autres », itself left out when it is still too small.
        """
        sizes = Counter(sheet.profile.get(field.code, "") or NOT_GIVEN for sheet in self.sheets)
        small = {name for name, count in sizes.items() if not large_enough(count)}

        def segment_of(sheet: Sheet) -> str:
            name = sheet.profile.get(field.code, "") or NOT_GIVEN
            return OTHERS if name in small else name

        groups = split_scored(self.scored, segment_of)
        others = sum(sizes[name] for name in small)
        sizes[OTHERS] = others
        hidden = 0
        if small and not large_enough(others):
            groups.pop(OTHERS, None)
            hidden = others
        # The questionnaire's order (age bands young to old), then other values, blanks and
        # the pooled small values last.
        order = {choice.value: index for index, choice in enumerate(field.choices)}
        order.update({commune: index for index, commune in enumerate(self.form.communes)})
        names = sorted(
            groups,
            key=lambda name: (
                (name == OTHERS, name == NOT_GIVEN),
                order.get(name, len(order)),
                name,
            ),
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
                    value="" if name in (NOT_GIVEN, OTHERS) else name,
                    label=name
                    if name in (NOT_GIVEN, OTHERS)
                    else choice_label(field.choices, name),
                    sheets=sizes[name],
                    indicators=groups[name],
                )
                for name in names
            ],
            pooled=len(small) if small and not hidden else 0,
            hidden=hidden,
        )

    def every_segment(self) -> list[MeasuredBarometer]:
        """The barometer split by each profile field of the form, in the questionnaire's order."""
        return [self.split(field) for field in self.form.profile]


def small_segments_note(measured: MeasuredBarometer) -> str:
    """What became of the values too rare to be shown apart, or "" (the screen and the
    workbook say it alike)."""
    rule = f"moins de {MIN_GROUP_SIZE} fiches chacune, pour que personne ne soit reconnu"
    if measured.hidden:
        return (
            f"{plural(measured.hidden, 'fiche')} dans aucun segment : leurs valeurs comptent "
            f"{rule}, même regroupées ; elles restent dans « tous »."
        )
    if measured.pooled:
        return f"« {OTHERS} » regroupe {plural(measured.pooled, 'valeur')} de {rule}."
    return ""

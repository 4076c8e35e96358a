"""A questionnaire definition as typed records, and the checks of one answer sheet against it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import Any

from vitalite_tui.domain.barometer import Item
from vitalite_tui.domain.errors import InvalidInput
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.text import clean_line, fold

#: The value typed for « sans réponse » (stored as NULL).
NO_ANSWER = 0
#: The French label of « sans réponse » when a scale does not name it.
NO_ANSWER_LABEL = "Sans réponse"
MAX_PROFILE_TEXT = 120
MAX_SHEET_NUMBER = 99_999


class FieldKind(str, Enum):
    """How a profile field is answered (the `type` of the definition)."""

    COMMUNE = "commune"
    CHOICE = "choice"
    TEXT = "text"
    INTEGER = "integer"


@dataclass(frozen=True)
class Choice:
    """One possible answer: the value stored and the label shown."""

    value: str
    label: str


@dataclass(frozen=True)
class ProfileFieldSpec:
    """A field of the respondent's profile (commune, age band, …)."""

    code: str
    label: str
    kind: FieldKind
    choices: tuple[Choice, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class ItemSpec:
    """A statement of the questionnaire, answered 1 … k (or 0: sans réponse)."""

    code: str
    text: str
    indicator: int
    pole: Pole
    scale: str
    choices: tuple[Choice, ...]  # values "1" … "k", weakest agreement first
    no_answer: str = NO_ANSWER_LABEL

    @property
    def size(self) -> int:
        """k: the highest answer on the scale."""
        return len(self.choices)

    def scoring(self) -> Item:
        return Item(self.code, self.indicator, self.pole, self.size)


@dataclass(frozen=True)
class QuestionnaireForm:
    """What entry, import, export and the barometer need of one definition."""

    code: str
    version: str
    title: str
    intro: str
    profile: tuple[ProfileFieldSpec, ...]
    items: tuple[ItemSpec, ...]
    #: The démarche's communes, for fields of kind `commune` (empty: any text).
    communes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """« sociabilite 1.0 »."""
        return f"{self.code} {self.version}"

    @cached_property
    def _items_by_code(self) -> dict[str, ItemSpec]:
        return {item.code: item for item in self.items}

    def item(self, code: str) -> ItemSpec | None:
        # Looked up for every answer of every sheet: an import reads millions.
        return self._items_by_code.get(code)

    def field(self, code: str) -> ProfileFieldSpec | None:
        return next((field for field in self.profile if field.code == code), None)

    def scoring(self) -> tuple[Item, ...]:
        """The items as the barometer scores them."""
        return tuple(item.scoring() for item in self.items)


def text_fields(form: QuestionnaireForm) -> list[ProfileFieldSpec]:
    """Profile fields written as text (the commune…): first on the sheet, paper or screen."""
    return [field for field in form.profile if field.kind is not FieldKind.CHOICE]


def choice_fields(form: QuestionnaireForm) -> list[ProfileFieldSpec]:
    """Profile fields answered by one choice (age band…): after the text fields, before the
    statements, on paper as on the entry screen."""
    return [field for field in form.profile if field.kind is FieldKind.CHOICE]


def form_from_definition(
    definition: Mapping[str, Any], communes: Sequence[str] = ()
) -> QuestionnaireForm:
    """The records of a definition already checked by `store.questionnaires.check_definition`."""
    scales = definition.get("scales", {})
    items = []
    for item in definition["items"]:
        scale = scales[item["scale"]]
        items.append(
            ItemSpec(
                code=str(item["code"]),
                text=str(item["text"]),
                indicator=int(item["indicator"]),
                pole=Pole(item["pole"]),
                scale=str(item["scale"]),
                choices=tuple(Choice(str(c["value"]), str(c["label"])) for c in scale["choices"]),
                no_answer=str(scale.get("no_answer", NO_ANSWER_LABEL)),
            )
        )
    profile = tuple(
        ProfileFieldSpec(
            code=str(field["code"]),
            label=str(field["label"]),
            kind=FieldKind(field["type"]),
            choices=tuple(
                Choice(str(c["value"]), str(c["label"])) for c in field.get("choices", [])
            ),
            required=bool(field.get("required", False)),
        )
        for field in definition.get("profile", [])
    )
    return QuestionnaireForm(
        code=str(definition["id"]),
        version=str(definition["version"]),
        title=str(definition["title"]),
        intro=str(definition.get("intro", "")),
        profile=profile,
        items=tuple(items),
        communes=tuple(communes),
    )


def slug(text: str) -> str:
    """« Le Mas-d'Aiguilhe » → « le_mas_d_aiguilhe »: a choice name field-survey tools accept."""
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_") or "x"


# ---------------------------------------------------------------- checking a sheet


def clean_answers(
    form: QuestionnaireForm, answers: Mapping[str, int | None]
) -> tuple[dict[str, int], list[str]]:
    """Every item's answer (0 where none was given), and French problems found on the way."""
    problems = [f"question inconnue : « {code} »" for code in answers if form.item(code) is None]
    cleaned: dict[str, int] = {}
    for item in form.items:
        value = answers.get(item.code)
        if value is None:
            value = NO_ANSWER
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{item.code} : « {value} » n'est pas un nombre")
            continue
        if not NO_ANSWER <= value <= item.size:
            problems.append(
                f"{item.code} : {value} est hors de l'échelle (0 à {item.size}, 0 = sans réponse)"
            )
            continue
        cleaned[item.code] = value
    return cleaned, problems


def clean_profile(
    form: QuestionnaireForm, profile: Mapping[str, object]
) -> tuple[dict[str, str], list[str]]:
    """The profile as stored (values as text, blanks dropped), and French problems.

    A blank field is accepted even when the definition marks it required: the typist copies
    a paper sheet, and cannot make up what the respondent left out.
    """
    problems = [
        f"champ de profil inconnu : « {code} »" for code in profile if form.field(code) is None
    ]
    cleaned: dict[str, str] = {}
    for field in form.profile:
        raw = profile.get(field.code)
        text = "" if raw is None else str(raw)
        try:
            value = profile_value(form, field, text)
        except InvalidInput as exc:
            problems.append(exc.message)
            continue
        if value:
            cleaned[field.code] = value
    return cleaned, problems


def profile_value(form: QuestionnaireForm, field: ProfileFieldSpec, text: str) -> str:
    """The stored value of one profile field typed as `text`; `InvalidInput` in French if none."""
    line = clean_line(text, field=field.label, max_length=MAX_PROFILE_TEXT, required=False)
    if not line:
        return ""
    wanted = fold(line)
    if field.kind is FieldKind.CHOICE:
        for choice in field.choices:
            if wanted in (fold(choice.value), fold(choice.label)):
                return choice.value
        allowed = ", ".join(choice.value for choice in field.choices)
        raise InvalidInput(f"{field.label} : « {line} » n'est pas une réponse possible ({allowed})")
    if field.kind is FieldKind.INTEGER:
        try:
            return str(int(line))
        except ValueError:
            raise InvalidInput(f"{field.label} : « {line} » n'est pas un nombre entier") from None
    if field.kind is FieldKind.COMMUNE:
        # The démarche's spelling, whether typed loosely or as the choice name of an XLSForm.
        for commune in form.communes:
            if wanted in (fold(commune), slug(commune)):
                return commune
    return line


def sheet_number_problem(number: int | None) -> str | None:
    if number is None:
        return None
    if isinstance(number, bool) or not 1 <= number <= MAX_SHEET_NUMBER:
        return f"n° de fiche : un nombre de 1 à {MAX_SHEET_NUMBER} est attendu (lu : {number})"
    return None


def choice_label(choices: Sequence[Choice], value: str) -> str:
    """The label of a stored value, or the value itself when the list does not know it."""
    return next((choice.label for choice in choices if choice.value == value), value)

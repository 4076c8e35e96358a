"""The scenario sketch of workshop 2's debrief: one text per indicator, drafted from intentions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from vitalite_tui.db.models import Scenario
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.domain.notes import check_indicator
from vitalite_tui.domain.scenario import draft_texts, filled
from vitalite_tui.domain.text import clean_text
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.base import as_uuid, demarche_row, writing
from vitalite_tui.store.prospective.records import ScenarioText

if TYPE_CHECKING:
    from vitalite_tui.store.prospective.intentions import Intentions

#: A text per indicator: a few paragraphs, not a book.
MAX_TEXT = 20_000


def _rows(demarche_id: str) -> dict[int, Scenario]:
    """The live row of each indicator (the newest, should two laptops both have made one)."""
    rows = (
        Scenario.select()
        .where(
            (Scenario.demarche == as_uuid(demarche_id))
            & Scenario.deleted_at.is_null()
            & Scenario.indicator.is_null(False)
        )
        .order_by(Scenario.updated_at)
    )
    return {row.indicator: row for row in rows if row.indicator is not None}


def clean_scenario_text(number: int, text: str) -> str:
    cleaned = clean_text(text)
    if len(cleaned) > MAX_TEXT:
        raise InvalidInput(
            f"Scénario, indicateur {number} : {len(cleaned)} caractères, c'est trop long "
            f"(au plus {MAX_TEXT}). Rien n'a été enregistré."
        )
    return cleaned


class Scenarios:
    """The four texts of the scenario sketch, and a first draft made from the intentions."""

    def __init__(self, intentions: Intentions) -> None:
        self._intentions = intentions

    def texts(self, demarche_id: str) -> list[ScenarioText]:
        """The four indicators in order, each with its text ("" when none yet)."""
        demarche_row(demarche_id)
        rows = _rows(demarche_id)
        return [
            ScenarioText(
                shown.number,
                rows[shown.number].text if shown.number in rows else "",
                rows[shown.number].updated_at if shown.number in rows else None,
            )
            for shown in INDICATORS
        ]

    def text_map(self, demarche_id: str) -> dict[int, str]:
        return {item.indicator: item.text for item in self.texts(demarche_id)}

    def save(self, demarche_id: str, texts: Mapping[int, str]) -> list[int]:
        """Store the texts given (indicator → text), all or none; the indicators changed."""
        cleaned = {}
        for number, text in texts.items():
            if check_indicator(number) is None:
                raise InvalidInput("Scénario : indicateur manquant.")
            cleaned[number] = clean_scenario_text(number, text)
        changed = []
        with writing():
            demarche = demarche_row(demarche_id)
            rows = _rows(demarche_id)
            for number, text in sorted(cleaned.items()):
                row = rows.get(number)
                if row is None:
                    if not text:
                        continue
                    Scenario.create(demarche=demarche, indicator=number, text=text)
                elif row.text != text:
                    row.text = text
                    row.save()
                else:
                    continue
                changed.append(number)
        return changed

    def proposals(self, demarche_id: str) -> dict[int, str]:
        """A first text per indicator from the intentions tagged with it ("" when none)."""
        return draft_texts(self._intentions.titles_by_indicator(demarche_id))

    def draft(self, demarche_id: str, *, replace: bool = False) -> dict[int, str]:
        """Write the proposals where no text is written yet (everywhere with `replace`);
        the four texts as they now are. A text already written is never overwritten
        unless asked, and an indicator without intention keeps its text."""
        current = self.text_map(demarche_id)
        texts = filled(current, self.proposals(demarche_id), replace=replace)
        self.save(demarche_id, {n: t for n, t in texts.items() if t != current[n]})
        return texts

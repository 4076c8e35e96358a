"""Sheet numbers printed on paper questionnaires, remembered so that no number is issued twice.

The ranges live in the démarche's settings (see domain/printed_sheets.py); a bundle's
merge keeps those of both laptops (store/exchange/hooks.py). A print run
without a first number continues after the highest number printed or typed; one asked to
start on a number already printed, or typed, is refused and told where the free ones begin.
"""

from __future__ import annotations

from peewee import fn

from vitalite_tui.db.models import Demarche, Response
from vitalite_tui.domain.printed_sheets import printed_ranges, with_printed
from vitalite_tui.domain.questionnaire_form import MAX_SHEET_NUMBER
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.base import demarche_row, writing

#: One print run at most: a pile bigger than this is a typing slip (« 2000 » for « 200 »).
MAX_RUN = 1000


def _highest_typed(demarche: Demarche) -> int:
    highest = (
        Response.select(fn.MAX(Response.sheet_number))
        .where((Response.demarche == demarche) & Response.deleted_at.is_null())
        .scalar()
    )
    return int(highest or 0)


def _typed_between(demarche: Demarche, first: int, last: int) -> int | None:
    """The lowest number of a live sheet typed in [first, last], if any."""
    found = (
        Response.select(fn.MIN(Response.sheet_number))
        .where(
            (Response.demarche == demarche)
            & Response.deleted_at.is_null()
            & Response.sheet_number.between(first, last)
        )
        .scalar()
    )
    return None if found is None else int(found)


class PrintedNumbers:
    """The numbers of the paper sheets printed for a démarche."""

    def ranges(self, demarche_id: str) -> list[tuple[int, int]]:
        return printed_ranges(demarche_row(demarche_id).settings)

    def next_free(self, demarche_id: str) -> int:
        """One more than the highest number printed or typed."""
        demarche = demarche_row(demarche_id)
        printed = max((last for _, last in printed_ranges(demarche.settings)), default=0)
        return max(printed, _highest_typed(demarche)) + 1

    def reserve(self, demarche_id: str, count: int, first: int | None = None) -> range:
        """Numbers for `count` new sheets, remembered at once; `InvalidInput` in French when
        one of them was already printed or typed (nothing is remembered then)."""
        if not 1 <= count <= MAX_RUN:
            raise InvalidInput(f"Nombre de fiches : de 1 à {MAX_RUN} par impression.")
        with writing():
            demarche = demarche_row(demarche_id)
            ranges = printed_ranges(demarche.settings)
            start = self.next_free(demarche_id) if first is None else first
            last = start + count - 1
            if start < 1 or last > MAX_SHEET_NUMBER:
                raise InvalidInput(f"Les numéros de fiche vont de 1 à {MAX_SHEET_NUMBER}.")
            taken = [(a, b) for a, b in ranges if a <= last and start <= b]
            if taken:
                a, b = taken[0]
                raise InvalidInput(
                    f"Les fiches n° {a} à {b} sont déjà imprimées : aucun numéro ne sert deux "
                    f"fois. Reprenez à partir du n° {self.next_free(demarche_id)} (ou sans "
                    "--from, la suite vient d'elle-même)."
                )
            typed = _typed_between(demarche, start, last)
            if typed is not None:
                raise InvalidInput(
                    f"La fiche n° {typed} est déjà saisie : aucun numéro ne sert deux fois. "
                    f"Reprenez à partir du n° {self.next_free(demarche_id)}."
                )
            demarche.settings = with_printed(
                dict(demarche.settings or {}), [*ranges, (start, last)]
            )
            demarche.save()
        return range(start, last + 1)

    def release(self, demarche_id: str, numbers: range) -> None:
        """Forget a run whose paper was never written (the file could not be saved)."""
        with writing():
            demarche = demarche_row(demarche_id)
            wanted = (numbers.start, numbers.stop - 1)
            kept = [run for run in printed_ranges(demarche.settings) if run != wanted]
            demarche.settings = with_printed(dict(demarche.settings or {}), kept)
            demarche.save()

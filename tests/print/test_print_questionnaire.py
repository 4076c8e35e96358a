"""The printed questionnaire read back: every statement, commune and choice, one sheet a page,
the numbers remembered so that no print run reuses one, nothing lost when a write fails."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from support.filesystems import mounted_tmpfs
from support.pdf import flat, fragments, in_order, page_sizes, pages_text

from vitalite_tui.domain.questionnaire_form import choice_fields
from vitalite_tui.errors import InvalidInput, VitaliteError
from vitalite_tui.print.questionnaire import (
    TEXT_SIZE,
    print_questionnaire,
    questionnaire_sheets,
)
from vitalite_tui.store import Store
from vitalite_tui.store.questionnaire.records import SheetDraft

A4 = (595, 842)


def test_every_statement_commune_and_choice_on_each_numbered_sheet(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    printed = print_questionnaire(store, demarche_id, out=tmp_path, count=3, first=7)
    form = store.responses.form(demarche_id)
    pages = pages_text(printed.path)
    assert printed.pages == len(pages) == 3  # one respondent per sheet
    assert page_sizes(printed.path) == [A4] * 3
    for number, page in zip((7, 8, 9), pages, strict=True):
        assert f"N° {number:04d}" in page
        in_order(page, form.communes)
        for field in choice_fields(form):
            in_order(page, [field.label, *(choice.label for choice in field.choices)])
        # The statements in the order of the definition, i.e. of the entry screen.
        places = in_order(page, [item.text for item in form.items])
        assert places == sorted(places)
        assert form.intro.split(".")[0] in page
    # Every statement in the same type, the first one too (not the scale heading's).
    ranked = [f for f in fragments(printed.path) if re.match(r"\d+\. ", f.text)]
    assert len(ranked) == len(form.items)
    assert {f.size for f in ranked} == {TEXT_SIZE}
    assert printed.path.parent == tmp_path
    assert printed.summary == "3 fiches n° 7 à 9"


def test_two_runs_never_share_a_number(store: Store, demarche_id: str, tmp_path: Path) -> None:
    store.responses.save_sheet(demarche_id, SheetDraft(4, {"commune": "Lagrasse"}, {}))
    first = print_questionnaire(store, demarche_id, out=tmp_path, count=5)
    # Without --from: after the highest number typed (4) or printed.
    assert "N° 0005" in pages_text(first.path)[0]
    second = print_questionnaire(store, demarche_id, out=tmp_path, count=2)
    assert ["N° 0010" in p for p in pages_text(second.path)] == [True, False]
    assert store.printed_numbers.ranges(demarche_id) == [(5, 9), (10, 11)]
    # Asked to start on a number printed (or typed) already: refused, nothing remembered.
    with pytest.raises(InvalidInput, match=r"n° 5 à 9 sont déjà imprimées.*n° 12"):
        print_questionnaire(store, demarche_id, out=tmp_path, count=3, first=8)
    with pytest.raises(InvalidInput, match=r"fiche n° 4 est déjà saisie"):
        print_questionnaire(store, demarche_id, out=tmp_path, count=3, first=2)
    assert store.printed_numbers.ranges(demarche_id) == [(5, 9), (10, 11)]
    assert len(list(tmp_path.glob("*.pdf"))) == 2


def test_blank_variant_reserves_nothing(store: Store, demarche_id: str, tmp_path: Path) -> None:
    printed = print_questionnaire(store, demarche_id, out=tmp_path, blank=True, count=2)
    pages = pages_text(printed.path)
    assert len(pages) == 2
    assert all("N° ________" in page for page in pages)
    assert store.printed_numbers.ranges(demarche_id) == []


def test_a_full_disk_keeps_the_numbers_free(store: Store, demarche_id: str, tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "stick", size="12k") as stick:
        with pytest.raises(VitaliteError, match="Le document n'a pas pu être écrit"):
            print_questionnaire(store, demarche_id, out=stick, count=4)
        assert [p.name for p in stick.iterdir()] == []  # no partial file left behind
    # Nothing was printed: the same numbers are issued by the next run.
    assert store.printed_numbers.ranges(demarche_id) == []
    again = print_questionnaire(store, demarche_id, out=tmp_path, count=4)
    assert again.summary == "4 fiches n° 1 à 4"


def test_a_long_statement_never_splits_across_pages(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    form = store.responses.form(demarche_id)
    # A definition of long statements: a sheet takes several pages, each statement whole
    # on one of them with its boxes (never its last lines alone at the top of the next).
    wordy = "et puis encore, dans les hameaux les plus éloignés du bourg, "
    items = tuple(
        replace(item, text=f"{item.text} {wordy * (1 + index % 6)}({index})")
        for index, item in enumerate(form.items * 2)
    )
    pdf = questionnaire_sheets(replace(form, items=items), "Val", [1], intro=True)
    pages = pages_text(pdf.write_to(tmp_path, "long.pdf", "").path)
    assert len(pages) > 2
    for item in items:
        assert sum(flat(item.text) in page for page in pages) == 1, item.text[-4:]

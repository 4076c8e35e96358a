"""The Excel workbook, read back with openpyxl: sheets, tables, types, safety, atomicity."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.writer.excel import ExcelWriter
from support.workbook import cells_of, records, summed, table_of, xml_parts

from vitalite_tui.db.models import Note
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.formats import atomic
from vitalite_tui.formats.cells import (
    EXCEL_MAX_TEXT,
    TRUNCATED,
    clean_text,
    excel_length,
    local_time,
)
from vitalite_tui.formats.naming import slug, workbook_name
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.preparation.records import ParticipantDraft, WorkshopPlan
from vitalite_tui.workbook import ExportFailed, ExportResult, export_workbook, registry

ROOT = Path(__file__).resolve().parents[2]

SHEET_TITLES = [
    "Synthèse",
    "Préparation",
    "Participants",
    "Présences",
    "Contributions",
    "Corrections",
    "Équilibre de parole",
    "Parole par personne",
    "Baromètre",
    "Questionnaire",
    "Questionnaire (long)",
    "Codebook questionnaire",
    "Baromètre ressenti",
    "Images",
    "Axes",
    "Tendances",
    "Intentions",
    "Scénario",
    "Actions et votes",
    "Votes",
    "Fiches actions",
    "Charte",
    "Registre RGPD",
]

#: Sheet title → the name of its table.
TABLES = {
    "Participants": "Participants",
    "Présences": "Presences",
    "Contributions": "Contributions",
    "Corrections": "Corrections",
    "Équilibre de parole": "EquilibreParole",
    "Parole par personne": "ParoleParPersonne",
    "Baromètre": "Barometre",
    "Questionnaire": "Questionnaire",
    "Questionnaire (long)": "QuestionnaireLong",
    "Codebook questionnaire": "Codebook",
    "Baromètre ressenti": "BarometreRessenti",
    "Images": "Images",
    "Axes": "Axes",
    "Tendances": "Tendances",
    "Intentions": "Intentions",
    "Scénario": "Scenario",
    "Actions et votes": "ActionsVotes",
    "Votes": "Votes",
    "Charte": "Charte",
}

#: Tables that always have rows: the codebook describes the questionnaire even before a sheet;
#: the scenario has one line per indicator, its text still to write.
ALWAYS_FILLED = {"Codebook questionnaire", "Scénario"}

CONTRIBUTION_HEADERS = [
    "Atelier",
    "Séance",
    "Sous-groupe",
    "Code",
    "Collège",
    "Nom de l'indicateur",
    "Pôle",
    "Type",
    "Texte",
    "Tour",
    "Question",
    "Indicateur",
    "Nom du pôle",
    "Heure",
    "Modifiée",
]

#: Texts a spreadsheet would read as formulas if they were not stored as text.
RISKY = ["=SUM(A1)", "+33 6 12 34 56 78", "-tiret en début de note", "@mention du maire"]

ILLEGAL = "bip\x07 et\x1f fin"
LONG = "x" * 40_000


@dataclass(frozen=True)
class Person:
    name: str
    college: College
    commune: str
    organisation: str
    named: bool  # agreed that their name appears in documents


#: Names nobody would write by chance in a note: any trace of them in a file is a leak.
PEOPLE = (
    Person("Zéphyrine Altabrac", College.ELU, "Lagrasse", "Mairesse de Lagrasse", True),
    Person("Barnabé Quillerouge", College.ELU, "Fabrezan", "Adjoint de Fabrezan", False),
    Person("Ombeline Fracasse", College.ACTEUR, "Ribaute", "Foyer rural de Ribaute", True),
    Person("Théodric Vasselin", College.ACTEUR, "Lagrasse", "Épicerie Vasselin", False),
    Person("Philomène Gravejat", College.HABITANT, "Fabrezan", "", True),
    Person("Anatole Brisecou", College.HABITANT, "Ribaute", "", False),
    Person("Sidonie Malterre", College.HABITANT, "Lagrasse", "Club Malterre", False),
    Person("Eudes Pontcarral", College.ELU, "Ribaute", "Maire de Ribaute", True),
)


@dataclass(frozen=True)
class Scene:
    demarche_id: str
    ids: list[str]  # in the order of PEOPLE
    special: dict[str, str]  # what kind of note → its id


def _set_text(note_id: str, text: str) -> None:
    """Write a text the app itself would refuse (control characters, 40,000 characters)."""
    Note.update(text=text).where(Note.id == as_uuid(note_id)).execute()


def make_scene(store: Store, demarche_id: str) -> Scene:
    """Two workshops: attendance, sub-groups, rounds, notes (risky ones too), passes."""
    ids = [
        store.participants.add(
            demarche_id,
            ParticipantDraft(
                p.name,
                p.college,
                p.commune,
                p.organisation,
                contact="06 00 00 00 00",
                consent_data=True,
                consent_named=p.named,
            ),
        )
        for p in PEOPLE
    ]
    for pid in ids[:7]:
        store.workshops.set_present(demarche_id, 1, pid, True)
    for pid in ids[2:]:
        store.workshops.set_present(demarche_id, 2, pid, True)  # ids[7]: a newcomer
    special: dict[str, str] = {}
    first, second = store.subgroups.form(demarche_id, 1, count=2)
    capture = store.capture
    round1 = capture.start_round(first.id, "Où vous retrouvez-vous ?", 20)
    speakers = [m.id for m in first.members]
    for index, text in enumerate(RISKY):
        speaker = speakers[index % len(speakers)]
        special[text] = capture.save_note(round1.id, speaker, text, None, 1, Pole.VITALITY).id
    capture.record_pass(round1.id, speakers[-1])
    special["anonymous"] = capture.save_note(round1.id, None, "Une idée sans nom").id
    special["illegal"] = capture.save_note(round1.id, speakers[0], "placeholder", None, 2).id
    special["long"] = capture.save_note(round1.id, speakers[0], "placeholder long").id
    round2 = capture.start_round(second.id, "Qu'est-ce qui vous manque ?", 20)
    for speaker in (m.id for m in second.members):
        capture.save_note(round2.id, speaker, "Le car du mardi", None, 3, Pole.DEPRESSION)
    edited = capture.save_note(round2.id, second.members[0].id, "Avant correction")
    capture.edit_note(edited.id, "Après correction", None, 4, Pole.VITALITY)
    special["edited"] = edited.id
    removed = capture.save_note(round2.id, second.members[0].id, "Note retirée")
    capture.remove_note(removed.id)
    (group,) = store.subgroups.form(demarche_id, 2, count=1)
    round3 = capture.start_round(group.id, "Quelles tendances ?", 20)
    capture.save_note(round3.id, group.members[0].id, "Le télétravail arrive")
    _set_text(special["illegal"], ILLEGAL)
    _set_text(special["long"], LONG)
    return Scene(demarche_id, ids, special)


@pytest.fixture
def scene(store: Store, demarche_id: str) -> Scene:
    return make_scene(store, demarche_id)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "classeurs"


def export(store: Store, scene: Scene, out: Path, **options: Any) -> tuple[ExportResult, Workbook]:
    result = export_workbook(store, scene.demarche_id, out, **options)
    return result, load_workbook(result.path)


# ---------------------------------------------------------------- structure


def test_every_sheet_is_there_in_order_with_a_real_table(
    store: Store, scene: Scene, out: Path
) -> None:
    result, book = export(store, scene, out)
    assert book.sheetnames == SHEET_TITLES
    assert [s.title for s in result.sheets] == SHEET_TITLES
    for title, name in TABLES.items():
        sheet = book[title]
        (table,) = sheet.tables.values()
        assert table.name == name
        assert table.ref.startswith("A1:")
        assert table.autoFilter is not None
        assert table.autoFilter.ref == table.ref
        assert table.tableStyleInfo.name == "TableStyleMedium2"
        assert table.tableStyleInfo.showRowStripes
        assert [c.name for c in table.tableColumns] == table_of(sheet)[0]
        assert sheet.freeze_panes == "A2"
        widths = [sheet.column_dimensions[c].width for c in "ABC"]
        assert all(6 <= width <= 80 for width in widths)
    assert table_of(book["Contributions"])[0] == CONTRIBUTION_HEADERS
    assert book.properties.creator == "vitalite-tui"
    assert book.properties.title == "Vitalité sociale — CC du Val d'Orbieu"


def test_the_file_is_named_after_the_territory_and_the_day(
    store: Store, scene: Scene, out: Path
) -> None:
    result, _ = export(store, scene, out)
    assert result.path == (out / f"vitalite-cc-du-val-d-orbieu-{date.today()}.xlsx").absolute()
    assert slug("Communauté de communes « Corbières »  Minervois ") == (
        "communaute-de-communes-corbieres-minervois"
    )
    assert slug("!!!") == "demarche"
    assert workbook_name("Val", date(2026, 10, 15), 3) == "vitalite-val-2026-10-15-atelier-3.xlsx"


def test_row_counts_match_the_store(store: Store, scene: Scene, out: Path) -> None:
    result, book = export(store, scene, out)
    d = scene.demarche_id
    present = sum(len(store.workshops.present(d, n)) for n in (1, 2, 3, 4))
    notes = sum(len(store.capture.workshop_notes(d, n)) for n in (1, 2, 3, 4))
    expected = {
        "Participants": store.participants.counts(d).total,
        "Présences": present,
        "Contributions": notes,
        "Parole par personne": present,
        # Three collèges per sub-group, and one more row where anonymous notes were taken.
        "Équilibre de parole": 3 * 3 + 1,
    }
    for title, count in expected.items():
        assert len(table_of(book[title])[1]) == count, title
        assert result.rows(title) == count
    second = store.subgroups.all(d, 1)[1]
    # Round 1: the risky four, anonymous, illegal, long; round 2: one each and the edited
    # one (not the removed one); workshop 2: one.
    assert notes == 7 + len(second.members) + 1 + 1


def test_speaking_balance_matches_the_capture_screen(store: Store, scene: Scene, out: Path) -> None:
    _, book = export(store, scene, out)
    rows = records(book["Équilibre de parole"])
    for number in (1, 2):
        for group in store.subgroups.all(scene.demarche_id, number):
            balance = store.capture.balance(group.id)
            for college in College:
                (row,) = [
                    r
                    for r in rows
                    if r["Atelier"] == number
                    and r["Sous-groupe"] == group.name
                    and r["Collège"] == college.label
                ]
                tally = balance.colleges[college]
                assert (row["Tours de parole"], row["Notes"], row["Passes"]) == (
                    tally.turns,
                    tally.notes,
                    tally.passes,
                )
                members = sum(1 for m in group.members if m.college is college)
                assert row["Membres"] == members
    people = records(book["Parole par personne"])
    codes = {p.id: p.code for p in store.participants.all(scene.demarche_id)}
    for number in (1, 2):
        balance = store.capture.workshop_balance(scene.demarche_id, number)
        for person in balance.people:
            (row,) = [
                r
                for r in people
                if r["Atelier"] == number and r["Code"] == codes[person.participant_id]
            ]
            assert (row["Tours de parole"], row["Notes"], row["Passes"]) == (
                person.turns,
                person.notes,
                person.passes,
            )
            assert row["A pris la parole"] == ("oui" if person.has_spoken else "non")


def test_dates_are_dates_and_numbers_are_numbers(store: Store, scene: Scene, out: Path) -> None:
    plan = WorkshopPlan(1, date(2026, 10, 15), None, None, "Salle des fêtes")
    store.planning.save(scene.demarche_id, plan)
    _, book = export(store, scene, out)
    notes = {n.text: n for n in store.capture.workshop_notes(scene.demarche_id, 1)}
    contributions = records(book["Contributions"])
    for row in contributions:
        assert isinstance(row["Atelier"], int)
        assert isinstance(row["Tour"], int)
        assert isinstance(row["Heure"], datetime)
    (first,) = [r for r in contributions if r["Texte"] == "=SUM(A1)"]
    said = local_time(notes["=SUM(A1)"].created_at)
    assert abs(first["Heure"] - said) < timedelta(milliseconds=1)  # Excel keeps milliseconds
    assert first["Indicateur"] == 1
    assert first["Pôle"] == "vitalité"
    assert first["Nom du pôle"] == "Rendez-vous"
    heure = cells_of(book["Contributions"], "Heure")[0]
    assert heure.number_format == "DD/MM/YYYY HH:MM"
    presences = records(book["Présences"])
    assert {type(r["Atelier"]) for r in presences} == {int}
    assert all(r["Date"] == datetime(2026, 10, 15) for r in presences if r["Atelier"] == 1)
    shares = cells_of(book["Équilibre de parole"], "Part des tours")
    formats = [c.number_format for c in shares if c.value is not None]
    assert len(formats) == 10  # 3 sub-groups × 3 collèges, and the anonymous row
    assert set(formats) == {"0%"}
    assert all(isinstance(c.value, (int, float)) for c in shares if c.value is not None)
    followed = [r["Ateliers suivis"] for r in records(book["Participants"])]
    assert followed == [1, 1, 2, 2, 2, 2, 2, 1]


def test_notes_are_attributed_by_code_and_anonymous_ones_say_so(
    store: Store, scene: Scene, out: Path
) -> None:
    _, book = export(store, scene, out)
    rows = records(book["Contributions"])
    (anonymous,) = [r for r in rows if r["Texte"] == "Une idée sans nom"]
    assert anonymous["Code"] == "anonyme"
    assert anonymous["Collège"] is None
    (edited,) = [r for r in rows if r["Texte"] == "Après correction"]
    assert edited["Modifiée"] == "oui"
    assert all(r["Code"] == "anonyme" or r["Code"].startswith("P") for r in rows)
    assert "Note retirée" not in [r["Texte"] for r in rows]


# ---------------------------------------------------------------- safety


def test_text_that_looks_like_a_formula_stays_text(store: Store, scene: Scene, out: Path) -> None:
    result, book = export(store, scene, out)
    texts = {cell.value: cell for cell in cells_of(book["Contributions"], "Texte")}
    for risky in RISKY:
        cell = texts[risky]  # the value is unchanged…
        assert cell.data_type == "s", risky  # …and stored as text, not as a formula
        assert cell.quotePrefix, risky  # Excel keeps it text even once edited
    sheets = [xml for part, xml in xml_parts(result.path) if part.startswith("xl/worksheets/sh")]
    assert len(sheets) == len(SHEET_TITLES)
    # The only formulas are the workbook's own sums over a column of cells.
    formulas = [f for xml in sheets for f in re.findall(r"<f[ >](.*?)</f>", xml)]
    assert formulas
    assert all(re.fullmatch(r"SUM\([A-Z]+\d+:[A-Z]+\d+\)", f) for f in formulas), formulas


def test_characters_excel_refuses_go_but_the_row_stays(
    store: Store, scene: Scene, out: Path
) -> None:
    _, book = export(store, scene, out)
    texts = [r["Texte"] for r in records(book["Contributions"])]
    assert "bip et fin" in texts
    assert clean_text(ILLEGAL) == ("bip et fin", None)


def test_text_over_excels_limit_is_cut_with_a_marker_and_a_warning(
    store: Store, scene: Scene, out: Path
) -> None:
    result, book = export(store, scene, out)
    (cut,) = [
        t for t in (r["Texte"] for r in records(book["Contributions"])) if t.startswith("xxx")
    ]
    assert cut.endswith(TRUNCATED)
    assert len(cut) == EXCEL_MAX_TEXT
    (warning,) = result.warnings
    assert warning.startswith("Contributions, ligne ")
    assert "40\u202f000 caractères" in warning
    assert "limite d'Excel" in warning


def test_excels_limit_counts_utf16_units() -> None:
    emoji = "😀" * 20_000  # 40,000 units for Excel, 20,000 characters for Python
    assert excel_length(emoji) == 40_000
    text, original = clean_text(emoji)
    assert original == 20_000
    assert excel_length(text) <= EXCEL_MAX_TEXT
    assert text.endswith(TRUNCATED)
    assert clean_text("court") == ("court", None)


def test_no_name_anywhere_in_the_file_by_default(store: Store, scene: Scene, out: Path) -> None:
    result, book = export(store, scene, out)
    assert "Nom" not in table_of(book["Participants"])[0]
    leaks = [
        (part, text)
        for part, xml in xml_parts(result.path)
        for person in PEOPLE
        for text in (person.name, person.organisation, "06 00 00 00 00")
        if text and (text in xml or escape(text) in xml)
    ]
    assert leaks == []


def test_with_names_shows_only_those_who_agreed(store: Store, scene: Scene, out: Path) -> None:
    result, book = export(store, scene, out, with_names=True)
    rows = records(book["Participants"])
    assert [r["Nom"] for r in rows] == [p.name if p.named else None for p in PEOPLE]
    assert [r["Structure ou rôle"] for r in rows] == [
        p.organisation if p.named and p.organisation else None for p in PEOPLE
    ]
    everything = "".join(xml for _, xml in xml_parts(result.path))
    for person in PEOPLE:
        assert (person.name in everything) is person.named, person.name
    assert "06 00 00 00 00" not in everything  # contacts never leave the base
    register = {row[0].value: row[1].value for row in book["Registre RGPD"].iter_rows(min_row=3)}
    assert register["Noms"].startswith("Oui, à la demande")
    assert "4 sur 8" in register["Noms"]


def test_the_register_says_what_the_file_holds(store: Store, scene: Scene, out: Path) -> None:
    _, book = export(store, scene, out)
    register = {row[0].value: row[1].value for row in book["Registre RGPD"].iter_rows(min_row=3)}
    assert register["Noms"].startswith("Aucun : chaque participant est désigné par un code")
    for title in ("Participants", "Présences", "Contributions", "Parole par personne"):
        assert f"{title} : " in register["Feuilles concernées"]
    assert "Équilibre de parole" not in register["Feuilles concernées"]
    assert "nom dans les documents : 4 sur 8" in register["Accords recueillis"]
    assert "Supprimer ce fichier" in register["Purger"]


# ---------------------------------------------------------------- scope and emptiness


def test_one_workshop_only(store: Store, scene: Scene, out: Path) -> None:
    result, book = export(store, scene, out, workshop=2)
    assert result.path.name.endswith(f"{date.today()}-atelier-2.xlsx")
    header, rows = table_of(book["Participants"])
    assert "Atelier 2" in header
    assert "Atelier 1" not in header
    assert len(rows) == 6  # those present at workshop 2
    assert {r["Atelier"] for r in records(book["Contributions"])} == {2}
    assert [r["Texte"] for r in records(book["Contributions"])] == ["Le télétravail arrive"]
    presences = records(book["Présences"])
    assert [r["Nouveau venu"] for r in presences].count("oui") == 1
    assert book["Synthèse"]["B5"].value == "atelier 2 seulement"


def test_unknown_workshop_or_demarche_is_refused_before_writing(
    store: Store, scene: Scene, out: Path
) -> None:
    with pytest.raises(InvalidInput, match="Atelier 5 inconnu"):
        export_workbook(store, scene.demarche_id, out, workshop=5)
    with pytest.raises(NotFound):
        export_workbook(store, "00000000-0000-0000-0000-000000000000", out)
    assert not out.exists()


def test_an_empty_demarche_still_has_every_sheet_saying_so(
    store: Store, demarche_id: str, out: Path
) -> None:
    result = export_workbook(store, demarche_id, out)
    book = load_workbook(result.path)
    assert book.sheetnames == SHEET_TITLES
    for title in TABLES.keys() - ALWAYS_FILLED:
        sheet = book[title]
        assert table_of(sheet)[1] == []
        assert result.rows(title) == 0
        (table,) = sheet.tables.values()
        assert table.ref.endswith("2")  # header and one empty row: Excel wants one
        assert "pour l'instant" in str(sheet["A3"].value)
    assert book["Synthèse"]._charts == []


def test_the_summary_carries_the_figures_and_a_chart(store: Store, scene: Scene, out: Path) -> None:
    _, book = export(store, scene, out)
    sheet = book["Synthèse"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Vitalité sociale — CC du Val d'Orbieu"
    labels = {row[0]: row[1:] for row in values if row and row[0]}
    assert labels["Participants inscrits"][:4] == [8, 3, 2, 3]
    notes = sum(len(store.capture.workshop_notes(scene.demarche_id, n)) for n in (1, 2))
    assert labels["Contributions"][0] == notes
    assert labels["Atelier 1"][2:7] == [7, 2, 2, 3, 0]  # présents, élus, acteurs, hab., nouveaux
    assert isinstance(labels["Classeur produit le"][0], datetime)
    (chart,) = sheet._charts
    assert len(chart.series) == 3  # élus, acteurs, habitants
    # Totals as sums Excel works out: every note counted once, by pole and in all.
    rows = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    by_indicator = rows["Sans indicateur"][0].row + 1
    assert sheet.cell(by_indicator, 1).value == "Total"
    assert summed(sheet, f"F{by_indicator}") == notes
    poles = sum(summed(sheet, f"{column}{by_indicator}") for column in "CDE")
    assert poles == notes
    after = rows["Atelier 1"][0].row
    workshops = next(r for r in range(after, sheet.max_row) if sheet[f"A{r}"].value == "Total")
    assert summed(sheet, f"J{workshops}") == notes  # contributions, across the workshops


# ---------------------------------------------------------------- atomicity


def _no_temporary_files(folder: Path) -> None:
    assert [p.name for p in folder.iterdir() if p.name.startswith(atomic.TEMP_PREFIX)] == []


def test_a_failure_while_building_keeps_the_previous_export(
    store: Store, scene: Scene, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = export(store, scene, out)
    before = first.path.read_bytes()
    store.capture.save_note(
        store.capture.rounds(store.subgroups.all(scene.demarche_id, 1)[0].id)[0].id,
        None,
        "Une note de plus",
    )

    def broken(*_: object) -> None:
        raise RuntimeError("panne au milieu de l'écriture")

    sheets = list(registry.SHEETS)
    sheets[4] = registry.SheetSpec(sheets[4].title, broken)
    monkeypatch.setattr(registry, "SHEETS", tuple(sheets))
    with pytest.raises(RuntimeError, match="panne"):
        export_workbook(store, scene.demarche_id, out)
    assert first.path.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [first.path.name]


def test_a_failure_while_saving_keeps_the_previous_export(
    store: Store, scene: Scene, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = export(store, scene, out)
    before = first.path.read_bytes()

    def disk_full(self: ExcelWriter) -> None:
        self._archive.writestr("xl/half.xml", b"half a file")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ExcelWriter, "save", disk_full)
    with pytest.raises(ExportFailed, match="disque plein") as raised:
        export_workbook(store, scene.demarche_id, out)
    assert "l'export précédent, s'il y en a un, est intact" in raised.value.message
    assert first.path.read_bytes() == before
    _no_temporary_files(out)


def test_a_locked_file_is_kept_and_the_new_one_gets_the_time(
    store: Store, scene: Scene, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = export(store, scene, out)
    before = first.path.read_bytes()
    real_replace = os.replace
    # The second export goes beside the first (« -2 »); say Windows refuses that name.
    refused = first.path.with_name(f"{first.path.stem}-2.xlsx")

    def excel_has_it_open(source: Any, target: Any) -> None:
        if Path(target) == refused:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", excel_has_it_open)
    second = export_workbook(store, scene.demarche_id, out)
    assert second.renamed
    assert second.path != first.path
    assert second.path.name.startswith(refused.stem + "-")
    assert len(second.path.stem) == len(refused.stem) + len("-HHMMSS")
    assert "n'a pas pu être remplacé (ouvert dans Excel ?)" in second.warnings[0]
    assert second.path.name in second.warnings[0]
    assert first.path.read_bytes() == before
    load_workbook(second.path)  # a complete workbook
    _no_temporary_files(out)


def test_a_folder_that_cannot_be_written_is_said_in_french(
    store: Store, scene: Scene, tmp_path: Path
) -> None:
    blocker = tmp_path / "un-fichier"
    blocker.write_text("")
    with pytest.raises(ExportFailed, match="Impossible de créer le dossier") as raised:
        export_workbook(store, scene.demarche_id, blocker / "exports")
    assert "--out" in raised.value.message


def test_progress_is_reported_sheet_by_sheet(store: Store, scene: Scene, out: Path) -> None:
    steps: list[tuple[int, int, str]] = []
    export_workbook(
        store, scene.demarche_id, out, progress=lambda s, t, label: steps.append((s, t, label))
    )
    total = len(SHEET_TITLES) + 1
    assert [label for _, _, label in steps[:-2]] == SHEET_TITLES
    assert steps[-2] == (len(SHEET_TITLES), total, "Enregistrement du fichier")
    assert steps[-1] == (total, total, "")


# ---------------------------------------------------------------- lazy import, LibreOffice


def test_cli_store_and_workbook_package_do_not_load_openpyxl() -> None:
    code = (
        "import sys, vitalite_tui.cli.app, vitalite_tui.store, vitalite_tui.store.reports.exports\n"
        "import vitalite_tui.workbook\n"
        "print([m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'textual')])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    assert out.strip() == "[]"


@pytest.mark.slow
def test_libreoffice_opens_the_workbook(store: Store, scene: Scene, out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice absent (soffice introuvable) : conversion en PDF non vérifiée.")
    result, _ = export(store, scene, out)
    pdf_dir = out / "pdf"
    profile = out / "profil-libreoffice"  # its own profile: no clash with a running copy
    completed = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdf_dir),
            str(result.path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf = pdf_dir / result.path.with_suffix(".pdf").name
    assert completed.returncode == 0, completed.stderr
    assert pdf.exists(), completed.stdout + completed.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 10_000


def test_the_workbook_layer_stays_headless_and_off_the_database() -> None:
    code = (
        "import sys, vitalite_tui.workbook.writer\n"
        "print([m for m in sys.modules if m.split('.')[0] == 'textual'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    assert out.strip() == "[]"
    sources = (ROOT / "vitalite_tui" / "workbook").rglob("*.py")
    offenders = [
        path.name
        for path in sources
        for banned in ("textual", "peewee", "vitalite_tui.db")
        if f"import {banned}" in path.read_text(encoding="utf-8")
        or f"from {banned}" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []

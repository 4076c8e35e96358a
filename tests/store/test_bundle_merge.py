"""Reading bundles: rows matched by id, the later change kept, the other text kept too,
deletions travelling, one thing made twice made one, and every refusal leaving the base as
it was."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.bundles import Laptops, canonical, file_state

from vitalite_tui.db.models import (
    Attendance,
    CharterArticle,
    Demarche,
    KeptVersion,
    Note,
    Participant,
    Questionnaire,
    Workshop,
)
from vitalite_tui.demo import create_demo
from vitalite_tui.domain.colleges import College
from vitalite_tui.formats.bundle import BundleRefused
from vitalite_tui.store import Store
from vitalite_tui.store.charter.records import ArticleDraft
from vitalite_tui.store.exchange.tables import PARENTS, table_specs
from vitalite_tui.store.preparation.records import ParticipantDraft


@dataclass
class Evening:
    demarche_id: str
    people: list[str]
    #: The first round of each sub-group.
    rounds: list[str]


def prepare(laptops: Laptops, groups: int = 2, territory: str = "CC du Val d'Orbieu") -> Evening:
    """The hub's démarche: six people present at workshop 1, in sub-groups with a round each."""
    hub = laptops.open("hub")
    demarche_id = hub.demarches.create(territory, "Lagrasse, Fabrezan")
    people = []
    for i in range(6):
        draft = ParticipantDraft(f"Personne {i}", list(College)[i % 3], "Lagrasse")
        person = hub.participants.add(demarche_id, draft)
        hub.workshops.set_present(demarche_id, 1, person, True)
        people.append(person)
    formed = hub.subgroups.form(demarche_id, 1, count=groups)
    rounds = [hub.capture.start_round(g.id, "Où vous retrouvez-vous ?", 20).id for g in formed]
    return Evening(demarche_id, people, rounds)


@pytest.fixture
def evening(laptops: Laptops) -> Evening:
    return prepare(laptops)


def handed_to(laptops: Laptops, evening: Evening, *names: str) -> None:
    bundle = laptops.write("hub", evening.demarche_id)
    for name in names:
        laptops.read(name, bundle)


def test_a_bundle_brings_a_demarche_to_a_new_laptop(laptops: Laptops, evening: Evening) -> None:
    bundle = laptops.write("hub", evening.demarche_id)
    # After writing: the démarche records the codes its bundle carried (`mark_carried`).
    expected = laptops.dump("hub", evening.demarche_id)
    (report,) = laptops.read("a", bundle)
    assert report.created
    assert report.demarche_name == "CC du Val d'Orbieu"
    assert report.added == sum(len(rows) for rows in expected.values())
    assert (report.updated, report.conflicts) == (0, [])
    assert laptops.dump("a", evening.demarche_id) == expected
    a = laptops.open("a")
    assert [d.id for d in a.demarches.all()] == [evening.demarche_id]
    assert len(a.participants.all(evening.demarche_id)) == 6


def test_every_table_finds_its_demarche() -> None:
    assert {spec.name for spec in table_specs()} == {*PARENTS, "demarche", "questionnaire"}


def test_a_bundle_holds_its_demarche_and_nothing_else(laptops: Laptops, evening: Evening) -> None:
    hub = laptops.open("hub")
    hub.capture.save_note(evening.rounds[0], None, "De la soirée")
    other = prepare(laptops, groups=1, territory="CC voisine")  # names are unique in a base
    laptops.open("hub").capture.save_note(other.rounds[0], None, "D'une autre démarche")
    laptops.read("a", laptops.write("hub", evening.demarche_id))
    assert laptops.dump("a", evening.demarche_id) == laptops.dump("hub", evening.demarche_id)
    a = laptops.open("a")
    assert [d.id for d in a.demarches.all()] == [evening.demarche_id]
    assert [n.text for n in Note.select()] == ["De la soirée"]


def test_reading_a_bundle_again_changes_nothing(laptops: Laptops, evening: Evening) -> None:
    bundle = laptops.write("hub", evening.demarche_id)
    laptops.read("a", bundle)
    before = laptops.dump("a", evening.demarche_id)
    (again,) = laptops.read("a", bundle)
    assert (again.created, again.added, again.updated, again.conflicts) == (False, 0, 0, [])
    assert again.unchanged == sum(len(rows) for rows in before.values())
    assert laptops.dump("a", evening.demarche_id) == before


def test_a_row_carries_the_laptop_that_changed_it_last(laptops: Laptops, evening: Evening) -> None:
    hub_id = laptops.open("hub").exchange.laptop().id
    laptops.read("a", laptops.write("hub", evening.demarche_id))
    a = laptops.open("a")
    a_id = a.exchange.laptop().id
    assert {p.changed_by for p in Participant.select()} == {uuid.UUID(hub_id)}
    a.participants.update(evening.people[0], ParticipantDraft("Anne", College.ELU))
    laptops.read("hub", laptops.write("a", evening.demarche_id, "-back"))
    laptops.open("hub")
    # Here, NULL means this laptop; rows made here and back from a are this laptop's.
    changed = {p.display_name: p.changed_by for p in Participant.select()}
    assert changed.pop("Anne") == uuid.UUID(a_id)
    assert set(changed.values()) == {None}


def test_notes_of_each_laptop_meet_on_the_hub(laptops: Laptops, evening: Evening) -> None:
    handed_to(laptops, evening, "a", "b")
    for name, round_id in zip(("a", "b"), evening.rounds, strict=True):
        store = laptops.open(name)
        store.capture.save_note(round_id, None, f"Dit dans le sous-groupe de {name}")
    bundles = [laptops.write(name, evening.demarche_id) for name in ("a", "b")]
    laptops.read("hub", *bundles)
    hub = laptops.open("hub")
    texts = sorted(n.text for n in hub.capture.workshop_notes(evening.demarche_id, 1))
    assert texts == ["Dit dans le sous-groupe de a", "Dit dans le sous-groupe de b"]


def test_the_later_change_wins_and_the_other_text_is_kept(
    laptops: Laptops, evening: Evening
) -> None:
    hub = laptops.open("hub")
    note = hub.capture.save_note(evening.rounds[0], evening.people[0], "Au marché")
    handed_to(laptops, evening, "a")
    laptops.open("a").capture.edit_note(note.id, "Au marché du jeudi", None, None, None)
    from_a = laptops.write("a", evening.demarche_id)
    # Edited on the hub after: the hub's version is the later one.
    laptops.open("hub").capture.edit_note(note.id, "Au marché, le matin", None, None, None)
    from_hub = laptops.write("hub", evening.demarche_id, "-2")
    (report,) = laptops.read("hub", from_a)
    assert [(c.label, c.kept, c.other) for c in report.conflicts] == [
        ("notes", "Au marché, le matin", "Au marché du jeudi")
    ]
    (back,) = laptops.read("a", from_hub)
    assert [(c.kept, c.other) for c in back.conflicts] == [
        ("Au marché, le matin", "Au marché du jeudi")
    ]
    for name in ("hub", "a"):
        store = laptops.open(name)
        assert store.capture.get_note(note.id).text == "Au marché, le matin"
        # Each laptop's own edit kept the text before it; the merge kept both laptops'
        # (the winner's too: the same kept rows whatever order a laptop met them in).
        assert {r.text for r in store.capture.revisions(note.id)} == {"Au marché"}
        assert {k.texts["text"] for k in KeptVersion.select()} == {
            "Au marché du jeudi",
            "Au marché, le matin",
        }
    assert laptops.dump("hub", evening.demarche_id) == laptops.dump("a", evening.demarche_id)


def test_an_article_edited_on_two_laptops_keeps_both_texts(
    laptops: Laptops, evening: Evening
) -> None:
    article = laptops.open("hub").charter.add_article(
        evening.demarche_id, ArticleDraft("Se retrouver", "Un lieu.")
    )
    handed_to(laptops, evening, "a")
    laptops.open("a").charter.update_article(article, ArticleDraft("Se retrouver", "Des lieux."))
    laptops.open("hub").charter.update_article(article, ArticleDraft("Se voir", "Un café."))
    from_hub = laptops.write("hub", evening.demarche_id)
    (report,) = laptops.read("a", from_hub)
    assert [c.label for c in report.conflicts] == ["articles de la charte"]
    assert CharterArticle.get_by_id(article).text == "Un café."
    kept = list(KeptVersion.select())
    assert sorted(k.texts["text"] for k in kept) == ["Des lieux.", "Un café."]
    assert {k.row_id.hex for k in kept} == {article.replace("-", "")}


def test_a_deletion_travels(laptops: Laptops, evening: Evening) -> None:
    note = laptops.open("hub").capture.save_note(evening.rounds[0], None, "Une idée")
    handed_to(laptops, evening, "a")
    laptops.open("a").capture.remove_note(note.id)
    laptops.read("hub", laptops.write("a", evening.demarche_id))
    assert laptops.open("hub").capture.get_note(note.id).deleted


def test_a_tie_breaks_the_same_way_on_both_laptops(laptops: Laptops, evening: Evening) -> None:
    note = laptops.open("hub").capture.save_note(evening.rounds[0], None, "Une idée")
    handed_to(laptops, evening, "a")
    moment = "2030-01-01 10:00:00"
    for name, text in (("hub", "Version du hub"), ("a", "Version de a")):
        laptops.open(name)
        Note.update(text=text).where(Note.id == note.id).execute()
        Note.update(updated_at=moment).where(Note.id == note.id).execute()
    from_hub, from_a = (laptops.write(n, evening.demarche_id, "-tie") for n in ("hub", "a"))
    laptops.read("hub", from_a)
    laptops.read("a", from_hub)
    texts = {laptops.open(n).capture.get_note(note.id).text for n in ("hub", "a")}
    assert len(texts) == 1
    assert laptops.dump("hub", evening.demarche_id) == laptops.dump("a", evening.demarche_id)


def test_a_person_ticked_present_on_two_laptops_is_one_presence(
    laptops: Laptops, evening: Evening
) -> None:
    newcomer = laptops.open("hub").participants.add(
        evening.demarche_id, ParticipantDraft("Zoé", College.HABITANT)
    )
    handed_to(laptops, evening, "a")
    for name in ("hub", "a"):
        laptops.open(name).workshops.set_present(evening.demarche_id, 2, newcomer, True)
    from_hub, from_a = (laptops.write(n, evening.demarche_id, "-2") for n in ("hub", "a"))
    laptops.read("hub", from_a)
    laptops.read("a", from_hub)
    for name in ("hub", "a"):
        laptops.open(name)
        rows = Attendance.select().where(Attendance.participant == newcomer)
        assert len([r for r in rows if r.workshop.number == 2]) == 1
    assert laptops.dump("hub", evening.demarche_id) == laptops.dump("a", evening.demarche_id)


def test_a_charter_opened_on_two_laptops_is_one_charter(laptops: Laptops, evening: Evening) -> None:
    handed_to(laptops, evening, "a")
    for name in ("hub", "a"):
        laptops.open(name).charter.add_article(
            evening.demarche_id, ArticleDraft(f"Article écrit sur {name}")
        )
    from_hub, from_a = (laptops.write(n, evening.demarche_id, "-2") for n in ("hub", "a"))
    laptops.read("hub", from_a)
    laptops.read("a", from_hub)
    for name in ("hub", "a"):
        titles = {a.title for a in laptops.open(name).charter.articles(evening.demarche_id)}
        assert titles == {"Article écrit sur hub", "Article écrit sur a"}
    assert laptops.dump("hub", evening.demarche_id) == laptops.dump("a", evening.demarche_id)


def test_any_order_of_the_same_bundles_gives_the_same_base(
    laptops: Laptops, evening: Evening
) -> None:
    handed_to(laptops, evening, "a", "b")
    note = laptops.open("hub").capture.save_note(evening.rounds[0], None, "Première")
    for name in ("a", "b"):
        laptops.read(name, laptops.write("hub", evening.demarche_id, "-note"))
        store = laptops.open(name)
        store.capture.edit_note(note.id, f"Reprise par {name}", None, None, None)
        store.capture.save_note(evening.rounds[1], None, f"Nouvelle de {name}")
    bundles = [laptops.write(n, evening.demarche_id, "-end") for n in ("a", "b")]
    laptops.copy("hub", "hub2")
    laptops.read("hub", *bundles)
    laptops.read("hub2", *reversed(bundles))
    assert laptops.dump("hub", evening.demarche_id) == laptops.dump("hub2", evening.demarche_id)
    # Transitive: a's bundle through b reaches c as a's and b's bundles reach d directly.
    laptops.read("b", bundles[0])
    laptops.read("c", laptops.write("b", evening.demarche_id, "-via"))
    laptops.read("d", *bundles)
    assert laptops.dump("c", evening.demarche_id) == laptops.dump("d", evening.demarche_id)


def test_a_definition_registered_on_both_laptops_is_one(laptops: Laptops, evening: Evening) -> None:
    hub = laptops.open("hub")
    (choice,) = hub.questionnaires.available()[:1]
    hub.questionnaires.choose(evening.demarche_id, choice.code, choice.version)
    a = laptops.open("a")
    own = a.demarches.create("CC de a", "Ribaute")
    a.questionnaires.choose(own, choice.code, choice.version)
    laptops.read("a", laptops.write("hub", evening.demarche_id))
    a = laptops.open("a")
    (definition,) = Questionnaire.select()
    for demarche_id in (own, evening.demarche_id):
        assert a.questionnaires.chosen(demarche_id) == choice
        assert Demarche.get_by_id(demarche_id).questionnaire_id == definition.id


def test_a_demo_from_another_laptop_leaves_this_base_its_own(
    laptops: Laptops, evening: Evening
) -> None:
    laptops.open("hub").bulk.mark_imported(evening.demarche_id, "demo-small")
    a = laptops.open("a")
    own = a.demarches.create("Démo de a", "Ribaute")
    a.bulk.mark_imported(own, "demo-small")
    (report,) = laptops.read("a", laptops.write("hub", evening.demarche_id))
    assert report.created
    laptops.open("a")
    assert Demarche.get_by_id(own).demo_key == "demo-small"
    assert Demarche.get_by_id(evening.demarche_id).demo_key is None


def _rewritten(bundle: Path, table: str, change: dict[str, object]) -> Path:
    """The bundle with the first row of `table` changed, its checksum made right again."""
    import hashlib

    with zipfile.ZipFile(bundle) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    lines = files[f"{table}.jsonl"].decode().splitlines()
    columns = json.loads(lines[0])
    row = json.loads(lines[1])
    for column, value in change.items():
        row[columns.index(column)] = value
    lines[1] = json.dumps(row, ensure_ascii=False)
    files[f"{table}.jsonl"] = ("\n".join(lines) + "\n").encode()
    manifest = json.loads(files["manifest.json"])
    manifest["checksums"][f"{table}.jsonl"] = hashlib.sha256(files[f"{table}.jsonl"]).hexdigest()
    files["manifest.json"] = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    target = bundle.with_name(f"changed-{bundle.name}")
    target.write_bytes(buffer.getvalue())
    return target


def _refused_untouched(laptops: Laptops, name: str, bundle: Path) -> str:
    laptops.open(name)
    laptops.close()
    before = file_state(laptops.path(name))
    store = laptops.open(name)
    with pytest.raises(BundleRefused) as caught:
        store.exchange.read(bundle)
    laptops.close()
    assert file_state(laptops.path(name)) == before
    return caught.value.message


def test_a_bundle_pointing_into_another_demarche_is_refused(
    laptops: Laptops, evening: Evening
) -> None:
    hub = laptops.open("hub")
    other = hub.demarches.create("CC voisine", "Ribaute")
    stranger = hub.participants.add(other, ParticipantDraft("Étranger", College.ELU))
    bundle = laptops.write("hub", evening.demarche_id)
    hostile = _rewritten(bundle, "participant", {"id": stranger.replace("-", "")})
    message = _refused_untouched(laptops, "hub", hostile)
    assert "désigne une ligne absente" in message or "autre démarche" in message


def test_a_row_taken_from_another_demarche_is_refused(laptops: Laptops, evening: Evening) -> None:
    hub = laptops.open("hub")
    other = hub.demarches.create("CC voisine", "Ribaute")
    laptops.write("hub", other)
    bundle = laptops.write("hub", evening.demarche_id)
    # A note of the évening whose id is a logistics line of the other démarche.
    hub = laptops.open("hub")
    (line,) = hub.logistics.all(other)[:1]
    hostile = _rewritten(bundle, "logistics_item", {"id": line.id.replace("-", "")})
    message = _refused_untouched(laptops, "hub", hostile)
    assert "autre démarche" in message


def test_a_bundle_with_a_hostile_value_is_refused(laptops: Laptops, evening: Evening) -> None:
    laptops.open("hub").capture.save_note(evening.rounds[0], None, "Une idée")
    bundle = laptops.write("hub", evening.demarche_id)
    handed_to(laptops, evening, "a")
    changes: list[dict[str, object]] = [
        {"text": "\x1b]0;titre\x07"},
        {"created_at": "hier"},
        {"kind": 3},
    ]
    for change in changes:
        message = _refused_untouched(laptops, "a", _rewritten(bundle, "note", change))
        assert "abîmé ou incomplet" in message
        assert "la base n'a pas changé" in message


def test_a_bundle_whose_demarche_is_not_its_manifests_is_refused(
    laptops: Laptops, evening: Evening
) -> None:
    bundle = laptops.write("hub", evening.demarche_id)
    hostile = _rewritten(bundle, "demarche", {"id": "f" * 32})
    assert "n'est pas celle de son manifeste" in _refused_untouched(laptops, "a", hostile)


def test_a_merged_base_passes_its_own_checks(laptops: Laptops, evening: Evening) -> None:
    from vitalite_tui.db.connection import check_database

    handed_to(laptops, evening, "a")
    laptops.close()
    report = check_database(laptops.path("a"))
    assert report.ok, report.problems


@pytest.mark.demo("small")
def test_the_whole_demo_travels_and_reads_back(store: Store, tmp_path: Path) -> None:
    """Every table with real rows (sheets, votes, the charter…) crosses to an empty base."""
    demarche_id = create_demo(store, "small").demarche_id
    bundle = store.exchange.write(demarche_id, tmp_path).path
    expected = canonical(demarche_id)  # after writing: with the codes the bundle carried
    assert sum(1 for rows in expected.values() if rows) >= 25
    store.close()
    laptops = Laptops(tmp_path)
    try:
        (report,) = laptops.read("neuf", bundle)
        assert report.created
        assert report.added == sum(len(rows) for rows in expected.values())
        assert laptops.dump("neuf", demarche_id) == expected
        (again,) = laptops.read("neuf", bundle)
        assert (again.added, again.updated) == (0, 0)
    finally:
        laptops.close()


def test_a_bundle_from_before_schema_4_is_read_with_the_new_columns_defaults(
    laptops: Laptops, evening: Evening
) -> None:
    """A laptop still on the previous program writes bundles without the columns schema 4
    added (extra evenings, roles, logistics owners, archives): they read as their defaults."""
    from vitalite_tui.formats.bundle import Table, pack, read_bundle
    from vitalite_tui.store.exchange.tables import ADDED_COLUMNS

    bundle = read_bundle(laptops.write("hub", evening.demarche_id))
    older: dict[str, Table] = {}
    for name, table in bundle.tables.items():
        dropped = ADDED_COLUMNS.get(name, {})
        keep = [i for i, column in enumerate(table.columns) if column not in dropped]
        older[name] = Table(
            [table.columns[i] for i in keep], [[row[i] for i in keep] for row in table.rows]
        )
    assert older["workshop"].columns != bundle.tables["workshop"].columns
    path = laptops.folder / "older.vitalite"
    path.write_bytes(pack(bundle.manifest, older))
    (report,) = laptops.read("a", path)
    assert laptops.dump("a", evening.demarche_id) == laptops.dump("hub", evening.demarche_id)
    laptops.open("a")
    sessions = Workshop.select(Workshop.session).where(Workshop.demarche == evening.demarche_id)
    assert {w.session for w in sessions} == {1}
    assert report.tables


def test_one_round_leaves_the_same_kept_texts_whatever_order_a_laptop_reads_in(
    laptops: Laptops, evening: Evening
) -> None:
    """A note « X » on the hub; « a » corrects it to « Y », « b » removes it later: « c », which
    still holds « X », reads « a » and « b » in either order. Keeping only the losing texts,
    it kept « X » or not depending on whether « Y » came between."""
    note = laptops.open("hub").capture.save_note(evening.rounds[0], None, "X")
    handed_to(laptops, evening, "a", "b")
    laptops.copy("hub", "c")
    laptops.copy("hub", "d")
    laptops.open("a").capture.edit_note(note.id, "Y", None, None, None)
    laptops.open("b").capture.remove_note(note.id)
    from_a = laptops.write("a", evening.demarche_id, "-1")
    from_b = laptops.write("b", evening.demarche_id, "-1")
    laptops.read("c", from_a, from_b)
    laptops.read("d", from_b, from_a)
    laptops.read("a", from_b)
    laptops.read("b", from_a)
    for name in ("a", "b", "c", "d"):
        laptops.open(name)
        assert sorted(k.texts["text"] for k in KeptVersion.select()) == ["X", "Y"], name
    assert laptops.dump("c", evening.demarche_id) == laptops.dump("d", evening.demarche_id)


def test_bundles_read_together_give_what_each_read_alone_gives(
    laptops: Laptops, evening: Evening
) -> None:
    """A batch compares a table the bundles carry alike once (`KnownTables`), and again after
    a bundle changed it: the same base as the bundles read one batch each."""
    handed_to(laptops, evening, "a", "b", "c")
    laptops.open("a").capture.save_note(evening.rounds[0], None, "Le lavoir")
    laptops.open("b").capture.save_note(evening.rounds[1], None, "Le marché")
    # c changed nothing: its notes are the hub's before a's note arrives.
    bundles = [laptops.write(name, evening.demarche_id) for name in ("a", "c", "b")]
    laptops.copy("hub", "alone")
    together = laptops.read("hub", *bundles)
    for bundle in bundles:
        laptops.read("alone", bundle)
    assert laptops.dump("hub", evening.demarche_id) == laptops.dump("alone", evening.demarche_id)
    notes = [
        (count.added, count.updated, count.unchanged)
        for report in together
        for count in report.tables
        if count.table == "note"
    ]
    assert notes == [(1, 0, 0), (0, 0, 0), (1, 0, 0)]
    assert (together[1].added, together[1].updated) == (0, 0)
    assert sorted(note.text for note in Note.select()) == ["Le lavoir", "Le marché"]

"""What the method makes collide when laptops exchange bundles: one code given to two
newcomers, one wall count typed twice, one person registered twice. Every laptop ends with
the same base whatever order it read the bundles in, and reading one again changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from support.bundles import Laptops
from support.votes import ELU, ids_by_title, make_scene

from vitalite_tui.db.models import Attendance, Demarche, Note, Participant, Vote, utcnow
from vitalite_tui.domain.colleges import College
from vitalite_tui.store.base import fk_id
from vitalite_tui.store.exchange.records import MergeReport
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.store.questionnaire.records import SheetDraft
from vitalite_tui.store.vote.records import CandidateDraft
from vitalite_tui.workbook import export_workbook


@dataclass
class Evening:
    demarche_id: str
    rounds: list[str]


def handed_out(laptops: Laptops, *names: str) -> Evening:
    """The hub's démarche (six people, P001–P006, a round at workshop 1), on every laptop."""
    hub = laptops.open("hub")
    demarche_id = hub.demarches.create("CC du Val d'Orbieu", "Lagrasse")
    for i in range(6):
        person = hub.participants.add(
            demarche_id, ParticipantDraft(f"Personne {i}", list(College)[i % 3], "Lagrasse")
        )
        hub.workshops.set_present(demarche_id, 1, person, True)
    (group,) = hub.subgroups.form(demarche_id, 1, count=1)
    rounds = [hub.capture.start_round(group.id, "Où ?", 20).id]
    bundle = laptops.write("hub", demarche_id)
    for name in names:
        laptops.read(name, bundle)
    return Evening(demarche_id, rounds)


def newcomer(laptops: Laptops, name: str, evening: Evening, who: str, commune: str = "") -> str:
    store = laptops.open(name)
    draft = ParticipantDraft(who, College.HABITANT, commune or "Fabrezan")
    return store.workshops.add_newcomer(evening.demarche_id, 2, draft)


def codes(laptops: Laptops, name: str, evening: Evening) -> dict[str, str]:
    people = laptops.open(name).participants.all(evening.demarche_id)
    return {p.display_name: p.code for p in people}


def exchange(laptops: Laptops, evening: Evening, order: list[str]) -> list[MergeReport]:
    """Each laptop in `order` reads the bundles of all the others, in that order."""
    bundles = {n: laptops.write(n, evening.demarche_id, "-x") for n in order}
    reports: list[MergeReport] = []
    for name in order:
        reports += laptops.read(name, *(bundles[o] for o in order if o != name))
    return reports


def same_everywhere(laptops: Laptops, evening: Evening, *names: str) -> None:
    dumps = [laptops.dump(name, evening.demarche_id) for name in names]
    assert all(dump == dumps[0] for dump in dumps[1:])


@pytest.mark.parametrize("order", [["a", "b"], ["b", "a"]])
def test_one_code_given_on_two_laptops_ends_unique_alike_in_any_order(
    laptops: Laptops, order: list[str]
) -> None:
    evening = handed_out(laptops, "a", "b")
    newcomer(laptops, "a", evening, "Alice")  # registered first: keeps P007
    newcomer(laptops, "b", evening, "Bruno")
    assert codes(laptops, "a", evening)["Alice"] == codes(laptops, "b", evening)["Bruno"] == "P007"
    reports = exchange(laptops, evening, order)
    renumbered = [(r.name, r.old, r.new) for report in reports for r in report.renumbered]
    assert ("Bruno", "P007", "P008") in renumbered
    for name in ("a", "b"):
        found = codes(laptops, name, evening)
        assert (found["Alice"], found["Bruno"]) == ("P007", "P008")
    same_everywhere(laptops, evening, "a", "b")
    # Reading the same bundles again changes nothing, and the hub gets the same.
    again = exchange(laptops, evening, order)
    assert all((r.added, r.updated, r.renumbered) == (0, 0, []) for r in again)
    exchange(laptops, evening, [*order, "hub"])
    same_everywhere(laptops, evening, "a", "b", "hub")
    # A person registered later, anywhere, takes the next code.
    newcomer(laptops, "hub", evening, "Chloé")
    assert codes(laptops, "hub", evening)["Chloé"] == "P009"


def test_a_code_shown_in_an_export_stays_that_persons(laptops: Laptops, tmp_path: Path) -> None:
    evening = handed_out(laptops, "a", "b")
    newcomer(laptops, "a", evening, "Alice")
    newcomer(laptops, "b", evening, "Bruno")  # later, but shown in b's workbook
    result = export_workbook(laptops.open("b"), evening.demarche_id, tmp_path / "exports")
    assert result.warnings == ()
    # An unrelated later change of the démarche on a must not forget b's record.
    laptops.open("a")
    Demarche.update(territory="CC du Val d'Orbieu (soirée)", updated_at=utcnow()).execute()
    exchange(laptops, evening, ["a", "b"])
    for name in ("a", "b"):
        found = codes(laptops, name, evening)
        assert (found["Bruno"], found["Alice"]) == ("P007", "P008")
    same_everywhere(laptops, evening, "a", "b")
    # The hub, which never saw either, gets the same from either bundle first.
    exchange(laptops, evening, ["hub", "b", "a"])
    assert codes(laptops, "hub", evening)["Bruno"] == "P007"
    same_everywhere(laptops, evening, "a", "b", "hub")


@pytest.mark.parametrize("first", ["a", "c"])
def test_three_newcomers_with_one_code_read_by_the_hub_in_two_orders(
    laptops: Laptops, first: str
) -> None:
    evening = handed_out(laptops, "a", "b", "c")
    for name, who in (("a", "Alice"), ("b", "Bruno"), ("c", "Chloé")):
        newcomer(laptops, name, evening, who)
    order = [first, "b", "a" if first == "c" else "c"]
    bundles = {n: laptops.write(n, evening.demarche_id, "-x") for n in order}
    laptops.read("hub", *(bundles[n] for n in order))
    found = codes(laptops, "hub", evening)
    assert (found["Alice"], found["Bruno"], found["Chloé"]) == ("P007", "P008", "P009")
    exchange(laptops, evening, ["hub", "a", "b", "c"])
    same_everywhere(laptops, evening, "hub", "a", "b", "c")


@pytest.mark.parametrize("order", [["a", "b"], ["b", "a"]])
def test_one_wall_count_typed_on_two_laptops_keeps_the_later(
    laptops: Laptops, order: list[str]
) -> None:
    hub = laptops.open("hub")
    demarche_id = hub.demarches.create("CC du Val d'Orbieu", "Lagrasse")
    make_scene(hub, demarche_id)
    hub.votes.import_intentions(demarche_id)
    evening = Evening(demarche_id, [])
    bundle = laptops.write("hub", demarche_id)
    laptops.read("a", bundle)
    laptops.read("b", bundle)
    for name, dots in (("a", 4), ("b", 6)):  # b counts the wall after a
        store = laptops.open(name)
        action = next(iter(ids_by_title(store, demarche_id).values()))
        store.votes.set_tally(demarche_id, action, ELU, dots)
    reports = exchange(laptops, evening, order)
    # Each laptop's report lists it: the count it typed, or the one it read, is set aside.
    assert [[(t.kept, t.other) for t in r.tallies] for r in reports] == [[(6, 4)], [(6, 4)]]
    for name in ("a", "b"):
        laptops.open(name)
        live = Vote.select().where(Vote.deleted_at.is_null() & (Vote.source == "tally"))
        assert [v.dots for v in live] == [6]
        assert laptops.open(name).votes.board(demarche_id).wall_dots == 6
    same_everywhere(laptops, evening, "a", "b")
    again = exchange(laptops, evening, order)
    assert all((r.added, r.updated, r.tallies) == (0, 0, []) for r in again)


def test_one_person_registered_on_two_laptops_is_flagged_and_made_one(
    laptops: Laptops,
) -> None:
    evening = handed_out(laptops, "a", "b")
    on_a = newcomer(laptops, "a", evening, "Hélène Martin", "Lagrasse")
    laptops.open("a").capture.save_note(evening.rounds[0], on_a, "Le marché du jeudi")
    on_b = newcomer(laptops, "b", evening, "helene  MARTIN", "lagrasse")
    b = laptops.open("b")  # and votes there, at workshop 3
    cafe = b.votes.add(evening.demarche_id, CandidateDraft("Café itinérant"))
    b.workshops.set_present(evening.demarche_id, 3, on_b, True)
    b.votes.save_ballot(evening.demarche_id, on_b, {cafe: 1})
    (report,) = laptops.read("a", laptops.write("b", evening.demarche_id))
    # b's bundle carried P007 for b's person: the code stays hers, a's newcomer takes P008.
    assert [(d.codes, d.name) for d in report.duplicates] == [(("P007", "P008"), "helene MARTIN")]
    a = laptops.open("a")
    (pair,) = a.participants.duplicates(evening.demarche_id)
    assert {pair.keep_id, pair.other_id} == {on_a, on_b}
    a.participants.merge(on_a, on_b)
    assert a.participants.duplicates(evening.demarche_id) == []
    # Both were ticked present at workshop 2: one live attendance stays, on_a's.
    live = Attendance.select().where(Attendance.deleted_at.is_null())
    assert on_b not in {str(row.participant_id) for row in live}
    assert [str(n.speaker_id) for n in Note.select()] == [on_a]
    assert [fk_id(v, "participant") for v in Vote.select()] == [on_a]
    assert [(v.participant_id, v.dots) for v in a.votes.voters(evening.demarche_id)] == [(on_a, 1)]
    # The merge travels: b ends with the same base, on_b removed there too.
    exchange(laptops, evening, ["b", "a"])
    same_everywhere(laptops, evening, "a", "b")
    laptops.open("b")
    assert Participant.get_by_id(on_b).deleted_at is not None


@pytest.mark.parametrize("order", [["a", "b"], ["b", "a"]])
def test_one_sheet_typed_on_two_laptops_is_its_blind_second_entry(
    laptops: Laptops, order: list[str]
) -> None:
    evening = handed_out(laptops, "a", "b")
    d = evening.demarche_id
    for name, differing in (("a", 2), ("b", 3)):  # sheet 13: one answer read differently
        store = laptops.open(name)
        store.responses.save_sheet(d, SheetDraft(12, {}, {"I1_V1": 4, "I1_D1": 1}))
        store.responses.save_sheet(d, SheetDraft(13, {}, {"I1_V1": differing}))
    reports = exchange(laptops, evening, order)
    found = sorted((s.sheet_number, s.identical) for r in reports for s in r.sheets)
    assert found == [(12, True), (12, True), (13, False), (13, False)]
    same_everywhere(laptops, evening, "a", "b")
    store = laptops.open(order[0])
    sheets = {s.sheet_number or 0: s for s in store.responses.all(d)}
    assert sorted(sheets) == [12, 13]  # each sheet counted once
    assert sheets[12].verified_at is not None
    assert sheets[13].verified_at is None
    (pending,) = store.responses.second_entries(d)
    assert (pending.sheet_id, pending.sheet_number) == (sheets[13].id, 13)
    # Settled in the verification, as any second typing: the value kept is chosen.
    differences = store.responses.verify(
        pending.sheet_id, store.responses.second_entry(pending.second_id)
    )
    assert [diff.code for diff in differences] == ["I1_V1"]
    store.responses.resolve(pending.sheet_id, differences)
    assert store.responses.second_entries(d) == []
    again = exchange(laptops, evening, order)
    assert all(r.sheets == [] for r in again)
    same_everywhere(laptops, evening, "a", "b")


def test_a_second_typing_met_already_set_aside_verifies_the_sheet_in_one_round(
    laptops: Laptops,
) -> None:
    """Sheet 5 typed on the hub, read differently on « b », then alike on « c » (and on « d »,
    a copy of « c » made before « c » read « b »): « c » sets its typing aside behind b's.
    After one round where everyone reads everyone, every laptop holds the hub's typing
    verified, including those that met c's typing only as set aside."""
    evening = handed_out(laptops, "b", "c")
    d = evening.demarche_id
    for name, value in (("hub", 2), ("b", 3), ("c", 2)):
        laptops.open(name).responses.save_sheet(d, SheetDraft(5, {}, {"I1_V1": value}))
    laptops.copy("c", "d")
    laptops.read("c", laptops.write("b", d, "-early"))
    exchange(laptops, evening, ["hub", "b", "c", "d"])
    same_everywhere(laptops, evening, "hub", "b", "c", "d")
    (sheet,) = laptops.open("b").responses.all(d)
    assert (sheet.sheet_number, sheet.verified_at is not None) == (5, True)
    assert laptops.open("b").responses.second_entries(d) == []


@pytest.mark.parametrize("first", ["a", "c"])
def test_a_code_a_bundle_carried_stays_when_a_third_laptop_is_read(
    laptops: Laptops, first: str
) -> None:
    """Alice (a) and Bruno (b) both got P007; once a and b have exchanged, Bruno is P008
    and a's next bundle carries it. « c », which met neither, gave P007 and P008 to Chloé
    and Denis: reading c's bundle must not move Bruno again (it moves the codes no other
    laptop has seen yet), in either order."""
    evening = handed_out(laptops, "a", "b", "c")
    for name, who in (("a", "Alice"), ("b", "Bruno"), ("c", "Chloé"), ("c", "Denis")):
        newcomer(laptops, name, evening, who)
    exchange(laptops, evening, ["a", "b"])
    assert codes(laptops, "a", evening)["Bruno"] == "P008"
    bundles = {n: laptops.write(n, evening.demarche_id, "-later") for n in ("a", "c")}
    reports = laptops.read("hub", *(bundles[n] for n in (first, "a" if first == "c" else "c")))
    found = codes(laptops, "hub", evening)
    assert [found[who] for who in ("Alice", "Bruno", "Chloé", "Denis")] == [
        "P007",
        "P008",
        "P009",
        "P010",
    ]
    moved = {r.name for report in reports for r in report.renumbered}
    assert "Bruno" not in moved
    exchange(laptops, evening, ["hub", "a", "b", "c"])
    same_everywhere(laptops, evening, "hub", "a", "b", "c")
    assert codes(laptops, "b", evening) == found

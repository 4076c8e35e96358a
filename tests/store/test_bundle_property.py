"""Two to four laptops do random things and exchange bundles in random orders: once everyone
has read everyone's bundle, every base holds the same démarche, and nothing typed is lost."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from support.bundles import Dump, Laptops, without_close_pause

from vitalite_tui.db.models import KeptVersion, Note, NoteRevision, Vote
from vitalite_tui.domain.colleges import College
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.store.questionnaire.records import SheetDraft
from vitalite_tui.store.vote.records import CandidateDraft

NAMES = ("hub", "poste1", "poste2", "poste3")
WORDS = ("marché", "école", "« fête »", "covoiturage", "jeudi", "café", "O'Brien", "été")


class Template:
    """Four bases that each hold the hub's démarche: copied for every example."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        laptops = Laptops(folder)
        hub = laptops.open("hub")
        self.demarche_id = hub.demarches.create("CC du Val d'Orbieu", "Lagrasse")
        for i in range(4):
            draft = ParticipantDraft(f"Personne {i}", list(College)[i % 3], "Lagrasse")
            hub.workshops.set_present(
                self.demarche_id, 1, hub.participants.add(self.demarche_id, draft), True
            )
        self.actions = [
            hub.votes.add(self.demarche_id, CandidateDraft(title)) for title in ("Café", "Navette")
        ]
        groups = hub.subgroups.form(self.demarche_id, 1, count=2)
        self.rounds = [hub.capture.start_round(g.id, "Où ?", 20).id for g in groups]
        bundle = laptops.write("hub", self.demarche_id)
        for name in NAMES[1:]:
            laptops.read(name, bundle)
        laptops.close()

    def copy_to(self, folder: Path, count: int) -> list[str]:
        for name in NAMES[:count]:
            source = sqlite3.connect(self.folder / f"{name}.sqlite")
            target = sqlite3.connect(folder / f"{name}.sqlite")
            source.backup(target)
            target.close()
            source.close()
        return list(NAMES[:count])


class Evening(RuleBasedStateMachine):
    template: Template

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(dir=self.template.folder.parent))
        self.laptops = Laptops(self.folder)
        self.names: list[str] = []
        #: Every text typed on any laptop, and the notes each laptop knows.
        self.typed: set[str] = set()
        self.known: dict[str, set[str]] = {}
        self.count = 0

    @initialize(count=st.integers(min_value=2, max_value=4))
    def laptops_of_the_evening(self, count: int) -> None:
        self.names = self.template.copy_to(self.folder, count)
        self.known = {name: set() for name in self.names}

    def _text(self, data: st.DataObject) -> str:
        # Each text typed once: typing a text back exactly is the one case where which
        # version a laptop kept aside depends on the order it met them (see merge.py).
        self.count += 1
        return f"Idée {self.count} : {data.draw(st.sampled_from(WORDS))}"

    @rule(data=st.data())
    def add_note(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(self.names))
        store = self.laptops.open(name)
        round_id = data.draw(st.sampled_from(self.template.rounds))
        text = self._text(data)
        note = store.capture.save_note(round_id, None, text)
        self.typed.add(text)
        self.known[name].add(note.id)

    @rule(data=st.data())
    def edit_note(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(self.names))
        if not self.known[name]:
            return
        note_id = data.draw(st.sampled_from(sorted(self.known[name])))
        text = self._text(data)
        try:
            self.laptops.open(name).capture.edit_note(note_id, text, None, None, None)
        except NotFound:
            return  # removed meanwhile: the screen would not offer it
        self.typed.add(text)

    @rule(data=st.data())
    def edit_on_two_laptops(self, data: st.DataObject) -> None:
        """Two animateurs correct the same note before either has read the other's bundle."""
        first, second = data.draw(
            st.lists(st.sampled_from(self.names), min_size=2, max_size=2, unique=True)
        )
        shared = sorted(self.known[first] & self.known[second])
        if not shared:
            # None yet: one is said on the first laptop, which hands its bundle over.
            round_id = data.draw(st.sampled_from(self.template.rounds))
            text = self._text(data)
            note = self.laptops.open(first).capture.save_note(round_id, None, text)
            self.typed.add(text)
            self.known[first].add(note.id)
            self._hand_over(first, second)
            shared = [note.id]
        note_id = data.draw(st.sampled_from(shared))
        for name in (first, second):
            text = self._text(data)
            try:
                self.laptops.open(name).capture.edit_note(note_id, text, None, None, None)
            except NotFound:
                continue
            self.typed.add(text)

    @rule(data=st.data())
    def delete_note(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(self.names))
        if not self.known[name]:
            return
        note_id = data.draw(st.sampled_from(sorted(self.known[name])))
        try:
            self.laptops.open(name).capture.remove_note(note_id)
        except NotFound:
            return

    @rule(data=st.data())
    def register_newcomer(self, data: st.DataObject) -> None:
        """On any laptop: two laptops give the same code to different people, which the
        merge renumbers alike everywhere."""
        store = self.laptops.open(data.draw(st.sampled_from(self.names)))
        college = data.draw(st.sampled_from(list(College)))
        draft = ParticipantDraft(self._text(data), college, "Lagrasse")
        store.workshops.add_newcomer(self.template.demarche_id, 2, draft)

    @rule(data=st.data())
    def tick_attendance(self, data: st.DataObject) -> None:
        """One person ticked (or unticked) at a workshop, on one laptop or on two at once."""
        names = data.draw(
            st.lists(st.sampled_from(self.names), min_size=1, max_size=2, unique=True)
        )
        people = self.laptops.open(names[0]).participants.all(self.template.demarche_id)
        person = data.draw(st.sampled_from([p.id for p in people]))
        workshop = data.draw(st.integers(min_value=2, max_value=4))
        present = data.draw(st.booleans())
        for name in names:
            store = self.laptops.open(name)
            try:
                store.workshops.set_present(self.template.demarche_id, workshop, person, present)
            except NotFound:
                continue  # a newcomer this laptop has not heard of yet

    @rule(data=st.data())
    def count_tally(self, data: st.DataObject) -> None:
        """A wall count typed on one laptop, or the same cell on two before they meet."""
        names = data.draw(
            st.lists(st.sampled_from(self.names), min_size=1, max_size=2, unique=True)
        )
        action = data.draw(st.sampled_from(self.template.actions))
        college = data.draw(st.sampled_from([None, *College]))
        for name in names:
            dots = data.draw(st.integers(min_value=0, max_value=9))
            self.laptops.open(name).votes.set_tally(
                self.template.demarche_id, action, college, dots
            )

    @rule(data=st.data())
    def type_sheet(self, data: st.DataObject) -> None:
        """A paper sheet typed on one laptop, or the same sheet on two before they meet."""
        names = data.draw(
            st.lists(st.sampled_from(self.names), min_size=1, max_size=2, unique=True)
        )
        number = data.draw(st.integers(min_value=1, max_value=4))
        for name in names:
            draft = SheetDraft(number, {}, {"I1_V1": data.draw(st.integers(1, 4))})
            try:
                self.laptops.open(name).responses.save_sheet(self.template.demarche_id, draft)
            except InvalidInput:
                continue  # this laptop has that sheet already: the screen says so

    @rule(data=st.data())
    def exchange(self, data: st.DataObject) -> None:
        source, target = data.draw(
            st.lists(st.sampled_from(self.names), min_size=2, max_size=2, unique=True)
        )
        self._hand_over(source, target)

    def _hand_over(self, source: str, target: str) -> None:
        self.count += 1
        bundle = self.laptops.write(source, self.template.demarche_id, f"-{self.count}")
        self.laptops.read(target, bundle)
        self.known[target] |= self.known[source]

    def teardown(self) -> None:
        try:
            if self.names:
                self._everyone_reads_everyone()
        finally:
            self.laptops.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def _everyone_reads_everyone(self) -> None:
        demarche_id = self.template.demarche_id
        # One round: every laptop that met the same versions of a row (its own and every
        # bundle's) holds the same kept texts and settles codes, counts and sheets alike.
        bundles = {n: self.laptops.write(n, demarche_id, "-final") for n in self.names}
        for name in self.names:
            self.laptops.read(name, *(b for other, b in bundles.items() if other != name))
        dumps = [self.laptops.dump(name, demarche_id) for name in self.names]
        for name, dump in zip(self.names[1:], dumps[1:], strict=True):
            assert dump == dumps[0], differences(self.names[0], dumps[0], name, dump)
        store = self.laptops.open("hub")
        # Removed notes too: a removal hides a note, it never loses it.
        found = {n.text for n in Note.select()} | {r.text for r in NoteRevision.select()}
        found |= {str(k.texts.get("text")) for k in KeptVersion.select()}
        people = {p.display_name for p in store.participants.all(demarche_id)}
        # One live count per wall cell: a count typed on two laptops never counts twice.
        cells = list(
            Vote.select(Vote.session, Vote.action, Vote.college)
            .where(Vote.deleted_at.is_null() & (Vote.source == "tally"))
            .tuples()
        )
        assert len(cells) == len(set(cells))
        # One live typing per paper sheet: a sheet typed on two laptops never counts twice.
        numbers = [s.sheet_number for s in store.responses.all(demarche_id)]
        assert len(numbers) == len(set(numbers))
        assert self.typed - found - people == set()


def differences(first: str, one: Dump, second: str, other: Dump) -> str:
    """Where two laptops' dumps differ: each table and the rows one has and not the other."""
    lines = []
    for table in sorted(set(one) | set(other)):
        mine, theirs = set(one.get(table, [])), set(other.get(table, []))
        if mine != theirs:
            lines.append(f"{table}: {first} only {sorted(mine - theirs, key=str)[:3]}")
            lines.append(f"{table}: {second} only {sorted(theirs - mine, key=str)[:3]}")
    return "\n".join(lines)


def test_every_base_ends_the_same_and_nothing_typed_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_close_pause(monkeypatch)
    (tmp_path / "template").mkdir()
    Evening.template = Template(tmp_path / "template")
    run_state_machine_as_test(
        Evening,
        settings=settings(
            # The same examples at every run (CI must not depend on luck); more of them, and
            # random ones, with BUNDLE_EXAMPLES=40 BUNDLE_RANDOM=1 when working on the merge.
            derandomize=not os.environ.get("BUNDLE_RANDOM"),
            max_examples=int(os.environ.get("BUNDLE_EXAMPLES", "8")),
            stateful_step_count=20,
            deadline=None,
            database=None,
            # BUNDLE_NO_SHRINK=1: the first failing example as found (shrinking one takes
            # minutes).
            phases=[Phase.generate] if os.environ.get("BUNDLE_NO_SHRINK") else list(Phase),
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )

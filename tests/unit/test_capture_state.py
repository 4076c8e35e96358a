"""The capture screen's state without a screen: speakers, tags, rounds, counts, corrections."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.speaking import SpeakingEvent, Tally, speaking_balance
from vitalite_tui.store.preparation.records import ParticipantRecord
from vitalite_tui.store.workshops.records import NoteRecord, RoundRecord, TurnRecord
from vitalite_tui.tui.screens.workshops.capture_state import CaptureState, Tags, with_events

COLLEGES = {"a": College.HABITANT, "b": College.ELU, "c": College.ACTEUR}
NOW = datetime(2026, 3, 12, 19, 0)


def person(pid: str) -> ParticipantRecord:
    return ParticipantRecord(
        pid, f"P00{pid}", f"Personne {pid}", COLLEGES[pid], "", "", "", False, False, False
    )


def note(
    nid: str,
    speaker: str | None,
    text: str = "Texte",
    *,
    college: College | None = None,
    round_id: str = "r1",
    kind: NoteKind = NoteKind.CONSTAT,
    indicator: int | None = None,
    pole: Pole | None = None,
) -> NoteRecord:
    known = COLLEGES.get(speaker or "") if college is None else college
    return NoteRecord(
        id=nid,
        workshop_id="w",
        subgroup_id="g",
        round_id=round_id,
        speaker_id=speaker,
        speaker_name="" if speaker is None else f"Personne {speaker}",
        speaker_code="",
        speaker_college=known,
        text=text,
        kind=kind,
        indicator=indicator,
        pole=pole,
        created_at=NOW,
        updated_at=NOW,
    )


def round_(number: int) -> RoundRecord:
    return RoundRecord(f"r{number}", "g", number, f"Question {number} ?", 20, NOW, None, 0)


def turn(participant: str | None, passed: bool = False, position: int = 0) -> TurnRecord:
    return TurnRecord(f"t{position}", "r1", participant, position, passed)


def members_balance(events: list[SpeakingEvent]) -> object:
    return speaking_balance(events, [(pid, COLLEGES[pid]) for pid in "abc"])


def opened(rounds: int = 1, number: int = 1, indicator: int | None = None) -> CaptureState:
    state = CaptureState(as_line=lambda text: text.replace("\n", " "))
    state.open(
        [person(p) for p in "abc"], number, indicator, [round_(n + 1) for n in range(rounds)]
    )
    state.resume_speaker([])
    if rounds:
        state.show(rounds - 1, [], speaking_balance([], [(p, COLLEGES[p]) for p in "abc"]), [])
    return state


# ---------------------------------------------------------------- opening and speakers


def test_before_opening_nothing_can_be_done_to_rounds() -> None:
    state = CaptureState()
    assert not state.opened
    assert state.live_round is None
    assert state.shown_round is None
    assert state.check("new_round", (), "") is False
    assert state.check("balance", (), "") is False
    assert state.check("image", (), "") is False
    assert state.check("pass_turn", (), "") is False
    assert state.check("next_speaker", (), "") is False
    assert state.member_name("a") == "anonyme"


def test_opening_takes_the_theme_as_first_tag_and_the_workshop_kind() -> None:
    state = opened(number=2, indicator=3)
    assert state.tags == Tags(NoteKind.INTENTION, 3, None)
    assert state.usual_kind is NoteKind.INTENTION
    assert state.order == ["a", "b", "c"]
    assert state.current_id == "a"
    assert state.member_name("b") == "Personne b"


def test_the_floor_goes_round_both_ways() -> None:
    state = opened()
    state.next_speaker()
    assert state.current_id == "b"
    state.previous_speaker()
    state.previous_speaker()
    assert state.current_id == "c"
    state.next_speaker()
    assert state.current_id == "a"


def test_coming_back_the_last_speaker_goes_on_after_a_pass_the_next() -> None:
    state = opened()
    state.resume_speaker([turn("a", position=0), turn("b", position=1)])
    assert state.current_id == "b"
    state.resume_speaker([turn("a", position=0), turn("b", True, position=1)])
    assert state.current_id == "c"
    # Anonymous turns and people no longer in the sub-group are skipped.
    state.resume_speaker([turn("a", position=0), turn(None, position=1), turn("z", position=2)])
    assert state.current_id == "a"
    state.resume_speaker([])
    assert state.current_id == "a"


def test_anonymous_is_for_one_note() -> None:
    state = opened()
    state.toggle_anonymous()
    assert state.next_note_speaker is None
    state.note_saved(note("n1", None))
    assert state.anonymous_next is False
    assert state.next_note_speaker == "a"
    state.toggle_anonymous()
    state.toggle_anonymous()
    assert state.next_note_speaker == "a"


# ---------------------------------------------------------------- tags


def test_tags_stick_and_keys_never_take_them_off() -> None:
    state = opened()
    state.set_indicator(2)
    state.next_pole()
    assert state.tags == Tags(NoteKind.CONSTAT, 2, Pole.VITALITY)
    state.set_indicator(2)  # the same key again: it stays on
    assert state.tags == Tags(NoteKind.CONSTAT, 2, Pole.VITALITY)
    state.clear_indicator()  # only the key for « none » takes it off, its pole with it
    state.next_pole()
    state.next_pole()
    assert state.tags == Tags(NoteKind.CONSTAT, None, Pole.DEPRESSION)
    state.next_pole()
    state.set_indicator(1)
    state.set_indicator(4)
    assert state.tags == Tags(NoteKind.CONSTAT, 4, None)
    assert state.choose_kind("I")
    assert state.tags == Tags(NoteKind.IMAGE, 4, None)
    assert state.choose_kind("i")  # again: the same kind, never the next one
    assert state.tags == Tags(NoteKind.IMAGE, 4, None)
    assert not state.choose_kind("t")  # tendance is not offered in workshop 1
    assert state.choose_kind("c")
    assert state.tags == Tags(NoteKind.CONSTAT, 4, None)


def test_the_kind_does_not_change_before_opening() -> None:
    state = CaptureState()
    assert not state.choose_kind("i")
    assert state.tags == Tags(NoteKind.CONSTAT)


# ---------------------------------------------------------------- rounds


def test_rounds_shown_and_browsed() -> None:
    state = opened(rounds=3)
    assert state.shown_round == round_(3) == state.live_round
    assert not state.browsing
    assert state.check("show_round", (-1,), "") is True
    assert state.check("show_round", (1,), "") is False
    assert state.check("show_round", (), "") is False
    state.show(0, [note("n1", "a", round_id="r1")], None, [])
    assert state.browsing
    assert state.shown_round == round_(1)
    assert state.check("show_round", (-1,), "") is False
    assert state.check("show_round", (2,), "") is True
    assert state.round_number("r2") == 2
    assert state.round_number("ailleurs") is None


def test_a_round_started_elsewhere_is_caught_up_from_the_first_speaker() -> None:
    state = opened()
    state.next_speaker()
    assert state.rounds_read([round_(1)]) is False
    assert state.current_id == "b"
    assert state.rounds_read([round_(1), round_(2)]) is True
    assert state.current_id == "a"
    assert state.live_round == round_(2)


def test_no_round_yet() -> None:
    state = opened(rounds=0)
    state.show(-1, [], None, [])
    assert state.shown_round is None
    assert state.live_round is None
    assert state.check("pass_turn", (), "") is False
    assert state.check("undo", (), "") is None  # shown, greyed
    assert state.check("new_round", (), "") is True


# ---------------------------------------------------------------- counts without a re-read


def test_saved_notes_and_passes_are_counted_like_the_store() -> None:
    state = opened()
    state.note_saved(note("n1", "a"))
    state.note_saved(note("n2", "a"))  # a goes on: the same turn
    state.pass_recorded("b")
    state.pass_recorded("b")  # twice in a row: counted once
    assert state.current_id == "c"
    state.note_saved(note("n3", None))
    state.note_saved(note("n4", "z", college=College.ELU))  # not a member: listed after
    balance = state.balance
    assert balance is not None
    assert balance.person("a").tally == Tally(turns=1, notes=2)
    assert balance.person("b").tally == Tally(passes=1)
    assert balance.anonymous == Tally(turns=1, notes=1)
    assert [p.participant_id for p in balance.people] == ["a", "b", "c", "z"]
    assert balance.colleges[College.ELU] == Tally(turns=1, notes=1, passes=1)
    assert balance.not_spoken == ("b", "c")
    assert [n.id for n in state.notes] == ["n1", "n2", "n3", "n4"]


def test_counting_goes_on_from_the_turns_read() -> None:
    state = opened()
    events = [SpeakingEvent("a", College.HABITANT, "turn")]
    state.show(0, [], speaking_balance(events, [("a", College.HABITANT)]), [turn("a")])
    state.note_saved(note("n1", "a"))  # a was speaking: no new turn
    assert state.balance is not None
    assert state.balance.person("a").tally == Tally(turns=1, notes=1)


#: One thing done on the capture screen: a note by someone (None: anonymous), or a pass.
Action = tuple[str, str | None]
actions = st.lists(
    st.one_of(
        st.tuples(st.just("note"), st.sampled_from(["a", "b", "c", "z", None])),
        st.tuples(st.just("pass"), st.sampled_from(["a", "b", "c"])),
    ),
    max_size=30,
)


@given(actions)
def test_counting_on_screen_equals_counting_everything_again(done: list[Action]) -> None:
    """What the store would count over all turns and notes, the state counts one by one."""
    state = opened()
    events: list[SpeakingEvent] = []
    last: tuple[str | None, bool] | None = None
    for i, (kind, who) in enumerate(done):
        college = COLLEGES.get(who or "", College.ELU if who else None)
        if kind == "pass":
            assert who is not None
            if last != (who, True):
                events.append(SpeakingEvent(who, college, "pass"))
            state.pass_recorded(who)
            last = (who, True)
        else:
            if last != (who, False):
                events.append(SpeakingEvent(who, college, "turn"))
            events.append(SpeakingEvent(who, college, "note"))
            state.note_saved(note(f"n{i}", who, college=college))
            last = (who, False)
    # The store lists turns in order, then notes: the same counts in another order.
    ordered = [e for e in events if e.kind != "note"] + [e for e in events if e.kind == "note"]
    assert state.balance == members_balance(ordered)


def test_with_events_keeps_a_members_college() -> None:
    balance = speaking_balance([], [("a", College.HABITANT)])
    after = with_events(balance, [SpeakingEvent("a", College.ELU, "turn")])
    assert after.person("a").college is College.HABITANT
    assert after.colleges[College.HABITANT].turns == 1
    assert after.colleges[College.ELU] == Tally()


# ---------------------------------------------------------------- undo and corrections


def test_removed_notes_come_back_last_first() -> None:
    state = opened()
    assert state.check("restore", (), "") is False
    state.note_removed(note("n1", "a"))
    state.note_removed(note("n2", "b"))
    assert state.check("restore", (), "") is True
    assert state.note_restored().id == "n2"
    assert state.note_restored().id == "n1"
    assert state.check("restore", (), "") is False


def test_undo_is_greyed_without_notes_and_hidden_while_correcting() -> None:
    state = opened()
    assert state.check("undo", (), "") is None
    state.note_saved(note("n1", "a"))
    assert state.check("undo", (), "") is True
    state.edit_last("")
    assert state.check("undo", (), "") is False


def test_a_correction_sets_the_draft_aside_and_gives_it_back() -> None:
    state = opened()
    assert state.edit_last("brouillon") is None  # no note: nothing to correct
    assert state.editing is None
    state.note_saved(note("n1", "a", "première", indicator=1))
    state.note_saved(note("n2", "b", "deuxième\nligne", pole=Pole.VITALITY))
    state.set_indicator(3)
    editing = state.edit_last("brouillon")
    assert editing is not None
    assert editing.id == "n2"
    assert state.tags == Tags(NoteKind.CONSTAT, None, Pole.VITALITY)
    assert state.correction_untouched("deuxième ligne")  # as the one-line input shows it
    assert not state.correction_untouched("deuxième ligne !")
    assert state.check("edit_step", (-1,), "deuxième ligne") is True
    assert state.check("edit_step", (-1,), "changé") is False
    assert state.check("pass_turn", (), "") is False
    assert state.check("new_round", (), "") is False
    assert state.check("anonymous", (), "") is False
    # ↑ goes to the note before; F11 again keeps what was set aside first.
    assert state.edit_move(-1) == 0
    assert state.begin_correction(0).id == "n1"
    assert state.tags.indicator == 1
    assert state.edit_move(-1) is None
    state.edit_last("ne remplace pas le brouillon")
    assert state.edit_move(1) == "end"
    assert state.end_correction() == "brouillon"
    assert state.editing is None
    assert state.tags.indicator == 3  # the sticky tags are back too
    assert state.end_correction() == ""  # given back once


def test_a_saved_correction_replaces_the_note_and_ends() -> None:
    state = opened()
    state.note_saved(note("n1", "a", "jedi"))
    state.note_saved(note("n2", "a", "suite"))
    state.edit_last("")
    state.begin_correction(0)
    assert state.editing_index() == 0
    assert state.correction_saved(note("n1", "a", "jeudi")) == ""
    assert [n.text for n in state.notes] == ["jeudi", "suite"]
    assert state.editing is None
    assert state.editing_index() == -1


def test_up_on_an_empty_line_only() -> None:
    state = opened()
    assert state.check("edit_step", (-1,), "") is False  # no note yet
    state.note_saved(note("n1", "a"))
    assert state.check("edit_step", (-1,), "") is True
    assert state.check("edit_step", (-1,), "tapé") is False
    assert state.check("edit_step", (1,), "") is False
    assert state.check("edit_last", (), "tapé") is True


def test_images_only_in_workshop_one() -> None:
    assert opened(number=1).check("image", (), "") is True
    assert opened(number=3).check("image", (), "") is False
    assert opened(number=3).check("balance", (), "") is True
    assert opened().check("help", (), "") is True


def test_the_state_needs_no_textual() -> None:
    code = (
        "import sys, vitalite_tui.tui.screens.workshops.capture_state; "
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr

"""Capture of speaking rounds: one input line, the speaking order, the notes, tags that stick."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Static

from vitalite_tui.domain.indicators import INDICATORS, indicator
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.round_questions import suggested_question
from vitalite_tui.domain.text import plural
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.preparation.records import ParticipantRecord
from vitalite_tui.store.workshops.capture import SAME_SPEAKER
from vitalite_tui.store.workshops.records import (
    NoteRecord,
    RoundRecord,
    SubGroupRecord,
    TurnRecord,
    WorkshopRecord,
)
from vitalite_tui.tui.dialogs.balance import SpeakingBalanceDialog, balance_lines
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.round_form import RoundDraft, RoundFormDialog
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.screens.workshops.capture_state import CaptureState, Tags
from vitalite_tui.tui.widgets.footer import Footer
from vitalite_tui.tui.widgets.note_input import NoteInput, flatten
from vitalite_tui.tui.widgets.notes import NoteList
from vitalite_tui.tui.widgets.round_timer import RoundTimer
from vitalite_tui.tui.widgets.speakers import SpeakerList

#: Stands for « nothing shown yet » in `CaptureScreen.changed`.
_NOTHING = object()

#: A removed note is quoted in the notification up to this many characters.
QUOTE = 40


def kind_choice_content(keys: dict[str, NoteKind]) -> Content:
    """After F9: « Type ? C constat · I image · Échap inchangé », a letter per kind."""
    muted = "$text-muted"
    parts: list[tuple[str, str] | str] = [("Type ? ", "$text-warning bold")]
    for index, (key, kind) in enumerate(keys.items()):
        if index:
            parts.append((" · ", muted))
        parts += [(key.upper(), "bold reverse"), f" {kind.label}"]
    parts.append((" · Échap inchangé", muted))
    return Content.assemble(*parts)


def tags_content(tags: Tags, *, editing: bool) -> Content:
    """« F4-F7 [I1 Isolement]  F8 [pôle : dépression]  F9 [constat] »: tags with their keys."""
    muted = "$text-muted"
    if tags.indicator is None:
        indicator_part = ("[sans indicateur]", muted)
    else:
        shown = indicator(tags.indicator)
        # With a pole chosen, its name says the most in the least room.
        name = (
            shown.pole_label(tags.pole)
            if tags.pole is not None
            else f"{shown.vitality}/{shown.depression}"
        )
        indicator_part = (f"[{shown.code} {name}]", "bold")
    if tags.pole is None:
        pole_part = ("[sans pôle]", muted)
    else:
        pole_part = (f"[pôle : {tags.pole.label}]", "bold")
    parts: list[tuple[str, str] | str] = []
    if editing:
        parts.append(("✎ ", "$text-warning bold"))
    parts += [
        ("F4-F7 ", muted),
        indicator_part,
        (" F8 ", muted),
        pole_part,
        (" F9 ", muted),
        (f"[{tags.kind.label}]", "bold"),
    ]
    return Content.assemble(*parts)


def fit_title(head: str, theme: str, tail: str, width: int) -> str:
    """« head « theme » tail » in `width` cells: a long theme is cut, never the round's number."""
    shown = f" « {theme} »" if theme else ""
    if width <= 0 or cell_len(head + shown + tail) <= width or not theme:
        return head + shown + tail
    room = width - cell_len(f"{head} « … »{tail}")
    if room <= 0:
        return head + tail
    return f"{head} « {set_cell_size(theme, room).rstrip()}… »{tail}"


def speakers_shown(state: CaptureState, current: str | None) -> object:
    """What the speaking order shows: marks and turns, not notes (most saves change none)."""
    balance = state.balance
    if balance is None:
        return ([m.id for m in state.members], None, current)
    people = [balance.person(m.id) for m in state.members]
    return ([(p.participant_id, p.has_spoken, p.passes > 0, p.turns) for p in people], current)


def quote(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= QUOTE else line[: QUOTE - 1].rstrip() + "…"


#: The four indicator keys, F4–F7: the tags line names them, the footer has no room.
INDICATOR_BINDINGS: list[BindingType] = [
    *(
        Binding(
            f"f{3 + number}",
            f"indicator({number})",
            f"Indicateur {number}",
            id=f"capture-indicator-{number}",
            tooltip=(
                f"Indicateur {number} ({INDICATORS[number - 1].poles_label}) sur les notes "
                "suivantes ; pressée à nouveau, la touche le garde."
            ),
            show=False,
        )
        for number in range(1, len(INDICATORS) + 1)
    ),
    Binding(
        "shift+f4",
        "indicator_off",
        "Sans indicateur",
        id="capture-indicator-off",
        tooltip="Les notes suivantes n'ont plus d'indicateur (ni de pôle).",
        show=False,
    ),
]


class CaptureInput(NoteInput):
    """The capture line. ↑↓ and Page↑↓ act on the notes and rounds, not on the line itself.

    After F9 the next key chooses the kind of note (its initial), in typing order too.
    """

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        if (
            isinstance(screen, CaptureScreen)
            and screen.choosing_kind
            and screen.kind_key(event.key, event.character)
        ):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "up",
            "screen.edit_step(-1)",
            "Corriger",
            id="capture-edit-up",
            tooltip="Sur une ligne vide : reprendre la dernière note pour la corriger ; "
            "en correction (texte inchangé) : la note d'avant.",
            show=False,
        ),
        Binding(
            "down",
            "screen.edit_step(1)",
            "Note suivante",
            id="capture-edit-down",
            tooltip="En correction (texte inchangé) : la note d'après, ou la fin de la "
            "correction après la dernière.",
            show=False,
        ),
        Binding(
            "pageup",
            "screen.show_round(-1)",
            "Tour précédent",
            id="capture-round-previous",
            tooltip="Afficher le tour précédent (consultation et correction).",
            show=False,
        ),
        Binding(
            "pagedown",
            "screen.show_round(1)",
            "Tour suivant",
            id="capture-round-next",
            tooltip="Afficher le tour suivant, jusqu'au tour en cours.",
            show=False,
        ),
    ]


class CaptureScreen(BaseScreen):
    """A sub-group's rounds: who speaks, what is said, committed as soon as Enter is pressed."""

    AUTOMATIC_COPIES = True

    CSS_PATH = "capture.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "tab",
            "next_speaker",
            "Suivant",
            id="capture-next",
            tooltip="La parole passe à la personne suivante dans l'ordre de parole.",
        ),
        Binding(
            "shift+tab",
            "previous_speaker",
            "Précédent",
            id="capture-previous",
            tooltip="Revenir à la personne précédente dans l'ordre de parole.",
            show=False,
        ),
        Binding(
            "f2",
            "pass_turn",
            "Passe",
            id="capture-pass",
            tooltip="La personne qui a la parole passe son tour (noté), puis la suivante.",
        ),
        Binding(
            "f3",
            "anonymous",
            "Anonyme",
            id="capture-anonymous",
            tooltip="La prochaine note sera anonyme (une seule note ; F3 à nouveau : non).",
            # The footer keeps F1 and Échap at 80 columns; F3 is on the prompt and in F1.
            show=False,
        ),
        *INDICATOR_BINDINGS,
        Binding(
            "f8",
            "pole",
            "Pôle",
            id="capture-pole",
            tooltip="Pôle des notes suivantes : vitalité, puis dépression, puis aucun.",
            show=False,
        ),
        Binding(
            "f9",
            "kind",
            "Type",
            id="capture-kind",
            tooltip="Type des notes suivantes : F9 puis son initiale, montrée sur la ligne "
            "des étiquettes (C constat, I image…) ; Échap le laisse inchangé.",
            show=False,
        ),
        Binding(
            "ctrl+z",
            "undo",
            "Annuler",
            id="capture-undo",
            tooltip="Retirer la dernière note du tour affiché (elle peut être rétablie).",
        ),
        Binding(
            "f10",
            "undo",
            "Annuler",
            id="capture-undo-f10",
            tooltip="Comme Ctrl+Z, pour les consoles qui ne transmettent pas Ctrl+Z.",
            show=False,
        ),
        Binding(
            "ctrl+y",
            "restore",
            "Rétablir",
            id="capture-restore",
            tooltip="Rétablir la dernière note retirée.",
            show=False,
        ),
        Binding(
            "shift+f10",
            "restore",
            "Rétablir",
            id="capture-restore-f10",
            tooltip="Comme Ctrl+Y : rétablir la dernière note retirée.",
            show=False,
        ),
        Binding(
            "f11",
            "edit_last",
            "Corriger",
            id="capture-edit",
            tooltip="Reprendre la dernière note pour la corriger (ce qui est tapé est mis "
            "de côté et revient ensuite).",
            show=False,
        ),
        Binding(
            "f12",
            "new_round",
            "Tour",
            id="capture-new-round",
            tooltip="Commencer un nouveau tour : sa question et sa durée.",
        ),
        Binding(
            "ctrl+r",
            "balance",
            "Parole",
            id="capture-balance",
            tooltip="Répartition de la parole : par personne et par collège, dans le "
            "sous-groupe et dans tout l'atelier.",
            show=False,
        ),
        Binding(
            "ctrl+p",
            "plenary",
            "Plénière",
            id="capture-plenary",
            tooltip="Vue de restitution pour le vidéoprojecteur (sans aucun nom).",
            show=False,
        ),
        Binding(
            "ctrl+o",
            "image",
            "Image",
            id="capture-image",
            tooltip="Atelier 1 : noter l'image associée (carte du photo-langage) de la "
            "personne qui a la parole, avec les étiquettes posées ; le texte tapé devient "
            "le « pourquoi ».",
            show=False,
        ),
        Binding(
            "ctrl+q",
            "app.quit",
            "Quitter",
            id="capture-quit",
            tooltip="Quitter le programme : les notes affichées sont enregistrées ; un texte "
            "encore dans la ligne de saisie fait d'abord poser la question.",
            show=False,  # The footer has room for F1, not for both.
            priority=True,
        ),
        Binding(
            "escape",
            "back",
            "Retour",
            id="back",
            tooltip="En correction : l'abandonner. Sinon revenir à l'atelier (un texte non "
            "enregistré est d'abord proposé à l'enregistrement).",
        ),
    ]

    def __init__(self, subgroup_id: str) -> None:
        super().__init__()
        self.subgroup_id = subgroup_id
        self.group: SubGroupRecord | None = None
        self.workshop: WorkshopRecord | None = None
        self.state = CaptureState(as_line=flatten)
        #: What each part of the screen shows now (see `changed`).
        self._shown: dict[str, object] = {}
        #: F9 was pressed: the next key chooses the kind (see `kind_key`).
        self.choosing_kind = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="capture-head", classes="screen-title"):
            yield Label("", id="capture-title", markup=False)
            yield RoundTimer(id="capture-timer")
        yield Static("", id="capture-question", markup=False)
        with Horizontal(id="capture-body"):
            with Vertical(id="capture-left"):
                yield Static("Ordre de parole", id="capture-order-title")
                yield SpeakerList(id="capture-speakers")
            yield NoteList(
                id="capture-notes",
                empty_text="Aucune note dans ce tour : tapez ce qui est dit, puis ⏎.",
            )
        yield Static("", id="capture-balance", markup=False)
        with Horizontal(id="capture-entry"):
            yield Label("", id="capture-prompt", markup=False)
            yield CaptureInput(id="capture-input", compact=True)
        yield Static("", id="capture-tags")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        self.input.focus()
        try:
            group = self.store.subgroups.get(self.subgroup_id)
            self.group = group
            self.workshop = self.store.capture.workshop_of(self.subgroup_id)
            rounds = self.store.capture.rounds(self.subgroup_id)
        except VitaliteError as exc:
            self.report(exc)
            self.query_one("#capture-question", Static).update(
                "Ce sous-groupe ne peut pas être ouvert (Échap pour revenir)."
            )
            return
        self.state.open(group.members, group.workshop_number, group.indicator, rounds)
        if rounds:
            live_id = rounds[-1].id
            self.state.resume_speaker(self.read(lambda: self.store.capture.turns(live_id)) or [])
            await self.show_round(len(rounds) - 1)
        else:
            self.state.resume_speaker([])
            await self.show_round(-1)
            # After the first paint, so the dialog opens over the sub-group it is for.
            self.call_after_refresh(self.action_new_round)

    def on_resize(self, event: events.Resize) -> None:
        # The title is fitted to its width, known once the layout is done.
        self.call_after_refresh(self.show_title)

    # --- what tests and dialogs read of the state --------------------------------------

    @property
    def input(self) -> CaptureInput:
        return self.query_one("#capture-input", CaptureInput)

    @property
    def current_id(self) -> str | None:
        return self.state.current_id

    @property
    def editing(self) -> NoteRecord | None:
        return self.state.editing

    @property
    def shown_round(self) -> RoundRecord | None:
        return self.state.shown_round

    @property
    def notes(self) -> list[NoteRecord]:
        return self.state.notes

    @property
    def tags(self) -> Tags:
        return self.state.tags

    @property
    def members(self) -> list[ParticipantRecord]:
        return self.state.members

    # --- speakers and tags -------------------------------------------------------------

    async def action_next_speaker(self) -> None:
        if self.state.editing is not None:
            self.change_editing_speaker(1)
        elif await self.settle_line():
            self.state.next_speaker()
            self.show_speakers()

    async def action_previous_speaker(self) -> None:
        if self.state.editing is not None:
            self.change_editing_speaker(-1)
        elif await self.settle_line():
            self.state.previous_speaker()
            self.show_speakers()

    def change_editing_speaker(self, step: int) -> None:
        """While correcting, Tab gives the note to another person (kept in its history)."""
        self.state.change_editing_speaker(step)
        self.show_speakers()
        self.refresh_bindings()  # ↑/↓ act only on an untouched correction

    async def settle_line(self) -> bool:
        """Before the floor moves: text still in the line is saved for the person it was
        typed for, so that it never follows the floor to someone else (a Tab pressed
        instead of Enter, a pasted tab). False when it could not be saved: it stays in the
        line, and the floor stays with its person."""
        if self.state.editing is not None or not self.input.value.strip():
            return True
        await self.action_save_note()
        return not self.input.value.strip()

    def action_anonymous(self) -> None:
        self.state.toggle_anonymous()
        self.show_entry()

    def action_indicator(self, number: int) -> None:
        self.state.set_indicator(number)
        self.show_entry()

    def action_indicator_off(self) -> None:
        self.state.clear_indicator()
        self.show_entry()

    def action_pole(self) -> None:
        self.state.next_pole()
        self.show_entry()

    def action_kind(self) -> None:
        """F9: the tags line lists a letter per kind; the next key chooses one."""
        self.choosing_kind = bool(self.state.kind_keys)
        self.show_entry()

    def kind_key(self, key: str, character: str | None) -> bool:
        """The key after F9: a kind's initial chooses it; Échap changes nothing. Any other
        key ends the choice and does what it always does (True: the key was used here)."""
        self.choosing_kind = False
        used = key == "escape" or (
            character is not None and len(character) == 1 and self.state.choose_kind(character)
        )
        self.show_entry()
        return used

    # --- showing -----------------------------------------------------------------------

    async def show_round(self, index: int) -> None:
        """Put a round on screen (-1: none yet): its question, clock, people and notes.

        The one full re-read of a round: notes, speaking balance and turns; a note saved
        or a pass recorded afterwards is counted on screen without reading them again.
        """
        state = self.state
        rnd = state.rounds[index] if 0 <= index < len(state.rounds) else None
        notes: list[NoteRecord] = []
        balance = None
        turns: list[TurnRecord] = []
        if rnd is not None:
            notes = self.read(lambda: self.store.capture.notes(rnd.id)) or []
            balance = self.read(lambda: self.store.capture.round_balance(rnd.id))
            turns = self.read(lambda: self.store.capture.turns(rnd.id)) or []
        state.show(index, notes, balance, turns)
        await self.query_one(NoteList).fill(state.notes, state.usual_kind)
        self.query_one(RoundTimer).show_round(rnd)
        self.show_title()
        self.show_speakers()
        self.refresh_bindings()

    def show_title(self) -> None:
        group, workshop, state = self.group, self.workshop, self.state
        if group is None or workshop is None:
            return
        rnd = state.shown_round
        tour = ""
        if rnd is not None:
            tour = f" · Tour {rnd.number}"
            if state.browsing:
                tour += f"/{len(state.rounds)} (ancien)"
            if rnd.trend:
                # Workshop 2: what the round is about, in sight all along (cut last, with …).
                tour += f" · tendance «\u00a0{rnd.trend}\u00a0»"
        title = self.query_one("#capture-title", Label)
        title.update(
            fit_title(
                f"{workshop.label} · {group.name}",
                group.theme,
                tour,
                title.content_size.width,
            )
        )
        self.query_one("#capture-head").set_class(state.browsing, "-old")
        question = self.query_one("#capture-question", Static)
        if rnd is None:
            question.update("Aucun tour commencé : F12 pour poser la question du premier tour.")
        else:
            question.update(f"Question : {rnd.question}")

    def show_speakers(self) -> None:
        """The speaking order with the marks of the round on screen, and the counts line.

        While a note is being corrected, the counts line says how to finish instead.
        """
        state = self.state
        current = None if state.browsing else state.current_id
        if self.changed("speakers", speakers_shown(state, current)):
            self.query_one(SpeakerList).show(state.members, state.balance, current)
        if state.editing is not None:
            # One line at 80 columns (Échap is in the footer, the rest in F1 help).
            line = "Correction : ⏎ l'enregistre · Tab la personne · F11 historique · ↑↓ autre note"
        elif state.balance is None:
            line = "Parole : aucun tour en cours."
        else:
            anonymous = state.balance.anonymous.turns
            extra = f" · anonymes {anonymous}" if anonymous else ""
            line = f"Parole : {state.balance.summary()}{extra} · {plural(len(state.notes), 'note')}"
        if self.changed("balance", line):
            # Two lines high whatever it says: no new layout needed.
            self.query_one("#capture-balance", Static).update(line, layout=False)
        self.show_entry()

    def show_entry(self) -> None:
        """The prompt before the input line and the tags line under it."""
        state = self.state
        live = state.live_round
        if state.editing is not None:
            prompt = f"✎ {state.member_name(state.editing_speaker)} › "
            if state.editing_speaker is not None and state.editing_speaker not in state.order:
                prompt = f"✎ {state.editing.speaker_label} › "  # someone from elsewhere
        else:
            who = "anonyme" if state.anonymous_next else state.member_name(state.current_id)
            # Browsing an old round, a new note still goes to the round in progress.
            where = f" (tour {live.number})" if state.browsing and live is not None else ""
            prompt = f"{who}{where} › "
        if self.changed("prompt", prompt):
            self.query_one("#capture-prompt", Label).update(prompt)
        editing = state.editing is not None
        if self.changed("tags", (state.tags, editing, self.choosing_kind)):
            self.query_one("#capture-tags", Static).update(
                kind_choice_content(state.kind_keys)
                if self.choosing_kind
                else tags_content(state.tags, editing=editing),
                layout=False,
            )

    def show_waiting(self, waiting: bool) -> None:
        """While another program holds the base, the prompt says the note waits its turn."""
        prompt = self.query_one("#capture-prompt", Label)
        self._shown.pop("prompt", None)
        if waiting:
            prompt.update("Base occupée… › ")
            self.notify(
                "La base est occupée par un autre programme : la note attend son tour et "
                "reste dans la ligne ; elle s'enregistre dès que la base se libère.",
                title="Base occupée",
                severity="warning",
            )
        else:
            self.show_speakers()

    def changed(self, part: str, shown: object) -> bool:
        """Whether `part` must be drawn again to show `shown`.

        Each widget updated is laid out and rendered again before the note appears: after a
        save, most of them would show exactly what they already show.
        """
        if self._shown.get(part, _NOTHING) == shown:
            return False
        self._shown[part] = shown
        return True

    # --- saving ------------------------------------------------------------------------

    async def action_save_note(self) -> None:
        """Enter. Runs in the input's own queue: keys typed meanwhile wait, none is lost."""
        state = self.state
        if state.editing is not None:
            await self.save_correction()
            return
        text = self.input.value
        if not text.strip():
            return  # An empty Enter stores nothing, and needs no message.
        if state.live_round is None:
            # A round may have just been started by keys typed ahead of this one.
            await self.catch_up_rounds()
        live = state.live_round
        if live is None:
            await self.action_new_round(then_save=True)
            return
        if state.browsing:
            await self.show_round(len(state.rounds) - 1)
        tags = state.tags
        speaker = state.next_note_speaker
        note = await self.vitalite.write_patiently(
            lambda: self.store.capture.save_note(
                live.id, speaker, text, tags.kind, tags.indicator, tags.pole
            ),
            waiting=self.show_waiting,
            kept="La note reste dans la ligne : ⏎ pour réessayer.",
        )
        if note is None:
            return  # Reported; the text stays in the line.
        # Committed: only now may the line be cleared.
        self.input.value = ""
        state.note_saved(note)
        self.query_one(NoteList).append(note)
        self.show_speakers()
        if len(state.notes) == 1:
            # Of the keys in the footer, only undo changes with a save: the round's first
            # note makes it usable. Redrawing the footer costs more than saving the note.
            self.refresh_bindings()

    async def action_pass_turn(self) -> None:
        if self.input.value.strip() and self.state.editing is None:
            # Text typed for this person: they spoke, so it is saved and the floor moves on,
            # as Tab does; no pass is counted for someone who just said something.
            await self.action_next_speaker()
            return
        state = self.state
        live, speaker = state.live_round, state.current_id
        if live is None or speaker is None:
            return
        if state.browsing:
            await self.show_round(len(state.rounds) - 1)
        if self.read(lambda: self.store.capture.record_pass(live.id, speaker)) is None:
            return
        state.pass_recorded(speaker)
        self.show_speakers()

    # --- undo and restore --------------------------------------------------------------

    async def action_undo(self) -> None:
        state = self.state
        rnd = state.shown_round
        if rnd is None or state.editing is not None:
            return
        try:
            note = self.store.capture.undo_last(rnd.id)
        except VitaliteError as exc:
            self.report(exc)
            return
        if note is None:
            self.notify("Aucune note à retirer dans ce tour.")
            return
        state.note_removed(note)
        await self.show_round(state.shown)
        self.notify(
            f"Note retirée : « {quote(note.text)} ». Ctrl+Y (ou Maj+F10) pour la rétablir.",
            title="Annulé",
            markup=False,
        )

    async def action_restore(self) -> None:
        state = self.state
        if not state.removed or state.editing is not None:
            return
        note = state.removed[-1]
        if self.read(lambda: self.store.capture.restore(note.id)) is None:
            return
        state.note_restored()
        shown = state.shown_round
        if shown is not None and note.round_id == shown.id:
            await self.show_round(state.shown)
        where = state.round_number(note.round_id)
        place = f" (tour {where})" if where is not None and shown and shown.number != where else ""
        self.notify(f"Note rétablie{place} : « {quote(note.text)} ».", markup=False)

    # --- corrections -------------------------------------------------------------------

    def action_edit_last(self) -> None:
        """F11: the last note taken back to correct; while correcting, the note's history."""
        if self.state.editing is not None:
            self.show_history(self.state.editing)
            return
        note = self.state.edit_last(self.input.value)
        if note is not None:
            self.show_correction(note)

    def show_history(self, note: NoteRecord) -> None:
        """The note as it is now and each earlier state: text, tags and who said it."""
        from vitalite_tui.tui.dialogs.note_reader import NoteHistoryDialog

        revisions = self.read(lambda: self.store.capture.revisions(note.id))
        if revisions is None:
            return
        current = self.read(lambda: self.store.capture.get_note(note.id)) or note

        def back(_: None) -> None:
            self.input.focus()

        self.app.push_screen(NoteHistoryDialog(current, revisions), back)

    def action_edit_step(self, step: int) -> None:
        """↑ on an empty line: the last note; while correcting, untouched: the next one."""
        if self.state.editing is None:
            if step < 0:
                self.action_edit_last()
            return
        move = self.state.edit_move(step)
        if move == "end":
            self.end_correction()
        elif move is not None:
            self.show_correction(self.state.begin_correction(move))

    def show_correction(self, note: NoteRecord) -> None:
        """The note being corrected: its text in the line, its row marked."""
        self.input.value = flatten(note.text)
        self.input.cursor_position = len(self.input.value)
        self.query_one(NoteList).mark_editing(note.id)
        self.show_speakers()
        self.refresh_bindings()

    def end_correction(self) -> None:
        """Back to typing new notes, with what was set aside when the correction began."""
        self.show_typing(self.state.end_correction())

    def show_typing(self, text: str) -> None:
        self.input.value = text
        self.input.cursor_position = len(text)
        self.query_one(NoteList).mark_editing(None)
        self.show_speakers()
        self.refresh_bindings()

    async def save_correction(self) -> None:
        state = self.state
        editing = state.editing
        if editing is None:
            return
        if state.correction_untouched(self.input.value):
            self.end_correction()
            return
        tags = state.tags
        speaker_changed = state.speaker_changed
        speaker = state.editing_speaker if speaker_changed else SAME_SPEAKER
        try:
            note = self.store.capture.edit_note(
                editing.id, self.input.value, tags.kind, tags.indicator, tags.pole, speaker
            )
        except VitaliteError as exc:
            self.report(exc)  # the correction stays in the line
            return
        row = self.query_one(NoteList).row(note.id)
        if row is not None:
            row.show_note(note)
        self.show_typing(state.correction_saved(note))
        if speaker_changed:
            # Who spoke changed: the marks and counts are read again.
            await self.show_round(state.shown)

    # --- rounds ------------------------------------------------------------------------

    async def action_new_round(self, then_save: bool = False) -> None:
        """F12: ask the question and timebox; `then_save` saves the waiting note after.

        Otherwise text in the line is first saved in the round it was typed in."""
        if self.group is None or (not then_save and not await self.settle_line()):
            return
        minutes = self.read(lambda: self.store.capture.suggested_timebox(self.subgroup_id))
        # Workshop 2: a round is about one of the presented trends (none elsewhere).
        trends = self.read(lambda: self.store.trends.round_choice(self.subgroup_id))

        def save(draft: RoundDraft) -> None:
            self.store.capture.start_round(
                self.subgroup_id, draft.question, draft.minutes, trend_id=draft.trend_id
            )

        async def done(draft: RoundDraft | None) -> None:
            if draft is None:
                self.input.focus()
                return
            self.state.anonymous_next = self.state.anonymous_next and then_save
            await self.catch_up_rounds()
            self.input.focus()
            if then_save:
                await self.action_save_note()

        rounds = self.state.rounds
        group, number = self.group, len(rounds)
        titles = dict(trends.options) if trends else {}

        def question(trend_id: str | None) -> str:
            # What this workshop asks in its next round, on this sub-group's theme.
            return suggested_question(
                group.workshop_number,
                number,
                indicator=group.indicator,
                theme=group.theme,
                trend=titles.get(trend_id or "", ""),
            )

        intro = (
            "La note tapée est gardée : elle sera enregistrée dans ce tour."
            if then_save
            else "Le tour précédent se termine ; il reste consultable (Page↑)."
            if rounds
            else ""
        )
        self.app.push_screen(
            RoundFormDialog(
                # 20 minutes, the usual round, if the store could not suggest one.
                f"Tour {len(rounds) + 1} — question et durée",
                minutes or 20,
                intro=intro,
                trends=trends.options if trends else (),
                trend_id=trends.suggested if trends else None,
                question=question,
                save=save,
            ),
            done,
        )

    async def catch_up_rounds(self) -> None:
        """Read the rounds again; one started since comes on screen, from the first speaker."""
        rounds = self.read(lambda: self.store.capture.rounds(self.subgroup_id))
        if rounds is not None and self.state.rounds_read(rounds):
            await self.show_round(len(rounds) - 1)

    async def action_show_round(self, step: int) -> None:
        if self.state.can_show_round(step):
            await self.show_round(self.state.shown + step)

    # --- balance, plenary, leaving -----------------------------------------------------

    def action_balance(self) -> None:
        group, workshop = self.group, self.workshop
        if group is None or workshop is None:
            return
        subgroup = self.read(lambda: self.store.capture.balance(group.id))
        whole = self.read(
            lambda: self.store.capture.workshop_balance(
                workshop.demarche_id, workshop.number, workshop.session
            )
        )
        if subgroup is None:
            return
        lines = balance_lines(
            [(m.id, m.display_name, m.college) for m in group.members], self.state.balance, subgroup
        )
        self.app.push_screen(
            SpeakingBalanceDialog(
                f"Répartition de la parole — {group.name}", lines, subgroup, whole
            )
        )

    def action_plenary(self) -> None:
        if self.workshop is None:
            return
        from vitalite_tui.tui.screens.workshops.plenary import PlenaryScreen

        self.app.push_screen(
            PlenaryScreen(
                self.workshop.demarche_id,
                self.workshop.number,
                self.subgroup_id,
                session=self.workshop.session,
            )
        )

    def action_image(self) -> None:
        """Ctrl+O (workshop 1): the image dialog, prefilled; the line clears once it is saved."""
        group, workshop, state = self.group, self.workshop, self.state
        if group is None or workshop is None or state.editing is not None:
            return
        from vitalite_tui.store.felt.records import ImageDraft
        from vitalite_tui.tui.dialogs.image_form import ImageFormDialog

        live = state.live_round
        speaker = state.next_note_speaker
        why = self.input.value.strip()

        def save(draft: ImageDraft) -> None:
            self.store.images.add(
                workshop.demarche_id,
                draft,
                subgroup_id=group.id,
                round_id=live.id if live is not None else None,
            )
            # Stored: the line clears now, before any key typed after the dialog lands in it.
            self.input.value = ""

        async def done(draft: ImageDraft | None) -> None:
            self.input.focus()
            if draft is None:
                return  # Cancelled: the line keeps its text.
            state.anonymous_next = False
            if state.rounds:
                await self.show_round(len(state.rounds) - 1)
            self.refresh_bindings()

        self.app.push_screen(
            ImageFormDialog(
                "Image associée",
                state.members,
                ImageDraft(speaker, "", state.tags.indicator, state.tags.pole, why),
                focus_card=speaker is not None,
                save=save,
            ),
            done,
        )

    def action_back(self) -> None:
        if self.state.editing is not None:
            self.end_correction()
            return
        if not self.input.value.strip():
            super().action_back()
            return

        async def confirmed(yes: bool | None) -> None:
            self.input.focus()
            if not yes:
                return
            await self.action_save_note()
            if not self.input.value.strip():
                super(CaptureScreen, self).action_back()

        state = self.state
        who = "anonyme" if state.anonymous_next else state.member_name(state.current_id)
        self.app.push_screen(
            ConfirmDialog(
                "Le texte tapé n'est pas encore enregistré. L'enregistrer comme note "
                f"({who}) avant de quitter ?\nNon : rester ici, le texte est gardé."
            ),
            confirmed,
        )

    def unsaved_text(self) -> str:
        return self.input.value.strip()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Only ↑/↓ depend on the line; the footer asks about every key, often.
        line = self.input.value if action == "edit_step" else ""
        return self.state.check(action, parameters, line)

"""A note read in full: from an article's thread, what it led to; from capture, its history."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.store.charter.records import NoteView, ThreadNode
from vitalite_tui.store.workshops.records import NoteRecord, NoteRevisionRecord
from vitalite_tui.tui.widgets.round_timer import clock_label

#: How each step of the thread is named on screen.
KIND_LABELS = {
    LinkKind.NOTE: "Note",
    LinkKind.AXIS: "Axe",
    LinkKind.INTENTION: "Intention",
    LinkKind.ACTION: "Action",
    LinkKind.ARTICLE: "Article",
}


def node_line(node: ThreadNode) -> str:
    """« Intention (at. 2) · Un café associatif », « Article 1 — … (at. 4) »."""
    where = f" (at. {node.workshop})" if node.workshop else ""
    relation = f" — {node.relation}" if node.relation else ""
    if node.kind is LinkKind.ARTICLE:  # its label already says « Article 3 — … »
        return f"{node.label}{where}{relation}"
    return f"{KIND_LABELS[node.kind]}{where} · {node.label}{relation}"


def thread_lines(nodes: tuple[ThreadNode, ...]) -> list[str]:
    """The nodes and their children, one line each, indented two spaces per level."""
    lines = []
    for top in nodes:
        for depth, node in top.walk():
            lines.append(f"{'  ' * depth}→ {node_line(node)}")
    return lines


class NoteDialog(ModalScreen[None]):
    """The whole text of a note; Escape or Enter closes it."""

    DEFAULT_CSS = """
    NoteDialog { align: center middle; }
    NoteDialog > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    NoteDialog .note-where { color: $text-muted; }
    NoteDialog .note-text { padding: 1 0; text-style: bold; }
    NoteDialog .note-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "Fermer", id="note-close", tooltip="Fermer la note."),
    ]

    def __init__(self, note: NoteView) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        note = self.note
        with VerticalScroll() as box:
            box.border_title = f"Note de l'atelier {note.workshop}" if note.workshop else "Note"
            where = [f"dite par : {note.speaker}"]
            if note.subgroup:
                where.append(f"sous-groupe : {note.subgroup}")
            if note.axis:
                where.append(f"axe : {note.axis}")
            yield Static(Text(" · ".join(where)), classes="note-where")
            yield Static(Text(note.text), classes="note-text")
            lines = thread_lines(note.leads_to)
            yield Static(
                Text("Ce qu'elle a donné :\n" + "\n".join(lines))
                if lines
                else Text("Elle n'a encore mené à aucune intention ni aucun article.")
            )
            yield Static("⏎ ou Échap Fermer", classes="note-keys")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def history_lines(note: NoteRecord, revisions: list[NoteRevisionRecord]) -> list[Text]:
    """The note now, then each earlier state, newest first: who said it, tags, text."""

    def line(when: str, speaker: str, kind: NoteKind, tag: str, text: str) -> Text:
        head = Text(f"{when} · {speaker} · {kind.label}{f' {tag}' if tag else ''}\n", "dim")
        return head + Text(text)

    lines = [line("Maintenant", note.speaker_label, note.kind, note.tag, note.text)]
    for revision in reversed(revisions):
        when = f"Jusqu'à {clock_label(revision.created_at)}"
        lines.append(line(when, revision.speaker_label, revision.kind, revision.tag, revision.text))
    return lines


class NoteHistoryDialog(ModalScreen[None]):
    """A note's history from the capture screen: what it says now and what it said before
    each correction (text, tags, speaker); Escape or Enter closes it."""

    DEFAULT_CSS = """
    NoteHistoryDialog { align: center middle; }
    NoteHistoryDialog > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    NoteHistoryDialog .history-state { padding: 0 0 1 0; }
    NoteHistoryDialog .note-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,enter",
            "close",
            "Fermer",
            id="note-history-close",
            tooltip="Fermer l'historique et revenir à la correction.",
        ),
    ]

    def __init__(self, note: NoteRecord, revisions: list[NoteRevisionRecord]) -> None:
        super().__init__()
        self.note = note
        self.revisions = revisions

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = "Historique de la note"
            for text in history_lines(self.note, self.revisions):
                yield Static(text, classes="history-state")
            if not self.revisions:
                yield Static("Cette note n'a jamais été corrigée.", classes="history-state")
            yield Static("⏎ ou Échap Fermer", classes="note-keys")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)

"""French no-break spaces on screen: a line never breaks at one (« », : ; ? !), at 80x24."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.containers import VerticalScroll
from textual.content import Content

from tui.conftest import SIZE, make_app, screen_lines, wait_for
from vitalite_tui.store import Store
from vitalite_tui.store.charter.records import NoteView
from vitalite_tui.tui.dialogs.note_reader import NoteDialog
from vitalite_tui.tui.screens.help import HelpScreen

#: A sentence as French typography writes it (or a word processor pastes it).
SENTENCE = (
    "Le maire a dit\u00a0: «\u00a0Vitalité\u00a0» et «\u00a0Lien\u00a0», "
    "pourquoi\u00a0? Voilà\u00a0!"
)

#: What must never start or end a line on screen.
STARTS = ("»", ":", ";", "?", "!")
ENDS = ("«",)

#: The frame of a dialog, around its lines.
FRAME = " ┃│▊▎▌▐█╹╻━"


def broken_lines(lines: list[str]) -> list[str]:
    """The lines that begin with a closing mark or end on an opening one."""
    shown = [line.replace("\u00a0", " ").strip(FRAME) for line in lines]
    return [line for line in shown if line.startswith(STARTS) or line.endswith(ENDS)]


def test_textual_and_rich_wrap_keep_no_break_spaces_in_the_word() -> None:
    console = Console(width=80, file=None, record=False)
    for width in range(12, len(SENTENCE) + 1):
        textual_lines = [str(line) for line in Content(SENTENCE).wrap(width)]
        rich_lines = [line.plain for line in Text(SENTENCE).wrap(console, width)]
        assert not broken_lines(textual_lines), (width, textual_lines)
        assert not broken_lines(rich_lines), (width, rich_lines)
        # Only where lines break changes: the text is whole, its no-break spaces kept.
        assert "".join(textual_lines).replace(" ", "") == SENTENCE.replace(" ", "")


async def test_the_note_reader_and_the_help_never_break_at_a_no_break_space(
    store: Store, demarche_id: str
) -> None:
    """A note pasted with French spaces, read in full: whatever the words before, no line
    of the reader ends on « nor starts with », : or !; the help (F1) neither."""
    paragraphs = [f"{'x' * length} {SENTENCE}" for length in range(40, 72, 3)]
    note = NoteView(id="n", text="\n".join(paragraphs), workshop=2, speaker="Anne")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(NoteDialog(note))
        await wait_for(pilot, lambda: "Vitalité" in "\n".join(screen_lines(app)))
        lines = screen_lines(app)
        assert sum("Vitalité" in line for line in lines) >= 8, lines
        assert not broken_lines(lines), lines
        await pilot.press("escape")
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        # The F-keys without Fn, at the foot of the help (« Fn : Ctrl+F », « F2 ; 0 »).
        app.screen.query_one(VerticalScroll).scroll_end(animate=False, immediate=True)
        await wait_for(pilot, lambda: "Fn" in "\n".join(screen_lines(app)))
        assert not broken_lines(screen_lines(app)), screen_lines(app)

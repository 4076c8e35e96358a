"""The application: global keys, the store it carries, the first screen."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from vitalite_tui.domain.text import terminal_safe
from vitalite_tui.errors import BaseBusy, VitaliteError
from vitalite_tui.formats.crash_log import crash_message, write_crash_log
from vitalite_tui.paths import data_dir, keymap_path
from vitalite_tui.store import Store
from vitalite_tui.tui.french_wrap import keep_no_break_spaces
from vitalite_tui.tui.function_prefix import FunctionKeyPrefix
from vitalite_tui.tui.keys import FUNCTION_KEY_PREFIX, describe_key
from vitalite_tui.tui.widgets.typing_order import (
    as_typed,
    deliver_again_if_focus_moved,
    note_delivery,
)

if TYPE_CHECKING:
    from vitalite_tui.tui.copies import AutomaticCopies

T = TypeVar("T")

#: Binding id of Ctrl+F (the F-keys without Fn): a keymap file may move it.
FUNCTION_KEYS_ID = "function-keys"

#: How long a write waits for a base another program holds, the screen frozen meanwhile (s).
#: Long writers (imports, the demo) commit in short batches: a note gets its turn within it.
LOCK_WAIT = 1.0

#: Seconds between two looks at whether an automatic copy is due (`tui/copies.py`, which
#: is imported only then: start-up time).
COPY_CHECK_EVERY = 60.0

#: How long a note waits, the screen alive and saying so, before giving up (s).
PATIENCE = 15.0
RETRY_EVERY = 0.5


# Before any text is wrapped on screen: lines never break at a French no-break space (the
# pure-Python parts of tui/, such as capture_state, stay importable without Textual).
keep_no_break_spaces()


class VitaliteApp(App[None]):
    """Vitalité sociale: the seven steps of the method, on the keyboard."""

    # The home screen's rules come with the app's: it is the root screen (`get_default_screen`),
    # and loading them with it would parse the whole stylesheet twice more at start-up.
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/home.tcss"]
    TITLE = "Vitalité sociale"
    # The command palette speaks English and needs the mouse-minded ctrl+p: off.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f1",
            "help",
            "Aide",
            id="help",
            tooltip="Toutes les touches de cet écran, en clair.",
        ),
        Binding(
            "ctrl+q",
            "quit",
            "Quitter",
            id="quit",
            tooltip="Quitter : tout ce qui est affiché comme enregistré l'est déjà.",
            priority=True,
        ),
        Binding(
            FUNCTION_KEY_PREFIX,
            "function_keys",
            "Touches F",
            id=FUNCTION_KEYS_ID,
            tooltip="Pour les portables dont les touches F demandent Fn\u00a0: Ctrl+F puis "
            "le chiffre fait la touche F de ce numéro (0\u00a0: F10) ; Ctrl+F seul, "
            "un instant\u00a0: la liste des touches F de l'écran.",
            show=False,
        ),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(
        self,
        store: Store,
        *,
        demarche_id: str | None = None,
        sober: bool = False,
        when_shown: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        #: Called once the first screen is drawn (`cli/tui.py`: the collector resumes).
        self.when_shown = when_shown
        self.store = store
        self.start_demarche_id = demarche_id
        self.automatic_copies: AutomaticCopies | None = None
        #: The question Ctrl+Q asks about unsaved text, while it is open.
        self._quit_question: Screen[bool] | None = None
        store.set_lock_wait(LOCK_WAIT)
        self.sober_asked = sober
        #: The keys of `touches.json` (binding id → keys), once read at mount.
        self.user_keys: dict[str, str] = {}
        self.function_prefix = FunctionKeyPrefix(
            self,
            lambda: self.user_keys.get(FUNCTION_KEYS_ID, FUNCTION_KEY_PREFIX),
            self.action_function_keys,
        )
        #: Why the display is sober (None: it is not); decided at mount.
        self.sober: str | None = None

    def get_default_screen(self) -> Screen[Any]:
        """The home screen is the root: no empty default screen is built first."""
        from vitalite_tui.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        if self.when_shown is not None:
            self.call_after_refresh(self.when_shown)
        self.set_up_display()
        self.load_user_keys()
        self.set_interval(COPY_CHECK_EVERY, self.copy_if_due)
        if self.start_demarche_id is not None:
            from vitalite_tui.tui.screens.demarche import DemarcheScreen

            self.push_screen(DemarcheScreen(self.start_demarche_id))
        if self.store.shared:
            self.notify(
                "Cette base est déjà ouverte dans une autre fenêtre de vitalite. "
                "Rien ne se perd, mais chaque fenêtre ne voit les saisies de l'autre "
                "qu'en rouvrant l'écran.",
                title="Deuxième fenêtre",
                severity="warning",
                timeout=12,
            )
        if self.store.backup is not None:
            self.notify(
                f"Base mise à jour ; copie de sécurité : {self.store.backup}",
                title="Mise à jour",
                timeout=8,
            )

    def set_up_display(self) -> None:
        """The sober display when asked for, or when the terminal shows few colours."""
        from vitalite_tui.tui.sober import SOBER_THEME, sober_reason

        self.sober = sober_reason(os.environ, asked=self.sober_asked, terminal=not self.is_headless)
        if self.sober is None:
            return
        self.animation_level = "none"
        self.register_theme(SOBER_THEME)
        self.theme = SOBER_THEME.name

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # A blinking cursor flickers on a projector and costs an old laptop a redraw twice
        # a second; Textual sets blinking per input, so each gets it as it takes the focus.
        if self.sober is None:
            return
        from textual.widgets import Input, TextArea  # Only then: start-up time.

        if isinstance(event.widget, (Input, TextArea)):
            event.widget.cursor_blink = False

    def load_user_keys(self) -> None:
        """The keys of `touches.json` in the data folder, over the bindings' own."""
        from vitalite_tui.tui.keymap import load_keymap

        user = load_keymap(keymap_path())
        if user.problem is not None:
            self.notify(user.problem, title="Touches", severity="warning", timeout=12, markup=False)
        elif user.keys:
            self.user_keys = user.keys
            self.set_keymap(user.keys)

    def action_function_keys(self) -> None:
        """Ctrl+F: the screen's F-keys by number, then the one chosen acts."""
        from vitalite_tui.tui.dialogs.function_keys import FunctionKeysDialog

        if isinstance(self.screen, FunctionKeysDialog):
            return
        beneath = self.screen

        def chosen(key: str | None) -> None:
            # As if the F-key itself were pressed: the same path, the same checks.
            if key is not None and self.screen is beneath:
                self.post_message(events.Key(key, None))

        self.push_screen(FunctionKeysDialog(beneath), chosen)

    def copy_if_due(self) -> None:
        """The quarter-hourly automatic copy (see `tui/copies.py`), looked at every minute."""
        from vitalite_tui.tui.copies import AutomaticCopies

        if self.automatic_copies is None:
            self.automatic_copies = AutomaticCopies(self)
        self.automatic_copies.copy_if_due()

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the footer as French speakers read them: Échap, Ctrl+Q, F1."""
        return describe_key(binding.key, binding.key_display)

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        # A key from the terminal, read here where keys arrive in the order typed
        # (`typing_order.py`): Escape and a key typed at once are read as one Alt+key, and
        # come apart; Ctrl+F then a digit is that F-key; each key is delivered where the
        # focus is, and remembered there.
        for typed in as_typed(self, event):
            key = self.function_prefix.translate(typed)
            if key is None:
                continue
            note_delivery(self, key)
            await super().on_event(key)

    def on_key(self, event: events.Key) -> None:
        # Before Textual's own handler (bindings): a key that went where the focus no
        # longer is goes where it is now, in typing order (`typing_order.py`).
        deliver_again_if_focus_moved(self, event)

    def action_help(self) -> None:
        from vitalite_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        """Quit; but never drop typed text silently (a note still in the capture line)."""
        from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
        from vitalite_tui.tui.screens.base import BaseScreen

        if self.screen is self._quit_question:
            return  # Ctrl+Q twice (a key held down) is not an answer: the question says which
        # The text may be under a dialog (a form opened over the capture line).
        texts = (s.unsaved_text() for s in reversed(self.screen_stack) if isinstance(s, BaseScreen))
        text = next((t for t in texts if t), "")
        if not text:
            self.exit()
            return
        shown = text if len(text) <= 60 else f"{text[:57]}…"

        def answered(yes: bool | None) -> None:
            self._quit_question = None
            if yes:
                self.exit()

        # Enter keeps the text, as in the question Escape asks about it (save it as a note).
        self._quit_question = ConfirmDialog(
            f"« {shown} » n'est pas encore enregistré. Quitter sans l'enregistrer ?\n"
            "⏎ ou n : non, revenir à la saisie, le texte est gardé.",
            enter_means_yes=False,
        )
        self.push_screen(self._quit_question, answered)

    def action_help_quit(self) -> None:
        self.notify("Pour quitter : Ctrl+Q.", title="Quitter ?")

    def report(self, error: VitaliteError) -> None:
        """Show an error meant for the user; nothing typed is cleared by it."""
        # Messages quote what was typed, file names and cells: never read them as markup
        # (« [ » would break it), and no escape sequence of theirs may reach the terminal.
        message = terminal_safe(error.message, lines=True)
        self.notify(message, title="Attention", severity="error", timeout=8, markup=False)

    def read(self, query: Callable[[], T]) -> T | None:
        """The store's answer, or None after reporting why there is none."""
        try:
            return query()
        except VitaliteError as exc:
            self.report(exc)
            return None

    def run_safely(self, work: Callable[[], object]) -> bool:
        """Run a store call; report a French error instead of raising it."""
        try:
            work()
        except VitaliteError as exc:
            self.report(exc)
            return False
        return True

    async def write_patiently(
        self,
        work: Callable[[], T],
        *,
        waiting: Callable[[bool], None] | None = None,
        kept: str = "",
    ) -> T | None:
        """Run a store write; while another program holds the base, try again for a while.

        The screen stays alive meanwhile (keys typed wait their turn in the caller's queue)
        and `waiting(True)` lets it show that it waits; None after reporting a French error:
        nothing was stored, and the caller keeps what was typed (`kept` says so to the user).
        """
        deadline = time.monotonic() + PATIENCE
        waited = False
        try:
            while True:
                try:
                    return work()
                except BaseBusy as exc:
                    if time.monotonic() >= deadline:
                        self.report(VitaliteError(f"{exc.message} {kept}".strip()))
                        return None
                    if not waited:
                        waited = True
                        if waiting is not None:
                            waiting(True)
                await asyncio.sleep(RETRY_EVERY)
        except VitaliteError as exc:
            self.report(VitaliteError(f"{exc.message} {kept}".strip()))
            return None
        finally:
            if waited and waiting is not None:
                waiting(False)

    async def _dispatch_action(self, namespace: Any, action_name: str, params: Any) -> bool:
        """Every key's action: a French error that escaped its screen is reported, not fatal.

        Screens report their store errors themselves (`run_safely`, `read`); one that did
        not would otherwise stop the app, losing what is typed on screen, for a locked base
        or a full disk. (Textual's one place where every action runs.)
        """
        try:
            return await super()._dispatch_action(namespace, action_name, params)
        except VitaliteError as exc:
            self.report(exc)
            return True

    def _fatal_error(self) -> None:
        """An unexpected error: its traceback goes to the journal, a French sentence on screen.

        Textual's own traceback would show local values (what was typed) on a projector.
        """
        error = self._exception
        journal = None if error is None else write_crash_log(error, data_dir())
        self.bell()
        self._exit_renderables.append(crash_message(journal))
        self._close_messages_no_wait()

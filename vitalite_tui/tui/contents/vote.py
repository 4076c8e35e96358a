"""Workshop 3, the vote: the wall count typed cell by cell, ballots person by person."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.text import nbsp_quotes, plural
from vitalite_tui.store.vote.records import VoteBoard, VoterRecord, VoteSettingsDraft
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.dialogs.ballot import BallotDialog
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.filter_pick import FilterPickDialog
from vitalite_tui.tui.dialogs.vote_settings import VoteSettingsDialog
from vitalite_tui.tui.widgets.dots_grid import DotsColumn, DotsGrid, DotsLine

if TYPE_CHECKING:
    from vitalite_tui.print.paper import Printed
    from vitalite_tui.store import Store

#: The key of the column of dots whose collège is unknown (stickers of one colour).
NO_COLLEGE = "none"
BALLOTS = DotsColumn("ballots", "bull.", 5, editable=False)

COLUMNS = (
    DotsColumn(College.ELU.value, "élus", 5),
    DotsColumn(College.ACTEUR.value, "acteurs", 7),
    DotsColumn(College.HABITANT.value, "habit.", 6),
    DotsColumn(NO_COLLEGE, "s.coll.", 7),
    BALLOTS,
    DotsColumn("total", "total", 5, editable=False, total=True),
)


def college_of(column: DotsColumn) -> College | None:
    return None if column.key == NO_COLLEGE else College(column.key)


def voter_line(voter: VoterRecord) -> str:
    """« P003  Chloé Carrère · acteur local · ✔ bulletin (3) »."""
    ballot = f" · ✔ bulletin ({voter.dots})" if voter.has_ballot else ""
    return f"{voter.code}  {voter.name} · {voter.college.label}{ballot}"


class VotePart(ContentPart):
    """The grid of the wall count (one line per candidate) and the ballots typed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "b",
            "ballots",
            "Bulletins",
            id="vote-ballots",
            tooltip="Saisir le bulletin d'une personne présente (choisie par son code ou nom).",
        ),
        Binding(
            "s",
            "settings",
            "Réglages",
            id="vote-settings",
            tooltip="Gommettes par personne, plafond par action, actions à retenir, affichage.",
        ),
        Binding(
            "c",
            "close",
            "Clore",
            id="vote-close",
            tooltip="Clore ce tour du vote : les saisies s'arrêtent, les actions retenues "
            "sont marquées.",
        ),
        Binding(
            "o",
            "reopen",
            "Rouvrir",
            id="vote-reopen",
            tooltip="Rouvrir ce tour pour corriger une saisie.",
        ),
        Binding(
            "i",
            "print_poster",
            "Imprimer",
            id="vote-print",
            tooltip="Imprimer l'affiche des actions candidates, avec la place des gommettes "
            "(PDF dans exports/).",
            show=False,  # No room at 80 columns: F1 says it.
        ),
        Binding(
            "r",
            "screen.show_part('results')",
            "Résultats",
            id="vote-results",
            tooltip="Afficher le classement (F7).",
            # F7 says the same on the tab bar: the footer keeps room for F1 at 80 columns.
            show=False,
        ),
    ]

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        self.board: VoteBoard | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="vote-rules", classes="hint")
        yield Static("", id="vote-empty", classes="hint")
        yield DotsGrid(COLUMNS, commit=self.store_cell, id="vote-grid")
        yield Static("", id="vote-wall", classes="counts")
        yield Static("", id="vote-warning", classes="warning")

    # --- reading -----------------------------------------------------------------------

    def reload(self) -> None:
        board = self.read(lambda: self.store.votes.board(self.demarche_id))
        if board is None:
            return
        before = self.board
        self.board = board
        grid = self.query_one(DotsGrid)
        round_number = board.settings.round_number
        grid.set_lines(
            [
                DotsLine(
                    row.action_id,
                    row.number,
                    row.title,
                    {
                        **{
                            (c.value if c is not None else NO_COLLEGE): n
                            for c, n in row.cells.items()
                        },
                        BALLOTS.key: row.from_ballots or None,
                    },
                )
                for row in board.rows
            ],
            restart=before is not None and before.settings.round_number != round_number,
        )
        settings = board.settings
        grid.locked = settings.closed
        state = "clos (o pour rouvrir)" if settings.closed else "ouvert"
        tour = f"Tour {settings.round_number} (départage)" if settings.tie_break else "Tour 1"
        self.query_one("#vote-rules", Static).update(
            Content(f"{tour} · {state} · {settings.summary}")
        )
        empty = self.query_one("#vote-empty", Static)
        empty.display = not board.rows
        empty.update("Aucune action candidate : importez les intentions dans Candidats (F5).")
        grid.display = bool(board.rows)
        self.show_wall()
        self.refresh_bindings()

    def show_wall(self) -> None:
        board = self.board
        if board is None:
            return
        grid = self.query_one(DotsGrid)
        walls = [c.key for c in COLUMNS if c.editable]
        posted = sum(line.values.get(k) or 0 for line in grid.lines for k in walls)
        board = replace(board, wall_dots=posted)
        self.query_one("#vote-wall", Static).update(board.wall_line)
        warning = self.query_one("#vote-warning", Static)
        # What the cells typed so far cannot be (they may not be read back from the store yet).
        cells = {
            (line.title, college): value
            for line in grid.lines
            for college in College
            if (value := line.values.get(college.value))
        }
        impossible = board.impossible_counts(cells)
        if len(impossible) > 1:
            # The first one whole (three lines at most): the others once it is corrected.
            others = plural(
                len(impossible) - 1, "autre compte impossible", "autres comptes impossibles"
            )
            impossible = [f"{impossible[0]} Et {others}."]
        # Three lines at most: an impossible count first, the overall excess once it is gone.
        message = impossible[0] if impossible else board.warning
        if board.tie_pending:
            message = (
                "Égalité sur la dernière place retenue : t dans Résultats (F7) ouvre un départage."
            )
        warning.update(Content(nbsp_quotes(f"⚠ {message}") if message else ""))
        warning.display = bool(message)

    def focus_first(self) -> None:
        self.query_one(DotsGrid).focus()

    def unsaved_text(self) -> str:
        typed = self.query_one(DotsGrid).buffer
        return f"{typed} gommettes tapées, pas encore validées (⏎)" if typed else ""

    @property
    def closed(self) -> bool:
        return self.board is not None and self.board.settings.closed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        has_rows = self.board is not None and bool(self.board.rows)
        if action == "ballots":
            return has_rows and not self.closed
        if action == "close":
            return has_rows and not self.closed
        if action == "reopen":
            return self.closed
        return True

    # --- the wall ----------------------------------------------------------------------

    def store_cell(self, line: DotsLine, column: DotsColumn, value: int | None) -> bool:
        """One cell of the wall count, stored at once (before the next key is read)."""
        stored = self.run_safely(
            lambda: self.store.votes.set_tally(
                self.demarche_id, line.key, college_of(column), value
            )
        )
        if stored:
            self.call_after_refresh(self.show_wall)
        return stored

    # --- ballots -----------------------------------------------------------------------

    def action_ballots(self) -> None:
        voters = self.read(lambda: self.store.votes.voters(self.demarche_id))
        if voters is None:
            return
        if not voters:
            self.notify(
                "Personne n'est noté présent à l'atelier 3 : cochez les présences d'abord.",
                severity="warning",
            )
            return
        typed = plural(sum(1 for v in voters if v.has_ballot), "bulletin saisi", "bulletins saisis")
        by_id = {v.participant_id: v for v in voters}
        self.app.push_screen(
            FilterPickDialog(
                "Bulletin de…",
                [(v.participant_id, voter_line(v)) for v in voters],
                hint=f"{plural(len(voters), 'présent')} · {typed}. Tapez un code (P003) ou un nom.",
                then=lambda participant_id: self.open_ballot(by_id[participant_id]),
            )
        )

    def open_ballot(self, voter: VoterRecord) -> None:
        """The ballot of one person; once stored, the list again for the next one.

        Both open at once (not after the screen below redraws): the keys typed on are theirs.
        """
        board = self.board
        dots = self.read(lambda: self.store.votes.ballot(self.demarche_id, voter.participant_id))
        if board is None or dots is None:
            return

        saved: list[int] = []

        def save(ballot: dict[str, int]) -> None:
            self.store.votes.save_ballot(self.demarche_id, voter.participant_id, ballot)
            saved.append(sum(ballot.values()))

        def next_one() -> None:
            if saved and saved[-1]:
                counted = plural(saved[-1], "gommette comptée", "gommettes comptées")
                self.notify(f"Bulletin de {voter.code} enregistré : {counted}.")
            else:
                # Only a ballot typed earlier can be emptied (the dialog refuses a new empty one).
                self.notify(
                    f"Bulletin de {voter.code} retiré : ses gommettes ne comptent plus ; "
                    "elles peuvent être comptées sur le mur."
                )
            self.reload()
            self.action_ballots()

        self.app.push_screen(
            BallotDialog(voter, board.rows, board.settings, dots, save=save, then=next_one),
            lambda _: self.reload(),
        )

    # --- settings, closing -------------------------------------------------------------

    def action_print_poster(self) -> None:
        from vitalite_tui.tui.printing import print_in_background

        def make(store: Store) -> Printed:
            from vitalite_tui.print.vote import print_vote

            return print_vote(store, self.demarche_id)

        print_in_background(self, make, "Affiche du vote imprimée")

    def action_settings(self) -> None:
        board = self.board
        if board is None:
            return

        def save(draft: VoteSettingsDraft) -> None:
            self.store.votes.save_settings(self.demarche_id, draft)

        def done(draft: VoteSettingsDraft | None) -> None:
            if draft is not None:
                self.reload()

        self.app.push_screen(
            VoteSettingsDialog(board.settings, candidates=len(board.rows), save=save), done
        )

    def action_close(self) -> None:
        board = self.board
        if board is None:
            return
        round_number = board.settings.round_number

        def confirmed(yes: bool | None) -> None:
            if yes and self.run_safely(lambda: self.store.votes.close(self.demarche_id)):
                self.reload()
                self.notify(f"Tour {round_number} du vote clos : voir les résultats (F7).")

        self.app.push_screen(
            ConfirmDialog(
                f"Clore le tour {round_number} du vote ? Les saisies s'arrêtent et les "
                "actions retenues sont marquées (o rouvre le tour pour corriger)."
            ),
            confirmed,
        )

    def action_reopen(self) -> None:
        def confirmed(yes: bool | None) -> None:
            if yes and self.run_safely(lambda: self.store.votes.reopen(self.demarche_id)):
                self.reload()

        self.app.push_screen(
            ConfirmDialog(
                "Rouvrir ce tour du vote ? Les actions qu'il retient ne le sont plus jusqu'à "
                "sa nouvelle clôture."
            ),
            confirmed,
        )

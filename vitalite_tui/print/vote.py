"""Vote materials of workshop 3: the candidate actions as a poster with room for the dots,
and individual ballots for a vote by ballot (the rules from the vote settings)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from vitalite_tui.domain.text import plural
from vitalite_tui.errors import NotFound
from vitalite_tui.print.paper import FONT, LINE, Paper, Printed, file_name
from vitalite_tui.store import Store
from vitalite_tui.store.vote.records import CandidateRecord, VoteSettingsRecord

VOTE_WORKSHOP = 3
#: Candidates per poster page (A4; A3 holds as many, in larger type and larger dot space).
PER_PAGE = 6
#: The most candidates a half-page ballot holds; more, and a ballot takes a whole page.
HALF_PAGE_BALLOT = 10
#: The candidate's number, in large type (mm, A4): room for two digits.
NUMBER_WIDTH = 21.0


def rules_line(settings: VoteSettingsRecord) -> str:
    """« 4 gommettes par personne, au plus 2 sur une même action »."""
    return (
        f"{plural(settings.dots_per_participant, 'gommette')} par personne, au plus "
        f"{settings.max_per_action} sur une même action"
    )


def _candidates(store: Store, demarche_id: str) -> list[CandidateRecord]:
    candidates = store.votes.candidates(demarche_id)
    if not candidates:
        raise NotFound(
            "Aucune action candidate pour le vote : ajoutez-les à l'atelier 3 (Contenus, "
            "actions candidates), puis imprimez."
        )
    return candidates


def vote_poster(
    territory: str, candidates: Sequence[CandidateRecord], rules: str, *, a3: bool
) -> Paper:
    scale = 1.4 if a3 else 1.0
    pdf = Paper("Vote — actions candidates", territory, size="A3" if a3 else "A4")
    row = (pdf.h - 2 * pdf.t_margin - 30 * scale) / PER_PAGE
    for index, candidate in enumerate(candidates):
        if index % PER_PAGE == 0:
            pdf.add_page()
            pdf.line_of("Vote : les actions candidates", 20 * scale, bold=True)
            pdf.line_of(f"{rules} : collez vos gommettes dans le cadre.", 11 * scale)
            pdf.ln(3)
        top = pdf.get_y()
        text_width = pdf.inner_width * 0.55
        pdf.rect(pdf.l_margin, top, pdf.inner_width, row - 2)
        pdf.set_xy(pdf.l_margin + 2, top + 2)
        pdf.set_font(FONT, "B", 26 * scale)
        pdf.cell(NUMBER_WIDTH * scale, 12 * scale, str(candidate.number))
        x = pdf.l_margin + 4 + NUMBER_WIDTH * scale
        width = text_width - NUMBER_WIDTH * scale
        pdf.set_y(top + 2)
        # The frame's height, less a margin: a long title is set smaller to stay inside.
        room = row - 6
        size = pdf.fitted_size(candidate.title, width, room, 13 * scale, bold=True)
        title = pdf.wrapped(width, candidate.title)[: int(room // (size * LINE))]
        pdf.lines_at(x, width, size * LINE, title)
        if candidate.description:
            pdf.set_font(FONT, size=8.5 * scale)
            # Three lines at most, in what the title leaves: the poster is read from across
            # the room, the title first.
            left = int((room - len(title) * size * LINE) // (4 * scale))
            lines = pdf.wrapped(width, candidate.description)[: min(3, left)]
            pdf.lines_at(x, width, 4 * scale, lines)
        # The frame for the dots: the right half of the row.
        pdf.set_draw_color(140)
        pdf.rect(pdf.l_margin + text_width + 4, top + 3, pdf.inner_width - text_width - 7, row - 8)
        pdf.set_draw_color(0)
        pdf.set_y(top + row)
    return pdf


def _ballot(
    pdf: Paper, candidates: Sequence[CandidateRecord], settings: VoteSettingsRecord
) -> None:
    pdf.line_of("Bulletin de vote — atelier 3", 13, bold=True)
    pdf.blank_line("Nom ou n° de participant :", 9.5)
    pdf.line_of(f"{rules_line(settings)} : une croix par gommette.", 9)
    pdf.ln(1)
    # One box per dot the rules allow on an action, at the right of its line.
    box_area = 6.0 * settings.max_per_action + 4
    for candidate in candidates:
        y = pdf.get_y()
        pdf.set_font(FONT, size=9.5)
        title = f"{candidate.number}. {candidate.title}"
        pdf.cell(pdf.inner_width - box_area, 6, pdf.shortened(title, pdf.inner_width - box_area))
        for box in range(settings.max_per_action):
            pdf.box(pdf.w - pdf.r_margin - box_area + 4 + box * 6, y + 1.2)
        pdf.set_draw_color(170)
        pdf.line(pdf.l_margin, y + 6, pdf.w - pdf.r_margin, y + 6)
        pdf.set_draw_color(0)
        pdf.set_y(y + 6)


def ballots(
    territory: str, candidates: Sequence[CandidateRecord], settings: VoteSettingsRecord, count: int
) -> Paper:
    pdf = Paper("Bulletins de vote", territory)
    per_page = 2 if len(candidates) <= HALF_PAGE_BALLOT else 1
    for index in range(count):
        if index % per_page == 0:
            pdf.add_page()
        else:
            # The cut line between the two ballots of one sheet.
            middle = pdf.h / 2
            pdf.set_dash_pattern(dash=2, gap=2)
            pdf.line(pdf.l_margin, middle, pdf.w - pdf.r_margin, middle)
            pdf.set_dash_pattern()
            pdf.set_y(middle + 6)
        _ballot(pdf, candidates, settings)
    return pdf


def print_vote(
    store: Store,
    demarche_id: str,
    *,
    out: Path | None = None,
    a3: bool = False,
    ballot: bool = False,
    count: int | None = None,
) -> Printed:
    """The poster (A4, or A3 with `a3`), or with `ballot` one ballot per person present at
    workshop 3 (or per registered person while nobody is ticked present; `count` to say)."""
    territory = store.demarches.get(demarche_id).territory
    candidates = _candidates(store, demarche_id)
    settings = store.votes.settings(demarche_id)
    today = date.today()
    if ballot:
        people = count or (
            len(store.workshops.present(demarche_id, VOTE_WORKSHOP))
            or len(store.participants.all(demarche_id))
            or 1
        )
        pdf = ballots(territory, candidates, settings, people)
        name = file_name("bulletins", territory, today)
        return pdf.write_to(out, name, f"{plural(people, 'bulletin')}, {rules_line(settings)}")
    pdf = vote_poster(territory, candidates, rules_line(settings), a3=a3)
    name = file_name("vote", territory, today, "a3" if a3 else "")
    return pdf.write_to(
        out, name, f"{plural(len(candidates), 'action candidate', 'actions candidates')}"
    )

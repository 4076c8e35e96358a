"""The hall's paper read back against the base: sign-in sheet, wall headers, vote, charter;
and the first page of each rendered as an image where poppler is installed."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from support.pdf import flat, fragments, in_order, page_sizes, pages_text, render_first_page

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.errors import NotFound
from vitalite_tui.print.charter import print_charter
from vitalite_tui.print.questionnaire import print_questionnaire
from vitalite_tui.print.sign_in import BLANK_ROWS, NOMINATIVE, print_sign_in
from vitalite_tui.print.vote import print_vote
from vitalite_tui.print.wall import planned_questions, print_wall
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.store.vote.records import CandidateDraft
from vitalite_tui.store.vote.votes import MAX_DESCRIPTION, MAX_TITLE
from vitalite_tui.store.workshops.capture import MAX_QUESTION
from vitalite_tui.store.workshops.subgroups import MAX_NAME, MAX_THEME

A3 = (842, 1191)


def only(store: Store) -> str:
    (demarche,) = store.demarches.all()
    return demarche.id


@pytest.mark.demo("small")
def test_sign_in_sheet_lists_everyone_in_french_order(store: Store, tmp_path: Path) -> None:
    demarche_id = only(store)
    printed = print_sign_in(store, demarche_id, 2, out=tmp_path)
    pages = pages_text(printed.path)
    text = " ".join(pages)
    people = store.participants.all(demarche_id)
    names = [person.display_name for person in people]
    # « Élodie » between « Denis » and « Fatou », not after « Zoé ».
    places = in_order(text, names)
    assert places == sorted(places)
    assert any(name.startswith("É") for name in names)
    for person in people:
        assert flat(f"{person.display_name} {person.college.label} {person.commune}") in text
    assert all(NOMINATIVE in page for page in pages)  # said on every page
    assert "Nouveaux venus" in text
    assert printed.summary == f"{len(names)} personnes inscrites"
    assert BLANK_ROWS >= 8


@pytest.mark.demo("small")
def test_wall_headers_one_per_subgroup_and_round(store: Store, tmp_path: Path) -> None:
    demarche_id = only(store)
    printed = print_wall(store, demarche_id, 1, out=tmp_path)
    pages = pages_text(printed.path)
    groups = store.subgroups.all(demarche_id, 1)
    expected = [(g, q) for g in groups for q in planned_questions(store, g)]
    assert len(pages) == len(expected) >= len(groups)
    assert all(width > height for width, height in page_sizes(printed.path))  # landscape
    for page, (group, question) in zip(pages, expected, strict=True):
        assert flat(question) in page
        assert group.indicator is not None
        indicator = INDICATORS[group.indicator - 1]
        in_order(page, [indicator.name, indicator.depression, indicator.vitality])
    # Workshop 2's sub-groups work on a trend, on no one indicator: the four and their poles.
    for page in pages_text(print_wall(store, demarche_id, 2, out=tmp_path).path):
        for indicator in INDICATORS:
            assert f"{indicator.code} · {indicator.short_name}" in page
            assert f"− {indicator.depression}" in page
    other = store.demarches.create("Autre territoire", "Aubrac")
    with pytest.raises(NotFound, match="Aucun sous-groupe à l'atelier"):
        print_wall(store, other, 1, out=tmp_path)


def test_wall_header_at_the_longest_lengths_the_base_allows(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    person = store.participants.add(demarche_id, ParticipantDraft("Anne Azéma", College.ELU))
    store.workshops.set_present(demarche_id, 1, person, True)
    (group,) = store.subgroups.form(demarche_id, 1, count=1)
    name = ("Mobilités, Mémoire et Maisons " * 3)[:MAX_NAME]
    theme = ("Wagons, Mobilités, Maisons " * 5)[:MAX_THEME]
    store.subgroups.update(group.id, name, theme, 2)
    question = "Quelles Mobilités Manquent le plus aux Âgés des hameaux Éloignés ? " * 5
    store.capture.start_round(group.id, question[:MAX_QUESTION].strip())
    printed = print_wall(store, demarche_id, 1, out=tmp_path)
    assert printed.pages == len(planned_questions(store, store.subgroups.get(group.id)))
    page = pages_text(printed.path)[0]
    assert flat(question[:MAX_QUESTION]) in page  # all of it, however long
    # The name is cut rather than run under « Tour 1 »…
    assert name.strip() not in page
    assert "Sous-groupe 1 : Mobilités, Mémoire" in page
    assert "…" in page
    # …and the question, in smaller type, stops above the indicator and its poles.
    drawn = fragments(printed.path)
    last_line = [f for f in drawn if f.text in flat(question)][-1]
    indicator = next(f for f in drawn if f.text.startswith(INDICATORS[1].code))
    assert last_line.bottom > indicator.top


@pytest.mark.demo("small")
def test_vote_poster_and_ballots(store: Store, tmp_path: Path) -> None:
    demarche_id = only(store)
    candidates = store.votes.candidates(demarche_id)
    poster = print_vote(store, demarche_id, out=tmp_path, a3=True)
    text = " ".join(pages_text(poster.path))
    places = in_order(text, [f"{c.number} {c.title}" for c in candidates])
    assert places == sorted(places)
    assert set(page_sizes(poster.path)) == {A3}
    assert "3 gommettes par personne, au plus 2 sur une même action" in text
    ballots = print_vote(store, demarche_id, out=tmp_path, ballot=True, count=5)
    pages = pages_text(ballots.path)
    assert len(pages) == 3  # two ballots a sheet
    assert sum(page.count("Bulletin de vote") for page in pages) == 5
    assert all(c.title in pages[0] for c in candidates)


@pytest.mark.parametrize("a3", [False, True])
def test_vote_poster_at_the_longest_titles(
    store: Store, demarche_id: str, tmp_path: Path, a3: bool
) -> None:
    title = ("Mettre en Marche un Minibus Mutualisé entre Mairies et Marchés " * 4)[:MAX_TITLE]
    description = ("Détails " * 1000)[:MAX_DESCRIPTION].strip()
    for number in range(1, 7):
        long = number % 2 == 1
        store.votes.add(
            demarche_id, CandidateDraft(title.strip() if long else "Court", description)
        )
    printed = print_vote(store, demarche_id, out=tmp_path, a3=a3)
    assert printed.pages == 1
    drawn = fragments(printed.path)
    # Titles and descriptions: the column beside the numbers, each line clear of the next
    # (a title too long for its frame would run into the next action's).
    numbers = [f for f in drawn if f.text in {str(n) for n in range(1, 7)}]
    first_title = drawn[drawn.index(numbers[0]) + 1]
    column = [f for f in drawn if abs(f.x - first_title.x) < 1]
    assert len(numbers) == 6
    assert len(column) > 12
    for upper, lower in pairwise(column):
        assert upper.bottom >= lower.top - 0.5, (upper, lower)
    page = pages_text(printed.path)[0]
    assert page.count(flat(title.strip())) == 3  # each title whole, in smaller type
    assert page.count("Court") == 3


@pytest.mark.demo("small")
def test_charter_to_sign_has_its_articles_and_no_signatory(store: Store, tmp_path: Path) -> None:
    demarche_id = only(store)
    document = store.charter.document(demarche_id)
    printed = print_charter(store, demarche_id, out=tmp_path)
    text = " ".join(pages_text(printed.path))
    parts = [document.preamble]
    for article in document.articles:
        parts += [f"Article {article.number} — {article.title}", article.text]
    places = in_order(text, parts)
    assert places == sorted(places)
    named = [s.name for s in document.signatories if s.name]
    assert named  # the demo has named signatories: none of them is printed
    assert not [name for name in named if name in text]
    assert "Nom Structure Signature" in text


@pytest.mark.demo("small")
def test_first_page_of_each_document_renders(store: Store, tmp_path: Path) -> None:
    demarche_id = only(store)
    printed = [
        print_questionnaire(store, demarche_id, out=tmp_path, count=1),
        print_sign_in(store, demarche_id, 1, out=tmp_path),
        print_wall(store, demarche_id, 1, out=tmp_path),
        print_vote(store, demarche_id, out=tmp_path),
        print_charter(store, demarche_id, out=tmp_path),
    ]
    images = {render_first_page(p.path, tmp_path) for p in printed}
    assert len(images) == 5

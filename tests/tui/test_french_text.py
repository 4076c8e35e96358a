"""French on screen: quotation marks kept with their words when wrapped, names in French order."""

from __future__ import annotations

from tui.conftest import SIZE, make_app, screen_lines, wait_for
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.text import name_key, nbsp_quotes, of
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.screens.workshops.plenary import PlenaryScreen

#: Names as a registry holds them: an accented capital, lower case, a name after « Y ».
NAMES = ("Yves Vidal", "Émilie Estève", "anne Azéma", "Zoé Roux", "Éric Faure", "Bruno Bastide")


def test_de_elides_and_quotation_marks_hold_their_words() -> None:
    assert of("« Isolement »") == "d'« Isolement »"
    assert of("« Passivité »") == "de « Passivité »"
    assert of("habitants") == "d'habitants"
    assert of("hameau") == "de hameau"
    assert nbsp_quotes("de « Lien » et «  Vie »") == "de «\u00a0Lien\u00a0» et «\u00a0Vie\u00a0»"


def test_names_sort_in_french_order(store: Store, demarche_id: str) -> None:
    expected = sorted(NAMES, key=name_key)
    assert expected[:3] == ["anne Azéma", "Bruno Bastide", "Émilie Estève"]
    assert expected[-2:] == ["Yves Vidal", "Zoé Roux"]
    for name in NAMES:
        person = store.participants.add(demarche_id, ParticipantDraft(name, College.HABITANT))
        store.workshops.set_present(demarche_id, 3, person, True)
    assert [p.display_name for p in store.participants.all(demarche_id)] == expected
    assert [v.name for v in store.votes.voters(demarche_id)] == expected


async def test_a_wrapped_note_never_leaves_a_quotation_mark_alone(
    store: Store, demarche_id: str
) -> None:
    person = store.participants.add(demarche_id, ParticipantDraft("Anne", College.ELU))
    store.workshops.set_present(demarche_id, 1, person, True)
    (group,) = store.subgroups.form(demarche_id, 1, count=1)
    round_ = store.capture.start_round(group.id, "Où vous retrouvez-vous ?")
    # Words of every length before the quotation: one of them ends a line on « .
    for length in range(66, 78, 2):
        text = f"{'x' * length} « Isolement » puis « Rendez-vous »"
        store.capture.save_note(round_.id, person, text)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(PlenaryScreen(demarche_id, 1, group.id))
        await wait_for(pilot, lambda: "Isolement" in "\n".join(screen_lines(app)))
        lines = [line.strip(" ▸") for line in screen_lines(app)]
        assert not [line for line in lines if line.endswith("«")], lines
        assert not [line for line in lines if line.startswith("»")], lines

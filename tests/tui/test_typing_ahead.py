"""What is typed lands where it was meant: keys typed while a form opens or closes, Escape
and a key typed at once, a commune cut short, a pre-filled text, Ctrl+Q over unsaved text."""

from __future__ import annotations

from support.charter import make_thread
from support.debrief import make_scene
from support.keys import burst, from_terminal
from support.tui import open_part, open_registry, open_workshop, register

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.felt.debrief_records import AxisDraft
from vitalite_tui.tui.contents.debrief import DebriefPart
from vitalite_tui.tui.dialogs.article_form import ArticleFormDialog
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.screens.questionnaire.sheet_entry import SheetEntryScreen
from vitalite_tui.tui.screens.workshops.contents import contents_screen


def newcomers(store: Store, demarche_id: str, number: int) -> list[tuple[str, College, str]]:
    return sorted(
        (e.participant.display_name, e.participant.college, e.participant.commune)
        for e in store.workshops.attendance(demarche_id, number)
        if e.newcomer
    )


async def test_newcomers_typed_in_one_burst_are_all_registered(
    store: Store, demarche_id: str
) -> None:
    """`a` and a whole card, again and again, faster than each card opens: every letter lands
    in the card it was typed for; Escape on a typed card, then `a` (abandon it) and `a`, typed
    apart or at once, starts afresh."""
    register(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id)
        burst(app, ["a", *"Rémi", "enter", "2", "enter", *"Ribaute", "enter"])
        burst(app, ["a", *"Zoé", "enter", "3", "enter", *"Lagrasse", "enter"])
        # Escape on a typed card asks first: « a » there abandons it, the next « a » starts
        # afresh.
        burst(app, ["a", *"Xa", "escape", "a", "a", *"Yves", "enter", "1", "enter", *"Fabrezan"])
        burst(app, ["enter", "a", *"Xb", "alt+a", "a", *"Théo", "enter", "1", "enter"])
        burst(app, [*"Lagrasse"])
        burst(app, ["enter"])
        await wait_for(
            pilot,
            lambda: app.screen is screen and len(newcomers(store, demarche_id, 1)) >= 4,
            timeout=20,
        )
    assert newcomers(store, demarche_id, 1) == [
        ("Rémi", College.ACTEUR, "Ribaute"),
        ("Théo", College.ELU, "Lagrasse"),
        ("Yves", College.ELU, "Fabrezan"),
        ("Zoé", College.HABITANT, "Lagrasse"),
    ]


async def test_a_commune_cut_short_is_completed_at_once(store: Store, demarche_id: str) -> None:
    """« rib⏎ » and « fab F2 » typed before any suggestion could show: the commune that
    begins so is kept, by the questionnaire's rule (accents and case aside); a commune that
    begins no commune of the territory is kept as typed."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        burst(app, ["a", *"Karim", "enter", "2", "enter", *"rib", "enter", "f2"])
        burst(app, ["a", *"Léa", "enter", "3", "enter", *"fab", "f2"])
        # Outside the territory: asked, and kept as typed (the last choice, after three).
        burst(app, ["a", *"Marc", "enter", "1", "enter", *"Narbonne", "f2", "4"])
        await wait_for(
            pilot,
            # Stored, and shown: the list has taken the last card back (not still
            # on its way when the test ends and the app closes).
            lambda: app.screen is screen and len(screen.records) >= 3,
            timeout=20,
        )
    communes = {p.display_name: p.commune for p in store.participants.all(demarche_id)}
    assert communes == {"Karim": "Ribaute", "Léa": "Fabrezan", "Marc": "Narbonne"}


async def test_escape_then_a_digit_typed_at_once_answers_the_question(
    store: Store, demarche_id: str
) -> None:
    """A sheet begun, Escape asks what to do with it and 1 saves it: typed at once, the
    terminal sends ESC 1, which Textual alone reads as « ¡ » (a Mac's Option+1)."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = SheetEntryScreen(demarche_id, None)
        await app.push_screen(screen)
        await pilot.pause()
        from_terminal(app, "rib\r23144\x1b1")
        await wait_for(pilot, lambda: screen not in app.screen_stack)
        await wait_for(pilot, lambda: len(store.responses.all(demarche_id)) == 1)
    (sheet,) = store.responses.all(demarche_id)
    assert sheet.profile["commune"] == "Ribaute"


async def test_a_key_typed_as_a_dialog_closes_acts_on_the_screen_below(
    store: Store, demarche_id: str
) -> None:
    """A new trend written, F2, then Space at once: Space acts on the list, on the trend
    just added (presented when added, no longer presented now), and is not typed into the
    description of the dialog that closes."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id, "trends")
        burst(app, ["n", *"Laiterie", "enter", *"Trente emplois", "f2", "space"])
        await wait_for(
            pilot, lambda: any(t.title == "Laiterie" for t in store.trends.all(demarche_id))
        )
        await wait_for(
            pilot,
            lambda: all(t.title != "Laiterie" for t in store.trends.presented(demarche_id)),
        )
    (trend,) = [t for t in store.trends.all(demarche_id) if t.title == "Laiterie"]
    assert trend.description == "Trente emplois"


async def test_a_key_typed_as_a_dialog_opens_acts_in_the_dialog(
    store: Store, demarche_id: str
) -> None:
    """`a` (the axes' list), then Suppr while the list is still being built: Suppr removes
    the axis under its cursor. (The keys line of the screen below once read its keys
    through the dialog on top before the dialog had its list: the app stopped.)"""
    scene = make_scene(store, demarche_id)
    axis = store.axes.create(scene.demarche_id, AxisDraft("Recréer des lieux", indicator=1))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(contents_screen(demarche_id, 1, initial="debrief"))
        await wait_for(pilot, lambda: app.screen.query(DebriefPart), what="the debrief shown")
        await pilot.press("a", "delete")
        await wait_for(pilot, lambda: store.axes.get(axis.id).removed, what="the axis removed")
        assert app.is_running


async def test_a_pre_filled_text_is_typed_on_from_its_end(store: Store, demarche_id: str) -> None:
    """An article drafted from a kept action: Enter on it, Enter from its title, and what is
    typed goes after the text already there."""
    make_thread(demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(contents_screen(demarche_id, 4, initial="charter"))
        await pilot.pause()
        await pilot.press("d")
        await wait_for(pilot, lambda: len(store.charter.articles(demarche_id)) >= 1)
        before = store.charter.articles(demarche_id)[0]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticleFormDialog))
        await pilot.press("enter", *" et après", "f2")
        await wait_for(pilot, lambda: not isinstance(app.screen, ArticleFormDialog))
    after = store.charter.articles(demarche_id)[0]
    assert before.text
    assert after.text == f"{before.text} et après"


async def test_enter_keeps_unsaved_text_when_quitting(store: Store, demarche_id: str) -> None:
    """Ctrl+Q over text not stored asks; ⏎ keeps the text, as it does when Escape asks, and
    a second Ctrl+Q is no answer; only `o` quits without it."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = SheetEntryScreen(demarche_id, None)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press(*"rib", "enter", *"231", *"44", "ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        assert "Quitter sans l'enregistrer ?" in question.question
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)
        assert app.is_running
        assert screen.unsaved_text()
        await pilot.press("ctrl+q", "ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert app.is_running
        await pilot.press("o")
        await wait_for(pilot, lambda: not app.is_running)
    assert store.responses.all(demarche_id) == []


async def test_keys_typed_as_a_form_closes_on_a_checkbox_open_the_next_form(
    store: Store, demarche_id: str
) -> None:
    """A participant card validated by Enter on its last box, then Inser and the next card,
    all in one burst: the keys after that Enter were on their way to the box of a dialog
    being removed, and must reach the registry, then the new card, in order."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        card = ["1", "enter", *"Lagrasse", "enter", "enter", "enter"]
        burst(app, ["insert", *"Anne", "enter", *card, "space", "enter", "enter", "enter"])
        burst(app, ["insert", *"Bruno", "enter", *card, "enter", "space", "enter", "enter"])
        burst(app, ["insert", *"Chloé", "enter", "2", "enter", *"Ribaute", "enter", "enter"])
        burst(app, ["enter", "space", "f2", "insert", *"Denis", "enter", "3", "f2"])
        await wait_for(
            pilot,
            # Stored, and shown: the list has taken the last card back (not still
            # on its way when the test ends and the app closes).
            lambda: app.screen is screen and len(screen.records) >= 4,
            timeout=20,
        )
        await pilot.pause()
    people = {p.display_name: p for p in store.participants.all(demarche_id)}
    assert sorted(people) == ["Anne", "Bruno", "Chloé", "Denis"]
    assert (people["Anne"].consent_data, people["Anne"].consent_contact) == (True, False)
    assert (people["Bruno"].consent_data, people["Bruno"].consent_contact) == (False, True)
    assert (people["Chloé"].commune, people["Chloé"].consent_data) == ("Ribaute", True)


async def test_keys_typed_after_f2_in_a_text_area_are_not_saved_in_the_closing_form(
    store: Store, demarche_id: str
) -> None:
    """A trend's description, F2, then n and the next trend at once: F2 acts before the
    keys after it, which open the next form instead of being typed into the closing one."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id, "trends")
        burst(app, ["n", *"Laiterie", "enter", *"Trente emplois", "f2"])
        burst(app, ["n", *"Scierie", "enter", *"Dix emplois", "f2", "n", *"Gare", "f2"])
        await wait_for(pilot, lambda: any(t.title == "Gare" for t in store.trends.all(demarche_id)))
    made = {t.title: t.description for t in store.trends.all(demarche_id)}
    assert {title: made.get(title) for title in ("Laiterie", "Scierie", "Gare")} == {
        "Laiterie": "Trente emplois",
        "Scierie": "Dix emplois",
        "Gare": "",
    }

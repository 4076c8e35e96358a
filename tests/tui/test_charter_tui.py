"""The charter (F5) and its signatories (F6) of workshop 4, driven by keys at 80x24."""

from __future__ import annotations

from datetime import date

from support.charter import make_thread, titles
from textual.pilot import Pilot
from textual.widgets import Static

from tui.conftest import make_app
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.charter.records import ArticleDraft, SignatoryDraft
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.contents.charter import ArticlesTable, CharterPart
from vitalite_tui.tui.contents.signatories import SignatoriesPart, SignatoriesTable
from vitalite_tui.tui.dialogs.article_form import ArticleFormDialog
from vitalite_tui.tui.dialogs.charter_heading_form import CharterHeadingDialog
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.origins_pick import OriginsDialog
from vitalite_tui.tui.dialogs.signatory_form import SignatoryFormDialog
from vitalite_tui.tui.help_texts import HELP_TEXTS
from vitalite_tui.tui.screens.help import HelpScreen
from vitalite_tui.tui.screens.workshops.contents import contents_screen

SIZE = (80, 24)


async def open_part(
    app: VitaliteApp, pilot: Pilot[None], demarche_id: str, part: str = "charter"
) -> None:
    await app.push_screen(contents_screen(demarche_id, 4, initial=part))
    await pilot.pause()


def charter_part(app: VitaliteApp) -> CharterPart:
    return app.screen.query_one(CharterPart)


async def test_an_article_is_written_by_keys(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id)
        empty = charter_part(app).query_one("#charter-empty", Static)
        assert "n pour écrire le premier engagement" in str(empty.render())
        await pilot.press("n")
        assert isinstance(app.screen, ArticleFormDialog)
        # Enter goes to the text, where Enter starts a new line; F2 saves.
        await pilot.press(*"Se voir", "enter", *"Un lieu", "enter", *"par village", "f2")
        await pilot.pause()
        assert isinstance(app.screen.query_one(CharterPart), CharterPart)
        [article] = store.charter.articles(demarche_id)
        assert (article.title, article.text) == ("Se voir", "Un lieu\npar village")
        assert not empty.display
        # Enter edits it; an empty title is refused in the dialog, nothing typed is lost.
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, ArticleFormDialog)
        await pilot.press("backspace", "f2")
        await pilot.pause()
        assert app.screen is dialog
        assert "Titre de l'article" in dialog.error_text
        await pilot.press(*"Se retrouver", "f2")
        await pilot.pause()
        assert titles(store, demarche_id) == ["Se retrouver"]


async def test_articles_are_reordered_removed_and_restored(store: Store, demarche_id: str) -> None:
    for title in ("A", "B", "C"):
        store.charter.add_article(demarche_id, ArticleDraft(title))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id)
        table = charter_part(app).query_one(ArticlesTable)
        await pilot.press("down", "down", "shift+up")
        await pilot.pause()
        assert titles(store, demarche_id) == ["A", "C", "B"]
        assert table.cursor_row == 1  # the cursor follows the article
        await pilot.press("shift+up", "shift+up")  # the second does nothing: already first
        await pilot.pause()
        assert titles(store, demarche_id) == ["C", "A", "B"]
        await pilot.press("down", "shift+down")
        await pilot.pause()
        assert titles(store, demarche_id) == ["C", "B", "A"]
        await pilot.press("delete")
        await pilot.pause()
        assert titles(store, demarche_id) == ["C", "B"]
        counts = str(charter_part(app).query_one("#charter-counts", Static).render())
        assert "1 retiré (u rétablit)" in counts
        await pilot.press("u")
        await pilot.pause()
        assert titles(store, demarche_id) == ["C", "B", "A"]
        assert not charter_part(app).check_action("restore", ())


async def test_draft_then_link_origins_with_space(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id)
        assert charter_part(app).check_action("draft", ())
        await pilot.press("d")
        await pilot.pause()
        assert titles(store, demarche_id) == ["Un café itinérant", "Un guide des services"]
        assert not charter_part(app).check_action("draft", ())  # nothing left to draft
        await pilot.press("l")
        assert isinstance(app.screen, OriginsDialog)
        # Ticked: the café action and its axis « Se retrouver » (rows 1 and 3).
        # Untick the action, tick the guide (row 2) and « S'informer » (row 4).
        await pilot.press("space", "down", "space", "down", "down", "space", "f2")
        await pilot.pause()
        article = store.charter.articles(demarche_id)[0]
        assert {o.id for o in article.actions} == {thread.actions["guide"]}
        assert {o.id for o in article.axes} == {thread.axes["meet"], thread.axes["inform"]}
        row = charter_part(app).query_one(ArticlesTable).get_row(article.id)
        assert str(row[2]) == "1 action · 2 axes"
        # Escape changes nothing.
        await pilot.press("l", "space", "escape")
        await pilot.pause()
        assert store.charter.articles(demarche_id)[0].origin_ids == article.origin_ids


async def test_preamble_title_and_date(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id)
        await pilot.press("p")
        dialog = app.screen
        assert isinstance(dialog, CharterHeadingDialog)
        await pilot.press("enter", *"31/02/2026", "enter", *"Ensemble", "f2")
        await pilot.pause()
        assert "n'existe pas au calendrier" in dialog.error_text
        assert app.screen is dialog
        # The focus went to the date refused, its text selected: typing replaces it.
        await pilot.press(*"11/12/26", "f2")
        await pilot.pause()
        assert app.screen is not dialog, dialog.error_text
        charter = store.charter.get(demarche_id)
        assert charter.title.startswith("Charte de la vitalité sociale de la CC")
        assert (charter.preamble, charter.adopted_on) == ("Ensemble", date(2026, 12, 11))
        heading = str(charter_part(app).query_one("#charter-title", Static).render())
        assert heading.endswith("adoptée le 11/12/2026")
        assert "Ensemble" in str(charter_part(app).query_one("#charter-preamble", Static).render())


async def test_help_names_the_charter_keys(store: Store, demarche_id: str) -> None:
    store.charter.add_article(demarche_id, ArticleDraft("A"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.intro == HELP_TEXTS["CharterPart"]
        keys = "\n".join(line.plain for line in app.screen.lines)
        for label in ("Nouveau", "Modifier", "Origines", "Monter", "Descendre", "Retirer"):
            assert label in keys


# ---------------------------------------------------------------- signatories


async def test_signatories_are_added_by_keys(store: Store, demarche_id: str) -> None:
    for name in ("Martine Dupont", "Marc Vidal"):
        store.participants.add(
            demarche_id, ParticipantDraft(name, College.ELU, organisation="Mairie")
        )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id, "signatories")
        part = app.screen.query_one(SignatoriesPart)
        assert part.query_one("#signatories-empty", Static).display
        # A participant by the start of the name (→ takes the suggestion), today's date.
        await pilot.press("n")
        assert isinstance(app.screen, SignatoryFormDialog)
        await pilot.press(*"Mart", "right", "f2")
        await pilot.pause()
        # An organisation, with who signs for it and a typed date.
        await pilot.press("n", "tab", *"Anne Roux", "tab", *"ADMR", "tab", *"11/12/2026", "f2")
        await pilot.pause()
        # An ambiguous start is refused in the dialog, which stays open.
        await pilot.press("n", *"Ma", "f2")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SignatoryFormDialog)
        assert "désigne 2 personnes" in dialog.error_text
        await pilot.press(*"rc", "f2")
        await pilot.pause()
        signatories = store.charter.signatories(demarche_id)
        assert [(s.who, s.organisation) for s in signatories] == [
            ("P001 Martine Dupont", "Mairie"),
            ("Anne Roux", "ADMR"),
            ("P002 Marc Vidal", "Mairie"),
        ]
        assert signatories[0].signed_on == date.today()
        assert signatories[1].signed_on == date(2026, 12, 11)
        assert not part.query_one("#signatories-empty", Static).display
        table = part.query_one(SignatoriesTable)
        assert table.current_key == signatories[2].id


async def test_signatories_are_edited_and_removed(store: Store, demarche_id: str) -> None:
    first = store.charter.add_signatory(demarche_id, SignatoryDraft(name="Anne", organisation="A"))
    store.charter.add_signatory(demarche_id, SignatoryDraft(name="Paul"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id, "signatories")
        await pilot.press("enter", "tab", "tab", *"ADMR", "f2")
        await pilot.pause()
        assert store.charter.signatories(demarche_id)[0].organisation == "ADMR"
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert [s.name for s in store.charter.signatories(demarche_id)] == ["Paul"]
        assert first not in {s.id for s in store.charter.signatories(demarche_id)}

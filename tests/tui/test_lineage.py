"""The thread of an idea: from a workshop-1 note through intention and action to an article."""

from __future__ import annotations

import pytest
from support.charter import Thread, make_thread
from textual.pilot import Pilot
from textual.widgets import Static

from tui.conftest import make_app
from vitalite_tui.db.models import Note
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.errors import NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.charter.records import ArticleDraft, ThreadNode
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.contents.lineage import NO_ARTICLE, LineagePart, ThreadTree
from vitalite_tui.tui.dialogs.note_reader import NoteDialog, thread_lines
from vitalite_tui.tui.screens.workshops.contents import contents_screen

SIZE = (80, 24)


def outline(node: ThreadNode) -> list[tuple[int, str, str, int | None]]:
    """The tree as (depth, kind, label, workshop), parents first."""
    return [(depth, n.kind.value, n.label, n.workshop) for depth, n in node.walk()]


def charter_of(store: Store, thread: Thread) -> tuple[str, str]:
    """Two drafted articles (café, guide): their ids."""
    cafe, guide = store.charter.draft_articles(thread.demarche_id)
    return cafe, guide


def test_back_from_an_article_to_the_workshop_1_notes(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    cafe, _ = charter_of(store, thread)
    tree = store.lineage.for_article(cafe)
    assert outline(tree) == [
        (0, "article", "Article 1 — Un café itinérant", 4),
        (1, "action", "Un café itinérant", 3),
        (2, "action", "Café mobile", 3),
        (3, "intention", "Café associatif", 2),
        (4, "note", "Un café qui passe de village en village", 2),
        (4, "note", "Le café a fermé en 2019", 1),
        (4, "axis", "Se retrouver", 1),
        (5, "note", "Le café a fermé en 2019", 1),
        (5, "note", "Le marché du jeudi, on s'y croise", 1),
        # The article's own axis (drafted with it): its notes are shown once, above.
        (1, "axis", "Se retrouver", 1),
    ]
    merged = tree.children[0].children[0]
    assert merged.relation == "fusionnée dans celle-ci"
    assert tree.children[1].relation == "axe de l'article, ses notes sont plus haut"
    assert tree.count(LinkKind.NOTE) == 4


def test_removed_steps_drop_out_of_the_thread(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    cafe, _ = charter_of(store, thread)
    Note.update(deleted_at=Note.created_at).where(
        Note.id == as_uuid(thread.notes["market"])
    ).execute()
    store.charter.set_origins(cafe, {thread.actions["cafe"]})  # the axis link undone
    tree = store.lineage.for_article(cafe)
    labels = [node.label for _, node in tree.walk()]
    assert "Le marché du jeudi, on s'y croise" not in labels
    assert [node.kind for node in tree.children] == [LinkKind.ACTION]
    store.charter.remove_article(cafe)
    with pytest.raises(NotFound):
        store.lineage.for_article(cafe)


def test_forward_from_a_note_to_the_articles(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    charter_of(store, thread)
    tree = store.lineage.from_note(thread.notes["cafe"])
    assert outline(tree) == [
        (0, "note", "Le café a fermé en 2019", 1),
        (1, "intention", "Café associatif", 2),
        (2, "action", "Café mobile", 3),
        (3, "action", "Un café itinérant", 3),
        (4, "article", "Article 1 — Un café itinérant", 4),
        (1, "axis", "Se retrouver", 1),
        (2, "article", "Article 1 — Un café itinérant", 4),
        (2, "intention", "Café associatif", 2),
        (3, "action", "Café mobile", 3),
    ]
    # The merged action is followed once: the second time it stops there.
    joined = tree.children[0].children[0].children[0]
    assert joined.relation == "a rejoint cette action"


def test_a_note_in_full_with_what_it_led_to(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    charter_of(store, thread)
    note = store.lineage.note(thread.notes["town_hall"])
    assert (note.text, note.workshop, note.speaker, note.axis) == (
        "Personne ne sait où s'adresser",
        1,
        "anonyme",
        "S'informer",
    )
    assert thread_lines(note.leads_to) == [
        "→ Axe (at. 1) · S'informer — axe de la note",
        "  → Article 2 — Un guide des services (at. 4)",
        "  → Intention (at. 2) · Guide — sur cet axe",
        "    → Action (at. 3) · Un guide des services — retenue",
        "      → Article 2 — Un guide des services (at. 4)",
    ]
    lonely = store.lineage.note(thread.notes["rolling"])
    assert lonely.workshop == 2
    assert [n.kind for n in lonely.leads_to] == [LinkKind.INTENTION]


# ---------------------------------------------------------------- the F7 part


async def open_lineage(app: VitaliteApp, pilot: Pilot[None], demarche_id: str) -> LineagePart:
    await app.push_screen(contents_screen(demarche_id, 4, initial="lineage"))
    await pilot.pause()
    return app.screen.query_one(LineagePart)


async def test_no_article_says_what_to_do(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_lineage(app, pilot, demarche_id)
        assert str(part.query_one("#lineage-hint", Static).render()) == NO_ARTICLE
        assert not part.query_one(ThreadTree).display
        await pilot.press("enter", "tab", "enter")  # nothing to act on: no crash


async def test_follow_the_thread_on_screen_and_read_a_note(store: Store, demarche_id: str) -> None:
    thread = make_thread(demarche_id)
    cafe, guide = charter_of(store, thread)
    store.charter.add_article(demarche_id, ArticleDraft("Sans origine"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_lineage(app, pilot, demarche_id)
        tree = part.query_one(ThreadTree)
        assert tree.root.data is not None
        assert tree.root.data.id == cafe
        await pilot.press("down")  # ↑↓ in the list choose the article
        await pilot.pause()
        assert tree.root.data is not None
        assert tree.root.data.id == guide
        await pilot.press("up", "enter")  # Enter goes into the thread
        await pilot.pause()
        assert app.focused is tree
        # Article, action, merged action, intention, then the workshop-2 note.
        await pilot.press("down", "down", "down", "down")
        node = tree.cursor_node
        assert node is not None
        assert node.data is not None
        assert node.data.id == thread.notes["rolling"]
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        assert dialog.note.text == "Un café qui passe de village en village"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is tree
        # Enter on a step that is not a note folds it.
        await pilot.press("up")
        intention = tree.cursor_node
        assert intention is not None
        assert intention.is_expanded
        await pilot.press("enter")
        assert not intention.is_expanded

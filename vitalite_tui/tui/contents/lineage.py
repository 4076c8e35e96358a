"""The thread (workshop 4): from a charter article back to the workshop-1 notes it comes from."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static, Tree

from vitalite_tui.domain.charter import origins_label
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.store.charter.records import ArticleRecord, ThreadNode
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.dialogs.note_reader import NoteDialog, node_line
from vitalite_tui.tui.widgets.table import RecordTable, shorten

#: Width of a tree line at 80 columns, before the guides of its depth.
LINE_WIDTH = 74
#: Cells the tree's guides take per level.
GUIDE = 4

NO_ARTICLE = (
    "Pas encore d'article : écrivez la charte (F5) pour suivre ici le fil d'une note de "
    "l'atelier 1 jusqu'à un article."
)


class ArticlePicker(RecordTable):
    """The live articles: ↑↓ choose the one whose thread is shown below."""

    DEFAULT_CSS = """
    ArticlePicker { height: 5; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Suivre le fil",
            id="lineage-follow",
            tooltip="Passer au fil de l'article choisi, pour le parcourir.",
        ),
    ]

    def __init__(self) -> None:
        super().__init__([("N°", 3), ("Article", 50), ("Origines", 18)], id="lineage-articles")


class ThreadTree(Tree[ThreadNode]):
    """The thread of the chosen article, one line per step, indented by depth."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Lire",
            id="lineage-read",
            tooltip="Sur une note : la lire en entier ; ailleurs : plier ou déplier.",
        ),
        Binding(
            "space",
            "toggle_node",
            "Plier",
            id="lineage-toggle",
            tooltip="Plier ou déplier la ligne choisie.",
            show=False,
        ),
    ]


def node_label(node: ThreadNode, depth: int) -> Text:
    """One line of the tree, cut to what fits at this depth (Enter shows a note whole)."""
    return Text(shorten(node_line(node), max(LINE_WIDTH - GUIDE * depth, 20)), no_wrap=True)


class LineagePart(ContentPart):
    """Follow an article back to the notes it comes from, and read any of them whole."""

    DEFAULT_CSS = """
    LineagePart ThreadTree { height: 1fr; padding: 0 1; }
    """

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        self.articles: dict[str, ArticleRecord] = {}
        self.shown: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            "↑↓ choisit l'article · Tab passe au fil · ⏎ sur une note la lit en entier",
            id="lineage-hint",
            classes="hint",
        )
        yield ArticlePicker()
        tree: ThreadTree = ThreadTree("", id="lineage-tree")
        tree.show_root = True
        tree.auto_expand = False
        yield tree

    @property
    def picker(self) -> ArticlePicker:
        return self.query_one(ArticlePicker)

    @property
    def thread_tree(self) -> ThreadTree:
        return self.query_one(ThreadTree)

    def reload(self) -> None:
        articles = self.read(lambda: self.store.charter.articles(self.demarche_id))
        if articles is None:
            return
        self.articles = {article.id: article for article in articles}
        self.picker.fill(
            (
                a.id,
                [str(a.number), a.title, origins_label(len(a.actions), len(a.axes))],
            )
            for a in articles
        )
        self.picker.display = bool(articles)
        self.thread_tree.display = bool(articles)
        hint = self.query_one("#lineage-hint", Static)
        hint.update(
            "↑↓ choisit l'article · Tab passe au fil · ⏎ sur une note la lit en entier"
            if articles
            else NO_ARTICLE
        )
        self.shown = None
        self.show_thread(self.picker.current_key)

    def show_thread(self, article_id: str | None) -> None:
        """Draw the thread of this article (again only if it changed)."""
        if article_id is None or article_id == self.shown:
            return
        thread = self.read(lambda: self.store.lineage.for_article(article_id))
        if thread is None:
            return
        self.shown = article_id
        tree = self.thread_tree
        tree.clear()
        tree.root.set_label(node_label(thread, 0))
        tree.root.data = thread

        def add(parent: object, node: ThreadNode, depth: int) -> None:
            from textual.widgets.tree import TreeNode

            assert isinstance(parent, TreeNode)
            branch = parent.add(
                node_label(node, depth), node, expand=True, allow_expand=bool(node.children)
            )
            for child in node.children:
                add(branch, child, depth + 1)

        for child in thread.children:
            add(tree.root, child, 1)
        tree.root.expand()
        tree.move_cursor(tree.root)

    @on(DataTable.RowHighlighted, "#lineage-articles")
    def follow_highlighted_article(self, event: DataTable.RowHighlighted) -> None:
        self.show_thread(event.row_key.value)

    @on(DataTable.RowSelected, "#lineage-articles")
    def go_into_thread(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.thread_tree.focus()

    @on(Tree.NodeSelected, "#lineage-tree")
    def read_note(self, event: Tree.NodeSelected[ThreadNode]) -> None:
        event.stop()
        node = event.node.data
        if node is None or node.kind is not LinkKind.NOTE:
            event.node.toggle()
            return
        note = self.read(lambda: self.store.lineage.note(node.id))
        if note is not None:
            self.app.push_screen(NoteDialog(note))

"""The charter (workshop 4): title and preamble, articles in order with where each comes from."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from vitalite_tui.domain.charter import origins_label
from vitalite_tui.domain.dates import format_date
from vitalite_tui.domain.text import plural
from vitalite_tui.store.charter.records import (
    ArticleDraft,
    ArticleRecord,
    CharterHeading,
    CharterRecord,
)
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.dialogs.article_form import ArticleFormDialog
from vitalite_tui.tui.dialogs.charter_heading_form import CharterHeadingDialog
from vitalite_tui.tui.dialogs.origins_pick import OriginsDialog
from vitalite_tui.tui.widgets.table import RecordTable, shorten

if TYPE_CHECKING:
    from vitalite_tui.print.paper import Printed
    from vitalite_tui.store import Store

#: Part actions that act on the article under the cursor.
_ON_ARTICLE = frozenset({"links", "move", "remove"})


class ArticlesTable(RecordTable):
    """The live articles, in the charter's order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Modifier",
            id="charter-edit",
            tooltip="Modifier le titre et le texte de l'article choisi.",
        ),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__([("N°", 3), ("Article", 48), ("Origines", 20)], id=id)


def article_cells(article: ArticleRecord) -> list[str]:
    return [
        str(article.number),
        article.title,
        origins_label(len(article.actions), len(article.axes)),
    ]


class CharterPart(ContentPart):
    """The charter's preamble and articles; every change is stored at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "new_article",
            "Nouveau",
            id="charter-new",
            tooltip="Écrire un nouvel article, à la fin de la charte.",
        ),
        Binding(
            "l",
            "links",
            "Origines",
            id="charter-links",
            tooltip="Choisir les actions retenues et les axes dont vient l'article choisi.",
        ),
        Binding(
            "p",
            "heading",
            "Préambule",
            id="charter-heading",
            tooltip="Modifier le titre de la charte, sa date d'adoption et son préambule.",
            show=False,  # the preamble line under the title names it
        ),
        Binding(
            "i",
            "print_charter",
            "Imprimer",
            id="charter-print",
            tooltip="Imprimer la charte à signer : préambule, articles, lignes de signature "
            "(PDF dans exports/).",
            show=False,  # No room at 80 columns: F1 says it.
        ),
        Binding(
            "d",
            "draft",
            "Rédiger",
            id="charter-draft",
            tooltip="Rédiger un article par action retenue qui n'est encore dans aucun "
            "article (titre et origine repris de l'action).",
        ),
        Binding(
            "shift+up",
            "move(-1)",
            "Monter",
            id="charter-up",
            tooltip="Monter l'article choisi d'un rang.",
            show=False,
        ),
        Binding(
            "shift+down",
            "move(1)",
            "Descendre",
            id="charter-down",
            tooltip="Descendre l'article choisi d'un rang.",
            show=False,
        ),
        Binding(
            "delete",
            "remove",
            "Retirer",
            id="charter-remove",
            tooltip="Retirer l'article choisi (u le rétablit).",
            show=False,
        ),
        Binding(
            "u",
            "restore",
            "Rétablir",
            id="charter-restore",
            tooltip="Rétablir l'article retiré le plus récemment.",
            show=False,
        ),
    ]

    DEFAULT_CSS = """
    CharterPart #charter-title { height: 1; padding: 0 1; text-style: bold; }
    CharterPart #charter-preamble { height: auto; max-height: 2; padding: 0 1; }
    """

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        self.charter: CharterRecord | None = None
        self.articles: dict[str, ArticleRecord] = {}
        self.removed: list[ArticleRecord] = []
        self.undrafted = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="charter-title")
        yield Static("", id="charter-preamble", classes="hint")
        yield Static("", id="charter-empty", classes="hint")
        yield ArticlesTable(id="charter-articles")
        yield Static("", id="charter-counts", classes="counts")

    @property
    def table(self) -> ArticlesTable:
        return self.query_one(ArticlesTable)

    def current(self) -> ArticleRecord | None:
        return self.articles.get(self.table.current_key or "")

    # --- reading -----------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        charters = self.store.charter
        found = self.read(
            lambda: (
                charters.get(self.demarche_id),
                charters.articles(self.demarche_id),
                charters.removed_articles(self.demarche_id),
                len(charters.undrafted_actions(self.demarche_id)),
            )
        )
        if found is None:
            return
        self.charter, articles, self.removed, self.undrafted = found
        self.articles = {article.id: article for article in articles}
        self.show_heading(self.charter)
        self.table.fill(((a.id, article_cells(a)) for a in articles), select=select)
        empty = self.query_one("#charter-empty", Static)
        empty.display = not articles
        empty.update(
            "Pas encore d'article : d en rédige un par action retenue, n en écrit un."
            if self.undrafted
            else "Pas encore d'article : n pour écrire le premier engagement."
        )
        self.query_one("#charter-counts", Static).update(self.counts_line(len(articles)))
        self.refresh_bindings()

    def show_heading(self, charter: CharterRecord) -> None:
        adopted = f" · adoptée le {format_date(charter.adopted_on)}" if charter.adopted_on else ""
        self.query_one("#charter-title", Static).update(
            Text(shorten(charter.title, 74 - len(adopted)) + adopted, no_wrap=True)
        )
        preamble = " ".join(charter.preamble.split())
        self.query_one("#charter-preamble", Static).update(
            Text(f"Préambule (p) : {shorten(preamble, 140)}")
            if preamble
            else Text("Pas encore de préambule : p pour l'écrire (et le titre, la date).")
        )

    def counts_line(self, count: int) -> str:
        parts = [plural(count, "article")]
        if self.undrafted:
            parts.append(
                f"{plural(self.undrafted, 'action retenue', 'actions retenues')} sans article (d)"
            )
        if self.removed:
            parts.append(f"{plural(len(self.removed), 'retiré')} (u rétablit)")
        if count > 1:
            parts.append("Maj+↑↓ déplace")
        return " · ".join(parts)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _ON_ARTICLE:
            return self.current() is not None
        if action == "restore":
            return bool(self.removed)
        if action == "draft":
            return self.undrafted > 0
        return True

    # --- heading -----------------------------------------------------------------------

    def action_print_charter(self) -> None:
        from vitalite_tui.tui.printing import print_in_background

        def make(store: Store) -> Printed:
            from vitalite_tui.print.charter import print_charter

            return print_charter(store, self.demarche_id)

        print_in_background(self, make, "Charte à signer imprimée")

    def action_heading(self) -> None:
        charter = self.charter
        if charter is None:
            return

        def save(heading: CharterHeading) -> None:
            self.store.charter.save_heading(self.demarche_id, heading)

        def done(heading: CharterHeading | None) -> None:
            if heading is not None:
                self.reload()

        current = CharterHeading(charter.title, charter.preamble, charter.adopted_on)
        self.app.push_screen(CharterHeadingDialog(current, save=save), done)

    # --- articles ----------------------------------------------------------------------

    def action_new_article(self) -> None:
        added: list[str] = []

        def save(draft: ArticleDraft) -> None:
            added.append(self.store.charter.add_article(self.demarche_id, draft))

        def done(draft: ArticleDraft | None) -> None:
            if draft is not None and added:
                self.reload(select=added[-1])

        self.app.push_screen(ArticleFormDialog("Nouvel article", save=save), done)

    @on(DataTable.RowSelected, "#charter-articles")
    def edit_article(self, event: DataTable.RowSelected) -> None:
        event.stop()
        article = self.articles.get(event.row_key.value or "")
        if article is None:
            return

        def save(draft: ArticleDraft) -> None:
            self.store.charter.update_article(article.id, draft)

        def done(draft: ArticleDraft | None) -> None:
            if draft is not None:
                self.reload()

        self.app.push_screen(
            ArticleFormDialog(
                f"Article {article.number}", ArticleDraft(article.title, article.text), save=save
            ),
            done,
        )

    def action_links(self) -> None:
        article = self.current()
        if article is None:
            return
        choices = self.read(lambda: self.store.charter.origin_choices(self.demarche_id, article.id))
        if choices is None:
            return

        def done(chosen: list[str] | None) -> None:
            if chosen is not None and self.run_safely(
                lambda: self.store.charter.set_origins(article.id, chosen)
            ):
                self.reload()

        self.app.push_screen(
            OriginsDialog(f"Origines de l'article {article.number}", choices, article.origin_ids),
            done,
        )

    def action_move(self, step: int) -> None:
        article = self.current()
        if article is not None and self.run_safely(
            lambda: self.store.charter.move_article(article.id, step)
        ):
            self.reload(select=article.id)

    def action_remove(self) -> None:
        article = self.current()
        if article is not None and self.run_safely(
            lambda: self.store.charter.remove_article(article.id)
        ):
            self.reload()
            self.notify(f"Article retiré : « {article.title} ». u le rétablit.", markup=False)

    def action_restore(self) -> None:
        if not self.removed:
            return
        article = self.removed[0]
        if self.run_safely(lambda: self.store.charter.restore_article(article.id)):
            self.reload(select=article.id)
            self.notify(f"Article rétabli : « {article.title} ».", markup=False)

    def action_draft(self) -> None:
        created = self.read(lambda: self.store.charter.draft_articles(self.demarche_id))
        if created is None:
            return
        self.reload(select=created[0] if created else None)
        self.notify(
            f"{plural(len(created), 'article rédigé', 'articles rédigés')} à partir des "
            "actions retenues : ⏎ pour en écrire le texte.",
            markup=False,
        )

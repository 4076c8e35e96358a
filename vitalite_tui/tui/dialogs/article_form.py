"""A charter article: its title on one line, its text over several (Enter starts a new line)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from vitalite_tui.store.charter.records import ArticleDraft
from vitalite_tui.tui.widgets.form import Field, FormDialog, FormTextArea
from vitalite_tui.tui.widgets.note_input import FieldInput


class ArticleFormDialog(FormDialog[ArticleDraft]):
    """Write or change an article; F2 saves it, Escape leaves it as it was."""

    KEYS_HINT: ClassVar[str] = "⏎ Suivant (texte : à la ligne) · F2 Valider · Échap Annuler"

    def __init__(
        self,
        title: str,
        draft: ArticleDraft | None = None,
        *,
        save: Callable[[ArticleDraft], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.draft = draft or ArticleDraft("")

    def compose_fields(self) -> ComposeResult:
        yield Field(
            "Titre",
            FieldInput(
                self.draft.title, id="article-title", placeholder="l'engagement", compact=True
            ),
        )
        yield Field(
            "Texte",
            FormTextArea(
                self.draft.text,
                id="article-text",
                placeholder="ce à quoi les signataires s'engagent",
            ),
        )

    def collect(self) -> ArticleDraft:
        return ArticleDraft(
            title=self.query_one("#article-title", Input).value,
            text=self.query_one("#article-text", TextArea).text,
        )

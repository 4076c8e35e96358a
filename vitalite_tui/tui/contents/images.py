"""Workshop 1 · associated images: the photo-language cards chosen, and why."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from vitalite_tui.domain.text import plural
from vitalite_tui.store.felt.images import ImageNote
from vitalite_tui.store.felt.records import ImageDraft, ImageRecord
from vitalite_tui.store.preparation.records import ParticipantRecord
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.widgets.table import RecordTable

COLUMNS = [("Code", 5), ("Carte", 18), ("I/pôle", 6), ("Pourquoi", 40)]

EMPTY = (
    "Aucune image associée pour l'instant : n pour en noter une (ou Ctrl+O pendant la "
    "saisie d'un tour, avec ce qui est déjà tapé)."
)


class ImageTable(RecordTable):
    """The images; Enter corrects the one marked (the table's own Enter, named here)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Corriger",
            id="images-edit",
            tooltip="Corriger l'image marquée (sa note garde l'ancien texte).",
        ),
    ]


def image_cells(image: ImageRecord) -> list[str]:
    return [image.code or "anon.", image.card, image.tag or "—", image.why]


#: Rows of notes typed as kind « image » (no card yet) are keyed apart from the images.
NOTE_ROW = "note:"


def note_cells(note: ImageNote) -> list[str]:
    tag = f"I{note.indicator}{note.pole.sign if note.pole else ''}" if note.indicator else "—"
    return [note.code or "anon.", "? (⏎ la noter)", tag, note.text]


class ImagesPart(ContentPart):
    """The cards chosen at workshop 1; each one is also a note of kind « image »."""

    DEFAULT_CSS = """
    ImagesPart #images-empty { padding: 0 1 1 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add", "Nouvelle", id="images-add", tooltip="Noter une image associée."),
        Binding(
            "delete",
            "remove",
            "Retirer",
            id="images-remove",
            tooltip="Retirer l'image marquée et sa note (u la rétablit).",
        ),
        Binding(
            "u",
            "restore",
            "Rétablir",
            id="images-restore",
            tooltip="Rétablir la dernière image retirée, avec sa note.",
        ),
    ]

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        self.images: list[ImageRecord] = []
        #: Notes typed as kind « image » in a round, listed here until their card is noted.
        self.loose: list[ImageNote] = []
        self.removed = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="images-counts", classes="counts", markup=False)
        yield Static(EMPTY, id="images-empty", classes="hint", markup=False)
        # Shown even when empty: it keeps the focus, so n and u still answer.
        yield ImageTable(COLUMNS, id="images-table")

    @property
    def table(self) -> RecordTable:
        return self.query_one(RecordTable)

    def reload(self, select: str | None = None) -> None:
        images = self.read(lambda: self.store.images.all(self.demarche_id))
        removed = self.read(lambda: self.store.images.removed(self.demarche_id))
        loose = self.read(lambda: self.store.images.notes_without_card(self.demarche_id))
        if images is None:
            return
        self.images = images
        self.loose = loose or []
        self.removed = len(removed or [])
        self.table.fill(
            [
                *((image.id, image_cells(image)) for image in images),
                *((NOTE_ROW + note.note_id, note_cells(note)) for note in self.loose),
            ],
            select=select,
        )
        self.query_one("#images-empty").display = not images and not self.loose
        counts = plural(len(images), "image")
        if self.loose:
            counts += (
                f" · {plural(len(self.loose), 'note', 'notes')} « image » sans carte "
                "(⏎ pour noter sa carte)"
            )
        if self.removed:
            counts += f" · {self.removed} retirée{'s' if self.removed > 1 else ''} (u)"
        self.query_one("#images-counts", Static).update(counts)
        self.refresh_bindings()

    def focus_first(self) -> None:
        self.table.focus()

    def current(self) -> ImageRecord | None:
        wanted = self.table.current_key if self.images else None
        return next((image for image in self.images if image.id == wanted), None)

    def people(self) -> list[ParticipantRecord]:
        present = self.read(lambda: self.store.workshops.present(self.demarche_id, self.number))
        return [entry.participant for entry in present or []]

    # ------------------------------------------------------------ actions

    def action_add(self) -> None:
        from vitalite_tui.tui.dialogs.image_form import ImageFormDialog

        added: list[str] = []

        def save(draft: ImageDraft) -> None:
            added.append(self.store.images.add(self.demarche_id, draft).id)

        def done(draft: ImageDraft | None) -> None:
            self.reload(select=added[-1] if added else None)
            self.table.focus()

        self.app.push_screen(
            ImageFormDialog("Nouvelle image associée", self.people(), save=save), done
        )

    @on(DataTable.RowSelected, "#images-table")
    def edit_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def current_note(self) -> ImageNote | None:
        wanted = self.table.current_key or ""
        return next((n for n in self.loose if NOTE_ROW + n.note_id == wanted), None)

    def action_edit(self) -> None:
        note = self.current_note()
        if note is not None:
            self.note_its_card(note)
            return
        image = self.current()
        if image is None:
            return
        from vitalite_tui.tui.dialogs.image_form import ImageFormDialog

        def save(draft: ImageDraft) -> None:
            self.store.images.edit(image.id, draft)

        def done(draft: ImageDraft | None) -> None:
            self.reload(select=image.id)
            self.table.focus()

        people = self.people()
        if image.participant_id is not None and image.participant_id not in {p.id for p in people}:
            # Someone no longer ticked present keeps their image: still offer their name.
            person = self.read(lambda: self.store.participants.get(image.participant_id or ""))
            if person is not None:
                people.append(person)
        self.app.push_screen(
            ImageFormDialog(f"Image {image.card}", people, image.draft, save=save), done
        )

    def note_its_card(self, note: ImageNote) -> None:
        """A note typed as « image » in a round becomes an image once its card is known."""
        from vitalite_tui.tui.dialogs.image_form import ImageFormDialog

        made: list[str] = []

        def save(draft: ImageDraft) -> None:
            made.append(self.store.images.from_note(note.note_id, draft).id)

        def done(draft: ImageDraft | None) -> None:
            self.reload(select=made[-1] if made else NOTE_ROW + note.note_id)
            self.table.focus()

        people = self.people()
        if note.participant_id is not None and note.participant_id not in {p.id for p in people}:
            person = self.read(lambda: self.store.participants.get(note.participant_id or ""))
            if person is not None:
                people.append(person)
        self.app.push_screen(
            ImageFormDialog(
                f"Carte de la note {note.code or 'anonyme'}",
                people,
                note.draft,
                focus_card=True,
                save=save,
            ),
            done,
        )

    def action_remove(self) -> None:
        image = self.current()
        if image is None:
            return
        if self.run_safely(lambda: self.store.images.remove(image.id)):
            self.notify(
                f"Image « {image.card} » retirée, avec sa note (u pour la rétablir).",
                markup=False,
            )
            self.reload()

    def action_restore(self) -> None:
        removed = self.read(lambda: self.store.images.removed(self.demarche_id))
        if not removed:
            return
        image = removed[0]
        if self.run_safely(lambda: self.store.images.restore(image.id)):
            self.notify(f"Image « {image.card} » rétablie, avec sa note.", markup=False)
            self.reload(select=image.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove":
            return bool(self.images)
        if action == "restore":
            return self.removed > 0
        return True

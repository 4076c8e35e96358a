"""Associated images of workshop 1 (photo-language): the card someone chose, and why.

Each image has its note of kind `image` (« Carte 12 : … »), written in the same transaction
as the same kind of note the capture screen writes: it shows in the round's notes, the
plenary view and the Contributions sheet. Editing, removing or restoring an image does the
same to its note (a note's earlier text is kept as a revision).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, cast

from peewee import JOIN, ModelSelect

from vitalite_tui.db.models import ImageChoice, Note, Participant, Round, SubGroup, Workshop
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind, check_indicator
from vitalite_tui.domain.participants import participant_code
from vitalite_tui.domain.text import clean_line, clean_text
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store.base import as_uuid, key, live, soft_delete, writing
from vitalite_tui.store.felt.barometer import STEP, felt_workshop
from vitalite_tui.store.felt.records import ImageDraft, ImageRecord
from vitalite_tui.store.lookups import participant_of
from vitalite_tui.store.workshops.capture import Capture, write_note

if TYPE_CHECKING:
    from vitalite_tui.store.preparation.steps import Steps

#: A card is a number or a short label (« 12 », « le banc vide »).
MAX_CARD = 60
MAX_WHY = 2000


def note_text(card: str, why: str) -> str:
    """The text of an image's note: « Carte 12 : on ne se croise plus »."""
    return f"Carte {card} : {why}" if why else f"Carte {card}"


def _checked(draft: ImageDraft) -> tuple[str, int | None, Pole | None, str]:
    """Card, indicator, pole and why as stored; a French error when they cannot be."""
    card = clean_line(draft.card, field="Carte", max_length=MAX_CARD)
    indicator = check_indicator(draft.indicator)
    pole = Pole(draft.pole) if draft.pole is not None else None
    why = clean_text(draft.why)
    if len(why) > MAX_WHY:
        raise InvalidInput(f"Pourquoi : {len(why)} caractères, au plus {MAX_WHY}.")
    return card, indicator, pole, why


def _select() -> ModelSelect[ImageChoice]:
    """Images with their participant joined (`image.participant`: None when anonymous)."""
    return ImageChoice.select(ImageChoice, Participant).join(Participant, JOIN.LEFT_OUTER)


def _id(row: ImageChoice, name: str) -> uuid.UUID | None:
    """A foreign key's raw id (`participant_id`, `note_id`): the models do not declare them."""
    return cast("uuid.UUID | None", getattr(row, name))


def to_image_record(row: ImageChoice) -> ImageRecord:
    person: Participant | None = row.participant
    note_id = _id(row, "note_id")
    return ImageRecord(
        id=key(row),
        participant_id=key(person) if person is not None else None,
        code=participant_code(person.number) if person is not None else "",
        name=person.display_name if person is not None else "",
        college=College(person.college) if person is not None else None,
        card=row.card,
        indicator=row.indicator,
        pole=Pole(row.pole) if row.pole else None,
        why=row.why,
        note_id=str(note_id) if note_id is not None else None,
        created_at=row.created_at,
        deleted=row.deleted_at is not None,
    )


def _row(image_id: str, *, deleted: bool = False) -> ImageChoice:
    condition = ImageChoice.id == as_uuid(image_id)
    if not deleted:
        condition = condition & ImageChoice.deleted_at.is_null()
    row = _select().where(condition).get_or_none()
    if row is None:
        raise NotFound("Image introuvable (supprimée entre-temps ?).")
    return row


def _place(
    workshop: Workshop, subgroup_id: str | None, round_id: str | None
) -> tuple[SubGroup | None, Round | None]:
    """The sub-group and round an image was said in (a round gives its sub-group)."""
    rnd = live(Round, round_id, "Tour d'expression") if round_id is not None else None
    if rnd is not None:
        subgroup_id = str(rnd.subgroup_id)
    group = live(SubGroup, subgroup_id, "Sous-groupe") if subgroup_id is not None else None
    if group is not None and group.workshop_id != workshop.id:
        raise InvalidInput("Les images associées se notent à l'atelier 1 de la démarche.")
    return group, rnd


def _speaker(workshop: Workshop, participant_id: str | None) -> Participant | None:
    return participant_of(workshop, participant_id) if participant_id is not None else None


@dataclass(frozen=True)
class ImageNote:
    """A note typed as kind « image » during a round that no card was recorded for yet."""

    note_id: str
    participant_id: str | None
    code: str  # P007, "" when anonymous
    text: str
    indicator: int | None
    pole: Pole | None
    created_at: datetime  # naive UTC

    @property
    def draft(self) -> ImageDraft:
        """The image form's start: the card to type, the note's text as the why."""
        return ImageDraft(self.participant_id, "", self.indicator, self.pole, self.text)


class Images:
    """The cards chosen at workshop 1. Removal is soft: an image (and its note) comes back."""

    def __init__(self, steps: Steps, capture: Capture) -> None:
        self._steps = steps
        self._capture = capture

    def add(
        self,
        demarche_id: str,
        draft: ImageDraft,
        *,
        subgroup_id: str | None = None,
        round_id: str | None = None,
    ) -> ImageRecord:
        """A card chosen, and its note (in the sub-group and round when given): one commit."""
        card, indicator, pole, why = _checked(draft)
        with writing():
            workshop = felt_workshop(demarche_id)
            group, rnd = _place(workshop, subgroup_id, round_id)
            speaker = _speaker(workshop, draft.participant_id)
            note = write_note(
                workshop, group, rnd, speaker, note_text(card, why), NoteKind.IMAGE, indicator, pole
            )
            row = ImageChoice.create(
                workshop=workshop,
                participant=speaker,
                note=note,
                card=card,
                indicator=indicator,
                pole=pole.value if pole is not None else None,
                why=why,
            )
            self._steps.touch(demarche_id, STEP)
        return self.get(key(row))

    def edit(self, image_id: str, draft: ImageDraft) -> ImageRecord:
        """Change an image; its note follows (its earlier text kept as a revision).

        When the person changes, the note said in their name is removed and a new one is
        written for the new person, in the same sub-group and round.
        """
        card, indicator, pole, why = _checked(draft)
        with writing():
            row = _row(image_id)
            workshop = Workshop.get_by_id(_id(row, "workshop_id"))
            speaker = _speaker(workshop, draft.participant_id)
            text = note_text(card, why)
            note = Note.get_or_none((Note.id == _id(row, "note_id")) & Note.deleted_at.is_null())
            if note is not None and note.speaker_id != (speaker.id if speaker else None):
                self._capture.remove_note(key(note))
                row.note = write_note(
                    workshop,
                    note.subgroup,
                    note.round,
                    speaker,
                    text,
                    NoteKind.IMAGE,
                    indicator,
                    pole,
                )
            elif note is not None:
                self._capture.edit_note(key(note), text, NoteKind.IMAGE, indicator, pole)
            row.participant = speaker
            row.card, row.indicator, row.why = card, indicator, why
            row.pole = pole.value if pole is not None else None
            row.save()
        return self.get(image_id)

    def remove(self, image_id: str) -> ImageRecord:
        """Remove an image and its note (both can be restored)."""
        with writing():
            row = _row(image_id)
            soft_delete(row)
            note_id = _id(row, "note_id")
            if note_id is not None and Note.get_or_none(
                (Note.id == note_id) & Note.deleted_at.is_null()
            ):
                self._capture.remove_note(str(note_id))
        return self.get(image_id)

    def restore(self, image_id: str) -> ImageRecord:
        """Bring back a removed image and its note; a live image is left as it is."""
        with writing():
            row = _row(image_id, deleted=True)
            if row.deleted_at is not None:
                row.deleted_at = None
                row.save()
                note_id = _id(row, "note_id")
                if note_id is not None:
                    self._capture.restore(str(note_id))
        return self.get(image_id)

    def get(self, image_id: str) -> ImageRecord:
        """An image, even a removed one (its record says `deleted`)."""
        return to_image_record(_row(image_id, deleted=True))

    def all(self, demarche_id: str) -> list[ImageRecord]:
        """The workshop's live images, in the order they were recorded."""
        workshop = felt_workshop(demarche_id)
        rows = (
            _select()
            .where((ImageChoice.workshop == workshop) & ImageChoice.deleted_at.is_null())
            .order_by(ImageChoice.created_at)
        )
        return [to_image_record(row) for row in rows]

    def notes_without_card(self, demarche_id: str) -> list[ImageNote]:
        """Live notes of kind « image » of workshop 1 that no live image holds, oldest first."""
        workshop = felt_workshop(demarche_id)
        held = ImageChoice.select(ImageChoice.note).where(
            (ImageChoice.workshop == workshop)
            & ImageChoice.deleted_at.is_null()
            & ImageChoice.note.is_null(False)
        )
        rows = (
            Note.select(Note, Participant)
            .join(Participant, JOIN.LEFT_OUTER, on=(Note.speaker == Participant.id))
            .where(
                (Note.workshop == workshop)
                & (Note.kind == NoteKind.IMAGE.value)
                & Note.deleted_at.is_null()
                & Note.id.not_in(held)
            )
            .order_by(Note.created_at)
        )
        return [
            ImageNote(
                note_id=key(row),
                participant_id=key(row.speaker) if row.speaker is not None else None,
                code=participant_code(row.speaker.number) if row.speaker is not None else "",
                text=row.text,
                indicator=row.indicator,
                pole=Pole(row.pole) if row.pole else None,
                created_at=row.created_at,
            )
            for row in rows
        ]

    def from_note(self, note_id: str, draft: ImageDraft) -> ImageRecord:
        """Record the card of a note typed as kind « image »: the note becomes the image's
        note (its text then reads « Carte 12 : … », the earlier text kept as a revision)."""
        _checked(draft)
        with writing():
            note = Note.get_or_none((Note.id == as_uuid(note_id)) & Note.deleted_at.is_null())
            if note is None or note.kind != NoteKind.IMAGE.value:
                raise NotFound("Note introuvable (supprimée ou changée entre-temps ?).")
            if ImageChoice.get_or_none(
                (ImageChoice.note == note) & ImageChoice.deleted_at.is_null()
            ):
                raise InvalidInput("Cette note a déjà sa carte dans les images associées.")
            row = ImageChoice.create(
                workshop=note.workshop_id, participant=note.speaker_id, note=note, card="?"
            )
            # The same path as a correction: the note follows, the person may change.
            return self.edit(key(row), draft)

    def removed(self, demarche_id: str) -> list[ImageRecord]:
        """The workshop's removed images, the most recently removed first."""
        workshop = felt_workshop(demarche_id)
        rows = (
            _select()
            .where((ImageChoice.workshop == workshop) & ImageChoice.deleted_at.is_null(False))
            .order_by(ImageChoice.deleted_at.desc())
        )
        return [to_image_record(row) for row in rows]

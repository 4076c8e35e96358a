"""Records of action sheets, the charter and the thread of an idea, as screens receive them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from vitalite_tui.domain.charter import Completeness, SheetContent, completeness
from vitalite_tui.domain.lineage import LinkKind

# ---------------------------------------------------------------- action sheets


@dataclass(frozen=True)
class ActionSheetRecord:
    """A kept action and its fiche action (empty fields when none was written yet)."""

    action_id: str
    title: str
    content: SheetContent
    #: True once something was saved for it (the row exists).
    written: bool = False
    #: The action's description, for the form's reminder.
    description: str = ""

    @property
    def completeness(self) -> Completeness:
        return completeness(self.content)


# ---------------------------------------------------------------- the charter


@dataclass(frozen=True)
class CharterRecord:
    """The charter of a démarche: its heading and preamble (defaults before anything is saved)."""

    demarche_id: str
    territory: str
    title: str
    preamble: str = ""
    adopted_on: date | None = None
    #: False while nothing was saved: the title shown is then the default one.
    exists: bool = False


@dataclass(frozen=True)
class CharterHeading:
    """What the preamble form collects: title, date of adoption, preamble."""

    title: str
    preamble: str = ""
    adopted_on: date | None = None


@dataclass(frozen=True)
class Origin:
    """A kept action or a work axis an article may come from."""

    kind: LinkKind  # ACTION or AXIS
    id: str
    title: str


@dataclass(frozen=True)
class ArticleRecord:
    """An article: its number among the live ones (0 when removed), words and origins."""

    id: str
    number: int
    title: str
    text: str
    actions: tuple[Origin, ...] = ()
    axes: tuple[Origin, ...] = ()
    removed: bool = False

    @property
    def origin_ids(self) -> frozenset[str]:
        return frozenset(origin.id for origin in (*self.actions, *self.axes))


@dataclass(frozen=True)
class ArticleDraft:
    """What the article form collects."""

    title: str
    text: str = ""


@dataclass(frozen=True)
class SignatoryDraft:
    """What the signatory form collects, as typed.

    `participant` is a participant's code (P007) or the start of their name, or empty for
    a signatory who is not in the registry (an organisation, a guest).
    """

    participant: str = ""
    name: str = ""
    organisation: str = ""
    signed_on: date | None = None


@dataclass(frozen=True)
class SignatoryRecord:
    id: str
    #: The name shown: the participant's name when one signs, else the name typed.
    name: str
    organisation: str
    signed_on: date | None
    participant_id: str | None = None
    participant_code: str = ""
    #: As public documents show them (`domain.privacy.public_signatory`): the name only
    #: with the person's consent to be named.
    shown_name: str = ""
    shown_organisation: str = ""

    def draft(self) -> SignatoryDraft:
        return SignatoryDraft(
            participant=self.participant_code,
            name="" if self.participant_id else self.name,
            organisation=self.organisation,
            signed_on=self.signed_on,
        )

    @property
    def who(self) -> str:
        """« P007 Martine Dupont », « Martine Dupont », or « — » for an organisation alone."""
        if self.participant_code:
            return f"{self.participant_code} {self.name}"
        return self.name or "—"


# ---------------------------------------------------------------- the thread of an idea


@dataclass(frozen=True)
class ThreadNode:
    """One step of the thread: an article, action, intention, axis or note, and what follows.

    Going back from an article, `children` are where it comes from; going forward from a
    note, they are what it led to.
    """

    kind: LinkKind
    id: str
    label: str
    workshop: int | None = None
    children: tuple[ThreadNode, ...] = ()
    #: A word on how this step is tied to its parent (« fusionnée », « axe de l'intention »).
    relation: str = ""

    def walk(self, depth: int = 0) -> Iterator[tuple[int, ThreadNode]]:
        """Every node with its depth, parents before children."""
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)

    def count(self, kind: LinkKind) -> int:
        return sum(1 for _, node in self.walk() if node.kind is kind)


@dataclass(frozen=True)
class NoteView:
    """A note in full, for the thread's reader."""

    id: str
    text: str
    workshop: int | None
    subgroup: str = ""
    speaker: str = ""
    axis: str = ""
    leads_to: tuple[ThreadNode, ...] = field(default=())

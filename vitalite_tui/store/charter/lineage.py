"""The thread of an idea, read back: from a charter article to the notes of workshop 1, and on.

Going back from an article: its actions (and the actions merged into them), each action's
intentions, each intention's origin notes and its axis, and the axis's workshop-1 notes.
Going forward from a note: the intentions it fed and its axis, the actions they became
(and the action they were merged into), the articles those came to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from vitalite_tui.db.models import (
    Action,
    Axis,
    BaseModel,
    CharterArticle,
    Intention,
    Note,
    Participant,
    SubGroup,
    Workshop,
)
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.store.base import as_uuid, fk_id, key, live
from vitalite_tui.store.charter.records import NoteView, ThreadNode
from vitalite_tui.store.links import sources_of, targets_of

#: The workshop each kind belongs to when its row does not say (axes: 1, intentions: 2…).
DEFAULT_WORKSHOP = {
    LinkKind.AXIS: 1,
    LinkKind.INTENTION: 2,
    LinkKind.ACTION: 3,
    LinkKind.ARTICLE: 4,
}

ANONYMOUS = "anonyme"

M = TypeVar("M", bound=BaseModel)


def _live_rows(model: type[M], ids: Iterable[str]) -> list[M]:
    """The live rows with these ids, in the order of the ids (links keep their order)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    rows = {
        key(row): row
        for row in model.select().where(
            model.id.in_([as_uuid(i) for i in wanted]) & model.deleted_at.is_null()
        )
    }
    return [rows[i] for i in wanted if i in rows]


def _pointed(model: type[M], row: BaseModel, field: str) -> list[M]:
    """The live row `row`'s foreign key `field` points to, as a list of one (or none)."""
    row_id = fk_id(row, field)
    return _live_rows(model, [row_id] if row_id else [])


def _row(model: type[M], row_id: str | None) -> M | None:
    """The row a foreign key points to (even a removed one), or None."""
    return None if row_id is None else model.get_or_none(model.id == as_uuid(row_id))


@dataclass
class _Thread:
    """One walk through a démarche's links; remembers what it has shown already."""

    demarche_id: str
    workshops: dict[str, int] = field(default_factory=dict)
    article_numbers: dict[str, int] = field(default_factory=dict)
    seen_axes: set[str] = field(default_factory=set)
    seen_actions: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        rows = Workshop.select(Workshop.id, Workshop.number).where(
            Workshop.demarche == as_uuid(self.demarche_id)
        )
        self.workshops = {key(row): row.number for row in rows}

    def workshop_of(self, row: BaseModel, kind: LinkKind) -> int | None:
        # Notes, axes and intentions say their workshop; actions and articles do not.
        workshop_id = getattr(row, "workshop_id", None)
        if workshop_id is not None and str(workshop_id) in self.workshops:
            return self.workshops[str(workshop_id)]
        return DEFAULT_WORKSHOP.get(kind)

    # --- nodes -------------------------------------------------------------------------

    def node(
        self,
        kind: LinkKind,
        row: BaseModel,
        label: str,
        children: Iterable[ThreadNode] = (),
        relation: str = "",
    ) -> ThreadNode:
        return ThreadNode(
            kind, key(row), label, self.workshop_of(row, kind), tuple(children), relation
        )

    def note(self, row: Note, relation: str = "") -> ThreadNode:
        return self.node(LinkKind.NOTE, row, row.text, (), relation)

    def article(self, row: CharterArticle, children: Iterable[ThreadNode] = ()) -> ThreadNode:
        if not self.article_numbers:
            live_articles = (
                CharterArticle.select(CharterArticle.id)
                .where(
                    (CharterArticle.charter == row.charter) & CharterArticle.deleted_at.is_null()
                )
                .order_by(CharterArticle.position, CharterArticle.created_at)
            )
            self.article_numbers = {key(a): n for n, a in enumerate(live_articles, start=1)}
        number = self.article_numbers.get(key(row))
        label = f"Article {number} — {row.title}" if number else f"Article retiré — {row.title}"
        return ThreadNode(LinkKind.ARTICLE, key(row), label, 4, tuple(children))

    # --- back from an article ----------------------------------------------------------

    def back_from_article(self, row: CharterArticle) -> ThreadNode:
        article_id = key(row)
        actions = sources_of(LinkKind.ARTICLE, [article_id], LinkKind.ACTION)[article_id]
        axes = sources_of(LinkKind.ARTICLE, [article_id], LinkKind.AXIS)[article_id]
        children = [self.back_from_action(a) for a in _live_rows(Action, actions)]
        children += [self.back_from_axis(a, "axe de l'article") for a in _live_rows(Axis, axes)]
        return self.article(row, children)

    def back_from_action(self, row: Action, relation: str = "") -> ThreadNode:
        action_id = key(row)
        self.seen_actions.add(action_id)
        intentions = sources_of(LinkKind.ACTION, [action_id], LinkKind.INTENTION)[action_id]
        merged = Action.select().where((Action.merged_into == row) & Action.deleted_at.is_null())
        children = [
            self.back_from_action(m, "fusionnée dans celle-ci")
            for m in merged.order_by(Action.created_at)
            if key(m) not in self.seen_actions
        ]
        children += [self.back_from_intention(i) for i in _live_rows(Intention, intentions)]
        return self.node(LinkKind.ACTION, row, row.title, children, relation)

    def back_from_intention(self, row: Intention) -> ThreadNode:
        intention_id = key(row)
        notes = sources_of(LinkKind.INTENTION, [intention_id], LinkKind.NOTE)[intention_id]
        children = [self.note(n) for n in _live_rows(Note, notes)]
        children += [self.back_from_axis(axis) for axis in _pointed(Axis, row, "axis")]
        return self.node(LinkKind.INTENTION, row, row.title, children)

    def back_from_axis(self, row: Axis, relation: str = "") -> ThreadNode:
        axis_id = key(row)
        children: list[ThreadNode] = []
        if axis_id in self.seen_axes:
            relation = ", ".join(filter(None, (relation, "ses notes sont plus haut")))
        else:
            self.seen_axes.add(axis_id)
            notes = (
                Note.select()
                .where((Note.axis == row) & Note.deleted_at.is_null())
                .order_by(Note.created_at)
            )
            children = [self.note(n) for n in notes]
        return self.node(LinkKind.AXIS, row, row.title, children, relation)

    # --- forward from a note -----------------------------------------------------------

    def forward_from_note(self, row: Note) -> ThreadNode:
        note_id = key(row)
        intentions = targets_of(LinkKind.NOTE, [note_id], LinkKind.INTENTION)[note_id]
        children = [self.forward_from_intention(i) for i in _live_rows(Intention, intentions)]
        children += [self.forward_from_axis(axis) for axis in _pointed(Axis, row, "axis")]
        return self.node(LinkKind.NOTE, row, row.text, children)

    def forward_from_intention(self, row: Intention, relation: str = "") -> ThreadNode:
        intention_id = key(row)
        actions = targets_of(LinkKind.INTENTION, [intention_id], LinkKind.ACTION)[intention_id]
        children = [self.forward_from_action(a) for a in _live_rows(Action, actions)]
        return self.node(LinkKind.INTENTION, row, row.title, children, relation)

    def forward_from_action(self, row: Action, relation: str = "") -> ThreadNode:
        action_id = key(row)
        self.seen_actions.add(action_id)
        children = self.articles_of(LinkKind.ACTION, action_id)
        for target in _pointed(Action, row, "merged_into"):
            if key(target) not in self.seen_actions:
                children.append(self.forward_from_action(target, "a rejoint cette action"))
        kept = "retenue" if row.kept and fk_id(row, "merged_into") is None else ""
        return self.node(LinkKind.ACTION, row, row.title, children, relation or kept)

    def forward_from_axis(self, row: Axis) -> ThreadNode:
        axis_id = key(row)
        children = self.articles_of(LinkKind.AXIS, axis_id)
        intentions = (
            Intention.select()
            .where((Intention.axis == row) & Intention.deleted_at.is_null())
            .order_by(Intention.created_at)
        )
        children += [self.forward_from_intention(i, "sur cet axe") for i in intentions]
        return self.node(LinkKind.AXIS, row, row.title, children, "axe de la note")

    def articles_of(self, kind: LinkKind, source_id: str) -> list[ThreadNode]:
        articles = targets_of(kind, [source_id], LinkKind.ARTICLE)[source_id]
        return [self.article(a) for a in _live_rows(CharterArticle, articles)]


class Lineage:
    """The thread from a workshop-1 note through intention and action to a charter article."""

    def for_article(self, article_id: str) -> ThreadNode:
        """Where an article comes from, as a tree rooted at the article."""
        row = live(CharterArticle, article_id, "Article")
        demarche_id = str(fk_id(row.charter, "demarche"))
        return _Thread(demarche_id).back_from_article(row)

    def from_note(self, note_id: str) -> ThreadNode:
        """What a note led to, as a tree rooted at the note."""
        row = live(Note, note_id, "Note")
        return _Thread(str(fk_id(row.workshop, "demarche"))).forward_from_note(row)

    def note(self, note_id: str) -> NoteView:
        """A note in full, with where it was said and what it led to."""
        row = live(Note, note_id, "Note")
        thread = _Thread(str(fk_id(row.workshop, "demarche")))
        forward = thread.forward_from_note(row)
        subgroup = _row(SubGroup, fk_id(row, "subgroup"))
        speaker = _row(Participant, fk_id(row, "speaker"))
        axis = _row(Axis, fk_id(row, "axis"))
        return NoteView(
            id=key(row),
            text=row.text,
            workshop=forward.workshop,
            subgroup=subgroup.name if subgroup is not None else "",
            speaker=speaker.display_name if speaker is not None else ANONYMOUS,
            axis=axis.title if axis is not None and axis.deleted_at is None else "",
            leads_to=forward.children,
        )

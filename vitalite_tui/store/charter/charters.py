"""The charter of workshop 4: heading and preamble, articles with their origins, signatories."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from peewee import fn

from vitalite_tui.db.models import (
    Action,
    Axis,
    Charter,
    CharterArticle,
    Demarche,
    Intention,
    Participant,
    Signatory,
)
from vitalite_tui.domain.charter import (
    ArticleView,
    CharterDocument,
    SignatoryView,
    default_charter_title,
)
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.domain.participants import participant_code
from vitalite_tui.domain.privacy import public_signatory
from vitalite_tui.domain.text import clean_line, clean_text, fold
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store.base import as_uuid, demarche_row, fk_id, key, live, soft_delete, writing
from vitalite_tui.store.charter.action_sheets import kept_actions
from vitalite_tui.store.charter.records import (
    ArticleDraft,
    ArticleRecord,
    CharterHeading,
    CharterRecord,
    Origin,
    SignatoryDraft,
    SignatoryRecord,
)
from vitalite_tui.store.links import add_link, remove_links, sources_of
from vitalite_tui.store.lookups import in_name_order

if TYPE_CHECKING:
    from vitalite_tui.store.preparation.steps import Steps

MAX_TITLE = 200
MAX_TEXT = 10_000
MAX_NAME = 120
#: The step the charter belongs to (workshop 4).
CHARTER_STEP = 7

_CODE = re.compile(r"^\s*[Pp]\s*0*(\d{1,4})\s*$")


def _charter(demarche: Demarche) -> Charter | None:
    return Charter.get_or_none((Charter.demarche == demarche) & Charter.deleted_at.is_null())


def _charter_for_writing(demarche_id: str, steps: Steps) -> Charter:
    """The démarche's charter, created with its default title on the first change."""
    demarche = demarche_row(demarche_id)
    charter = _charter(demarche)
    if charter is None:
        # One charter per démarche (unique key): a removed one comes back rather than doubling.
        charter = Charter.get_or_none(Charter.demarche == demarche)
        if charter is None:
            charter = Charter.create(
                demarche=demarche, title=default_charter_title(demarche.territory)
            )
        else:
            charter.deleted_at = None
            charter.save()
    steps.touch(demarche_id, CHARTER_STEP)
    return charter


def _article(article_id: str) -> CharterArticle:
    return live(CharterArticle, article_id, "Article")


def _live_articles(charter: Charter | None) -> list[CharterArticle]:
    if charter is None:
        return []
    return list(
        CharterArticle.select()
        .where((CharterArticle.charter == charter) & CharterArticle.deleted_at.is_null())
        .order_by(CharterArticle.position, CharterArticle.created_at)
    )


def _renumber(articles: Sequence[CharterArticle]) -> None:
    for position, article in enumerate(articles):
        if article.position != position:
            article.position = position
            article.save()


def _article_draft(draft: ArticleDraft) -> tuple[str, str]:
    title = clean_line(draft.title, field="Titre de l'article", max_length=MAX_TITLE)
    text = clean_text(draft.text)
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"Texte de l'article : au plus {MAX_TEXT} caractères.")
    return title, text


def _titled(
    kind: LinkKind, ids_by_article: dict[str, list[str]], model: type[Action] | type[Axis]
) -> dict[str, list[Origin]]:
    """The live rows behind the linked ids, as origins with their titles."""
    wanted = [as_uuid(i) for ids in ids_by_article.values() for i in ids]
    titles = {
        key(row): row.title
        for row in model.select(model.id, model.title).where(
            model.id.in_(wanted) & model.deleted_at.is_null()
        )
    }
    return {
        article_id: [Origin(kind, i, titles[i]) for i in ids if i in titles]
        for article_id, ids in ids_by_article.items()
    }


def _origins_of(article_ids: Sequence[str]) -> dict[str, tuple[list[Origin], list[Origin]]]:
    """For each article, its live origin actions and axes, in the order they were linked."""
    actions = _titled(
        LinkKind.ACTION, sources_of(LinkKind.ARTICLE, article_ids, LinkKind.ACTION), Action
    )
    axes = _titled(LinkKind.AXIS, sources_of(LinkKind.ARTICLE, article_ids, LinkKind.AXIS), Axis)
    return {article_id: (actions[article_id], axes[article_id]) for article_id in article_ids}


def _records(articles: Sequence[CharterArticle], *, removed: bool = False) -> list[ArticleRecord]:
    origins = _origins_of([key(row) for row in articles])
    records = []
    for number, row in enumerate(articles, start=1):
        actions, axes = origins[key(row)]
        records.append(
            ArticleRecord(
                id=key(row),
                number=0 if removed else number,
                title=row.title,
                text=row.text,
                actions=tuple(actions),
                axes=tuple(axes),
                removed=removed,
            )
        )
    return records


def _axes(demarche: Demarche) -> list[Axis]:
    return list(
        Axis.select()
        .where((Axis.demarche == demarche) & Axis.deleted_at.is_null())
        .order_by(Axis.position, Axis.created_at)
    )


def _drafted_action_ids(charter: Charter | None) -> set[str]:
    """The actions already linked to a live article of the charter."""
    articles = [key(row) for row in _live_articles(charter)]
    linked = sources_of(LinkKind.ARTICLE, articles, LinkKind.ACTION)
    return {action_id for ids in linked.values() for action_id in ids}


def _action_axes(action: Action) -> list[str]:
    """The axes of the intentions behind an action (and behind the actions merged into it)."""
    action_ids = [key(action)] + [
        key(row)
        for row in Action.select(Action.id).where(
            (Action.merged_into == action) & Action.deleted_at.is_null()
        )
    ]
    linked = sources_of(LinkKind.ACTION, action_ids, LinkKind.INTENTION)
    intention_ids = [i for ids in linked.values() for i in ids]
    if not intention_ids:
        return []
    rows = Intention.select(Intention.axis).where(
        Intention.id.in_([as_uuid(i) for i in intention_ids])
        & Intention.deleted_at.is_null()
        & Intention.axis.is_null(False)
    )
    found: list[str] = []
    for row in rows:
        axis_id = str(fk_id(row, "axis"))
        if axis_id not in found:
            found.append(axis_id)
    return found


def _signatory_record(row: Signatory, people: dict[str, Participant]) -> SignatoryRecord:
    participant_id = fk_id(row, "participant")
    person = people.get(participant_id) if participant_id else None
    name = person.display_name if person is not None else row.name
    # Someone outside the registry was typed onto the charter as they sign it, in public.
    shown = (
        public_signatory(
            name,
            row.organisation,
            person.commune,
            named=person.consent_named,
            for_structure=person.college == College.ACTEUR.value,
        )
        if person is not None
        else (name, row.organisation)
    )
    return SignatoryRecord(
        id=key(row),
        name=name,
        organisation=row.organisation,
        signed_on=row.signed_on,
        participant_id=participant_id,
        participant_code=participant_code(person.number) if person is not None else "",
        shown_name=shown[0],
        shown_organisation=shown[1],
    )


def find_participant(demarche: Demarche, typed: str) -> Participant | None:
    """The participant a code (P007) or the start of a name designates; None when blank.

    A French error when nobody or several people match, naming a few of them.
    """
    query = " ".join(typed.split())
    if not query:
        return None
    people = in_name_order(
        Participant.select().where(
            (Participant.demarche == demarche) & Participant.deleted_at.is_null()
        )
    )
    if match := _CODE.match(query):
        found = [p for p in people if p.number == int(match[1])]
    else:
        wanted = fold(query)
        exact = [p for p in people if fold(p.display_name) == wanted]
        found = exact or [
            p
            for p in people
            if fold(p.display_name).startswith(wanted)
            or any(word.startswith(wanted) for word in fold(p.display_name).split())
        ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise InvalidInput(
            f"Participant : personne ne répond à « {query} » (tapez son code, P007, ou le "
            "début de son nom ; laissez vide pour une structure)."
        )
    names = ", ".join(p.display_name for p in found[:4]) + (" …" if len(found) > 4 else "")
    raise InvalidInput(
        f"Participant : « {query} » désigne {len(found)} personnes ({names}) : "
        "tapez la suite du nom ou le code."
    )


class Charters:
    """The charter of each démarche (one), its articles and who signed it."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps

    # --- heading ---------------------------------------------------------------------

    def get(self, demarche_id: str) -> CharterRecord:
        """The charter's heading; its default title until one is saved."""
        demarche = demarche_row(demarche_id)
        charter = _charter(demarche)
        if charter is None:
            return CharterRecord(
                demarche_id, demarche.territory, default_charter_title(demarche.territory)
            )
        return CharterRecord(
            demarche_id=demarche_id,
            territory=demarche.territory,
            title=charter.title,
            preamble=charter.preamble,
            adopted_on=charter.adopted_on,
            exists=True,
        )

    def save_heading(self, demarche_id: str, heading: CharterHeading) -> None:
        title = clean_line(heading.title, field="Titre de la charte", max_length=MAX_TITLE)
        preamble = clean_text(heading.preamble)
        if len(preamble) > MAX_TEXT:
            raise InvalidInput(f"Préambule : au plus {MAX_TEXT} caractères.")
        with writing():
            charter = _charter_for_writing(demarche_id, self._steps)
            charter.title = title
            charter.preamble = preamble
            charter.adopted_on = heading.adopted_on
            charter.save()

    # --- articles --------------------------------------------------------------------

    def articles(self, demarche_id: str) -> list[ArticleRecord]:
        """The live articles, numbered from 1 in their order, with their origins."""
        return _records(_live_articles(_charter(demarche_row(demarche_id))))

    def removed_articles(self, demarche_id: str) -> list[ArticleRecord]:
        """Articles removed (and not restored), the most recently removed first."""
        charter = _charter(demarche_row(demarche_id))
        if charter is None:
            return []
        rows = (
            CharterArticle.select()
            .where((CharterArticle.charter == charter) & CharterArticle.deleted_at.is_null(False))
            .order_by(CharterArticle.deleted_at.desc())
        )
        return _records(list(rows), removed=True)

    def article(self, article_id: str) -> ArticleRecord:
        row = _article(article_id)
        number = [key(a) for a in _live_articles(row.charter)].index(key(row)) + 1
        [record] = _records([row])
        return replace(record, number=number)

    def add_article(self, demarche_id: str, draft: ArticleDraft) -> str:
        """A new article at the end of the charter; returns its id."""
        title, text = _article_draft(draft)
        with writing():
            charter = _charter_for_writing(demarche_id, self._steps)
            row = self._append(charter, title, text)
        return key(row)

    @staticmethod
    def _append(charter: Charter, title: str, text: str) -> CharterArticle:
        last = (
            CharterArticle.select(fn.MAX(CharterArticle.position))
            .where(CharterArticle.charter == charter)
            .scalar()
        )
        return CharterArticle.create(
            charter=charter, title=title, text=text, position=(last if last is not None else -1) + 1
        )

    def update_article(self, article_id: str, draft: ArticleDraft) -> None:
        title, text = _article_draft(draft)
        with writing():
            row = _article(article_id)
            row.title, row.text = title, text
            row.save()

    def move_article(self, article_id: str, step: int) -> bool:
        """Move an article up (-1) or down (+1); False when it is already first or last."""
        with writing():
            row = _article(article_id)
            articles = _live_articles(row.charter)
            index = [key(a) for a in articles].index(key(row))
            other = index + step
            if step == 0 or not 0 <= other < len(articles):
                return False
            articles[index], articles[other] = articles[other], articles[index]
            _renumber(articles)
        return True

    def remove_article(self, article_id: str) -> None:
        """Soft removal: `restore_article` brings it back with its words and links."""
        with writing():
            soft_delete(_article(article_id))

    def restore_article(self, article_id: str) -> None:
        with writing():
            row = CharterArticle.get_or_none(CharterArticle.id == as_uuid(article_id))
            if row is None:
                raise NotFound("Article introuvable.")
            if row.deleted_at is not None:
                row.deleted_at = None
                row.save()
            _renumber(_live_articles(row.charter))

    # --- origins ---------------------------------------------------------------------

    def origin_choices(self, demarche_id: str, article_id: str | None = None) -> list[Origin]:
        """What an article may come from: the kept actions, then the work axes.

        An action linked to the article but no longer kept is offered too, so that its
        link can be undone.
        """
        demarche = demarche_row(demarche_id)
        actions = [Origin(LinkKind.ACTION, key(a), a.title) for a in kept_actions(demarche_id)]
        if article_id is not None:
            offered = {origin.id for origin in actions}
            actions += [o for o in self.article(article_id).actions if o.id not in offered]
        axes = [Origin(LinkKind.AXIS, key(a), a.title) for a in _axes(demarche)]
        return actions + axes

    def set_origins(self, article_id: str, origin_ids: Iterable[str]) -> None:
        """Link the article to exactly these actions and axes (ids from `origin_choices`)."""
        wanted = set(origin_ids)
        with writing():
            row = _article(article_id)
            demarche_id = str(fk_id(row.charter, "demarche"))
            choices = {o.id: o for o in self.origin_choices(demarche_id, article_id)}
            unknown = wanted - choices.keys()
            if unknown:
                raise InvalidInput(
                    "Une origine choisie n'est plus une action retenue ni un axe : "
                    "rouvrez la liste des origines."
                )
            current = self.article(article_id).origin_ids
            for origin_id in current - wanted:
                origin = choices[origin_id]
                remove_links(LinkKind.ARTICLE, article_id, origin.kind, [origin_id])
            for origin_id in sorted(wanted - current, key=list(choices).index):
                kind = choices[origin_id].kind
                add_link(demarche_id, kind, origin_id, LinkKind.ARTICLE, article_id)
            row.save()  # the article changed: its updated_at says so

    def undrafted_actions(self, demarche_id: str) -> list[Origin]:
        """Kept actions that no live article comes from yet."""
        drafted = _drafted_action_ids(_charter(demarche_row(demarche_id)))
        return [
            Origin(LinkKind.ACTION, key(a), a.title)
            for a in kept_actions(demarche_id)
            if key(a) not in drafted
        ]

    def draft_articles(self, demarche_id: str) -> list[str]:
        """One article per kept action not yet in an article: its title, text, action, axes.

        Idempotent: an action once drafted (linked to a live article) is not drafted again.
        Returns the ids of the new articles.
        """
        created: list[str] = []
        with writing():
            charter = _charter_for_writing(demarche_id, self._steps)
            drafted = _drafted_action_ids(charter)
            for action in kept_actions(demarche_id):
                if key(action) in drafted:
                    continue
                title = clean_line(action.title, field="Titre", max_length=MAX_TITLE)
                row = self._append(charter, title, clean_text(action.description))
                add_link(demarche_id, LinkKind.ACTION, key(action), LinkKind.ARTICLE, key(row))
                for axis_id in _action_axes(action):
                    add_link(demarche_id, LinkKind.AXIS, axis_id, LinkKind.ARTICLE, key(row))
                created.append(key(row))
        return created

    # --- signatories -----------------------------------------------------------------

    def signatories(self, demarche_id: str) -> list[SignatoryRecord]:
        """Who signed, in the order they were added."""
        charter = _charter(demarche_row(demarche_id))
        if charter is None:
            return []
        rows = list(
            Signatory.select()
            .where((Signatory.charter == charter) & Signatory.deleted_at.is_null())
            .order_by(Signatory.created_at)
        )
        ids = [as_uuid(i) for row in rows if (i := fk_id(row, "participant")) is not None]
        people = {
            key(p): p
            for p in Participant.select().where(
                Participant.id.in_(ids) & Participant.deleted_at.is_null()
            )
        }
        return [_signatory_record(row, people) for row in rows]

    def _signatory_values(
        self, demarche: Demarche, draft: SignatoryDraft, charter: Charter | None, own_id: str = ""
    ) -> dict[str, object]:
        person = find_participant(demarche, draft.participant)
        name = clean_line(draft.name, field="Nom", max_length=MAX_NAME, required=False)
        organisation = clean_line(
            draft.organisation, field="Structure", max_length=MAX_NAME, required=False
        )
        if person is None and not name and not organisation:
            raise InvalidInput(
                "Indiquez qui signe : un participant (code ou nom), un nom ou une structure."
            )
        if person is not None and charter is not None:
            twice = Signatory.get_or_none(
                (Signatory.charter == charter)
                & (Signatory.participant == person)
                & Signatory.deleted_at.is_null()
            )
            if twice is not None and key(twice) != own_id:
                raise InvalidInput(f"{person.display_name} a déjà signé la charte.")
        return {
            "participant": person,
            "name": person.display_name if person is not None else name,
            "organisation": organisation or (person.organisation if person is not None else ""),
            "signed_on": draft.signed_on,
        }

    def add_signatory(self, demarche_id: str, draft: SignatoryDraft) -> str:
        with writing():
            demarche = demarche_row(demarche_id)
            values = self._signatory_values(demarche, draft, _charter(demarche))
            charter = _charter_for_writing(demarche_id, self._steps)
            row = Signatory.create(charter=charter, **values)
        return key(row)

    def update_signatory(self, signatory_id: str, draft: SignatoryDraft) -> None:
        with writing():
            row = live(Signatory, signatory_id, "Signataire")
            charter = row.charter
            values = self._signatory_values(charter.demarche, draft, charter, signatory_id)
            for name, value in values.items():
                setattr(row, name, value)
            row.save()

    def remove_signatory(self, signatory_id: str) -> None:
        with writing():
            soft_delete(live(Signatory, signatory_id, "Signataire"))

    # --- the printable document --------------------------------------------------------

    def document(self, demarche_id: str) -> CharterDocument:
        """The charter as printed; `NotFound` in French while none was written."""
        demarche = demarche_row(demarche_id)
        charter = _charter(demarche)
        if charter is None:
            raise NotFound(
                f"Pas encore de charte pour « {demarche.territory} » : rédigez-la à "
                "l'atelier 4 (Contenus, F5 Charte)."
            )
        articles = _records(_live_articles(charter))
        return CharterDocument(
            title=charter.title,
            territory=demarche.territory,
            communes=tuple(demarche.communes or ()),
            adopted_on=charter.adopted_on,
            preamble=charter.preamble,
            articles=tuple(
                ArticleView(
                    number=a.number,
                    title=a.title,
                    text=a.text,
                    actions=tuple(o.title for o in a.actions),
                    axes=tuple(o.title for o in a.axes),
                )
                for a in articles
            ),
            signatories=tuple(
                SignatoryView(s.shown_name, s.shown_organisation, s.signed_on)
                for s in self.signatories(demarche_id)
            ),
        )

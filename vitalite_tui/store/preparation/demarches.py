"""Démarches: creation with their seven steps and four workshops, listing, the stepper."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Protocol, TypeVar

from vitalite_tui.db.models import (
    Action,
    Demarche,
    LogisticsItem,
    Note,
    Participant,
    Response,
    StepRecord,
    Workshop,
    utcnow,
)
from vitalite_tui.domain.dates import format_date, format_day, format_time
from vitalite_tui.domain.steps import STEPS, StepStatus
from vitalite_tui.domain.text import clean_line, fold, plural
from vitalite_tui.domain.workshops import (
    DEFAULT_END,
    DEFAULT_LOGISTICS,
    DEFAULT_START,
    WORKSHOP_NUMBERS,
    default_agenda,
    workshop_step,
)
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store.base import as_uuid, demarche_row, key, soft_delete, writing
from vitalite_tui.store.preparation.demarche_records import (
    DemarcheContents,
    DemarcheSummary,
    RemovedDemarche,
    StepView,
)
from vitalite_tui.store.preparation.steps import step1_detail, step1_from_data

MAX_TERRITORY = 120
MAX_COMMUNE = 80
MAX_COMMUNES = 200
#: Shortest id prefix taken as an id (shorter, it would match names' letters by chance).
MIN_ID_PREFIX = 4
#: The end of the key of a demo still being built (`store.bulk.unfinished_key`, which this
#: package cannot import: bulk imports the workshops that import preparation).
UNFINISHED_SUFFIX = "-unfinished"


def name_key(territory: str) -> str:
    """What two names must differ in: not case, accents or spaces (« CC des  trois vallees »)."""
    return " ".join(fold(territory).split())


#: Said when a démarche would have no commune: its questionnaire and registry need them.
NO_COMMUNE = "Communes : indiquez au moins une commune du territoire, séparées par des virgules."


def parse_communes(text: str) -> list[str]:
    """Communes typed on one line, separated by commas or semicolons; duplicates dropped."""
    communes: list[str] = []
    for part in text.replace(";", ",").replace("\n", ",").split(","):
        name = clean_line(part, field="Commune", max_length=MAX_COMMUNE, required=False)
        if name and name.casefold() not in {c.casefold() for c in communes}:
            communes.append(name)
    if len(communes) > MAX_COMMUNES:
        raise InvalidInput(f"Communes : {len(communes)}, c'est plus que {MAX_COMMUNES}.")
    return communes


def clean_territory(territory: str) -> str:
    """The name of a démarche as kept: one line, not empty, not too long."""
    return clean_line(territory, field="Territoire", max_length=MAX_TERRITORY)


def required_communes(communes: list[str] | str) -> list[str]:
    """The communes of a démarche, refused when there is none."""
    names = parse_communes(communes if isinstance(communes, str) else ",".join(communes))
    if not names:
        raise InvalidInput(NO_COMMUNE)
    return names


class Named(Protocol):
    """A démarche as a list shows it: what `named` picks among."""

    @property
    def id(self) -> str: ...

    @property
    def territory(self) -> str: ...


NamedT = TypeVar("NamedT", bound=Named)


def named(name_or_id: str, demarches: Sequence[NamedT]) -> list[NamedT]:
    """Démarches by id prefix, then whole name, then part of the name.

    Names are compared without case, accents or extra spaces. The first kind that
    finds any wins: a whole name is never ambiguous with a longer one holding it
    (« CC Alpha » beside « CC Alpha Sud »).
    """
    prefix = name_or_id.strip().casefold().replace("-", "")
    wanted = name_key(name_or_id)
    if not wanted:
        return []
    kinds: tuple[Callable[[NamedT], bool], ...] = (
        lambda d: len(prefix) >= MIN_ID_PREFIX and d.id.replace("-", "").startswith(prefix),
        lambda d: name_key(d.territory) == wanted,
        lambda d: wanted in name_key(d.territory),
    )
    for kind in kinds:
        found = [d for d in demarches if kind(d)]
        if found:
            return found
    return []


class Demarches:
    """Create, list and describe démarches."""

    def create(self, territory: str, communes: list[str] | str) -> str:
        """A new démarche; its name must be free in this base and it needs its communes."""
        name = clean_territory(territory)
        names = required_communes(communes)
        with writing():
            self._refuse_taken(name)
            demarche = Demarche.create(territory=name, communes=names)
            self._create_children(demarche)
        return key(demarche)

    @staticmethod
    def _create_children(demarche: Demarche) -> None:
        StepRecord.insert_many(
            [{"demarche": demarche, "number": step.number} for step in STEPS]
        ).execute()
        for number in WORKSHOP_NUMBERS:
            Workshop.create(
                demarche=demarche,
                number=number,
                agenda=[
                    {"label": item.label, "minutes": item.minutes, "plenary": item.plenary}
                    for item in default_agenda(number)
                ],
                start_time=DEFAULT_START,
                end_time=DEFAULT_END,
            )
        LogisticsItem.insert_many(
            [
                {"demarche": demarche, "label": label, "position": position}
                for position, label in enumerate(DEFAULT_LOGISTICS)
            ]
        ).execute()

    def update(self, demarche_id: str, territory: str, communes: list[str] | str) -> None:
        """Another name (free in this base) and another list of communes (not empty)."""
        name = clean_territory(territory)
        names = required_communes(communes)
        with writing():
            row = demarche_row(demarche_id)
            self._refuse_taken(name, but=row)
            row.territory = name
            row.communes = names
            row.save()

    def rename(self, demarche_id: str, territory: str) -> None:
        """Give a démarche another name, refused if another one of the base has it already."""
        name = clean_territory(territory)
        with writing():
            row = demarche_row(demarche_id)
            self._refuse_taken(name, but=row)
            row.territory = name
            row.save()

    @staticmethod
    def _refuse_taken(name: str, but: Demarche | None = None) -> None:
        # Two names that differ only by case or accents look the same in a list and to
        # `--demarche`: the second would be exported in the first one's place.
        wanted = name_key(name)
        rows = Demarche.select().where(
            Demarche.deleted_at.is_null()
            # A demo build cut short is removed by the next one, which needs its name.
            & (Demarche.demo_key.is_null() | ~Demarche.demo_key.endswith(UNFINISHED_SUFFIX))
        )
        for row in rows:
            if (but is None or row.id != but.id) and name_key(row.territory) == wanted:
                raise InvalidInput(
                    f"Une démarche porte déjà ce nom : « {row.territory} » ; "
                    "choisissez un nom qui s'en distingue autrement que par les majuscules, "
                    "les accents ou les espaces."
                )

    def archive(self, demarche_id: str) -> None:
        """Set a finished démarche aside: kept whole, hidden from the home list by default."""
        with writing():
            row = demarche_row(demarche_id)
            if row.archived_at is None:
                row.archived_at = utcnow()
                row.save()

    def unarchive(self, demarche_id: str) -> None:
        """Bring an archived démarche back to the home list."""
        with writing():
            row = demarche_row(demarche_id)
            if row.archived_at is not None:
                row.archived_at = None
                row.save()

    def contents(self, demarche_id: str) -> DemarcheContents:
        """What the démarche holds, for a confirmation that names what a removal takes."""
        row = demarche_row(demarche_id)
        workshops = Workshop.select(Workshop.id).where(Workshop.demarche == row)
        return DemarcheContents(
            participants=Participant.select()
            .where((Participant.demarche == row) & Participant.deleted_at.is_null())
            .count(),
            sheets=Response.select()
            .where((Response.demarche == row) & Response.deleted_at.is_null())
            .count(),
            notes=Note.select()
            .where(Note.workshop.in_(workshops) & Note.deleted_at.is_null())
            .count(),
            actions=Action.select()
            .where((Action.demarche == row) & Action.deleted_at.is_null())
            .count(),
        )

    def remove(self, demarche_id: str) -> None:
        """Soft delete: the rows stay in the file (and `restore_removed` brings them back)."""
        with writing():
            soft_delete(demarche_row(demarche_id))

    def removed(self) -> list[RemovedDemarche]:
        """The removed démarches still in the file (`restore_removed`), last removed first."""
        rows = (
            Demarche.select()
            .where(Demarche.deleted_at.is_null(False))
            .order_by(Demarche.deleted_at.desc())
        )
        return [
            RemovedDemarche(key(row), row.territory, row.deleted_at)
            for row in rows
            if row.deleted_at is not None
        ]

    def restore_removed(self, demarche_id: str) -> None:
        """Undo `remove`, unless another démarche has taken the name meanwhile."""
        with writing():
            row = Demarche.get_or_none(Demarche.id == as_uuid(demarche_id))
            if row is None:
                raise NotFound("Démarche introuvable : rien à rétablir.")
            if row.deleted_at is None:
                return
            self._refuse_taken(row.territory, but=row)
            row.deleted_at = None
            row.save()

    def all(self) -> list[DemarcheSummary]:
        """Every démarche of the base, archived ones included (`archived_at` says which)."""
        rows = list(
            Demarche.select()
            .where(Demarche.deleted_at.is_null())
            .order_by(Demarche.created_at.desc())
        )
        people = Counter(
            str(p.demarche_id)
            for p in Participant.select(Participant.demarche).where(
                Participant.deleted_at.is_null()
            )
        )
        done = Counter(
            str(s.demarche_id)
            for s in StepRecord.select(StepRecord.demarche).where(
                StepRecord.status == StepStatus.DONE.value
            )
        )
        return [
            DemarcheSummary(
                id=key(row),
                territory=row.territory,
                communes=list(row.communes),
                participant_count=people[key(row)],
                steps_done=done[key(row)],
                is_demo=row.demo_key is not None,
                created_at=row.created_at,
                archived_at=row.archived_at,
            )
            for row in rows
        ]

    def get(self, demarche_id: str) -> DemarcheSummary:
        row = demarche_row(demarche_id)
        people = (
            Participant.select()
            .where((Participant.demarche == row) & Participant.deleted_at.is_null())
            .count()
        )
        done = (
            StepRecord.select()
            .where((StepRecord.demarche == row) & (StepRecord.status == StepStatus.DONE.value))
            .count()
        )
        return DemarcheSummary(
            id=key(row),
            territory=row.territory,
            communes=list(row.communes),
            participant_count=people,
            steps_done=done,
            is_demo=row.demo_key is not None,
            created_at=row.created_at,
            archived_at=row.archived_at,
        )

    def find(self, name_or_id: str) -> str | None:
        """The one démarche `matching` finds, or None (none, or several)."""
        found = self.matching(name_or_id)
        return found[0].id if len(found) == 1 else None

    def matching(self, name_or_id: str) -> list[DemarcheSummary]:
        """The démarches of the base that `name_or_id` names (see `named`)."""
        return named(name_or_id, self.all())

    def steps(self, demarche_id: str) -> list[StepView]:
        """The seven steps with status, dates and what each one has kept so far."""
        demarche = demarche_row(demarche_id)
        records = {s.number: s for s in StepRecord.select().where(StepRecord.demarche == demarche)}
        # The planned evenings: an extra one (session 2–3) is listed under its step by the screen.
        planned_rows = Workshop.select().where(
            (Workshop.demarche == demarche) & (Workshop.session == 1)
        )
        workshops = {w.number: w for w in planned_rows}
        details = {number: "" for number in range(1, len(STEPS) + 1)}
        step1 = records.get(1)
        if step1 is not None:
            details[1] = step1_detail(step1_from_data(step1.data))
        planned = sum(1 for w in workshops.values() if w.date is not None)
        details[2] = (
            plural(planned, "atelier planifié", "ateliers planifiés")
            if planned
            else "aucun atelier planifié"
        )
        # Late logistics show on the step list itself: it is read before every workshop,
        # while the checklist is only seen when step 2 is opened.
        late = (
            LogisticsItem.select()
            .where(
                (LogisticsItem.demarche == demarche)
                & LogisticsItem.deleted_at.is_null()
                & ~LogisticsItem.done
                & (LogisticsItem.due_on < date.today())
            )
            .count()
        )
        if late:
            details[2] += " · " + plural(late, "tâche en retard", "tâches en retard")
        sheets = (
            Response.select()
            .where((Response.demarche == demarche) & Response.deleted_at.is_null())
            .count()
        )
        details[3] = (
            plural(sheets, "questionnaire saisi", "questionnaires saisis")
            if sheets
            else "aucun questionnaire saisi"
        )
        for number, workshop in workshops.items():
            parts = [format_day(workshop.date), format_time(workshop.start_time)]
            when = " ".join(p for p in parts if p) if workshop.date else "date à fixer"
            details[workshop_step(number)] = " · ".join(p for p in (when, workshop.place) if p)
        views = []
        for step in STEPS:
            record = records.get(step.number)
            view = StepView(
                number=step.number,
                title=step.title,
                status=StepStatus(record.status) if record else StepStatus.TODO,
                started_on=record.started_on if record else None,
                done_on=record.done_on if record else None,
                detail=details[step.number],
            )
            if view.status is StepStatus.DONE and view.done_on and not view.detail:
                view = replace(view, detail=f"terminée le {format_date(view.done_on)}")
            views.append(view)
        return views

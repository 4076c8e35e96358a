"""Peewee models for the whole démarche, from step 1 to the charter.

Every row that may travel between laptops has a UUID key, `created_at`, `updated_at` and a
soft-delete `deleted_at`. Times are naive UTC; screens convert them to local time.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime, timezone
from typing import Any

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
    TimeField,
    UUIDField,
)

from vitalite_tui.db.failures import GuardedDatabase

#: The one database object, initialised once by `db.connection.open_database`; SQLite's
#: failures come out of it as French `StorageFailure`s (see `failures.py`).
db = GuardedDatabase(None)


def execute(database: SqliteDatabase, sql: str) -> sqlite3.Cursor:
    """Raw SQL (pragmas, frozen DDL) on the open connection; the stubs leave it untyped."""
    connection: sqlite3.Connection = database.connection()  # type: ignore[no-untyped-call]
    return connection.execute(sql)


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class JSONField(TextField):
    """JSON stored as text: lists of communes, agendas, per-step fields, profiles."""

    def db_value(self, value: Any) -> Any:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def python_value(self, value: Any) -> Any:
        return None if value is None else json.loads(value)


class Laptop(Model):
    """This base's laptop: its identity in bundles, and whether a bundle is being merged.

    One row, made with the base (schema 3). A row's `changed_by` is NULL when this laptop
    changed it last (a trigger sees to it on every write path, see `migrations`), except
    while `merging` is set: rows read from a bundle keep the laptop that changed them.
    """

    id = UUIDField(primary_key=True, default=uuid.uuid4)
    name = CharField()
    created_at = DateTimeField(default=utcnow)
    merging = BooleanField(default=False)

    class Meta:
        database = db
        legacy_table_names = False


class BaseModel(Model):
    id = UUIDField(primary_key=True, default=uuid.uuid4)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    deleted_at = DateTimeField(null=True)
    #: The laptop that last changed the row; NULL: this one (schema 3, kept by a trigger).
    changed_by = UUIDField(null=True)

    class Meta:
        database = db
        legacy_table_names = False

    def save(self, *args: Any, **kwargs: Any) -> int:
        self.updated_at = utcnow()
        return int(super().save(*args, **kwargs))


# ---------------------------------------------------------------- steps 1–2


class Questionnaire(BaseModel):
    """A questionnaire definition (schemas/questionnaire.schema.json) at one version."""

    code = CharField()
    version = CharField()
    title = CharField()
    definition = JSONField()

    class Meta:
        indexes = ((("code", "version"), True),)


class Demarche(BaseModel):
    """One run of the method for one territory: the root of all data."""

    territory = CharField()
    communes = JSONField(default=list)
    settings = JSONField(default=dict)
    questionnaire = ForeignKeyField(Questionnaire, null=True, backref="demarches")
    questionnaire_id: uuid.UUID | None
    demo_key = CharField(null=True, unique=True)
    #: Schema 4: a finished démarche set aside (kept, hidden from the home list by default).
    archived_at = DateTimeField(null=True)
    #: Schema 4: the day its personal data should be purged (see issue « purge »).
    retention_until = DateField(null=True)


class StepRecord(BaseModel):
    """Status and dates of one of the seven steps, and the fields that step keeps."""

    demarche = ForeignKeyField(Demarche, backref="steps", on_delete="CASCADE")
    demarche_id: uuid.UUID
    number = IntegerField()
    status = CharField(default="todo")
    started_on = DateField(null=True)
    done_on = DateField(null=True)
    comment = TextField(default="")
    data = JSONField(default=dict)

    class Meta:
        indexes = ((("demarche", "number"), True),)


class Participant(BaseModel):
    """A person taking part: only what the method needs, pseudonymous in exports."""

    demarche = ForeignKeyField(Demarche, backref="participants", on_delete="CASCADE")
    demarche_id: uuid.UUID
    number = IntegerField()  # stable per démarche: the pseudonymous code P007
    display_name = CharField()
    college = CharField()
    commune = CharField(default="")
    organisation = CharField(default="")
    contact = CharField(default="")
    consent_data = BooleanField(default=False)
    consent_contact = BooleanField(default=False)
    consent_named = BooleanField(default=False)

    class Meta:
        indexes = (
            (("demarche", "number"), True),
            (("demarche", "deleted_at"), False),  # schema v2: the live registry
        )


class CommitteeMember(BaseModel):
    """A member of the comité de pilotage and their role (step 2)."""

    demarche = ForeignKeyField(Demarche, backref="committee", on_delete="CASCADE")
    participant = ForeignKeyField(Participant, null=True, backref="committee_roles")
    name = CharField()
    role = CharField(default="")
    organisation = CharField(default="")
    position = IntegerField(default=0)
    #: Schema 4: the member's role at each workshop, {"1": "animateur", …} (see domain).
    workshop_roles = JSONField(default=dict)


class LogisticsItem(BaseModel):
    """One line of the preparation checklist (step 2)."""

    demarche = ForeignKeyField(Demarche, backref="logistics", on_delete="CASCADE")
    demarche_id: uuid.UUID
    label = CharField()
    done = BooleanField(default=False)
    position = IntegerField(default=0)
    #: Schema 4: who sees to it, and by when.
    person = CharField(default="")
    due_on = DateField(null=True)


# ---------------------------------------------------------------- workshops


class Workshop(BaseModel):
    """One of the four evening workshops (steps 4–7)."""

    demarche = ForeignKeyField(Demarche, backref="workshops", on_delete="CASCADE")
    demarche_id: uuid.UUID
    number = IntegerField()
    date = DateField(null=True)
    start_time = TimeField(null=True)
    end_time = TimeField(null=True)
    place = CharField(default="")
    agenda = JSONField(default=list)
    recap = TextField(default="")
    #: Schema 4: 1 for the planned evening, 2 and 3 for its extra evenings (domain/workshops).
    session = IntegerField(default=1)

    class Meta:
        indexes = ((("demarche", "number", "session"), True),)


class Attendance(BaseModel):
    workshop = ForeignKeyField(Workshop, backref="attendances", on_delete="CASCADE")
    workshop_id: uuid.UUID
    participant = ForeignKeyField(Participant, backref="attendances", on_delete="CASCADE")
    participant_id: uuid.UUID
    newcomer = BooleanField(default=False)

    class Meta:
        indexes = ((("workshop", "participant"), True),)


class SubGroup(BaseModel):
    workshop = ForeignKeyField(Workshop, backref="subgroups", on_delete="CASCADE")
    workshop_id: uuid.UUID
    position = IntegerField(default=0)
    name = CharField()
    theme = CharField(default="")
    indicator = IntegerField(null=True)
    animateur = CharField(default="")


class SubGroupMember(BaseModel):
    subgroup = ForeignKeyField(SubGroup, backref="members", on_delete="CASCADE")
    subgroup_id: uuid.UUID
    participant = ForeignKeyField(Participant, backref="subgroup_memberships", on_delete="CASCADE")
    participant_id: uuid.UUID
    position = IntegerField(default=0)  # speaking order

    class Meta:
        indexes = ((("subgroup", "participant"), True),)


class Trend(BaseModel):
    """A major future trend presented in workshop 2 (from the catalogue or local)."""

    demarche = ForeignKeyField(Demarche, backref="trends", on_delete="CASCADE")
    demarche_id: uuid.UUID
    code = CharField(null=True)  # catalogue code, None for a trend written locally
    title = CharField()
    description = TextField(default="")
    source = CharField(default="")
    selected = BooleanField(default=True)
    position = IntegerField(default=0)


class Round(BaseModel):
    """A tour d'expression: one speaking round on one guiding question."""

    subgroup = ForeignKeyField(SubGroup, backref="rounds", on_delete="CASCADE")
    subgroup_id: uuid.UUID
    position = IntegerField(default=0)
    question = TextField()
    timebox_minutes = IntegerField(default=20)
    trend = ForeignKeyField(Trend, null=True, backref="rounds")
    trend_id: uuid.UUID | None
    started_at = DateTimeField(null=True)
    ended_at = DateTimeField(null=True)


class Turn(BaseModel):
    """A speaker's turn in a round; `passed` when they chose not to speak."""

    round = ForeignKeyField(Round, backref="turns", on_delete="CASCADE")
    round_id: uuid.UUID
    participant = ForeignKeyField(Participant, null=True, backref="turns")
    participant_id: uuid.UUID | None
    position = IntegerField(default=0)
    passed = BooleanField(default=False)


class Axis(BaseModel):
    """A work axis ("intention pour l'avenir") named at the debrief of workshop 1."""

    demarche = ForeignKeyField(Demarche, backref="axes", on_delete="CASCADE")
    demarche_id: uuid.UUID
    workshop = ForeignKeyField(Workshop, null=True, backref="axes")
    title = CharField()
    description = TextField(default="")
    indicator = IntegerField(null=True)
    position = IntegerField(default=0)


class Note(BaseModel):
    """One thing said: attributed to a speaker or anonymous, tagged by indicator and pole."""

    workshop = ForeignKeyField(Workshop, backref="notes", on_delete="CASCADE")
    workshop_id: uuid.UUID
    subgroup = ForeignKeyField(SubGroup, null=True, backref="notes")
    subgroup_id: uuid.UUID | None
    round = ForeignKeyField(Round, null=True, backref="notes")
    round_id: uuid.UUID | None
    turn = ForeignKeyField(Turn, null=True, backref="notes")
    turn_id: uuid.UUID | None
    speaker = ForeignKeyField(Participant, null=True, backref="notes")
    speaker_id: uuid.UUID | None
    text = TextField()
    kind = CharField(default="constat")
    indicator = IntegerField(null=True)
    pole = CharField(null=True)
    trend = ForeignKeyField(Trend, null=True, backref="notes")
    axis = ForeignKeyField(Axis, null=True, backref="notes")

    class Meta:
        indexes = (
            (("round", "created_at"), False),  # schema v2: a round's notes in order
            (("workshop", "deleted_at"), False),  # schema v2: a workshop's live notes
        )


class NoteRevision(BaseModel):
    """The earlier state of a note, kept each time it is edited."""

    note = ForeignKeyField(Note, backref="revisions", on_delete="CASCADE")
    note_id: uuid.UUID
    text = TextField()
    kind = CharField()
    indicator = IntegerField(null=True)
    pole = CharField(null=True)


class ImageChoice(BaseModel):
    """A photo-language card chosen in workshop 1, and why."""

    workshop = ForeignKeyField(Workshop, backref="images", on_delete="CASCADE")
    participant = ForeignKeyField(Participant, null=True, backref="images")
    note = ForeignKeyField(Note, null=True, backref="images")
    card = CharField()
    indicator = IntegerField(null=True)
    pole = CharField(null=True)
    why = TextField(default="")


class FeltRating(BaseModel):
    """Felt barometer of workshop 1: one person's 0–10 value, or a count of stickers."""

    workshop = ForeignKeyField(Workshop, backref="felt_ratings", on_delete="CASCADE")
    participant = ForeignKeyField(Participant, null=True, backref="felt_ratings")
    participant_id: uuid.UUID | None
    college = CharField(null=True)
    indicator = IntegerField()
    value = IntegerField()
    count = IntegerField(default=1)


# ---------------------------------------------------------------- questionnaire


class Response(BaseModel):
    """One questionnaire sheet: the respondent's profile and how it was collected."""

    demarche = ForeignKeyField(Demarche, backref="responses", on_delete="CASCADE")
    questionnaire = ForeignKeyField(Questionnaire, backref="responses")
    sheet_number = IntegerField(null=True)
    profile = JSONField(default=dict)
    collected_at = DateTimeField(null=True)
    mode = CharField(default="papier")
    source_key = CharField(null=True)  # submission id or content hash, for idempotent imports
    verified_at = DateTimeField(null=True)

    class Meta:
        # The number index: an import looks its sheets' numbers up group after group.
        indexes = ((("demarche", "source_key"), True), (("demarche", "sheet_number"), False))


class Answer(BaseModel):
    response = ForeignKeyField(Response, backref="answers", on_delete="CASCADE")
    item_code = CharField()
    value = IntegerField(null=True)  # None: sans réponse

    class Meta:
        indexes = ((("response", "item_code"), True),)


# ---------------------------------------------------------------- intentions to charter


class Intention(BaseModel):
    """An action intention written in workshop 2 against a trend."""

    demarche = ForeignKeyField(Demarche, backref="intentions", on_delete="CASCADE")
    demarche_id: uuid.UUID
    workshop = ForeignKeyField(Workshop, null=True, backref="intentions")
    subgroup = ForeignKeyField(SubGroup, null=True, backref="intentions")
    trend = ForeignKeyField(Trend, null=True, backref="intentions")
    trend_id: uuid.UUID | None
    axis = ForeignKeyField(Axis, null=True, backref="intentions")
    title = CharField()
    description = TextField(default="")
    indicators = JSONField(default=list)
    status = CharField(default="proposed")


class Action(BaseModel):
    """A candidate put to the vote in workshop 3; `kept` once the vote retains it."""

    demarche = ForeignKeyField(Demarche, backref="actions", on_delete="CASCADE")
    title = CharField()
    description = TextField(default="")
    indicators = JSONField(default=list)
    status = CharField(default="candidate")
    kept = BooleanField(default=False)
    position = IntegerField(default=0)
    merged_into = ForeignKeyField("self", null=True, backref="merged")


class ActionSheet(BaseModel):
    """The fiche action of a kept action."""

    action = ForeignKeyField(Action, unique=True, backref="sheets", on_delete="CASCADE")
    porteur = TextField(default="")
    partners = TextField(default="")
    public = TextField(default="")
    means = TextField(default="")
    calendar = TextField(default="")
    first_step = TextField(default="")
    success_sign = TextField(default="")
    indicators = JSONField(default=list)


class VoteSession(BaseModel):
    """Settings and state of the vote of workshop 3 (or of a tie-break round)."""

    workshop = ForeignKeyField(Workshop, backref="vote_sessions", on_delete="CASCADE")
    round_number = IntegerField(default=1)
    dots_per_participant = IntegerField(default=3)
    max_per_action = IntegerField(default=2)
    hide_results = BooleanField(default=False)
    keep_count = IntegerField(null=True)
    weight_colleges = BooleanField(default=False)
    closed_at = DateTimeField(null=True)


class Vote(BaseModel):
    """Dots on an action: from one participant's ballot, or a tally read off the wall."""

    session = ForeignKeyField(VoteSession, backref="votes", on_delete="CASCADE")
    action = ForeignKeyField(Action, backref="votes", on_delete="CASCADE")
    participant = ForeignKeyField(Participant, null=True, backref="votes")
    college = CharField(null=True)
    dots = IntegerField()
    source = CharField(default="ballot")


class Scenario(BaseModel):
    """The scenario sketch: one text per indicator (None for the general text)."""

    demarche = ForeignKeyField(Demarche, backref="scenario", on_delete="CASCADE")
    indicator = IntegerField(null=True)
    text = TextField(default="")


class Charter(BaseModel):
    demarche = ForeignKeyField(Demarche, unique=True, backref="charters", on_delete="CASCADE")
    title = CharField(default="Charte de la vitalité sociale")
    preamble = TextField(default="")
    adopted_on = DateField(null=True)


class CharterArticle(BaseModel):
    charter = ForeignKeyField(Charter, backref="articles", on_delete="CASCADE")
    position = IntegerField(default=0)
    title = CharField()
    text = TextField(default="")


class Signatory(BaseModel):
    charter = ForeignKeyField(Charter, backref="signatories", on_delete="CASCADE")
    participant = ForeignKeyField(Participant, null=True, backref="signatures")
    name = CharField()
    organisation = CharField(default="")
    signed_on = DateField(null=True)


class Link(BaseModel):
    """The thread of an idea: note → axis → intention → action → charter article."""

    demarche = ForeignKeyField(Demarche, backref="links", on_delete="CASCADE")
    source_type = CharField()
    source_id = UUIDField()
    target_type = CharField()
    target_id = UUIDField()

    class Meta:
        indexes = (
            (("source_type", "source_id"), False),
            (("target_type", "target_id"), False),
        )


class KeptVersion(BaseModel):
    """The texts of a row's other version, kept when a bundle's merge chose the later change.

    Its id and values come from the row and the texts alone (`created_at`: the row's own),
    so that every laptop that sets the same texts aside makes the very same row; whatever
    was typed on any laptop stays in the base.
    """

    demarche = ForeignKeyField(Demarche, backref="kept_versions", on_delete="CASCADE")
    table_name = CharField()
    row_id = UUIDField(index=True)
    texts = JSONField()


class PurgeRecord(Model):
    """Schema 4: one purge of a démarche's personal data (when, what), kept on this laptop."""

    id = UUIDField(primary_key=True, default=uuid.uuid4)
    demarche_id = UUIDField(index=True)
    done_at = DateTimeField(default=utcnow)
    summary = TextField(default="")

    class Meta:
        database = db
        legacy_table_names = False


#: Every table whose rows travel in a démarche's bundle.
TRAVELLING_MODELS: tuple[type[BaseModel], ...] = (
    Questionnaire,
    Demarche,
    StepRecord,
    Participant,
    CommitteeMember,
    LogisticsItem,
    Workshop,
    Attendance,
    SubGroup,
    SubGroupMember,
    Trend,
    Round,
    Turn,
    Axis,
    Note,
    NoteRevision,
    ImageChoice,
    FeltRating,
    Response,
    Answer,
    Intention,
    Action,
    ActionSheet,
    VoteSession,
    Vote,
    Scenario,
    Charter,
    CharterArticle,
    Signatory,
    Link,
    KeptVersion,
)

#: Every table of the program.
ALL_MODELS: tuple[type[Model], ...] = (Laptop, PurgeRecord, *TRAVELLING_MODELS)

"""Questionnaire definitions: the ones shipped in `schemas/`, and the one a démarche uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vitalite_tui.db.models import Questionnaire
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.formats.schemas import load_json
from vitalite_tui.paths import schemas_dir
from vitalite_tui.store.base import demarche_row, writing
from vitalite_tui.store.preparation.records import QuestionnaireChoice

if TYPE_CHECKING:
    from vitalite_tui.store.preparation.steps import Steps

PATTERN = "questionnaire-*.json"


def check_definition(document: Any, source: str) -> dict[str, Any]:
    """The definition if it is usable; `InvalidInput` (French) listing every problem else."""
    from vitalite_tui.formats.questionnaire_check import definition_errors

    problems = definition_errors(document)
    if problems:
        raise InvalidInput(f"{source} : " + " ; ".join(problems) + ".")
    return dict(document)


def _choice(definition: dict[str, Any]) -> QuestionnaireChoice:
    return QuestionnaireChoice(
        code=str(definition["id"]),
        version=str(definition["version"]),
        title=str(definition["title"]),
        item_count=len(definition.get("items", [])),
    )


def register_definition(definition: dict[str, Any]) -> Questionnaire:
    """Store a definition (once per id and version) so answers keep what they answered."""
    check_definition(definition, "questionnaire")
    choice = _choice(definition)
    row = Questionnaire.get_or_none(
        (Questionnaire.code == choice.code) & (Questionnaire.version == choice.version)
    )
    if row is None:
        row = Questionnaire.create(
            code=choice.code, version=choice.version, title=choice.title, definition=definition
        )
    return row


class Questionnaires:
    """Which definition a démarche types its sheets against (chosen at step 2)."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps

    def shipped(self) -> list[dict[str, Any]]:
        """The valid definitions found in `schemas/`; invalid files are skipped."""
        definitions = []
        for path in sorted(schemas_dir().glob(PATTERN)):
            try:
                definitions.append(check_definition(load_json(path), path.name))
            except InvalidInput:
                continue
        return definitions

    def available(self) -> list[QuestionnaireChoice]:
        """Shipped definitions and those already stored in the database, without repeats."""
        seen: dict[tuple[str, str], QuestionnaireChoice] = {}
        for definition in self.shipped():
            choice = _choice(definition)
            seen[(choice.code, choice.version)] = choice
        for row in Questionnaire.select().where(Questionnaire.deleted_at.is_null()):
            choice = _choice(row.definition)
            seen.setdefault((choice.code, choice.version), choice)
        return sorted(seen.values(), key=lambda c: (c.code, c.version))

    def register(self, definition: dict[str, Any]) -> Questionnaire:
        """Store a definition (once per id and version) so answers keep what they answered."""
        return register_definition(definition)

    def choose(self, demarche_id: str, code: str, version: str) -> None:
        with writing():
            demarche = demarche_row(demarche_id)
            row = Questionnaire.get_or_none(
                (Questionnaire.code == code) & (Questionnaire.version == version)
            )
            if row is None:
                for definition in self.shipped():
                    if (str(definition["id"]), str(definition["version"])) == (code, version):
                        row = self.register(definition)
                        break
            if row is None:
                raise NotFound(f"Questionnaire {code} version {version} introuvable.")
            demarche.questionnaire = row
            demarche.save()
            self._steps.touch(demarche_id, 2)

    def chosen(self, demarche_id: str) -> QuestionnaireChoice | None:
        demarche = demarche_row(demarche_id)
        if demarche.questionnaire_id is None:
            return None
        row = Questionnaire.get_by_id(demarche.questionnaire_id)
        return _choice(row.definition)

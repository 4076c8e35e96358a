"""The JSON documents of schemas/: the default questionnaire is valid, broken ones are explained."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from vitalite_tui.errors import InvalidInput
from vitalite_tui.formats.schemas import french_message, load_json
from vitalite_tui.paths import schemas_dir
from vitalite_tui.store.questionnaire.definitions import check_definition


@pytest.fixture
def default() -> dict[str, Any]:
    document = load_json(schemas_dir() / "questionnaire-sociabilite.json")
    assert isinstance(document, dict)
    return document


def test_default_questionnaire_is_valid_and_balanced(default: dict[str, Any]) -> None:
    check_definition(default, "défaut")
    for number in (1, 2, 3, 4):
        poles = [i["pole"] for i in default["items"] if i["indicator"] == number]
        assert 4 <= len(poles) <= 6
        assert poles.count("vitality") == poles.count("depression")
    scale = default["scales"]["accord4"]
    assert [c["value"] for c in scale["choices"]] == [1, 2, 3, 4]
    assert scale["no_answer"] == "Sans réponse"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("items"), "champs obligatoires manquants"),
        (lambda d: d["items"][0].update(indicator=5), "items[0].indicator — doit valoir au plus 4"),
        (lambda d: d["items"][1].update(pole="neutre"), "items[1].pole — valeur non permise"),
        (lambda d: d.update(id="Pas Bon"), "id — forme invalide"),
        (lambda d: d["items"][2].update(code=d["items"][0]["code"]), "employé 2 fois"),
        (lambda d: d["items"][3].update(scale="accord7"), "échelle « accord7 » non définie"),
        (lambda d: d.update(extra=1), "champs inconnus"),
    ],
)
def test_broken_definitions_are_explained_in_french(
    default: dict[str, Any], mutate: Any, message: str
) -> None:
    broken = copy.deepcopy(default)
    mutate(broken)
    with pytest.raises(InvalidInput, match=message.replace("[", r"\[").replace("]", r"\]")):
        check_definition(broken, "q.json")


def test_unreadable_files_are_explained(tmp_path: Path) -> None:
    bad = tmp_path / "q.json"
    bad.write_text('{"id": "x",', encoding="utf-8")
    with pytest.raises(InvalidInput, match="JSON illisible ligne 1"):
        load_json(bad)
    with pytest.raises(InvalidInput, match="introuvable"):
        load_json(tmp_path / "absent.json")
    bad.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(InvalidInput, match="UTF-8"):
        load_json(bad)


def test_messages_are_translated() -> None:
    assert french_message("data.x must be integer") == "type attendu : entier"
    assert json.dumps(french_message("data must be longer than or equal to 1 characters")) == (
        json.dumps("au moins 1 caractère(s)")
    )

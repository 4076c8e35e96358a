"""Rules of a questionnaire definition that its JSON schema cannot express."""

from __future__ import annotations

from collections import Counter
from typing import Any


def definition_problems(definition: dict[str, Any]) -> list[str]:
    """French descriptions of what is wrong; empty when the definition can be used.

    Reads only what it can of a document the JSON schema refuses (a field missing or of the
    wrong kind is the schema's to report): `questionnaire check` lists both at once.
    """
    problems: list[str] = []
    scales = _mapping(definition.get("scales"))
    items = [item for item in _list(definition.get("items")) if isinstance(item, dict)]
    fields = [field for field in _list(definition.get("profile")) if isinstance(field, dict)]
    codes = Counter(
        element["code"] for element in [*items, *fields] if isinstance(element.get("code"), str)
    )
    for code, count in sorted(codes.items()):
        if count > 1:
            problems.append(f"le code « {code} » est employé {count} fois")
    for index, item in enumerate(_list(definition.get("items"))):
        scale = item.get("scale") if isinstance(item, dict) else None
        if isinstance(scale, str) and scale not in scales:
            problems.append(f"items[{index}] : échelle « {scale} » non définie")
    for name, scale in scales.items():
        choices = _list(_mapping(scale).get("choices"))
        values = [choice.get("value") for choice in choices if isinstance(choice, dict)]
        if values != list(range(1, len(values) + 1)):
            problems.append(f"échelle « {name} » : les valeurs doivent aller de 1 à {len(values)}")
    covered = {item.get("indicator") for item in items}
    problems.extend(
        f"aucune question pour l'indicateur {number}"
        for number in (1, 2, 3, 4)
        if number not in covered
    )
    return problems


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []

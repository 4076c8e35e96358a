"""Rules of a questionnaire definition that its JSON schema cannot express."""

from __future__ import annotations

from collections import Counter
from typing import Any


def definition_problems(definition: dict[str, Any]) -> list[str]:
    """French descriptions of what is wrong; empty when the definition can be used.

    Expects a document already valid against `questionnaire.schema.json`.
    """
    problems: list[str] = []
    scales = definition.get("scales", {})
    items = definition.get("items", [])
    codes = Counter(item["code"] for item in items)
    codes.update(field["code"] for field in definition.get("profile", []))
    for code, count in sorted(codes.items()):
        if count > 1:
            problems.append(f"le code « {code} » est employé {count} fois")
    for index, item in enumerate(items):
        if item["scale"] not in scales:
            problems.append(f"items[{index}] : échelle « {item['scale']} » non définie")
    for name, scale in scales.items():
        values = [choice["value"] for choice in scale["choices"]]
        if values != list(range(1, len(values) + 1)):
            problems.append(f"échelle « {name} » : les valeurs doivent aller de 1 à {len(values)}")
    covered = {item["indicator"] for item in items}
    problems.extend(
        f"aucune question pour l'indicateur {number}"
        for number in (1, 2, 3, 4)
        if number not in covered
    )
    return problems

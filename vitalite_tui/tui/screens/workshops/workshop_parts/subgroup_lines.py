"""The lines of the sub-groups list and what the line under the cursor designates (no Textual
widget: plain state, read by the sub-groups part)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rich.cells import set_cell_size
from textual.content import Content
from textual.widgets.option_list import Option

from vitalite_tui.domain.colleges import CollegeCounts
from vitalite_tui.store.preparation.records import ParticipantRecord
from vitalite_tui.store.workshops.records import SubGroupRecord
from vitalite_tui.tui.widgets.table import shorten

#: Widths of the columns of a person's line in the sub-groups list.
NAME_WIDTH = 24
COLLEGE_WIDTH = 7
COMMUNE_WIDTH = 24


def fit(text: str, width: int) -> str:
    """`text` cut (with an ellipsis) or padded to exactly `width` cells."""
    return set_cell_size(shorten(text, width), width)


def person_line(person: ParticipantRecord, rank: str) -> Content:
    """«   3. P012  Sophie Garcia            acteur  Fontclaire »."""
    return Content.assemble(
        f"  {rank:>3} ",
        (person.code, "$text-muted"),
        "  ",
        fit(person.display_name, NAME_WIDTH),
        " ",
        fit(person.college.short, COLLEGE_WIDTH),
        " ",
        (shorten(person.commune, COMMUNE_WIDTH), "$text-muted"),
    )


def group_lines(group: SubGroupRecord, action: str = "") -> Content:
    """Two lines: number, name and theme; then size, collèges and animateur; a third names
    the kept action a workshop-3 sub-group deepens."""
    theme = f" — {group.theme}" if group.theme else ""
    colleges = CollegeCounts.of(p.college for p in group.members).summary()
    animateur = f"anim. {group.animateur}" if group.animateur else "sans animateur"
    # The indent stays outside `shorten`, which trims leading spaces.
    deepens = ("\n    ", (shorten(f"↳ approfondit : {action}", 72), "italic")) if action else ()
    return Content.assemble(
        (f"{group.position} · {group.name}{theme}", "bold $text-accent"),
        "\n",
        (f"    {len(group.members)} pers. · {colleges} · {animateur}", "$text-muted"),
        *deepens,
    )


def subgroup_options(
    groups: Iterable[SubGroupRecord],
    unplaced: list[ParticipantRecord],
    actions: dict[str, str] | None = None,
) -> list[Option]:
    """The lines of the sub-groups list, keyed `g:group`, `m:group:person`, `u:person`;
    `actions`: the title of the action each sub-group deepens (workshop 3)."""
    options: list[Option] = []
    for group in groups:
        options.append(
            Option(group_lines(group, (actions or {}).get(group.id, "")), id=f"g:{group.id}")
        )
        options.extend(
            Option(person_line(person, f"{rank}."), id=f"m:{group.id}:{person.id}")
            for rank, person in enumerate(group.members, start=1)
        )
    if unplaced:
        title = f"Sans sous-groupe ({len(unplaced)})"
        if options:
            title += " : m pour placer"
        options.append(Option(Content.styled(title, "bold $text-warning"), id="u", disabled=True))
        options.extend(Option(person_line(person, "–"), id=f"u:{person.id}") for person in unplaced)
    return options


@dataclass
class SubGroupsState:
    """The sub-groups of a workshop and the people present not placed, as last read."""

    groups: dict[str, SubGroupRecord] = field(default_factory=dict)
    unplaced: dict[str, ParticipantRecord] = field(default_factory=dict)
    #: Workshop 3: the kept action each sub-group deepens (sub-group id → action id).
    actions: dict[str, str] = field(default_factory=dict)
    #: Action titles by id (workshop 3).
    action_titles: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        groups: list[SubGroupRecord],
        unplaced: list[ParticipantRecord],
        actions: dict[str, str] | None = None,
        action_titles: dict[str, str] | None = None,
    ) -> SubGroupsState:
        return cls(
            {g.id: g for g in groups},
            {p.id: p for p in unplaced},
            dict(actions or {}),
            dict(action_titles or {}),
        )

    def options(self) -> list[Option]:
        titles = {
            group: self.action_titles.get(action, "?") for group, action in self.actions.items()
        }
        return subgroup_options(self.groups.values(), list(self.unplaced.values()), titles)

    def group_at(self, line: str | None) -> SubGroupRecord | None:
        """The sub-group of a line (its title or one of its members)."""
        parts = line.split(":") if line else []
        if parts and parts[0] in ("g", "m"):
            return self.groups.get(parts[1])
        return None

    def person_at(self, line: str | None) -> tuple[ParticipantRecord | None, SubGroupRecord | None]:
        """The person of a line, and their sub-group (None when not placed)."""
        parts = line.split(":") if line else []
        if len(parts) == 3 and parts[0] == "m":
            group = self.groups.get(parts[1])
            person = next((p for p in group.members if p.id == parts[2]), None) if group else None
            return person, group
        if len(parts) == 2 and parts[0] == "u":
            return self.unplaced.get(parts[1]), None
        return None, None

    def can_move(self, line: str | None) -> bool:
        """A person is on the line and there is another sub-group to put them in."""
        person, group = self.person_at(line)
        others = [g for g in self.groups if g != (group.id if group else None)]
        return person is not None and bool(others)

    def can_shift(self, line: str | None) -> bool:
        """A member of a sub-group of two or more is on the line."""
        _person, group = self.person_at(line)
        return group is not None and len(group.members) > 1

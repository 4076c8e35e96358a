"""Merge rules, pure: which of two people keeps a code, and who is probably one person twice."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from vitalite_tui.domain.text import fold

#: Per code number, the ids of the people it was exported for (a workbook, a printed sheet).
ExportedCodes = dict[int, tuple[str, ...]]


@dataclass(frozen=True)
class Holder:
    """A person as the code rule sees them."""

    id: str
    number: int
    #: As stored (« 2026-12-07 20:41:03.123456 »): text order is time order.
    created_at: str
    #: Their number was given by this rule (their row's last change is the rule's), not
    #: by a laptop that registered them or a person who changed them since.
    settled: bool = False


def exported_union(*maps: Mapping[int, Collection[str]]) -> ExportedCodes:
    """Every code exported anywhere, each with every person it was exported for: a record
    that only grows, so that merging it is the same in any order."""
    union: dict[int, set[str]] = {}
    for codes in maps:
        for number, ids in codes.items():
            union.setdefault(int(number), set()).update(ids)
    return {number: tuple(sorted(union[number])) for number in sorted(union)}


def settle_codes(
    holders: Iterable[Holder],
    exported: Mapping[int, Collection[str]],
    carried: Mapping[int, Collection[str]] | None = None,
) -> dict[str, int]:
    """The number each person must take instead of theirs, by id: every code one person's.

    A code claimed by several people (each registered with it on a laptop) stays with the
    one it was exported for, otherwise with one a bundle carried it for, otherwise with the
    one registered first (by `created_at`, then id: the same choice on every laptop); a code
    exported for someone is never another's, nor one a bundle carried for someone.
    The others, and those this rule already numbered (unless exported or carried so), take
    the smallest codes nobody claims, in the order they were registered: a function of the
    people and the two records alone, so that every laptop gives the same codes whatever
    it read first (the records only grow, and are made when an export or a bundle is
    written, never while reading).
    """
    carried = carried or {}
    claims: dict[int, list[Holder]] = {}
    pool: list[Holder] = []
    for holder in holders:
        bound = holder.id in exported.get(holder.number, ()) or holder.id in carried.get(
            holder.number, ()
        )
        if holder.settled and not bound:
            pool.append(holder)
        else:
            claims.setdefault(holder.number, []).append(holder)
    kept: set[int] = set()
    for number, group in claims.items():
        bound_ids = set(exported.get(number, ()))
        seen_ids = set(carried.get(number, ()))
        ordered = sorted(
            group, key=lambda h: (h.id not in bound_ids, h.id not in seen_ids, h.created_at, h.id)
        )
        if bound_ids and ordered[0].id not in bound_ids:
            pool += ordered  # exported for someone not among them: nobody else takes it
            continue
        kept.add(number)
        pool += ordered[1:]
    reserved = kept | {int(n) for n in exported} | {int(n) for n in carried}
    given: dict[str, int] = {}
    candidate = 1
    for holder in sorted(pool, key=lambda h: (h.created_at, h.id)):
        while candidate in reserved:
            candidate += 1
        if candidate != holder.number:
            given[holder.id] = candidate
        candidate += 1
    return given


def person_key(display_name: str, commune: str) -> tuple[str, str]:
    """What makes two registrations probably one person: name and commune, without case,
    accents or extra spaces."""
    return (" ".join(fold(display_name).split()), " ".join(fold(commune).split()))


def probable_duplicates(people: Iterable[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """Pairs of ids (smaller first, in order) of people with the same name and commune,
    from (id, display_name, commune)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for person_id, name, commune in people:
        key = person_key(name, commune)
        if key[0]:
            groups.setdefault(key, []).append(person_id)
    pairs: list[tuple[str, str]] = []
    for ids in groups.values():
        ordered = sorted(ids)
        pairs += [(ordered[0], other) for other in ordered[1:]]
    return sorted(pairs)


#: Where a démarche's settings keep the codes it exported.
EXPORTED_KEY = "exported_codes"
#: Where they keep the codes its bundles carried (`store.exchange.codes.mark_carried`).
CARRIED_KEY = "carried_codes"


def exported_in(settings: object, key: str = EXPORTED_KEY) -> ExportedCodes:
    """The exported codes a démarche's settings hold (none when absent or malformed);
    with `key=CARRIED_KEY`, the codes its bundles carried."""
    found = settings.get(key) if isinstance(settings, dict) else None
    if not isinstance(found, dict):
        return {}
    codes: dict[int, tuple[str, ...]] = {}
    for number, ids in found.items():
        if str(number).isdigit() and isinstance(ids, list):
            codes[int(number)] = tuple(str(i) for i in ids if isinstance(i, str))
    return exported_union(codes)


def with_exported(
    settings: dict[str, object], codes: ExportedCodes, key: str = EXPORTED_KEY
) -> dict[str, object]:
    """The settings with these exported (or, `key=CARRIED_KEY`, carried) codes (the key
    left out while there are none)."""
    if not codes:
        return settings
    listed = {str(number): list(ids) for number, ids in codes.items()}
    return {**settings, key: listed}

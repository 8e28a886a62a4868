"""Two tabs on one step: merge what this page changed into what another page saved.

The last write wins per field, and per item for mappings (scores, answers), not per
record, so two tabs each keep the other's changes. Pure: records in, a record out;
the store reads the current record and saves the result.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, Final, TypeVar

__all__ = ["changed_fields", "merge_changes"]

R = TypeVar("R")

#: Bookkeeping, not the user's input: never compared, never merged.
_IGNORED: Final = frozenset({"id", "updated_at"})


def _fields(record: object) -> list[str]:
    return [f.name for f in dataclasses.fields(record) if f.name not in _IGNORED]  # type: ignore[arg-type]


def changed_fields(record: object, base: object) -> dict[str, Any]:
    """The fields of ``record`` that differ from ``base`` (the record as the page loaded it)."""
    return {name: getattr(record, name) for name in _fields(record) if getattr(record, name) != getattr(base, name)}


def merge_changes(record: R, base: R, current: R) -> tuple[R, bool]:
    """``current`` (as stored now) with this page's changes since ``base`` applied.

    Returns the merged record and whether another page had changed anything since
    ``base``, so the page can tell the user and show both changes.
    """
    merged: dict[str, Any] = {}
    for name, value in changed_fields(record, base).items():
        old, now = getattr(base, name), getattr(current, name)
        if isinstance(value, Mapping) and isinstance(now, Mapping):
            # Per item: keep the other page's items, apply ours (removals too).
            items = dict(now)
            for key in set(value) | set(old):
                if key in value:
                    items[key] = value[key]
                else:
                    items.pop(key, None)
            merged[name] = items
        else:
            merged[name] = value
    others = bool(changed_fields(current, base))
    return dataclasses.replace(current, **merged), others  # type: ignore[type-var]

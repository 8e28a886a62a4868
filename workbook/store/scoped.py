"""The scoped store: everything one user may read and write, and nothing else."""

from __future__ import annotations

from workbook.store.comments import Comments
from workbook.store.frames import Frames
from workbook.store.profile import Profile
from workbook.store.records import Records
from workbook.store.workshops import Workshops

__all__ = ["Store"]


class Store(Records, Frames, Profile, Workshops, Comments):
    """Reads and writes limited to a :class:`~workbook.store.Scope`.

    Widgets, the dashboard and notebooks get one of these and nothing else: a
    candidate's (``Database.for_candidate``), a coach's (``Database.for_coach``) or,
    for the server's own tools, one that sees everything.
    """

"""The coach view, by screen: the shell (:mod:`~.home`), the roster, the review of
one candidate, the cohort's patterns, the workshop's own content, creating and
deleting workshops, and exports.

Everything shown is computed by :mod:`workbook.analysis` from the coach's scoped
store, so a coach sees only the candidates of their own workshops.
"""

from workbook.widgets.coach._tables import frame_html
from workbook.widgets.coach.home import CoachHome
from workbook.widgets.coach.state import CoachState

__all__ = ["CoachHome", "CoachState", "frame_html"]

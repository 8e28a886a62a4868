"""Printable reports: HTML made for paper, from the store's tables.

``candidate_report`` (one candidate, one interview or all of them) and
``workshop_report`` (the roster, the cohort's charts with n, the trend). Both are
one self-contained page: print CSS with page breaks, charts as embedded images, no
scripts, nothing fetched from elsewhere, every user text escaped. A browser prints
it to paper or to PDF; print-HTML needs no PDF engine on the server (the PDF
libraries that render HTML need either a browser or the system's Pango and Cairo).
"""

from workbook.reports.candidate import candidate_report
from workbook.reports.workshop import workshop_report

__all__ = ["candidate_report", "workshop_report"]

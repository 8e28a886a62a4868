"""Downloads of the chosen workshop: for people (Excel or CSV in the coach's language),
the printable workshop report, and the data export for analysts.

The export for people of a big workshop takes a while (1,000 candidates: some
seconds), so it runs beside the coach view in a thread of its own with a progress
bar: the coach keeps working meanwhile, and the link appears when it is ready.
"""

from __future__ import annotations

import io
import threading
import zipfile
from collections.abc import Callable, Mapping

import ipywidgets as w
import pandas as pd

from workbook.exporting import cohort_xlsx_bytes, csv_bytes
from workbook.texts import t
from workbook.widgets._common import download_link, message_html

__all__ = ["Export"]

#: What an export needs: the filtered tables, the cohort summary and the file's stem.
Source = Callable[[], tuple[Mapping[str, pd.DataFrame], Mapping[str, pd.DataFrame], str]]

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Export(w.VBox):
    """The download buttons of the coach view, each with the link it makes."""

    def __init__(self, lang: str, source: Source, *, workshop_name: Callable[[], str] | None = None) -> None:
        super().__init__()
        self.lang = lang
        self._source = source
        self._workshop_name = workshop_name or (lambda: t("report.all_workshops", lang))
        self._running: threading.Thread | None = None
        self.people_button = w.Button(
            description=t("export.people_excel", lang), icon="file-excel-o", button_style="primary"
        )
        self.people_button.on_click(lambda _: self.start_people_export())
        self.people_csv_button = w.Button(description=t("export.people_csv", lang), icon="file-text-o")
        self.people_csv_button.on_click(lambda _: self.prepare_people_csv())
        self.report_button = w.Button(description=t("export.report", lang), icon="print")
        self.report_button.on_click(lambda _: self.prepare_report())
        self.progress = w.IntProgress(min=0, max=1, layout=w.Layout(width="20em", display="none"))
        self.people_links = w.HTML()
        self.export_button = w.Button(description=t("coach.export_excel", lang), icon="database")
        self.export_button.on_click(lambda _: self.prepare_export())
        self.csv_button = w.Button(description=t("coach.export_csv", lang), icon="file-archive-o")
        self.csv_button.on_click(lambda _: self.prepare_csv())
        self.export_links = w.HTML()
        for button in (
            self.people_button,
            self.people_csv_button,
            self.report_button,
            self.export_button,
            self.csv_button,
        ):
            button.layout.width = "auto"
        self.children = [
            w.HTML(f"<h3>{t('export.for_people', lang)}</h3><p>{t('export.for_people_explain', lang)}</p>"),
            w.HBox(
                [self.people_button, self.people_csv_button, self.report_button], layout=w.Layout(flex_flow="row wrap")
            ),
            self.progress,
            self.people_links,
            w.HTML(f"<h3>{t('export.for_analysts', lang)}</h3><p>{t('export.for_analysts_explain', lang)}</p>"),
            w.HBox([self.export_button, self.csv_button], layout=w.Layout(flex_flow="row wrap")),
            self.export_links,
        ]
        self.add_class("wb-export")

    # -- for people -------------------------------------------------------------

    def start_people_export(self) -> threading.Thread:
        """Make the Excel for people beside the coach view; the link appears when ready."""
        if self._running is not None and self._running.is_alive():
            return self._running
        self.people_button.disabled = True
        self.progress.value, self.progress.layout.display = 0, None
        self.people_links.value = message_html(t("export.working", self.lang), "tip")
        tables, _summary, stem = self._source()  # the tables of this moment, read on the page's thread
        self._running = threading.Thread(
            target=self._people_export, args=(tables, stem), name="people-export", daemon=True
        )
        self._running.start()
        return self._running

    def prepare_people_export(self) -> str:
        """The Excel for people, made right away (what the button does, waited for)."""
        self.start_people_export().join()
        return self.people_links.value

    def _people_export(self, tables: Mapping[str, pd.DataFrame], stem: str) -> None:
        from workbook.exporting.people import coach_sheets
        from workbook.exporting.spreadsheet import xlsx_for_people

        try:
            sheets = coach_sheets(tables, self.lang)
            self.progress.max = len(sheets) + 1
            self.progress.value = 1

            def advance(done: int, _total: int) -> None:
                self.progress.value = done + 1

            content = xlsx_for_people(sheets, progress=advance)
            filename = f"{stem}.xlsx"
            self.people_links.value = download_link(filename, content, _XLSX, filename)
        except Exception:  # the page must say so; the details go to the server log
            import logging

            logging.getLogger("workbook").exception("The export for people failed")
            self.people_links.value = message_html(t("app.error", self.lang), "error")
        finally:
            self.people_button.disabled = False
            self.progress.layout.display = "none"

    def prepare_people_csv(self) -> str:
        """Every sheet for people as CSV (the coach's language decides ; or ,), in one zip."""
        from workbook.exporting.delimited import csv_zip_for_people
        from workbook.exporting.people import coach_sheets

        tables, _summary, stem = self._source()
        filename = f"{stem}-csv.zip"
        content = csv_zip_for_people(coach_sheets(tables, self.lang))
        self.people_links.value = download_link(filename, content, "application/zip", filename)
        return filename

    def prepare_report(self) -> str:
        """The printable workshop report (HTML: open it, then print it, also to PDF)."""
        from workbook.reports import workshop_report

        tables, _summary, stem = self._source()
        filename = f"{stem}-{t('export.report_file', self.lang)}.html"
        html = workshop_report(tables, self.lang, name=self._workshop_name())
        self.people_links.value = download_link(filename, html.encode("utf-8"), "text/html", filename)
        return filename

    # -- for analysts -------------------------------------------------------------

    def prepare_export(self) -> str:
        """The filtered cohort's tables as Excel: one sheet per table plus a summary sheet."""
        tables, summary, stem = self._source()
        filename = f"{stem}-{t('export.data_file', self.lang)}.xlsx"
        content = cohort_xlsx_bytes(dict(tables), dict(summary))
        self.export_links.value = download_link(filename, content, _XLSX, filename)
        return filename

    def prepare_csv(self) -> str:
        """The same tables as CSV files in one zip."""
        tables, summary, stem = self._source()
        filename = f"{stem}-{t('export.data_file', self.lang)}.zip"
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, frame in {**tables, **summary}.items():
                archive.writestr(f"{name}.csv", csv_bytes(frame))
        self.export_links.value = download_link(filename, buffer.getvalue(), "application/zip", filename)
        return filename

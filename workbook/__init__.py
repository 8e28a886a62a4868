"""A coaching workbook for the close of a job interview and the day after it."""

__version__ = "0.1.0"

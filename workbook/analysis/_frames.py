"""What every analysis module shares: typed result frames and null-safe comparisons.

Every public analysis function returns a frame with a fresh ``RangeIndex`` and the
same columns and dtypes whether the tables are full or empty; :func:`typed` and
:func:`empty` are where that promise is kept.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["Schema", "empty", "filled", "is_value", "share", "typed"]

#: Column name -> pandas dtype of a result, in column order.
Schema = dict[str, str]


def empty(schema: Schema) -> pd.DataFrame:
    """A frame without rows with the columns and dtypes of ``schema``."""
    return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in schema.items()})


def typed(frame: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    """``frame`` with exactly the columns of ``schema``, their dtypes and a RangeIndex."""
    if frame.empty:
        return empty(schema)
    return frame.reset_index(drop=True)[list(schema)].astype(schema)  # type: ignore[arg-type]


def share(part: pd.Series, whole: pd.Series | int) -> pd.Series:
    """``part / whole`` as floats; NaN where the whole is 0 (no share of nothing)."""
    whole_series = pd.Series(whole, index=part.index) if isinstance(whole, int) else whole
    whole_float = whole_series.astype("float64")
    return (part.astype("float64") / whole_float.where(whole_float > 0)).astype("float64")


def is_value(values: pd.Series, value: str) -> pd.Series:
    """Plain booleans: ``values == value``, False where a value is missing."""
    return values.astype("string").eq(value).fillna(False).astype(bool)


def filled(text: pd.Series) -> pd.Series:
    """Plain booleans: the text holds more than white space."""
    return (text.fillna("").astype("string").str.strip() != "").astype(bool)

"""Fixtures of the analysis tests: the hand-built cohort and the empty tables."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.analysis._cohort import COHORT, make_tables


@pytest.fixture
def cohort() -> dict[str, pd.DataFrame]:
    return make_tables(**COHORT)


@pytest.fixture
def empty() -> dict[str, pd.DataFrame]:
    return make_tables()

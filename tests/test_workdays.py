"""Dutch working days: weekends and every kind of public holiday from `holidays`."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from workbook.workdays import holiday_name, is_working_day, next_working_day, working_days_after

D = dt.date


@pytest.mark.parametrize(
    ("day", "expected", "why"),
    [
        (D(2026, 11, 27), D(2026, 11, 30), "Friday -> Monday over the weekend"),
        (D(2026, 11, 28), D(2026, 11, 30), "Saturday -> Monday"),
        (D(2026, 11, 29), D(2026, 11, 30), "Sunday -> Monday"),
        (D(2026, 11, 30), D(2026, 12, 1), "Monday -> Tuesday"),
        (D(2027, 3, 26), D(2027, 3, 30), "Good Friday -> Tuesday after Easter Monday"),
        (D(2026, 4, 2), D(2026, 4, 3), "Good Friday 2026 is a working day by default"),
        (D(2026, 4, 24), D(2026, 4, 28), "King's Day on Monday 27 April 2026"),
        (
            D(2025, 4, 25),
            D(2025, 4, 28),
            "King's Day 2025 moved to Saturday 26 April: Monday is a working day",
        ),
        (D(2028, 4, 26), D(2028, 4, 28), "King's Day on Thursday 27 April 2028"),
        (D(2027, 5, 5), D(2027, 5, 7), "Ascension Day, Thursday 6 May 2027"),
        (D(2027, 5, 14), D(2027, 5, 18), "Whit Monday, 17 May 2027"),
        (D(2025, 12, 24), D(2025, 12, 29), "Christmas Day and Boxing Day 2025 (Thursday, Friday)"),
        (D(2025, 12, 31), D(2026, 1, 2), "New Year's Day 2026 (Thursday)"),
        (D(2025, 5, 2), D(2025, 5, 6), "Liberation Day 2025 (lustrum year, Monday)"),
        (D(2026, 5, 4), D(2026, 5, 5), "Liberation Day 2026 is not a day off"),
    ],
)
def test_next_working_day(day: dt.date, expected: dt.date, why: str) -> None:
    assert next_working_day(day) == expected, why


def test_kings_day_sunday_shift_to_saturday() -> None:
    # 27 April 2025 was a Sunday: King's Day moved to Saturday 26 April, not to Monday.
    assert holiday_name(D(2025, 4, 26)) == "King's Day"
    assert holiday_name(D(2025, 4, 27)) is None
    assert not is_working_day(D(2025, 4, 26))
    assert is_working_day(D(2025, 4, 28))


def test_good_friday_can_be_a_day_off() -> None:
    assert is_working_day(D(2027, 3, 26))
    assert not is_working_day(D(2027, 3, 26), good_friday_off=True)
    assert next_working_day(D(2027, 3, 25), good_friday_off=True) == D(2027, 3, 30)
    assert holiday_name(D(2027, 3, 26), good_friday_off=True) == "Good Friday"


@pytest.mark.parametrize(
    "day",
    [
        D(2027, 1, 1),  # New Year's Day (Friday)
        D(2027, 3, 29),  # Easter Monday
        D(2027, 4, 27),  # King's Day (Tuesday)
        D(2027, 5, 6),  # Ascension Day
        D(2027, 5, 17),  # Whit Monday
        D(2026, 12, 25),  # Christmas Day (Friday)
        D(2029, 12, 26),  # Boxing Day (Wednesday)
        D(2025, 5, 5),  # Liberation Day in a lustrum year (Monday)
    ],
)
def test_weekday_holidays_are_not_working_days(day: dt.date) -> None:
    assert day.weekday() < 5
    assert not is_working_day(day)
    assert holiday_name(day) is not None


@pytest.mark.parametrize("day", [D(2027, 12, 27), D(2026, 5, 5), D(2027, 5, 5), D(2026, 4, 3)])
def test_ordinary_weekdays_are_working_days(day: dt.date) -> None:
    # Christmas 2027 falls on a weekend (no Monday off); 5 May outside lustrum years;
    # Good Friday by default.
    assert is_working_day(day)


def test_follows_the_holidays_package_not_a_hand_made_list() -> None:
    for year in range(2020, 2031):
        for day, name in holidays.country_holidays("NL", years=year, language="en_US").items():
            assert not is_working_day(day, good_friday_off=True), (day, name)
            if name != "Good Friday":
                assert not is_working_day(day), (day, name)
    assert holiday_name(D(2030, 5, 5)) == "Liberation Day"
    assert holiday_name(D(2026, 5, 5)) is None


def test_datetime_input_and_working_days_after() -> None:
    assert next_working_day(dt.datetime(2027, 5, 14, 16, 30)) == D(2027, 5, 18)
    assert is_working_day(dt.datetime(2027, 5, 18, 9, 0))
    assert working_days_after(D(2027, 5, 14), 0) == D(2027, 5, 14)
    assert working_days_after(D(2027, 5, 14), 2) == D(2027, 5, 19)
    with pytest.raises(ValueError):
        working_days_after(D(2027, 5, 14), -1)

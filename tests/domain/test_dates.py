"""domain/dates.py: the one reader of dates written as text, and the two-digit-year rule."""

from __future__ import annotations

from datetime import date

import pytest

from intake_desktop.domain.dates import century_for, parse_date_text

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize("text", ["1999-03-02", "1999.3.2", "1999. 3. 2.", "1999/03/02", "1999년 3월 2일",
                                  "19990302", "１９９９－０３－０２"])
def test_four_digit_years_in_every_korean_habit(text):
    assert parse_date_text(text) == date(1999, 3, 2)


def test_two_digit_years_only_when_asked():
    assert parse_date_text("99-03-02") is None
    assert parse_date_text("99-03-02", two_digit_years=True, today=TODAY) == date(1999, 3, 2)
    assert parse_date_text("990302", two_digit_years=True, today=TODAY) == date(1999, 3, 2)
    assert parse_date_text("05.1.9", two_digit_years=True, today=TODAY) == date(2005, 1, 9)


@pytest.mark.parametrize("two, year", [(0, 2000), (5, 2005), (26, 2026), (27, 1927), (99, 1999)])
def test_the_century_is_the_latest_not_in_the_future(two, year):
    assert century_for(two, TODAY) == year


@pytest.mark.parametrize("text", ["1999-02-30", "1999-13-01", "3월 2일", "", "99/3", "2025-05-14T10:00"])
def test_not_dates(text):
    assert parse_date_text(text, two_digit_years=True, today=TODAY) is None


# The working day: Seoul's date, whatever the PC's time zone (domain/dates.py).

def test_today_is_the_seoul_date_at_any_utc_hour():
    from datetime import datetime, timezone

    from intake_desktop.domain import dates

    # 15:00 UTC is midnight in Seoul: a PC (or CI) on UTC is still on the day before.
    with dates.clock_at(datetime(2026, 12, 2, 15, 0, tzinfo=timezone.utc)):
        assert dates.today() == date(2026, 12, 3)
        assert dates.now().strftime("%Y-%m-%d %H:%M") == "2026-12-03 00:00"
    with dates.clock_at(datetime(2026, 12, 2, 14, 59, tzinfo=timezone.utc)):
        assert dates.today() == date(2026, 12, 2)


def test_the_clock_goes_back_to_the_system_clock():
    from datetime import datetime, timedelta, timezone

    from intake_desktop.domain import dates

    with dates.clock_at(datetime(2001, 1, 1, tzinfo=timezone.utc)):
        assert dates.today().year == 2001
    real = datetime.now(timezone.utc).astimezone(dates.SEOUL).date()
    assert dates.today() in (real, real + timedelta(days=1))  # the test may straddle midnight


def test_a_stored_moment_is_shown_in_seoul_time():
    from datetime import datetime, timezone

    from intake_desktop.domain import dates

    assert dates.in_seoul(datetime(2025, 5, 14, 23, 30, tzinfo=timezone.utc)).isoformat() == "2025-05-15T08:30:00+09:00"
    # A naive moment is a stored UTC one.
    assert dates.in_seoul(datetime(2025, 5, 14, 23, 30)).hour == 8

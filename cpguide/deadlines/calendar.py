"""Working days in England and Wales, over a known range of years only.

Bank holidays come from the `holidays` package (GB, subdivision ENG), which works offline. The
covered range is the previous year to five years ahead of today: outside it nobody has announced
the bank holidays (or we no longer care), so a date there is refused rather than guessed.
`CPGUIDE_TODAY=YYYY-MM-DD` fixes "today" so that tests and builds are reproducible.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

YEARS_BEFORE = 1
YEARS_AFTER = 5


class OutOfRange(ValueError):
    """A date outside the years whose bank holidays are known."""

    def __init__(self, day: date, first: date, last: date):
        super().__init__(f"{day.isoformat()} is outside {first.isoformat()} to {last.isoformat()}")
        self.day, self.first, self.last = day, first, last


def today() -> date:
    """Today, or CPGUIDE_TODAY when set (a fixed clock for tests and reproducible builds)."""
    fixed = os.environ.get("CPGUIDE_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()


def now_utc() -> datetime:
    """Now in UTC to the second, or midnight UTC of CPGUIDE_TODAY when set (a file made twice is the same)."""
    if os.environ.get("CPGUIDE_TODAY"):
        return datetime.combine(today(), datetime.min.time(), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def bank_holidays(first_year: int, last_year: int) -> dict[date, str]:
    """Bank holidays in England and Wales, weekend ones included (they change nothing)."""
    import holidays  # imported here: only the calendar needs it

    found = holidays.country_holidays("GB", subdiv="ENG", years=range(first_year, last_year + 1))
    return {day: str(name) for day, name in sorted(found.items())}


@dataclass
class BankHolidayCalendar:
    """Working days between `first` and `last` (inclusive); anything outside raises OutOfRange."""

    first: date
    last: date
    holidays: dict[date, str] = field(default_factory=dict)

    @classmethod
    def for_years(cls, first_year: int, last_year: int) -> "BankHolidayCalendar":
        return cls(date(first_year, 1, 1), date(last_year, 12, 31), bank_holidays(first_year, last_year))

    @classmethod
    def default(cls, on: date | None = None) -> "BankHolidayCalendar":
        """The covered range as of `on` (default: today): previous year to five years ahead."""
        year = (on or today()).year
        return cls.for_years(year - YEARS_BEFORE, year + YEARS_AFTER)

    @classmethod
    def from_table(cls, table: dict) -> "BankHolidayCalendar":
        """Rebuild from the exported table (see export.bank_holiday_table)."""
        return cls(date.fromisoformat(table["first"]), date.fromisoformat(table["last"]),
                   {date.fromisoformat(d): n for d, n in table["holidays"].items()})

    def check(self, day: date) -> date:
        if not self.first <= day <= self.last:
            raise OutOfRange(day, self.first, self.last)
        return day

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last

    def holiday_name(self, day: date) -> str | None:
        return self.holidays.get(self.check(day))

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday and not a bank holiday in England and Wales."""
        self.check(day)
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, day: date, n: int) -> date:
        """The nth working day after `day` (n > 0) or before it (n < 0); `day` itself never counts.

        n == 0 gives `day` itself, working day or not.
        """
        step = timedelta(days=1 if n > 0 else -1)
        remaining = abs(n)
        while remaining:
            day = day + step
            if self.is_working_day(day):
                remaining -= 1
        return self.check(day)

    def working_day_on_or_before(self, day: date) -> date:
        """`day` if it is a working day, else the last working day before it (never later)."""
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

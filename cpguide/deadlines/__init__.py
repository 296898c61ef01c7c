"""Deadlines: timescale rules in, dated deadlines out (issue 3).

One engine (`engine.compute`) serves the command line, the calendar export and the JSON the web
calculator evaluates with `docs/assets/js/deadlines.mjs`. The semantics are written out in
`docs/about/deadline-rules.md`; the language-neutral cases in `tests/cases/deadlines/` pin them
down for both languages. Nothing here imports MkDocs.
"""

from .calendar import BankHolidayCalendar, OutOfRange
from .engine import InputError, Request, Result, compute, rules_for

__all__ = ["BankHolidayCalendar", "InputError", "OutOfRange", "Request", "Result", "compute", "rules_for"]

"""`cpguide deadlines` (the deadline engine, cpguide/deadlines/, on the content the loader gives): the deadlines for one conference as JSON, a text timeline or an iCalendar file.

Every option is checked here rather than by argparse, so that bad input gives exactly one line on
stderr saying what is wrong and what is accepted, a non-zero exit, and nothing on stdout.
"""

from __future__ import annotations

import difflib
import json
import sys

from .content import NATIONAL
from .currency import documents_cited, with_review_state
from .deadlines.calendar import BankHolidayCalendar, today
from .deadlines.engine import InputError, compute, rules_for, validate
from .deadlines.words import render
from .gate import valid_content
from .messages import shorten

FORMATS = ("json", "text", "ics")
OPTIONS = {"conference": "--conference", "date": "--date", "time": "--time", "strategy_date": "--strategy-date",
           "outcome": "--outcome", "audience": "--audience"}
EXIT_BAD_INPUT = 2


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "deadlines", help="the deadlines for one conference (json, text timeline or iCalendar)",
        description="Work out the deadlines of a child protection conference from the authority's and the "
                    "national timescale rules. Semantics: docs/about/deadline-rules.md.")
    p.add_argument("--authority", metavar="ID", help="authority id (its folder name under checklists/), or 'national'")
    p.add_argument("--conference", metavar="icpc|rcpc", help="initial (icpc) or review (rcpc) conference")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="date of the conference")
    p.add_argument("--time", metavar="HH:MM", help="start time (default 10:00, and the output says so)")
    p.add_argument("--strategy-date", metavar="YYYY-MM-DD", help="date of the strategy discussion at which the section 47 enquiries were initiated")
    p.add_argument("--outcome", metavar="cp|cin", help="decided plan: child protection (cp) or child in need (cin)")
    p.add_argument("--audience", metavar="parents|professionals|social-workers|chairs",
                   help="only the deadlines this audience needs")
    p.add_argument("--format", metavar="json|text|ics", help="output format")
    p.set_defaults(func=cmd_deadlines)
    p.error = _parser_error  # an option without its value: one line too, not argparse's usage block


def _parser_error(message: str):
    print(shorten(f"cpguide deadlines: {message}; see cpguide deadlines --help"), file=sys.stderr)
    sys.exit(EXIT_BAD_INPUT)


def _fail(message: str) -> int:
    print(shorten(f"cpguide deadlines: {message}"), file=sys.stderr)
    return EXIT_BAD_INPUT


def _authority_error(given: str | None, known: list[str]) -> str:
    if not given:
        return "--authority is missing: give an authority id (a folder name under checklists/), or 'national'"
    close = difflib.get_close_matches(given, known, n=3)
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    listed = ", ".join(known) if len(known) <= 12 else f"{len(known)} ids, the folder names under checklists/"
    return f"--authority '{given}' is not a known authority: {hint}use one of: {listed}"


def cmd_deadlines(args) -> int:
    if args.format not in FORMATS:
        what = f"--format '{args.format}' is not allowed" if args.format else "--format is missing"
        return _fail(f"{what}: use json, text or ics")
    calendar = BankHolidayCalendar.default()
    raw = {"conference": args.conference, "date": args.date, "time": args.time,
           "strategy_date": args.strategy_date, "outcome": args.outcome, "audience": args.audience}
    try:
        request = validate(raw, calendar)
    except InputError as exc:
        first = exc.errors[0]
        return _fail(render(first["code"], dict(first, field=OPTIONS[first["field"]], field_id=first["field"])))
    content = valid_content(args.content)
    if args.authority not in content.authorities:
        return _fail(_authority_error(args.authority, sorted(content.authorities)))
    authority = content.authorities[args.authority]
    rules = rules_for(content, authority.id)
    result = compute(rules, request, calendar)
    documents = with_review_state(documents_cited(content, rules), today())  # overdue as of today (CPGUIDE_TODAY)
    meta = {"id": authority.id, "name": authority.name, "documents": documents}
    if args.format == "json":
        from .deadlines.render import result_json

        print(json.dumps(result_json(result, meta), indent=2, ensure_ascii=False))
    elif args.format == "text":
        from .deadlines.render import result_text

        sys.stdout.write(result_text(result, meta))
    else:
        from .deadlines.ics import result_ics

        names = {a.id: a.name for a in content.authorities.values()}
        names[NATIONAL] = content.national.name if content.national else NATIONAL
        sys.stdout.buffer.write(result_ics(result, names))
        sys.stdout.flush()
    return 0

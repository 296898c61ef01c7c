"""The deadline calculator: a full view and one page per audience, and the JSON they evaluate.

Each page is a plain HTML form inside the Markdown (md_in_html), mounted by
docs/assets/js/calculator.mjs, which evaluates the rules with docs/assets/js/deadlines.mjs. Every
label, rule wording and citation comes from the content or from cpguide.deadlines.words — the
JavaScript holds none. Below the form, a link to each authority's rules (its timescales page, or the
dates on its page for the audience) keeps the page useful without JavaScript. Each calculator fetches
only its authority's rules, the bank-holiday table and the shared words (data/calculator/…).
"""

from __future__ import annotations

import json
from typing import Iterator

from ..deadlines.calendar import BankHolidayCalendar
from ..deadlines.export import calculator_data
from ..deadlines.words import AUDIENCES, CONFERENCE_TYPES, OUTCOMES, format_date
from ..family import questions_data
from . import routes
from .model import Asset, Page, SiteContext
from .sections import YOUR_DATES, region_key, region_of
from .render import md
from .templating import macros

CALCULATOR = macros("calculator.html")

DATA_DIR = "data/calculator"
SECTION = ("Deadline calculator",)
AUDIENCE_ORDER = ["parents", "professionals", "social-workers", "chairs"]
# What each audience's page is for (issue 3): which dates the rules' `audiences` select.
INTROS = {
    None: "Work out every date of a child protection conference from the local authority's own procedures, "
          "with the national framework's limits alongside.",
    "parents": "When you should receive the reports and the plan, and by when you can comment or ask for changes.",
    "professionals": "When your report is due, when to arrive, and when the plan and minutes come out.",
    "social-workers": "Reports, visits, core groups and notifications after the conference.",
    "chairs": "Consultations, reports to you, the plan, escalation and review dates.",
}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def data_base(src_uri: str) -> str:
    """The data folder relative to the page's address."""
    return routes.relative_url(src_uri, DATA_DIR + "/")


def _src(audience: str | None) -> str:
    return f"calculator/{audience or 'index'}.md"


def _title(audience: str | None) -> str:
    return "Deadline calculator" if audience is None else f"Deadlines for {AUDIENCES[audience].lower()}"


# --- the form (templates/calculator.html) ------------------------------------------------------

def _regions(ctx: SiteContext) -> list[tuple[str, list]]:
    """The local authorities by region, in the picker's order."""
    groups: dict[str, list] = {}
    for a in ctx.content.local_authorities:
        groups.setdefault(region_of(a), []).append(a)
    return [(region, groups[region]) for region in sorted(groups, key=region_key)]


def _authority_field(ctx: SiteContext) -> dict:
    groups = [(region, [(a.id, a.name) for a in authorities]) for region, authorities in _regions(ctx)]
    national = ctx.content.national
    if national is not None:
        groups.append((national.short_name, [(national.id, f"{national.name} only")]))
    return {"type": "select", "name": "authority", "label": "Local authority", "placeholder": "Choose your local authority",
            "hint": "The council whose children's services hold the conference. The national limits are shown beside its own dates.",
            "groups": groups}


def _form(ctx: SiteContext, audience: str | None, calendar: BankHolidayCalendar) -> str:
    covered = (f"Bank holidays in England and Wales are known from {format_date(calendar.first)} to "
               f"{format_date(calendar.last)}; dates outside that are refused rather than guessed.")
    first, last = calendar.first.isoformat(), calendar.last.isoformat()
    fields = [
        _authority_field(ctx),
        {"type": "radios", "name": "conference", "label": "Type of conference", "hint": None, "checked": "icpc",
         "options": [(k, _cap(v)) for k, v in CONFERENCE_TYPES.items()]},
        {"type": "input", "name": "date", "label": "Date of the conference", "kind": "date", "hint": covered,
         "min": first, "max": last},
        {"type": "input", "name": "time", "label": "Start time (optional)", "kind": "time", "min": None,
         "hint": "If you leave it empty, 10:00 is assumed and the answer says so."},
        {"type": "input", "name": "strategy_date", "label": "Date of the strategy discussion (optional)", "kind": "date",
         "hint": "For an initial conference: the (last) strategy discussion, from which the conference itself is timed.",
         "min": first, "max": last},
        {"type": "radios", "name": "outcome", "label": "Plan decided at the conference", "checked": "",
         "hint": "Some dates apply only to a child protection plan, or only to a child in need plan.",
         "options": [("", "Not decided yet: show the dates for either plan")] + [(k, _cap(v)) for k, v in OUTCOMES.items()]},
    ]
    words = _parents_words(ctx) if audience == PARENTS else {}
    if words:
        _for_parents(fields, words, calendar)
    # A parent's answer is their dates in plain words, where the content has those words.
    view = "family" if words.get("kinds") else ""
    return str(CALCULATOR.form(audience or "all", data_base(_src(audience)), fields, view))


PARENTS = "parents"


def _parents_words(ctx: SiteContext) -> dict:
    """The parents' calculator's own plain words (checklists/national/questions.yml), or {} without them."""
    return questions_data(ctx.content).get("calculator", {})


def _for_parents(fields: list[dict], words: dict, calendar: BankHolidayCalendar) -> None:
    """The form in a parent's words: everyday labels, and the strategy discussion explained."""
    if not words:
        return
    by_name = {f["name"]: f for f in fields}
    by_name["authority"]["hint"] = words["authority_hint"]
    by_name["date"]["hint"] = words["date_hint"].format(first=format_date(calendar.first), last=format_date(calendar.last))
    by_name["time"]["hint"] = words["time_hint"]
    by_name["strategy_date"].update(label=words["strategy_label"], hint=words["strategy_hint"])
    outcome = by_name["outcome"]
    outcome.update(label=words["outcome_label"], hint=words["outcome_hint"],
                   options=[("", words["outcome_none"])] + outcome["options"][1:])


# --- the rules, without JavaScript --------------------------------------------------------------

def _rules_links(ctx: SiteContext, src: str, data: dict, audience: str | None) -> list[str]:
    """Where each authority's rules are written out, by region, in a collapsed block below the form.

    Not the rules themselves: with 150 authorities five calculator pages would each carry every rule
    of every authority. The timescales page has each rule in full, the audience's page its dates.
    """
    title = _parents_words(ctx).get("rules") if audience == PARENTS else None
    title = title or "The rules the calculator uses, authority by authority (this works without JavaScript)"
    lines = [f'??? note "{title}"', ""]
    groups = _regions(ctx) + ([(ctx.content.national.short_name, [ctx.content.national])] if ctx.content.national else [])
    for region, authorities in groups:
        lines += [f"    **{md(region)}**", ""]
        lines += [_rules_link(ctx, src, data["authorities"][a.id], a, audience) for a in authorities] + [""]
    return lines


def _rules_link(ctx: SiteContext, src: str, exported: dict, authority, audience: str | None) -> str:
    own = [r for r in exported["rules"] if r["authority"] == authority.id and (audience is None or audience in r.get("audiences", []))]
    what = f"{len(own)} rule{'' if len(own) == 1 else 's'}" + (f" for {AUDIENCES[audience].lower()}" if audience else "")
    # The national framework has no pages per audience: its timescales page has every rule.
    page = "timescales.md" if audience is None or authority.is_national else f"{audience}.md#{YOUR_DATES}"
    if not own:  # no link: an authority without rules has no timescales page
        return f"    - {md(authority.name)}: " + (f"none of its rules names {AUDIENCES[audience].lower()}" if audience
                                                  else "no timescale rules yet")
    return f"    - [{md(authority.name)}: {what}]({ctx.rel(src, ctx.authority_dir(authority.id) + '/' + page)})"


def _page(ctx: SiteContext, audience: str | None, data: dict, calendar: BankHolidayCalendar) -> str:
    src = _src(audience)
    names = [(None, "All dates")] + [(a, AUDIENCES[a]) for a in AUDIENCE_ORDER]
    views = [f"**{name}**" if key == audience else f"[{name}]({ctx.rel(src, _src(key))})" for key, name in names]
    parents = _parents_words(ctx) if audience == PARENTS else {}
    how = (f"[{md(parents['how'])}]({ctx.rel(src, 'about/deadline-rules.md')})." if parents else
           f"How each date is worked out (working days, bank holidays, months, never later): "
           f"[how deadlines are worked out]({ctx.rel(src, 'about/deadline-rules.md')}).")
    front = ["---", "hide:", "  - toc"] + (["family: true"] if parents else []) + ["---", ""]  # the timeline needs the width
    body = front + [f"# {_title(audience)}", "", md(parents["intro"]) if parents else INTROS[audience], "",
                    "Views: " + " · ".join(views), "",
                    _form(ctx, audience, calendar), "",
                    how, "",
                    *_rules_links(ctx, src, data, audience), ""]
    return "\n".join(body)


def generate(ctx: SiteContext) -> Iterator[Page | Asset]:
    calendar = BankHolidayCalendar.default()
    data = calculator_data(ctx.content, calendar)

    def dump(obj) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

    yield Asset(f"{DATA_DIR}/bank-holidays.json", dump(data["bank_holidays"]))
    yield Asset(f"{DATA_DIR}/words.json", dump(data["words"]))
    for aid, authority in data["authorities"].items():
        yield Asset(f"{DATA_DIR}/{aid}.json", dump(authority))
    yield Page(_src(None), _title(None), _page(ctx, None, data, calendar), SECTION, nav_title="All dates")
    for audience in AUDIENCE_ORDER:
        yield Page(_src(audience), _title(audience), _page(ctx, audience, data, calendar), SECTION,
                   nav_title=AUDIENCES[audience])

"""The deadline calculator: a full view and one page per audience, and the JSON they evaluate.

Each page is a plain HTML form inside the Markdown (md_in_html), mounted by
components/calculator/calculator.mjs, which evaluates the rules with docs/assets/js/deadlines.mjs. Every
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
from ..deadlines.words import format_date
from ..vocabulary import AUDIENCES, CONFERENCE_TYPES, OUTCOMES
from ..family import questions_data
from ..interface import interface_words
from ..page_parts import YOUR_DATES
from ..wording import fill
from . import components, routes
from .model import Asset, Page, SiteContext
from .sections import region_key, region_of
from .render import md
from .templating import macros

CALCULATOR = macros(components.template_name("calculator"))

DATA_DIR = "data/calculator"
AUDIENCE_ORDER = ["parents", "professionals", "social-workers", "chairs"]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def data_base(src_uri: str) -> str:
    """The data folder relative to the page's address."""
    return routes.relative_url(src_uri, DATA_DIR + "/")


def _src(audience: str | None) -> str:
    return f"calculator/{audience or 'index'}.md"


def _words(ctx: SiteContext) -> dict:
    """The calculator's own words (checklists/national/interface.yml `calculator`)."""
    return interface_words(ctx.content)["calculator"]


def _title(page: dict, audience: str | None) -> str:
    return page["title"] if audience is None else fill(page["audience_title"], audience=AUDIENCES[audience].lower())


# --- the form (components/calculator/) ------------------------------------------------------------

def _regions(ctx: SiteContext) -> list[tuple[str, list]]:
    """The local authorities by region, in the picker's order."""
    groups: dict[str, list] = {}
    for a in ctx.content.local_authorities:
        groups.setdefault(region_of(a), []).append(a)
    return [(region, groups[region]) for region in sorted(groups, key=region_key)]


def _authority_field(ctx: SiteContext, form: dict) -> dict:
    groups = [(region, [(a.id, a.name) for a in authorities]) for region, authorities in _regions(ctx)]
    national = ctx.content.national
    if national is not None:
        groups.append((national.short_name, [(national.id, fill(_words(ctx)["page"]["national_only"], name=national.name))]))
    return {"type": "select", "name": "authority", "label": form["authority_label"], "placeholder": form["authority_placeholder"],
            "hint": form["authority_hint"], "groups": groups}


def _form(ctx: SiteContext, audience: str | None, calendar: BankHolidayCalendar) -> str:
    form = _words(ctx)["form"]
    covered = fill(form["date_hint"], first=format_date(calendar.first), last=format_date(calendar.last))
    first, last = calendar.first.isoformat(), calendar.last.isoformat()
    fields = [
        _authority_field(ctx, form),
        {"type": "radios", "name": "conference", "label": form["conference_label"], "hint": None, "checked": "icpc",
         "options": [(k, _cap(v)) for k, v in CONFERENCE_TYPES.items()]},
        {"type": "input", "name": "date", "label": form["date_label"], "kind": "date", "hint": covered,
         "min": first, "max": last},
        {"type": "input", "name": "time", "label": form["time_label"], "kind": "time", "min": None, "hint": form["time_hint"]},
        {"type": "input", "name": "strategy_date", "label": form["strategy_label"], "kind": "date",
         "hint": form["strategy_hint"], "min": first, "max": last},
        {"type": "radios", "name": "outcome", "label": form["outcome_label"], "checked": "", "hint": form["outcome_hint"],
         "options": [("", form["outcome_none"])] + [(k, _cap(v)) for k, v in OUTCOMES.items()]},
    ]
    words = _parents_words(ctx) if audience == PARENTS else {}
    if words:
        _for_parents(fields, words, calendar)
    # A parent's answer is their dates in plain words, where the content has those words.
    view = "family" if words.get("kinds") else ""
    return str(CALCULATOR.form(audience or "all", data_base(_src(audience)), fields, form, view))


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
    by_name["date"]["hint"] = fill(words["date_hint"], first=format_date(calendar.first), last=format_date(calendar.last))
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
    title = title or _words(ctx)["page"]["rules"]
    lines = [f'??? note "{title}"', ""]
    groups = _regions(ctx) + ([(ctx.content.national.short_name, [ctx.content.national])] if ctx.content.national else [])
    for region, authorities in groups:
        lines += [f"    **{md(region)}**", ""]
        lines += [_rules_link(ctx, src, data["authorities"][a.id], a, audience) for a in authorities] + [""]
    return lines


def _rules_link(ctx: SiteContext, src: str, exported: dict, authority, audience: str | None) -> str:
    own = [r for r in exported["rules"] if r["authority"] == authority.id and (audience is None or audience in r.get("audiences", []))]
    page_words = _words(ctx)["page"]
    what = fill(page_words["rule_count" if len(own) == 1 else "rules_count"], count=len(own))
    if audience:
        what = fill(page_words["rules_for"], count=what, audience=AUDIENCES[audience].lower())
    # The national framework has no pages per audience: its timescales page has every rule.
    page = "timescales.md" if audience is None or authority.is_national else f"{audience}.md#{YOUR_DATES}"
    if not own:  # no link: an authority without rules has no timescales page
        return f"    - {md(authority.name)}: " + md(fill(page_words["none_for"], audience=AUDIENCES[audience].lower())
                                                     if audience else page_words["none"])
    return f"    - [{md(authority.name)}: {what}]({ctx.rel(src, ctx.authority_dir(authority.id) + '/' + page)})"


def _page(ctx: SiteContext, audience: str | None, data: dict, calendar: BankHolidayCalendar) -> str:
    src = _src(audience)
    page = _words(ctx)["page"]
    names = [(None, page["all_dates"])] + [(a, AUDIENCES[a]) for a in AUDIENCE_ORDER]
    views = [f"**{name}**" if key == audience else f"[{name}]({ctx.rel(src, _src(key))})" for key, name in names]
    parents = _parents_words(ctx) if audience == PARENTS else {}
    rules_page = ctx.rel(src, "about/deadline-rules.md")
    before, _, after = page["how"].partition("{link}")
    how = (f"[{md(parents['how'])}]({rules_page})." if parents else
           f"{md(before)}{' ' if before.endswith(' ') else ''}[{md(page['how_link'])}]({rules_page}){md(after)}")
    # the timeline needs the width; the offer to keep pages offline shows once a date is saved here
    front = ["---", "hide:", "  - toc", "keep_offer: after-date"] + (["family: true"] if parents else []) + ["---", ""]
    intro = parents["intro"] if parents else page["intro"] if audience is None else page["intros"][audience]
    body = front + [f"# {md(_title(page, audience))}", "", md(intro), "",
                    md(page["views"]) + " " + " · ".join(views), "",
                    _form(ctx, audience, calendar), "",
                    how, "",
                    *_rules_links(ctx, src, data, audience), ""]
    return "\n".join(body)


def generate(ctx: SiteContext) -> Iterator[Page | Asset]:
    calendar = BankHolidayCalendar.default()
    data = calculator_data(ctx.content, calendar)
    page = _words(ctx)["page"]

    def dump(obj) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

    yield Asset(f"{DATA_DIR}/bank-holidays.json", dump(data["bank_holidays"]))
    yield Asset(f"{DATA_DIR}/words.json", dump(data["words"]))
    for aid, authority in data["authorities"].items():
        yield Asset(f"{DATA_DIR}/{aid}.json", dump(authority))
    section = (page["title"],)
    yield Page(_src(None), _title(page, None), _page(ctx, None, data, calendar), section, nav_title=page["all_dates"])
    for audience in AUDIENCE_ORDER:
        yield Page(_src(audience), _title(page, audience), _page(ctx, audience, data, calendar), section,
                   nav_title=AUDIENCES[audience])

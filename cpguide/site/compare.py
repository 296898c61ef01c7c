"""Comparison across authorities, generated from the data: timescales, agendas, invitations, decisions.

Tables are one row per authority (so 150 authorities make long tables, never 150 columns) and each
row is marked where it differs from the national limit or from the other authorities.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator

from ..deadlines.engine import national_counterparts
from ..interface import interface_words
from ..spread import timescale_spread, timing_words
from .model import Page, SiteContext
from ..vocabulary import DEADLINE_KINDS
from .render import CONFERENCE_NAMES, FACT_TOPICS, NOT_INDEXED, filled, markdown_block, md, types_label
from .templating import macros


def _words(ctx: SiteContext) -> dict:
    """The comparison pages' words (interface.yml `compare`)."""
    return interface_words(ctx.content)["compare"]


def _filter(say: dict) -> str:
    """The filter box of table-filter.mjs, with what it says."""
    return str(macros("theme.html").table_filter(say["filter"], {"status": say["filter_status"]}))


def generate(ctx: SiteContext) -> Iterator[Page]:
    say = _words(ctx)
    nav = (say["title"],)
    spread = _spread_by_kind(ctx)
    yield Page("compare/index.md", say["title"], _index(ctx, say), nav)
    # The spread of every kind, as the index of a section with one page a kind of deadline: at 150
    # authorities one page of every rule would be megabytes.
    section = nav + (say["timescales_title"],)
    yield Page("compare/timescales/index.md", say["timescales_title"], NOT_INDEXED + _timescales(ctx, say, spread), section)
    rows = _rows_by_kind(ctx)
    for kind, entries in spread.items():
        yield Page(f"compare/timescales/{kind}.md", DEADLINE_KINDS[kind],
                   NOT_INDEXED + _kind_page(ctx, say, kind, entries, rows[kind]), section)
    yield Page("compare/agendas.md", say["agendas_title"], NOT_INDEXED + _agendas(ctx, say), nav)
    yield Page("compare/decisions.md", say["decisions_title"], NOT_INDEXED + _facts(ctx, say), nav)


def _index(ctx: SiteContext, say: dict) -> str:
    def link(title: str, href: str) -> str:
        return f"[{md(title)}]({href})"

    disagreements = interface_words(ctx.content)["disagreements"]["title"]
    return "\n".join([
        f"# {md(say['title'])}", "",
        filled(say["intro"], differs=f"**{md(say['differs'])}**"), "",
        "- " + filled(say["timescales_entry"], link=link(say["timescales_title"], "timescales/index.md")),
        "- " + filled(say["agendas_entry"], link=link(say["agendas_title"], "agendas.md")),
        "- " + link(say["decisions_title"], "decisions.md"),
        "- " + filled(say["disagreements_entry"], link=link(disagreements, "../disagreements.md")), ""])


def _when(rule: dict) -> str:
    return timing_words(rule)


def _spread_by_kind(ctx: SiteContext) -> dict[str, list[dict]]:
    spread: dict[str, list[dict]] = defaultdict(list)
    for entry in timescale_spread(ctx.content):  # the vocabulary's order: the order of a conference
        spread[entry["kind"]].append(entry)
    return spread


def _rows_by_kind(ctx: SiteContext) -> dict[str, list]:
    rows = defaultdict(list)
    for a in ctx.content.local_authorities:
        for rule in a.rules:
            rows[rule["kind"]].append((a, rule))
    return rows


def _national(ctx: SiteContext, kind: str) -> list[dict]:
    return [n for n in (ctx.content.national.rules if ctx.content.national else []) if n["kind"] == kind]


def _limit_lines(ctx: SiteContext, say: dict, src: str, limits: list[dict]) -> list[str]:
    out = []
    for n in limits:
        out += [filled(say["national_limit"], types=types_label(n["conference_types"]),
                       link=f"[{md(_when(n))}]({ctx.href(src, n['id'])})"), ""]
    return out


def _timescales(ctx: SiteContext, say: dict, spread: dict[str, list[dict]]) -> str:
    """Every kind's spread on one page, each kind's heading linking to its page of every rule."""
    src = "compare/timescales/index.md"
    body = [f"# {md(say['timescales_title'])}", "", md(say["spread_intro"]), ""]
    for kind, entries in spread.items():
        body += [f"## [{md(DEADLINE_KINDS[kind])}]({kind}.md) {{ #{kind} }}", ""]
        body += _limit_lines(ctx, say, src, _national(ctx, kind))
        body += _spread_lines(entries, say) or [md(say["no_rule"]), ""]
    return "\n".join(body) + "\n"


def _kind_page(ctx: SiteContext, say: dict, kind: str, entries: list[dict], rows: list) -> str:
    """One kind of deadline: the national limit, the spread, then every authority's rule."""
    src = f"compare/timescales/{kind}.md"
    limits = _national(ctx, kind)
    body = [f"# {md(DEADLINE_KINDS[kind])}", "", filled(say["timescales_intro"], differs=f"**{md(say['differs'])}**"), ""]
    body += _limit_lines(ctx, say, src, limits)
    body += _spread_lines(entries, say)
    if not rows:
        return "\n".join(body + [md(say["no_rule"]), ""]) + "\n"
    timings = Counter(_when(rule) for _, rule in rows)
    heads = [md(say[key]) for key in ("authority", "conference", "when", "source")]
    body += [_filter(say), "", "| " + " | ".join(heads) + " | |", "| --- | --- | --- | --- | --- |"]
    for a, rule in rows:
        flag = f"**{md(say['differs'])}**" if _differs(ctx, rule, limits, timings, len(rows)) else md(say["same"])
        body.append(f"| {md(a.short_name)} | {types_label(rule['conference_types'])} | "
                    f"[{md(_when(rule))}]({ctx.href(src, rule['id'])}) | {md(_doc_title(ctx, rule))} | {flag} |")
    return "\n".join(body) + "\n"


def _spread_lines(entries: list[dict], say: dict) -> list[str]:
    """For each conference type: how many authorities give each timing (most common first), and how
    many give none, as one list item a timing so a phone shows it without a table."""
    out = []
    for entry in entries:
        if not entry["timings"]:
            continue
        out += [filled(say["spread_for"], types=f"**{md(CONFERENCE_NAMES[entry['conference_type']])}**"), ""]
        for t in entry["timings"]:
            out.append("- " + filled(say["spread_item"], timing=md(t["in_words"]), count=_count(t["count"], say)))
        if entry["without_rule"]:
            out.append("- " + filled(say["spread_none"], count=_count(entry["without_rule"], say)))
        out.append("")
    return out


def _count(n: int, say: dict) -> str:
    return filled(say["authorities_one"] if n == 1 else say["authorities_many"], count=str(n))


def _differs(ctx, rule, national, timings, count) -> bool:
    limits = national_counterparts(ctx.content, rule)
    if limits:
        return all(_when(n).split(" (only")[0] != _when(rule).split(" (only")[0] for n in limits)
    return count > 1 and timings[_when(rule)] < count


def _doc_title(ctx, item: dict) -> str:
    _, doc = ctx.content.documents[item["source"]["document"]]
    return f"{doc['title']}, {item['source']['section']}"


def _agendas(ctx: SiteContext, say: dict) -> str:
    src = "compare/agendas.md"
    agendas = [(a, ag) for a in ctx.content.local_authorities for ag in a.agendas]
    titles = Counter(_key(s["title"]) for _, ag in agendas for s in ag["sections"])
    only_here = f"**{md(say['only_here'])}**"
    body = [f"# {md(say['agendas_title'])}", "", filled(say["agendas_intro"], only_here=only_here), "", _filter(say), ""]
    cards: list[str] = []
    for a, ag in agendas:
        card = [f"### {md(a.short_name)}: {md(ag['title'])}", "", f"{types_label(ag['conference_types'])}", ""]
        for s in ag["sections"]:
            only = f" {only_here}" if titles[_key(s["title"])] == 1 and len(agendas) > 1 else ""
            anomaly = f" *{md(say['numbering'])}*" if s.get("anomaly") else ""
            # the source's own number, as text: "1. " at the start of a line would be a list the browser numbers
            card.append(f"{md(s['number'] + '.')} [{md(s['title'])}]({ctx.href(src, s['id'])}){only}{anomaly}  ")
        cards += markdown_block("cp-compare-card", card)
    for a in ctx.content.local_authorities:
        if not a.agendas:
            cards += [filled(say["no_agenda"], authority=f"*{md(a.short_name)}*"), ""]
    return "\n".join(body + markdown_block("cp-compare-grid", cards))


def _key(title: str) -> str:
    return "".join(ch for ch in title.lower() if ch.isalnum())


def _facts(ctx: SiteContext, say: dict) -> str:
    src = "compare/decisions.md"
    body = [f"# {md(say['decisions_title'])}", "", md(say["decisions_intro"]), "", _filter(say), ""]
    heads = "| " + " | ".join(md(say[key]) for key in ("authority", "says", "wording")) + " |"
    not_stated = filled(say["not_stated"], not_stated=f"**{md(say['not_stated_words'])}**")
    for topic, title in FACT_TOPICS.items():
        body += [f"## {title} {{ #{topic} }}", "", heads, "| --- | --- | --- |"]
        values = Counter()
        rows = []
        for a in ctx.content.local_authorities:
            fact = next((f for f in a.meta.get("facts", []) if f["topic"] == topic), None)
            rows.append((a, fact))
            if fact:
                values[fact["value"]] += 1
        for a, fact in rows:
            if fact is None:
                body.append(f"| {md(a.short_name)} | {not_stated} | |")
                continue
            links = ", ".join(f"[{i}]({ctx.href(src, i)})" for i in fact["grounded_in"])
            body.append(f"| {md(a.short_name)} | {md(fact['value'])} | {links} |")
        body.append("")
    return "\n".join(body) + "\n"

"""Comparison across authorities, generated from the data: timescales, agendas, invitations, decisions.

Tables are one row per authority (so 150 authorities make long tables, never 150 columns) and each
row is marked where it differs from the national limit or from the other authorities.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from ..checks import national_counterparts
from ..deadlines.words import conditions_phrase as describe_conditions, rule_words as describe_rule
from .model import Page, SiteContext
from ..vocabulary import DEADLINE_KINDS
from .render import FACT_TOPICS, NOT_INDEXED, markdown_block, md, types_label
from .templating import macros

NAV = ("Compare authorities",)
FILTER = str(macros("theme.html").table_filter("Show only authorities whose name contains"))


def generate(ctx: SiteContext) -> Iterator[Page]:
    yield Page("compare/index.md", "Compare authorities", _index(ctx), NAV)
    yield Page("compare/timescales.md", "Timescales compared", NOT_INDEXED + _timescales(ctx), NAV)
    yield Page("compare/agendas.md", "Agendas compared", NOT_INDEXED + _agendas(ctx), NAV)
    yield Page("compare/decisions.md", "Who is invited and who decides", NOT_INDEXED + _facts(ctx), NAV)


def _index(ctx: SiteContext) -> str:
    return "\n".join([
        "# Compare authorities", "",
        "The same national framework is written down differently by each local authority. These pages put "
        "their procedures side by side. Differences are marked **differs**.", "",
        "- [Timescales compared](timescales.md), with the national limit beside each",
        "- [Agendas compared](agendas.md), section by section in each authority's own order",
        "- [Who is invited and who decides](decisions.md)",
        "- [Where the sources disagree](../disagreements.md), inside one authority's own documents", ""])


def _when(rule: dict) -> str:
    # Not the calculator's words (ctx.rule_words): those name each authority's own first visit, and
    # the comparison needs the same timing to read the same in every authority.
    text = describe_rule(rule)
    if rule.get("conditions"):
        text += f" (only if {describe_conditions(rule['conditions'])})"
    return text


def _timescales(ctx: SiteContext) -> str:
    src = "compare/timescales.md"
    authorities = ctx.content.local_authorities
    used = {r["kind"] for a in authorities for r in a.rules} | {r["kind"] for r in (ctx.content.national.rules if ctx.content.national else [])}
    kinds = [k for k in DEADLINE_KINDS if k in used]  # the vocabulary's order: the order of a conference
    body = ["# Timescales compared", "", "One table per kind of deadline. A row is marked **differs** when its timing "
            "is not the same as the national limit, or (with no national limit) not the same as every other authority's.",
            "", FILTER, ""]
    for kind in kinds:
        rows = []
        national = [n for n in (ctx.content.national.rules if ctx.content.national else []) if n["kind"] == kind]
        timings = Counter()
        for a in authorities:
            for rule in (r for r in a.rules if r["kind"] == kind):
                rows.append((a, rule))
                timings[_when(rule)] += 1
        if not rows and not national:
            continue
        body += [f"## {md(DEADLINE_KINDS[kind])} {{ #{kind} }}", ""]
        for n in national:
            body += [f"National limit ({types_label(n['conference_types'])}): [{md(_when(n))}]({ctx.href(src, n['id'])})", ""]
        if not rows:
            body += ["No authority here has its own rule of this kind.", ""]
            continue
        body += ["| Authority | Conference | When | Source | |", "| --- | --- | --- | --- | --- |"]
        for a, rule in rows:
            differs = _differs(ctx, rule, national, timings, len(rows))
            flag = "**differs**" if differs else "same"
            body.append(f"| {md(a.short_name)} | {types_label(rule['conference_types'])} | "
                        f"[{md(_when(rule))}]({ctx.href(src, rule['id'])}) | {md(_doc_title(ctx, rule))} | {flag} |")
        body.append("")
    return "\n".join(body) + "\n"


def _differs(ctx, rule, national, timings, count) -> bool:
    limits = national_counterparts(ctx.content, rule)
    if limits:
        return all(_when(n).split(" (only")[0] != _when(rule).split(" (only")[0] for n in limits)
    return count > 1 and timings[_when(rule)] < count


def _doc_title(ctx, item: dict) -> str:
    _, doc = ctx.content.documents[item["source"]["document"]]
    return f"{doc['title']}, {item['source']['section']}"


def _agendas(ctx: SiteContext) -> str:
    src = "compare/agendas.md"
    agendas = [(a, ag) for a in ctx.content.local_authorities for ag in a.agendas]
    titles = Counter(_key(s["title"]) for _, ag in agendas for s in ag["sections"])
    body = ["# Agendas compared", "", "Each agenda's sections in the authority's own order and numbering. "
            "A section marked **only here** has a title no other agenda uses.", "", FILTER, ""]
    cards: list[str] = []
    for a, ag in agendas:
        card = [f"### {md(a.short_name)}: {md(ag['title'])}", "", f"{types_label(ag['conference_types'])}", ""]
        for s in ag["sections"]:
            only = " **only here**" if titles[_key(s["title"])] == 1 and len(agendas) > 1 else ""
            anomaly = " *(numbering as in the source)*" if s.get("anomaly") else ""
            # the source's own number, as text: "1. " at the start of a line would be a list the browser numbers
            card.append(f"{md(s['number'] + '.')} [{md(s['title'])}]({ctx.href(src, s['id'])}){only}{anomaly}  ")
        cards += markdown_block("cp-compare-card", card)
    for a in ctx.content.local_authorities:
        if not a.agendas:
            cards += [f"*{md(a.short_name)}*: the documents give no agenda.", ""]
    return "\n".join(body + markdown_block("cp-compare-grid", cards))


def _key(title: str) -> str:
    return "".join(ch for ch in title.lower() if ch.isalnum())


def _facts(ctx: SiteContext) -> str:
    src = "compare/decisions.md"
    body = ["# Who is invited and who decides", "",
            "Short answers written for this site, each linked to the source wording it summarises.", "", FILTER, ""]
    for topic, title in FACT_TOPICS.items():
        body += [f"## {title} {{ #{topic} }}", "", "| Authority | What the documents say | Source wording |", "| --- | --- | --- |"]
        values = Counter()
        rows = []
        for a in ctx.content.local_authorities:
            fact = next((f for f in a.meta.get("facts", []) if f["topic"] == topic), None)
            rows.append((a, fact))
            if fact:
                values[fact["value"]] += 1
        for a, fact in rows:
            if fact is None:
                body.append(f"| {md(a.short_name)} | **not stated** in the documents | |")
                continue
            links = ", ".join(f"[{i}]({ctx.href(src, i)})" for i in fact["grounded_in"])
            body.append(f"| {md(a.short_name)} | {md(fact['value'])} | {links} |")
        body.append("")
    return "\n".join(body) + "\n"

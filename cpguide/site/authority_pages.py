"""Pages for each authority: overview, agenda, standards, statements, role guides, timescales, disagreements."""

from __future__ import annotations

import json
from typing import Iterator

from ..checks import national_counterparts
from ..content import Authority, Entry
from ..deadlines.words import condition_words, rule_words
from .model import Page, SiteContext
from .render import (AUDIENCE_NAMES, FACT_TOPICS, PHASE_NAMES, actors_label, attr, item_lines, label_of, md, small_print,
                     types_label)

AUDIENCES = list(AUDIENCE_NAMES)
FAMILY_PHASES = {"about": "About the meeting", "before": "Before the meeting", "during": "At the meeting",
                 "after": "After the meeting", "rights": "Your rights"}
YOUR_DATES = "your-dates"  # the id of "Dates that matter to you" on an audience's page (the calculator links to it)
KIND_NAMES = {"agenda": "Agenda line", "guidance": "Guidance for the chair", "duty": "Duty",
              "information": "Information", "right": "Right"}


def generate(ctx: SiteContext) -> Iterator[Page]:
    for authority in sorted(ctx.content.authorities.values(), key=lambda a: (not a.is_national, a.name)):
        yield from AuthorityPages(ctx, authority).pages()


def nav_path(authority: Authority) -> tuple[str, ...]:
    if authority.is_national:
        return ("National framework",)
    return ("Authorities", authority.meta.get("region") or "Region not given", authority.short_name)


class AuthorityPages:
    """Renders one authority's pages; `self.src` is the page being written (links are relative to it)."""

    def __init__(self, ctx: SiteContext, authority: Authority):
        self.ctx = ctx
        self.content = ctx.content
        self.authority = authority
        self.dir = ctx.authority_dir(authority.id)
        self.nav = nav_path(authority)
        self.src = ""
        self.linked_documents: set[str] = set()  # documents this page has already linked to

    def page(self, name: str, title: str, body: list[str]) -> Page:
        nav_title = "Overview" if name == "index" else title.split(" — ")[0]
        front = f"---\ntitle: {json.dumps(title)}\n---\n\n"  # the full title for the browser tab and search
        return Page(f"{self.dir}/{name}.md", title, front + f"# {title}\n\n" + "\n".join(body) + "\n", self.nav, nav_title)

    def pages(self) -> Iterator[Page]:
        a = self.authority
        yield self._with_src("index", lambda: self.page("index", a.name, self.overview()))
        if a.agendas:
            yield self._with_src("agenda", lambda: self.page("agenda", f"Conference agenda — {a.short_name}", self.agenda_page()))
        if a.standard_sets:
            yield self._with_src("standards", lambda: self.page("standards", f"Practice standards — {a.short_name}", self.standards_page()))
        if "statements.yml" in a.docs:
            yield self._with_src("statements", lambda: self.page("statements", f"Statements read out — {a.short_name}", self.statements_page()))
        if not a.is_national:
            for audience in AUDIENCES:
                title = f"{AUDIENCE_NAMES[audience]} — {a.short_name}"
                yield self._with_src(audience, lambda: self.page(audience, title, self.role_page(audience)))
        if a.rules:
            yield self._with_src("timescales", lambda: self.page("timescales", f"Timescales — {a.short_name}", self.timescales_page()))
        if a.discrepancies:
            yield self._with_src("disagreements", lambda: self.page("disagreements", f"Where the sources disagree — {a.short_name}", self.disagreements_page()))

    def _with_src(self, name: str, make) -> Page:
        self.src = f"{self.dir}/{name}.md"
        self.linked_documents: set[str] = set()
        return make()

    # --- shared pieces ---------------------------------------------------------------------------
    def link(self, item_id: str, text: str | None = None) -> str:
        entry = self.content.index[item_id]
        return f"[{md(text or label_of(entry, self.content))}]({self.ctx.href(self.src, item_id)})"

    def cite(self, source: dict | None, link_document: bool = True) -> str:
        """Source: document, section. The document links to its text the first time the page cites it;
        after that it is named only (the same link on every item would be noise, and a cost per link)."""
        if not source:
            return ""
        _, doc = self.content.documents[source["document"]]
        title = md(doc["title"])
        if doc.get("file") and link_document and source["document"] not in self.linked_documents:
            self.linked_documents.add(source["document"])
            title = f"[{title}]({self.ctx.rel(self.src, 'sources/' + doc['file'])})"
        return f"Source: {title}, {md(source['section'])}"

    def meta_lines(self, entry: Entry, item: dict) -> list[str]:
        """The small print under an item: who, when, source, deadline, related, disagreements."""
        bits = []
        if item.get("conference_types"):
            bits.append(types_label(item["conference_types"]))
        if item.get("outcome"):
            bits.append("if the plan is a " + ("child protection plan" if item["outcome"] == "cp" else "child in need plan"))
        if item.get("actors"):
            bits.append("Who: " + actors_label(item["actors"]))
        if item.get("kind"):
            bits.append(KIND_NAMES[item["kind"]])
        if item.get("source"):
            bits.append(self.cite(item["source"]))
        lines = [small_print(" · ".join(bits), "cp-meta", searchable=False)] if bits else []
        for typo in item.get("typos", []):
            lines.append(small_print(f'The source spells "{md(typo["corrected"])}" as "{md(typo["original"])}".'
                                     + (f" {md(typo['note'])}" if typo.get("note") else ""), "cp-typo"))
        if item.get("deadline"):
            lines.append("Deadline: " + self.link(item["deadline"]))
        lines += self.related_lines(entry.id)
        for note in item.get("notes", []):
            lines.append(small_print(f"Note: {md(note)}", "cp-note"))
        for link in item.get("links", []):
            lines.append(f"[{md(link.get('text') or link['url'])}]({link['url']})")
        return lines

    def related_lines(self, item_id: str) -> list[str]:
        """Links to every related item (both directions) and to any recorded disagreement."""
        lines = []
        related = [r for r in self.ctx.related.get(item_id, []) if self.content.index[r].type != "discrepancy"]
        if related:
            lines.append("Related: " + " · ".join(self.link(r) for r in related))
        for d in self.ctx.discrepancies_of.get(item_id, []):
            lines.append(small_print(f"The sources disagree here: {self.link(d)}", "cp-disagree", strong=True))
        return lines

    def container_related(self, item_id: str) -> list[str]:
        lines = self.related_lines(item_id)
        return ["  \n".join(lines), ""] if lines else []

    def item_block(self, item: dict, depth: int = 0, number: str = "") -> list[str]:
        """A list item (and its sub-points) with its anchor and small print."""
        pad = "    " * depth
        entry = self.content.index[item["id"]]
        shown = self.content.resolve(item)
        text = md(shown.get("text", ""))
        if "ref" in item:
            text += f" ({self.link(item['ref'], 'kept in ' + label_of(self.content.index[item['ref']], self.content))})"
        lines = item_lines(pad, number + text, self.meta_lines(entry, shown if "ref" in item else item), item["id"])
        for child in item.get("items", []):
            lines.append("")
            lines.extend(self.item_block(child, depth + 1))
        return lines

    def item_list(self, items: list[dict], depth: int = 0) -> list[str]:
        lines: list[str] = []
        for item in items:
            lines.extend(self.item_block(item, depth))
        return lines + [""]

    def notes(self, notes: list[str], title: str = "Note") -> list[str]:
        if not notes:
            return []
        return [f'!!! note "{attr(title)}"', ""] + [f"    {md(n)}\n" for n in notes] + [""]

    # --- overview --------------------------------------------------------------------------------
    def overview(self) -> list[str]:
        a, meta = self.authority, self.authority.meta
        body = []
        if not meta.get("name_given_in_sources", True):
            body += ['!!! info "This authority is not named in its documents"', "",
                     "    The documents below do not say which local authority wrote them. We show them together "
                     "because they appear to come from the same authority.", ""]
        if meta.get("summary"):
            body += [md(meta["summary"]), ""]
        body += ["## Source documents", "", "| Document | Published by | Date | Text |", "| --- | --- | --- | --- |"]
        for doc in a.documents:
            text = f"[plain text]({self.ctx.rel(self.src, 'sources/' + doc['file'])})" if doc.get("file") else "not held here"
            body.append(f"| {md(doc['title'])} | {md(doc['publisher'])} | {md(doc['date'])} | {text} |")
        body.append("")
        for doc in a.documents:
            body += self.notes(doc.get("notes", []), f"About: {doc['title']}")
        if meta.get("facts"):
            body += ["## At a glance", ""] + self.facts(meta["facts"]) + [""]
        if meta.get("distinctive"):
            body += ["## What is distinctive here", ""] + [f"- {md(d)}" for d in meta["distinctive"]] + [""]
        body += self.notes(meta.get("notes", []))
        body += ["## Pages for this authority", ""] + self.page_links() + [""]
        if meta.get("contacts"):
            body += ["## Contacts given in the documents", ""] + self.item_list(meta["contacts"])
        return body

    def facts(self, facts: list[dict]) -> list[str]:
        lines = []
        for fact in facts:
            sources = ", ".join(self.link(i) for i in fact["grounded_in"])
            lines += item_lines("", f"**{FACT_TOPICS[fact['topic']]}:** {md(fact['value'])} "
                                + small_print(f"Summary written for this site, from: {sources}", "cp-meta", searchable=False),
                                [], fact["id"])
        return lines

    def page_links(self) -> list[str]:
        a = self.authority
        pages = [("agenda", "Conference agenda", bool(a.agendas)), ("standards", "Practice standards", bool(a.standard_sets)),
                 ("statements", "Statements read out at the conference", "statements.yml" in a.docs)]
        pages += [(aud, f"For {AUDIENCE_NAMES[aud].lower()}", not a.is_national) for aud in AUDIENCES]
        pages += [("timescales", "Timescales", bool(a.rules)), ("disagreements", "Where the sources disagree", bool(a.discrepancies)),
                  ("checklists/index", "Checklists to tick and print", not a.is_national)]
        return [f"- [{title}]({name}.md)" for name, title, present in pages if present]

    # --- agenda ----------------------------------------------------------------------------------
    def agenda_page(self) -> list[str]:
        body = []
        for agenda in self.authority.agendas:
            body += [f"## {md(agenda['title'])} {{ #{agenda['id']} }}", ""]
            body += [f"Applies to: {types_label(agenda['conference_types'])}. {self.cite(agenda.get('source'))}", ""]
            body += [md(p) + "\n" for p in agenda.get("intro", [])]
            body += self.notes(agenda.get("notes", []))
            body += self.container_related(agenda["id"])
            for section in agenda["sections"]:
                body += self.agenda_section(agenda, section)
        return body

    def agenda_section(self, agenda: dict, section: dict) -> list[str]:
        body = [f"### {md(section['number'])}. {md(section['title'])} {{ #{section['id']} }}", ""]
        if section.get("anomaly"):
            body += ['!!! warning "Numbering as in the source"', "", f"    {md(section['anomaly'])}", ""]
        body += self.notes(section.get("notes", []))
        body += self.container_related(section["id"])
        prompts = section["prompts"]
        types = agenda["conference_types"]
        split = len(types) > 1 and any(len(p.get("conference_types", types)) < len(types) for p in prompts)
        if not split:
            return body + self.item_list(prompts)
        common = [p for p in prompts if len(p.get("conference_types", types)) == len(types)]
        body += self.item_list(common)
        for t in types:
            own = [p for p in prompts if p.get("conference_types", types) == [t]]
            if own:
                body += [f'=== "{t.upper()}"', ""] + ["    " + line if line else "" for line in self.item_list(own)]
        return body + [""]

    # --- standards -------------------------------------------------------------------------------
    def standards_page(self) -> list[str]:
        body = []
        for s in self.authority.standard_sets:
            body += [f"## {md(s['title'])} {{ #{s['id']} }}", "", self.cite(s.get("source")), ""]
            body += [md(p) + "\n" for p in s.get("intro", [])]
            body += self.notes(s.get("notes", []))
            body += self.container_related(s["id"])
            body += self.numbered(s["standards"])
            if s.get("guidance"):
                body += [f"## {md(s.get('guidance_title') or 'Practice guidance')}", ""]
                body += [md(p) + "\n" for p in s.get("guidance_intro", [])]
                body += self.numbered(s["guidance"])
        return body

    def numbered(self, standards: list[dict]) -> list[str]:
        lines = []
        for st in standards:
            number = f"**{md(st['number'])}.** " if st.get("number") else ""
            lines += self.item_block(st, number=number) + [""]
        return lines

    # --- statements ------------------------------------------------------------------------------
    def statements_page(self) -> list[str]:
        data = self.authority.data("statements.yml")
        body = self.notes(data.get("notes", []))
        if not self.authority.statements:
            body += ["The documents of this authority do not give the wording of the statements read out at conferences.", ""]
        for st in self.authority.statements:
            label = f"{md(st['label'])}: " if st.get("label") else ""
            body += [f"## {label}{md(st['title'])} {{ #{st['id']} }}", ""]
            who = []
            if st.get("read_by"):
                who.append("Read out by: " + actors_label([st["read_by"]]))
            if st.get("addressed_to"):
                who.append("Addressed to: " + ", ".join(AUDIENCE_NAMES[a].lower() for a in st["addressed_to"]))
            body += [" · ".join(who + [self.cite(st.get("source"))]), ""]
            body += self.notes(st.get("notes", []))
            body += self.container_related(st["id"])
            body += self.item_list(st["paragraphs"])
        return body

    # --- role guides -----------------------------------------------------------------------------
    def role_page(self, audience: str) -> list[str]:
        """Everything for one audience in this authority: the one page a hub links to."""
        a = self.authority
        body = self.role_intro(audience)
        if audience == "parents":
            body += self.family_topics()
        body += self.audience_deadlines(audience)
        guides = [g for g in a.guides if g["audience"] == audience]
        if audience == "parents":  # the families' page: what follows is quoted, and marked as quotation
            # The class marks the rest of the page as quotation (tests/test_family_readability.py);
            # a heading, not a wrapping <div markdown>, which md_in_html would parse twice.
            body += ["## What the documents say, word for word { .cp-quotations }", "",
                     "Below are quotations from the council's own papers.", ""]
        else:
            body += ["## What happens and what you do", ""]
        for phase, phase_name in PHASE_NAMES.items():
            body += [f"### {phase_name}", ""]
            in_phase = [g for g in guides if g["phase"] == phase]
            if not in_phase:
                body += [f"The documents of this authority say nothing written for {AUDIENCE_NAMES[audience].lower()} "
                         "at this stage. The agenda and standards pages show what happens.", ""]
            for guide in in_phase:
                body += [f"#### {md(guide['title'])} {{ #{guide['id']} }}", ""]
                if guide.get("conference_types"):
                    body += [f"Applies to: {types_label(guide['conference_types'])}", ""]
                body += self.notes(guide.get("notes", []))
                body += self.container_related(guide["id"])
                body += self.item_list(guide["items"])
        return body

    def role_intro(self, audience: str) -> list[str]:
        a = self.authority
        links = [f"[Your dates: deadline calculator]({self.ctx.rel(self.src, f'calculator/{audience}.md')}?authority={a.id})"]
        links.append("[Checklists to tick and print](checklists/index.md)")
        if a.statements:
            links.append("[What is read out at the conference, and why](statements.md)")
        if a.agendas:
            links.append("[The agenda, step by step](agenda.md)")
        if a.discrepancies:
            links.append("[Where this authority's documents disagree](disagreements.md)")
        return [" · ".join(links), ""]

    def family_topics(self) -> list[str]:
        topics = self.authority.data("family.yml").get("topics", [])
        body = []
        for phase, title in FAMILY_PHASES.items():
            in_phase = [t for t in topics if t["phase"] == phase]
            if not in_phase:
                continue
            body += [f"## {title}", ""]
            for topic in in_phase:
                body += [f"### {md(topic['title'])} {{ #{topic['id']} }}", ""]
                if topic.get("conference_types"):
                    body += [f"*For: {types_label(topic['conference_types'])}*", ""]
                body += [md(p) + "\n" for p in topic["plain"]]
                body += self.quotes(topic["grounded_in"])
        return body

    def quotes(self, ids: list[str]) -> list[str]:
        """The source wording behind a plain-English explanation, marked as quotations."""
        lines = ['??? quote "What the council\'s documents say"', ""]
        for item_id in ids:
            item = self.content.resolve(self.content.index[item_id].item)
            quote = item.get("text") or item.get("title") or ""
            # The citation follows the quotation (and keeps two quotations from merging into one).
            lines += [f"    > {line}".rstrip() for line in md(quote).splitlines()] + [""]
            # The document is named, not linked: "see it in context" leads to the item and its link.
            lines += [f"    {self.cite(item.get('source'), link_document=False)} · {self.link(item_id, 'see it in context')}", ""]
        return lines

    def audience_deadlines(self, audience: str) -> list[str]:
        rules = [r for r in self.authority.rules if audience in r["audiences"]]
        if not rules:
            return []
        body = [f"## Dates that matter to you {{ #{YOUR_DATES} }}", "", "| What | When | Conference | Source |", "| --- | --- | --- | --- |"]
        for r in rules:
            when = self.ctx.rule_words[r["id"]] + (f", only if {describe_conditions(r['conditions'])}" if r.get("conditions") else "")
            flag = " (the sources disagree)" if self.ctx.discrepancies_of.get(r["id"]) else ""
            body.append(f"| {self.link(r['id'], r['label'])}{flag} | {md(when)} | {types_label(r['conference_types'])} | "
                        f"{md(self.content.documents[r['source']['document']][1]['title'])} |")
        return body + [""]

    # --- timescales ------------------------------------------------------------------------------
    def timescales_page(self) -> list[str]:
        body = ["Each rule below is written once in the authority's `timescales.yml`; the "
                f"[deadline calculator]({self.ctx.rel(self.src, 'calculator/index.md')}) uses the same rules.", ""]
        for rule in self.authority.rules:
            entry = self.content.index[rule["id"]]
            body += [f"### {md(rule['label'])} {{ #{rule['id']} }}", "", f"> {md(rule['text'])}", ""]
            body += [f"**When:** {md(self.ctx.rule_words[rule['id']])}  ", f"**Applies to:** {types_label(rule['conference_types'])}"
                     + (f", only if {describe_conditions(rule['conditions'])}" if rule.get("conditions") else "") + "  ",
                     f"**Responsible:** {actors_label(rule['responsible'])}  ",
                     f"**Who needs to know:** {', '.join(AUDIENCE_NAMES[a].lower() for a in rule['audiences'])}", ""]
            if not self.authority.is_national:
                limits = national_counterparts(self.content, rule)
                body += [f"**National limit:** " + ("; ".join(
                    f"{self.link(n['id'], self.ctx.rule_words[n['id']])} ({types_label(n['conference_types'])})" for n in limits)
                    if limits else "none set for this kind of deadline") + "", ""]
            body += [line + "  " for line in self.meta_lines(entry, {k: v for k, v in rule.items() if k in ("source", "typos", "notes")})] + [""]
        return body

    # --- disagreements ---------------------------------------------------------------------------
    def disagreements_page(self) -> list[str]:
        body = ["Where this authority's own documents say different things, the site shows both and says so. "
                "It never silently picks one. Check with the conference chair or the social worker which applies.", ""]
        for d in self.authority.discrepancies:
            body += [f"## {md(d['title'])} {{ #{d['id']} }}", "", f"*{md(d.get('type', 'disagreement').capitalize())}.* {md(d['note'])}", ""]
            for target in d["items"]:
                entry = self.content.index[target]
                item = self.content.resolve(entry.item)
                quote = item.get("text") or item.get("title") or ""
                body += [f"- {self.link(target)}: \"{md(quote)}\" — {self.cite(item.get('source'))}"]
            body += [""]
        return body


def describe_rule(rule: dict) -> str:
    """The rule in plain words: the deadline engine's wording, so pages, checklists and the calculator agree."""
    return rule_words(rule)


def describe_conditions(conditions: dict) -> str:
    return " and ".join(c.removeprefix("Only if ").rstrip(".") for c in condition_words(conditions))

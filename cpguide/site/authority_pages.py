"""Pages for each authority: overview, agenda, standards, statements, role guides, timescales, disagreements."""

from __future__ import annotations

from typing import Iterator

from ..deadlines.engine import national_counterparts
from ..currency import parse_when
from ..interface import interface_words
from ..content import Authority, Entry
from ..expected import expected_data, silences
from ..deadlines.words import conditions_phrase as describe_conditions
from ..page_parts import YOUR_DATES
from ..vocabulary import DEADLINE_KINDS, ITEM_KINDS, OUTCOMES
from .model import Page, SiteContext
from .html import Html
from .sections import nav_path
from .parents_page import parents_body
from . import professionals_page
from . import national_law, prepare_section
from .render import AUDIENCE_NAMES, FACT_TOPICS, PHASE_NAMES, actors_label, label_of, types_label
from . import components
from .templating import macros

AUDIENCES = list(AUDIENCE_NAMES)
KIND_NAMES = ITEM_KINDS
CURRENCY = macros("currency.html")


def generate(ctx: SiteContext) -> Iterator[Page]:
    for authority in sorted(ctx.content.authorities.values(), key=lambda a: (not a.is_national, a.name)):
        yield from AuthorityPages(ctx, authority).pages()


class AuthorityPages:
    """Writes one authority's pages as HTML (html.py); `self.w` writes the page being made, and links
    are relative to it."""

    def __init__(self, ctx: SiteContext, authority: Authority):
        self.ctx = ctx
        self.content = ctx.content
        self.authority = authority
        self.dir = ctx.authority_dir(authority.id)
        self.nav = nav_path(authority)
        self.w = ctx.writer("")
        self.linked_documents: set[str] = set()  # documents this page has already linked to
        self.tab_sets = 0  # content tab sets on this page so far (each needs its own number)

    def page(self, name: str, title: str, body: list[Html]) -> Page:
        nav_title = "Overview" if name == "index" else title.split(" — ")[0]
        heading = self.w.heading(1, title)
        # The full title names the browser tab and the search result; the navigation uses nav_title.
        # family: quick exit and Listen; no table of contents beside it: the jump links at the top do that
        # job, and on a phone it was a fifth of what the page downloads.
        meta = {"title": title, "family": True, "hide": ["toc"]} if name == "parents" else {"title": title}
        notices = self.summary_notices()
        # A family's page opens with its questions (body[0], the jump links): the notice comes next, or
        # with several documents it pushed the last question off a phone's first screen.
        parts = body[:1] + notices + body[1:] if name == "parents" else notices + body
        html = self.w.body([heading] + parts + [self.document_dates()], meta)
        return Page(self.own_page(name), title, "", self.nav, nav_title, html=html)

    def document_dates(self) -> Html:
        """Under every page: the dates of the documents it is built from, and what is overdue or old."""
        docs = []
        for doc in self.authority.documents:
            c = self.ctx.currency[doc["id"]]
            held = "summarised here" if c.summarised else "quoted word for word" if doc.get("file") else "not held here"
            docs.append({"title": doc["title"], "held": held,
                         "published": c.published and c.published.words, "reviewed": c.last_reviewed and c.last_reviewed.words,
                         "next": c.next_review and c.next_review.words, "overdue": c.overdue,
                         "predates": c.predates and c.predates["title"], "superseded_by": c.superseded_by,
                         "provenance": self.provenance(doc)})
        return Html(CURRENCY.document_dates(docs))

    def provenance(self, doc: dict) -> list[Html]:
        """Where the document was found, when, and whether the copy here is all of it (authority.yml)."""
        say, lines = interface_words(self.ctx.content)["documents"], []
        if doc.get("url"):
            lines.append(Html.filled(say["found_at"], link=self.w.external(doc["url"], doc["url"])))
        if doc.get("retrieved"):
            lines.append(Html.filled(say["retrieved"], date=parse_when(doc["retrieved"]).words))
        if doc.get("extent"):
            lines.append(Html.filled(say[doc["extent"]], missing=doc.get("missing", "")))
        return lines

    def summary_notices(self) -> list[Html]:
        """At the top of every page built from a maintainer's summary: it is a summary, of when, and
        where the council's current version is (the schema requires url and retrieved for one). One
        notice per day the pages were read, linking to each."""
        say = interface_words(self.ctx.content)["documents"]
        by_day: dict[str, list[dict]] = {}
        for doc in self.authority.documents:
            if doc.get("copy") == "summary" and doc.get("file"):
                by_day.setdefault(doc["retrieved"], []).append(doc)
        notices = []
        for day, docs in sorted(by_day.items()):
            links = [self.w.external(say["summary_link"] if len(docs) == 1 else d["title"], d["url"]) for d in docs]
            notices.append(self.w.paragraph(Html.filled(say["summary"], date=parse_when(day).words, link=Html(", ").join(links)),
                                            "cp-meta cp-summary-notice"))
        return notices

    def overdue_notice(self) -> list[Html]:
        """The overview lists the documents whose review is overdue, or that are older than the national guidance."""
        current = [self.ctx.currency[d["id"]] for d in self.authority.documents]
        text = self.w.text
        lines = [Html("{}: review overdue (next review was due {}).").format(text(c.document["title"]), c.next_review.words)
                 for c in current if c.overdue]
        lines += [Html("{}: older than {}, the national guidance in force.").format(text(c.document["title"]), text(c.predates["title"]))
                  for c in current if c.predates]
        lines += [Html("{}: replaced by {}.").format(text(c.document["title"]), text(c.superseded_by))
                  for c in current if c.superseded_by]
        return [self.w.admonition("warning", "Check these documents are still current", lines)] if lines else []

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
        yield self._with_src("amendments", lambda: self.page("amendments", f"What changed — {a.short_name}", self.amendments_page()))

    def _with_src(self, name: str, make) -> Page:
        self.w = self.ctx.writer(self.own_page(name))
        self.linked_documents = set()
        self.tab_sets = 0
        return make()

    def own_page(self, name: str) -> str:
        return f"{self.dir}/{name}.md"

    # --- shared pieces ---------------------------------------------------------------------------
    def link(self, item_id: str, text: str | None = None) -> Html:
        entry = self.content.index[item_id]
        return self.w.a(self.w.text(text or label_of(entry, self.content)), self.ctx.page_of(entry), item_id)

    def cite(self, source: dict | None, link_document: bool = True) -> Html | str:
        """Source: document, section. The document links to its text the first time the page cites it;
        after that it is named only (the same link on every item would be noise, and a cost per link)."""
        if not source:
            return ""
        _, doc = self.content.documents[source["document"]]
        title = self.w.text(doc["title"])
        if doc.get("file") and link_document and source["document"] not in self.linked_documents:
            self.linked_documents.add(source["document"])
            title = self.w.a(title, "sources/" + doc["file"])
        return Html("Source: {}, {}").format(title, self.w.text(source["section"]))

    def meta_lines(self, entry: Entry, item: dict) -> list[Html]:
        """The small print under an item: who, when, source, deadline, related, disagreements."""
        text, small_print = self.w.text, self.w.small_print
        bits = []
        if item.get("conference_types"):
            bits.append(text(types_label(item["conference_types"])))
        if item.get("outcome"):
            bits.append("if the plan is a " + OUTCOMES[item["outcome"]])
        if item.get("actors"):
            bits.append("Who: " + text(actors_label(item["actors"])))
        if item.get("kind"):  # a timescale rule (shown through a `ref:`) has a deadline kind, not an item kind
            kinds = DEADLINE_KINDS if self.content.index[item["id"]].type == "rule" else KIND_NAMES
            bits.append(kinds[item["kind"]])
        if item.get("source"):
            bits.append(self.cite(item["source"]))
        lines = [small_print(Html(" · ").join(bits), "cp-meta", searchable=False)] if bits else []
        for typo in item.get("typos", []):
            spelt = Html('The source spells "{}" as "{}".').format(text(typo["corrected"]), text(typo["original"]))
            lines.append(small_print(spelt + (" " + text(typo["note"]) if typo.get("note") else ""), "cp-typo"))
        if item.get("deadline"):
            lines.append("Deadline: " + self.link(item["deadline"], self.content.index[item["deadline"]].item["label"]))
        lines += self.related_lines(entry.id)
        for note in item.get("notes", []):
            lines.append(small_print("Note: " + text(note), "cp-note"))
        for link in item.get("links", []):
            lines.append(self.w.external(text(link.get("text") or link["url"]), link["url"]))
        return lines

    def related_lines(self, item_id: str) -> list[Html]:
        """Links to every related item (both directions) and to any recorded disagreement."""
        lines = []
        related = [r for r in self.ctx.related.get(item_id, []) if self.content.index[r].type != "discrepancy"]
        if related:
            lines.append("Related: " + Html(" · ").join(self.link(r) for r in related))
        for d in self.ctx.discrepancies_of.get(item_id, []):
            lines.append(self.w.small_print("The sources disagree here: " + self.link(d), "cp-disagree", strong=True))
        return lines

    def container_related(self, item_id: str) -> list[Html]:
        lines = self.related_lines(item_id)
        return [self.w.paragraph(self.w.lines(lines))] if lines else []

    def item_block(self, item: dict, number: Html | str = "") -> Html:
        """A list item (and its sub-points) with its anchor and small print."""
        entry = self.content.index[item["id"]]
        shown = self.content.resolve(item)
        text = self.w.text(shown.get("text", ""))
        if "ref" in item:
            text += Html(" ({})").format(self.link(item["ref"], "kept in " + label_of(self.content.index[item["ref"]], self.content)))
        children = self.item_list(item.get("items", []))
        return self.w.item([number + text] + self.meta_lines(entry, shown if "ref" in item else item), item["id"], children)

    def item_list(self, items: list[dict]) -> Html:
        return self.w.bullets([self.item_block(item) for item in items])

    def notes(self, notes: list[str], title: str = "Note") -> list[Html]:
        if not notes:
            return []
        return [self.w.admonition("note", self.w.text(title), [self.w.text(n) for n in notes])]

    def paragraphs(self, texts: list[str]) -> list[Html]:
        return [self.w.paragraph(self.w.text(t)) for t in texts]

    # --- overview --------------------------------------------------------------------------------
    def overview(self) -> list[Html]:
        a, meta, w = self.authority, self.authority.meta, self.w
        body = []
        if not meta.get("name_given_in_sources", True):
            body.append(w.admonition("info", "This authority is not named in its documents", [
                "The documents below do not say which local authority wrote them. We show them together "
                "because they appear to come from the same authority."]))
        if meta.get("summary"):
            body += self.paragraphs([meta["summary"]])
        if a.is_national:
            body += national_law.overview_section(self)
        body += self.overdue_notice()
        body.append(w.heading(2, "Source documents"))
        rows = [[w.text(doc["title"]), w.text(doc["publisher"]), w.text(doc["date"]),
                 w.a("plain text", "sources/" + doc["file"]) if doc.get("file") else "not held here"] for doc in a.documents]
        body.append(w.table(["Document", "Published by", "Date", "Text"], rows))
        for doc in a.documents:
            body += self.notes(doc.get("notes", []), f"About: {doc['title']}")
        if meta.get("facts"):
            body += [w.heading(2, "At a glance"), self.facts(meta["facts"])]
        if meta.get("distinctive"):
            body += [w.heading(2, "What is distinctive here"), w.bullets([w.item([w.text(d)]) for d in meta["distinctive"]])]
        body += self.notes(meta.get("notes", []))
        body += [w.heading(2, "Pages for this authority"), self.page_links()]
        if meta.get("contacts"):
            body += [w.heading(2, "Contacts given in the documents"), self.item_list(meta["contacts"])]
        return body

    def facts(self, facts: list[dict]) -> Html:
        w = self.w
        items = []
        for fact in facts:
            sources = Html(", ").join(self.link(i) for i in fact["grounded_in"])
            items.append(w.item([Html("{} {} ").format(w.strong(w.text(FACT_TOPICS[fact["topic"]] + ":")), w.text(fact["value"]))
                                 + w.small_print("Summary written for this site, from: " + sources, "cp-meta", searchable=False)],
                                fact["id"]))
        return w.bullets(items)

    def page_links(self) -> Html:
        a = self.authority
        pages = [("agenda", "Conference agenda", bool(a.agendas)), ("standards", "Practice standards", bool(a.standard_sets)),
                 ("statements", "Statements read out at the conference", "statements.yml" in a.docs)]
        pages += [(aud, f"For {AUDIENCE_NAMES[aud].lower()}", not a.is_national) for aud in AUDIENCES]
        pages += [("timescales", "Timescales", bool(a.rules)), ("disagreements", "Where the sources disagree", bool(a.discrepancies)),
                  ("checklists/index", "Checklists to tick and print", not a.is_national),
                  ("amendments", "What changed", True)]
        return self.w.bullets([self.w.item([self.w.a(title, self.own_page(name))]) for name, title, present in pages if present])

    # --- agenda ----------------------------------------------------------------------------------
    def agenda_page(self) -> list[Html]:
        w = self.w
        body = []
        for agenda in self.authority.agendas:
            body.append(w.heading(2, agenda["title"], agenda["id"]))
            body.append(w.paragraph(Html("Applies to: {}. {}").format(w.text(types_label(agenda["conference_types"])), self.cite(agenda.get("source")))))
            body += self.paragraphs(agenda.get("intro", []))
            body += self.notes(agenda.get("notes", []))
            body += self.container_related(agenda["id"])
            for section in agenda["sections"]:
                body += self.agenda_section(agenda, section)
        return body

    def agenda_section(self, agenda: dict, section: dict) -> list[Html]:
        w = self.w
        body = [w.heading(3, f"{section['number']}. {section['title']}", section["id"])]
        if section.get("anomaly"):
            body.append(w.admonition("warning", "Numbering as in the source", [w.text(section["anomaly"])]))
        body += self.notes(section.get("notes", []))
        body += self.container_related(section["id"])
        prompts = section["prompts"]
        types = agenda["conference_types"]
        split = len(types) > 1 and any(len(p.get("conference_types", types)) < len(types) for p in prompts)
        if not split:
            return body + [self.item_list(prompts)]
        body.append(self.item_list([p for p in prompts if len(p.get("conference_types", types)) == len(types)]))
        tabs = [(w.text(t.upper()), self.item_list(own)) for t in types
                if (own := [p for p in prompts if p.get("conference_types", types) == [t]])]
        if tabs:
            self.tab_sets += 1
            body.append(w.tabs(self.tab_sets, tabs))
        return body

    # --- standards -------------------------------------------------------------------------------
    def standards_page(self) -> list[Html]:
        w = self.w
        body = []
        for s in self.authority.standard_sets:
            body += [w.heading(2, s["title"], s["id"]), w.paragraph(self.cite(s.get("source")))]
            body += self.paragraphs(s.get("intro", []))
            body += self.notes(s.get("notes", []))
            body += self.container_related(s["id"])
            body.append(self.numbered(s["standards"]))
            if s.get("guidance"):
                body.append(w.heading(2, s.get("guidance_title") or "Practice guidance"))
                body += self.paragraphs(s.get("guidance_intro", []))
                body.append(self.numbered(s["guidance"]))
        return body

    def numbered(self, standards: list[dict]) -> Html:
        return self.w.bullets([self.item_block(st, number=self.w.strong(self.w.text(st['number'] + ".")) + " " if st.get("number") else "")
                               for st in standards])

    # --- statements ------------------------------------------------------------------------------
    def statements_page(self) -> list[Html]:
        w = self.w
        data = self.authority.data("statements.yml")
        body = self.notes(data.get("notes", []))
        if not self.authority.statements:
            body.append(w.paragraph("The documents of this authority do not give the wording of the statements read out at conferences."))
        for st in self.authority.statements:
            label = f"{st['label']}: " if st.get("label") else ""
            body.append(w.heading(2, label + st["title"], st["id"]))
            who = []
            if st.get("read_by"):
                who.append("Read out by: " + w.text(actors_label([st["read_by"]])))
            if st.get("addressed_to"):
                who.append("Addressed to: " + ", ".join(AUDIENCE_NAMES[a].lower() for a in st["addressed_to"]))
            body.append(w.paragraph(Html(" · ").join(who + [self.cite(st.get("source"))])))
            body += self.notes(st.get("notes", []))
            body += self.container_related(st["id"])
            body.append(self.item_list(st["paragraphs"]))
        return body

    # --- role guides -----------------------------------------------------------------------------
    def role_page(self, audience: str) -> list[Html]:
        """Everything for one audience in this authority: the one page a hub links to."""
        if audience == "parents":  # the parent's questions, answered in plain words (parents_page.py)
            return parents_body(self)
        a, w = self.authority, self.w
        body = self.role_intro(audience)
        if audience == "professionals" and professionals_page.words(self):  # their own tasks first
            return body + professionals_page.sections(self) + self.audience_deadlines(audience, silences=False)
        body += self.audience_deadlines(audience)
        guides = [g for g in a.guides if g["audience"] == audience]
        body.append(w.heading(2, "What happens and what you do"))
        for phase, phase_name in PHASE_NAMES.items():
            body.append(w.heading(3, phase_name))
            in_phase = [g for g in guides if g["phase"] == phase]
            if not in_phase:
                body.append(w.paragraph(Html("The documents of this authority say nothing written for {} at this stage.{}")
                                        .format(AUDIENCE_NAMES[audience].lower(), self.what_happens_pointer())))
            for guide in in_phase:
                body.append(w.heading(4, guide["title"], guide["id"]))
                if guide.get("conference_types"):
                    body.append(w.paragraph("Applies to: " + w.text(types_label(guide["conference_types"]))))
                body += self.notes(guide.get("notes", []))
                body += self.container_related(guide["id"])
                body.append(self.item_list(guide["items"]))
        return body

    def what_happens_pointer(self) -> Html | str:
        """Points to the agenda and standards pages only where this authority has them."""
        a, w = self.authority, self.w
        pages = [w.a(name, self.own_page(page)) for page, name, present in
                 (("agenda", "agenda", bool(a.agendas)), ("standards", "standards", bool(a.standard_sets))) if present]
        if not pages:
            return ""
        return Html(" The {} {} what happens.").format(Html(" and ").join(pages), "pages show" if len(pages) > 1 else "page shows")

    def role_intro(self, audience: str) -> list[Html]:
        a, w = self.authority, self.w
        links = professionals_page.jump_links(self) + prepare_section.jump_link(self) if audience == "professionals" else []
        links += [w.a("Your dates: deadline calculator", f"calculator/{audience}.md", query=f"?authority={a.id}"),
                 w.a("Checklists to tick and print", self.own_page("checklists/index"))]
        if a.statements:
            links.append(w.a("What is read out at the conference, and why", self.own_page("statements")))
        if a.agendas:
            links.append(w.a("The agenda, step by step", self.own_page("agenda")))
        if a.discrepancies:
            links.append(w.a("Where this authority's documents disagree", self.own_page("disagreements")))
        return [w.paragraph(Html(" · ").join(links))]

    def quotes(self, ids: list[str], summary: str = "What the council's documents say") -> Html:
        """The source wording behind a plain-English explanation, marked as quotations."""
        inner = []
        for item_id in ids:
            item = self.content.resolve(self.content.index[item_id].item)
            inner.append(self.w.blockquote(self.w.text(item.get("text") or item.get("title") or "")))
            # The document is named, not linked: "see it in context" leads to the item and its link.
            inner.append(self.w.paragraph(Html("{} · {}").format(self.cite(item.get("source"), link_document=False),
                                                                 self.link(item_id, "see it in context"))))
        return self.w.details("quote", self.w.text(summary), inner)

    def audience_deadlines(self, audience: str, silences: bool = True) -> list[Html]:
        return list(self.deadline_table(audience, silences))

    def deadline_table(self, audience: str, with_silences: bool = True) -> tuple[Html, ...]:
        """The heading "Dates that matter to you", the place for the reader's own dates and the table of the audience's deadlines, if any."""
        w = self.w
        rules = [r for r in self.authority.rules if audience in r["audiences"]]
        silent = self.silences(audience) if with_silences else ""  # else said where the page answers each
        if not rules and not silent:
            return ()
        rows = []
        for r in rules:
            when = self.ctx.rule_words[r["id"]] + (f", only if {describe_conditions(r['conditions'])}" if r.get("conditions") else "")
            flag = " (the sources disagree)" if self.ctx.discrepancies_of.get(r["id"]) else ""
            rows.append([self.link(r["id"], r["label"]) + flag, w.text(when), w.text(types_label(r["conference_types"])),
                         w.text(self.content.documents[r["source"]["document"]][1]["title"])])
        table = w.table(["What", "When", "Conference", "Source"], rows) if rows else ""
        return (w.heading(2, "Dates that matter to you", YOUR_DATES), your_dates(audience, self.authority.id),
                Html("\n").join(part for part in (table, silent) if part))

    def silences(self, audience: str) -> Html | str:
        """The deadlines this audience expects that the documents leave unanswered, said plainly (expected.py)."""
        w = self.w
        items = []
        for s in silences(self.content, self.authority, audience, self.ctx.rule_words):
            only = f" ({types_label(s.conference_types)} only)" if len(s.conference_types) == 1 else ""
            items.append(w.item([w.text(s.message.removesuffix(".") + only + ". " + " ".join(s.national))]))
        if not items:
            return ""
        heading = w.text(expected_data(self.content)["messages"]["heading"])
        return w.paragraph(w.strong(heading)) + "\n" + w.bullets(items)

    # --- timescales ------------------------------------------------------------------------------
    def timescales_page(self) -> list[Html]:
        w = self.w
        body = [w.paragraph(Html("Each rule below is written once in the authority's {}; the {} uses the same rules.")
                            .format(w.code("timescales.yml"), w.a("deadline calculator", "calculator/index.md")))]
        for rule in self.authority.rules:
            entry = self.content.index[rule["id"]]
            body += [w.heading(3, rule["label"], rule["id"]), w.blockquote(w.text(rule["text"]))]
            only_if = f", only if {describe_conditions(rule['conditions'])}" if rule.get("conditions") else ""
            body.append(w.paragraph(w.lines([
                w.strong("When:") + " " + w.text(self.ctx.rule_words[rule["id"]]),
                w.strong("Applies to:") + " " + w.text(types_label(rule["conference_types"]) + only_if),
                w.strong("Responsible:") + " " + w.text(actors_label(rule["responsible"])),
                w.strong("Who needs to know:") + " " + w.text(", ".join(AUDIENCE_NAMES[a].lower() for a in rule["audiences"]))])))
            if not self.authority.is_national:
                limits = national_counterparts(self.content, rule)
                body.append(w.paragraph(w.strong("National limit:") + " " + (Html("; ").join(
                    Html("{} ({})").format(self.link(n["id"], self.ctx.rule_words[n["id"]]), w.text(types_label(n["conference_types"])))
                    + (" — " + self.edition_words(n) if self.edition_words(n) else "") for n in limits)
                    if limits else "none set for this kind of deadline")))
            elif self.edition_words(rule):
                body.append(w.paragraph(w.strong("Edition:") + " " + self.edition_words(rule)))
            if self.authority.is_national:
                body += national_law.checked_lines(self, rule)
            small = self.meta_lines(entry, {k: v for k, v in rule.items() if k in ("source", "typos", "notes")})
            if small:
                body.append(w.paragraph(w.lines(small)))
        return body

    def edition_words(self, national_rule: dict) -> Html | str:
        """For a national figure whose edition of the guidance has been replaced: where it comes from and
        that it is not yet checked against the edition in force ("" once a maintainer has checked it)."""
        from ..currency import unchecked

        found = unchecked(self.content, national_rule)
        if not found:
            return ""
        old, new = found
        return ("from " + self.w.text(old["title"]) + "; "
                + self.w.strong("not yet checked against " + self.w.text(new["title"]), "cp-unchecked"))

    # --- what changed ----------------------------------------------------------------------------
    def amendments_page(self) -> list[Html]:
        """The changes to this authority's folder, from the repository's history (as procedures manuals
        keep an amendments list); a copy without the history says so."""
        from ..currency import parse_when
        from ..history import folder_changes

        w = self.w
        changes = folder_changes(self.authority.folder)
        if changes is None:
            return [w.paragraph("This copy of the site was built without the history of its content (for example "
                                "from a download without the repository's history), so the changes to this "
                                "authority's procedures cannot be listed here.")]
        if not changes:
            return [w.paragraph("No change to this authority's content has been recorded yet.")]
        intro = w.paragraph("Each change made to this authority's content on this site, newest first, with the "
                            "date it was made and what it was. The dates of the documents themselves are at the "
                            "foot of each page.")
        return [intro, w.table(["Date", "What changed"],
                               [[w.text(parse_when(c.day).words), w.text(c.summary)] for c in changes])]

    # --- disagreements ---------------------------------------------------------------------------
    def disagreements_page(self) -> list[Html]:
        w = self.w
        body = [w.paragraph("Where this authority's own documents say different things, the site shows both and says so. "
                            "It never silently picks one. Check with the conference chair or the social worker which applies.")]
        for d in self.authority.discrepancies:
            body += [w.heading(2, d["title"], d["id"]),
                     w.paragraph(w.em(w.text(d.get("type", "disagreement").capitalize() + ".")) + " " + w.text(d["note"]))]
            items = []
            for target in d["items"]:
                item = self.content.resolve(self.content.index[target].item)
                quote = item.get("text") or item.get("title") or ""
                items.append(w.item([Html('{}: "{}" — {}').format(self.link(target), w.text(quote), self.cite(item.get("source")))]))
            body.append(w.bullets(items))
        return body



def your_dates(audience: str, authority_id: str = "") -> Html:
    """Where your-dates.mjs shows the reader's own dates, once the calculator has remembered a conference."""
    return Html(macros(components.template_name("your-dates")).your_dates(audience, authority_id))

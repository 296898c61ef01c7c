"""Checklists to tick and print, generated from the content (never written by hand).

Everything in the content that someone *does* becomes a sheet: agenda prompts, the chair's
consultation with the social worker and pre-meeting with the family, quality standards as a chair's
self-check, each audience's before / during / after duties, the statements to read out, and the
deadlines. A sheet is built for every authority × conference type × audience × phase that has items,
so a new authority gets its checklists without any code change.

Sheets are first collected as plain data (`Sheet`, `Group`, `Item`) and only then rendered, so the
tests can check them without parsing HTML, and the version hash depends on exactly what is shown.

The page is written as HTML (html.py), like the authority pages: each item is a real
`<input type="checkbox">` with a `<label for>`, so screen readers name every box and the page is
a plain list without JavaScript; MkDocs checks every link and anchor. The page starts with an
empty `.cp-checklist` element that names the checklist (id, version) and holds the controls
checklist.mjs adds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..tasks import own_items
from ..content import Authority, Entry
from ..family import questions_data
from ..interface import interface_words
from ..vocabulary import OUTCOMES
from ..wording import fill
from ..deadlines.words import conditions_phrase as describe_conditions
from .html import Html
from .sections import nav_path
from .model import Page, SiteContext
from .render import AUDIENCE_NAMES, CONFERENCE_NAMES, PHASE_NAMES, actors_label, document_line
from . import components
from .templating import macros

CONFERENCE_TYPES = list(CONFERENCE_NAMES)
AUDIENCES = list(AUDIENCE_NAMES)
PHASES = list(PHASE_NAMES)
CHAIRS = "chairs"
PARENTS = "parents"
DIR = "checklists"
# Where each kind of sheet falls in a conference: the order of the navigation and of the conference pack.
STEPS = ["consultation", "pre-meeting", "before", "agenda", "statements", "during", "standards", "after", "deadlines"]

# Timescale kinds that mark an item as part of the chair's consultation with the social worker,
# or of the chair's pre-meeting with the family (shared vocabulary of schema/timescales.schema.json).
CONSULTATION_KINDS = {"chair-consultation", "consultation-held"}
PRE_MEETING_KINDS = {"family-pre-meeting"}
FAMILY_ACTORS = {"parents", "family", "child"}
SOCIAL_WORK_ACTORS = {"social-worker", "team-manager"}

# Where an item is explained: the name of the authority page it sits on, for the link text.
PAGE_NAMES = {"agenda": "Conference agenda", "standards": "Practice standards", "statements": "Statements",
              "timescales": "Timescales", "index": "Overview", "disagreements": "Where the sources disagree",
              **AUDIENCE_NAMES}


@dataclass
class Item:
    """One box to tick. `key` is unique within its sheet and never changes while the content's ids don't."""

    key: str
    target: str  # id of the item where it is explained (anchor on an authority page)
    text: str  # plain source text; escaped only when rendered
    meta: str = ""  # who / only if …, plain text
    deadline: str | None = None  # id of a timescale rule
    children: list["Item"] = field(default_factory=list)
    disagreement: str | None = None  # id of a recorded disagreement on this item's timing (shown with it)
    quotes: list[str] = field(default_factory=list)  # a family's box in plain words: ids of the source items behind it


@dataclass
class Group:
    title: str
    items: list[Item]
    target: str | None = None  # id of the container (agenda section, guide, statement) to link the heading to


@dataclass
class Sheet:
    key: str  # e.g. "chairs-before"; unique per authority and conference type
    kind: str  # one of STEPS: where the sheet falls in the conference
    title: str
    nav_title: str  # shorter, under the audience's section of the navigation
    audience: str
    phase: str | None  # None: the sheet spans the whole conference
    conference_type: str
    groups: list[Group]
    documents: list[str] = field(default_factory=list)  # ids of the source documents, first-cited first

    def items(self) -> Iterator[Item]:
        def walk(items):
            for item in items:
                yield item
                yield from walk(item.children)
        for group in self.groups:
            yield from walk(group.items)


@dataclass
class Checklist:
    """What one page holds: one sheet, or (the conference pack) several. Ticks are kept per checklist."""

    authority: Authority
    conference_type: str
    key: str
    title: str  # without the conference type and authority, which the page title adds
    nav_title: str
    sheets: list[Sheet]

    @property
    def audience(self) -> str:
        return self.sheets[0].audience

    @property
    def full_title(self) -> str:
        return f"{self.title} ({CONFERENCE_NAMES[self.conference_type]}) — {self.authority.short_name}"

    @property
    def id(self) -> str:
        return f"{self.authority.id}/{self.conference_type}/{self.key}"

    @property
    def src(self) -> str:
        return f"{self.authority.id}/{DIR}/{self.conference_type}/{self.key}.md"

    def box_id(self, sheet: Sheet, item: Item) -> str:
        return f"cl-{sheet.key}-{item.key}"

    @property
    def version(self) -> str:
        """Hash of the item ids and texts: a changed checklist gets a new version, so old ticks are dropped."""
        shown = [[self.box_id(s, i), i.text, i.meta, i.deadline or "", i.disagreement or ""] for s in self.sheets for i in s.items()]
        return hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode()).hexdigest()[:12]


# --- collecting the sheets from the content ---------------------------------------------------------

class SheetBuilder:
    """Builds the sheets of one authority for one conference type."""

    def __init__(self, ctx: SiteContext, authority: Authority, conference_type: str):
        self.ctx = ctx
        self.content = ctx.content
        self.authority = authority
        self.type = conference_type
        self.say = interface_words(ctx.content)["checklist_pages"]

    # applicability ------------------------------------------------------------------------------
    def applies(self, entry: Entry) -> bool:
        """True when the item and every container above it apply to this conference type."""
        chain = list(entry.ancestors) + [entry.item]
        if not all(self.type in d.get("conference_types", CONFERENCE_TYPES) for d in chain):
            return False
        if entry.item.get("ref"):
            return self.applies(self.content.index[entry.item["ref"]])
        return True

    def rule_kinds(self, item: dict) -> set[str]:
        """Kinds of the timescale rules an item names as its deadline or among its related items."""
        ids = ([item["deadline"]] if item.get("deadline") else []) + list(item.get("related", []))
        return {self.content.index[i].item["kind"] for i in ids if self.content.index[i].type == "rule"}

    # items --------------------------------------------------------------------------------------
    def item(self, listed: dict) -> Item | None:
        entry = self.content.index[listed["id"]]
        if not self.applies(entry):
            return None
        shown = self.content.resolve(listed)
        meta = []
        if shown.get("outcome"):
            meta.append(fill(self.say["only_if"], outcome=OUTCOMES[shown["outcome"]]))
        if shown.get("actors"):
            meta.append("Who: " + actors_label(shown["actors"]))
        children = [c for c in (self.item(child) for child in shown.get("items", [])) if c]
        return Item(key=listed["id"], target=shown["id"], text=shown.get("text") or shown.get("title", ""), meta=" · ".join(meta),
                    deadline=shown.get("deadline"), children=children,
                    disagreement=self.timing_disagreement(shown["id"], shown.get("deadline")))

    def timing_disagreement(self, *ids: str | None) -> str | None:
        """The first recorded disagreement between timing rules that one of these items is part of."""
        for item_id in filter(None, ids):
            for d_id in self.ctx.discrepancies_of.get(item_id, []):
                d = self.content.index[d_id].item
                rules = [i for i in d["items"] if self.content.index[i].type == "rule" and self.applies(self.content.index[i])]
                if d.get("type", "disagreement") == "disagreement" and len(rules) > 1:
                    return d_id
        return None

    def items(self, listed: Iterable[dict]) -> list[Item]:
        return [i for i in (self.item(x) for x in listed) if i]

    def rule_item(self, rule: dict) -> Item:
        when = self.ctx.rule_words[rule["id"]]
        if rule.get("conditions"):
            when += ", only if " + describe_conditions(rule["conditions"])
        return Item(key=rule["id"], target=rule["id"], text=f"{rule['label']}: {when}",
                    meta=("Who: " + actors_label(rule["responsible"])) if rule["responsible"] else "",
                    disagreement=self.timing_disagreement(rule["id"]))

    # sheets -------------------------------------------------------------------------------------
    def sheets(self) -> list[Sheet]:
        """Every sheet of this authority and conference type that has items, by audience, in conference order."""
        made = list(self.agenda_sheets()) + [self.consultation_sheet(), self.pre_meeting_sheet()]
        made += list(self.standards_sheets())
        made += [self.role_sheet(aud, phase) for aud in AUDIENCES for phase in PHASES]
        # A family gets its dates from the parents' calculator and its page for parents, and what it can
        # expect from its own checklist (family.yml), in plain words: not as the rule table's staff wording
        # ("Who: Safeguarding unit").
        made += [self.statements_sheet()] + [self.deadlines_sheet(aud) for aud in AUDIENCES if aud != PARENTS]
        kept = [self.with_documents(s) for s in made if any(g.items for g in s.groups)]
        return sorted(kept, key=lambda s: (AUDIENCES.index(s.audience), STEPS.index(s.kind)))

    def sheet(self, key: str, kind: str, title: str, audience: str, phase: str | None, groups: list[Group],
              nav_title: str | None = None) -> Sheet:
        """A sheet of the non-empty groups; an item listed twice (by two `ref:`s) is shown once, so box ids stay unique."""
        seen: set[str] = set()
        for group in groups:
            fresh = [i for i in group.items if i.key not in seen]
            seen.update(i.key for i in fresh)
            group.items = fresh
        return Sheet(key, kind, title, nav_title or title, audience, phase, self.type, [g for g in groups if g.items])

    def agenda_sheets(self) -> Iterator[Sheet]:
        for agenda in self.authority.agendas:
            if self.type not in agenda["conference_types"]:
                continue
            groups = [Group(f"{s['number']}. {s['title']}", self.items(s["prompts"]), s["id"])
                      for s in agenda["sections"] if self.applies(self.content.index[s["id"]])]
            yield self.sheet(f"agenda-{agenda['id']}", "agenda", fill(self.say["agenda"], agenda=agenda["title"]), CHAIRS, "during", groups)

    def chair_before_items(self) -> list[dict]:
        """Items of the chairs' 'before' guides, then standards and role items that name a relevant deadline."""
        listed = [i for g in self.authority.guides if g["audience"] == CHAIRS and g["phase"] == "before" for i in g["items"]]
        elsewhere = [e.item for e in self.content.entries(authority=self.authority.id)
                     if e.file in ("standards.yml", "roles.yml") and e.type not in ("guide", "standards-set")
                     and not e.item.get("ref")]
        return listed + elsewhere

    def _chair_meeting(self, key: str, title: str, kinds: set[str], actors_match) -> Sheet:
        picked, seen = [], set()
        guide_ids = {i["id"] for g in self.authority.guides if g["audience"] == CHAIRS and g["phase"] == "before" for i in g["items"]}
        for listed in self.chair_before_items():
            shown = self.content.resolve(listed)
            in_guide = listed["id"] in guide_ids
            match = bool(self.rule_kinds(shown) & kinds) or (in_guide and actors_match(set(shown.get("actors", []))))
            if match and shown["id"] not in seen:
                seen.add(shown["id"])
                picked.append(listed)
        return self.sheet(key, key, title, CHAIRS, "before", [Group("", self.items(picked))])

    def consultation_sheet(self) -> Sheet:
        return self._chair_meeting("consultation", self.say["consultation"], CONSULTATION_KINDS,
                                   lambda actors: bool(actors & SOCIAL_WORK_ACTORS) and not actors & FAMILY_ACTORS)

    def pre_meeting_sheet(self) -> Sheet:
        return self._chair_meeting("pre-meeting", self.say["pre_meeting"], PRE_MEETING_KINDS,
                                   lambda actors: "chair" in actors and bool(actors & FAMILY_ACTORS))

    def standards_sheets(self) -> Iterator[Sheet]:
        """Each standards set as a self-check for its audience (the chairs, unless the set says otherwise)."""
        for s in self.authority.standard_sets:
            groups = [Group(s["title"], self.items(s["standards"]), s["id"])]
            if s.get("guidance"):
                groups.append(Group(s.get("guidance_title") or "Practice guidance", self.items(s["guidance"])))
            yield self.sheet(f"standards-{s['id']}", "standards", f"Self-check: {s['title']}", s.get("audience", CHAIRS), None, groups)

    def role_sheet(self, audience: str, phase: str) -> Sheet:
        if audience == PARENTS and self.authority.data("family.yml").get("checklist"):
            return self.family_sheet(phase)
        guides = [g for g in self.authority.guides if g["audience"] == audience and g["phase"] == phase
                  and self.type in g.get("conference_types", CONFERENCE_TYPES)]
        # the chair's own tasks are on the chairs' sheets, not on another audience's (cpguide/tasks.py)
        groups = [Group(g["title"], self.items(own_items(self.content, g["items"], audience)), g["id"]) for g in guides]
        title = f"{AUDIENCE_NAMES[audience]}: {PHASE_NAMES[phase][0].lower()}{PHASE_NAMES[phase][1:]}"
        return self.sheet(f"{audience}-{phase}", phase, title, audience, phase, groups, nav_title=PHASE_NAMES[phase])

    def family_sheet(self, phase: str) -> Sheet:
        """The family's own checklist (family.yml): what a family does or can expect, in plain words, with
        what to bring and prepare first; never the staff procedures quoted in roles.yml."""
        labels = questions_data(self.content).get("labels", {})
        listed = [i for i in self.authority.data("family.yml")["checklist"]
                  if i["phase"] == phase and self.type in i.get("conference_types", CONFERENCE_TYPES)]
        box = lambda i: Item(key=i["key"], target=i["topic"], text=i["text"], quotes=list(i["grounded_in"]))  # noqa: E731
        groups = [Group(labels.get(f"checklist_{phase}", ""), [box(i) for i in listed if not i.get("bring")])]
        if phase == "before":
            groups.insert(0, Group(labels.get("checklist_bring", ""), [box(i) for i in listed if i.get("bring")]))
        title = f"{AUDIENCE_NAMES[PARENTS]}: {PHASE_NAMES[phase][0].lower()}{PHASE_NAMES[phase][1:]}"
        return self.sheet(f"{PARENTS}-{phase}", phase, title, PARENTS, phase, groups, nav_title=PHASE_NAMES[phase])

    def statements_sheet(self) -> Sheet:
        groups = [Group(st["title"], self.items(st["paragraphs"]), st["id"]) for st in self.authority.statements
                  if self.type in st.get("conference_types", CONFERENCE_TYPES)]
        return self.sheet("statements", "statements", self.say["statements"], CHAIRS, "during", groups)

    def deadlines_sheet(self, audience: str) -> Sheet:
        def rules(authority: Authority | None, direction: str) -> list[Item]:
            return [self.rule_item(r) for r in (authority.rules if authority else [])
                    if audience in r["audiences"] and self.type in r["conference_types"] and r["direction"] == direction]

        national = self.content.national
        groups = [Group(PHASE_NAMES[d], rules(self.authority, d)) for d in ("before", "after")]
        together: set[str] = set()  # rules the documents disagree on: one box, showing every timing
        for group in groups:
            group.items = [i for i in group.items if not i.disagreement or not (i.disagreement in together or together.add(i.disagreement))]
        if national and national is not self.authority:
            groups.append(Group(national.name, rules(national, "before") + rules(national, "after")))
        return self.sheet(f"deadlines-{audience}", "deadlines", fill(self.say["deadlines"], audience=AUDIENCE_NAMES[audience].lower()),
                          audience, None, groups, nav_title="Deadlines")

    def with_documents(self, sheet: Sheet) -> Sheet:
        sheet.documents = cited_documents(self.content, sheet)
        return sheet


def currency_words(c) -> str:
    """What a printed sheet must say about a document that may no longer be current (cpguide/currency.py)."""
    words = (["review overdue"] if c.overdue else []) + ([f"replaced by {c.superseded_by}"] if c.superseded_by else []) \
        + ([f"older than {c.predates['title']}, the national guidance in force"] if c.predates else [])
    return "".join(f" — {w}" for w in words)


def cited_documents(content, sheet: Sheet) -> list[str]:
    """Ids of the documents the sheet's items come from, first cited first (for the sheet header)."""
    docs: list[str] = []
    for item in sheet.items():
        for target in item.quotes or [item.target]:
            source = content.resolve(content.index[target].item).get("source")
            if source and source["document"] not in docs:
                docs.append(source["document"])
    return docs


def without_repeats(content, sheets: list[Sheet]) -> list[Sheet]:
    """The sheets with every item already shown on an earlier sheet left out (the pack prints each item once)."""
    seen: set[str] = set()
    kept = []
    for sheet in sheets:
        groups = []
        for group in sheet.groups:
            items = [i for i in group.items if i.target not in seen]
            seen.update(i.target for i in items)
            if items:
                groups.append(dataclasses.replace(group, items=items))
        if groups:
            kept.append(dataclasses.replace(sheet, groups=groups))
            kept[-1].documents = cited_documents(content, kept[-1])
    return kept


def checklists_of(ctx: SiteContext, authority: Authority) -> list[Checklist]:
    """All checklists of one authority: one per sheet, and per conference type a pack of the chair's sheets."""
    result = []
    for t in CONFERENCE_TYPES:
        sheets = SheetBuilder(ctx, authority, t).sheets()
        pack = without_repeats(ctx.content, [s for s in sheets if s.audience == CHAIRS])
        for sheet in sheets:
            if pack and sheet.key == pack[0].key:  # the pack comes first among the chair's checklists
                title = interface_words(ctx.content)["checklist_pages"]["pack_title"]
                result.append(Checklist(authority, t, "pack", title, "Conference pack", pack))
            result.append(Checklist(authority, t, sheet.key, sheet.title, sheet.nav_title, [sheet]))
    return result


# --- rendering ----------------------------------------------------------------------------------------

class ChecklistPage:
    """Writes one checklist as HTML (html.py); links are relative to its page."""

    def __init__(self, ctx: SiteContext, checklist: Checklist):
        self.ctx = ctx
        self.content = ctx.content
        self.cl = checklist
        self.w = ctx.writer(checklist.src)
        self.family = checklist.audience == PARENTS  # a family's checklist: plain words, quick exit, Listen
        self.say = interface_words(ctx.content)["checklist_pages"]
        self.labels = questions_data(ctx.content).get("labels", {}) if self.family else {}
        self.shown_disagreements: set[str] = set()  # in a pack, each disputed timing is shown in full once

    def page(self) -> Page:
        a, w = self.cl.authority, self.w
        title = self.cl.full_title
        several = len(self.cl.sheets) > 1 or self.cl.key == "pack"  # a pack is one, even of one sheet
        if self.family:
            intro = w.text(self.labels.get("checklist_intro", ""))
        else:
            intro = Html.filled(self.say["intro"], authority=w.a(w.text(a.name), f"{a.id}/index.md"))
        body = [w.heading(1, title), w.paragraph(intro, "cp-screen-only")]
        if several:
            body.append(w.paragraph(Html.filled(self.say["pack"], sheets=Html(", ").join(w.text(s.title) for s in self.cl.sheets)),
                                    "cp-screen-only"))
        words = interface_words(self.content)
        if several:  # the reader's own dates, once saved in the calculator: at the top of the first page
            body.append(Html(macros(components.template_name("your-dates")).your_dates(CHAIRS, a.id, conference=self.cl.conference_type)))
        body.append(w.checklist_mount(self.cl.id, self.cl.version, {**words["checklist"], "forget": words["store"]["forget"]}))
        if several:  # a pack: one header, every recorded point, then its sheets
            body.append(self.header(self.cl.title, self.cl.sheets))
            body += self.points(self.cl.sheets)
        for sheet in self.cl.sheets:
            body += self.sheet(sheet, heading_level=2 if several else 0)
        nav = nav_path(a) + ("Checklists", CONFERENCE_NAMES[self.cl.conference_type], AUDIENCE_NAMES[self.cl.audience])
        # Sheets repeat items kept on the role and agenda pages: keep them out of the search index,
        # which every reader who searches downloads whole. The full title names the tab.
        meta = {"title": title, "search": {"exclude": True}}
        if self.family:
            meta["family"] = True  # quick exit and Listen (components/exit-and-listen)
        html = w.body(body, meta)
        return Page(self.cl.src, title, "", nav, nav_title=self.cl.nav_title, html=html)

    def sheet(self, sheet: Sheet, heading_level: int) -> list[Html]:
        w = self.w
        lines = []
        if heading_level:  # a section of a pack, under the pack's one header
            lines.append(w.heading(heading_level, sheet.title, css="cp-sheet-title"))
        else:
            lines.append(self.header(sheet.title, [sheet]))
        group_level = (heading_level or 1) + 1
        for group in sheet.groups:
            if group.title:
                lines.append(w.heading(group_level, group.title))
            if group.target:
                lines.append(w.paragraph(self.explained(group.target)))
            lines.append(self.item_list(sheet, group.items))
        return lines

    def header(self, title: str, sheets: list[Sheet]) -> Html:
        """Title, authority, conference, audience, sources and site version: what a printed sheet (or
        the whole pack, once) needs to be read on its own. checklist.css finds it right after the
        checklist marker."""
        w, a, first = self.w, self.cl.authority, sheets[0]
        docs = []
        for doc_id in dict.fromkeys(d for sheet in sheets for d in sheet.documents):
            _, doc = self.content.documents[doc_id]
            docs.append(document_line(doc) + currency_words(self.ctx.currency[doc_id]))
        phase = f", {PHASE_NAMES[first.phase].lower()}" if first.phase and len(sheets) == 1 else ""
        rows = [("Checklist", title), ("Authority", a.name),
                ("Conference", CONFERENCE_NAMES[first.conference_type]),
                ("For", AUDIENCE_NAMES[first.audience] + phase),
                ("Sources", "; ".join(docs) or "none"), ("Site version", self.ctx.version)]
        # The last rows are room to write the date and notes, on paper only (checklist.css hides them on screen).
        # Document titles are citations, shown as the small print of citations elsewhere (cp-meta).
        cell = lambda key, value: w.small_print(w.text(value), "cp-meta") if key == "Sources" else w.text(value)  # noqa: E731
        return w.definitions([(w.text(key), cell(key, value), "") for key, value in rows]
                             + [(interface_words(self.content)["checklist"]["conference_date"], w.writing_line(), "cp-print-only"),
                                ("Notes", w.writing_box(), "cp-print-only")])

    def points(self, sheets: list[Sheet]) -> list[Html]:
        """Every discrepancy (anomaly or disagreement) the content records about a document the pack
        uses, once each, with where the site explains it."""
        w, a = self.w, self.cl.authority
        documents = {d for sheet in sheets for d in sheet.documents}
        found = [d for d in a.discrepancies if documents & self.documents_of(d["items"])]
        if not found or not self.say.get("points_title"):
            return []
        lines = [w.item([Html.filled(self.say["point"], title=w.strong(w.text(d["title"])), note=w.text(d["note"]))
                         + " " + w.a(w.text(self.say["point_link"]), f"{a.id}/disagreements.md", d["id"])], f"point-{d['id']}")
                 for d in found]
        return [w.heading(2, self.say["points_title"], "points-to-check"), w.paragraph(w.text(self.say["points_intro"])),
                w.bullets(lines)]

    def documents_of(self, ids: list[str]) -> set[str]:
        """The source documents of these items (their own source, or the nearest container's)."""
        out = set()
        for item_id in ids:
            entry = self.content.index[item_id]
            source = next((x.get("source") for x in (self.content.resolve(entry.item), *reversed(entry.ancestors)) if x.get("source")), None)
            if source:
                out.add(source["document"])
        return out

    def disagreement(self, d_id: str) -> Html:
        """Every timing the documents give for this item, together, each with its source, and which is safe."""
        d = self.content.index[d_id].item
        timings = []
        for rule_id in d["items"]:
            if self.content.index[rule_id].type != "rule":
                continue
            rule = self.content.index[rule_id].item
            _, doc = self.content.documents[rule["source"]["document"]]
            timings.append((rule["label"], self.ctx.rule_words[rule_id], f"{doc['title']}, {rule['source']['section']}"))
        return Html(macros(components.template_name("checklist")).disagreement(self.say["disagree_first"], self.say["disagree_safe"],
                                                                          d["title"], timings))

    def explained(self, target: str) -> Html:
        """Link to where the site explains an item, named by the page it is on."""
        page = self.ctx.page_of(self.content.index[target])
        if self.family and self.labels.get("checklist_explained"):
            return self.w.a(self.w.text(self.labels["checklist_explained"]), page, target, css="cp-explained")
        name = PAGE_NAMES.get(page.rsplit("/", 1)[-1].removesuffix(".md"), "the authority's pages")
        return self.w.a("Explained in: " + self.w.text(name), page, target, css="cp-explained")

    def quotes(self, ids: list[str]) -> Html:
        """The source wording behind a family's box, collapsed and marked as quotation."""
        w, inner = self.w, []
        for item_id in ids:
            item = self.content.resolve(self.content.index[item_id].item)
            _, doc = self.content.documents[item["source"]["document"]]
            inner.append(w.blockquote(w.text(item.get("text") or item.get("title") or "")))
            inner.append(w.paragraph(Html.filled(self.say["source"], document=w.text(doc["title"]),
                                                                          section=w.text(item["source"]["section"])), "cp-meta"))
        summary = questions_data(self.content).get("labels", {}).get("quotes", "")
        return w.details("quote", w.text(summary), inner)

    def item_list(self, sheet: Sheet, items: list[Item]) -> Html:
        return self.w.bullets([self.item_line(sheet, item) for item in items])

    def item_line(self, sheet: Sheet, item: Item) -> Html:
        """A real checkbox with its label (screen readers name every box; clicking the text ticks it),
        then who, where it is explained and the deadline as small print (checklist.css puts it on a
        line of its own)."""
        w = self.w
        box = self.cl.box_id(sheet, item)
        extras = [self.explained(item.target)]
        if item.deadline:
            rule = self.content.index[item.deadline].item
            extras.append(w.a(Html.filled(self.say["deadline"], label=w.text(rule["label"]), words=w.text(self.ctx.rule_words[item.deadline])),
                              self.ctx.page_of(self.content.index[item.deadline]), item.deadline, css="cp-deadline"))
        if item.meta:
            extras.insert(0, w.small_print(w.text(item.meta), "cp-who"))
        if item.disagreement and item.disagreement in self.shown_disagreements and len(self.cl.sheets) > 1:
            d = self.content.index[item.disagreement].item
            extras.append(w.small_print(w.a(Html.filled(self.say["disagree_again"], title=w.text(d["title"])), self.cl.src,
                                            f"point-{item.disagreement}"), "cp-disagree-timings"))
        elif item.disagreement:
            self.shown_disagreements.add(item.disagreement)
            extras.append(self.disagreement(item.disagreement))
        if item.quotes:
            extras.append(self.quotes(item.quotes))
        children = self.item_list(sheet, item.children) if item.children else ""
        label = w.text(item.text)
        if self.family and not item.quotes:  # a family's sheet quoting the council's own words (roles.yml): say so
            label = w.quoted(label)
        return w.checkbox_item(box, label, extras, children)


def items_count(checklist: Checklist) -> str:
    count = sum(1 for _ in checklist.sheets[0].items())
    return f"{count} item{'' if count == 1 else 's'}"


def index_page(ctx: SiteContext, authority: Authority, checklists: list[Checklist]) -> Page:
    src = f"{authority.id}/{DIR}/index.md"
    w = ctx.writer(src)
    say = interface_words(ctx.content)["checklist_pages"]
    title = fill(say["index_title"], authority=authority.short_name)
    body = [w.heading(1, title),
            w.paragraph(Html.filled(say["index_intro"], authority=w.a(w.text(authority.name), f"{authority.id}/index.md")))]
    for t in CONFERENCE_TYPES:
        of_type = [c for c in checklists if c.conference_type == t]
        if not of_type:
            continue
        body.append(w.heading(2, CONFERENCE_NAMES[t]))
        pack = [c for c in of_type if c.key == "pack"]
        if pack:
            body.append(w.bullets([w.item([w.strong(w.a(w.text(pack[0].title), pack[0].src))
                                           + ": every sheet for the chair on one printable page"])]))
        for audience in AUDIENCES:
            mine = [c for c in of_type if c.key != "pack" and c.sheets[0].audience == audience]
            if mine:
                body.append(w.heading(3, AUDIENCE_NAMES[audience]))
                body.append(w.bullets([w.item([Html("{} ({})").format(w.a(w.text(c.title), c.src), items_count(c))]) for c in mine]))
    return Page(src, title, "", nav_path(authority) + ("Checklists",), nav_title="Checklists", html=w.body(body, {"title": title}))


def generate(ctx: SiteContext) -> Iterator[Page]:
    for authority in ctx.content.local_authorities:
        checklists = checklists_of(ctx, authority)
        if not checklists:
            continue
        yield index_page(ctx, authority, checklists)
        for checklist in checklists:
            yield ChecklistPage(ctx, checklist).page()

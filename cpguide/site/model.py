"""What generators produce, and the context they share (content, link helpers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..content import Content, Entry
from ..deadlines.calendar import today
from ..deadlines.engine import words_by_rule
from . import routes
from .html import Abbreviations, HtmlBody, HtmlWriter, title_html
from .relations import build_relations


@dataclass
class Page:
    src_uri: str  # e.g. "west-berkshire/agenda.md"
    title: str
    markdown: str  # the page as Markdown, or "" when it is written as HTML (`html`)
    nav: tuple[str, ...] = ()  # navigation sections above the page, e.g. ("Authorities", "South East", "West Berkshire")
    nav_title: str | None = None  # shorter title for the navigation, when the page title repeats its section
    html: HtmlBody | None = None  # the page written as HTML blocks (html.py, blocks.py), for MkDocs to take as it is

    @property
    def written(self) -> str:
        """The page as it was written: its HTML, or its Markdown."""
        return self.html.html if self.html is not None else self.markdown


@dataclass
class Asset:
    src_uri: str  # e.g. "data/authorities/west-berkshire.json"
    content: str | bytes


@dataclass
class SiteBuild:
    pages: list[Page] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    nav: list = field(default_factory=list)
    version: str = "dev"
    abbreviations: dict[str, str] = field(default_factory=dict)  # abbreviation: what it stands for (tooltips)


# Where each type of item is shown: page name under the authority's folder.
PAGE_OF_TYPE = {
    "standards-set": "standards", "standard": "standards", "guidance": "standards",
    "agenda": "agenda", "agenda-section": "agenda", "prompt": "agenda",
    "statement": "statements", "paragraph": "statements",
    "rule": "timescales", "discrepancy": "disagreements", "contact": "index", "fact": "index",
}


class SiteContext:
    def __init__(self, content: Content, version: str = "dev", build_date: date | None = None, links: str = "urls"):
        self.url_of = routes.linker(links)  # how the pages written as HTML link (routes.LINK_STYLES)
        self.content = content
        self.version = version
        self.build_date = build_date or today()  # CPGUIDE_TODAY fixes it (tests, reproducible builds)
        self.related, self.discrepancies_of = build_relations(content)

    @cached_property
    def item_ids(self) -> frozenset[str]:
        """Every item id: a heading's id made from its text never takes one (cpguide/site/html.py)."""
        return frozenset(self.content.index)

    @cached_property
    def rule_words(self) -> dict[str, str]:
        """Each rule in the calculator's own words, by rule id: worked out once per build."""
        return words_by_rule(self.content)

    @cached_property
    def currency(self) -> dict:
        """Document id -> how current it is on the build date (cpguide/currency.py), once per build."""
        from ..currency import of_authority

        return {c.document["id"]: c for a in self.content.authorities.values()
                for c in of_authority(self.content, a, self.build_date)}

    @cached_property
    def abbreviation_titles(self) -> dict[str, str]:
        """{"ICPC": "Initial Child Protection Conference", …}: the tooltips of every page, worked out once per
        build (the abbr extension's glossary on Markdown pages, html.Abbreviations on the others)."""
        return {t["abbreviation"]: " ".join(t["term"].split())
                for t in sorted(self.content.terms, key=lambda t: t["id"]) if t.get("abbreviation")}

    @cached_property
    def abbreviations(self) -> Abbreviations:
        """The tooltips, for the pages written as HTML."""
        return Abbreviations(self.abbreviation_titles)

    def writer(self, src: str) -> HtmlWriter:
        """Helpers for writing the page `src` as HTML."""
        return HtmlWriter(src, self.url_of, self.abbreviations, self.item_ids)

    # --- where things live -------------------------------------------------------------------
    def authority_dir(self, authority_id: str) -> str:
        return authority_id

    def page_of(self, entry: Entry) -> str:
        """src_uri of the page that shows an item (its anchor is the item id)."""
        if entry.type == "term":
            return "glossary.md"
        if entry.type == "family-topic":
            return f"{self.authority_dir(entry.authority)}/parents.md"
        if entry.type == "guide" or (entry.file == "roles.yml"):
            guide = entry.item if entry.type == "guide" else entry.ancestors[0]
            return f"{self.authority_dir(entry.authority)}/{guide['audience']}.md"
        if entry.type == "point":
            top = entry.ancestors[0] if entry.ancestors else entry.item
            top_entry = self.content.index[top["id"]]
            return self.page_of(top_entry)
        name = PAGE_OF_TYPE.get(entry.type, "index")
        return f"{self.authority_dir(entry.authority)}/{name}.md"

    def href(self, from_page: str, item_id: str) -> str:
        """Relative Markdown link from one page to an item's anchor (MkDocs checks it)."""
        entry = self.content.index[item_id]
        return f"{self.rel(from_page, self.page_of(entry))}#{item_id}"

    # Links between pages: the routing module's (source path -> URL, in one place).
    rel = staticmethod(routes.source_link)
    url = staticmethod(routes.relative_url)

    # --- navigation ----------------------------------------------------------------------------
    def nav_tree(self, pages: list[Page]) -> list:
        """MkDocs nav structure from each page's `nav` path, keeping first-seen order. Its titles are
        HTML (Material puts them into pages as they are): source text escaped, on one line."""
        tree: list = []
        for page in pages:
            level = tree
            for section in map(title_html, page.nav):
                existing = next((d for d in level if isinstance(d, dict) and section in d), None)
                if existing is None:
                    existing = {section: []}
                    level.append(existing)
                level = existing[section]
            level.append({title_html(page.nav_title or page.title): page.src_uri})
        return tree


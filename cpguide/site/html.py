"""Pages written as HTML, straight from the content: the authority pages and the checklists.

These pages are most of the site (nine in ten of its characters). Written as Markdown, every one of
them went through Python-Markdown in the build: block and inline parsing of text whose structure
the generator already knew, link resolution and tooltips, which made the site about 1.4 times as
slow to build as bare Material with the same text (benchmarks/scale.py). Written here as the HTML
Python-Markdown and Material would have produced, they skip that step; what MkDocs still needs
from them is handed over as data:

- the table of contents (`toc`: level, id, title of each heading),
- the ids on the page (`anchors`), so MkDocs checks links *to* the page,
- the links *from* the page (`links`: page and anchor), so MkDocs checks them as it checks
  Markdown links in a strict build.

The markup itself is in templates/theme.html (Jinja2 macros, autoescaped): this module only decides
what goes where. Text is always escaped; the glossary's abbreviations get their tooltips
(`<abbr title>`) here, as the abbr extension gives them on Markdown pages.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify, unique

from .templating import Markup, macros

THEME = macros("theme.html")


@dataclass
class HtmlBody:
    """A page's finished content and what MkDocs needs to know about it."""

    html: str
    toc: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, title as HTML)
    anchors: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (src_uri of the page linked to, anchor or "")
    meta: dict = field(default_factory=dict)  # as a page's front matter: title, search exclusion


class Abbreviations:
    """Gives the glossary's abbreviations tooltips in text, as the abbr extension does (whole words
    only: "ICPC" gets one, "ICPCs" does not). Matched in the text as written, before it is escaped,
    so an abbreviation such as "amp" is never found inside markup or an entity ("&amp;")."""

    def __init__(self, titles: dict[str, str]):
        self.titles = dict(titles)
        words = sorted(self.titles, key=len, reverse=True)
        self.pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b") if words else None
        self.cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        """Text as HTML (a plain str): escaped as Python-Markdown escapes text, with tooltips."""
        done = self.cache.get(text)
        if done is None:
            done = _escape(text) if self.pattern is None else self._marked(text)
            self.cache[text] = done
        return done

    def _marked(self, text: str) -> str:
        parts, at = [], 0
        for m in self.pattern.finditer(text):
            parts += [_escape(text[at:m.start()]), str(THEME.abbr(m[1], self.titles[m[1]]))]
            at = m.end()
        parts.append(_escape(text[at:]))
        return "".join(parts)


class HtmlWriter:
    """Helpers for writing one page; `url_of(from_src, to_src)` makes links relative to it.

    The markup comes from the macros of templates/theme.html. Arguments called `label`, `inner`,
    `title`... are HTML already (what `text()` and the other helpers return, or strings made from
    them); source text goes through `text()` first."""

    def __init__(self, src: str, url_of, abbreviations: Abbreviations):
        self.src = src
        self.url_of = url_of
        self.abbr = abbreviations
        self.toc: list[tuple[int, str, str]] = []
        self.anchors: set[str] = set()
        self.links: list[tuple[str, str]] = []

    # --- inline -----------------------------------------------------------------------------------
    def text(self, text: str) -> str:
        """Source text as HTML: escaped, with abbreviation tooltips; it shows exactly as written."""
        return self.abbr(text.strip())

    def href(self, to_src: str, anchor: str = "", query: str = "") -> str:
        """Relative URL of a page (a src_uri such as "x/timescales.md") or file; MkDocs checks it.
        Not escaped: the templates escape it where they put it."""
        self.links.append((to_src, anchor))
        url = "" if to_src == self.src and anchor else self.url_of(self.src, to_src)
        return url + query + (f"#{anchor}" if anchor else "")

    def a(self, label: str, to_src: str, anchor: str = "", css: str = "", query: str = "") -> str:
        """A link; `label` is HTML already (use `text()` for source text)."""
        return str(THEME.link(Markup(label), self.href(to_src, anchor, query), css))

    def external(self, label: str, url: str) -> str:
        return str(THEME.link(Markup(label), url))

    @staticmethod
    def small_print(inner: str, css: str, strong: bool = False, searchable: bool = True) -> str:
        """HTML shown as small print; `searchable=False` keeps it out of Material's search index
        (the same citation under every item would otherwise match every search for its words)."""
        return str(THEME.small_print(Markup(inner), css, strong, searchable))

    @staticmethod
    def strong(inner: str, css: str = "") -> str:
        return str(THEME.strong(Markup(inner), css))

    @staticmethod
    def em(inner: str, css: str = "") -> str:
        return str(THEME.em(Markup(inner), css))

    @staticmethod
    def code(text: str) -> str:
        """Source text (a file name) as code: escaped."""
        return str(THEME.code(text))

    @staticmethod
    def writing_line() -> str:
        return str(THEME.writing_line())

    @staticmethod
    def writing_box() -> str:
        return str(THEME.writing_box())

    @staticmethod
    def checklist_mount(checklist_id: str, version: str) -> str:
        return str(THEME.checklist_mount(checklist_id, version))

    # --- blocks -----------------------------------------------------------------------------------
    def heading(self, level: int, inner: str, anchor: str | None = None, css: str = "") -> str:
        """A heading with a permanent link, in the table of contents; without an id of its own it
        gets one from its text, as Python-Markdown's toc extension would."""
        name = _strip_tags(inner)
        anchor = anchor or unique(slugify(html.unescape(name), "-"), self.anchors)
        self.anchors.add(anchor)
        self.toc.append((level, anchor, name))
        return str(THEME.heading(level, Markup(inner), anchor, css))

    def anchor(self, anchor: str) -> str:
        """An id for an element other than a heading, recorded so links to it are checked."""
        self.anchors.add(anchor)
        return anchor

    @staticmethod
    def paragraph(inner: str, css: str = "") -> str:
        return str(THEME.paragraph(Markup(inner), css))

    @staticmethod
    def lines(parts: list[str]) -> str:
        """HTML parts shown one under another (a hard line break between them)."""
        return str(THEME.lines([Markup(p) for p in parts]))

    def item(self, lines: list[str], anchor: str | None = None, children: str = "") -> str:
        """A list item: its lines (HTML), one under another, then any nested list."""
        return str(THEME.item([Markup(x) for x in lines], self.anchor(anchor) if anchor else "", Markup(children)))

    @staticmethod
    def bullets(items: list[str]) -> str:
        return str(THEME.bullets([Markup(i) for i in items]))

    @staticmethod
    def admonition(kind: str, title: str, paragraphs: list[str]) -> str:
        """Material's admonition (`!!! note "Title"`); title and paragraphs are HTML."""
        return str(THEME.admonition(kind, Markup(title), [Markup(p) for p in paragraphs]))

    @staticmethod
    def details(kind: str, summary: str, inner: list[str]) -> str:
        """A collapsed block (`??? quote "Summary"`), open to read without JavaScript."""
        return str(THEME.details(kind, Markup(summary), [Markup(i) for i in inner]))

    @staticmethod
    def blockquote(inner: str) -> str:
        return str(THEME.blockquote(Markup(inner)))

    @staticmethod
    def table(head: list[str], rows: list[list[str]]) -> str:
        return str(THEME.table([Markup(h) for h in head], [[Markup(c) for c in row] for row in rows]))

    @staticmethod
    def definitions(rows: list[tuple[str, str, str]]) -> str:
        """A definition list of (term, definition, the term's class or "") rows, all HTML."""
        return str(THEME.definitions([(Markup(t), Markup(d), css) for t, d, css in rows]))

    def checkbox_item(self, box: str, label: str, extras: list[str], children: str = "") -> str:
        """A checklist item: a real checkbox (id `box`, kept by the page script) named by its label."""
        return str(THEME.checkbox_item(box, Markup(label), [Markup(e) for e in extras], Markup(children)))

    @staticmethod
    def tabs(set_number: int, tabs: list[tuple[str, str]]) -> str:
        """pymdownx.tabbed's content tabs (alternate style): (label HTML, content HTML) each; every tab
        set on a page needs its own number."""
        return str(THEME.tabs(set_number, [(Markup(label), Markup(inner)) for label, inner in tabs]))

    # --- the page ---------------------------------------------------------------------------------
    def body(self, parts: list[str], meta: dict | None = None) -> HtmlBody:
        meta = dict(meta or {})
        if "title" in meta:  # Material puts the title into <title> and the header as HTML
            meta["title"] = title_html(meta["title"])
        return HtmlBody("\n".join(p for p in parts if p) + "\n", self.toc, self.anchors, self.links, meta)


def title_html(text: str) -> str:
    """A title as MkDocs and Material take it (HTML, on one line): source text escaped, whitespace
    runs one space, so "&lt;" shows as written in the navigation, the header and <title>."""
    return _escape(" ".join(text.split()))


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


_TAG = re.compile(r"<[^>]*>")


def _strip_tags(markup: str) -> str:
    return _TAG.sub("", markup)

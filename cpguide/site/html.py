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

Text is always escaped; the glossary's abbreviations get their tooltips (`<abbr title>`) here,
as the abbr extension gives them on Markdown pages.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify, unique


@dataclass
class HtmlBody:
    """A page's finished content and what MkDocs needs to know about it."""

    html: str
    toc: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, title as HTML)
    anchors: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (src_uri of the page linked to, anchor or "")
    meta: dict = field(default_factory=dict)  # as a page's front matter: title, search exclusion


class Abbreviations:
    """Wraps the glossary's abbreviations in escaped text with tooltips, as the abbr extension does
    (whole words only: "ICPC" gets one, "ICPCs" does not)."""

    def __init__(self, titles: dict[str, str]):
        self.titles = {html.escape(k, quote=False): html.escape(v, quote=True) for k, v in titles.items()}
        words = sorted(self.titles, key=len, reverse=True)
        self.pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b") if words else None
        self.cache: dict[str, str] = {}

    def __call__(self, escaped: str) -> str:
        if self.pattern is None:
            return escaped
        done = self.cache.get(escaped)
        if done is None:
            done = self.pattern.sub(lambda m: f'<abbr title="{self.titles[m[1]]}">{m[1]}</abbr>', escaped)
            self.cache[escaped] = done
        return done


class HtmlWriter:
    """Helpers for writing one page; `url_of(from_src, to_src)` makes links relative to it."""

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
        return self.abbr(html.escape(text.strip(), quote=False))

    def href(self, to_src: str, anchor: str = "", query: str = "") -> str:
        """Relative URL of a page (a src_uri such as "x/timescales.md") or file; MkDocs checks it."""
        self.links.append((to_src, anchor))
        url = "" if to_src == self.src and anchor else self.url_of(self.src, to_src)
        return html.escape(url + query + (f"#{anchor}" if anchor else ""), quote=True)

    def a(self, label: str, to_src: str, anchor: str = "", css: str = "", query: str = "") -> str:
        """A link; `label` is HTML already (use `text()` for source text)."""
        cls = f' class="{css}"' if css else ""
        return f'<a{cls} href="{self.href(to_src, anchor, query)}">{label}</a>'

    def external(self, label: str, url: str) -> str:
        return f'<a href="{html.escape(url, quote=True)}">{label}</a>'

    @staticmethod
    def small_print(inner: str, css: str, strong: bool = False, searchable: bool = True) -> str:
        """HTML shown as small print; `searchable=False` keeps it out of Material's search index
        (the same citation under every item would otherwise match every search for its words)."""
        tag = "strong" if strong else "em"
        return f'<{tag} class="{css}"{"" if searchable else " data-search-exclude"}>{inner}</{tag}>'

    # --- blocks -----------------------------------------------------------------------------------
    def heading(self, level: int, inner: str, anchor: str | None = None, css: str = "") -> str:
        """A heading with a permanent link, in the table of contents; without an id of its own it
        gets one from its text, as Python-Markdown's toc extension would."""
        name = _strip_tags(inner)
        anchor = anchor or unique(slugify(html.unescape(name), "-"), self.anchors)
        self.anchors.add(anchor)
        self.toc.append((level, anchor, name))
        cls = f' class="{css}"' if css else ""
        return (f'<h{level}{cls} id="{anchor}">{inner}'
                f'<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a></h{level}>')

    def anchor(self, anchor: str) -> str:
        """An id for an element other than a heading, recorded so links to it are checked."""
        self.anchors.add(anchor)
        return anchor

    @staticmethod
    def paragraph(inner: str, css: str = "") -> str:
        return f'<p class="{css}">{inner}</p>' if css else f"<p>{inner}</p>"

    def item(self, lines: list[str], anchor: str | None = None, children: str = "") -> str:
        """A list item: its lines (HTML), one under another, then any nested list."""
        attrs = f' id="{self.anchor(anchor)}"' if anchor else ""
        return f"<li{attrs}>" + "<br />\n".join(lines) + (f"\n{children}\n" if children else "") + "</li>"

    @staticmethod
    def bullets(items: list[str]) -> str:
        return "<ul>\n" + "\n".join(items) + "\n</ul>" if items else ""

    @staticmethod
    def admonition(kind: str, title: str, paragraphs: list[str]) -> str:
        """Material's admonition (`!!! note "Title"`); title and paragraphs are HTML."""
        return (f'<div class="admonition {kind}">\n<p class="admonition-title">{title}</p>\n'
                + "\n".join(f"<p>{p}</p>" for p in paragraphs) + "\n</div>")

    @staticmethod
    def details(kind: str, summary: str, inner: list[str]) -> str:
        """A collapsed block (`??? quote "Summary"`), open to read without JavaScript."""
        return f'<details class="{kind}">\n<summary>{summary}</summary>\n' + "\n".join(inner) + "\n</details>"

    @staticmethod
    def blockquote(inner: str) -> str:
        return f"<blockquote>\n<p>{inner}</p>\n</blockquote>"

    @staticmethod
    def table(head: list[str], rows: list[list[str]]) -> str:
        th = "".join(f"<th>{h}</th>" for h in head)
        body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table>\n<thead>\n<tr>{th}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"

    @staticmethod
    def definitions(rows: list[tuple[str, str, str]]) -> str:
        """A definition list of (term, definition, the term's class or "") rows, all HTML."""
        terms = [(f'<dt class="{css}">' if css else "<dt>") + f"{t}</dt>\n<dd>{d}</dd>" for t, d, css in rows]
        return "<dl>\n" + "\n".join(terms) + "\n</dl>"

    def tabs(self, set_number: int, tabs: list[tuple[str, str]]) -> str:
        """pymdownx.tabbed's content tabs (alternate style): (label HTML, content HTML) each; every tab
        set on a page needs its own number."""
        checked = 'checked="checked" '
        inputs = "".join(f'<input {checked if i == 1 else ""}id="__tabbed_{set_number}_{i}" '
                         f'name="__tabbed_{set_number}" type="radio" />' for i in range(1, len(tabs) + 1))
        labels = "".join(f'<label for="__tabbed_{set_number}_{i}">{label}</label>' for i, (label, _) in enumerate(tabs, 1))
        blocks = "\n".join(f'<div class="tabbed-block">\n{inner}\n</div>' for _, inner in tabs)
        return (f'<div class="tabbed-set tabbed-alternate" data-tabs="{set_number}:{len(tabs)}">{inputs}'
                f'<div class="tabbed-labels">{labels}</div>\n<div class="tabbed-content">\n{blocks}\n</div>\n</div>')

    # --- the page ---------------------------------------------------------------------------------
    def body(self, parts: list[str], meta: dict | None = None) -> HtmlBody:
        return HtmlBody("\n".join(p for p in parts if p) + "\n", self.toc, self.anchors, self.links, meta or {})


_TAG = re.compile(r"<[^>]*>")


def _strip_tags(markup: str) -> str:
    return _TAG.sub("", markup)

"""Pages written as HTML, straight from the content: the authority pages and the checklists.

These pages are most of the site (nine in ten of its characters). Written as Markdown, every one of
them went through Python-Markdown in the build: block and inline parsing of text whose structure
the generator already knew, link resolution and tooltips, which made the site about 1.4 times as
slow to build as bare Material with the same text (benchmarks/scale.py). Written here as the HTML
Python-Markdown and Material would have produced, they skip that step; what MkDocs still needs
from them is handed over as data:

- the table of contents (`toc`: level, id, title of each heading, from the page's heading blocks),
- the ids on the page (`anchors`), so MkDocs checks links *to* the page,
- the links *from* the page (`links`: page and anchor), so MkDocs checks them as it checks
  Markdown links in a strict build.

The markup itself is in templates/theme.html (Jinja2 macros, autoescaped): this module only decides
what goes where. A page is kept as the blocks it is written in (blocks.py): its headings, and the
collapsed blocks around headings, keep what they are made of, so that `cpguide generate` writes the
same page as Markdown without reading its HTML back. Text is always escaped; the glossary's abbreviations get their tooltips
(`<abbr title>`) here, as the abbr extension gives them on Markdown pages.
"""

from __future__ import annotations

import re
from functools import partial

from markdown.extensions.toc import slugify

from .blocks import Container, Heading, HtmlBody, blocks_of, headings
from .markup import Html, esc, escape_text as _escape, raw as _new
from . import components
from .templating import Markup, macros

THEME = macros("theme.html")
CHECKLIST = macros(components.template_name("checklist"))  # components/checklist


# A phone number or e-mail address as a reader sees it in the text: each becomes a tap-to-call (tel:) or
# mailto: link, so that no one copies one by hand from a phone screen. UK numbers of 10 or 11 digits
# (01635 519787, 0808 800 5000, +44 …) and 999 after "call"; the contact is never written by hand in YAML.
CONTACT = re.compile(r"(?P<email>\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b)"
                     r"|(?P<phone>(?<![\w/.-])(?:\+44\s?|0)\d{2,4}(?:[ -]?\d{2,4}){1,3}(?![\w/-]))"
                     r"|(?<=\bcall )(?P<emergency>999)\b", re.IGNORECASE)


def contact_href(m: re.Match) -> str | None:
    """tel: or mailto: for a match of CONTACT; None for digits that are not a UK phone number."""
    if m["email"]:
        return "mailto:" + m["email"]
    digits = re.sub(r"\D", "", m["phone"] or m["emergency"])
    if m["emergency"]:
        return "tel:" + digits
    digits = "0" + digits[2:] if digits.startswith("44") else digits
    return "tel:" + digits if len(digits) in (10, 11) else None


class Abbreviations:
    """Gives the glossary's abbreviations tooltips in text, as the abbr extension does (whole words
    only: "ICPC" gets one, "ICPCs" does not), and makes each phone number and e-mail address a link
    (CONTACT). Matched in the text as written, before it is escaped, so an abbreviation such as "amp"
    is never found inside markup or an entity ("&amp;")."""

    def __init__(self, titles: dict[str, str]):
        self.titles = dict(titles)
        words = sorted(self.titles, key=len, reverse=True)
        self.pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b") if words else None
        self.cache: dict[str, Html] = {}
        self.contact_links: dict[str, Html] = {}  # each contact link made, and its text alone

    def __call__(self, text: str) -> Html:
        """Text as HTML: escaped as Python-Markdown escapes text, with tooltips and contact links."""
        done = self.cache.get(text)
        if done is None:
            done = self._contacts(text) if ("@" in text or any(c.isdigit() for c in text)) else self._words(text)
            self.cache[text] = done
        return done

    def _words(self, text: str) -> Html:
        return esc(text) if self.pattern is None else self._marked(text)

    def _contacts(self, text: str) -> Html:
        parts, at = [], 0
        for m in CONTACT.finditer(text):
            href = contact_href(m)
            if href is None:
                continue
            link = _new(THEME.link(esc(m[0]), href, "cp-contact"))
            self.contact_links[link] = esc(m[0])
            parts += [self._words(text[at:m.start()]), link]
            at = m.end()
        if not parts:
            return self._words(text)
        parts.append(self._words(text[at:]))
        return _new("".join(parts))

    def without_contact_links(self, label):
        """A link's label without the contact links made here: a link inside a link is not HTML."""
        if isinstance(label, Markup):
            for link, plain in self.contact_links.items():
                if link in label:
                    label = _new(str.replace(label, link, plain))
        return label

    def _marked(self, text: str) -> Html:
        parts, at = [], 0
        for m in self.pattern.finditer(text):
            parts += [_escape(text[at:m.start()]), str(THEME.abbr(m[1], self.titles[m[1]]))]
            at = m.end()
        parts.append(_escape(text[at:]))
        return _new("".join(parts))  # each part escaped above, or made by the abbr macro


class DuplicateId(ValueError):
    """A page would have two elements with one id."""


class HeadingOutOfPlace(ValueError):
    """A heading was put inside HTML that does not keep it as a block (blocks.py), or not put on the page."""


class HtmlWriter:
    """Helpers for writing one page; `url_of(from_src, to_src)` makes links relative to it.

    The markup comes from the macros of templates/theme.html. Every helper returns HTML (`Html`);
    every argument that goes into the page is escaped unless it is HTML already (`Html` or Markup,
    what `text()` and the other helpers return), so source text passed by mistake shows as written.
    `text()` adds the glossary's tooltips to source text; join pieces with `Html(...).join` or
    `Html(...).format`, never with f-strings, which would turn them back into plain text."""

    def __init__(self, src: str, url_of, abbreviations: Abbreviations, item_ids: frozenset[str] = frozenset()):
        self.src = src
        self.item_ids = item_ids  # a heading's id made from its text never takes one of these
        self.url_of = url_of
        self.abbr = abbreviations
        self.headings: list[Heading] = []  # every heading written, to check that each is on the page as a block
        self.anchors: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self.urls: dict[str, str] = {}  # page linked to -> its URL from here: a page links to a few pages many times

    # --- inline -----------------------------------------------------------------------------------
    def text(self, text: str) -> Html:
        """Source text as HTML: escaped, with abbreviation tooltips; it shows exactly as written.
        HTML (Markup) passed here is kept as it is."""
        if type(text) is not str:
            return esc(text)
        return self.abbr(text.strip())

    def href(self, to_src: str, anchor: str = "", query: str = "") -> str:
        """Relative URL of a page (a src_uri such as "x/timescales.md") or file; MkDocs checks it.
        Not escaped: the templates escape it where they put it."""
        self.links.append((to_src, anchor))
        if to_src == self.src and anchor:
            url = ""
        elif (url := self.urls.get(to_src)) is None:
            url = self.urls[to_src] = self.url_of(self.src, to_src)
        return url + query + (f"#{anchor}" if anchor else "")

    def a(self, label, to_src: str, anchor: str = "", css: str = "", query: str = "") -> Html:
        """A link to a page of the site (checked); a plain str `label` is escaped (no tooltips)."""
        return _new(THEME.link(esc(self.abbr.without_contact_links(label)), self.href(to_src, anchor, query), css))

    def external(self, label, url: str) -> Html:
        return _new(THEME.link(esc(self.abbr.without_contact_links(label)), url))

    @staticmethod
    def small_print(inner, css: str, strong: bool = False, searchable: bool = True) -> Html:
        """Small print; `searchable=False` keeps it out of Material's search index (the same citation
        under every item would otherwise match every search for its words)."""
        return _new(THEME.small_print(esc(inner), css, strong, searchable))

    @staticmethod
    def strong(inner, css: str = "") -> Html:
        return _new(THEME.strong(esc(inner), css))

    @staticmethod
    def em(inner, css: str = "") -> Html:
        return _new(THEME.em(esc(inner), css))

    @staticmethod
    def quoted(inner) -> Html:
        """A source's words inside a line (a checkbox's label): <q>, a quotation to readers and tools."""
        return _new(THEME.quoted(esc(inner)))

    @staticmethod
    def code(text) -> Html:
        """Source text (a file name) as code."""
        return _new(THEME.code(esc(text)))

    @staticmethod
    def writing_line() -> Html:
        return _new(THEME.writing_line())

    @staticmethod
    def writing_box() -> Html:
        return _new(THEME.writing_box())

    @staticmethod
    def checklist_mount(checklist_id: str, version: str, words: dict) -> Html:
        return _new(CHECKLIST.checklist_mount(checklist_id, version, words))

    # --- blocks -----------------------------------------------------------------------------------
    def heading(self, level: int, text: str, anchor: str | None = None, css: str = "") -> Heading:
        """A heading with a permanent link, in the table of contents; without an id of its own it
        gets one from its text, as Python-Markdown's toc extension would. It is written from its
        text (source text: escaped, with tooltips), which the table of contents and Markdown need."""
        if isinstance(text, Markup) or not isinstance(text, str):
            raise TypeError(f"{self.src}: a heading is written from its text (a str), not from HTML: {text!r}")
        text = text.strip()
        if anchor:
            self._claim(anchor)
        else:
            base = anchor = slugify(text, "-")
            count = 0
            while anchor in self.anchors or anchor in self.item_ids or not anchor:  # as Python-Markdown's toc
                count += 1
                anchor = f"{base}_{count}"
            self.anchors.add(anchor)
        heading = Heading.of(level, text, self.abbr(text), anchor, css)
        self.headings.append(heading)
        return heading

    def anchor(self, anchor: str) -> str:
        """An id for an element other than a heading, recorded so links to it are checked."""
        self._claim(anchor)
        return anchor

    def _claim(self, anchor: str) -> None:
        """Two elements of a page never share an id (`cpguide validate` refuses an item id that a
        part of the page uses: cpguide/checks/misleading.py)."""
        if anchor in self.anchors:
            raise DuplicateId(f"{self.src}: two elements with the id '{anchor}'")
        self.anchors.add(anchor)

    @staticmethod
    def paragraph(inner, css: str = "") -> Html:
        return _new(THEME.paragraph(esc(inner), css))

    @staticmethod
    def lines(parts: list) -> Html:
        """Parts shown one under another (a hard line break between them)."""
        return _new(THEME.lines([esc(p) for p in parts]))

    def item(self, lines: list, anchor: str | None = None, children="") -> Html:
        """A list item: its lines, one under another, then any nested list."""
        return _new(THEME.item([esc(x) for x in lines], self.anchor(anchor) if anchor else "", esc(children)))

    @staticmethod
    def bullets(items: list) -> Html:
        return _new(THEME.bullets([esc(i) for i in items]))

    @staticmethod
    def admonition(kind: str, title, paragraphs: list) -> Html:
        """Material's admonition (`!!! note "Title"`)."""
        return _new(THEME.admonition(kind, esc(title), [esc(p) for p in paragraphs]))

    @staticmethod
    def details(kind: str, summary, inner: list) -> Html:
        """A collapsed block (`??? quote "Summary"`), open to read without JavaScript; with a heading
        inside, a block that keeps its blocks (blocks.Container)."""
        return Container.of(partial(THEME.details, kind, esc(summary)), inner)

    @staticmethod
    def blockquote(inner) -> Html:
        return _new(THEME.blockquote(esc(inner)))

    @staticmethod
    def table(head: list, rows: list[list]) -> Html:
        return _new(THEME.table([esc(h) for h in head], [[esc(c) for c in row] for row in rows]))

    @staticmethod
    def definitions(rows: list[tuple]) -> Html:
        """A definition list of (term, definition, the term's class or "") rows."""
        return _new(THEME.definitions([(esc(t), esc(d), css) for t, d, css in rows]))

    def checkbox_item(self, box: str, label, extras: list, children="") -> Html:
        """A checklist item: a real checkbox (id `box`, kept by the page script) named by its label."""
        return _new(CHECKLIST.checkbox_item(box, esc(label), [esc(e) for e in extras], esc(children)))

    @staticmethod
    def tabs(set_number: int, tabs: list[tuple]) -> Html:
        """pymdownx.tabbed's content tabs (alternate style): (label, content) each; every tab set on a
        page needs its own number."""
        return _new(THEME.tabs(set_number, [(esc(label), esc(inner)) for label, inner in tabs]))

    # --- the page ---------------------------------------------------------------------------------
    def body(self, parts: list, meta: dict | None = None) -> HtmlBody:
        """The page: its parts (blocks, HTML or text) one after another, and what MkDocs needs to know."""
        meta = dict(meta or {})
        if "title" in meta:  # Material puts the title into <title> and the header as HTML
            meta["title"] = title_html(meta["title"])
        blocks = blocks_of(parts)
        self._every_heading_placed(blocks)
        return HtmlBody(blocks, self.anchors, self.links, meta)

    def _every_heading_placed(self, blocks: tuple[Html, ...]) -> None:
        """Each heading written is a block of the page, or of a container on it: inside other HTML
        (a template's, a join) it would be missing from the table of contents."""
        placed = {id(h) for h in headings(blocks)}
        if len(placed) != len(self.headings):
            lost = [h.text for h in self.headings if id(h) not in placed]
            raise HeadingOutOfPlace(f"{self.src}: heading {lost[:3]} is not a block of the page: pass it to body() "
                                    "or to a helper that keeps blocks (details)")


def title_html(text: str) -> str:
    """A title as MkDocs and Material take it (HTML, on one line): source text escaped, whitespace
    runs one space, so "&lt;" shows as written in the navigation, the header and <title>."""
    return _escape(" ".join(text.split()))

"""A page written as HTML, kept as the blocks it was written in: the one representation of the page
that both the MkDocs hooks and `cpguide generate` write from.

HtmlWriter (html.py) records a page's body as a sequence of blocks. Every block is HTML (`Html`) as
MkDocs gets it: the page is its blocks joined by newlines. Two kinds keep what they are made of:

- a `Heading`: its level, id, class and its text as written; the table of contents is made of these;
- a `Container`: an element around blocks among which is a heading (a collapsed block, `details`),
  with the macro that writes the element around them.

The hooks hand MkDocs `body.html` and `body.toc`. `markdown(body)` writes the same blocks as the text
of a Markdown file (`cpguide generate`) on which Python-Markdown's toc extension finds the same
headings: a heading at the top level is a Markdown heading (`## Text { #id .class }`), one inside a
container an HTML heading marked `markdown="1"` in the container's element, marked too (md_in_html);
every other block is raw HTML, which Python-Markdown passes through as it is. Nothing is read back
from the HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

from .markup import Html, esc, escape_text, raw
from .templating import Markup, macros

THEME = macros("theme.html")


class Block(Html):
    """HTML that keeps what it is made of. (A str subclass keeps its fields in a __dict__: str allows
    no __slots__ of its own.)"""

    def __new__(cls, base="", encoding=None, errors="strict"):
        # What Markup's own methods make of a block (strip, replace, %) is plain HTML: it keeps nothing.
        return raw(Markup(base, encoding, errors))


class Heading(Block):
    """A heading block: the theme's heading with its permanent link, and what it is made of."""

    level: int
    anchor: str
    css: str
    text: str  # as written in the content: text, not markup

    @classmethod
    def of(cls, level: int, text: str, inner: Html, anchor: str, css: str = "") -> "Heading":
        """`inner` is `text` as HTML (escaped, with the glossary's tooltips)."""
        heading = str.__new__(cls, THEME.heading(level, inner, anchor, css))
        heading.level, heading.text, heading.anchor, heading.css = level, text, anchor, css
        return heading

    @property
    def title(self) -> str:
        """Its entry in the table of contents, as HTML (MkDocs and Material put it in as it is)."""
        return escape_text(self.text)

    def markdown(self, nested: bool) -> str:
        """The heading for the toc extension: a Markdown heading, a block of its own; inside an element,
        an HTML heading whose text md_in_html parses. The abbr extension adds the tooltips again."""
        text = markdown_text(self.text)
        if nested:
            return str(THEME.markdown_heading(self.level, Markup(text), self.anchor, self.css))
        classes = "".join(f" .{c}" for c in self.css.split())
        return f"\n\n{'#' * self.level} {text} {{ #{self.anchor}{classes} }}\n\n"


class Container(Block):
    """A block around blocks, one of which holds a heading. `wrap(children, markdown=False)` is the
    theme's macro that writes the element around them (`markdown=True` marks it for md_in_html)."""

    children: tuple[Html, ...]
    wrap: Callable[..., Markup]

    @classmethod
    def of(cls, wrap: Callable[..., Markup], inner: list) -> Html:
        """The element around `inner` (text in it is escaped); plain HTML when no heading is inside,
        as there is then nothing for the table of contents to find in it."""
        children = tuple(b if isinstance(b, _STRUCTURED) else esc(b) for b in inner)
        if not any(isinstance(b, _STRUCTURED) for b in children):
            return raw(wrap(children))
        container = str.__new__(cls, wrap(children))
        container.children, container.wrap = children, wrap
        return container

    def markdown(self) -> str:
        return str(self.wrap([Markup(_markdown(b, nested=True)) for b in self.children], markdown=True))


_STRUCTURED = (Heading, Container)  # the blocks that keep what they are made of


def blocks_of(parts: list) -> tuple[Html, ...]:
    """A body's blocks from the parts a generator wrote: text escaped, empty parts left out."""
    return tuple(p if isinstance(p, _STRUCTURED) else esc(p) for p in parts if p)


def headings(blocks) -> Iterator[Heading]:
    """Every heading among the blocks, inside containers too, in the page's order."""
    for block in blocks:
        if isinstance(block, Heading):
            yield block
        elif isinstance(block, Container):
            yield from headings(block.children)


@dataclass
class HtmlBody:
    """A page's content as blocks, and what MkDocs needs to know about it."""

    blocks: tuple[Html, ...]
    anchors: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (src_uri of the page linked to, anchor or "")
    meta: dict = field(default_factory=dict)  # as a page's front matter: title, search exclusion

    @property
    def html(self) -> Html:
        """The page's content as MkDocs gets it."""
        return raw("\n".join(self.blocks) + "\n")

    @property
    def toc_hidden(self) -> bool:
        return "toc" in self.meta.get("hide", [])

    @property
    def toc(self) -> list[tuple[int, str, str]]:
        """(level, id, title as HTML) of each heading in the page's order. A page that hides its table
        of contents has none: Material would still write it in, hidden."""
        return [] if self.toc_hidden else [(h.level, h.anchor, h.title) for h in headings(self.blocks)]


def markdown(body: HtmlBody) -> str:
    """The body as the text of a Markdown file whose headings the toc extension reads. On a page that
    hides its table of contents, the headings stay HTML, which the toc extension does not read."""
    if body.toc_hidden:
        return str(body.html).strip()
    return "\n".join(_markdown(b, nested=False) for b in body.blocks).strip()


def _markdown(block: Html, nested: bool) -> str:
    if isinstance(block, Heading):
        return block.markdown(nested)
    if isinstance(block, Container):
        return block.markdown()
    return str(block)


# Text as Markdown that shows as written, in one pass: "&", "<", ">" as character references (as
# Python-Markdown writes text), and a backslash before each character that is Markdown syntax inline.
# A heading's text is never at a line start, so unlike render.md() it needs no line-start escape.
_MARKDOWN_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in "\\`*_[]|{}#"}})


def markdown_text(text: str) -> str:
    """Text on one line as Markdown that shows as written."""
    return " ".join(text.split()).translate(_MARKDOWN_TEXT)

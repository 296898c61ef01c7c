"""One representation of a page written as HTML (cpguide/site/blocks.py): its blocks give MkDocs the
HTML and the table of contents, and give `cpguide generate` a Markdown file on which Python-Markdown,
with the site's extensions, finds the same headings — at the top level and inside a collapsed block."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from cpguide.site.blocks import markdown as as_markdown
from cpguide.site.html import Abbreviations, HeadingOutOfPlace, HtmlWriter

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = {"ICPC": "Initial Child Protection Conference"}


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its `!ENV` settings left empty (they do not touch the Markdown extensions)."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def site_markdown(text: str) -> markdown.Markdown:
    """Python-Markdown with the site's extensions and the glossary, as in the generated project, after converting `text`."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), _ConfigLoader)
    names, settings = [], {"abbr": {"glossary": GLOSSARY}}
    for ext in config["markdown_extensions"]:
        name, options = next(iter(ext.items())) if isinstance(ext, dict) else (ext, None)
        names.append(name)
        settings.setdefault(name, options or {})
    md = markdown.Markdown(extensions=names, extension_configs=settings)
    md.html = md.convert(text)
    return md


def flat(tokens: list[dict]) -> list[tuple[int, str, str]]:
    return [x for t in tokens for x in [(t["level"], t["id"], t["name"])] + flat(t["children"])]


def writer() -> HtmlWriter:
    return HtmlWriter("town/parents.md", lambda _from, to: to, Abbreviations(GLOSSARY))


def test_a_heading_at_the_top_and_one_in_a_collapsed_block_reach_the_generated_table_of_contents():
    w = writer()
    body = w.body([w.heading(1, "Agenda"), w.paragraph("Intro."),
                   w.details("quote", "Word for word", [w.heading(3, "Before the ICPC", "g-1"), w.paragraph("Said.")]),
                   w.heading(2, "After & <later>: *not* [a link] #2 {x}", css="cp-x")])
    # worked out by hand: ids given or made from the text as the toc extension makes them; titles are HTML
    expected = [(1, "agenda", "Agenda"), (3, "g-1", "Before the ICPC"),
                (2, "after-later-not-a-link-2-x", "After &amp; &lt;later&gt;: *not* [a link] #2 {x}")]
    assert body.toc == expected
    md = site_markdown(as_markdown(body))
    assert flat(md.toc_tokens) == expected
    # and the page Python-Markdown writes is the page the hooks hand over, headings and tooltips included
    assert _lines(md.html) == _lines(body.html)
    assert '<h3 id="g-1">Before the <abbr title="Initial Child Protection Conference">ICPC</abbr><a class="headerlink"' in md.html


def _lines(html: str) -> list[str]:
    return [line for line in html.splitlines() if line.strip()]


def test_blocks_as_markdown_headings_as_headings_the_rest_as_it_is():
    w = writer()
    body = w.body([w.heading(2, "Tom & *Jerry*", "x-1", css="cp-a"), w.paragraph("a *b*"),
                   w.details("note", "More", [w.heading(3, "In [here]", "x-2")])])
    assert as_markdown(body) == (
        "## Tom &amp; \\*Jerry\\* { #x-1 .cp-a }\n\n\n"
        "<p>a *b*</p>\n"
        '<details class="note" markdown="1">\n<summary>More</summary>\n'
        '<h3 id="x-2" markdown="1">In \\[here\\]</h3>\n</details>')


def test_a_collapsed_block_without_a_heading_stays_html_as_it_is():
    w = writer()
    body = w.body([w.details("quote", "Said", [w.paragraph("*as* written")])])
    assert as_markdown(body) == '<details class="quote">\n<summary>Said</summary>\n<p>*as* written</p>\n</details>'


def test_a_page_that_hides_its_table_of_contents_keeps_its_headings_as_html():
    w = writer()
    body = w.body([w.heading(2, "Question", "q-1")], {"hide": ["toc"]})
    assert body.toc == []
    assert as_markdown(body) == str(body.html).strip() and "##" not in as_markdown(body)


@pytest.mark.parametrize("place", ["tabs", "joined", "changed", "not on the page"])
def test_a_heading_that_is_not_a_block_of_the_page_stops_it(place):
    """Inside HTML that keeps no blocks, a heading would be missing from the table of contents."""
    w = writer()
    lost = w.heading(2, "Lost")
    parts = {"tabs": [w.tabs(1, [("ICPC", lost)])], "joined": [w.paragraph("a") + lost],
             "changed": [lost.replace("Lost", "Found")], "not on the page": []}[place]
    with pytest.raises(HeadingOutOfPlace, match="Lost"):
        w.body(parts)

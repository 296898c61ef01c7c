"""Source text put into a generated page, Markdown or HTML, shows exactly as written, wherever it lands."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from cpguide.site.render import md

EXTENSIONS = ["attr_list", "def_list", "tables", "md_in_html"]
TRICKY = ["1. Introductions and Apologies", "- not a list", "+ nor this", "# not a heading", "> not a quote",
          "a *b* c_d_e [f](g) `h` | i", "ends in braces { .class }", "two lines\n2. second"]


def shown(markdown_text: str) -> str:
    out = markdown.markdown(markdown_text, extensions=EXTENSIONS)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", out)).split())


@pytest.mark.parametrize("text", TRICKY)
def test_escaped_text_shows_as_written_in_a_paragraph_a_list_item_and_a_definition(text):
    expected = " ".join(text.split())
    assert shown(md(text)) == expected
    assert shown(f"- {md(text)}") == expected
    assert shown(f"Term\n:   {md(text)}") == "Term " + expected


# --- pages written as HTML (cpguide/site/html.py) ------------------------------------------------

from cpguide.site.html import Abbreviations, HtmlWriter  # noqa: E402
from cpguide.site.model import SiteContext  # noqa: E402

HTML_TRICKY = TRICKY + ["<script>alert(1)</script>", "Tom & Jerry's \"views\"", "a < b > c", "&amp; stays as typed"]


def writer(src: str = "town/agenda.md", abbreviations: dict | None = None) -> HtmlWriter:
    return HtmlWriter(src, SiteContext.url, Abbreviations(abbreviations or {}))


def visible(page_html: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page_html)).split())


@pytest.mark.parametrize("text", HTML_TRICKY)
def test_source_text_shows_as_written_in_html(text):
    w = writer()
    expected = " ".join(text.split())
    assert visible(w.paragraph(w.text(text))) == expected
    assert visible(w.item([w.text(text)], "x")) == expected
    assert "<script" not in w.text(text)


def test_abbreviations_get_tooltips_on_whole_words_only():
    w = writer(abbreviations={"ICPC": "Initial Child Protection Conference", "Q&A": "Questions & answers"})
    out = w.text("An ICPC, not ICPCs nor XICPC. Q&A.")
    assert out.count("<abbr") == 2
    assert '<abbr title="Initial Child Protection Conference">ICPC</abbr>,' in out
    assert '<abbr title="Questions &amp; answers">Q&amp;A</abbr>.' in out


def test_abbreviations_are_matched_in_text_never_inside_an_entity_or_markup():
    w = writer(abbreviations={"amp": "ampersand", "lt": "less than", "quot": "quotation", "abbr": "abbreviation"})
    out = w.text('Quality Assurance & Safeguarding: a < b, "c"')
    assert "<abbr" not in out and out == 'Quality Assurance &amp; Safeguarding: a &lt; b, "c"'
    written = w.text("&lt;img&gt; & abbr")  # an entity written in the content is text too
    assert html.unescape(re.sub(r"<[^>]+>", "", written)) == "&lt;img&gt; & abbr"
    assert written.endswith('&amp; <abbr title="abbreviation">abbr</abbr>')


def test_headings_get_ids_permanent_links_and_a_table_of_contents():
    w = writer()
    first = w.heading(2, "Before the conference")
    again = w.heading(2, "Before the conference")
    own = w.heading(3, "Agenda", "x-agenda")
    assert 'id="before-the-conference"' in first and 'id="before-the-conference_1"' in again
    assert '<a class="headerlink" href="#x-agenda" title="Permanent link">&para;</a>' in own
    assert w.body([first, again, own]).toc == [(2, "before-the-conference", "Before the conference"),
                                               (2, "before-the-conference_1", "Before the conference"), (3, "x-agenda", "Agenda")]
    assert {"before-the-conference", "before-the-conference_1", "x-agenda"} <= w.anchors


def test_links_are_relative_to_the_page_and_recorded_for_mkdocs_to_check():
    w = writer("town/agenda.md")
    assert w.href("town/timescales.md", "x-rule") == "../timescales/#x-rule"
    assert w.href("town/agenda.md", "x-s1") == "#x-s1"
    assert w.href("calculator/parents.md", query="?authority=town") == "../../calculator/parents/?authority=town"
    assert w.href("sources/a.txt") == "../../sources/a.txt"
    assert w.href("town/checklists/index.md") == "../checklists/"
    assert w.links == [("town/timescales.md", "x-rule"), ("town/agenda.md", "x-s1"), ("calculator/parents.md", ""),
                       ("sources/a.txt", ""), ("town/checklists/index.md", "")]


def test_each_tab_set_on_a_page_has_its_own_inputs():
    w = writer()
    one, two = w.tabs(1, [("ICPC", "a"), ("RCPC", "b")]), w.tabs(2, [("ICPC", "c")])
    assert one.count('name="__tabbed_1"') == 2 and 'checked="checked" id="__tabbed_1_1"' in one
    assert 'id="__tabbed_2_1"' in two and "__tabbed_1" not in two

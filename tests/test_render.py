"""Source text put into generated Markdown shows exactly as written, wherever it lands."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from cpguide.site.render import item_lines, md

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
    assert shown("\n".join(item_lines("", md(text), [], "x"))) == expected
    assert shown(f"Term\n:   {md(text)}") == "Term " + expected


def test_an_item_gets_its_id_and_keeps_each_line():
    out = markdown.markdown("\n".join(item_lines("", "First", ["*Second*{ .cp-meta }", "Third"], "item-1")),
                            extensions=EXTENSIONS)
    assert re.search(r'<li id="item-1">First<br />\s*<em class="cp-meta">Second</em><br />\s*Third</li>', out), out

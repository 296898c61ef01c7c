"""Escaping by default, not by convention (issue 13).

Every helper of cpguide/site/html.py returns HTML (Markup) and escapes every argument that is a
plain str, exactly once: source text passed by mistake where HTML is expected shows as written and
never becomes markup. HTML made by a helper or a template (Markup) goes in as it is, never escaped a
second time. And no Python of the package writes HTML itself: the markup is in the templates.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from markupsafe import Markup

from cpguide.site.html import Abbreviations, Html, HtmlWriter

PACKAGE = Path(__file__).resolve().parent.parent / "cpguide"

TEXT = "<script>alert(1)</script> &amp;"
# Worked out by hand: "<", ">" and "&" each become a character reference, once.
ONCE = "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;"
TWICE = "&amp;lt;"
MADE = Markup("<em>made</em> &amp; kept")  # HTML from a template: goes in as it is

# Each helper with the argument under test in the place marked by `x` (the others harmless).
HELPERS = {
    "a label": lambda w, x: w.a(x, "wb/timescales.md", "rule-1"),
    "external label": lambda w, x: w.external(x, "https://example.org/"),
    "small_print": lambda w, x: w.small_print(x, "cp-meta"),
    "strong": lambda w, x: w.strong(x),
    "em": lambda w, x: w.em(x),
    "code": lambda w, x: w.code(x),
    "paragraph": lambda w, x: w.paragraph(x),
    "lines": lambda w, x: w.lines(["first", x]),
    "item lines": lambda w, x: w.item(["first", x], "i-1"),
    "item children": lambda w, x: w.item(["first"], children=x),
    "bullets": lambda w, x: w.bullets([x]),
    "admonition title": lambda w, x: w.admonition("note", x, ["Said."]),
    "admonition paragraphs": lambda w, x: w.admonition("note", "Note", ["Said.", x]),
    "details summary": lambda w, x: w.details("quote", x, ["Said."]),
    "details inner": lambda w, x: w.details("quote", "Summary", [x]),
    "blockquote": lambda w, x: w.blockquote(x),
    "table head": lambda w, x: w.table(["What", x], [["a", "b"]]),
    "table cells": lambda w, x: w.table(["What", "When"], [["a", x]]),
    "definitions term": lambda w, x: w.definitions([(x, "Parents", "")]),
    "definitions definition": lambda w, x: w.definitions([("For", x, "cp-print-only")]),
    "checkbox label": lambda w, x: w.checkbox_item("cl-1", x, []),
    "checkbox extras": lambda w, x: w.checkbox_item("cl-1", "Label", ["one", x]),
    "checkbox children": lambda w, x: w.checkbox_item("cl-1", "Label", [], x),
    "tab label": lambda w, x: w.tabs(1, [(x, "content")]),
    "tab content": lambda w, x: w.tabs(1, [("ICPC", x)]),
    "page body": lambda w, x: w.body(["first", x]).html,
}


def writer() -> HtmlWriter:
    return HtmlWriter("wb/agenda.md", lambda _from, to: "../" + to.removesuffix(".md") + "/", Abbreviations({}))


@pytest.mark.parametrize("name", HELPERS)
def test_a_plain_str_is_escaped_exactly_once_by_every_helper(name):
    out = HELPERS[name](writer(), TEXT)
    assert isinstance(out, Markup), f"{name} returns {type(out).__name__}, not HTML (Markup)"
    assert ONCE in out, f"{name}: {out!r}"
    assert "<script" not in out and TWICE not in out


@pytest.mark.parametrize("name", HELPERS)
def test_html_from_a_template_is_kept_as_it_is_never_escaped_again(name):
    out = HELPERS[name](writer(), MADE)
    assert "<em>made</em> &amp; kept" in out, f"{name}: {out!r}"
    assert "&lt;em" not in out and "&amp;amp;" not in out


def test_source_text_is_escaped_once_and_is_html():
    w = HtmlWriter("wb/agenda.md", lambda _from, to: to, Abbreviations({"ICPC": "Initial conference"}))
    out = w.text(TEXT)
    assert out == ONCE and isinstance(out, Markup)
    assert w.text(MADE) == MADE  # HTML already: not escaped again, even where abbreviations are looked for
    assert w.text("ICPC & <b>") == '<abbr title="Initial conference">ICPC</abbr> &amp; &lt;b&gt;'


def test_joining_and_formatting_html_escapes_the_plain_text_in_it_once():
    w = writer()
    link = w.a("the agenda", "wb/agenda.md", "a-1")
    joined = Html(" · ").join([TEXT, link])
    assert joined == ONCE + ' · <a href="#a-1">the agenda</a>'
    assert Html("{}: {}").format(link, TEXT) == '<a href="#a-1">the agenda</a>: ' + ONCE
    assert Html("{a} and {b}").format(a=TEXT, b=MADE) == ONCE + " and <em>made</em> &amp; kept"
    assert TEXT + w.strong("x") == ONCE + "<strong>x</strong>"  # str + HTML: the str is escaped
    assert w.strong("x") + TEXT == "<strong>x</strong>" + ONCE
    assert w.strong("x") + MADE == "<strong>x</strong><em>made</em> &amp; kept"
    assert isinstance(joined, Html) and isinstance(TEXT + w.strong("x"), Html)


def test_text_keeps_quotes_as_python_markdown_writes_text():
    # Between tags, Python-Markdown escapes only & < >: a page written here is byte for byte the same.
    assert writer().paragraph('Tom\'s "view" & <b>') == '<p>Tom\'s "view" &amp; &lt;b&gt;</p>'


def test_attributes_are_escaped_quotes_included():
    w = writer()
    assert w.external("x", 'https://example.org/?a=1&b="2"') == '<a href="https://example.org/?a=1&amp;b=&#34;2&#34;">x</a>'
    assert 'class="a&#34; onclick=&#34;b"' in w.paragraph("x", css='a" onclick="b')


def test_a_heading_of_plain_text_gets_its_table_of_contents_entry_from_the_text_as_written():
    w = writer()
    heading = w.heading(2, "Tom & <Jerry>")
    assert w.body([heading]).toc == [(2, "tom-jerry", "Tom &amp; &lt;Jerry&gt;")]


def test_a_heading_is_written_from_text_escaped_once_never_from_html():
    """Its text is what the table of contents and `cpguide generate`'s Markdown are made of: HTML would
    have to be read back."""
    out = writer().heading(2, TEXT)
    assert isinstance(out, Markup) and ONCE in out and "<script" not in out and TWICE not in out
    with pytest.raises(TypeError, match="written from its text"):
        writer().heading(2, MADE)


# --- no HTML literal in the package's Python ------------------------------------------------------

HTML_TAG = re.compile(r"<(/?)(a|p|div|span|strong|em|ul|ol|li|table|tr|td|th|h[1-6]|details|summary|input|label|br|abbr|code|"
                      r"blockquote|q)[ >/]")


def html_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string constant holding an HTML tag, but for docstrings; parts of
    f-strings count, so `f"<p>{x}</p>"` is found."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                docstrings.add(id(first.value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and HTML_TAG.search(node.value)]


def test_the_finder_finds_html_in_strings_and_f_strings_and_not_in_docstrings_or_comments():
    source = ('"""A <p> docstring."""\n'
              "def f(w, x):\n"
              '    """Writes <strong>."""\n'
              "    # a <div> in a comment\n"
              '    a = w.paragraph("<strong>Not given</strong>")\n'
              "    return a + f'<li>{x}</li>' + \"x < y > z\"\n")
    assert html_literals(source) == [(5, "<strong>Not given</strong>"), (6, "<li>"), (6, "</li>")]


def test_no_python_of_the_package_writes_html_the_templates_do():
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {text!r}"
             for path in sorted(PACKAGE.rglob("*.py")) for line, text in html_literals(path.read_text(encoding="utf-8"))]
    assert not found, "HTML written in Python (put it in a template under cpguide/site/templates):\n" + "\n".join(found)


# --- no page of the real content shows its own markup as text -------------------------------------

OWN_MARKUP_AS_TEXT = re.compile(r"&lt;/?(?:a|p|div|span|strong|em|ul|li|table|tr|td|th|h[1-6]|details|summary|input|label|"
                                r"br|abbr|code|blockquote|dl|dt|dd)\b")


def test_no_generated_page_shows_markup_made_by_the_site_as_text(content):
    """HTML handed on as a plain str (`str(macro(...))`) is escaped by the next helper: safe, but the
    page would show its own tags as text. The content holds no "<" (the schemas refuse it), so any
    escaped tag in a page is markup of the site's, escaped by mistake."""
    from cpguide.site import build_site

    shown = [(page.src_uri, m[0]) for page in build_site(content).pages for m in OWN_MARKUP_AS_TEXT.finditer(page.written)]
    assert not shown, f"markup shown as text: {shown[:5]}"

"""Golden test of the theme's markup: each macro of cpguide/site/templates/theme.html against the same
thing written as Markdown, converted by Python-Markdown with the site's own extensions and settings
(read from mkdocs.yml). Pages written as HTML reproduce that markup, so when an upgrade of
Python-Markdown or pymdown-extensions changes it, this test fails and names the macro to change.

Only insignificant whitespace (between tags, at the ends) is normalised; the expected side is never
produced by the code under test."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from jinja2 import UndefinedError

from cpguide.site.templating import Markup, environment, macros

ROOT = Path(__file__).resolve().parent.parent
THEME = macros("theme.html")


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its `!ENV` settings left empty (they do not touch the Markdown extensions)."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def site_markdown(text: str) -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), _ConfigLoader)
    names, settings = [], {}
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict):
            (name, options), = ext.items()
            names.append(name)
            settings[name] = options or {}
        else:
            names.append(ext)
    return markdown.markdown(text, extensions=names, extension_configs=settings)


_BLOCK_TAG = re.compile(r"\s*(</?(?:ul|ol|li|p|div|dl|dt|dd|table|thead|tbody|tr|th|td|blockquote|details|summary|h\d)\b[^>]*>)\s*")


def normal(markup: str) -> str:
    """Whitespace that does not show: runs of it are one space, and none is kept beside a block tag."""
    return _BLOCK_TAG.sub(r"\1", " ".join(markup.split()))


def para(inner: str) -> str:
    """Python-Markdown wraps inline Markdown in a paragraph; the macro is the part inside."""
    return f"<p>{inner}</p>"


H = Markup  # HTML made elsewhere (another macro), kept as it is

CASES = {
    # name: (the macro's output, the same as Markdown)
    "heading": (THEME.heading(2, "Before the conference", "before-the-conference"), "## Before the conference"),
    "heading with id and class": (THEME.heading(3, "Agenda", "x-agenda", "cp-sheet-title"),
                                  "### Agenda { .cp-sheet-title #x-agenda }"),
    "paragraph": (THEME.paragraph("Tom & Jerry"), "Tom & Jerry"),
    "paragraph with class": (THEME.paragraph("Notes", "cp-print-only cp-notes"), "Notes\n{: .cp-print-only .cp-notes }"),
    "lines": (para(THEME.lines(["one", "two"])), "one  \ntwo"),
    "list item with id and lines": (THEME.bullets([THEME.item(["one", "two"], "x-1")]), "- one  \n  two\n    { #x-1 }"),
    "nested list": (THEME.bullets([THEME.item(["a"], children=THEME.bullets([THEME.item(["b"])]))]), "- a\n    - b"),
    "bullets": (THEME.bullets([THEME.item(["a"]), THEME.item(["b"])]), "- a\n- b"),
    "admonition": (THEME.admonition("warning", "Numbering as in the source", ["First.", "Second."]),
                   '!!! warning "Numbering as in the source"\n    First.\n\n    Second.'),
    "details": (THEME.details("quote", "What the documents say", [H("<blockquote>\n<p>Said.</p>\n</blockquote>"), H("<p>Where.</p>")]),
                '??? quote "What the documents say"\n    > Said.\n\n    Where.'),
    "blockquote": (THEME.blockquote("Said."), "> Said."),
    "table": (THEME.table(["What", "When"], [["Meeting", "15 days"], ["Review", "3 months"]]),
              "| What | When |\n| --- | --- |\n| Meeting | 15 days |\n| Review | 3 months |"),
    "definitions": (THEME.definitions([("For", "Parents", ""), ("Conference date", H("<em>x</em>"), "cp-print-only")]),
                    "For\n:   Parents\n\nConference date { .cp-print-only }\n:   *x*"),
    "tabs": (THEME.tabs(1, [("ICPC", H("<p>a</p>")), ("RCPC", H("<p>b</p>"))]), '=== "ICPC"\n\n    a\n\n=== "RCPC"\n\n    b'),
    "strong, em, code": (para(THEME.strong("When:") + " " + THEME.em("Note") + " " + THEME.code("timescales.yml")),
                         "**When:** *Note* `timescales.yml`"),
    "em with class": (para(THEME.em("x", "cp-line")), "*x*{ .cp-line }"),
    "abbreviation": (para(THEME.abbr("ICPC", "Initial & first")), "ICPC\n\n*[ICPC]: Initial & first"),
    "link": (para(THEME.link("the agenda", "../agenda/#x-1", "cp-explained")), "[the agenda](../agenda/#x-1){ .cp-explained }"),
    "small print": (para(THEME.small_print("Source: x", "cp-meta")), "*Source: x*{ .cp-meta }"),
    "small print, strong, not searched": (para(THEME.small_print("Differs", "cp-disagree", True, False)),
                                          "**Differs**{ .cp-disagree data-search-exclude }"),
}
# Not compared: a checklist's items are the site's own markup (a real <input> named by its <label>), not
# pymdownx.tasklist's disabled box: the component cpguide/site/components/checklist, tests/test_components.py.


@pytest.mark.parametrize("name", CASES)
def test_macro_writes_what_the_sites_markdown_extensions_write(name):
    made, written = CASES[name]
    assert normal(str(made)) == normal(site_markdown(written)), f"theme.html macro for {name!r} differs"


def test_text_is_escaped_by_default_and_html_from_a_macro_is_kept():
    out = THEME.paragraph('<script>alert("x")</script> & ' + THEME.link("a", "b?x=1&y=2"))
    assert out == '<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; <a href="b?x=1&amp;y=2">a</a></p>'


def test_a_misspelt_variable_is_an_error_not_an_empty_string():
    with pytest.raises(UndefinedError):
        environment().from_string("{{ titel }}").render(title="x")


def test_the_environment_is_made_once_and_templates_compiled_once():
    assert environment() is environment()
    assert macros("theme.html") is THEME

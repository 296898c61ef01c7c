"""Content text is text, on every page type: no string can make page structure.

Random strings (Hypothesis), and the payloads a hostile review used, go into every kind of text
field of a small content folder (tests/fixtures/good, copied): names, titles, labels, quotations,
definitions, notes, citations. The site is built with MkDocs as a reader gets it, and every page is
read as a browser would show it (its text, its <title>): wherever a string shows — pages written as
HTML (authority pages, checklists), pages generated as Markdown (picker, comparisons, glossary,
disagreements, open data, calculator) and hand-written pages with markers, their headings and the
navigation — it shows exactly as written, and each string shows on the page types named for it.

A run of whitespace (a newline, a tab, indentation) shows as one space, as HTML shows it on every
page type: a newline in a one-line field is not an error, it never starts a new block.
"""

from __future__ import annotations

import copy
import html
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cpguide.loader import _MARKUP

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "good"

# (file, path to the field, pages on which the text must show (site paths), what the field is)
FIELDS = [
    ("test-town/authority.yml", ("name",), ["test-town/", "authorities/", "", "calculator/", "calculator/parents/", "data/",
                                            "for/parents/"], "authority name"),
    ("test-town/authority.yml", ("short_name",), ["compare/timescales/plan-circulated/", "compare/agendas/", "test-town/checklists/"], "short name"),
    ("test-town/authority.yml", ("documents", 0, "title"), ["test-town/", "compare/timescales/plan-circulated/"], "document title"),
    ("test-town/authority.yml", ("documents", 0, "publisher"), ["test-town/"], "publisher"),
    ("test-town/authority.yml", ("summary",), ["test-town/"], "summary"),
    ("test-town/authority.yml", ("distinctive", 0), ["test-town/"], "distinctive"),
    ("test-town/authority.yml", ("notes", 0), ["test-town/"], "note"),
    ("test-town/authority.yml", ("contacts", 0, "text"), ["test-town/"], "contact"),
    ("test-town/authority.yml", ("contacts", 0, "links", 0, "text"), ["test-town/"], "link text"),
    ("test-town/authority.yml", ("facts", 0, "value"), ["test-town/", "compare/decisions/"], "fact"),
    ("test-town/agenda.yml", ("agendas", 0, "title"), ["test-town/agenda/", "compare/agendas/"], "agenda title"),
    ("test-town/agenda.yml", ("agendas", 0, "sections", 0, "title"), ["test-town/agenda/", "compare/agendas/"], "section title"),
    ("test-town/agenda.yml", ("agendas", 0, "sections", 0, "number"), ["test-town/agenda/", "compare/agendas/"], "section number"),
    ("test-town/agenda.yml", ("agendas", 0, "sections", 0, "prompts", 0, "text"), ["test-town/agenda/"], "prompt"),
    ("test-town/agenda.yml", ("agendas", 0, "source", "section"), ["test-town/agenda/"], "citation"),
    ("test-town/timescales.yml", ("rules", 0, "label"), ["test-town/timescales/"], "rule label"),
    ("test-town/timescales.yml", ("rules", 0, "text"), ["test-town/timescales/"], "rule quotation"),
    ("test-town/discrepancies.yml", ("discrepancies", 0, "title"), ["test-town/disagreements/", "disagreements/"], "disagreement title"),
    ("test-town/discrepancies.yml", ("discrepancies", 0, "note"), ["test-town/disagreements/"], "disagreement note"),
    ("national/glossary.yml", ("terms", 0, "term"), ["glossary/"], "glossary term"),
    ("national/glossary.yml", ("terms", 0, "definition"), ["glossary/"], "glossary definition"),
    ("national/glossary.yml", ("terms", 0, "plain"), ["glossary/"], "plain words"),
    ("national/glossary.yml", ("terms", 0, "checked_against", 0, "document"), ["glossary/"], "checked against (glossary)"),
    ("national/timescales.yml", ("rules", 0, "checked_against", 0, "where"), ["national/timescales/"], "checked against (rule)"),
]
DISCREPANCIES = {"discrepancies": [{"id": "t-disc", "title": "x", "type": "disagreement", "note": "x",
                                   "items": ["t-rule-plan"]}]}

# The payloads of the hostile review, and the structure each kind of page knows.
PAYLOADS = [
    'The first meeting.\n\n!!! danger "Urgent"\n    Do not call 999; call 0000 000 000 instead.',
    '=== "Tab"\n\n    Forged tab',
    "| a | b |\n| --- | --- |\n| c | d |",
    "{: .md-button #forged }",
    "# Forged heading",
    "    indented code",
    "&lt;img src=x onerror=alert(1)&gt;",
    "Quality Assurance & Safeguarding &amp; more &#60;b&#62;",
    "??? quote \"Collapsed\"\n    inside",
    "Term\n:   Definition",
    "*[amp]: forged abbreviation",
    "1. one\n2. two",
    "line one  \nline two\n\n---\n\n```\ncode\n```",
    "~~~\nfenced\n~~~",
    "- [ ] forged box",
    "[link](https://example.org) ![image](x.png) https://example.org",
    "a_b_c *d* **e** `f` \\g ~h~ ==i== ^^j^^",
    "Title ##",
]

FRAGMENTS = st.sampled_from([
    "!!!", "???", "===", "|", "{:", "}", "{", "#", "##", " ", "  ", "    ", "\n", "\n\n", "\t", "&", "&amp;", "&lt;",
    "&gt;", "&#60;", "&#x3C;", "&nbsp;", ";", "*", "**", "_", "`", "```", "~~~", "\\", "[", "]", "(", ")", "!",
    ":", ":   ", "-", "+", ">", "<", "1.", '"', "'", "amp", "lt", "ICPC", "a", "Zo", "é", "‹", "—", "---", "[ ]",
    "*[", "]:", "<!--", "-->", "{ #x }", "{: .c }", "=", "^^", "==",
])
TEXT = st.lists(FRAGMENTS, min_size=1, max_size=12).map("".join).filter(
    lambda s: s.strip() and not _MARKUP.search(f"{s} Wxjy"))  # what the loader refuses as markup


def _set(data, path, value):
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _mark(i: int) -> str:
    """A word after the i-th string that nothing else on a page contains (nothing before it: the
    string must start its field, where a leading "#", "1." or "!!!" would make structure)."""
    return f"Wxjy{chr(97 + i // 26)}{chr(97 + i % 26)}"


def write_content(tmp: Path, strings: list[str]) -> Path:
    shutil.copytree(FIXTURE, tmp, dirs_exist_ok=True)
    checklists = tmp / "checklists"
    (checklists / "test-town" / "discrepancies.yml").write_text(
        "# yaml-language-server: $schema=../../schema/discrepancies.schema.json\n" + yaml.safe_dump(DISCREPANCIES), encoding="utf-8")
    docs = {}
    # abbreviations that are also words of markup and entities: tooltips only ever in the text (in capitals:
    # a lower-case abbreviation can be an ordinary word and is refused, cpguide/checks/misleading.py)
    glossary = docs["national/glossary.yml"] = yaml.safe_load((checklists / "national/glossary.yml").read_text(encoding="utf-8"))
    glossary["terms"] += [{"id": f"t-term-{word.lower()}", "term": f"Test term {word}", "abbreviation": word, "definition": "x",
                           "sources": [{"document": "t-wt", "section": "x"}],
                           "checked_against": copy.deepcopy(glossary["terms"][0]["checked_against"])} for word in ("AMP", "LT", "QUOT", "ABBR", "TITLE")]
    authority = docs["test-town/authority.yml"] = yaml.safe_load((checklists / "test-town/authority.yml").read_text(encoding="utf-8"))
    authority.update(summary="x", distinctive=["x"], notes=["x"],
                     contacts=[{"id": "t-contact", "text": "x", "source": {"document": "t-doc", "section": "x"},
                                "links": [{"text": "x", "url": "https://example.org/"}]}],
                     facts=[{"id": "t-fact", "topic": "who-decides", "value": "x", "grounded_in": ["t-agenda-1-welcome"]}])
    for i, ((file, path, _, _), text) in enumerate(zip(FIELDS, strings)):
        data = docs.setdefault(file, yaml.safe_load((checklists / file).read_text(encoding="utf-8")))
        _set(data, path, f"{text} {_mark(i)}")
    for file, data in docs.items():
        header = f"# yaml-language-server: $schema=../../schema/{Path(file).stem}.schema.json\n"
        (checklists / file).write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return checklists


def build(checklists: Path, out: Path) -> None:
    env = dict(os.environ, CPGUIDE_CONTENT=str(checklists), NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"


class _Shown(HTMLParser):
    """A page's text as a browser shows it (scripts and styles are not text), and its <title>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skip = 0
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.skip += 1
        self.in_title = self.in_title or tag == "title"

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.skip -= 1
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)


def shown(page: Path) -> tuple[str, str]:
    parser = _Shown()
    parser.feed(page.read_text(encoding="utf-8"))
    return _collapse("".join(parser.parts)), _collapse("".join(parser.title))


def check_site(site: Path, strings: list[str]) -> None:
    wrong, missing = [], []
    pages = {p.relative_to(site).as_posix()[: -len("index.html")]: p for p in site.rglob("index.html")}
    texts = {url: shown(p) for url, p in pages.items()}
    for i, ((file, path, expected_on, what), text) in enumerate(zip(FIELDS, strings)):
        end = _mark(i)
        whole = _collapse(f"{text} {end}")
        exact_on = set()
        for url, (body, title) in texts.items():
            for where, shown_text in (("page", body), ("<title>", title)):
                for m in re.finditer(re.escape(end), shown_text):
                    before = shown_text[: m.end()]
                    if before.endswith(whole):
                        exact_on.add(url)
                    else:
                        wrong.append(f"{what} on /{url} ({where}): shows {before[-len(whole) - 20:]!r}, written {whole!r}")
        missing += [f"{what} not shown exactly on /{url}" for url in expected_on if url not in exact_on]
    assert not wrong and not missing, "\n".join(wrong + missing)


def check(strings: list[str], tmp: Path) -> None:
    if tmp.exists():
        shutil.rmtree(tmp)
    checklists = write_content(tmp / "content", strings)
    build(checklists, tmp / "site")
    check_site(tmp / "site", strings)


@pytest.mark.parametrize("shift", [0, len(FIELDS)])
def test_hostile_payloads_show_as_written_in_every_field_and_page_type(shift, tmp_path):
    """Every payload in some field of each build: two builds put each in two kinds of field."""
    check([PAYLOADS[(i + shift) % len(PAYLOADS)] for i in range(len(FIELDS))], tmp_path / "t")


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(strings=st.lists(TEXT, min_size=len(FIELDS), max_size=len(FIELDS)))
def test_random_text_shows_as_written_in_every_field_and_page_type(strings, tmp_path_factory):
    check(strings, tmp_path_factory.mktemp("text"))


def test_numbers_of_the_source_show_as_written_not_as_a_list_the_browser_numbers(tmp_path):
    """Agenda sections numbered 3 and 3 in the source (as printed) show "3." twice on the comparison,
    not "1." and "2." of a Markdown list."""
    from cpguide.gate import valid_content
    from cpguide.site import build_site

    from test_templates import site_markdown

    checklists = write_content(tmp_path / "content", [])
    agenda_file = checklists / "test-town" / "agenda.yml"
    agenda = yaml.safe_load(agenda_file.read_text(encoding="utf-8"))
    first = agenda["agendas"][0]["sections"][0]
    first["number"] = "3"
    second = copy.deepcopy(dict(first, id="t-agenda-3b", title="Again", prompts=[dict(first["prompts"][0], id="t-agenda-3b-1")]))
    agenda["agendas"][0]["sections"].append(second)
    agenda_file.write_text("# yaml-language-server: $schema=../../schema/agenda.schema.json\n"
                           + yaml.safe_dump(agenda, sort_keys=False), encoding="utf-8")
    pages = {p.src_uri: p for p in build_site(valid_content(checklists)).pages}
    out = site_markdown(pages["compare/agendas.md"].markdown)
    text = _collapse(html.unescape(re.sub(r"<[^>]+>", "", out)))
    assert "<ol" not in out and "3. Introductions" in text and "3. Again" in text


@pytest.mark.parametrize("text", ["!!!]: Wxjy", "x]: y", "\\]: z (t)", "[a]: b", "*[amp]: c"])
def test_a_link_text_that_looks_like_a_reference_definition_stays_a_link(text):
    """Found by the random test: "[\\!\\!\\!\\]: x](url)" at the start of a list item was read by
    Python-Markdown as a link reference definition, and the authority's whole line vanished."""
    from cpguide.site.render import md

    from test_templates import site_markdown

    out = site_markdown(f"- [{md(text)}](x/) (region)\n- [Other](y/)")
    assert out.count("<li>") == 2 and 'href="x/"' in out, out
    assert _collapse(html.unescape(re.sub(r"<[^>]+>", "", out))).startswith(_collapse(text)), out


def test_an_authority_name_with_quotes_shows_as_written_in_attributes_too(tmp_path):
    """Found by the random test: the search filter's attribute (main.html, data-value) took the name
    unescaped, so a '"' ended the attribute and the rest of the name spilled into the page."""
    check(['Say "x" --> here'] + ["x"] * (len(FIELDS) - 1), tmp_path / "t")

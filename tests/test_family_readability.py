"""The families' pages: plain English (Flesch-Kincaid grade 6 or lower), grounded in the sources, and
covering every right issue 5 names for every authority.

A family page is all the topics of one authority's family.yml; each topic is also measured on its
own. Only the families' own text (`plain`) is measured: titles are headings, and the quotations of
the sources (`grounded_in`) are excluded, as the issue asks.
"""

from __future__ import annotations

import html

from cpguide.checks import MAX_FAMILY_GRADE as MAX_GRADE
from cpguide.checks import family_problems, family_topics, reading_grade as grade
from cpguide.checks import plain_text as page_text

# The rights issue 5 names. A topic that explains one of them says which in `right:`
# (an enum in schema/family.schema.json, checked below to hold exactly these).
RIGHTS = {
    "see-reports": "to see reports in advance",
    "supporter-advocate": "to bring a supporter or advocate",
    "interpreter": "to an interpreter",
    "child-views": "to give the child's views",
    "disagree-complain": "to dissent or complain",
    "plan-minutes": "to get the plan and the minutes",
}


def test_every_family_yml_passes_the_checks_validate_makes(content):
    """Grade 6 or lower for each topic and the whole page, paragraphs ending a sentence, topics
    grounded in items of their own authority: cpguide.checks, the code `cpguide validate` runs.
    An authority without a family.yml is not asked for one (its page is built from what it has)."""
    problems = family_problems(content)
    assert not problems, "\n".join(f"{a}: {p}" for a, _, p, _ in problems)


def test_the_family_checks_find_each_problem(content):
    import copy

    town = next(a for a in content.local_authorities if a.data("family.yml").get("topics"))
    ua = town.data("family.yml")
    saved = copy.deepcopy(ua["topics"])
    try:
        topic = ua["topics"][0]
        topic["plain"] = ["Notwithstanding the aforementioned considerations, practitioners must endeavour to "
                          "facilitate meaningful participation of parents in multi-agency deliberations",
                          "No full stop here"]
        topic["grounded_in"] = [content.national.rules[0]["id"]]  # the national framework's, not its own
        found = [p for a, _, p, _ in family_problems(content) if a == town.id]
        assert any(f"topic '{topic['id']}' reads at grade" in p for p in found), found
        assert any("does not end a sentence" in p for p in found), found
        assert any("grounded in no item of its own authority" in p for p in found), found
    finally:  # in place: the index holds these very dicts (a later test of the same session reads them)
        for topic, before in zip(ua["topics"], saved):
            topic.clear()
            topic.update(before)


def test_each_right_is_explained_once_or_said_plainly_to_be_absent(site_dir, content):
    """A right is one topic, grounded on items that mention it (validate checks both); a right the
    documents never mention has no topic, and the page says so plainly under its question."""
    from cpguide.family import questions_data

    rights = questions_data(content)["rights"]
    assert sorted(rights) == sorted(RIGHTS)
    failures = []
    for authority, topics in family_topics(content).items():
        explained = [t["right"] for t in topics if t.get("right")]
        failures += [f"{authority}: {explained.count(r)} topics explain `right: {r}`" for r in RIGHTS if explained.count(r) > 1]
        page = html.unescape((site_dir / authority / "parents" / "index.html").read_text(encoding="utf-8"))
        for right, says in rights.items():
            answered = [t for t in topics if t["question"] == says["question"]]
            if right in explained or not answered:
                continue  # explained by its topic, or the question's own words for silence say it
            start = page.index(f'<h2 id="{says["question"]}"')
            section = page[start:page.find("<h2", start + 1)]
            failures += [f"{authority}: the right {RIGHTS[right]} is neither explained nor said to be absent"
                         for p in says["when_absent"] if p not in section]
    assert family_topics(content) and not failures, "\n".join(failures)


def test_a_right_grounded_on_an_item_that_does_not_mention_it_is_refused(tree):
    from good_tree import errors_for

    family = tree / "checklists" / "test-town" / "family.yml"
    topic = ("# yaml-language-server: $schema=../../../../../schema/family.schema.json\ntopics:\n"
             "  - id: t-family-right\n    phase: before\n    question: bring-someone\n    title: \"An interpreter\"\n"
             "    right: {right}\n    plain: [\"You can ask.\"]\n    grounded_in: [{ground}]\n")
    family.write_text(topic.format(right="interpreter", ground="t-agenda-1-welcome"), encoding="utf-8")
    errors = errors_for(tree)
    assert len(errors) == 1 and "checklists/test-town/family.yml:" in errors[0] \
        and "explains the right 'interpreter', but none of its grounding items mentions it" in errors[0], errors
    family.write_text(topic.format(right="plan-minutes", ground="t-rule-plan"), encoding="utf-8")  # "The plan will be sent…"
    from cpguide.gate import valid_content

    valid_content(tree / "checklists")


def test_the_schema_names_exactly_the_rights_the_family_pages_must_explain():
    import json
    from pathlib import Path

    schema = json.loads((Path(__file__).parent.parent / "schema" / "family.schema.json").read_text(encoding="utf-8"))
    enum = schema["properties"]["topics"]["items"]["properties"]["right"]["enum"]
    assert sorted(enum) == sorted(RIGHTS)


# --- the built family pages, as a parent sees them ------------------------------------------------
_QUOTED = ("cp-quote", "cp-meta", "cp-typo", "cp-note", "headerlink")
# A collapsed <details> is quotation only when it says so ("quote"): "More" (cp-more) is the page's own words.
_QUOTE_DETAILS = "quote"
# A second-level heading with this class starts a section of quotations, up to the next such heading.
_QUOTATIONS_HEADING = "cp-quotations"
# Elements read as one unit each: a heading, a list item, a button or a table's label and value is not
# part of the next sentence. _own_text ends each with a line break; _sentences makes each line a sentence.
_UNITS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "th", "td", "caption", "summary", "button", "label"}


def _own_text(html: str) -> str:
    """The page's own words: the article without quotations of the sources, citations or scripts."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.in_article, self.stack, self.skip, self.out = False, [], 0, []
            self.in_quotations = False

        def handle_starttag(self, tag, attrs):
            if tag == "article":
                self.in_article = True
            if not self.in_article or tag in ("br", "img", "input", "hr"):
                return
            classes = dict(attrs).get("class") or ""
            if tag == "h2":
                self.in_quotations = _QUOTATIONS_HEADING in classes.split()
            skip = (tag in ("blockquote", "q", "script", "style") or any(c in classes for c in _QUOTED)
                    or (tag == "details" and _QUOTE_DETAILS in classes.split()))
            self.stack.append(skip)
            self.skip += skip

        def handle_endtag(self, tag):
            if tag == "article":
                self.in_article = False
            elif self.in_article and tag not in ("br", "img", "input", "hr") and self.stack:
                self.skip -= self.stack.pop()
                if tag in _UNITS:
                    self.out.append("\n")

        def handle_data(self, data):
            if self.in_article and not self.skip and not self.in_quotations:
                self.out.append(data)

    parser = Text()
    parser.feed(html)
    return " ".join(parser.out)


def _sentences(text: str) -> str:
    """The text with each unit (line) a sentence: Flesch-Kincaid counts sentences by their full stops, and
    would read a list of links or a heading followed by a paragraph as one long sentence."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return " ".join(line if line[-1] in ".!?:" else line + "." for line in lines if line)


def family_pages(site_dir, content) -> list:
    """Every built page a family reads: the hub, each authority's page for parents, every parents' checklist."""
    from cpguide.site.checklists import checklists_of
    from cpguide.site.model import SiteContext

    ctx = SiteContext(content)
    pages = [site_dir / "for" / "parents" / "index.html"]
    pages += [site_dir / a.id / "parents" / "index.html" for a in content.local_authorities]
    sheets = [c for a in content.local_authorities for c in checklists_of(ctx, a) if c.audience == "parents"]
    with_own = {a.id for a in content.local_authorities if a.data("family.yml").get("checklist")}
    assert with_own <= {c.authority.id for c in sheets}, "parents' checklists are missing"
    return pages + [site_dir / c.src.removesuffix(".md") / "index.html" for c in sheets]


def test_every_built_family_page_reads_at_grade_6_or_lower(site_dir, content):
    pages = family_pages(site_dir, content)
    failures = []
    for page in pages:
        text = _own_text(page.read_text(encoding="utf-8"))
        assert len(text.split()) > 100, f"{page}: too little text found; is the page there?"
        score = grade(_sentences(text))
        if score > MAX_GRADE:
            failures.append(f"{page.relative_to(site_dir)}: grade {score:.1f}")
    assert not failures, "\n".join(failures)


def test_a_collapsed_part_counts_unless_it_is_marked_as_quotation():
    page = ('<article><details class="cp-more"><summary>More</summary><p>Ask the chair.</p></details>'
            '<details class="quote"><summary>Words</summary><p>Practitioners must endeavour.</p></details></article>')
    assert _own_text(page).split() == ["More", "Ask", "the", "chair."]


def test_the_sites_own_answers_to_the_parents_questions_read_at_grade_6_or_lower(content):
    from cpguide.family import questions_data

    data = questions_data(content)
    texts = data["intro"] + [p for q in data["questions"] for p in q.get("always", []) + q["when_silent"]]
    assert len(texts) > 10
    score = grade(" ".join(texts))
    assert score <= MAX_GRADE, f"checklists/national/questions.yml: grade {score:.1f}"


def test_a_heading_a_list_item_or_a_label_is_a_sentence_of_its_own():
    page = ('<article><h1>For parents</h1><ul><li>Lincolnshire County Council</li><li>Norfolk County Council</li></ul>'
            '<dl><dt>Who:</dt><dd>Social worker</dd></dl><p>You can bring someone. Ask the chair</p></article>')
    assert _sentences(_own_text(page)) == ("For parents. Lincolnshire County Council. Norfolk County Council. "
                                           "Who: Social worker. You can bring someone. Ask the chair.")


def test_quotations_are_not_counted_as_the_pages_own_words():
    page = ('<article><p>You can bring someone.</p><blockquote><p>Notwithstanding the aforementioned '
            'considerations, practitioners must endeavour to facilitate participation.</p></blockquote></article>')
    assert _own_text(page).strip() == "You can bring someone."


def test_a_section_of_quotations_is_not_counted_up_to_the_next_section():
    page = ('<article><p>You can bring someone.</p>'
            '<h2 class="cp-quotations">Word for word</h2><p>Practitioners must endeavour to facilitate.</p>'
            '<h3>Before</h3><p>Notwithstanding the aforementioned.</p>'
            '<h2>Help</h2><p>Ask the chair.</p></article>')
    assert _own_text(page).split() == ["You", "can", "bring", "someone.", "Help", "Ask", "the", "chair."]

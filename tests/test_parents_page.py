"""Each authority's page for parents, as built: the parent's questions in the parent's order, jump links
at the top, and no more than 1,500 words shown before anything is expanded."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cpguide.errors import ContentInvalid
from cpguide.family import questions_data
from cpguide.gate import valid_content

MAX_WORDS_SHOWN = 1500
FIXTURE = Path(__file__).parent / "fixtures" / "good"


class _Shown(HTMLParser):
    """The article's words a reader sees before opening anything: a closed <details> shows its summary only."""

    TRACKED = ("details", "summary", "script", "style")

    def __init__(self):
        super().__init__()
        self.in_article, self.stack, self.out = False, [], []  # stack: (tag, closed) of the tracked open elements

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.in_article = True
        elif tag in self.TRACKED:
            self.stack.append((tag, tag == "details" and "open" not in dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article = False
        elif tag in self.TRACKED and self.stack:
            self.stack.pop()

    def visible(self) -> bool:
        for i, (tag, closed) in enumerate(self.stack):
            if tag in ("script", "style"):
                return False
            if closed and not (i + 1 < len(self.stack) and self.stack[i + 1][0] == "summary"):
                return False
        return True

    def handle_data(self, data):
        if self.in_article and self.visible():
            self.out.append(data)


def words_shown(page: str) -> list[str]:
    parser = _Shown()
    parser.feed(page)
    return " ".join(parser.out).replace("\u00b6", " ").split()


def test_words_shown_count_a_closed_details_summary_only():
    page = ('<article><p>One two.</p><details class="quote"><summary>Three</summary><p>hidden words</p>'
            '<details><summary>nested</summary><p>deeper</p></details></details><p>Four.</p></article>')
    assert words_shown(page) == ["One", "two.", "Three", "Four."]


def parents_pages(site_dir, content) -> dict[str, str]:
    return {a.id: (site_dir / a.id / "parents" / "index.html").read_text(encoding="utf-8") for a in content.local_authorities}


def test_no_parents_page_shows_more_than_1500_words_before_anything_is_opened(site_dir, content):
    counts = {a: len(words_shown(page)) for a, page in parents_pages(site_dir, content).items()}
    assert all(n > 300 for n in counts.values()), counts  # the pages are there, with their answers
    over = {a: n for a, n in counts.items() if n > MAX_WORDS_SHOWN}
    assert not over, f"words shown before anything is expanded (limit {MAX_WORDS_SHOWN}): {over}"


def test_every_parents_page_answers_the_questions_in_order_with_jump_links(site_dir, content):
    anchors = [q["anchor"] for q in questions_data(content)["questions"]]
    assert anchors[:2] == ["what-is-it", "reports"] and "complain" in anchors  # the parent's order
    for authority, page in parents_pages(site_dir, content).items():
        nav = re.search(r'<nav class="cp-jump"[^>]*>(.*?)</nav>', page, re.S)
        assert nav, f"{authority}: no jump links"
        assert re.findall(r'href="#([^"]+)"', nav[1]) == anchors, authority
        headings = re.findall(r'<h2 id="([^"]+)"', page)
        assert [h for h in headings if h in anchors] == anchors, authority
        assert page.index('class="cp-jump"') < page.index(f'<h2 id="{anchors[0]}"'), authority


def _answer_of(page: str, anchor: str) -> str:
    """The HTML of one answer: from the heading with this id (a topic's, or a question's) to the next question."""
    at = page.index(f'id="{anchor}"')
    start = page.rfind("<h2", 0, at)
    end = page.find("<h2", at)
    return page[start:end if end > 0 else None]


def test_each_answer_quotes_what_is_addressed_to_families_once(site_dir, content):
    """Each topic's source wording is one tap away in its answer, each quotation once an answer, and
    never a statement read out to others (a statement for professionals stays on the staff pages)."""
    for authority, page in parents_pages(site_dir, content).items():
        for topic in content.authorities[authority].data("family.yml").get("topics", []):
            answer = _answer_of(page, topic["id"])
            assert '<details class="quote">' in answer and "<blockquote>" in answer, f"{authority}: {topic['id']}"
            quotes = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", q)).split())
                      for q in re.findall(r"<blockquote>(.*?)</blockquote>", answer, re.S)]
            repeated = {q for q in quotes if quotes.count(q) > 1}
            assert not repeated, f"{authority}: {topic['id']} quotes twice: {sorted(repeated)[:2]}"
            for item_id in topic["grounded_in"]:
                entry = content.index[item_id]
                others = [n["addressed_to"] for n in (entry.item, *entry.ancestors) if n.get("addressed_to")]
                shown = content.resolve(entry.item)
                wording = " ".join((shown.get("text") or shown.get("title") or "").split())
                if others and "parents" not in others[-1]:
                    assert wording not in quotes, f"{authority}: {topic['id']} quotes {item_id}, addressed to {others[-1]}"
                else:
                    assert wording in quotes, f"{authority}: {topic['id']} does not quote {item_id}"


def silent_where_rules_answer(content, authority, page: str) -> list[str]:
    """Where the page says the papers are silent (questions.yml `when_silent`) on a question that the
    authority's own timescale rules answer (a rule of one of the question's `kinds`)."""
    from cpguide.family import rules_answering

    text = html.unescape(page)
    problems = []
    for question in questions_data(content)["questions"]:
        rules = rules_answering(authority, question)
        if not rules:
            continue
        start = text.index(f'<h2 id="{question["anchor"]}"')
        end = text.find("<h2", start + 1)
        section = text[start:end if end > 0 else None]
        problems += [f"{authority.id}: '{question['question']}' says \"{p}\" although {rules[0]['id']} answers it"
                     for p in question["when_silent"] if p in section]
    return problems


def test_no_parents_page_says_the_papers_are_silent_where_its_rules_answer(site_dir, content):
    """(tests/test_smallest_authority.py checks the same on the smallest authority, which has rules only.)"""
    assert any(q.get("kinds") for q in questions_data(content)["questions"])
    problems = [p for a in content.local_authorities
                for p in silent_where_rules_answer(content, a, (site_dir / a.id / "parents" / "index.html").read_text(encoding="utf-8"))]
    assert not problems, "\n".join(problems)


def test_silence_over_a_rule_is_found():
    class Town:
        id = "t"
        rules = [{"id": "t-reports", "kind": "reports-to-family"}]

    content = valid_content(Path(__file__).resolve().parent.parent / "checklists")
    reports = next(q for q in questions_data(content)["questions"] if q["anchor"] == "reports")
    page = f'<h2 id="reports">Q</h2><p>{html.escape(reports["when_silent"][0])}</p><h2 id="next">N</h2>'
    assert silent_where_rules_answer(content, Town, page)
    assert not silent_where_rules_answer(content, Town, '<h2 id="reports">Q</h2><p>By Monday.</p>')


def test_an_authority_with_only_its_timescales_gets_the_plain_answers_for_when_documents_say_nothing(tmp_path):
    from cpguide.site import build_site

    shutil.copytree(FIXTURE, tmp_path / "good")
    content = valid_content(tmp_path / "good" / "checklists")
    page = next(p for p in build_site(content).pages if p.src_uri == "test-town/parents.md")
    text = html.unescape(page.html.html)
    for question in questions_data(content)["questions"]:
        assert question["question"] in text
        for paragraph in question["when_silent"]:
            assert paragraph in text


def test_a_topic_answering_an_unknown_question_names_file_and_line(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "good")
    family = tmp_path / "good" / "checklists" / "test-town" / "family.yml"
    family.write_text("topics:\n  - id: t-family-x\n    phase: about\n    question: what-is-this\n    title: \"X\"\n"
                      "    plain: [\"Hello.\"]\n    grounded_in: [t-agenda-1-welcome]\n", encoding="utf-8")
    with pytest.raises(ContentInvalid) as info:
        valid_content(tmp_path / "good" / "checklists")
    errors = [str(e) for e in info.value.errors]
    assert any("test-town/family.yml:4:" in e and "'what-is-this'" in e and "reports" in e for e in errors), errors


def test_a_summarised_paper_is_not_called_word_for_word(tmp_path):
    """A document held as a maintainer's summary (authority.yml `copy: summary`): the parents' page says
    its quoted part is a summary, not the council's own words."""
    from cpguide.site import build_site

    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "checklists", tmp_path / "checklists")
    shutil.copytree(root / "sources", tmp_path / "sources")
    labels = questions_data(valid_content(tmp_path / "checklists"))["labels"]
    authority = next(a for a in valid_content(root / "checklists").local_authorities if a.data("family.yml").get("topics"))
    meta = tmp_path / "checklists" / authority.id / "authority.yml"
    text = meta.read_text()
    for document in authority.documents:  # each of its documents held as a summary, with where and when it was read
        assert f"  - id: {document['id']}\n" in text
        text = text.replace(f"  - id: {document['id']}\n", f"  - id: {document['id']}\n    copy: summary\n"
                            "    url: \"https://www.example.org/procedures\"\n    retrieved: \"2026-12-06\"\n", 1)
    meta.write_text(text)

    def parents_html(content):
        page = next(p for p in build_site(content).pages if p.src_uri == f"{authority.id}/parents.md")
        return html.unescape(page.html.html)

    summarised = parents_html(valid_content(tmp_path / "checklists"))
    assert labels["summary_intro"] in summarised and labels["word_for_word_intro"] not in summarised
    assert labels["word_for_word_intro"] in parents_html(valid_content(root / "checklists"))


def _section(page: str, anchor: str) -> str:
    text = html.unescape(page)
    start = text.index(f'<h2 id="{anchor}"')
    end = text.find("<h2", start + 1)
    return text[start:end if end > 0 else None]


def test_no_parents_page_says_the_papers_are_silent_where_its_folder_answers(site_dir, content):
    """A question with no family topic is answered by what the folder holds on it (its facts, its role
    guides for parents), quoted: never "the papers do not say" when a loaded item does."""
    from cpguide.family import addressed_to_families, folder_answers

    problems, answered = [], 0
    for authority in content.local_authorities:
        page = (site_dir / authority.id / "parents" / "index.html").read_text(encoding="utf-8")
        with_topics = {t["question"] for t in authority.data("family.yml").get("topics", [])}
        for question in questions_data(content)["questions"]:
            found = [i for i in folder_answers(content, authority, question) if addressed_to_families(content, i)]
            if question["anchor"] in with_topics or not found:
                continue
            section = _section(page, question["anchor"])
            problems += [f"{authority.id}: '{question['question']}' says \"{p}\" although {found[0]} answers it"
                         for p in question["when_silent"] if p in section]
            first = content.resolve(content.index[found[0]].item)
            if " ".join(first["text"].split())[:40] not in " ".join(section.split()):
                problems.append(f"{authority.id}: '{question['question']}' does not quote {found[0]}")
            answered += 1
    assert not problems, "\n".join(problems)


def test_a_fact_of_the_folder_answers_the_parents_question(tmp_path):
    """The good fixture's town says (a fact grounded in its agenda) that children are invited: its
    page answers "Will my child be there?" with that item, not with the words for silence."""
    from cpguide.site import build_site

    shutil.copytree(FIXTURE, tmp_path / "good")
    meta = tmp_path / "good" / "checklists" / "test-town" / "authority.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "facts:\n  - id: t-fact-child\n    topic: child-invited\n"
                    "    value: \"Yes\"\n    grounded_in: [t-agenda-1-welcome]\n", encoding="utf-8")
    content = valid_content(tmp_path / "good" / "checklists")
    page = next(p for p in build_site(content).pages if p.src_uri == "test-town/parents.md").html.html
    question = next(q for q in questions_data(content)["questions"] if q["anchor"] == "your-child")
    section = _section(page, "your-child")
    assert not [p for p in question["when_silent"] if p in section]
    assert questions_data(content)["labels"]["from_papers"] in section
    assert "<blockquote>" in section and "Chair welcomes everyone." in section
    who = _section(page, "who-comes")  # no fact on who comes: the words for silence stay
    assert all(p in who for p in next(q for q in questions_data(content)["questions"] if q["anchor"] == "who-comes")["when_silent"])

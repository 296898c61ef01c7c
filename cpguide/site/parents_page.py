"""An authority's page for parents: the parent's questions (checklists/national/questions.yml), in the
parent's order, each answered in the site's own plain words from the authority's family.yml, with the
source wording one tap away (collapsed, marked as quotation).

What a parent sees before opening anything stays short (about one phone screen an answer, tested on
the built site); the rest (more plain paragraphs, the source wording, every date, the role guides
word for word) is collapsed.
"""

from __future__ import annotations

from ..family import (absent_rights, addressed_to_families, folder_answers, questions_data, rule_sentence,
                      rules_answering, topics_by_question)
from .render import PHASE_NAMES
from .html import Html
from . import components
from .templating import macros

FAMILY = macros("family.html")
OWN_DATES = macros(components.template_name("your-dates"))


def parents_body(pages) -> list[Html]:
    """The page's content, written with `pages` (an authority_pages.AuthorityPages on this page)."""
    data = questions_data(pages.content)
    labels = data.get("labels", {})
    answered = topics_by_question(pages.content, pages.authority)
    body = [_jump_links(pages, labels.get("jump", ""), answered)] + pages.paragraphs(data.get("intro", []))
    for question, topics in answered:
        body += _answer(pages, labels, question, topics)
    body += _dates(pages, labels)
    body += _word_for_word(pages, labels)
    return body


def _jump_links(pages, label: str, answered) -> Html:
    w = pages.w
    links = [w.a(w.text(q["question"]), pages.own_page("parents"), q["anchor"]) for q, _ in answered]
    return Html(FAMILY.jump_links(label, links))


def _answer(pages, labels: dict, question: dict, topics: list[dict]) -> list[Html]:
    w, a = pages.w, pages.authority
    body = [w.heading(2, question["question"], question["anchor"])]
    body += pages.paragraphs(question.get("always", []))
    # Answered by the family topics, or else by the authority's own rules of the question's kinds: the
    # page never says the papers are silent on what its timescales give a date for.
    rules = [] if topics else rules_answering(a, question)
    quoted: set[str] = set()  # the wording already quoted in this answer: each quotation once
    # Or else by what the folder holds on it (its facts, its role guides), quoted: never called silence.
    found = [] if topics or rules else _family_quotes(pages, folder_answers(pages.content, a, question), quoted)
    if not topics and not rules and not found and not (question.get("contacts") and a.meta.get("contacts")):
        body += pages.paragraphs(question["when_silent"])
    if found:
        body += [w.paragraph(w.text(labels.get("from_papers", ""))), pages.quotes(found, labels.get("quotes", ""))]
    for topic in topics:
        body += _topic(pages, labels, topic, quoted)
    if topics:  # a right its documents never mention is said plainly to be absent
        body += pages.paragraphs(absent_rights(pages.content, a, question))
    for rule in rules:
        body += _rule(pages, labels, rule, quoted)
    contacts = [c for c in a.meta.get("contacts", []) if "parents" in c.get("audiences", ["parents"])]
    if question.get("contacts") and contacts:
        body.append(w.details("quote", w.text(labels.get("contacts", "")), [pages.item_list(contacts)]))
    if question.get("kinds"):  # the reader's own dates for this question, once they have given a conference date
        body.append(Html(OWN_DATES.your_dates("parents", a.id, " ".join(question["kinds"]))))
    if question.get("dates_link"):
        body.append(w.paragraph(w.a(w.text(question["dates_link"]), "calculator/parents.md", query=f"?authority={a.id}")))
    return body


def _family_quotes(pages, ids: list[str], quoted: set[str]) -> list[str]:
    """The items a family answer quotes: only those addressed to families, each wording once an answer."""
    shown = []
    for item_id in ids:
        item = pages.content.resolve(pages.content.index[item_id].item)
        wording = " ".join((item.get("text") or item.get("title") or "").split()).casefold()
        if addressed_to_families(pages.content, item_id) and wording not in quoted:
            quoted.add(wording)
            shown.append(item_id)
    return shown


def _rule(pages, labels: dict, rule: dict, quoted: set[str]) -> list[Html]:
    """A timescale rule as the answer: who does what and when, in plain words; the source one tap away."""
    w = pages.w
    body = [w.paragraph(w.text(rule_sentence(pages.content, rule, pages.ctx.rule_words[rule["id"]])))]
    only = {("icpc",): "first_only", ("rcpc",): "review_only"}.get(tuple(rule.get("conference_types") or ()))
    outcome = (rule.get("conditions") or {}).get("outcome")
    extra = [labels.get(only, "")] if only else []
    extra += [_calculator_words(pages)["only"][outcome]] if outcome and outcome in _calculator_words(pages).get("only", {}) else []
    body += [w.paragraph(w.em(w.text(e))) for e in extra if e]
    ids = _family_quotes(pages, [rule["id"]], quoted)
    if ids:
        body.append(pages.quotes(ids, labels.get("quotes", "")))
    return body


def _calculator_words(pages) -> dict:
    return questions_data(pages.content).get("calculator", {}).get("results", {})


def _topic(pages, labels: dict, topic: dict, quoted: set[str]) -> list[Html]:
    w = pages.w
    body = [w.heading(3, topic["title"], topic["id"])]
    only = {("icpc",): "first_only", ("rcpc",): "review_only"}.get(tuple(topic.get("conference_types") or ()))
    if only:  # a topic for both kinds of meeting says nothing: that would be noise on every topic
        body.append(w.paragraph(w.em(w.text(labels.get(only, "")))))
    body += pages.paragraphs(topic["plain"])
    taps = [w.details("cp-more", w.text(labels.get("more", "")), pages.paragraphs(topic["more"]))] if topic.get("more") else []
    ids = _family_quotes(pages, topic["grounded_in"], quoted)
    if ids:
        taps.append(pages.quotes(ids, labels.get("quotes", "")))
    body.append(Html(FAMILY.taps(taps)))
    return body


def _dates(pages, labels: dict) -> list[Html]:
    table = pages.deadline_table("parents")
    if not table:
        return []
    heading, _, table = table
    # The reader's own dates, once the calculator remembers their conference, in a parent's words.
    own_dates = Html(OWN_DATES.your_dates("parents", pages.authority.id, "", "family"))
    return [heading, own_dates, pages.w.details("cp-dates", pages.w.text(labels.get("dates", "")), [table])]


def _word_for_word(pages, labels: dict) -> list[Html]:
    """The role guides for parents, quoted: one collapsed part per phase."""
    w = pages.w
    guides = [g for g in pages.authority.guides if g["audience"] == "parents"]
    if not guides:
        return []
    # The class marks the rest of the page as quotation (tests/test_family_readability.py).
    summarised = any(_is_summary(pages.content, g) for g in guides)
    intro = labels.get("summary_intro") if summarised and labels.get("summary_intro") else labels.get("word_for_word_intro", "")
    body = [w.heading(2, labels.get("word_for_word", ""), css="cp-quotations"), w.paragraph(w.text(intro))]
    for phase, phase_name in PHASE_NAMES.items():
        inner = []
        for guide in (g for g in guides if g["phase"] == phase):
            inner.append(w.heading(3, guide["title"], guide["id"]))
            inner += pages.notes(guide.get("notes", []))
            inner += pages.container_related(guide["id"])
            inner.append(pages.item_list(guide["items"]))
        if inner:
            body.append(w.details("quote", w.text(phase_name), inner))
    return body


def _is_summary(content, guide: dict) -> bool:
    """The guide's document is held as a maintainer's summary (authority.yml `copy: summary`)."""
    document = content.documents.get((guide.get("source") or {}).get("document"))
    return bool(document) and document[1].get("copy") == "summary"

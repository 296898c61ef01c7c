"""The questions a parent asks (checklists/national/questions.yml), and the family topics that answer them.

Every authority's page for parents answers the same questions in the same order; an authority's
family.yml topics each name the question they answer, and a question none of them answers gets the
site's own plain answer for when the documents say nothing.
"""

from __future__ import annotations

from .content import Authority, Content
from .errors import ContentError

QUESTIONS_FILE = "questions.yml"


def questions_data(content: Content) -> dict:
    """The site-wide questions file, or {} when the content has none (a page then shows topics only)."""
    return content.national.data(QUESTIONS_FILE) if content.national else {}


def topics_by_question(content: Content, authority: Authority) -> list[tuple[dict, list[dict]]]:
    """(question, the authority's topics answering it) in the parent's order."""
    topics = authority.data("family.yml").get("topics", [])
    return [(q, [t for t in topics if t["question"] == q["anchor"]]) for q in questions_data(content).get("questions", [])]


def question_errors(content: Content, display) -> list[ContentError]:
    """A topic naming a question that does not exist, or a questions file outside national/."""
    errors = []
    anchors = {q["anchor"] for q in questions_data(content).get("questions", [])}
    for authority in content.authorities.values():
        doc = authority.docs.get(QUESTIONS_FILE)
        if doc is not None and not authority.is_national:
            errors.append(ContentError(display(doc.path, content.root), None, f"{QUESTIONS_FILE} belongs in the national folder only",
                                       "the parents' questions are the same for every authority: move it to checklists/national/"))
        family = authority.docs.get("family.yml")
        if family is None:
            continue
        for i, topic in enumerate(family.data.get("topics", [])):
            if topic["question"] not in anchors:
                errors.append(ContentError(display(family.path, content.root), family.line_of(("topics", i, "question")),
                                           f"topic '{topic['id']}' answers question '{topic['question']}', which is not in "
                                           f"checklists/national/{QUESTIONS_FILE}",
                                           "use one of: " + ", ".join(sorted(anchors))))
    return errors

"""The questions a parent asks (checklists/national/questions.yml), and the family topics that answer them.

Every authority's page for parents answers the same questions in the same order; an authority's
family.yml topics each name the question they answer, and a question none of them answers gets the
site's own plain answer for when the documents say nothing.
"""

from __future__ import annotations

from .content import Authority, Content

QUESTIONS_FILE = "questions.yml"


def questions_data(content: Content) -> dict:
    """The site-wide questions file, or {} when the content has none (a page then shows topics only)."""
    return content.national.data(QUESTIONS_FILE) if content.national else {}


def topics_by_question(content: Content, authority: Authority) -> list[tuple[dict, list[dict]]]:
    """(question, the authority's topics answering it) in the parent's order."""
    topics = authority.data("family.yml").get("topics", [])
    return [(q, [t for t in topics if t["question"] == q["anchor"]]) for q in questions_data(content).get("questions", [])]


def rules_answering(authority: Authority, question: dict) -> list[dict]:
    """The authority's own timescale rules of the kinds that answer the question (questions.yml `kinds`)."""
    kinds = question.get("kinds") or []
    return [r for r in authority.rules if r["kind"] in kinds]


def folder_answers(content: Content, authority: Authority, question: dict) -> list[str]:
    """Ids of the authority's own items that answer a question it has no family topic for: the items
    its `facts` of the question's fact topics are grounded in, and its parents' role-guide items that
    name the question's actors. The page quotes them instead of saying the papers are silent."""
    wanted = set(question.get("facts") or [])
    ids = [g for fact in authority.meta.get("facts", []) if fact["topic"] in wanted for g in fact["grounded_in"]]
    actors = set(question.get("actors") or [])
    if actors:
        ids += [item["id"] for guide in authority.guides if guide["audience"] == "parents" for item in guide["items"]
                if actors & set(content.resolve(item).get("actors", []))]
    return [i for i in dict.fromkeys(ids) if i in content.index and content.index[i].authority == authority.id]


def absent_rights(content: Content, authority: Authority, question: dict) -> list[str]:
    """What the page says under a question the family topics answer, for each right of that question
    none of them explains (questions.yml `rights`): the papers do not mention it."""
    explained = {t.get("right") for t in authority.data("family.yml").get("topics", [])}
    rights = questions_data(content).get("rights", {})
    return [p for right, says in rights.items() if says["question"] == question["anchor"] and right not in explained
            for p in says["when_absent"]]


def rule_sentence(content: Content, rule: dict, when: str) -> str:
    """The rule for a parent, in the words of questions.yml `calculator` (kinds, actors), as
    docs/assets/js/family-dates.mjs says it: "Your social worker should give you the reports {when}."."""
    words = questions_data(content).get("calculator", {})
    actors, results = words.get("actors", {}), words.get("results", {})
    order = list(actors)
    named = [actors[a] for a in sorted(rule.get("responsible") or [], key=lambda a: order.index(a) if a in order else len(order))
             if actors.get(a)]
    once = list(dict.fromkeys(named))
    who = (f"{', '.join(once[:-1])} {results.get('and', 'and')} {once[-1]}" if len(once) > 1
           else once[0] if once else results.get("nobody", ""))
    template = words.get("kinds", {}).get(rule["kind"]) or f"{rule['label']} {{when}}."
    text = template.replace("{who}", who).replace("{when}", when)
    return text[:1].upper() + text[1:]


def addressed_to_families(content: Content, item_id: str) -> bool:
    """Whether a family answer may quote an item: not when it is part of a statement read out to others
    (`addressed_to` without parents, such as the professionals' dissent statement), which stays on the
    staff pages. Guidance written for staff that describes what happens to a family is quoted: it is
    often all that an authority's documents say about it."""
    entry = content.index[item_id]
    for node in (entry.item, *reversed(entry.ancestors)):
        if node.get("addressed_to"):
            return "parents" in node["addressed_to"]
    return True

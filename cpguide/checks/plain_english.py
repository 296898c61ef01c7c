"""Plain English: the families' pages read at Flesch-Kincaid grade 6 or lower, each paragraph a
sentence, each topic grounded in its own authority's items (and a right in items that mention it)."""

from __future__ import annotations

from functools import lru_cache

from ..content import Content
from ..errors import ContentError
from .places import shown


# --- the families' pages ---------------------------------------------------------------------------

MAX_FAMILY_GRADE = 6.0


def family_topics(content: Content) -> dict[str, list[dict]]:
    """Authority id -> topics of its family.yml, for every authority that has one."""
    return {a.id: a.data("family.yml").get("topics", []) for a in content.authorities.values()
            if "family.yml" in a.docs}


def paragraphs(topic: dict) -> list[str]:
    """A topic's own words: what is shown first (`plain`) and what opens under "More" (`more`)."""
    return topic["plain"] + topic.get("more", [])


def plain_text(topics: list[dict]) -> str:
    return " ".join(paragraph for topic in topics for paragraph in paragraphs(topic))


def reading_grade(text: str) -> float:
    import textstat  # only the family check needs it

    return textstat.flesch_kincaid_grade(text)


def family_problems(content: Content) -> list[tuple[str, int | None, str, str]]:
    """(authority, topic index or None for the whole page, problem, what to do) for family.yml."""
    problems = []
    for authority_id, topics in family_topics(content).items():
        if topics and (score := reading_grade(plain_text(topics))) > MAX_FAMILY_GRADE:
            problems.append((authority_id, None, f"the family page as a whole reads at grade {score:.1f}",
                             f"Flesch-Kincaid grade {MAX_FAMILY_GRADE:g} or lower: shorter sentences, shorter words"))
        rights: dict[str, int] = {}
        for i, topic in enumerate(topics):
            problems += [(authority_id, i, p, hint) for p, hint in _topic_problems(content, authority_id, topic)]
            if topic.get("right"):
                if topic["right"] in rights:
                    problems.append((authority_id, i, f"topic '{topic['id']}' explains the right '{topic['right']}', "
                                     f"as topic '{topics[rights[topic['right']]]['id']}' already does",
                                     "explain each right in one topic; merge the two"))
                rights.setdefault(topic["right"], i)
    return problems


def forget_pronunciations() -> None:
    """textstat keeps the CMU pronouncing dictionary it counts syllables with (about 45 MB) for the rest of
    the process. The site build measures once, while loading, and then calls this so that the memory goes
    to the pages instead (benchmarks/scale.py: peak memory of the build). Tests and `cpguide validate`,
    which load content many times, keep it."""
    try:
        from textstat.backend.utils._get_cmudict import get_cmudict
    except ImportError:  # another textstat layout: nothing is released, nothing breaks
        return
    get_cmudict.cache_clear()


def _topic_problems(content: Content, authority_id: str, topic: dict):
    score = reading_grade(plain_text([topic]))
    if score > MAX_FAMILY_GRADE:
        yield (f"topic '{topic['id']}' reads at grade {score:.1f}",
               f"Flesch-Kincaid grade {MAX_FAMILY_GRADE:g} or lower: shorter sentences, shorter words")
    for paragraph in paragraphs(topic):
        if not paragraph.rstrip().endswith((".", "?", "!")):
            yield (f"topic '{topic['id']}': paragraph {paragraph[:40]!r}… does not end a sentence",
                   "end every paragraph with . ? or ! (paragraphs are measured together)")
    ids = topic.get("grounded_in") or []
    own = [t for t in ids if t in content.index and content.index[t].authority == authority_id]
    for target in ids:
        entry = content.index.get(target)
        if entry is not None and entry.type == "family-topic":
            yield (f"topic '{topic['id']}' is grounded in another family topic '{target}'",
                   "ground it in the source items the topic explains")
        elif entry is not None and entry.authority not in (authority_id, "national"):
            yield (f"topic '{topic['id']}' is grounded in '{target}' of {entry.authority}",
                   "ground it in items of this authority or of the national framework")
    if not own:
        yield (f"topic '{topic['id']}' is grounded in no item of its own authority",
               "list in grounded_in at least one item of this authority that says what the topic says")
    right = topic.get("right")
    if right and own and not _mentions(content, ids, right_keywords().get(right, [])):
        yield (f"topic '{topic['id']}' explains the right '{right}', but none of its grounding items mentions it "
               f"(none uses any of: {', '.join(right_keywords()[right])})",
               "ground it on the items that say it; if the documents never mention the right, remove the topic "
               "(the page then says plainly that they do not: checklists/national/questions.yml rights)")


@lru_cache(maxsize=1)
def right_keywords() -> dict[str, list[str]]:
    """The family's rights and their key words (schema/family.schema.json, written once there)."""
    from ..schemas import raw_schemas

    return raw_schemas()["family.schema.json"]["properties"]["topics"]["items"]["properties"]["right"]["x-keywords"]


def _mentions(content: Content, ids: list[str], keywords: list[str]) -> bool:
    texts = []
    for target in ids:
        if target in content.index:
            item = content.resolve(content.index[target].item)
            texts.append(" ".join(str(item.get(k, "")) for k in ("title", "text", "label")).lower())
    return any(word in text for text in texts for word in keywords)


def _family_error(content: Content, authority_id: str, index: int | None, problem: str, hint: str) -> ContentError:
    doc = content.authorities[authority_id].docs["family.yml"]
    line = doc.line_of(("topics",) if index is None else ("topics", index, "id"))
    return ContentError(shown(doc.path, content), line, problem, hint)


def family_errors(content: Content) -> list[ContentError]:
    return [_family_error(content, *p) for p in family_problems(content)]

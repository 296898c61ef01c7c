"""References: every id an item, a checklist box, a prepare list or a hand-worked example names exists
(and may be named there), every document cited is listed, and the site-wide files sit in the national
folder only. Run on content whose files all loaded: with a file left out, its ids would show up as
false "does not exist" errors."""

from __future__ import annotations

from ..content import REFERENCE_KEYS, Content, Entry
from ..errors import ContentError
from ..examples import CLOCK_UNITS, EXAMPLES, rules_by_id
from ..family import QUESTIONS_FILE, questions_data
from ..interface import INTERFACE_FILE
from ..law import LAW_FILE
from ..prepare import ROLES
from .places import shown


# --- items -----------------------------------------------------------------------------------------

def reference_errors(content: Content) -> list[ContentError]:
    """Every id an item names exists, every document it cites is listed, and it has a source."""
    errors = []
    for entry in content.index.values():
        authority = content.authorities[entry.authority]
        doc = authority.docs[entry.file]
        where = shown(doc.path, content)
        for key in REFERENCE_KEYS:
            targets = entry.item.get(key)
            for target in [targets] if isinstance(targets, str) else (targets or []):
                if isinstance(target, str) and target not in content.index:
                    errors.append(ContentError(where, doc.line_of(entry.json_path + (key,)),
                                               f"'{entry.id}' refers to '{target}' in '{key}', which does not exist",
                                               "check the id for typos, or add the item it should point to"))
        errors += _kept_elsewhere_errors(content, entry, where, doc)
        if entry.type == "discrepancy":
            for i, target in enumerate(entry.item.get("items", [])):
                if target not in content.index:
                    errors.append(ContentError(where, doc.line_of(entry.json_path + ("items", i)),
                                               f"discrepancy '{entry.id}' names '{target}', which does not exist",
                                               "list the ids of the items or timescale rules involved"))
        for source in _sources_of(entry):
            if source["document"] not in content.documents:
                errors.append(ContentError(where, doc.line_of(entry.json_path + ("source",)),
                                           f"'{entry.id}' cites document '{source['document']}', which no authority.yml lists",
                                           "use a document id from the 'documents' of an authority.yml"))
        if entry.type not in ("standards-set", "agenda", "guide", "discrepancy", "term", "contact", "fact", "family-topic") \
                and "ref" not in entry.item and not entry.item.get("source"):
            errors.append(ContentError(where, doc.line_of(entry.json_path), f"'{entry.id}' has no source",
                                       "add source: {document: …, section: …} to it or to its container"))
    return errors


def _kept_elsewhere_errors(content: Content, entry: Entry, where: str, doc) -> list[ContentError]:
    """An item kept elsewhere (`ref:`) is shown in the words of the item it names: that item must have
    words of its own (not an agenda, a guide or a term), and not be kept elsewhere in turn."""
    target = content.index.get(entry.item.get("ref"))
    if target is None or ("text" in target.item and "ref" not in target.item):
        return []
    what = "is itself kept elsewhere" if "ref" in target.item else f"has no text of its own (kind: {target.type})"
    return [ContentError(where, doc.line_of(entry.json_path + ("ref",)),
                         f"'{entry.id}' is kept in '{target.id}', which {what}",
                         "point 'ref' at the item whose words should be shown here (a point, prompt, rule, "
                         "standard or paragraph), or give the words in 'text'")]


def _sources_of(entry: Entry) -> list[dict]:
    if entry.item.get("source"):
        return [entry.item["source"]]
    return list(entry.item.get("sources", []))


# --- the parents' questions and checklist ---------------------------------------------------------

def question_errors(content: Content) -> list[ContentError]:
    """A topic naming a question that does not exist, a wrong checklist item, or a questions file outside national/."""
    errors = []
    anchors = {q["anchor"] for q in questions_data(content).get("questions", [])}
    for authority in content.authorities.values():
        doc = authority.docs.get(QUESTIONS_FILE)
        if doc is not None and not authority.is_national:
            errors.append(ContentError(shown(doc.path, content), None, f"{QUESTIONS_FILE} belongs in the national folder only",
                                       "the parents' questions are the same for every authority: move it to checklists/national/"))
        family = authority.docs.get("family.yml")
        if family is None:
            continue
        errors += _checklist_errors(content, family)
        for i, topic in enumerate(family.data.get("topics", [])):
            if topic["question"] not in anchors:
                errors.append(ContentError(shown(family.path, content), family.line_of(("topics", i, "question")),
                                           f"topic '{topic['id']}' answers question '{topic['question']}', which is not in "
                                           f"checklists/national/{QUESTIONS_FILE}",
                                           "use one of: " + ", ".join(sorted(anchors))))
    return errors




def _checklist_errors(content: Content, family) -> list[ContentError]:
    """Checklist items: unique keys, a topic of the same file, source items that exist."""
    errors, keys = [], set()
    topics = {t["id"] for t in family.data.get("topics", [])}
    where = shown(family.path, content)
    for i, item in enumerate(family.data.get("checklist", [])):
        if item["key"] in keys:
            errors.append(ContentError(where, family.line_of(("checklist", i, "key")), f"checklist key '{item['key']}' is used twice",
                                       "every box needs its own key"))
        keys.add(item["key"])
        if item["topic"] not in topics:
            errors.append(ContentError(where, family.line_of(("checklist", i, "topic")),
                                       f"checklist item '{item['key']}' names topic '{item['topic']}', which is not in this file",
                                       "use the id of the topic that explains it"))
        for j, target in enumerate(item["grounded_in"]):
            if target not in content.index:
                errors.append(ContentError(where, family.line_of(("checklist", i, "grounded_in", j)),
                                           f"checklist item '{item['key']}' is grounded in '{target}', which does not exist",
                                           "check the id for typos"))
    return errors


# --- site-wide files --------------------------------------------------------------------------------

def interface_errors(content: Content) -> list[ContentError]:
    """The national folder must have the interface file, and no other folder may have one."""
    errors = []
    national = content.national
    if national is not None and INTERFACE_FILE not in national.docs:
        errors.append(ContentError(shown(national.folder / INTERFACE_FILE, content), None,
                                   f"{INTERFACE_FILE} is missing", "the site's interface wording lives in "
                                   f"checklists/national/{INTERFACE_FILE}: copy it from the project's checklists"))
    for authority in content.authorities.values():
        doc = authority.docs.get(INTERFACE_FILE)
        if doc is not None and not authority.is_national:
            errors.append(ContentError(shown(doc.path, content), None, f"{INTERFACE_FILE} belongs in the national folder only",
                                       "the interface wording is the same for every authority: move it to checklists/national/"))
    return errors


def law_errors(content: Content) -> list[ContentError]:
    """law.yml belongs in the national folder, and its editions must be national documents."""
    errors = []
    for authority in content.authorities.values():
        doc = authority.docs.get(LAW_FILE)
        if doc is None:
            continue
        if not authority.is_national:
            errors.append(ContentError(shown(doc.path, content), None, f"{LAW_FILE} belongs in the national folder only",
                                       "the law and guidance are the same for every authority: move it to checklists/national/"))
            continue
        own = {d["id"] for d in authority.documents}
        for i, edition in enumerate(doc.data.get("editions", [])):
            if edition["document"] not in own:
                errors.append(ContentError(shown(doc.path, content), doc.line_of(("editions", i, "document")),
                                           f"edition '{edition['document']}' is not a document of the national framework",
                                           "use the id of a document listed in checklists/national/authority.yml"))
    return errors


# --- what to bring and prepare -----------------------------------------------------------------------

def prepare_errors(content: Content) -> list[ContentError]:
    """Every id names an item of the same authority (a quotation from another authority's documents
    would be a requirement this authority never made)."""
    errors = []
    for authority in content.authorities.values():
        doc = authority.docs.get(ROLES)
        if doc is None:
            continue
        for i, target in enumerate(doc.data.get("prepare", [])):
            entry = content.index.get(target)
            if entry is None:
                problem, fix = "does not exist", "check the id for typos, or add the item it should point to"
            elif entry.authority != authority.id:
                problem, fix = f"belongs to '{entry.authority}'", "list only items of this authority's own documents"
            elif entry.type == "discrepancy":
                problem, fix = "is a disagreement, not a point of the documents", "list the items it names instead"
            else:
                continue
            errors.append(ContentError(shown(doc.path, content), doc.line_of(("prepare", i)),
                                       f"prepare lists '{target}', which {problem}", fix))
    return errors


# --- conferences worked out by hand -------------------------------------------------------------------

def example_errors(content: Content) -> list[ContentError]:
    errors: list[ContentError] = []
    seen: dict[str, str] = {}
    for authority in content.authorities.values():
        doc = authority.docs.get(EXAMPLES)
        if doc is None:
            continue
        where = shown(doc.path, content)
        rules = rules_by_id(content, authority)
        for i, example in enumerate(authority.examples):
            if example["id"] in seen:
                errors.append(ContentError(where, doc.line_of(("examples", i, "id")),
                                           f"example id '{example['id']}' is also used in {seen[example['id']]}",
                                           "give each example its own id, starting with the authority's prefix"))
            seen[example["id"]] = where
            for j, expected in enumerate(example["expect"]):
                problem = _problem(example, expected, rules.get(expected["rule"]))
                if problem:
                    errors.append(ContentError(where, doc.line_of(("examples", i, "expect", j, "rule")), *problem))
    return errors




def _problem(example: dict, expected: dict, rule: dict | None) -> tuple[str, str] | None:
    name = expected["rule"]
    if rule is None:
        return (f"expects a date for '{name}', which is not a rule of this authority or of the national framework",
                "use the id of a rule in this folder's timescales.yml or in checklists/national/timescales.yml")
    if example["conference"] not in rule.get("conference_types", ["icpc", "rcpc"]):
        return (f"rule '{name}' is not for a {example['conference']} conference ({', '.join(rule['conference_types'])} only)",
                "remove this line, or expect it in an example of the conference type the rule is for")
    if "time" in expected and rule.get("unit") not in CLOCK_UNITS:
        return (f"gives a time for '{name}', a rule counted in {rule.get('unit')}",
                "give only the date: a time belongs only to rules counted in hours or minutes")
    if expected.get("occurrence", 1) > 1 and not rule.get("recurrence"):
        return (f"gives occurrence {expected['occurrence']} of '{name}', which does not recur",
                "leave occurrence out: it is only for recurring rules (core groups, visits)")
    if rule.get("from") == "strategy-discussion" and "strategy_discussion" not in example and "date" in expected:
        return (f"gives a date for '{name}', counted from the strategy discussion, but the example gives none",
                "add strategy_discussion: \"YYYY-MM-DD\" to the example")
    return None

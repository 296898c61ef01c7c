"""Conferences worked out by hand (an authority's examples.yml): checked here, used by the tests.

Only a person can say what a deadline should be; examples.yml is where an authority's folder keeps
the dates a maintainer counted with a calendar, each with its line of working. The tests run the
Python engine, the JavaScript engine and the parents' calculator on every example of every
authority. `validate` checks that each example names rules that exist and apply to it.
"""

from __future__ import annotations

from .content import NATIONAL, Authority, Content
from .errors import ContentError

EXAMPLES = "examples.yml"
CLOCK_UNITS = ("minutes", "hours")  # rules whose due moment has a time of day


def rules_by_id(content: Content, authority: Authority) -> dict[str, dict]:
    """The rules an example of this authority may name: its own and the national framework's."""
    chosen = [authority] + ([content.national] if content.national and authority.id != NATIONAL else [])
    return {rule["id"]: rule for a in chosen for rule in a.rules}


def example_errors(content: Content, display) -> list[ContentError]:
    errors: list[ContentError] = []
    seen: dict[str, str] = {}
    for authority in content.authorities.values():
        doc = authority.docs.get(EXAMPLES)
        if doc is None:
            continue
        shown = display(doc.path, content.root)
        rules = rules_by_id(content, authority)
        for i, example in enumerate(authority.examples):
            if example["id"] in seen:
                errors.append(ContentError(shown, doc.line_of(("examples", i, "id")),
                                           f"example id '{example['id']}' is also used in {seen[example['id']]}",
                                           "give each example its own id, starting with the authority's prefix"))
            seen[example["id"]] = shown
            for j, expected in enumerate(example["expect"]):
                problem = _problem(example, expected, rules.get(expected["rule"]))
                if problem:
                    errors.append(ContentError(shown, doc.line_of(("examples", i, "expect", j, "rule")), *problem))
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


def missing_examples(content: Content) -> list[Authority]:
    """Local authorities with no hand-worked conference: `validate` notes them (not an error)."""
    return [a for a in content.local_authorities if not a.examples]

"""The deadlines each audience expects to be told (checklists/national/expected-deadlines.yml), and
which of them an authority's documents leave unanswered, so that no page is silent about them.

An expectation is answered for a conference type when one of the authority's own rules of one of its
kinds names the audience and applies to that type. Where none does, the page (and the calculator,
through words.json) says so in the file's own words, with what national guidance says, if anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from .content import Authority, Content
from .vocabulary import CONFERENCE_TYPES
from .wording import fill

FILE = "expected-deadlines.yml"


def expected_data(content: Content) -> dict:
    """The site-wide file, or {} when the content has none (nothing is then expected)."""
    return content.national.data(FILE) if content.national else {}


@dataclass
class Silence:
    topic: str
    conference_types: list[str]  # the types for which the authority's documents give no deadline
    message: str  # "Bath & North East Somerset's documents give no deadline for your report to the family."
    national: list[str]  # what national guidance says, one sentence per national rule (or that it says nothing)


def silences(content: Content, authority: Authority, audience: str, rule_words: dict[str, str]) -> list[Silence]:
    data = expected_data(content)
    if not data or authority.is_national:
        return []
    messages = data["messages"]
    out = []
    for expectation in data["audiences"].get(audience, []):
        kinds = set(expectation["kinds"])

        def answered(rules, conference: str) -> list[dict]:
            return [r for r in rules if r["kind"] in kinds and audience in r["audiences"] and conference in r["conference_types"]]

        missing = [t for t in CONFERENCE_TYPES if not answered(authority.rules, t)]
        if not missing:
            continue
        national_rules = {r["id"]: r for t in missing for r in answered(content.national.rules, t)}.values()
        national = [fill(messages["national"], rule=f"{r['label']}, {rule_words[r['id']]}",
                                                source=content.documents[r["source"]["document"]][1]["title"])
                    for r in national_rules] or [messages["national_none"]]
        out.append(Silence(expectation["topic"], missing,
                           fill(messages["none"], authority=authority.name, what=expectation["what"]), national))
    return out

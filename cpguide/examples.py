"""Conferences worked out by hand (an authority's examples.yml): checked here, used by the tests.

Only a person can say what a deadline should be; examples.yml is where an authority's folder keeps
the dates a maintainer counted with a calendar, each with its line of working. The tests run the
Python engine, the JavaScript engine and the parents' calculator on every example of every
authority. `validate` checks that each example names rules that exist and apply to it.
"""

from __future__ import annotations

from .content import NATIONAL, Authority, Content

EXAMPLES = "examples.yml"
CLOCK_UNITS = ("minutes", "hours")  # rules whose due moment has a time of day


def rules_by_id(content: Content, authority: Authority) -> dict[str, dict]:
    """The rules an example of this authority may name: its own and the national framework's."""
    chosen = [authority] + ([content.national] if content.national and authority.id != NATIONAL else [])
    return {rule["id"]: rule for a in chosen for rule in a.rules}


def missing_examples(content: Content) -> list[Authority]:
    """Local authorities with no hand-worked conference: `validate` notes them (not an error)."""
    return [a for a in content.local_authorities if not a.examples]

"""An item kept elsewhere (`ref:`) is shown where it is referred to, whatever kind of item it is.

A role guide's `ref:` to a timescale rule passed `cpguide validate` and then stopped the build with a
KeyError: the rule's kind is a deadline kind, which the page looked up among the item kinds."""

from __future__ import annotations

import html

import pytest

from cpguide.gate import valid_content
from cpguide.site import build_site

ROLES = """\
# yaml-language-server: $schema=../../../../../schema/roles.schema.json
guides:
  - id: t-chairs-guide
    audience: chairs
    phase: after
    title: After the conference
    items:
      - {id: t-chairs-plan, ref: t-rule-plan}
"""


def test_a_role_guide_can_point_at_a_timescale_rule(tree):
    (tree / "checklists" / "test-town" / "roles.yml").write_text(ROLES, encoding="utf-8")
    build = build_site(valid_content(tree / "checklists"))
    page = next(p for p in build.pages if p.src_uri == "test-town/chairs.md")
    shown = html.unescape(str(page.written))
    item = shown[shown.index('id="t-chairs-plan"'):]
    item = item[:item.index("</li>")]
    assert "The plan will be sent within one working day." in item  # the rule's own words
    assert "timescales/#t-rule-plan" in item  # and where it is kept


@pytest.mark.parametrize("target, why", [("t-agenda", "has no text of its own (kind: agenda)"),
                                         ("t-chairs-plan", "is itself kept elsewhere")])
def test_an_item_kept_in_something_without_words_of_its_own_is_refused(tree, target, why):
    from good_tree import errors_for

    roles = ROLES + f"      - {{id: t-chairs-other, ref: {target}}}\n"
    (tree / "checklists" / "test-town" / "roles.yml").write_text(roles, encoding="utf-8")
    errors = errors_for(tree)
    assert errors == [f"checklists/test-town/roles.yml:9: 't-chairs-other' is kept in '{target}', which {why}"
                      " — point 'ref' at the item whose words should be shown here (a point, prompt, rule, "
                      "standard or paragraph), or give the words in 'text'"], errors

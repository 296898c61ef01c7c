"""Consistency within and across authorities: recorded disagreements, national limits, cross-links, open data."""

from __future__ import annotations

import copy
import html
import json
import re
from pathlib import Path

import pytest

from cpguide.checks import national_breaches, unrecorded_conflicts
from cpguide.content import Content
from cpguide.site import routes


def test_every_timing_conflict_inside_an_authority_is_recorded(content):
    missing = unrecorded_conflicts(content)
    assert not missing, "\n".join(
        f"{c.authority}: rules {c.rules[0]} and {c.rules[1]} give different timings for {c.kind} ({c.conference_type}) "
        "but no discrepancy in discrepancies.yml names both" for c in missing)


def test_an_unrecorded_conflict_is_found(content):
    """The check itself must fire: add to an authority a rule that contradicts one of its own and record nothing."""
    authority = next(a for a in content.local_authorities if a.rules)
    doc = authority.docs["timescales.yml"]
    original = copy.deepcopy(doc.data)
    try:
        rule = copy.deepcopy(authority.rules[0])
        rule.update(id="x-test-conflicting-rule", amount=rule["amount"] + 2)
        doc.data["rules"].append(rule)
        found = unrecorded_conflicts(content)
        assert any("x-test-conflicting-rule" in c.rules and c.kind == rule["kind"] for c in found)
    finally:
        doc.data.clear()
        doc.data.update(original)


def _later_than_national(content: Content) -> list[str]:
    """The same check `cpguide validate` makes (cpguide.checks), as one line per finding."""
    return [f"{b.authority}: {b.rule} ({b.kind}, {b.conference_type}) is due {b.due} after a conference on "
            f"{b.conference}, later than the national limit {b.national_rule} ({b.national_due})"
            for b in national_breaches(content)]


def test_no_authority_allows_more_time_than_the_national_limit(content):
    assert not _later_than_national(content)


def test_a_rule_over_the_national_limit_is_caught(content):
    """The check itself must fire: an authority's copy of a national limit with 5 more days."""
    authority = next(a for a in content.local_authorities if "timescales.yml" in a.docs)
    national = next(r for r in content.national.rules if r["direction"] == "after" and r["from"] == "conference")
    rules = authority.docs["timescales.yml"].data.setdefault("rules", [])
    rules.append(dict(copy.deepcopy(national), id="x-test-over-the-limit", amount=national["amount"] + 5))
    try:
        assert any("x-test-over-the-limit" in line for line in _later_than_national(content))
    finally:
        rules.pop()


def test_related_items_show_each_other(site_dir: Path, content):
    """Every reference between items appears as a link on the page of each side."""
    from cpguide.site.model import SiteContext

    ctx = SiteContext(content)
    pages: dict[str, str] = {}

    def html(src: str) -> str:
        if src not in pages:
            pages[src] = (site_dir / routes.output_path(src)).read_text(encoding="utf-8")
        return pages[src]

    checked = 0
    for item_id, related in ctx.related.items():
        entry = content.index[item_id]
        if entry.type in ("fact", "family-topic", "term", "discrepancy"):
            continue
        page = html(ctx.page_of(entry))
        for other in related:
            target = re.escape(f"#{other}\"")
            assert re.search(target, page), f"{ctx.page_of(entry)}: {item_id} does not link to related {other}"
            checked += 1
    assert checked > 50


def test_a_reference_relates_both_ways(content):
    """Every item a local item points at (its deadline, standards, related items), the national
    framework's included, points back at it."""
    from cpguide.content import REFERENCE_KEYS
    from cpguide.site.model import SiteContext

    related = SiteContext(content).related
    pairs = [(e.id, t) for e in content.index.values() for key in REFERENCE_KEYS
             for t in ([e.item[key]] if isinstance(e.item.get(key), str) else e.item.get(key) or []) if isinstance(t, str)]
    assert pairs or not any(a.docs.keys() - {"authority.yml", "timescales.yml", "examples.yml"} for a in content.local_authorities)
    for a, b in pairs:
        if a != b:
            assert b in related[a] and a in related[b], (a, b)


def test_disagreements_are_shown_next_to_each_item(site_dir: Path, content):
    for authority in content.local_authorities:
        for d in authority.discrepancies:
            assert (site_dir / "disagreements" / "index.html").read_text(encoding="utf-8").count(f'#{d["id"]}"') >= 1
            for item_id in d["items"]:
                entry = content.index[item_id]
                if entry.type == "agenda-section":
                    continue  # a section shows its anomaly in a box of its own
                from cpguide.site.model import SiteContext
                src = SiteContext(content).page_of(entry)
                page = (site_dir / routes.output_path(src)).read_text(encoding="utf-8")
                assert "The sources disagree here" in page and f'#{d["id"]}"' in page, (item_id, d["id"])


def test_open_data_is_published_and_complete(site_dir: Path, content):
    index = json.loads((site_dir / "data" / "index.json").read_text(encoding="utf-8"))
    ids = {a["id"] for a in index["authorities"]}
    assert ids == set(content.authorities)
    for entry in index["authorities"]:
        data = json.loads((site_dir / "data" / entry["url"]).read_text(encoding="utf-8"))
        authority = content.authorities[entry["id"]]
        assert [r["id"] for r in data["timescales"]] == [r["id"] for r in authority.rules]
        assert len(data["discrepancies"]) == len(authority.discrepancies)
        for d in data["discrepancies"]:
            expected = {content.index[i].item["kind"] for i in d["items"] if content.index[i].type == "rule"}
            assert set(d["kinds"]) == expected
    for schema in index["schemas"]:
        assert (site_dir / "data" / schema).exists()


def test_open_data_validates_against_the_published_schemas(site_dir: Path, content):
    from cpguide.schemas import validators

    v = validators()
    for authority in content.local_authorities:
        data = json.loads((site_dir / "data" / "authorities" / f"{authority.id}.json").read_text(encoding="utf-8"))
        for key, schema, wrap in [("agendas", "agenda.schema.json", "agendas"), ("statements", "statements.schema.json", "statements"),
                                  ("role_guides", "roles.schema.json", "guides")]:
            errors = list(v[schema].iter_errors({wrap: data[key]}))
            assert not errors, (authority.id, errors[:3])
        rules = [{k: val for k, val in r.items() if k != "in_words"} for r in data["timescales"]]
        assert not list(v["timescales.schema.json"].iter_errors({"rules": rules})), authority.id


def test_the_page_of_all_disagreements_lists_titles_and_each_authority_sets_them_out(site_dir: Path, content):
    """The page for every authority names each disagreement and links to its authority's own page, where
    its note and the items involved are: with 150 authorities, written out in full, it was 1.4 MB."""
    def text(path: Path) -> str:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))).split())

    everything = (site_dir / "disagreements" / "index.html").read_text(encoding="utf-8")
    for authority in content.local_authorities:
        own = text(site_dir / authority.id / "disagreements" / "index.html") if authority.discrepancies else ""
        for d in authority.discrepancies:
            assert f'href="../{authority.id}/disagreements/#{d["id"]}"' in everything, (authority.id, d["id"])
            note = " ".join(d["note"].split()[:8])
            assert note in own and note not in text(site_dir / "disagreements" / "index.html"), d["id"]

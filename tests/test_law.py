"""The law as it stands: the initial conference counted from the strategy discussion at which the section 47
enquiries were initiated (never the last one), every national fact saying what it was checked against,
the edition in force and each coming change's status worked out on the build date (checklists/national/law.yml).

Dates below are worked out by hand, day by day, in the comments beside them.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from cpguide.checks import reading_grade
from cpguide.deadlines import BankHolidayCalendar, Request, compute, rules_for
from cpguide.law import edition_in_force, law_data, status
from good_tree import errors_for

ROOT = Path(__file__).resolve().parent.parent
CAL = BankHolidayCalendar.for_years(2025, 2031)
MAX_GRADE = 6

# Counting from the last strategy discussion, in any wording seen so far: "(last) strategy discussion",
# "or of the last one, where there were several", "the last strategy discussion", "latest"/"final" one.
OLD_COUNTING = re.compile(
    r"\(last\)\s*strategy|(?:last|latest|final|most recent) (?:one|strategy discussion|strategy meeting)[^.]{0,60}(?:several|more than one)"
    r"|(?:several|more than one)[^.]{0,80}(?:the|of|from) (?:the )?(?:last|latest|final|most recent) (?:one|strategy)"
    r"|last strategy discussion", re.IGNORECASE)


def icpc_due(content, strategy: date, conference: date) -> date:
    national = [r for r in rules_for(content, "national") if r["id"] == "nat-icpc-held"]
    result = compute(national, Request("icpc", conference, None, strategy), CAL)
    return next(d.due for d in result.deadlines if d.rule["id"] == "nat-icpc-held")


# Two strategy discussions each: the enquiries were initiated at the first; the second met later.
# (initiating discussion, later discussion, due from the initiating one, due from the later one)
TWO_DISCUSSIONS = [
    # Thu 21 May 2026; Mon 25 May is the spring bank holiday. From 21 May: 22, 26, 27, 28, 29 May (5),
    # 1-5 June (10), 8-12 June (15) -> Fri 12 June. From Thu 28 May: 29 May (1), 1-5 (6), 8-12 (11),
    # 15, 16, 17, 18 June (15) -> Thu 18 June.
    (date(2026, 5, 21), date(2026, 5, 28), date(2026, 6, 12), date(2026, 6, 18)),
    # Mon 14 Dec 2026; Fri 25 Dec, Mon 28 Dec (Boxing Day substitute), Fri 1 Jan are holidays. From 14 Dec:
    # 15-18 (4), 21-24 (8), 29, 30, 31 (11), 4, 5, 6, 7 Jan (15) -> Thu 7 Jan 2027. From Mon 21 Dec:
    # 22, 23, 24 (3), 29, 30, 31 (6), 4-8 Jan (11), 11, 12, 13, 14 Jan (15) -> Thu 14 Jan 2027.
    (date(2026, 12, 14), date(2026, 12, 21), date(2027, 1, 7), date(2027, 1, 14)),
]


@pytest.mark.parametrize("initiating, later, due, due_if_later", TWO_DISCUSSIONS)
def test_the_initial_conference_is_due_15_working_days_after_the_discussion_that_initiated_the_enquiries(
        content, initiating, later, due, due_if_later):
    assert icpc_due(content, initiating, due) == due
    # The other reading gives a later date: a family would be told the conference is on time when it is not.
    assert icpc_due(content, later, due_if_later) == due_if_later and due_if_later > due


def test_the_calculator_asks_for_the_date_of_the_discussion_that_started_the_checks(content):
    from cpguide.family import questions_data
    from cpguide.interface import interface_words

    parents = questions_data(content)["calculator"]
    staff = interface_words(content)["calculator"]["form"]
    assert "started the checks" in parents["strategy_label"] and "Do not use a later talk" in parents["strategy_hint"]
    assert "initiated the section 47 enquiries" in staff["strategy_label"] and "a later one does not move" in staff["strategy_hint"]
    assert reading_grade(parents["strategy_hint"]) <= MAX_GRADE


def _texts_to_search(content) -> dict[str, str]:
    """Every place the counting point could be stated: content, README files, hand-written pages, code, open data."""
    from cpguide import opendata
    from cpguide.deadlines.export import calculator_data

    files = [*ROOT.glob("checklists/**/*.yml"), ROOT / "sources" / "README.md", ROOT / "README.md", ROOT / "MAINTAINERS.md", ROOT / "CONTRIBUTING.md",
             *ROOT.glob("docs/**/*.md"), *ROOT.glob("cpguide/**/*.py"), *ROOT.glob("docs/assets/js/*.mjs")]
    texts = {str(f.relative_to(ROOT)): f.read_text(encoding="utf-8") for f in files if f.is_file()}
    texts.update({f"data/{name}": text for name, text in opendata.files(content, "test").items()})
    texts["calculator words"] = json.dumps(calculator_data(content), ensure_ascii=False)
    return texts


def test_nothing_counts_the_initial_conference_from_the_last_strategy_discussion(content):
    found = [f"{where}: ...{m.group(0)}..." for where, text in _texts_to_search(content).items()
             for m in OLD_COUNTING.finditer(" ".join(text.split()))]
    assert not found, "counted from the last strategy discussion:\n" + "\n".join(found)


@pytest.mark.parametrize("old", [
    "the ICPC within 15 working days of the strategy discussion (or of the last one, where there were several)",
    "For an initial conference: the (last) strategy discussion, from which the conference itself is timed.",
    "Where there was more than one strategy discussion, count from the date of the last one.",
    "date of the last strategy discussion",
])
def test_the_old_wording_is_caught(old):
    assert OLD_COUNTING.search(old)


def test_the_right_wording_is_not_caught():
    for text in ("within 15 working days of the strategy discussion or, where there were several, of the one at which "
                 "the section 47 enquiries were initiated", "At a review meeting, they say what has happened since the last one."):
        assert not OLD_COUNTING.search(text)


def _words(page: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")).split())


def test_the_built_pages_never_count_from_the_last_discussion(site_dir):
    for page in (site_dir / "national" / "timescales" / "index.html", site_dir / "glossary" / "index.html",
                 site_dir / "calculator" / "parents" / "index.html", site_dir / "calculator" / "index.html"):
        text = _words(page)
        assert "section 47 enquiries were initiated" in text or "started the checks" in text, page
    found = [str(p.relative_to(site_dir)) for p in site_dir.rglob("*.html") if OLD_COUNTING.search(_words(p))]
    found += [str(p.relative_to(site_dir)) for p in site_dir.rglob("*.json") if OLD_COUNTING.search(p.read_text(encoding="utf-8"))]
    assert not found, found


# --- checked against -------------------------------------------------------------------------------

def test_every_real_national_fact_says_what_it_was_checked_against(content):
    from cpguide.checked import against_statutory_text, national_facts, publishers

    facts = list(national_facts(content))
    assert {item["id"] for _, _, item in facts} >= {"nat-icpc-held", "nat-first-core-group", "nat-first-review-conference",
                                                      "nat-later-review-conferences", "term-icpc", "term-strategy-discussion"}
    for _, _, item in facts:
        checks = item["checked_against"]
        assert against_statutory_text(checks) or len(publishers(checks)) >= 2, item["id"]
        assert all(c["url"].startswith(("http://", "https://")) and c["checked"] for c in checks), item["id"]


def _drop(path: Path, line_prefix: str) -> None:
    """Removes the checked_against block (the key and its indented entries) from a fixture file."""
    out, skipping = [], False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith(line_prefix + "checked_against:"):
            skipping = True
            continue
        if skipping and line.startswith(line_prefix + "  "):
            continue
        skipping = False
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")


def test_a_national_rule_without_checked_against_fails_validate_at_its_line(tree):
    _drop(tree / "checklists" / "national" / "timescales.yml", "    ")
    errors = errors_for(tree)
    assert any("checklists/national/timescales.yml:3: national fact 't-nat-first-core-group' has no checked_against" in e
               for e in errors), errors


def test_a_national_definition_without_checked_against_fails_validate(tree):
    _drop(tree / "checklists" / "national" / "glossary.yml", "    ")
    errors = errors_for(tree)
    assert any("glossary.yml:3: national fact 't-term-icpc' has no checked_against" in e for e in errors), errors


def test_local_procedures_of_one_publisher_are_not_enough(tree):
    path = tree / "checklists" / "national" / "timescales.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('publisher: "Other County"', 'publisher: "test  borough"'), encoding="utf-8")
    errors = errors_for(tree)
    assert any("'t-nat-first-core-group' is checked against one publisher's pages only" in e for e in errors), errors


# --- editions and what is changing -----------------------------------------------------------------

def test_the_edition_in_force_is_worked_out_from_the_build_date(content):
    assert edition_in_force(content, date(2025, 6, 1)).document["id"] == "wt-2023"
    assert edition_in_force(content, date(2025, 6, 1)).perhaps is None
    # Published in 2026, the day not found: during 2026 before it was confirmed, the site says either.
    mid = edition_in_force(content, date(2026, 6, 1))
    assert (mid.document["id"], mid.perhaps["id"]) == ("wt-2023", "wt-2026")
    assert edition_in_force(content, date(2026, 12, 6)).document["id"] == "wt-2026"
    assert edition_in_force(content, date(2026, 12, 6)).perhaps is None


def _change(content, anchor: str) -> dict:
    return next(c for c in law_data(content)["changes"] if c["anchor"] == anchor)


def test_statuses_on_the_day_checked(content):
    words = law_data(content)["words"]
    on = date(2026, 12, 6)
    fgdm = status(_change(content, "change-family-group-decision-making"), on, words)
    teams = status(_change(content, "change-multi-agency-child-protection-teams"), on, words)
    lead = status(_change(content, "change-lead-child-protection-practitioners"), on, words)
    assert (fgdm.key, teams.key, lead.key) == ("enacted", "expected", "programme")
    assert not any(s.in_force or s.flags for s in (fgdm, teams, lead))
    assert "late 2027" in teams.sentence and "29 April 2026" in fgdm.sentence


def test_a_start_day_is_never_shown_as_in_force_before_it_comes(content):
    words = law_data(content)["words"]
    change = {**_change(content, "change-family-group-decision-making"), "in_force_from": "2027-04-01"}
    before = status(change, date(2027, 3, 31), words)
    assert before.key == "starts" and not before.in_force and "1 April 2027" in before.sentence and not before.flags
    after = status(change, date(2027, 4, 1), words)
    assert after.in_force
    # Last checked 6 December 2026, before that day: the page says it may have changed.
    assert after.flags and "6 December 2026" in after.flags[0]
    assert not status({**change, "last_checked": "2027-04-01"}, date(2027, 4, 1), words).flags


def test_an_expected_date_passed_unchecked_is_flagged(content):
    words = law_data(content)["words"]
    teams = _change(content, "change-multi-agency-child-protection-teams")  # expected late 2027 (2027-12)
    assert not status(teams, date(2027, 12, 31), words).flags
    late = status(teams, date(2028, 1, 1), words)
    assert late.flags and "late 2027" in late.flags[0] and not late.in_force


def test_the_page_flags_a_passed_date_on_the_build_date_it_is_given(content):
    from cpguide.site.law_page import generate
    from cpguide.site.model import SiteContext

    page = next(generate(SiteContext(content, build_date=date(2028, 1, 1))))
    assert "Check needed" in page.markdown and "late 2027" in page.markdown
    page = next(generate(SiteContext(content, build_date=date(2026, 12, 6))))
    assert "Check needed" not in page.markdown and "6 December 2026" in page.markdown
    assert "has been the law since" not in page.markdown


def test_family_words_on_the_changes_read_at_grade_6_or_lower(content):
    data = law_data(content)
    words = data["words"]
    texts = [words["intro"], *words["status"].values()]
    failures = []
    for change in data["changes"]:
        for key in ("plain", "who_plain"):
            score = reading_grade(change[key])
            if score > MAX_GRADE:
                failures.append(f"{change['anchor']}.{key}: grade {score:.1f}")
    score = reading_grade(" ".join(texts))
    assert score <= MAX_GRADE and not failures, failures + [f"words: grade {score:.1f}"]


def test_each_hub_and_the_national_framework_link_to_what_is_changing(site_dir):
    for hub in ("parents", "professionals", "social-workers", "chairs"):
        html = (site_dir / "for" / hub / "index.html").read_text(encoding="utf-8")
        assert 'href="../../national/changing/"' in html, hub
    overview = (site_dir / "national" / "index.html").read_text(encoding="utf-8")
    assert 'href="changing/"' in overview and "Which edition of Working Together is in force" in overview


def test_a_definition_stating_what_an_act_says_needs_checked_against_too(tree):
    path = tree / "checklists" / "national" / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "  - id: t-term-cin\n    term: Child in need\n"
        "    definition: Under section 17 of the Children Act 1989, a child who needs services.\n"
        "    sources: [{document: t-doc, section: \"1\"}]\n"), encoding="utf-8")
    errors = errors_for(tree)
    assert any("national fact 't-term-cin' has no checked_against" in e for e in errors), errors


def test_open_data_and_pages_say_what_each_national_fact_was_checked_against(content, site_dir):
    from cpguide import opendata

    national = json.loads(opendata.files(content, "test")["authorities/national.json"])
    icpc = next(r for r in national["timescales"] if r["id"] == "nat-icpc-held")
    assert {c["publisher"] for c in icpc["checked_against"]} >= {"Devon County Council", "London Borough of Bexley"}
    assert all(c["checked"] == "2026-12-06" for c in icpc["checked_against"])
    law = national["law"]  # the editions and the coming changes with their dates, as law.yml gives them
    assert [e["document"] for e in law["editions"]] == ["wt-2023", "wt-2026"]
    assert {c["anchor"]: c.get("enacted") for c in law["changes"]}["change-family-group-decision-making"] == "2026-04-29"
    timescales = (site_dir / "national" / "timescales" / "index.html").read_text(encoding="utf-8")
    assert timescales.count("Checked against:") == 4  # one for each national rule
    assert "Not checked against the text of Working Together itself" in timescales
    assert "no-23-initial-case-conferences" in timescales and "bexley.proceduresonline.com" in timescales
    glossary = (site_dir / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "Checked against the text of the law or the statutory guidance itself." in glossary  # section 47, from legislation.gov.uk


def test_validate_notes_a_date_passed_since_the_last_check(monkeypatch, capsys):
    from cpguide.cli import main

    monkeypatch.setenv("CPGUIDE_TODAY", "2028-01-01")  # after "late 2027", the expected start of the teams
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"note: checklists/national/law\.yml:\d+: Check needed: the expected start \(late 2027\)", out), out
    monkeypatch.setenv("CPGUIDE_TODAY", "2026-12-06")
    assert main(["validate"]) == 0
    assert "Check needed" not in capsys.readouterr().out

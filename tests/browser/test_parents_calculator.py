"""The parents' calculator, used as a parent would on a phone (390x844): choose the council, type the
date and time of the meeting, ask for the dates. The answer gives the meeting and the reports date
(worked out by hand below), in plain words (grade 6 or lower), with no staff wording, rule ids or
file names in sight; the calendar file has the meeting itself, at its time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cpguide.checks import MAX_FAMILY_GRADE, reading_grade
from cpguide.deadlines.engine import rules_for
from cpguide.family import questions_data

from .browser_helpers import AXE, WCAG_TAGS, describe_violations, run_axe


# One meeting per real authority, each next to bank holidays (England: Good Friday 26 March 2027,
# Easter Monday 29 March 2027, May Day 3 May 2027, Spring Bank Holiday 31 May 2027, Christmas Day
# Friday 25 December 2026, Boxing Day observed Monday 28 December 2026, New Year's Day Friday 1 January 2027).
# `dates`: data-kind of the list item -> the date it must show, worked out by hand, in date order.
SCENARIOS = {
    "west-berkshire": {
        "conference": "icpc", "date": "2027-03-30", "time": "10:00",
        "dates": {
            # Reports "at least 48 hours before the start": Sunday 28 March 10:00, not a working day;
            # Saturday 27 no, Friday 26 is Good Friday, so Thursday 25 March.
            "reports-to-family": "Thursday 25 March 2027",
            # The chair's pre-meeting, exactly 30 minutes before the start.
            "family-pre-meeting": "Tuesday 30 March 2027 at 09:30",
            "conference": "Tuesday 30 March 2027 at 10:00",
            # Minutes "within 20 working days": 31 Mar, 1-2 Apr (3), 5-9 (8), 12-16 (13), 19-23 (18), 26 (19), 27 (20).
            "minutes-circulated": "Tuesday 27 April 2027",
        },
    },
    "unnamed-authority": {
        "conference": "rcpc", "date": "2027-05-04", "time": "13:30",
        "dates": {
            # Reports "at least 2 working days before": Monday 3 May is May Day, so Friday 30 April (1), Thursday 29 April (2).
            "reports-to-family": "Thursday 29 April 2027",
            "conference": "Tuesday 4 May 2027 at 13:30",
            # Minutes "within 20 working days": 5-7 May (3), 10-14 (8), 17-21 (13), 24-28 (18),
            # 31 May is the Spring Bank Holiday, 1 June (19), 2 June (20).
            "minutes-circulated": "Wednesday 2 June 2027",
        },
    },
    "bath-and-north-east-somerset": {
        "conference": "icpc", "date": "2026-12-24", "time": "10:00",
        "dates": {
            "family-pre-meeting": "Thursday 24 December 2026 at 09:30",
            "conference": "Thursday 24 December 2026 at 10:00",
            # Its papers give no date for the reports (the answer says so, below). The national first core
            # group "within 10 working days": 25 Dec and 28 Dec are bank holidays; 29, 30, 31 Dec (3),
            # 1 Jan is a bank holiday, 4-8 Jan (8), 11 (9), 12 (10).
            "first-core-group": "Tuesday 12 January 2027",
            # The first review "within 3 months": 24 March 2027, a Wednesday and a working day.
            "next-review-conference": "Wednesday 24 March 2027",
        },
    },
}



def test_every_real_authority_has_a_hand_worked_meeting(content):
    assert set(SCENARIOS) == {a.id for a in content.local_authorities}


def ask(phone, authority, scenario) -> None:
    """As a parent: choose the council, the kind of meeting, type the date and time, ask."""
    phone.goto("/calculator/parents/")
    phone.wait_for_function("window.__calculatorReady === true", timeout=15_000)
    phone.get_by_label("Local authority").select_option(label=authority.name)
    phone.check(f"#cp-calc-conference-{scenario['conference']}")
    # fill() enters the date and time as the boxes' own pickers would (the boxes' typed order follows
    # the machine's locale, not the page's).
    phone.locator("#cp-calc-date").fill(scenario["date"])
    phone.locator("#cp-calc-time").fill(scenario["time"])
    phone.get_by_role("button", name="Work out the dates").click()
    phone.locator(".cp-calc__result h2").wait_for()


def own_words(phone) -> str:
    """The answer's own words: without quotations (<blockquote>, <q>) and collapsed <details>."""
    return phone.evaluate("""() => {
        const copy = document.querySelector('.cp-calc__result').cloneNode(true);
        copy.querySelectorAll('blockquote, q, details:not([open])').forEach((e) => e.remove());
        copy.querySelectorAll('h2, h3, p, li').forEach((e) => e.append(' '));
        return copy.textContent.replace(/\\s+/g, ' ').trim();
    }""")


@pytest.mark.parametrize("authority_id", sorted(SCENARIOS))
def test_a_parent_gets_their_dates_in_plain_words(phone, content, authority_id, tmp_path):
    authority, scenario = content.authorities[authority_id], SCENARIOS[authority_id]
    ask(phone, authority, scenario)
    result = phone.locator(".cp-calc__result")
    assert phone.input_value("#cp-calc-date") == scenario["date"], "the date box did not take the typed date"
    assert phone.input_value("#cp-calc-time") == scenario["time"], "the time box did not take the typed time"

    # Each hand-worked date, on the item of its kind, in date order, the meeting in its place.
    shown = {}
    for kind, expected in scenario["dates"].items():
        item = result.locator(f"ol.cp-fam__dates > li[data-kind='{kind}']").first
        assert expected in item.inner_text(), (kind, item.inner_text())
        shown[kind] = result.locator("ol.cp-fam__dates > li").evaluate_all(
            "(items, kind) => items.findIndex((li) => li.dataset.kind === kind)", kind)
    assert sorted(shown, key=shown.get) == list(scenario["dates"]), shown
    if "reports-to-family" not in scenario["dates"]:  # its papers are silent on the reports, and the answer says so
        reports = next(q for q in questions_data(content)["questions"] if q["anchor"] == "reports")
        assert all(p in result.inner_text() for p in reports["when_silent"])
        assert result.locator("li[data-kind='reports-to-family']").count() == 0

    # No staff wording, rule ids or file names in what a parent sees before opening anything.
    visible = result.inner_text()
    for staff in ("National limit", "Who:", "Rule and source", ".txt", ".md"):
        assert staff not in visible, staff
    ids = [r["id"] for r in rules_for(content, authority_id)]
    assert not [i for i in ids if i in visible]
    # The source wording is one tap away: collapsed, marked as a quotation.
    source = result.locator("details.quote").first
    assert source.locator("blockquote, p").first.is_hidden()
    source.locator("summary").click()
    assert source.locator("cite").first.is_visible()
    source.locator("summary").click()

    # Plain English: the answer's own words at grade 6 or lower.
    words = own_words(phone)
    assert len(words.split()) > 40, words
    assert reading_grade(words) <= MAX_FAMILY_GRADE, (reading_grade(words), words)

    # The calendar file: the meeting itself, at its time; the pre-meeting at its time too.
    with phone.expect_download() as info:
        phone.get_by_role("button", name="Download the dates as a calendar file (.ics)").click()
    from icalendar import Calendar

    calendar = Calendar.from_ical(Path(info.value.path()).read_bytes())
    events = calendar.walk("VEVENT")
    conference = [e for e in events if str(e["uid"]) == f"{scenario['conference']}-{scenario['date']}-conference@cpguide"]
    assert len(conference) == 1
    # in a parent's words, as on the page: "meeting", not the staff name with its abbreviation
    assert "meeting" in str(conference[0]["summary"]).lower() and "(" not in str(conference[0]["summary"])
    assert "meeting" in str(calendar["x-wr-calname"]).lower() and "(" not in str(calendar["x-wr-calname"])
    start = conference[0].decoded("dtstart")
    assert start.isoformat() == f"{scenario['date']}T{scenario['time']}:00", "the meeting must be a timed event"
    pre = [e for e in events if "pre-meeting" in str(e["uid"])]
    for e in pre:
        assert e.decoded("dtstart").isoformat() == f"{scenario['date']}T{_minus_30(scenario['time'])}:00"
    assert bool(pre) == ("family-pre-meeting" in scenario["dates"])

    # Accessible at phone size, with the answer filled in: the answer where it is (scrolled to), then the
    # whole page from its top. (Scrolled down, axe counts the sticky quick-exit button as covering the
    # Listen button, which is then off the screen.)
    phone.add_script_tag(path=str(AXE))
    calculator = phone.evaluate("tags => axe.run('[data-cpguide-calculator]', {runOnly: {type: 'tag', values: tags}, "
                                "resultTypes: ['violations']})", WCAG_TAGS)["violations"]
    assert not calculator, describe_violations(calculator)
    phone.evaluate("window.scrollTo(0, 0)")
    phone.wait_for_function("getComputedStyle(document.querySelector('.md-header__topic')).opacity === '1'")  # the header's fade
    violations = run_axe(phone)
    assert not violations, describe_violations(violations)
    assert not phone.errors


def _minus_30(hhmm: str) -> str:
    h, m = map(int, hhmm.split(":"))
    total = h * 60 + m - 30
    return f"{total // 60:02d}:{total % 60:02d}"


def test_where_the_papers_disagree_every_date_is_given(phone, content):
    """West Berkshire's papers send the plan within 24 hours, within 1 working day (a child protection
    plan) or within 5 working days (a child in need plan). For a meeting on Thursday 27 May 2027 at 10:00:
    24 hours is Friday 28 May 10:00; 1 working day is Friday 28 May; 5 working days is 28 May (1),
    31 May is the Spring Bank Holiday, 1-4 June (5): Friday 4 June. For a child in need plan the papers
    give 28 May and 4 June: the answer must say both."""
    if "west-berkshire" not in content.authorities:
        pytest.fail("the West Berkshire content is needed for this case")
    ask(phone, content.authorities["west-berkshire"], {"conference": "icpc", "date": "2027-05-27", "time": "10:00"})
    plan = phone.locator("ol.cp-fam__dates > li[data-kind='plan-circulated']")
    texts = [plan.nth(i).inner_text() for i in range(plan.count())]
    both = [t for t in texts if "Friday 28 May 2027" in t and "Friday 4 June 2027" in t]
    assert len(both) == 1, texts
    assert not phone.errors


def test_the_parents_page_answers_with_the_readers_own_dates(phone, content):
    """Remember a review meeting on Tuesday 1 June 2027 in the calculator; West Berkshire's page for
    parents then gives the date in its answers. Reports "at least 5 working days before" a review:
    31 May is the Spring Bank Holiday, so Friday 28 May (1), 27 (2), 26 (3), 25 (4), Monday 24 May (5).
    The plan "within 1 working day" (and "within 24 hours"): Wednesday 2 June 2027."""
    authority = content.authorities["west-berkshire"]
    ask(phone, authority, {"conference": "rcpc", "date": "2027-06-01", "time": "10:00"})
    phone.goto(f"/{authority.id}/parents/")
    phone.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    reports = phone.locator("[data-cpguide-your-dates][data-kinds~='reports-to-family']")
    after = phone.locator("[data-cpguide-your-dates][data-kinds~='plan-circulated']")
    # under the answer to "When will I get the reports?" (the mount follows the question's heading)
    assert reports.evaluate("(el) => el.compareDocumentPosition(document.getElementById('reports')) & Node.DOCUMENT_POSITION_PRECEDING")
    for _ in range(2):  # and again after a reload: the date is kept in this browser
        reports.wait_for(state="visible")
        assert "Monday 24 May 2027" in reports.inner_text()
        assert "Wednesday 2 June 2027" in after.inner_text()
        assert "Monday 24 May 2027" not in after.inner_text()
        # and the page's list of every date, in the same words, with the meeting in its place
        whole = phone.locator("[data-cpguide-your-dates][data-view='family']")
        assert "Monday 24 May 2027" in whole.inner_text() and "Tuesday 1 June 2027" in whole.inner_text()
        assert whole.locator("li[data-kind='conference']").count() == 1
        assert not [r["label"] for r in authority.rules if r["label"] in whole.inner_text()], "staff wording"
        phone.reload()
        phone.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    reports.wait_for(state="visible")
    violations = run_axe(phone)  # the page with the reader's dates in it, at phone size
    assert not violations, describe_violations(violations)
    phone.get_by_role("button", name="Forget my choices").first.click()
    reports.wait_for(state="hidden")
    assert after.is_hidden() and "Monday 24 May 2027" not in phone.locator("article").inner_text()
    phone.reload()
    phone.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    assert reports.is_hidden()
    assert not phone.errors


def test_without_a_start_time_the_calendar_says_the_times_are_counted_from_the_assumed_one(phone, content):
    """No start time given: the page says 10:00 is taken, and so does each event of the calendar file
    (West Berkshire's pre-meeting is then at 09:30 on Tuesday 30 March 2027, a guess the parent must know of)."""
    assumed = questions_data(content)["calculator"]["results"]["warnings"]["time-assumed"].replace("{time}", "10:00")
    ask(phone, content.authorities["west-berkshire"], {"conference": "icpc", "date": "2027-03-30", "time": ""})
    assert assumed in phone.locator(".cp-calc__result").inner_text()
    with phone.expect_download() as info:
        phone.get_by_role("button", name="Download the dates as a calendar file (.ics)").click()
    from icalendar import Calendar

    events = Calendar.from_ical(Path(info.value.path()).read_bytes()).walk("VEVENT")
    pre = next(e for e in events if "pre-meeting" in str(e["uid"]))
    assert pre.decoded("dtstart").isoformat() == "2027-03-30T09:30:00"
    assert assumed in str(pre["description"])

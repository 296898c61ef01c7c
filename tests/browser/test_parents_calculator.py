"""The parents' calculator, used as a parent would on a phone (390x844): choose the council, type the
date and time of the meeting, ask for the dates. The answer gives the meeting and the reports date
(worked out by hand in each authority's examples.yml), in plain words (grade 6 or lower), with no staff wording, rule ids or
file names in sight; the calendar file has the meeting itself, at its time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cpguide.checks import MAX_FAMILY_GRADE, reading_grade
from cpguide.deadlines.engine import rules_for
from cpguide.family import questions_data

from hand_worked import examples_of, weekday_words

from .browser_helpers import AXE, WCAG_TAGS, describe_violations, run_axe


def _parents_lines(content, authority_id: str, example: dict) -> list[dict]:
    """The hand-worked dates a parent is shown: dated, first occurrences, of rules for parents; not a
    national rule where the authority has its own of that kind (its limit is then staff wording)."""
    rules = {r["id"]: r for r in rules_for(content, authority_id)}
    return [dict(line, kind=rules[line["rule"]]["kind"], limit=rules[line["rule"]].get("limit"),
                 direction=rules[line["rule"]]["direction"], recurring=bool(rules[line["rule"]].get("recurrence")))
            for line in example["expect"] if "date" in line and line.get("occurrence", 1) == 1
            and "parents" in rules[line["rule"]].get("audiences", [])
            and not _beside_own_rule(rules, rules[line["rule"]], authority_id, example["conference"])]


def _beside_own_rule(rules: dict, rule: dict, authority_id: str, conference: str) -> bool:
    """A national rule shown beside the authority's own rule of its kind, not as a date of its own."""
    return rule["authority"] != authority_id and any(
        r["authority"] == authority_id and r["kind"] == rule["kind"] and conference in r["conference_types"]
        for r in rules.values())


def _first_per_authority(pairs, wanted=lambda authority, example: True):
    """One example per authority (its first that has what the test needs): every authority that has
    examples is asked, without asking the same calculator many times over."""
    chosen = {}
    for authority, example in pairs:
        if authority not in chosen and wanted(authority, example):
            chosen[authority] = example
    return sorted(chosen.items())


def pytest_generate_tests(metafunc):
    """Parametrised from the authorities' examples.yml, whatever authorities the content has."""
    if "worked" not in metafunc.fixturenames:
        return
    from hand_worked import session_content

    content = session_content()
    pairs = examples_of(content)
    kind = metafunc.function.__dict__.get("wants")
    chosen = _first_per_authority(pairs, (lambda a, e: kind(content, a, e)) if kind else (lambda a, e: bool(_parents_lines(content, a, e))))
    if not chosen:
        metafunc.parametrize("worked", [pytest.param(None, marks=pytest.mark.skip(reason="no authority has such an example"))])
        return
    metafunc.parametrize("worked", chosen, ids=[e["id"] for _, e in chosen])


def wants(check):
    """Which examples a test needs (see pytest_generate_tests)."""
    def mark(function):
        function.wants = check
        return function
    return mark


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
    if scenario.get("strategy_discussion"):  # rules counted from it have a date only when it is given
        phone.locator("#cp-calc-strategy_date").fill(scenario["strategy_discussion"])
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


def test_a_parent_gets_their_dates_in_plain_words(phone, content, worked, tmp_path):
    """Each authority's conference worked out by hand (examples.yml), asked as a parent would."""
    authority_id, example = worked
    authority, lines = content.authorities[authority_id], _parents_lines(content, *worked)
    ask(phone, authority, example)
    result = phone.locator(".cp-calc__result")
    assert phone.input_value("#cp-calc-date") == example["date"], "the date box did not take the typed date"
    assert phone.input_value("#cp-calc-time") == example["time"], "the time box did not take the typed time"

    # Each hand-worked date on an item of its rule's kind (when the papers disagree, the item gives
    # every date); a rule that is due exactly at a time shows that time.
    for line in lines:
        items = result.locator(f"ol.cp-fam__dates > li[data-kind='{line['kind']}']")
        texts = [items.nth(i).inner_text() for i in range(items.count())]
        words = weekday_words(line["date"])
        if line.get("time") and line["limit"] == "exactly":
            words += f" at {line['time']}"
        assert any(words in t for t in texts), (line["rule"], words, texts, line["working"])
    # The meeting in its place: the kinds in the order of their hand-worked dates (a date without a time
    # is at the start of its day for a rule counted before, at its end for one counted after).
    meeting = {"kind": "conference", "date": example["date"], "time": example["time"], "direction": "at"}
    when = lambda line: (line["date"], line.get("time") or {"before": "00:00", "after": "23:59"}.get(line["direction"], ""))
    firsts: dict[str, tuple] = {}
    for line in lines + [meeting]:
        firsts[line["kind"]] = min(firsts.get(line["kind"], when(line)), when(line))
    shown = result.locator("ol.cp-fam__dates > li").evaluate_all("(items) => items.map((li) => li.dataset.kind)")
    order = [k for k in dict.fromkeys(shown) if k in firsts]
    assert order == sorted(firsts, key=firsts.get), (order, firsts)
    silent = [q for q in questions_data(content)["questions"] if q["anchor"] == "reports"]
    if silent and not [r for r in rules_for(content, authority_id) if r["kind"] == "reports-to-family"
                       and example["conference"] in r["conference_types"] and "parents" in r.get("audiences", [])]:
        # its papers are silent on the reports, and the answer says so
        assert all(p in result.inner_text() for p in silent[0]["when_silent"])
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

    # The calendar file: the meeting itself, at its time; each hand-worked date on its day, at its time
    # when the event has one.
    with phone.expect_download() as info:
        phone.get_by_role("button", name="Download the dates as a calendar file (.ics)").click()
    from icalendar import Calendar

    calendar = Calendar.from_ical(Path(info.value.path()).read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    conference = events[f"{example['conference']}-{example['date']}-conference@cpguide"]
    # in a parent's words, as on the page: "meeting", not the staff name with its abbreviation
    assert "meeting" in str(conference["summary"]).lower() and "(" not in str(conference["summary"])
    assert "meeting" in str(calendar["x-wr-calname"]).lower() and "(" not in str(calendar["x-wr-calname"])
    start = conference.decoded("dtstart")
    assert start.isoformat() == f"{example['date']}T{example['time']}:00", "the meeting must be a timed event"
    for line in lines:
        occurrence = f"-{line.get('occurrence', 1)}" if line["recurring"] else ""  # a series' events are numbered
        event = events[f"{example['conference']}-{example['date']}-{line['rule']}{occurrence}@cpguide"]
        moment = event.decoded("dtstart")
        assert moment.isoformat()[:10] == line["date"], (line["rule"], moment)
        if line.get("time") and hasattr(moment, "hour"):
            assert moment.isoformat()[11:16] == line["time"], (line["rule"], moment)

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


def _disagreeing(content, worked) -> list[tuple[dict, dict]]:
    """Pairs of hand-worked dates of one kind that differ and can hold together (no plan, or the
    same plan): the papers disagree, and the answer must give both."""
    authority_id, example = worked
    rules = {r["id"]: r for r in rules_for(content, authority_id)}
    lines = [(line, rules[line["rule"]]) for line in example["expect"] if "date" in line and line.get("occurrence", 1) == 1
             and rules[line["rule"]]["authority"] == authority_id]  # the authority's own papers, not the national limit
    plan = lambda rule: (rule.get("conditions") or {}).get("outcome")
    return [(x, y) for i, (x, rx) in enumerate(lines) for y, ry in lines[i + 1:]
            if rx["kind"] == ry["kind"] and x["date"] != y["date"] and (not plan(rx) or not plan(ry) or plan(rx) == plan(ry))
            and "parents" in rx.get("audiences", []) + ry.get("audiences", [])]


@wants(lambda content, authority, example: bool(_disagreeing(content, (authority, example))))
def test_where_the_papers_disagree_every_date_is_given(phone, content, worked):
    """Two of the authority's rules give different dates for one thing (examples.yml, worked out by
    hand): a parent who has not said which plan is given both, on one item."""
    authority_id, example = worked
    ask(phone, content.authorities[authority_id], {k: example[k] for k in ("conference", "date", "time", "strategy_discussion") if k in example})
    for x, y in _disagreeing(content, worked):
        kind = {r["id"]: r for r in rules_for(content, authority_id)}[x["rule"]]["kind"]
        items = phone.locator(f"ol.cp-fam__dates > li[data-kind='{kind}']")
        texts = [items.nth(i).inner_text() for i in range(items.count())]
        both = [t for t in texts if weekday_words(x["date"]) in t and weekday_words(y["date"]) in t]
        assert len(both) == 1, (x["rule"], x["working"], y["rule"], y["working"], texts)
    assert not phone.errors


def _has_reports(content, authority, example) -> bool:
    return any(line["kind"] == "reports-to-family" for line in _parents_lines(content, authority, example))


@wants(_has_reports)
def test_the_parents_page_answers_with_the_readers_own_dates(phone, content, worked):
    """Remember a meeting in the calculator; the authority's page for parents then gives the
    hand-worked dates in its answers (the reports under "When will I get the reports?"), after a
    reload too, and forgets them when asked."""
    authority_id, example = worked
    authority, lines = content.authorities[authority_id], _parents_lines(content, *worked)
    reports_date = weekday_words(next(line["date"] for line in lines if line["kind"] == "reports-to-family"))
    ask(phone, authority, example)
    phone.goto(f"/{authority.id}/parents/")
    phone.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    reports = phone.locator("[data-cpguide-your-dates][data-kinds~='reports-to-family']")
    # under the answer to "When will I get the reports?" (the mount follows the question's heading)
    assert reports.evaluate("(el) => el.compareDocumentPosition(document.getElementById('reports')) & Node.DOCUMENT_POSITION_PRECEDING")
    mounts = phone.locator("[data-cpguide-your-dates][data-kinds]")
    for _ in range(2):  # and again after a reload: the dates are kept in this browser
        reports.wait_for(state="visible")
        for i in range(mounts.count()):
            mount = mounts.nth(i)
            kinds = (mount.get_attribute("data-kinds") or "").split()
            mine = {weekday_words(line["date"]) for line in lines if line["kind"] in kinds}
            text = mount.inner_text() if mount.is_visible() else ""
            assert all(d in text for d in mine), (kinds, mine, text)
            if reports_date not in mine:
                assert reports_date not in text, (kinds, text)
        # and the page's list of every date, in the same words, with the meeting in its place
        whole = phone.locator("[data-cpguide-your-dates][data-view='family']")
        assert reports_date in whole.inner_text() and weekday_words(example["date"]) in whole.inner_text()
        assert whole.locator("li[data-kind='conference']").count() == 1
        assert not [r["label"] for r in authority.rules if r["label"] in whole.inner_text()], "staff wording"
        phone.reload()
        phone.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    reports.wait_for(state="visible")
    violations = run_axe(phone)  # the page with the reader's dates in it, at phone size
    assert not violations, describe_violations(violations)
    phone.get_by_role("button", name="Forget my choices").first.click()
    reports.wait_for(state="hidden")
    assert reports_date not in phone.locator("article").inner_text()
    phone.reload()
    phone.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    assert reports.is_hidden()
    assert not phone.errors


ASSUMED = "10:00"  # the start time the calculator takes when none is given (the warning below says so)


def _timed_at_the_assumed_start(content, authority, example) -> bool:
    return example["time"] == ASSUMED and any(line.get("time") and line["limit"] == "exactly"
                                               for line in _parents_lines(content, authority, example))


@wants(_timed_at_the_assumed_start)
def test_without_a_start_time_the_calendar_says_the_times_are_counted_from_the_assumed_one(phone, content, worked):
    """No start time given: the page says 10:00 is taken, and so does each timed event of the calendar
    file (at the time worked out by hand for a meeting at 10:00: a guess the parent must know of)."""
    authority_id, example = worked
    assumed = questions_data(content)["calculator"]["results"]["warnings"]["time-assumed"].replace("{time}", ASSUMED)
    ask(phone, content.authorities[authority_id], dict(example, time=""))
    assert assumed in phone.locator(".cp-calc__result").inner_text()
    with phone.expect_download() as info:
        phone.get_by_role("button", name="Download the dates as a calendar file (.ics)").click()
    from icalendar import Calendar

    events = {str(e["uid"]): e for e in Calendar.from_ical(Path(info.value.path()).read_bytes()).walk("VEVENT")}
    for line in _parents_lines(content, *worked):
        if line.get("time") and line["limit"] == "exactly":
            event = events[f"{example['conference']}-{example['date']}-{line['rule']}@cpguide"]
            assert event.decoded("dtstart").isoformat() == f"{line['date']}T{line['time']}:00", line["working"]
            assert assumed in str(event["description"])

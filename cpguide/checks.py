"""Consistency checks on loaded content, made by `cpguide validate` (through load_content) and by the
tests, which call the same functions: unrecorded disagreements, breaches of the national limits,
rule texts that state another timing than the rule, and the families' pages (plain English,
grounded in the sources).

Each check returns findings; `content_errors` turns them into errors with file, line and what to fix.
The pages show the same findings (national counterparts beside each rule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from .content import Authority, Content
from .deadlines.engine import compatible, timing
from .errors import ContentError


def shown(path: Path, content: Content) -> str:
    """A content file as the maintainer knows it: relative to the project folder."""
    try:
        return str(Path(path).relative_to(content.root.parent))
    except ValueError:
        return str(path)


def rule_place(content: Content, authority_id: str, rule_id: str) -> tuple[str, int | None]:
    """(file, line) of a timescale rule."""
    authority = content.authorities[authority_id]
    doc = authority.docs["timescales.yml"]
    index = next(i for i, r in enumerate(authority.rules) if r["id"] == rule_id)
    return shown(doc.path, content), doc.line_of(("rules", index, "id"))


def _discrepancies_file(content: Content, authority_id: str) -> str:
    return shown(content.authorities[authority_id].folder / "discrepancies.yml", content)


def _at(content: Content, authority_id: str, rule_id: str) -> str:
    file, line = rule_place(content, authority_id, rule_id)
    return f"{file}:{line}" if line else file


# --- disagreements inside an authority -------------------------------------------------------------

@dataclass(frozen=True)
class Conflict:
    authority: str
    kind: str
    conference_type: str
    rules: tuple[str, str]


def timing_conflicts(authority: Authority) -> list[Conflict]:
    """Pairs of rules of one authority with the same kind and conference type but different timing."""
    found = []
    by_kind: dict[str, list[dict]] = {}
    for rule in authority.rules:
        by_kind.setdefault(rule["kind"], []).append(rule)
    for rules in by_kind.values():  # pairs within a kind only: no quadratic work over all rules
        for a, b in combinations(rules, 2):
            if timing(a) == timing(b) or not compatible(a, b):
                continue
            for t in sorted(set(a["conference_types"]) & set(b["conference_types"])):
                found.append(Conflict(authority.id, a["kind"], t, (a["id"], b["id"])))
    return found


def recorded_pairs(authority: Authority) -> set[frozenset]:
    pairs = set()
    for d in authority.discrepancies:
        for x, y in combinations(d["items"], 2):
            pairs.add(frozenset((x, y)))
    return pairs


def unrecorded_conflicts(content: Content) -> list[Conflict]:
    missing = []
    for authority in content.authorities.values():
        recorded = recorded_pairs(authority)
        missing += [c for c in timing_conflicts(authority) if frozenset(c.rules) not in recorded]
    return missing


def _conflict_error(content: Content, c: Conflict) -> ContentError:
    file, line = rule_place(content, c.authority, c.rules[1])
    return ContentError(
        file, line,
        f"rules '{c.rules[0]}' ({_at(content, c.authority, c.rules[0])}) and '{c.rules[1]}' ({file}:{line}) give "
        f"different timings for {c.kind} ({c.conference_type}), and no discrepancy records it",
        f"if the documents really disagree, add an entry to {_discrepancies_file(content, c.authority)} with "
        f"type: disagreement and items: [{c.rules[0]}, {c.rules[1]}]; otherwise correct the rule")


# --- the national limits ---------------------------------------------------------------------------

def national_counterparts(content: Content, rule: dict) -> list[dict]:
    """National rules of the same kind that apply to a conference type this rule applies to."""
    national = content.national.rules if content.national else []
    return [n for n in national if n["kind"] == rule["kind"]
            and set(n["conference_types"]) & set(rule["conference_types"]) and compatible(n, rule)]


def recorded_deviations(authority: Authority) -> set[str]:
    return {i for d in authority.discrepancies if d.get("type") == "deviation" for i in d["items"]}


@dataclass(frozen=True)
class Breach:
    authority: str
    rule: str
    kind: str
    conference_type: str
    conference: date
    due: date
    national_rule: str
    national_due: date


# Conferences on every third day of a year (every weekday, both sides of each bank holiday), with
# a strategy discussion 20 days before: a rule that can be later than the national limit is.
_SAMPLE_YEAR = 2026


@lru_cache(maxsize=1)
def _sample_calendar():
    from .deadlines import BankHolidayCalendar

    return BankHolidayCalendar.for_years(_SAMPLE_YEAR - 1, _SAMPLE_YEAR + 2)


def _sample_days() -> list[date]:
    start = date(_SAMPLE_YEAR, 1, 1)
    return [start + timedelta(days=n) for n in range(0, 370, 3)]


def _limited_rules(content: Content, authority: Authority) -> list[dict]:
    """The authority's rules (with the national ones) that have a national limit to compare with,
    and the rules their series start from: the engine is run on these only."""
    from .deadlines import rules_for

    national_kinds = {r["kind"] for r in content.national.rules}
    own = {r["id"] for r in authority.rules}
    rules = rules_for(content, authority.id)
    wanted = {r["kind"] for r in rules if r["id"] in own and (r["kind"] in national_kinds or r.get("national_limit"))}
    wanted |= {r["recurrence"]["after"] for r in rules if r.get("recurrence") and r["kind"] in wanted}
    wanted |= {n["kind"] for r in rules if r.get("national_limit") for n in content.national.rules
               if n["id"] == r["national_limit"]}
    return [r for r in rules if r["kind"] in wanted] if any(r["id"] in own for r in rules if r["kind"] in wanted) else []


def _surely_within(rule: dict, national: list[dict]) -> bool:
    """True when the rule cannot be later than any national rule it may be paired with: same unit,
    direction and starting point, and no more time. Only other rules need the engine."""
    wanted = rule.get("national_limit")
    paired = [n for n in national if (n["id"] == wanted if wanted else n["kind"] == rule["kind"])
              and set(n["conference_types"]) & set(rule["conference_types"]) and compatible(n, rule)]
    if rule.get("recurrence") and not any(n.get("recurrence") for n in national):
        return True  # a series is paired with national series only
    for n in paired:
        if (rule["unit"], rule["direction"], rule["from"]) != (n["unit"], n["direction"], n["from"]):
            return False
        if rule["amount"] > n["amount"] if rule["direction"] == "after" else rule["amount"] < n["amount"]:
            return False
    return True


def national_breaches(content: Content) -> list[Breach]:
    """Rules that give a later date than the national limit on some conference day, and are not
    recorded as a `deviation` in discrepancies.yml. One finding per rule and conference type."""
    from .deadlines import Request, compute

    if content.national is None:
        return []
    calendar, days, found = _sample_calendar(), _sample_days(), {}
    for authority in content.local_authorities:
        if all(_surely_within(r, content.national.rules) for r in authority.rules):
            continue
        rules = _limited_rules(content, authority)
        deviations = recorded_deviations(authority)
        for conference in ("icpc", "rcpc") if rules else ():
            for outcome in ("cp", "cin"):
                for day in days:
                    request = Request(conference, day, outcome=outcome, strategy_date=day - timedelta(days=20))
                    for d in compute(rules, request, calendar).deadlines:
                        key = (authority.id, d.rule["id"], conference)
                        if d.national and d.due and d.national.due and d.due > d.national.due \
                                and d.rule["id"] not in deviations and key not in found:
                            found[key] = Breach(authority.id, d.rule["id"], d.kind, conference, day, d.due,
                                                d.national.rule["id"], d.national.due)
    return [found[k] for k in sorted(found)]


def _breach_error(content: Content, b: Breach) -> ContentError:
    file, line = rule_place(content, b.authority, b.rule)
    national = _at(content, "national", b.national_rule)
    return ContentError(
        file, line,
        f"rule '{b.rule}' ({b.kind}, {b.conference_type}) allows more time than the national limit "
        f"'{b.national_rule}' ({national}): after a conference on {b.conference.isoformat()} it is due "
        f"{b.due.isoformat()}, the national limit {b.national_due.isoformat()}",
        f"check the rule against its source; if the document really allows more time, record it in "
        f"{_discrepancies_file(content, b.authority)} with type: deviation, items: [{b.rule}] and a note")


# --- what a rule's text says against its amount and unit -------------------------------------------

_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "forty-eight": 48, "forty eight": 48, "fifty": 50, "sixty": 60,
                      "a": 1, "an": 1, "one-": 1})
_UNITS = [("working_days", r"working[ -]days?"), ("hours", r"hours?"), ("minutes", r"minutes?|mins?"),
          ("days", r"(?:calendar )?days?"), ("weeks", r"weeks?|weekly"), ("months", r"months?|monthly")]
_NUMBER = r"\d+|" + "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS if w != "one-"), key=len, reverse=True))
_TIMING = re.compile(rf"\b({_NUMBER})[ -]?(" + "|".join(f"(?:{p})" for _, p in _UNITS) + r")\b", re.IGNORECASE)
_HALF_HOUR = re.compile(r"\bhalf an hour\b", re.IGNORECASE)


def stated_timings(text: str) -> set[tuple[int, str]]:
    """Every (amount, unit) a text states: '10 working days', 'two working days', 'half an hour',
    '6 monthly' (as printed in one source)."""
    found = set()
    if _HALF_HOUR.search(text):
        found.add((30, "minutes"))
        text = _HALF_HOUR.sub(" ", text)
    for number, unit_words in _TIMING.findall(text):
        amount = int(number) if number.isdigit() else _NUMBER_WORDS[number.lower()]
        unit = next(u for u, pattern in _UNITS if re.fullmatch(pattern, unit_words, re.IGNORECASE))
        found.add((amount, unit))
    return found


def _same_span(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """48 hours is 2 days only in the engine's eyes if the units match; 60 minutes is an hour."""
    if a == b:
        return True
    minutes = {"minutes": 1, "hours": 60}
    return a[1] in minutes and b[1] in minutes and a[0] * minutes[a[1]] == b[0] * minutes[b[1]]


def text_mismatches(content: Content) -> list[tuple[str, dict, set]]:
    """(authority, rule, timings its words state) for each rule whose words (its `span`, or else its
    text) state timings, none of them its own amount and unit."""
    found = []
    for authority in content.authorities.values():
        for rule in authority.rules:
            stated = stated_timings(rule.get("span") or rule.get("text", ""))
            own = (rule["amount"], rule["unit"])
            if stated and not any(_same_span(own, s) for s in stated):
                found.append((authority.id, rule, stated))
    return found


_INITIAL = re.compile(r"\b(initial|ICPCs?)\b", re.IGNORECASE)
_REVIEW = re.compile(r"\b(review|RCPCs?)\b", re.IGNORECASE)


def span_problems(rule: dict) -> tuple[str, str, str] | None:
    """(key, problem, what to do) when a rule does not say which of its text's timings it is, or its
    span is not in its text, or names one kind of conference and the rule is for another."""
    text, span = rule.get("text", ""), rule.get("span")
    if span is None:
        if len({_minutes_or_self(t) for t in stated_timings(text)}) > 1:
            return ("text", f"rule '{rule['id']}': its text gives several timings "
                            f"({', '.join(_unit_words(*t) for t in sorted(stated_timings(text)))})",
                    "add span: with the words of the text this rule comes from, e.g. \"5 working days before a review conference\"")
        return None
    if " ".join(span.split()).lower() not in " ".join(text.split()).lower():
        return ("span", f"rule '{rule['id']}': its span is not words of its text", "copy the words exactly from text")
    initial, review = bool(_INITIAL.search(span)), bool(_REVIEW.search(span))
    wrong = {"rcpc"} if initial and not review else {"icpc"} if review and not initial else set()
    if wrong & set(rule["conference_types"]):
        said = "an initial conference" if initial else "a review conference"
        return ("conference_types", f"rule '{rule['id']}' is for {', '.join(rule['conference_types'])} conferences, "
                                    f"but its span speaks of {said} only",
                f"set conference_types: [{'icpc' if initial else 'rcpc'}], or choose the span that speaks of this conference")
    return None


def _minutes_or_self(timing: tuple[int, str]) -> tuple[int, str]:
    """30 minutes and half an hour are one timing; 48 hours and 2 days are two."""
    return (timing[0] * 60, "minutes") if timing[1] == "hours" else timing


def _span_errors(content: Content) -> list[ContentError]:
    errors = []
    for authority in content.authorities.values():
        for index, rule in enumerate(authority.rules):
            problem = span_problems(rule)
            if problem:
                key, what, fix = problem
                doc = authority.docs["timescales.yml"]
                errors.append(ContentError(shown(doc.path, content), doc.line_of(("rules", index, key)), what, fix))
    return errors


def _unit_words(amount: int, unit: str) -> str:
    return f"{amount} {unit.replace('_', ' ')}"


def _text_error(content: Content, authority_id: str, rule: dict, stated: set) -> ContentError:
    authority = content.authorities[authority_id]
    doc = authority.docs["timescales.yml"]
    index = next(i for i, r in enumerate(authority.rules) if r is rule)
    says = ", ".join(_unit_words(*s) for s in sorted(stated))
    return ContentError(
        shown(doc.path, content), doc.line_of(("rules", index, "amount")),
        f"rule '{rule['id']}' has amount: {rule['amount']} and unit: {rule['unit']}, but its "
        f"{'span' if rule.get('span') else 'text'} states {says}",
        "make amount and unit say what the source says (the text is the source's wording and stays as it is)")


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
    from .schemas import raw_schemas

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


# --- duplicate ids ---------------------------------------------------------------------------------

def duplicate_id_error(content: Content, item_id: str, first: tuple, second: tuple) -> ContentError:
    """Both places of a duplicate id, (YamlDocument, json path) each, and which one to rename: the one
    not yet in the committed content. A published id is an anchor and a tick key: it never changes."""
    from .history import is_committed_id

    places = []
    for doc, path in (first, second):
        file, line = shown(doc.path, content), doc.line_of(path + ("id",))
        places.append({"file": file, "line": line, "at": f"{file}:{line}", "mtime": doc.path.stat().st_mtime,
                       "committed": is_committed_id(doc.path, item_id)})
    new = [p for p in places if p["committed"] is False]
    if len(new) == 1:
        rename, why = new[0], "it is not in the committed content yet"
    else:  # no history, or neither place committed: the later one is the newcomer
        rename = max(places, key=lambda p: (p["mtime"], p["at"]))
        why = "it is the newer one" if places[0]["committed"] is None else "it is the newer one; neither is published"
    kept = places[1] if rename is places[0] else places[0]
    return ContentError(
        rename["file"], rename["line"],
        f"duplicate id '{item_id}': here and at {kept['at']}",
        f"rename the id here ({why}) and keep '{item_id}' at {kept['at']}: a published id is an anchor and a "
        "tick key and never changes. Ids are unique across the whole site: start yours with your authority's prefix")


# --- the editor's schema line ----------------------------------------------------------------------

def schema_line_errors(content: Content) -> list[ContentError]:
    """Each content file starts with the line that lets an editor check it against its schema."""
    errors = []
    for authority in content.authorities.values():
        for name, doc in authority.docs.items():
            schema = name.replace(".yml", ".schema.json")
            with doc.path.open(encoding="utf-8") as f:
                first = f.readline().rstrip("\n")
            if not (first.startswith("# yaml-language-server: $schema=") and first.endswith(f"schema/{schema}")):
                errors.append(ContentError(shown(doc.path, content), 1, f"the first line is {first!r}",
                                           f"start the file with: # yaml-language-server: $schema=../../schema/{schema}"))
    return errors


# --- agendas numbered as the source numbers them --------------------------------------------------

def agenda_order_errors(content: Content) -> list[ContentError]:
    """A section numbered higher than the one after it (a source's "10" between 5 and 6) is kept where
    the source puts it, and one of the two says so in `anomaly`: never renumbered, never silent."""
    errors = []
    for authority in content.authorities.values():
        doc = authority.docs.get("agenda.yml")
        for i, agenda in enumerate(authority.agendas):
            sections = agenda.get("sections", [])
            for j, (a, b) in enumerate(zip(sections, sections[1:])):
                if str(a.get("number")).isdigit() and str(b.get("number")).isdigit() \
                        and int(a["number"]) > int(b["number"]) and not (a.get("anomaly") or b.get("anomaly")):
                    errors.append(ContentError(
                        shown(doc.path, content), doc.line_of(("agendas", i, "sections", j + 1, "number")),
                        f"section {b['number']} follows section {a['number']} in agenda '{agenda['id']}'",
                        f"keep the source's order and numbers, and say what is odd in anomaly: on section {a['number']} "
                        "(or correct the order if it is yours, not the source's)"))
    return errors


# --- all of them -----------------------------------------------------------------------------------

def content_errors(content: Content) -> list[ContentError]:
    """Every consistency problem, as errors with file and line (run once the content itself loads)."""
    errors = schema_line_errors(content)
    errors += [_conflict_error(content, c) for c in unrecorded_conflicts(content)]
    errors += _span_errors(content)
    errors += [_text_error(content, *m) for m in text_mismatches(content)]
    errors += [_breach_error(content, b) for b in national_breaches(content)]
    errors += [_family_error(content, *p) for p in family_problems(content)]
    errors += agenda_order_errors(content)
    return errors

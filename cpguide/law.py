"""The law and guidance as they stand on the build date (checklists/national/law.yml, schema/law.schema.json).

Which edition of Working Together is in force, and each coming change's status, are worked out here
from the dates in that file, never written as a status: a change is "in force" only from the day it
comes into force, and a start date or expected date that has passed since its status was last
checked is flagged, so the page cannot go on saying "not yet" unnoticed. The build date is passed in
(CPGUIDE_TODAY fixes it: cpguide/deadlines/calendar.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .content import Content
from .currency import parse_when
from .wording import fill

LAW_FILE = "law.yml"


def law_data(content: Content) -> dict:
    national = content.national
    return national.data(LAW_FILE) if national is not None else {}


def day(text: str) -> date:
    return date.fromisoformat(text)


def words_of(text: str) -> str:
    """'2026-04-29' -> '29 April 2026'; '2027-12' -> 'December 2027'."""
    return parse_when(text).words


@dataclass(frozen=True)
class Status:
    key: str  # in_force | starts | enacted | expected | programme
    sentence: str
    flags: list[str] = field(default_factory=list)  # dates passed since the last check

    @property
    def in_force(self) -> bool:
        return self.key == "in_force"


def status(change: dict, on: date, words: dict) -> Status:
    """A change's status on the day `on`, in the page's words, with any date passed unchecked."""
    say, checked = words["status"], day(change["last_checked"])
    flags = []
    start = change.get("in_force_from")
    if start and day(start) <= on and checked < day(start):
        flags.append(fill(words["passed_unchecked"], what=words["what_in_force"], date=words_of(start),
                                                      checked=words_of(change["last_checked"])))
    expected = change.get("expected")
    if expected and not start:
        due = parse_when(expected["when"]).last
        if due < on and checked <= due:
            flags.append(fill(words["passed_unchecked"], what=words["what_expected"], date=expected["words"],
                                                          checked=words_of(change["last_checked"])))
    if start and day(start) <= on:
        return Status("in_force", fill(say["in_force"], date=words_of(start)), flags)
    if start:
        return Status("starts", fill(say["starts"], date=words_of(start)), flags)
    if change["kind"] == "programme":
        return Status("programme", fill(say["programme"], published=words_of(change["published"])), flags)
    sentence = fill(say["enacted"], enacted=words_of(change["enacted"]))
    if expected:
        return Status("expected", sentence + " " + fill(say["expected"], when=expected["words"]), flags)
    return Status("enacted", sentence, flags)


@dataclass(frozen=True)
class InForce:
    document: dict  # the newest edition certainly in force on the day
    perhaps: dict | None  # a newer edition published by then whose start is not known to be before it


def edition_in_force(content: Content, on: date) -> InForce | None:
    """The edition of the national guidance in force on `on`: the newest whose in_force_by day is on or
    before it; a newer one already published (by its date as found) but not known to be in force yet
    is named as perhaps in force, so the site never claims either for certain."""
    editions = sorted(law_data(content).get("editions", []), key=lambda e: parse_when(e["published"]).first)
    certain = [e for e in editions if e.get("in_force_by") and day(e["in_force_by"]) <= on]
    if not certain:
        return None
    newest = certain[-1]
    later = [e for e in editions[editions.index(newest) + 1:] if parse_when(e["published"]).first <= on]
    documents = content.documents
    return InForce(documents[newest["document"]][1], documents[later[-1]["document"]][1] if later else None)


def edition_sentence(content: Content, on: date) -> str:
    words = law_data(content)["words"]
    found = edition_in_force(content, on)
    if found is None:
        return ""
    if found.perhaps:
        return fill(words["edition_uncertain"], date=words_of(on.isoformat()), newer=found.perhaps["title"],
                                                 older=found.document["title"])
    return fill(words["edition_in_force"], date=words_of(on.isoformat()), title=found.document["title"])


def passed_unchecked(content: Content, on: date) -> list[tuple[str, int | None, str]]:
    """(file, line, what) for each change whose start or expected date has passed since its last check
    on the day `on`: `cpguide validate` notes them, the page flags them."""
    national = content.national
    doc = national.docs.get(LAW_FILE) if national is not None else None
    if doc is None:
        return []
    words = doc.data["words"]
    return [(str(doc.path), doc.line_of(("changes", i, "last_checked")), flag)
            for i, change in enumerate(doc.data["changes"]) for flag in status(change, on, words).flags]

"""How current each source document is, as data: when it was published, last reviewed and is next due
for review (authority.yml), whether that review is overdue on the build date, whether it predates the
national guidance in force, what replaced it, and which national figures are not yet checked against
the edition in force.

Dates are quoted ISO dates, months or years ("2022-09-01", "2022-09", "2022"): a period, compared
only where the answer is certain (a document of "2026-03" neither predates nor follows "2026").
The build date is passed in (CPGUIDE_TODAY fixes it for tests and reproducible builds).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .content import Authority, Content

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass(frozen=True)
class When:
    """A date as a document gives it: a day, a month or a year, i.e. the period first..last."""

    text: str
    first: date
    last: date

    @property
    def words(self) -> str:
        parts = self.text.split("-")
        if len(parts) == 1:
            return parts[0]
        month = f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
        return month if len(parts) == 2 else f"{int(parts[2])} {month}"


def parse_when(text: str | None) -> When | None:
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return When(text, date(parts[0], 1, 1), date(parts[0], 12, 31))
    if len(parts) == 2:
        return When(text, date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(*parts)[1]))
    day = date(*parts)
    return When(text, day, day)


@dataclass(frozen=True)
class Currency:
    document: dict
    published: When | None
    last_reviewed: When | None
    next_review: When | None
    overdue: bool  # next_review is over (wholly before the build date)
    predates: dict | None  # the national document in force that it is older than
    superseded_by: str | None  # in words: the replacing document's title, or the sentence given

    @property
    def summarised(self) -> bool:
        return self.document.get("copy") == "summary"


def national_in_force(content: Content) -> dict | None:
    """The national framework's current edition: its latest published document nothing replaces."""
    national = content.national.documents if content.national else []
    current = [d for d in national if not d.get("superseded_by") and d.get("published")]
    return max(current, key=lambda d: parse_when(d["published"]).first, default=None)


def currency(content: Content, document: dict, on: date, in_force: dict | None = None) -> Currency:
    published, reviewed = parse_when(document.get("published")), parse_when(document.get("last_reviewed"))
    next_review = parse_when(document.get("next_review"))
    latest = reviewed or published
    force = parse_when(in_force.get("published")) if in_force and in_force is not document else None
    predates = in_force if force and latest and latest.last < force.first and not _is_national(content, document) else None
    replaced = document.get("superseded_by")
    if replaced in content.documents:
        replaced = content.documents[replaced][1]["title"]
    return Currency(document, published, reviewed, next_review, review_overdue(next_review, on), predates, replaced)


def review_overdue(next_review: When | None, on: date) -> bool:
    """A next review is overdue once it is wholly over: "2025-09" on 1 October 2025, not on 30 September."""
    return bool(next_review and next_review.last < on)


def _is_national(content: Content, document: dict) -> bool:
    owner = content.documents.get(document["id"])
    return bool(owner and content.authorities[owner[0]].is_national)


def of_authority(content: Content, authority: Authority, on: date) -> list[Currency]:
    in_force = national_in_force(content)
    return [currency(content, d, on, in_force) for d in authority.documents]


def unchecked(content: Content, rule: dict) -> tuple[dict, dict] | None:
    """(the edition a national rule comes from, the edition in force) when the rule's document has
    been replaced and no maintainer has recorded checking the figure against the new one."""
    source = (rule.get("source") or {}).get("document")
    if source not in content.documents:
        return None
    document = content.documents[source][1]
    in_force = national_in_force(content)
    if not in_force or document is in_force or not document.get("superseded_by"):
        return None
    from .checked import checked_against_edition

    checked = checked_against_edition(rule, in_force["id"]) or document.get("checked_against") == in_force["id"]
    return None if checked else (document, in_force)


DATE_FIELDS = ("published", "last_reviewed", "next_review")


def documents_cited(content: Content, rules: list[dict]) -> list[dict]:
    """The documents a set of rules cites, with their dates as authority.yml gives them (for the
    calculator's data and the command line, which say how current each source is)."""
    seen, out = set(), []
    for rule in rules:
        doc_id = (rule.get("source") or {}).get("document")
        if doc_id in content.documents and doc_id not in seen:
            seen.add(doc_id)
            document = content.documents[doc_id][1]
            entry = {"id": doc_id, "title": document.get("title", ""), "date": document.get("date", ""),
                     **{k: document[k] for k in DATE_FIELDS if document.get(k)}}
            replaced = document.get("superseded_by")
            if replaced:  # a document id, said as its title, or a sentence
                entry["superseded_by"] = content.documents[replaced][1]["title"] if replaced in content.documents else replaced
            out.append(entry)
    return out


def with_review_state(documents: list[dict], on: date) -> list[dict]:
    """The same documents, each marked `review_overdue` when its next review is wholly before `on`."""
    marked = []
    for document in documents:
        marked.append({**document, "review_overdue": review_overdue(parse_when(document.get("next_review")), on)})
    return marked


def dates_in_words(document: dict) -> str:
    """'published October 2017; next review due September 2025 (review overdue)', or the date as given."""
    parts = [f"{label} {parse_when(document[key]).words}" for key, label in
             (("published", "published"), ("last_reviewed", "last reviewed"), ("next_review", "next review due"))
             if document.get(key)]
    text = "; ".join(parts) or f"dated {document.get('date') or 'not given'}"
    if document.get("review_overdue"):
        text += " (review overdue)"
    if document.get("superseded_by"):
        text += f"; replaced by {document['superseded_by']}"
    return text

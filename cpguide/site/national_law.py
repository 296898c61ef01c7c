"""The national framework's pages on the law as it stands (words: checklists/national/law.yml): the edition
of Working Together in force on the build date, what the 2026 edition changed, what is still unchecked,
the link to 'What is changing', and under each national fact what it was checked against."""

from __future__ import annotations

from ..checked import against_statutory_text, publishers
from ..law import edition_sentence, law_data, words_of
from ..vocabulary import CHECK_KINDS
from .html import Html
from .law_page import SRC as CHANGING
from ..wording import fill


def overview_section(pages) -> list[Html]:
    """For the national overview: the edition in force, what changed, what is unchecked, what is changing."""
    data, w = law_data(pages.content), pages.w
    if not data:
        return []
    say = data["words"]
    body = [w.heading(2, say["edition_heading"]), w.paragraph(w.text(edition_sentence(pages.content, pages.ctx.build_date))),
            w.paragraph(w.a(say["link"], CHANGING))]
    body.append(w.heading(3, say["edition_changes_heading"]))
    body.append(w.bullets([w.item([w.text(c["text"]), evidence(w, c["evidence"], say)]) for c in data["edition_changes"]]))
    body.append(w.heading(3, say["unchecked_heading"]))
    body.append(w.bullets([w.item([w.text(t)]) for t in data["unchecked"]]))
    return body


def evidence(w, e: dict, say: dict) -> Html:
    return w.small_print(w.external(e["text"], e["url"]) + " (" + w.text(fill(say["read"], date=words_of(e["read"]))) + ")",
                         "cp-meta", searchable=False)


def checked_lines(pages, item: dict) -> list[Html]:
    """Under a national fact: each text it was checked against, and whether the statutory text was one."""
    data, w = law_data(pages.content), pages.w
    checks = item.get("checked_against")
    if not data or not checks:
        return []
    say = data["words"]
    lines = [w.strong(w.text(say["checked_heading"] + ":"))]
    for c in checks:
        line = fill(say["checked_line"], document=c["document"], publisher=c["publisher"], edition=c["edition"],
                                          where=c["where"], kind=CHECK_KINDS[c["kind"]], date=words_of(c["checked"]))
        lines.append(w.small_print(w.external(line, c["url"]), "cp-meta", searchable=False))
    status = say["checked_primary"] if against_statutory_text(checks) else fill(say["checked_secondary"], count=len(publishers(checks)))
    lines.append(w.small_print(w.text(status), "cp-unchecked" if not against_statutory_text(checks) else "cp-meta", strong=True))
    return [w.paragraph(w.lines(lines))]


def checked_markdown(content, term: dict) -> list[str]:
    """The same for a glossary term (a Markdown page)."""
    from .render import md, small_print

    data = law_data(content)
    checks = term.get("checked_against")
    if not data or not checks:
        return []
    say = data["words"]
    out = [f"**{md(say['checked_heading'])}:**", ""]
    for c in checks:
        line = fill(say["checked_line"], document=c["document"], publisher=c["publisher"], edition=c["edition"],
                                          where=c["where"], kind=CHECK_KINDS[c["kind"]], date=words_of(c["checked"]))
        out.append(f"- [{md(line)}]({c['url']})")
    status = say["checked_primary"] if against_statutory_text(checks) else fill(say["checked_secondary"], count=len(publishers(checks)))
    return out + ["", small_print(md(status), "cp-meta"), ""]

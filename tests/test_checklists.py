"""The checklist generator, without a browser: complete, faithful to the sources, linked, versioned.

Expectations are worked out from the content here, independently of the generator's own selection
code, so a content change that the generator silently drops shows up as a failure.
"""

from __future__ import annotations

import copy
import html
import posixpath
import re
from pathlib import Path

import pytest

from cpguide.gate import valid_content
from cpguide.site import build_site, routes
from cpguide.site.checklists import checklists_of
from cpguide.site.model import SiteContext
from cpguide.site.render import AUDIENCE_NAMES

FIXTURE = Path(__file__).parent / "fixtures" / "good" / "checklists"
TYPES = ["icpc", "rcpc"]
PHASES = ["before", "during", "after"]
HREF = re.compile(r'<a [^>]*?href="([^"]+)"')
# A tap-to-call or e-mail link the generator makes from a number or address in the text: (href, its text)
CONTACT_LINK = re.compile(r'<a [^>]*?href="((?:mailto|tel):[^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
# A box and its label in the rendered HTML: (the input's attributes, the label's for, the label's HTML)
BOX = re.compile(r'<input ([^>]*?) ?/?><label for="([^"]+)">(.*?)</label>', re.DOTALL)
ATTRS = re.compile(r'([a-z-]+)="([^"]*)"')


@pytest.fixture(scope="module")
def build(content):
    return build_site(content, "test")


@pytest.fixture(scope="module")
def pages(build):
    return {p.src_uri: p for p in build.pages}


@pytest.fixture(scope="module")
def rendered(pages, checklists):
    """Each checklist page's HTML, as MkDocs puts it in the site."""
    return {c.src: pages[c.src].written for lists in checklists.values() for c in lists}


served_at = routes.page_url


def links_of(src: str, page_html: str, pages: dict) -> list[tuple[str, str, str | None]]:
    """(href, anchor, the page or file it leads to, or None) for every link on a page."""
    by_url = {served_at(s): s for s in pages}
    out = []
    for href in map(html.unescape, HREF.findall(page_html)):
        if href.startswith(("mailto:", "tel:")):
            continue  # a contact, not a page: contact_link_faults checks it
        path, _, anchor = href.partition("#")
        path = path.partition("?")[0]
        if not path:
            out.append((href, anchor, src))
            continue
        target = posixpath.normpath(posixpath.join(served_at(src), path))
        target = "" if target == "." else target
        out.append((href, anchor, by_url.get(target + "/" if path.endswith("/") and target else target)))
    return out


def contact_link_faults(page_html: str) -> list[str]:
    """Contact links that do not lead to what their text shows: an e-mail link goes to the address as
    written and nowhere else (no ?cc=), a phone link dials the UK number's digits (10 or 11) or 999."""
    faults = []
    for href, text in CONTACT_LINK.findall(page_html):
        scheme, _, to = html.unescape(href).partition(":")
        shown = html.unescape(re.sub(r"<[^>]+>", "", text)).strip()
        if scheme == "mailto":
            ok = to == shown and re.fullmatch(r"[^@\s?&]+@[\w-]+(\.[\w-]+)+", to)
        else:
            digits = re.sub(r"\D", "", shown)
            digits = "0" + digits[2:] if shown.startswith("+44") else digits
            ok = to == digits and (len(digits) in (10, 11) and digits[0] == "0" or digits == "999")
        if not ok:
            faults.append(f"{href} shown as {shown!r}")
    return faults


def boxes_in(page_html: str) -> list[tuple[dict, str, str]]:
    """(input attributes, label's for, label's text) for every box on a rendered page."""
    return [(dict(ATTRS.findall(attrs)), label_for, " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split()))
            for attrs, label_for, text in BOX.findall(page_html)]


@pytest.fixture(scope="module")
def checklists(content):
    ctx = SiteContext(content, "test")
    return {a.id: checklists_of(ctx, a) for a in content.local_authorities}


def applies(content, item: dict, containers: list[dict], t: str) -> bool:
    """Whether an item (and what holds it, and what it refers to) applies to a conference type."""
    chain = containers + [item]
    if item.get("ref"):
        target = content.index[item["ref"]]
        chain += list(target.ancestors) + [target.item]
    return all(t in d.get("conference_types", TYPES) for d in chain)


# --- every authority, audience, phase and conference type with content has its checklist --------

def chairs_own(content, item: dict, audience: str) -> bool:
    """A professionals' guide item that is the chair's own task (it names the chair, and neither the
    professionals nor everyone): it is on the chairs' lists, not on the professionals' (eb81cc0)."""
    actors = set(content.resolve(item).get("actors") or [])
    return audience == "professionals" and "chair" in actors and not actors & {"professionals", "all"}


def test_every_audience_has_its_before_during_after_lists(content, checklists):
    missing = []
    for a in content.local_authorities:
        keys = {(c.conference_type, c.key) for c in checklists[a.id]}
        for t in TYPES:
            for audience in AUDIENCE_NAMES:
                for phase in PHASES:
                    has = any(applies(content, i, [g], t) and not chairs_own(content, i, audience) for g in a.guides
                              if g["audience"] == audience and g["phase"] == phase for i in g["items"])
                    if has and (t, f"{audience}-{phase}") not in keys:
                        missing.append(f"{a.id} {t} {audience} {phase}")
    assert not missing, "role guides with no checklist: " + ", ".join(missing)


def test_professionals_lists_leave_the_chairs_own_tasks_to_the_chairs(content, checklists):
    found = []
    for lists in checklists.values():
        for c in lists:
            for sheet in c.sheets:
                if sheet.audience == "professionals" and sheet.kind in PHASES:
                    found += [f"{c.src}: {i.key}" for i in sheet.items()
                              if chairs_own(content, content.index[i.key].item, "professionals")]
    assert not found, "the chair's own task on a professionals' list: " + ", ".join(found)


def test_every_audience_has_its_deadlines(content, checklists):
    missing = []
    rules = lambda a: a.rules + (content.national.rules if content.national else [])  # noqa: E731
    for a in content.local_authorities:
        keys = {(c.conference_type, c.key) for c in checklists[a.id]}
        for t in TYPES:
            for audience in AUDIENCE_NAMES:
                if audience == "parents":
                    continue  # a family's dates: the parents' calculator and page, in plain words
                if any(audience in r["audiences"] and t in r["conference_types"] for r in rules(a)) \
                        and (t, f"deadlines-{audience}") not in keys:
                    missing.append(f"{a.id} {t} {audience}")
    assert not missing, "no deadlines checklist for: " + ", ".join(missing)


def test_chairs_get_agenda_prompts_standards_statements_and_a_pack(content, checklists):
    missing = []
    for a in content.local_authorities:
        keys = {(c.conference_type, c.key) for c in checklists[a.id]}
        for t in TYPES:
            expected = [f"agenda-{ag['id']}" for ag in a.agendas if t in ag["conference_types"]]
            expected += [f"standards-{s['id']}" for s in a.standard_sets]
            if any(t in s.get("conference_types", TYPES) for s in a.statements):
                expected.append("statements")
            if expected or any(g["audience"] == "chairs" for g in a.guides):
                expected.append("pack")
            missing += [f"{a.id} {t} {k}" for k in expected if (t, k) not in keys]
    assert not missing, "missing chair's checklists: " + ", ".join(missing)


def test_the_pack_gathers_every_chair_item_once(checklists):
    for lists in checklists.values():
        for t in TYPES:
            chair_lists = [c for c in lists if c.conference_type == t and c.key != "pack" and c.audience == "chairs"]
            pack = [c for c in lists if c.conference_type == t and c.key == "pack"]
            if not chair_lists:
                continue
            in_pack = [i.target for s in pack[0].sheets for g in s.groups for i in g.items]
            assert len(in_pack) == len(set(in_pack)), f"{pack[0].id}: an item is printed twice"
            everything = {i.target for c in chair_lists for g in c.sheets[0].groups for i in g.items}
            assert set(in_pack) == everything, f"{pack[0].id}: chair items missing from the pack"
            order = [c.key for c in chair_lists]
            assert [s.key for s in pack[0].sheets] == [k for k in order if k in {s.key for s in pack[0].sheets}]


def test_consultation_and_pre_meeting_sheets_where_the_content_has_them(content, checklists):
    """Items whose deadline is the chair's consultation or the family pre-meeting land on those sheets."""
    sheet_of_kind = {"chair-consultation": "consultation", "consultation-held": "consultation",
                     "family-pre-meeting": "pre-meeting"}
    missing = []
    for a in content.local_authorities:
        for entry in content.entries(authority=a.id):
            rule = content.index.get(entry.item.get("deadline") or "")
            if entry.file not in ("standards.yml", "roles.yml") or not rule or rule.item["kind"] not in sheet_of_kind:
                continue
            for t in TYPES:
                if not applies(content, entry.item, list(entry.ancestors), t):
                    continue
                sheet = next((c for c in checklists[a.id] if c.conference_type == t and c.key == sheet_of_kind[rule.item["kind"]]), None)
                shown = {i.target for i in sheet.sheets[0].items()} if sheet else set()
                if entry.id not in shown:
                    missing.append(f"{a.id} {t}: {entry.id} not on the {sheet_of_kind[rule.item['kind']]} sheet")
    assert not missing, "\n".join(missing)


def test_no_item_of_the_other_conference_type(content, checklists):
    wrong = []
    for lists in checklists.values():
        for c in lists:
            for sheet in c.sheets:
                for item in sheet.items():
                    if item.quotes:  # a family's box: its own conference types (family.yml)
                        family = next(i for i in c.authority.data("family.yml")["checklist"] if i["key"] == item.key)
                        if c.conference_type not in family.get("conference_types", TYPES):
                            wrong.append(f"{c.id}: {item.key}")
                        continue
                    entry = content.index[item.key]
                    if entry.type != "rule" and not applies(content, entry.item, list(entry.ancestors), c.conference_type):
                        wrong.append(f"{c.id}: {item.key}")
    assert not wrong, wrong[:10]


# --- faithful, linked, unique ---------------------------------------------------------------------

def test_every_box_shows_the_source_wording(content, checklists, rendered):
    """Each label, as rendered, is the item's text exactly as in the content (never reworded)."""
    for lists in checklists.values():
        for c in lists:
            labels = {attrs.get("id"): text for attrs, _, text in boxes_in(rendered[c.src])}
            for sheet in c.sheets:
                for item in sheet.items():
                    if item.quotes or content.index[item.key].type == "rule":
                        continue  # a family's box is in plain words: test_family_boxes_...
                    shown = content.resolve(content.index[item.key].item)["text"]
                    assert labels.get(c.box_id(sheet, item)) == " ".join(shown.split()), (c.src, item.key)


def test_family_boxes_are_the_familys_own_words_with_the_source_wording_one_tap_away(content, checklists, rendered):
    """A parents' checklist shows only family.yml's plain items (no staff duty quoted as a box), what to bring
    first, and under each box the wording of its source items in a collapsed quotation."""
    seen = 0
    for a in content.local_authorities:
        family = {i["key"]: i for i in a.data("family.yml").get("checklist", [])}
        for c in checklists[a.id]:
            if c.audience != "parents" or not family:
                continue
            page = rendered[c.src]
            labels = {attrs.get("id"): text for attrs, _, text in boxes_in(page)}
            shown = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())  # the text, tooltips' tags left out
            for sheet in c.sheets:
                assert [g.title for g in sheet.groups][:1] != [""], c.src
                for item in sheet.items():
                    assert item.key in family, f"{c.src}: {item.key} is not a family item"
                    assert labels[c.box_id(sheet, item)] == family[item.key]["text"], (c.src, item.key)
                    for source in family[item.key]["grounded_in"]:
                        quoted = content.resolve(content.index[source].item)["text"]
                        assert " ".join(quoted.split()) in shown, (c.src, source)
                    seen += 1
            if c.sheets[0].phase == "before" and any(i.get("bring") for i in family.values()):
                assert "What to bring and prepare" in shown, c.src
            assert page.count('<details class="quote">') == sum(1 for s in c.sheets for _ in s.items()), c.src
    assert seen > 20


def test_box_ids_are_unique_on_each_page_and_every_box_has_its_label(checklists, rendered):
    for lists in checklists.values():
        for c in lists:
            boxes = boxes_in(rendered[c.src])
            ids = [attrs.get("id") for attrs, _, _ in boxes]
            assert len(ids) == len(set(ids)), f"{c.src}: duplicate checkbox ids"
            assert ids, f"{c.src}: no checkbox"
            assert all(attrs.get("type") == "checkbox" and attrs["id"] == attrs.get("data-item") == label_for and text
                       for attrs, label_for, text in boxes), c.src
            assert len(ids) == sum(1 for s in c.sheets for _ in s.items())


def test_every_page_opens_with_one_header(checklists, rendered):
    """Title, authority, conference, audience, sources, version and room for the date and notes head
    each page once: a single sheet, or a conference pack (even of one sheet) whose sheets follow as sections (checklist.css
    and the print test find the header as the definition list right after the checklist marker)."""
    for lists in checklists.values():
        for c in lists:
            page = rendered[c.src]
            heads = re.findall(r'class="cp-checklist"[^>]*></div>\s*<dl>(.*?)</dl>', page, re.S)
            assert len(heads) == 1 and page.count("<dl>") == 1, f"{c.src}: {len(heads)} headers"
            terms = re.findall(r"<dt[^>]*>(.*?)</dt>", heads[0])
            assert terms == ["Checklist", "Authority", "Conference", "For", "Sources", "Site version", "Conference date", "Notes"], terms
            first = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<dd>(.*?)</dd>", heads[0], re.S)[1]))
            pack = len(c.sheets) > 1 or c.key == "pack"  # a chair's pack is a pack even of one sheet (7048771)
            assert first == (c.title if pack else c.sheets[0].title), (c.src, first)
            assert '<dt class="cp-print-only">Conference date</dt>' in heads[0]
            assert '<dt class="cp-print-only">Notes</dt>' in heads[0]
            if pack:
                titles = re.findall(r'<h2 class="cp-sheet-title"[^>]*>(.*?)<a', page)
                assert [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in titles] == [s.title for s in c.sheets]


def _anchors(page_html: str) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', page_html))


def test_every_link_reaches_an_existing_page_and_anchor(checklists, pages, build):
    broken = []
    for lists in checklists.values():
        for c in lists:
            for href, anchor, target in links_of(c.src, pages[c.src].written, pages):
                if target is None:
                    broken.append(f"{c.src}: {href} (no such page)")
                elif anchor and anchor not in _anchors(pages[target].written):
                    broken.append(f"{c.src}: {href} (no anchor #{anchor} on {target})")
            broken += [f"{c.src}: {fault}" for fault in contact_link_faults(pages[c.src].written)]
    assert not broken, "\n".join(broken[:20])


def test_every_item_links_to_its_explanation_and_deadline(content, checklists, pages):
    for lists in checklists.values():
        for c in lists:
            anchors = {anchor for _, anchor, _ in links_of(c.src, pages[c.src].written, pages)}
            for sheet in c.sheets:
                for item in sheet.items():
                    assert item.target in anchors, f"{c.src}: {item.key} does not link to where it is explained"
                    if item.deadline:
                        assert item.deadline in anchors, f"{c.src}: {item.key} does not link to its deadline"


def test_sheet_header_names_the_sources_with_dates_and_the_site_version(content, checklists, rendered):
    for lists in checklists.values():
        for c in lists:
            page = html.unescape(re.sub(r"</?abbr[^>]*>", "", rendered[c.src]))  # without the tooltips
            assert "<dt>Site version</dt>\n<dd>test</dd>" in page
            for sheet in c.sheets:
                assert sheet.documents, f"{c.src}: {sheet.key} names no source document"
                for doc_id in sheet.documents:
                    doc = content.documents[doc_id][1]
                    given = [doc[k] for k in ("publisher", "date") if doc[k] != "not given"]
                    shown = f"({', '.join(given)})" if given else "(publisher and date not given)"
                    assert f"{doc['title']} {shown}" in page


def test_pages_sit_under_the_authority_with_an_index(content, build):
    by_src = {p.src_uri: p for p in build.pages}
    for a in content.local_authorities:
        index = by_src.get(f"{a.id}/checklists/index.md")
        assert index is not None, a.id
        assert index.nav[-1] == "Checklists"
        sheets = [p for p in build.pages if p.src_uri.startswith(f"{a.id}/checklists/") and p is not index]
        assert sheets
        for p in sheets:
            assert p.nav[:len(index.nav)] == index.nav
            assert f'href="{posixpath.relpath(p.src_uri, f"{a.id}/checklists").removesuffix(".md")}/"' in index.written, p.src_uri


# --- versions: a changed checklist never shows stale ticks -----------------------------------------

def _fixture_checklists(mutate=None):
    content = valid_content(FIXTURE)
    if mutate:
        mutate(content)
    ctx = SiteContext(content, "test")
    return {c.id: c for a in content.local_authorities for c in checklists_of(ctx, a)}


def test_fixture_checklists_have_stable_ids():
    """Ids and box ids come from content ids alone: ticks saved today still fit tomorrow's identical build."""
    first, second = _fixture_checklists(), _fixture_checklists()
    assert {k: c.version for k, c in first.items()} == {k: c.version for k, c in second.items()}
    agenda = first["test-town/icpc/agenda-t-agenda"]
    assert [agenda.box_id(agenda.sheets[0], i) for i in agenda.sheets[0].items()] == \
        ["cl-agenda-t-agenda-t-agenda-1-welcome", "cl-agenda-t-agenda-t-agenda-1-icpc"]
    rcpc = first["test-town/rcpc/agenda-t-agenda"]
    assert [i.key for i in rcpc.sheets[0].items()] == ["t-agenda-1-welcome"]  # the ICPC-only prompt is left out


def test_version_changes_when_an_item_text_changes():
    before = _fixture_checklists()

    def reword(content):
        content.index["t-agenda-1-welcome"].item["text"] = "Chair welcomes everyone warmly."

    after = _fixture_checklists(reword)
    changed = {k for k in before if before[k].version != after[k].version}
    assert "test-town/icpc/agenda-t-agenda" in changed and "test-town/rcpc/agenda-t-agenda" in changed
    assert "test-town/icpc/deadlines-social-workers" in before and "test-town/icpc/deadlines-social-workers" not in changed  # checklists without the item keep their ticks


def test_version_changes_when_an_item_is_added_or_removed():
    before = _fixture_checklists()

    def add(content):
        section = content.authorities["test-town"].agendas[0]["sections"][0]
        section["prompts"].append(copy.deepcopy(section["prompts"][0]) | {"id": "t-agenda-1-new", "text": "New prompt."})
        content.index["t-agenda-1-new"] = copy.copy(content.index["t-agenda-1-welcome"])
        content.index["t-agenda-1-new"].id = "t-agenda-1-new"
        content.index["t-agenda-1-new"].item = section["prompts"][-1]

    def remove(content):
        content.authorities["test-town"].agendas[0]["sections"][0]["prompts"].pop()

    key = "test-town/icpc/agenda-t-agenda"
    assert _fixture_checklists(add)[key].version != before[key].version
    assert _fixture_checklists(remove)[key].version != before[key].version


def test_rules_the_documents_disagree_on_are_one_box_showing_every_timing(content, checklists, rendered):
    """Two rules of one recorded disagreement never appear as two unrelated boxes; the box names both
    timings and both sources, and says which is safe."""
    checked = 0
    for authority in content.local_authorities:
        for d in authority.discrepancies:
            rules = [i for i in d["items"] if content.index[i].type == "rule"]
            if d.get("type", "disagreement") != "disagreement" or len(rules) < 2:
                continue
            for c in checklists[authority.id]:
                for sheet in c.sheets:
                    keys = [i.key for i in sheet.items()]
                    shown = [r for r in rules if r in keys]
                    assert len(shown) <= 1, f"{c.src} {sheet.key}: {shown} as separate boxes"
                    for item in sheet.items():
                        if item.key in rules:
                            assert item.disagreement == d["id"]
                            page = html.unescape(re.sub(r"<[^>]+>", "", rendered[c.src]))
                            assert "The documents disagree on this timing" in page and "safe" in page
                            for r in rules:
                                rule = content.index[r].item
                                if c.conference_type in rule["conference_types"]:
                                    assert rule["label"] in page, (c.src, r)
                            checked += 1
    assert checked, "no checklist shows a disagreement between rules: the test checked nothing"


def test_a_familys_sheet_marks_the_councils_own_words_as_quotations(checklists, rendered, content):
    """Without a family.yml checklist, a family's sheet lists the role guides' items for parents: the
    council's own words, each label a quotation (<q>); a family.yml box is the site's plain words."""
    checked = 0
    for authority_id, lists in checklists.items():
        own = bool(content.authorities[authority_id].data("family.yml").get("checklist"))
        for c in lists:
            if c.key.startswith("parents-"):
                for _, _, label in BOX.findall(rendered[c.src]):
                    assert label.startswith("<q>") != own, (c.src, label[:80])
                    checked += 1
    assert checked

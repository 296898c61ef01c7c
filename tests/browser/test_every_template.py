"""One page of every template the build produces, including templates added after these tests were written.

A page's template is its address with the authority id, conference type and audience taken out (and
checklist sheets counted as one), so a new generator's pages are checked without editing this file.
"""

from __future__ import annotations

from pathlib import Path

from .browser_helpers import describe_violations, run_axe, wait_for_page_scripts

CONFERENCE_TYPES = {"icpc", "rcpc"}
AUDIENCES = {"parents", "professionals", "social-workers", "chairs"}


def template_of(parts: tuple[str, ...], authority_ids: set[str]) -> tuple[str, ...]:
    shape = ["<authority>" if p in authority_ids else "<type>" if p in CONFERENCE_TYPES
             else "<audience>" if p in AUDIENCES else p for p in parts]
    if "checklists" in shape and len(shape) > shape.index("checklists") + 2:  # …/checklists/<type>/<sheet>
        sheet = shape.index("checklists") + 2
        shape[sheet] = "pack" if shape[sheet] == "pack" else "<sheet>"
    return tuple(shape)


def one_page_per_template(site_dir: Path, authority_ids: set[str]) -> dict[tuple, str]:
    found: dict[tuple, str] = {}
    for path in sorted(site_dir.rglob("index.html")):
        parts = path.relative_to(site_dir).parent.parts
        found.setdefault(template_of(parts, authority_ids), "/" + "/".join(parts) + ("/" if parts else ""))
    return found


def test_template_shapes():
    ids = {"some-town", "national"}
    assert template_of(("some-town", "agenda"), ids) == ("<authority>", "agenda")
    assert template_of(("for", "parents"), ids) == ("for", "<audience>")
    assert template_of(("some-town", "checklists", "icpc", "chairs-before"), ids) == \
        ("<authority>", "checklists", "<type>", "<sheet>")
    assert template_of(("some-town", "checklists", "rcpc", "pack"), ids) == ("<authority>", "checklists", "<type>", "pack")


def test_one_page_of_every_template(page, site_dir, content, urls):
    """axe-core, console errors and other hosts on one page of each template not already checked by name."""
    ids = set(content.authorities)
    pages = one_page_per_template(site_dir, ids)
    named = {template_of(tuple(p for p in url.split("/") if p), ids) for url in urls.values()}
    assert named <= set(pages), f"named templates missing from the build: {named - set(pages)}"
    problems = []
    for template, url in pages.items():
        if template in named:
            continue
        page.console_errors.clear()
        page.offsite_requests.clear()
        page.goto(url)
        wait_for_page_scripts(page)
        page.wait_for_load_state("networkidle")
        violations = run_axe(page)
        if violations:
            problems.append(f"{url}: axe-core:\n{describe_violations(violations)}")
        if page.console_errors:
            problems.append(f"{url}: console errors: {page.console_errors}")
        if page.offsite_requests:
            problems.append(f"{url}: requests to other hosts: {page.offsite_requests}")
    assert not problems, "\n".join(problems)

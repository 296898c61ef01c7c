"""A professional's "What to bring and prepare": on every authority's page for professionals, near the
top and reached by a jump link, each point quoted (a <blockquote>) with its document and section and a
link to the point in its place, never a second box to tick; where an authority lists none, a plain
statement and a pointer to the national guidance. A wrong id in roles.yml `prepare` is an error with
its file and line."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from cpguide.errors import ContentInvalid
from cpguide.gate import valid_content

GOOD = Path(__file__).parent / "fixtures" / "good"
ROOT = Path(__file__).resolve().parent.parent


def _article(site_dir: Path, authority_id: str) -> str:
    page = (site_dir / authority_id / "professionals" / "index.html").read_text()
    return re.search(r"<article.*?</article>", page, re.S).group(0)


def _section(article: str) -> str:
    """From the section's heading to the next h2."""
    start = article.index('<h2 id="what-to-bring"')
    end = article.find("<h2", start + 1)
    return article[start:end if end > 0 else None]


def _words(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _quotes(section: str) -> list[str]:
    return [_words(q) for q in re.findall(r"<blockquote>(.*?)</blockquote>", section, re.S)]


def test_each_professionals_page_has_the_section_near_the_top_with_a_jump_link(site_dir, content):
    for authority in content.local_authorities:
        article = _article(site_dir, authority.id)
        first_paragraph = re.search(r"<p>(.*?)</p>", article, re.S).group(1)
        assert 'href="#what-to-bring"' in first_paragraph, authority.id
        assert article.index('id="what-to-bring"') < article.index('id="your-dates"'), authority.id
        section = _section(article)
        assert "<input" not in section, f"{authority.id}: the list is quoted, not a second box to tick"
        ids = authority.data("roles.yml").get("prepare", [])
        if not ids:
            assert "do not say what a professional brings" in _words(section), authority.id
            assert 'href="../../national/"' in section, f"{authority.id}: no pointer to the national guidance"
            continue
        pairs = re.findall(r'<blockquote>(.*?)</blockquote>\s*<p class="cp-prepare-source">(.*?)</p>', section, re.S)
        assert len(pairs) == len(ids) == len(_quotes(section)), authority.id
        for item_id, (quote, source_line) in zip(ids, pairs):
            item = content.resolve(content.index[item_id].item)
            _, document = content.documents[item["source"]["document"]]
            assert _words(quote) == " ".join(item["text"].split()), item_id
            assert document["title"] in _words(source_line) and item["source"]["section"] in _words(source_line), item_id
            assert re.search(rf'href="[^"]*#{item_id}"', source_line), item_id


@pytest.fixture
def tree(tmp_path) -> Path:
    shutil.copytree(GOOD, tmp_path / "good")
    return tmp_path / "good"


ROLES = "checklists/test-town/roles.yml"


def _roles(tree: Path, ids: list[str]) -> None:
    lines = ["# yaml-language-server: $schema=../../schema/roles.schema.json", "prepare:"] + [f"  - {i}" for i in ids] + ["guides: []"]
    (tree / ROLES).write_text("\n".join(lines) + "\n")


def _errors(tree: Path) -> list[str]:
    with pytest.raises(ContentInvalid) as info:
        valid_content(tree / "checklists")
    return [str(e) for e in info.value.errors]


def test_a_prepare_id_that_does_not_exist_names_file_and_line(tree):
    _roles(tree, ["t-agenda-1-welcome", "t-no-such-item"])
    errors = _errors(tree)
    assert any(f"{ROLES}:4:" in e and "'t-no-such-item'" in e and "does not exist" in e for e in errors), errors


def test_a_prepare_id_of_another_authority_is_refused(tree):
    national_id = valid_content(GOOD / "checklists").authorities["national"].rules[0]["id"]
    _roles(tree, [national_id])
    errors = _errors(tree)
    assert any(f"{ROLES}:3:" in e and "belongs to 'national'" in e for e in errors), errors


def test_a_good_prepare_list_loads(tree):
    _roles(tree, ["t-agenda-1-welcome"])
    assert valid_content(tree / "checklists").authorities["test-town"].data("roles.yml")["prepare"] == ["t-agenda-1-welcome"]

"""The site builds strictly from the bundled content, shows every authority, and asks no other host for anything."""

from __future__ import annotations

import re
from html.parser import HTMLParser
import json
from pathlib import Path


class _AssetRefs(HTMLParser):
    """Collects URLs a browser would fetch by itself (not links a reader may choose to follow)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical",):
            self.urls.append(attrs["href"])
        if tag == "object" and attrs.get("data"):
            self.urls.append(attrs["data"])


def _offsite(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url))


def test_each_authority_has_its_pages(site_dir: Path, content):
    """Each authority's pages for what it has; none for what it has not (never a file it must hold)."""
    for authority in content.local_authorities:
        has = {"agenda": bool(authority.agendas), "standards": bool(authority.standard_sets),
               "statements": "statements.yml" in authority.docs}
        for page in ["agenda", "standards", "statements", "parents", "professionals", "social-workers",
                     "chairs", "timescales"]:
            built = (site_dir / authority.id / page / "index.html").exists()
            assert built == has.get(page, True), f"{authority.id}/{page}: built {built}"
        assert (site_dir / authority.id / "index.html").exists(), authority.id
    assert (site_dir / "national" / "index.html").exists()
    assert (site_dir / "glossary" / "index.html").exists()


def test_home_sends_each_audience_somewhere(site_dir: Path):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    for audience in ["parents", "professionals", "social-workers", "chairs"]:
        assert f'href="for/{audience}/"' in home, audience
    assert "999" in home


def test_no_page_or_stylesheet_fetches_from_another_host(site_dir: Path):
    offenders = []
    for path in site_dir.rglob("*.html"):
        parser = _AssetRefs()
        parser.feed(path.read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(site_dir)}: {u}" for u in parser.urls if _offsite(u)]
    for path in site_dir.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8")):
            if _offsite(url):
                offenders.append(f"{path.relative_to(site_dir)}: {url}")
        offenders += [f"{path.relative_to(site_dir)}: @import" for _ in re.findall(r"@import\s+url\(['\"]?https?:", path.read_text(encoding='utf-8'))]
    assert not offenders, "\n".join(offenders[:20])


def test_no_web_fonts_or_analytics(site_dir: Path):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home
    assert "googletagmanager" not in home and "gtag(" not in home


def test_every_source_document_is_published(site_dir: Path, content):
    for _, doc in content.documents.values():
        if doc.get("file"):
            assert (site_dir / "sources" / doc["file"]).exists()


def test_abbreviations_have_tooltips_on_every_page(site_dir: Path):
    agenda = (site_dir / "west-berkshire" / "agenda" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]+">ICPC</abbr>', agenda)


def test_search_finds_the_items_but_not_the_small_print_under_each(site_dir: Path, content):
    """Every item's own words are searchable; its small print (conference, who, source) is not, or a
    search for "chair" or a document's title would match every item on the site."""
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(" ".join(d["text"].split()) for d in docs)
    standards = [s for a in content.local_authorities for st in a.standard_sets for s in st["standards"]]
    assert standards and all(" ".join(s["text"].split())[:40] in text for s in standards[:20])
    assert "Who: Chair" not in text
    assert ">Who: Chair" in (site_dir / "west-berkshire" / "standards" / "index.html").read_text(encoding="utf-8")

"""The site builds strictly from the bundled content, shows every authority, and asks no other host for anything."""

from __future__ import annotations

import gzip
import json
import re
from html import unescape
from html.parser import HTMLParser
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


def test_abbreviations_have_tooltips_on_every_page(site_dir: Path, content):
    with_tooltip = 0
    for authority in content.local_authorities:  # where a page for professionals says ICPC, it explains it
        page = (site_dir / authority.id / "professionals" / "index.html").read_text(encoding="utf-8")
        if "ICPC" in re.sub(r"<[^>]+>", "", page):
            assert re.search(r'<abbr title="[^"]+">ICPC</abbr>', page), authority.id
            with_tooltip += 1
    assert with_tooltip


def _search_fragments(site_dir: Path) -> list[dict]:
    """Pagefind's stored pages (url, content, filters): gzip files starting with "pagefind_dcd"."""
    out = []
    for path in (site_dir / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd"), path
        out.append(json.loads(raw[len(b"pagefind_dcd"):]))
    return out


def test_search_finds_the_items_but_not_the_small_print_under_each(site_dir: Path, content):
    """Every item's own words are searchable; its small print (conference, who, source) is not, or a
    search for "chair" or a document's title would match every item on the site."""
    pages = _search_fragments(site_dir)
    text = " ".join(" ".join(d["content"].split()) for d in pages)
    standards = [s for a in content.local_authorities for st in a.standard_sets for s in st["standards"]]
    assert standards and all(" ".join(s["text"].split())[:40] in text for s in standards[:20])
    assert "Who: Chair" not in text
    with_standards = next(a for a in content.local_authorities if a.standard_sets)
    assert ">Who: Chair" in (site_dir / with_standards.id / "standards" / "index.html").read_text(encoding="utf-8")


def test_search_indexes_articles_with_their_authority_and_audience(site_dir: Path, content):
    """Pagefind indexes each page's article (not the menus), filed under its authority ("all" for pages
    about every authority) and audience ("everyone" unless it is one audience's page); checklists are
    left out, as they were out of Material's search."""
    pages = {d["url"]: d for d in _search_fragments(site_dir)}
    local = content.local_authorities[0].id
    parents = pages[f"/{local}/parents/"]
    assert parents["filters"] == {"authority": [local], "audience": ["parents"]}
    assert pages["/for/chairs/"]["filters"] == {"authority": ["all"], "audience": ["chairs"]}
    assert pages["/glossary/"]["filters"] == {"authority": ["all"], "audience": ["everyone"]}
    assert pages[f"/{local}/timescales/"]["filters"] == {"authority": [local], "audience": ["everyone"]}
    other = next(a for a in content.local_authorities if a.id != local)
    assert other.name not in parents["content"], "the menu (other authorities' names) was indexed"
    assert "¶" not in parents["content"]
    assert not [u for u in pages if "/checklists/" in u and u.count("/") > 3], "checklists are indexed"


def test_search_holds_each_statement_once_where_it_stands(site_dir: Path, content):
    """A statement quoted under a parent's answer (collapsed, linked "in context") is indexed where it
    stands, not again with its citation on the parents' page; pages gathering every authority's items
    (the comparisons, all disagreements) are not indexed, their items are on each authority's pages;
    and the folder of pages handed to Pagefind is gone after the build."""
    pages = {d["url"]: d for d in _search_fragments(site_dir)}
    town = next(a for a in content.local_authorities if a.data("family.yml").get("topics") and a.discrepancies)
    html = (site_dir / town.id / "parents" / "index.html").read_text(encoding="utf-8")
    quoted = re.findall(r'<details class="quote">\s*<summary>[^<]*</summary>\s*<blockquote>\s*<p>([^<]{40,}?)</p>', html)
    assert quoted, "the parents' page quotes no source wording under its answers"
    parents = " ".join(pages[f"/{town.id}/parents/"]["content"].split())
    elsewhere = " ".join(" ".join(d["content"].split()) for u, d in pages.items() if u != f"/{town.id}/parents/")
    shown = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    for text in quoted[:10]:
        words = " ".join(unescape(text).split())[:60]
        # fewer times in the index than on the page: the quotation under the answer is left out
        # (the section with all the council's words for families may still hold it once)
        assert parents.count(words) < shown.count(words), f"indexed again under the answer: {words!r}"
        assert words in elsewhere, f"not indexed where it stands: {words!r}"
    assert "see it in context" not in parents
    assert not [u for u in pages if u.startswith("/compare/") and u != "/compare/"], "comparison tables indexed"
    assert "/disagreements/" not in pages and f"/{town.id}/disagreements/" in pages
    assert not (site_dir / ".pagefind-pages").exists()


def test_no_page_fetches_the_sitemap_or_a_search_index_by_itself(site_dir: Path):
    """Material's search plugin (the whole index on every page) and instant navigation (sitemap.xml on
    every page) are off; the search box is the site's own, loading Pagefind only when used."""
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert not (site_dir / "search" / "search_index.json").exists()
    assert '"navigation.instant"' not in home and "search_index" not in home
    assert "data-cpguide-search" in home and 'data-md-component="search"' not in home
    assert (site_dir / "pagefind" / "pagefind.js").is_file() and (site_dir / "sw.js").is_file()

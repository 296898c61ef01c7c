"""Page weight: the project's own JavaScript, CSS and data that a page loads stay under 30 KB.

Counted per page, uncompressed, on the built site: files under assets/js, assets/css, assets/vendor
and data/ that the page references (scripts, style sheets, data-* attributes), the modules the
loader (assets/js/cpguide.js) imports for the page's `[data-cpguide-…]` elements, the modules those
import, and the data files they name — as a path, or as a file name inside a data folder the page
or module names; a template such as `${id}.json` stands for its largest match (one authority).
Material's own bundles (assets/javascripts, assets/stylesheets) and its search index are not ours.
your-authority.mjs and conference-store.mjs count on every page: the loader imports them everywhere
once a reader has chosen an authority (the "Your authority" line).
The safety tools on the pages a family reads (GOV.UK Frontend's "Exit this page", Listen) have their own allowance.
search.mjs does not count: it is loaded when the reader opens the search box, and its bytes count in
those of a search.

The calculator (its rule engine is JavaScript) is the exception, and so is "Your dates" on an
audience's pages (the same engine, loaded only once the reader has given the calculator a date): it may load its own authority's
rules and the bank-holiday table, never a data file holding more than one authority's rules, and
under 30 KB of any other, shared data.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

LIMIT = 30 * 1024
OWN = ("assets/js/", "assets/css/", "assets/vendor/", "data/")
LOADER = "assets/js/cpguide.js"
EVERY_PAGE_MODULES = {"assets/js/your-authority.mjs", "assets/js/conference-store.mjs"}
CALCULATING = {"data-cpguide-calculator", "data-cpguide-your-dates"}  # run the rule engine: weighed apart
# The safety tools on the pages a family reads only (cpguide/site/components/exit-and-listen, help-numbers):
# GOV.UK Frontend's "Exit this page" (scripts/vendor-govuk.sh, kept as the package ships it so it can be
# checked byte for byte), Listen and the help numbers, and the family pages' own styles (family.css), with
# their own allowance.
EXIT_COMPONENT = {"assets/vendor/govuk-exit-this-page.mjs", "assets/vendor/govuk-exit-this-page.css",
                  "assets/js/exit-and-listen.mjs", "assets/css/exit-and-listen.css", "assets/css/help-numbers.css",
                  "assets/css/family.css"}
EXIT_LIMIT = 36 * 1024  # the GOV.UK component is 25 KB as shipped (unminified)
# Loaded only when the reader opens the search box: counted in the bytes of a search (the browser
# tests and the benchmark hold a query to 300 KB), not in what a page loads.
ON_DEMAND = {"data-cpguide-search"}

_QUOTED = re.compile(r"""["'`]([^"'`\s<>]+)["'`]""")
# In the loader: a selector, then the module imported for it.
_LOADER_BRANCH = re.compile(r"""querySelectorAll\(\s*["']\[(data-cpguide-[a-z-]+)\]["']\s*\)(?:(?!querySelectorAll).)*?"""
                            r"""import\(\s*new\s+URL\(\s*["']([\w.-]+\.mjs)["']""", re.S)


class _Refs(HTMLParser):
    """URLs a page uses by itself (scripts, style sheets, data-* attributes) and its data-cpguide-* names."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.features: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("data-cpguide-"):
                self.features.add(name)
            if value and ((tag in ("script", "link") and name in ("src", "href")) or name.startswith("data-")):
                self.urls.append(value)


def _resolve(base_dir: str, url: str) -> str | None:
    """Site-relative path of `url` used from folder `base_dir`, if it is one of the project's own."""
    url = url.split("#", 1)[0].split("?", 1)[0]
    if not url or re.match(r"^[a-z][a-z0-9+.-]*:", url) or url.startswith("//"):
        return None
    path = url[1:] if url.startswith("/") else posixpath.normpath(posixpath.join(base_dir, url))
    return path if path.startswith(OWN) else None


class _Weigher:
    def __init__(self, site_dir: Path):
        self.site = site_dir
        loader = (site_dir / LOADER).read_text(encoding="utf-8")
        self.branches = {attr: f"assets/js/{module}" for attr, module in _LOADER_BRANCH.findall(loader)}
        assert self.branches, f"no `[data-cpguide-…]` branch found in {LOADER}"

    def _existing(self, pattern: str, exclude: set[str]) -> str | None:
        if "*" not in pattern:
            return pattern if (self.site / pattern).is_file() else None
        matches = [p for p in self.site.glob(pattern) if p.is_file()
                   and p.relative_to(self.site).as_posix() not in exclude]
        return max(matches, key=lambda p: p.stat().st_size).relative_to(self.site).as_posix() if matches else None

    def files(self, page: Path, skip: frozenset[str] = frozenset()) -> tuple[set[str], set[str]]:
        """(files the page loads, its data-cpguide-* features); `skip`: features whose modules are not counted."""
        page_dir = posixpath.dirname(page.relative_to(self.site).as_posix())
        refs = _Refs()
        refs.feed(page.read_text(encoding="utf-8"))
        used = {p for p in (_resolve(page_dir, u) for u in refs.urls) if p}
        data_dirs = {p for p in used if p.startswith("data/") and (self.site / p).is_dir()}
        files = {p for p in used if (self.site / p).is_file()}
        if LOADER in files:
            files |= {self.branches[f] for f in refs.features
                      if f in self.branches and f not in skip and f not in ON_DEMAND} | EVERY_PAGE_MODULES
        todo, done = [f for f in files if f.endswith((".js", ".mjs"))], set()
        while todo:  # modules: what they import, and the data they name
            module = todo.pop()
            if module in done or not (self.site / module).is_file():
                continue
            done.add(module)
            if module == LOADER:
                continue  # its imports depend on the page: taken from its branches above
            module_dir = posixpath.dirname(module)
            strings = _QUOTED.findall((self.site / module).read_text(encoding="utf-8"))
            for s in strings:
                for start in (module_dir, ""):  # relative to the module, or to the site root
                    target = _resolve(start, s)
                    if target and target.startswith("data/") and (self.site / target).is_dir():
                        data_dirs.add(target)
            for s in sorted(strings, key=lambda s: "${" in s):  # names before templates
                pattern = re.sub(r"\$\{[^}]*\}", "*", s)
                if pattern.endswith((".mjs", ".js")) and "*" not in pattern:
                    target = _resolve(module_dir, pattern)
                    if target and (self.site / target).is_file():
                        files.add(target)
                        todo.append(target)
                elif pattern.endswith(".json"):
                    starts = [module_dir, ""] if "/" in pattern else sorted(data_dirs)
                    for start in starts:
                        target = _resolve(start, pattern)
                        found = target and self._existing(target, files)
                        if found:
                            files.add(found)
                            break
        return files, refs.features

    def size(self, files) -> int:
        return sum((self.site / f).stat().st_size for f in files if (self.site / f).is_file())


def _page_type(site_dir: Path, page: Path, authority_ids: set[str]) -> str:
    parts = list(page.relative_to(site_dir).parts[:-1])
    if parts and parts[0] in authority_ids:
        parts[0] = "<authority>"
    return "/".join(parts) or "(home)"


def _explain(weigher: _Weigher, files) -> str:
    return ", ".join(f"{f} ({weigher.size([f]) / 1024:.1f} KB)" for f in sorted(files))


def test_own_javascript_css_and_data_stay_under_30_kb(site_dir: Path, content):
    weigher = _Weigher(site_dir)
    heaviest: dict[str, tuple[int, str, set[str]]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        files, features = weigher.files(page, skip=frozenset({"data-cpguide-your-dates"}))
        if "data-cpguide-calculator" in features:
            continue  # its own test below, as "Your dates" (left out here)
        exit_component = files & EXIT_COMPONENT
        assert not exit_component or "data-cpguide-family" in features, f"{page}: the exit component on a page not for families"
        assert weigher.size(exit_component) < EXIT_LIMIT, f"{page}: {_explain(weigher, exit_component)}"
        files = files - EXIT_COMPONENT
        weight, kind = weigher.size(files), _page_type(site_dir, page, set(content.authorities))
        if weight > heaviest.get(kind, (-1,))[0]:
            heaviest[kind] = (weight, page.relative_to(site_dir).as_posix(), files)
    assert "(home)" in heaviest and len(heaviest) > 5, sorted(heaviest)
    assert any(LOADER in files for _, _, files in heaviest.values())
    over = {k: v for k, v in heaviest.items() if v[0] >= LIMIT}
    assert not over, "pages loading 30 KB or more of the project's own JS/CSS/data:\n" + "\n".join(
        f"  {kind}: {w / 1024:.1f} KB on {page}: {_explain(weigher, files)}" for kind, (w, page, files) in over.items())


def test_every_module_the_loader_imports_exists(site_dir: Path):
    weigher = _Weigher(site_dir)
    assert "data-cpguide-picker" in weigher.branches
    used = set()
    for page in site_dir.rglob("*.html"):
        refs = _Refs()
        refs.feed(page.read_text(encoding="utf-8"))
        used |= {weigher.branches[f] for f in refs.features if f in weigher.branches}
    missing = sorted(m for m in used | EVERY_PAGE_MODULES if not (site_dir / m).is_file())
    assert not missing, missing


def test_calculator_loads_only_its_authority_rules_and_the_bank_holidays(site_dir: Path, content):
    weigher = _Weigher(site_dir)
    local_ids = [a.id for a in content.local_authorities]
    calculators = 0
    for page in sorted(site_dir.rglob("*.html")):
        files, features = weigher.files(page)
        if not features & CALCULATING:
            continue
        calculators += 1
        shown = page.relative_to(site_dir).as_posix()
        allowed = set()
        for f in (f for f in files if f.startswith("data/")):
            if "holiday" in f.lower():
                allowed.add(f)  # the bank-holiday table
                continue
            text = (site_dir / f).read_text(encoding="utf-8")
            named = [a for a in local_ids if f'"{a}"' in text]
            assert len(named) <= 1, f"{shown} loads {f}, which holds {len(named)} authorities' data"
            if named:
                allowed.add(f)  # its authority's rules
        assert len(allowed - {f for f in allowed if "holiday" in f.lower()}) <= 1, (shown, sorted(allowed))
        shared = {f for f in files - allowed if f.startswith("data/")}
        weight = weigher.size(shared)
        assert weight < LIMIT, (f"{shown}: {weight / 1024:.1f} KB of other data besides its authority's rules and "
                                f"the bank holidays (limit 30 KB): {_explain(weigher, shared)}")
    if "data-cpguide-calculator" in weigher.branches:
        assert calculators or not (site_dir / "calculator").exists(), "calculator pages have no [data-cpguide-calculator]"


def test_parents_pages_carry_jump_links_not_a_table_of_contents(site_dir: Path, content):
    """The jump links at the top of a parents' page are its table of contents; Material's own (written
    twice into every page, once for the phone's menu) was about a tenth of the page's bytes."""
    def toc_links(page: Path) -> list[str]:
        html = page.read_text(encoding="utf-8")
        tocs = re.findall(r'<nav class="md-nav md-nav--secondary" aria-label="Table of contents">(.*?)</nav>', html, re.S)
        return [link for toc in tocs for link in re.findall(r'class="md-nav__link"', toc)]

    for authority in content.local_authorities:
        page = site_dir / authority.id / "parents" / "index.html"
        assert 'class="cp-jump"' in page.read_text(encoding="utf-8"), authority.id
        assert not toc_links(page), authority.id
    assert toc_links(site_dir / content.local_authorities[0].id / "professionals" / "index.html")

"""After MkDocs has written the site: the search index, the offline lists and the service worker.

All three are made from the built site, so they see exactly what readers get:

- Pagefind indexes each page's article (docs/overrides/main.html marks it `data-pagefind-body`,
  with the page's authority and audience as filters) into small files fetched per query: a reader
  downloads nothing of the index until they search, and then only the parts their words need.
- `offline/<authority>.json` lists one authority's pages (checklists included) and what the
  calculator needs for it (its pages, modules, words, bank holidays and that authority's rules):
  the browser saves them when the reader chooses the authority (docs/assets/js/offline.mjs).
- Workbox (scripts/service-worker.mjs) writes `sw.js`: the shell every page uses is precached,
  pages and files are kept as they are opened and refreshed on every visit online.
- `offline/version.json` is a hash of everything the site serves: a kept authority is kept again
  whenever it changes, whatever changed (content, code, templates, vendored files).

This module never imports MkDocs; hooks/publish_hooks.py hands it the site folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from cpguide.vocabulary import AUDIENCES
from cpguide.interface import interface_words
from cpguide.site.routes import page_url

ROOT = Path(__file__).resolve().parent.parent
SERVICE_WORKER_SCRIPT = ROOT / "scripts" / "service-worker.mjs"
WORKBOX = ROOT / "node_modules" / "workbox-build"
OFFLINE_DIR = "offline"
# Kept out of the index: the small print under each item (as it was out of Material's search), the
# "¶" permanent links beside headings, the family pages' tools (Exit this page, Listen), the source
# wording repeated under a plain-English answer with its citation (a collapsed quotation that links to
# the item "in context", where it is indexed), and the citation lines of "What to bring and prepare":
# a search finds each statement once, where it stands, and not every page that names a document.
# Pagefind holds every indexed word in memory (about 190 bytes each), so repeats cost the build too.
EXCLUDE_SELECTORS = ["[data-search-exclude]", ".headerlink", ".cp-family-tools", ".cp-keep",
                     "details.quote > blockquote", "details.quote > p", ".cp-prepare-source"]
# The attribute docs/overrides/main.html puts on every page that search should index.
INDEXED_MARK = b"data-pagefind-body"
STAGING_DIR = ".pagefind-pages"
# What the calculator needs besides its pages, for every authority (the rules file is added per authority).
CALCULATOR_PAGES = "calculator"
CALCULATOR_DATA = "data/calculator"
CALCULATOR_SHARED = ["words.json", "bank-holidays.json"]


def template_extra(content, notices: dict, src_uris) -> dict:
    """What the theme overrides (docs/overrides/) need, worked out once per build as plain data: added to
    mkdocs.yml's `extra` by the hooks, and written into `cpguide generate`'s project.

    The overrides are written in what Jinja2 (MkDocs) and MiniJinja (Zensical) both understand: no
    Python methods (`.items()`, `.split()`, `.update()`), so every choice a page needs is a lookup here.
    `notices` is mkdocs.yml's extra.notices; `src_uris` every page's source path (generated and written).
    """
    words = interface_words(content)
    # what the scripts on every page say (your-authority.mjs), in each page's #cp-notices
    page_words = {f"badge_{key}": text for key, text in words.get("badge", {}).items()}
    page_words["store_forget"] = words.get("store", {}).get("forget", "")
    authorities = {a.id: a.name for a in content.local_authorities}
    return {"cpguide_authorities": authorities,
            "cpguide_audiences": [[key, label] for key, label in AUDIENCES.items()],
            "cpguide_notices": page_notices(notices or {}, page_words),
            "cpguide_filed": search_filing(src_uris, authorities)}


def page_notices(notices: dict, page_words: dict) -> dict:
    """The wording each page carries for its scripts (#cp-notices), for a served build and for a build
    opened from files: only what that build can show, to keep pages light. From files, the notices
    where a feature cannot work (the search box carries its own); served, those about use without
    signal and the words of the scripts on every page (scripts never run from files)."""
    served = {key: text for key, text in notices.items() if key.startswith("offline_")}
    from_files = {key: text for key, text in notices.items() if key.endswith("_file") and not key.startswith("search")}
    return {"served": {**served, **page_words}, "file": from_files}


def search_filing(src_uris, authorities: dict) -> dict:
    """{page URL: [authority, audience]} for every page search files under one authority or one audience
    (docs/overrides/main.html; a page not listed is about every authority and for everyone): an
    authority's pages by their folder, the audience pages ("for/parents/", "<authority>/parents/...")
    by the folder below."""
    filed = {}
    for url in map(page_url, src_uris):
        where = url.split("/")
        authority = where[0] if where[0] in authorities else ""
        audience = where[1] if len(where) > 1 and where[1] in AUDIENCES and (authority or where[0] == "for") else ""
        if authority or audience:
            filed[url] = [authority or "all", audience or "everyone"]
    return filed


class PublishError(Exception):
    """A step after the build could not run; the message says what to install or fix."""


def index_for_search(site_dir: Path) -> None:
    """Run Pagefind over the built site's indexed pages (writes site_dir/pagefind/)."""
    staging = _stage_indexed_pages(site_dir)
    cmd = [sys.executable, "-m", "pagefind", "--site", str(staging), "--output-path", str(site_dir / "pagefind"), "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        cmd += ["--exclude-selectors", selector]
    try:
        result = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as exc:
        raise PublishError(f"could not run Pagefind ({exc})") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if result.returncode != 0:
        hint = " (install it: pip install 'pagefind[bin]', which `make venv` does)" if "No module named" in result.stderr else ""
        raise PublishError(f"Pagefind failed{hint}:\n{result.stdout}{result.stderr}".strip())


def _stage_indexed_pages(site_dir: Path) -> Path:
    """A folder beside the pages holding, at the same paths, hard links to just the pages search
    indexes. Given the whole site, Pagefind reads and keeps every page (the checklists, three in four
    of them, too) before it drops those without data-pagefind-body: a quarter of its memory."""
    staging = site_dir / STAGING_DIR
    shutil.rmtree(staging, ignore_errors=True)
    for page in list(site_dir.rglob("*.html")):  # listed before the staging folder fills
        if INDEXED_MARK in page.read_bytes():
            link = staging / page.relative_to(site_dir)
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(page, link)
            except OSError:  # a file system without hard links
                shutil.copyfile(page, link)
    return staging


def _page_urls(folder: Path, site_dir: Path) -> list[str]:
    """Site-relative directory URLs of the pages under folder ("west-berkshire/agenda/")."""
    return sorted(p.parent.relative_to(site_dir).as_posix() + "/" for p in folder.rglob("index.html"))


# What the service worker keeps for every reader once it starts (scripts/service-worker.mjs, globPatterns).
PRECACHED = ["assets/stylesheets/*.min.css", "assets/javascripts/bundle.*.min.js"]


def _bytes(site_dir: Path, urls: list[str]) -> int:
    """What keeping these URLs downloads: each page's index.html or the file itself."""
    return sum(path.stat().st_size for u in urls
               if (path := site_dir / (u + "index.html" if u == "" or u.endswith("/") else u)).is_file())


def offline_lists(site_dir: Path, authority_ids: list[str]) -> int:
    """Write offline/<id>.json for each authority: the site-relative URLs to save for it, and `bytes`,
    what keeping them downloads (with the service worker's own precache), which the offer to keep the
    pages states before anything is kept. Returns the count."""
    shared = ["", "about/offline/"]  # the home page, the page listing what is kept
    calculator = site_dir / CALCULATOR_PAGES
    if calculator.is_dir():
        shared += _page_urls(calculator, site_dir)
        shared += [f"{CALCULATOR_DATA}/{name}" for name in CALCULATOR_SHARED if (site_dir / CALCULATOR_DATA / name).is_file()]
    for folder, suffixes in (("assets/js", (".js", ".mjs")), ("assets/css", (".css",)),  # the site's own, small
                             ("assets/vendor", (".js", ".mjs", ".css")), ("assets/images", (".png", ".svg"))):
        shared += sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / folder).glob("*") if p.suffix in suffixes)
    precached = sum(p.stat().st_size for pattern in PRECACHED for p in site_dir.glob(pattern))
    out = site_dir / OFFLINE_DIR
    out.mkdir(exist_ok=True)
    written = 0
    for authority in authority_ids:
        folder = site_dir / authority
        if not folder.is_dir():
            continue
        rules = f"{CALCULATOR_DATA}/{authority}.json"
        urls = _page_urls(folder, site_dir) + shared + ([rules] if (site_dir / rules).is_file() else [])
        size = _bytes(site_dir, urls) + precached
        (out / f"{authority}.json").write_text(json.dumps({"authority": authority, "bytes": size, "urls": urls},
                                                          separators=(",", ":")), encoding="utf-8")
        written += 1
    return written


VERSION_FILE = f"{OFFLINE_DIR}/version.json"
# Not part of what a kept authority runs: the search index (fetched per query, never kept), the
# offline lists themselves (their addresses are hashed with the files they name), Pagefind's staging.
_NOT_KEPT = ("pagefind/", f"{OFFLINE_DIR}/", f"{STAGING_DIR}/")


def offline_version(site_dir: Path) -> str:
    """Write offline/version.json: a hash of every file the site serves (pages, scripts, styles,
    vendored files, data, the service worker). offline.mjs keeps an authority again whenever it
    changes, so an update of code or templates alone reaches a reader who kept their authority; a
    hash of the content alone missed those. One pass over the built site, once per build."""
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_file() and not rel.startswith(_NOT_KEPT):
            digest.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    version = digest.hexdigest()[:16]
    (site_dir / OFFLINE_DIR).mkdir(exist_ok=True)
    (site_dir / VERSION_FILE).write_text(json.dumps({"version": version}), encoding="utf-8")
    return version


def service_worker(site_dir: Path) -> None:
    """Write site_dir/sw.js with Workbox (generateSW, its runtime inlined: nothing from another host)."""
    node = shutil.which("node")
    if node is None:
        raise PublishError("Node.js is needed to write the service worker (apt-get install nodejs)")
    if not WORKBOX.is_dir():
        raise PublishError(f"workbox-build is not installed in {WORKBOX.parent}: run `npm ci` in {ROOT} (make build does)")
    result = subprocess.run([node, str(SERVICE_WORKER_SCRIPT), str(site_dir)], capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise PublishError(f"the service worker could not be written:\n{result.stdout}{result.stderr}".strip())


# A relative link to a folder ("../agenda/", "./", "..", "agenda/#who"): not a URL with a scheme,
# not "//host", not only "#anchor".
_FOLDER_LINK = re.compile(r'href="(?![a-zA-Z][a-zA-Z0-9+.-]*:|//|#|/)((?:[^"#?]*/)|\.\.?(?:/\.\.)*)([#?][^"]*)?"')


# --- Built to be opened from files (CPGUIDE_OFFLINE=true, mkdocs.yml extra.file_build) -------------
# There is no search index and no service worker (neither can work from file://: the pages say so,
# with this script), and links to pages name their index.html, since a browser opens a folder from
# files as a listing, not as its page. The same for every engine: hooks/publish_hooks.py hands MkDocs'
# configuration and site over, `cpguide generate` and `cpguide publish` do it for Zensical.
FILE_BUILD_SCRIPT = "assets/js/file-build.js"


def is_file_build(setting) -> bool:
    """extra.file_build as the engine read it (`!ENV [CPGUIDE_OFFLINE, false]`: a boolean or its text)."""
    return str(setting).lower() in ("true", "1", "yes")


def configure_file_build(extra: dict, scripts: list) -> bool:
    """What the build for files changes in an engine's configuration: `extra.cpguide_file_build`, which
    the templates read, and file-build.js added to `scripts` (extra_javascript). Returns whether it is one."""
    file_build = is_file_build(extra.get("file_build", False))
    extra["cpguide_file_build"] = file_build
    if file_build and FILE_BUILD_SCRIPT not in scripts:
        scripts.append(FILE_BUILD_SCRIPT)
    return file_build


def finish(site_dir: Path, authority_ids: list[str], file_build: bool) -> int:
    """After any engine has written the site: for the web, publish(); for files, every page's links to
    folders pointed at their index.html. Returns the number of pages whose links were changed."""
    if not file_build:
        publish(site_dir, authority_ids)
        return 0
    changed = 0
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        linked = link_index_files(text)
        if linked != text:
            page.write_text(linked, encoding="utf-8")
            changed += 1
    return changed


def link_index_files(html: str) -> str:
    """Links to folders pointed at their index.html, for a site opened from files (file://)."""
    def fix(m: re.Match) -> str:
        folder = m.group(1) if m.group(1).endswith("/") else m.group(1) + "/"
        return f'href="{folder}index.html{m.group(2) or ""}"'
    return _FOLDER_LINK.sub(fix, html)


def publish(site_dir: Path, authority_ids: list[str]) -> None:
    """Everything a served site needs after the engine: search index, offline lists, service worker."""
    index_for_search(site_dir)
    offline_lists(site_dir, authority_ids)
    service_worker(site_dir)
    offline_version(site_dir)  # last: it covers the service worker too

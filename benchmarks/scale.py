"""Scale benchmark: the site at N authorities, against bare Material with the same pages.

For each N (``--sizes 3 30 150``), in a temporary folder:

1. **Synthetic content**: N authorities copied from the real ones under checklists/ (round robin,
   those the national framework refers to first, so N may be smaller than the real count),
   each with a new folder id, a new name and a region spread over England's nine regions. Every id
   the copied authority owns (items and source documents) gets a unique prefix, everywhere it
   appears (ids, references, citations), so the content has the same shape and still validates.
   The source documents are copied into ``sources/`` beside it under new file names. The national
   framework is kept, its references pointed at the copies.
2. **The site**: ``mkdocs build`` with the project's own mkdocs.yml and hooks, pointed at that
   content with ``CPGUIDE_CONTENT``.
3. **The floor, bare Material**: plain Markdown files with the same paths, the same navigation and,
   per page, the same headings, list items and paragraphs as the site's built page, each with as
   much text as the site shows in it (headings keep their text, the rest is filler words); the same
   theme features and Markdown extensions; no hooks, no generated content, no project CSS,
   JavaScript, overrides or data.

It prints pages, wall time, CPU time, peak memory (the build process's maximum resident set size,
from ``os.wait4``; the site's includes Pagefind and Workbox, run by its hooks after the build),
output size and search-index size for each build, and the ratios. Then what a reader's browser
receives (headless Chromium, /usr/bin/chromium, from a plain static server that counts the bytes it
sends, tests/browser/weighing.py): a first visit with an empty cache to an authority's parents page,
until the network is idle, for the site and the floor; and for the site the largest of a few
searches typed on that page. With ``--repeat`` the builds alternate and the fastest of each counts.
``--check`` exits 1 when the largest N is over budget (build CPU time 1.0x and peak memory 1.2x the
floor; issue 13: CPU time, which another busy process on the machine changes less than wall
time; first visit 500 KB; a search 300 KB).

Opt-in, ``--zensical modern classic``: the same content also built with Zensical, Material's successor,
in each of its looks (``theme.variant``), as MAINTAINERS.md's "Building with Zensical" does it:
``cpguide generate --links sources``, ``zensical build --strict``, ``cpguide publish``; CPU time is the
three steps' sum (each step's is printed too), peak memory the largest of them; and the same first
visit and searches.

    .venv/bin/python benchmarks/scale.py --sizes 3 30 150      # or: make benchmark
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cpguide.gate import valid_content  # noqa: E402
from cpguide.site import build_site, routes  # noqa: E402
from cpguide.site.navigation import merge_nav  # noqa: E402

def _weighing():
    """tests/browser/weighing.py, which the browser tests use too (loaded by path: `tests` is no package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("cpguide_weighing", ROOT / "tests" / "browser" / "weighing.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


weighing = _weighing()
FIRST_VISIT_BUDGET, QUERY_BUDGET = weighing.FIRST_VISIT_BUDGET, weighing.QUERY_BUDGET

REGIONS = ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
           "East of England", "London", "South East", "South West"]
BUDGET_CPU, BUDGET_MEMORY = 1.0, 1.2
QUERIES = ["complain", "child protection plan", "report a concern"]  # a word, a phrase, the danger words


# --- 1. synthetic content --------------------------------------------------------------------
def _rename(data, names: dict[str, str]):
    """Every string that is exactly one of the authority's ids becomes its new id (keys untouched)."""
    if isinstance(data, dict):
        return {k: _rename(v, names) for k, v in data.items()}
    if isinstance(data, list):
        return [_rename(v, names) for v in data]
    if isinstance(data, str):
        return names.get(data, data)
    return data


def make_content(real_root: Path, out: Path, n: int) -> Path:
    """Write N synthetic authorities (plus the national framework) to out/checklists, sources beside it.

    Copy k of a real authority gets the prefix ``s<k>-`` on its folder, its items and its documents.
    References between authorities (the national glossary cites local documents, for instance) point
    at the copy in the same round of copies, or for the national framework at the first copy.
    """
    real = valid_content(real_root)
    locals_ = real.local_authorities
    if not locals_:
        raise SystemExit(f"no local authority under {real_root} to copy")
    owned = {a.id: [e.id for e in real.entries(authority=a.id)] + [d["id"] for d in a.documents]
             + [x["id"] for x in a.examples] + [a.id] for a in locals_}
    # The authorities the national framework refers to (its glossary cites their documents) are
    # copied first, so that N can be smaller than the number of real authorities.
    national_refs = _strings(real.national.docs.values()) if real.national else set()
    locals_ = sorted(locals_, key=lambda a: not national_refs & set(owned[a.id]))
    needed = sum(1 for a in locals_ if national_refs & set(owned[a.id]))
    if n < needed:
        raise SystemExit(f"N must be at least {needed}, the number of real local authorities the national "
                         "framework refers to")

    def names_for(copies: dict[str, int]) -> dict[str, str]:
        """Old id -> new id, for the copy number of each real authority given."""
        return {old: f"s{k:03d}-{old}" for aid, k in copies.items() for old in owned[aid]}

    first = {a.id: i + 1 for i, a in enumerate(locals_)}
    checklists, sources = out / "checklists", out / "sources"
    checklists.mkdir(parents=True)
    shutil.copytree(real.sources_dir, sources)
    for authority in real.authorities.values():
        if authority.is_national:
            (checklists / authority.folder.name).mkdir()
            for file_name, doc in authority.docs.items():
                _write(checklists / authority.folder.name / file_name, _rename(copy.deepcopy(doc.data), names_for(first)))
    for k in range(1, n + 1):
        base = locals_[(k - 1) % len(locals_)]
        group = (k - 1) // len(locals_) * len(locals_)
        same_round = {a.id: group + i + 1 for i, a in enumerate(locals_) if group + i + 1 <= n}
        names = names_for({**first, **same_round, base.id: k})
        prefix, new_id = f"s{k:03d}-", names[base.id]
        folder = checklists / new_id
        folder.mkdir()
        for file_name, doc in base.docs.items():
            data = _rename(copy.deepcopy(doc.data), names)
            if file_name == "authority.yml":
                data["id"] = new_id
                data["name"] = f"{base.name} {k:03d}"
                data["short_name"] = f"{base.short_name} {k:03d}"
                data["region"] = REGIONS[(k - 1) % len(REGIONS)]
                for d in data.get("documents", []):
                    if d.get("file"):
                        shutil.copyfile(real.sources_dir / d["file"], sources / (prefix + d["file"]))
                        d["file"] = prefix + d["file"]
            _write(folder / file_name, data)
    return checklists


def _strings(docs) -> set[str]:
    """Every string in the given documents' data."""
    found: set[str] = set()

    def walk(x):
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str):
            found.add(x)
    for doc in docs:
        walk(doc.data)
    return found


def _write(path: Path, data) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# yaml-language-server: $schema=../../schema/{path.stem}.schema.json\n")
        yaml.safe_dump(data, f, allow_unicode=True, sort_keys=False, width=100)


# --- 2. running a build ----------------------------------------------------------------------
@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    size_mb: float
    pages: int
    warnings: int
    search_mb: float = 0.0
    steps: str = ""  # CPU s and peak MB of each step, for a build of several steps


def _timed(cmd: list[str], cwd: Path, env: dict) -> tuple[float, float, float, str]:
    """Run a command: (wall s, CPU s, peak MB, its error output); stops the benchmark if it fails."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not all children's
        wall = time.perf_counter() - start
        err.seek(0)
        log = err.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed ({' '.join(cmd)}):\n{log[-4000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, log


def _site_run(site_dir: Path, wall: float, cpu: float, peak_mb: float, log: str) -> Run:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    return Run(wall=wall, cpu=cpu, peak_mb=peak_mb,
               size_mb=sum(p.stat().st_size for p in files) / 2**20, pages=sum(1 for p in files if p.name == "index.html"),
               warnings=len(re.findall(r"^WARNING", log, re.MULTILINE)),
               search_mb=sum(p.stat().st_size for p in files if p.name == "search_index.json"
                             or (p.suffix.startswith(".pf_") and "pagefind" in p.parts)) / 2**20)


def run_build(config: Path, site_dir: Path, env: dict, strict: bool) -> Run:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config),
           "--site-dir", str(site_dir), "--strict" if strict else "--no-strict"]
    return _site_run(site_dir, *_timed(cmd, config.parent, env))


ZENSICAL = Path(sys.executable).parent / "zensical"


def run_zensical(checklists: Path, project: Path, variant: str, env: dict) -> Run:
    """The site built with Zensical in one look: generate, build, publish (MAINTAINERS.md). CPU time is
    the three steps' sum, peak memory the largest of them. Returns the site in project/site."""
    cpguide = [sys.executable, "-m", "cpguide.cli", "--content", str(checklists)]
    steps = [_timed(cpguide + ["generate", "--out", str(project), "--links", "sources"], ROOT, env)]
    config = project / "mkdocs.yml"
    config.write_text(with_variant(config.read_text(encoding="utf-8"), variant), encoding="utf-8")
    steps.append(_timed([str(ZENSICAL), "build", "--strict", "--clean"], project, env))
    steps.append(_timed(cpguide + ["publish", str(project / "site")], ROOT, env))
    run = _site_run(project / "site", sum(s[0] for s in steps), sum(s[1] for s in steps),
                    max(s[2] for s in steps), "".join(s[3] for s in steps))
    run.steps = ", ".join(f"{name} {s[1]:.1f} s {s[2]:.0f} MB" for name, s in zip(("generate", "build", "publish"), steps))
    return run


def with_variant(config_text: str, variant: str) -> str:
    """The generated mkdocs.yml with Zensical's look set (theme.variant; Material ignores it)."""
    if re.search(r"^  variant: .*$", config_text, re.M):
        return re.sub(r"^  variant: .*$", f"  variant: {variant}", config_text, count=1, flags=re.M)
    changed = config_text.replace("\ntheme:\n", f"\ntheme:\n  variant: {variant}\n", 1)
    if changed == config_text:
        raise SystemExit("the generated mkdocs.yml has no `theme:` mapping to set the variant in")
    return changed


# --- 3. the bare Material floor --------------------------------------------------------------
class _Blocks(HTMLParser):
    """Visible text of a page's article, split into blocks: ('h', level), ('li', depth) or ('p', 0)."""

    BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd", "pre", "summary"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[list] = []  # [kind, level, text]
        self.open: list[int] = []
        self.in_article = 0
        self.skip = 0
        self.lists = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.in_article += 1
        if not self.in_article:
            return
        if tag in ("script", "style") or (tag == "a" and "headerlink" in (a.get("class") or "")):
            self.skip += 1
        elif tag in ("ul", "ol"):
            self.lists += 1
        elif tag in self.BLOCKS:
            kind = ("h", int(tag[1])) if tag[0] == "h" and tag[1:].isdigit() else \
                ("li", max(self.lists, 1)) if tag == "li" else ("p", 0)
            self.blocks.append([kind[0], kind[1], ""])
            self.open.append(len(self.blocks) - 1)

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        if not self.in_article:
            return
        if tag in ("script", "style") or (tag == "a" and self.skip):
            self.skip = max(0, self.skip - 1)
        elif tag in ("ul", "ol"):
            self.lists -= 1
        elif tag in self.BLOCKS and self.open:
            self.open.pop()

    def handle_data(self, data):
        if not self.in_article or self.skip:
            return
        if not self.open:
            if not data.strip():
                return
            self.blocks.append(["p", 0, ""])
            self.open.append(len(self.blocks) - 1)
            self.blocks[-1][2] += data
            self.open.pop()
            return
        self.blocks[self.open[-1]][2] += data


_WORDS = ("the conference meeting child family plan report chair social worker parents professional "
          "school health police review initial decision protection support information record minutes "
          "core group visit days before after within agenda standard statement guidance advocate "
          "consultation invited views wishes safety concerns strengths risks outcome review").split()


def filler(length: int, seed: int) -> str:
    """Plain words, about `length` characters, deterministic."""
    out, total, j = [], 0, seed
    while total < length:
        word = _WORDS[j % len(_WORDS)]
        out.append(word)
        total += len(word) + 1
        j += 1
    return " ".join(out)[:max(length, 1)].strip() or "text"


def bare_markdown(html: str) -> str:
    """Plain Markdown with the page's headings, list items and paragraphs, each as long as its visible text.

    Headings keep their text (so the table of contents is the same); the other blocks get as many
    characters of filler words as the site shows in them (link texts and small print included).
    """
    parser = _Blocks()
    parser.feed(html)
    blocks = [(kind, level, " ".join(text.split())) for kind, level, text in parser.blocks]
    blocks = [b for b in blocks if b[2]] or [("p", 0, "text")]
    lines: list[str] = []
    prev_li = 0
    for i, (kind, level, text) in enumerate(blocks):
        if kind == "h":
            clean = re.sub(r"[\\`*_\[\]{}<>#|!]", "", text) or "Heading"
            lines += ["", "#" * level + " " + clean, ""]
            prev_li = 0
            continue
        length = len(text)
        if kind == "li":
            depth = min(level, prev_li + 1)
            if not prev_li:
                lines.append("")
            lines.append("    " * (depth - 1) + "- " + filler(length, i))
            prev_li = depth
        else:
            lines += ["", filler(length, i), ""]
            prev_li = 0
    return "\n".join(lines).strip() + "\n"


def _output_html(site: Path, src_uri: str) -> Path:
    return site / routes.output_path(src_uri)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV [NAME, default]` gives the variable if it is set, else the default."""


def _env(loader, node):
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in values[:-1] if len(values) > 1 else values:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return values[-1] if len(values) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env)


@dataclass
class Generated:
    """What the floor needs of the site: its configuration, its page paths and its navigation."""
    project: dict
    pages: list[str]
    nav: list


def generate(checklists: Path) -> Generated:
    project = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    build = build_site(valid_content(checklists))
    docs_dir = ROOT / project.get("docs_dir", "docs")
    pages = [p.src_uri for p in build.pages] + [path.relative_to(docs_dir).as_posix() for path in sorted(docs_dir.rglob("*.md"))
                                                 if "overrides" not in path.relative_to(docs_dir).parts]
    return Generated(project, pages, merge_nav(build.nav, list(project.get("nav") or [])))


def _write_config(out: Path, config: dict) -> Path:
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def make_bare(gen: Generated, real_site: Path, out: Path) -> Path:
    """The floor: plain Markdown with the same paths, nav, headings and length per page; Material with
    the same features and extensions; no hooks, no project CSS, JavaScript, overrides or data."""
    for src in gen.pages:
        html = _output_html(real_site, src)
        target = out / "docs" / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bare_markdown(html.read_text(encoding="utf-8")) if html.exists() else "# Page\n", encoding="utf-8")
    p = gen.project
    return _write_config(out, {
        "site_name": p["site_name"], "site_url": p.get("site_url") or "http://127.0.0.1:8000/", "docs_dir": "docs",
        "theme": {k: v for k, v in p["theme"].items() if k != "custom_dir"},
        "plugins": ["search"], "markdown_extensions": p.get("markdown_extensions", []), "nav": gen.nav,
    })


# --- main ------------------------------------------------------------------------------------
KINDS = ("site", "bare", "preview")
# preview: the site with CPGUIDE_AUTHORITIES naming one authority, as `make preview AUTHORITY=ID` serves it
LABELS = {"site": "site", "bare": "bare Material", "preview": "preview, 1 authority"}


def _best(runs: list[Run]) -> Run:
    fastest = min(runs, key=lambda r: r.wall)
    return Run(fastest.wall, min(r.cpu for r in runs), max(r.peak_mb for r in runs), fastest.size_mb,
               fastest.pages, fastest.warnings, fastest.search_mb, fastest.steps)


# --- 4. what a reader receives ----------------------------------------------------------------
@dataclass
class Reader:
    first_kb: float  # a first visit to the parents page
    query_kb: float = 0.0  # the largest of QUERIES
    query: str = ""


def parents_page(site: Path) -> str:
    """The parents page of the first copy of West Berkshire (or of the first authority that has one)."""
    pages = sorted(p.parent.parent.name for p in site.glob("*/parents/index.html") if p.parent.parent.name != "for")
    chosen = next((a for a in pages if a.endswith("west-berkshire")), pages[0] if pages else None)
    if chosen is None:
        raise SystemExit(f"no authority's parents page in {site}")
    return f"/{chosen}/parents/"


def weigh(sites: dict[str, Path]) -> dict[str, Reader]:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=os.environ.get("CPGUIDE_CHROMIUM", "/usr/bin/chromium"),
                                     args=["--no-sandbox", "--disable-gpu", "--disable-quic"], headless=True)
        try:
            for kind, site in sites.items():
                server = weighing.CountingServer(site)
                try:
                    path = parents_page(site)
                    reader = Reader(weighing.first_visit(browser, server, path, scripts=kind != "bare") / 1024)
                    if (site / "pagefind").is_dir():
                        reader.query_kb, reader.query = max((weighing.query_bytes(browser, server, path, q) / 1024, q)
                                                         for q in QUERIES)
                    out[kind] = reader
                finally:
                    server.close()
        finally:
            browser.close()
    return out


def measure(n: int, args) -> tuple[dict[str, Run], dict[str, Reader]]:
    runs: dict[str, list[Run]] = {k: [] for k in KINDS}
    with tempfile.TemporaryDirectory(prefix=f"cpguide-scale-{n}-") as tmp:
        tmp = Path(tmp)
        checklists = make_content(args.content, tmp / "content", n)
        env = dict(os.environ, CPGUIDE_CONTENT=str(checklists), NO_MKDOCS_2_WARNING="1")
        configs = {"site": ROOT / "mkdocs.yml"}
        runs["site"].append(run_build(configs["site"], tmp / "out-site", env, args.strict))
        one = next(p.name for p in sorted(checklists.iterdir()) if p.name != "national")
        preview_env = dict(env, CPGUIDE_AUTHORITIES=one)
        runs["preview"].append(run_build(configs["site"], tmp / "out-preview", preview_env, args.strict))
        gen = generate(checklists)
        configs["bare"] = make_bare(gen, tmp / "out-site", tmp / "bare")
        del gen
        for kind in configs:
            if kind != "site":
                runs[kind].append(run_build(configs[kind], tmp / f"out-{kind}", env, args.strict))
        pages = {k: {p.relative_to(tmp / f"out-{k}") for p in (tmp / f"out-{k}").rglob("index.html")} for k in configs}
        for kind in configs:
            if pages[kind] != pages["site"]:
                only = sorted(map(str, pages[kind] ^ pages["site"]))[:10]
                raise SystemExit(f"N={n}: the {kind} build does not have the same pages as the site: {only}")
        for _ in range(args.repeat - 1):
            for kind in configs:  # interleaved, so a busy moment of the machine hits all of them
                runs[kind].append(run_build(configs[kind], tmp / f"out-{kind}", env, args.strict))
            runs["preview"].append(run_build(configs["site"], tmp / "out-preview", preview_env, args.strict))
        outs = {k: tmp / f"out-{k}" for k in configs}
        for variant in args.zensical:  # opt-in: the same content built with Zensical, in each look asked for
            kind = f"zensical-{variant}"
            runs[kind] = [run_zensical(checklists, tmp / kind, variant, env)]
            outs[kind] = tmp / kind / "site"
            if _pages(outs[kind]) != _pages(outs["site"]):
                raise SystemExit(f"N={n}: the {kind} build does not have the same pages as the site")
        readers = weigh(outs) if args.browser else {}
        if args.keep:
            dest = Path(args.keep) / f"n{n}"
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(tmp, dest)
    return {k: _best(v) for k, v in runs.items() if v}, readers


def _pages(site: Path) -> set[Path]:
    """The pages of a built site (not the search index's or the offline lists' folders)."""
    return {p.relative_to(site) for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in ("pagefind", "offline")}


def _ratio(a: Run, b: Run) -> str:
    return (f"{'':>6} {a.wall / b.wall:>7.2f}x {a.cpu / b.cpu:>7.2f}x {a.peak_mb / b.peak_mb:>7.2f}x "
            f"{a.size_mb / b.size_mb:>7.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3, 30, 150], help="numbers of authorities")
    parser.add_argument("--repeat", type=int, default=1, help="builds of each site per size; the fastest counts")
    parser.add_argument("--content", type=Path, default=ROOT / "checklists", help="real content to copy")
    parser.add_argument("--strict", action=argparse.BooleanOptionalAction, default=True,
                        help="build with --strict (default) or --no-strict")
    parser.add_argument("--keep", help="copy each temporary folder here to look at afterwards")
    parser.add_argument("--check", action="store_true", help="exit 1 if the largest size is over budget")
    parser.add_argument("--zensical", nargs="+", default=[], choices=["modern", "classic"], metavar="VARIANT",
                        help="also build with Zensical in these looks (theme.variant: modern, classic); off by default")
    parser.add_argument("--browser", action=argparse.BooleanOptionalAction, default=True,
                        help="weigh a first visit and a search in headless Chromium (default) or not")
    args = parser.parse_args(argv)

    print(f"cpguide scale benchmark: {'best of ' + str(args.repeat) if args.repeat > 1 else 'one build each'}; "
          "cpu = user + system time; peak = maximum resident memory of the build process", flush=True)
    head = (f"{'N':>4}  {'build':<22} {'pages':>6} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'out MB':>8} {'search MB':>9}"
            f" {'1st visit KB':>12} {'query KB':>9}")
    print(head + "\n" + "-" * len(head), flush=True)
    results = []
    for n in args.sizes:
        r, readers = measure(n, args)
        results.append((n, r, readers))
        for i, kind in enumerate([k for k in KINDS if k in r] + [k for k in r if k not in KINDS]):
            run, reader = r[kind], readers.get(kind)
            first = f"{reader.first_kb:>12.0f}" if reader else f"{'-':>12}"
            query = f"{reader.query_kb:>9.0f}" if reader and reader.query else f"{'-':>9}"
            print(f"{n if i == 0 else '':>4}  {LABELS.get(kind, kind):<22} {run.pages:>6} {run.wall:>8.1f} {run.cpu:>8.1f} "
                  f"{run.peak_mb:>8.0f} {run.size_mb:>8.1f} {run.search_mb:>9.1f} {first} {query}"
                  + (f"  (largest query: {reader.query!r})" if reader and reader.query else "")
                  + (f"  ({run.warnings} warnings)" if run.warnings else "")
                  + (f"  ({run.steps})" if run.steps else ""))
        print(f"{'':>4}  {'site / bare':<22}" + _ratio(r["site"], r["bare"]))
        for variant in args.zensical:
            print(f"{'':>4}  {'zensical-' + variant + ' / site':<22}" + _ratio(r[f"zensical-{variant}"], r["site"]))
        print(flush=True)
    n, r, readers = results[-1]
    cpu, mem = r["site"].cpu / r["bare"].cpu, r["site"].peak_mb / r["bare"].peak_mb
    checks = [f"build CPU {cpu:.2f}x the bare floor (budget {BUDGET_CPU}x)", cpu <= BUDGET_CPU,
              f"peak memory {mem:.2f}x (budget {BUDGET_MEMORY}x)", mem <= BUDGET_MEMORY]
    site = readers.get("site")
    if site:
        checks += [f"first visit {site.first_kb:.0f} KB (budget {FIRST_VISIT_BUDGET // 1024})", site.first_kb * 1024 <= FIRST_VISIT_BUDGET,
                   f"a search {site.query_kb:.0f} KB (budget {QUERY_BUDGET // 1024})", site.query_kb * 1024 <= QUERY_BUDGET]
    print(f"Budget at N={n}: " + "; ".join(f"{text} {'ok' if ok else 'OVER'}" for text, ok in zip(checks[::2], checks[1::2])))
    return 1 if args.check and not all(checks[1::2]) else 0


if __name__ == "__main__":
    sys.exit(main())

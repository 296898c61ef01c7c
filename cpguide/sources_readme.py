"""`cpguide sources-readme`: the table of sources/README.md, and its counts, written from the data.

Each row comes from sources/sources.yml (file, what, date) and the authority.yml entry of the
document held in that file (the authority's name, where and when it was found). A hand-kept table
went stale with every new source; `--check` (run by the tests) fails when the README differs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .content import Content
from .coverage import source_settings
from .gate import valid_content

START = "<!-- The table and counts below are written by `cpguide sources-readme`: do not edit them by hand. -->"
END = "<!-- end of the generated table -->"
NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve".split()


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("sources-readme", help="write the table and counts of sources/README.md from the data")
    p.add_argument("--check", action="store_true", help="only say whether sources/README.md is up to date")
    p.set_defaults(func=cmd_sources_readme)


def _count(n: int, one: str, many: str) -> str:
    return f"{NUMBERS[n] if n < len(NUMBERS) else n} {one if n == 1 else many}"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def generated(content: Content) -> str:
    """The README's generated part: the counts, then one row per source file."""
    entries = source_settings(content.sources_dir).get("sources", [])
    held = {d["file"]: (a, d) for a, d in content.documents.values() if d.get("file")}
    authorities = {e["authority"] for e in entries}
    summaries = sum(1 for e in entries if held.get(e["file"], (None, {}))[1].get("copy") == "summary")
    lines = [START, "",
             f"{_count(len(entries), 'public document', 'public documents').capitalize()} from "
             f"{_count(len(authorities), 'English local authority', 'English local authorities')} about child "
             f"protection conferences: {_count(len(entries) - summaries, 'plain-text copy', 'plain-text copies')} of a "
             f"document's own words and {_count(summaries, 'maintainer’s summary', 'maintainer’s summaries')} of a "
             "public page (listed in sources.yml and in each authority's authority.yml).", "",
             "| file | authority | what it is | date | found at |", "| --- | --- | --- | --- | --- |"]
    for entry in entries:
        owner, document = held.get(entry["file"], (entry["authority"], {}))
        name = content.authorities[owner].name if owner in content.authorities else owner
        found = " ".join(filter(None, [document.get("url", ""),
                                       f"(retrieved {document['retrieved']})" if document.get("retrieved") else ""]))
        lines.append(f"| `{entry['file']}` | {_cell(name)} | {_cell(entry['what'])} | {_cell(entry['date'])} | "
                     f"{_cell(found) or 'not recorded'} |")
    return "\n".join(lines + ["", END])


def updated(readme: str, content: Content) -> str:
    """The README with its generated part replaced (added after the title the first time)."""
    if START in readme and END in readme:
        before, rest = readme.split(START, 1)
        return before + generated(content) + rest.split(END, 1)[1]
    title, _, rest = readme.partition("\n\n")
    return f"{title}\n\n{generated(content)}\n\n{rest}"


def cmd_sources_readme(args) -> int:
    content = valid_content(args.content)
    path: Path = content.sources_dir / "README.md"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Source documents\n\n"
    wanted = updated(current, content)
    if args.check:
        if wanted != current:
            print(f"{path}: the table or counts differ from sources.yml and authority.yml; "
                  "run: cpguide sources-readme", file=sys.stderr)
            return 1
        print(f"OK: {path} is up to date")
        return 0
    path.write_text(wanted, encoding="utf-8")
    print(f"wrote the table and counts of {path}")
    return 0

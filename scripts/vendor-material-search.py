"""Vendor Material for MkDocs 9's styles for its header search box into docs/assets/vendor/material-search.css.

The site's search box (cpguide/site/components/search, Pagefind behind it) keeps Material 9's markup,
which Material's stylesheet draws. Zensical's themes (classic and modern) no longer style that markup
(their search is a dialog of their own), so the project `cpguide generate` writes for Zensical lists
this file first in extra_css. It holds the rules of Material's pinned main stylesheet whose selectors
name the search box (.md-search*, the search toggle), inside their @media and @supports blocks.

    .venv/bin/python scripts/vendor-material-search.py         # after upgrading mkdocs-material; commit the result

tests/test_vendored.py checks the file is what this script makes from the installed, pinned Material.
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "vendor" / "material-search.css"
SEARCH = re.compile(r"md-search|data-md-toggle=search|__search")


def material_stylesheet() -> Path:
    import material

    found = sorted((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
    if len(found) != 1:
        sys.exit(f"expected one main stylesheet in mkdocs-material, found {len(found)}")
    return found[0]


def _blocks(css: str):
    """(prelude, body) of each top-level rule or block of a minified stylesheet."""
    i = 0
    while (start := css.find("{", i)) >= 0:
        depth, end = 1, start + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        yield css[i:start].strip(), css[start + 1:end - 1]
        i = end


def search_rules(css: str) -> str:
    """The rules whose selectors name the search box (only those selectors of a list), in their blocks."""
    out = []
    for prelude, body in _blocks(css):
        if prelude.startswith(("@media", "@supports")):
            inner = search_rules(body)
            if inner:
                out.append(prelude + "{" + inner + "}")
        elif not prelude.startswith("@"):
            selectors = [s for s in prelude.split(",") if SEARCH.search(s)]
            if selectors:
                out.append(",".join(selectors) + "{" + body + "}")
    return "".join(out)


# Zensical hides the search box on small screens (its own search opens from a button); Material opens it
# there as a full-screen layer from the header's search button, as the site's search box expects.
SMALL_SCREENS = "@media screen and (max-width:59.984375em){.md-search{display:block}}"


def vendored() -> str:
    css = re.sub(r"/\*.*?\*/", "", material_stylesheet().read_text(encoding="utf-8"), flags=re.S)
    return (f"/* mkdocs-material {version('mkdocs-material')}: the header search box's rules of its main stylesheet, "
            f"extracted by scripts/vendor-material-search.py. MIT licence. */\n{search_rules(css)}\n"
            f"/* shown on small screens, as Material does (Zensical hides it there) */\n{SMALL_SCREENS}\n")


if __name__ == "__main__":
    OUT.write_text(vendored(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")

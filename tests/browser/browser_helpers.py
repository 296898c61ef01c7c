"""Helpers shared by the browser tests: waiting for the page scripts, running axe-core."""

from __future__ import annotations

from pathlib import Path

PHONE = {"width": 390, "height": 844}  # the phone the family pages are checked at
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA: what the site is held to.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def wait_for_checklist(page, path: str | None = None) -> None:
    """Wait until checklist.mjs has mounted the checklist of the current page."""
    page.wait_for_function("p => window.__checklistReady === p", arg=path or _path(page), timeout=10_000)


def wait_for_page_scripts(page) -> None:
    """Wait until cpguide.js has run for the current page (it runs again after instant navigation)."""
    page.wait_for_function("p => window.__pageReady === p", arg=_path(page), timeout=10_000)


def _path(page) -> str:
    return page.evaluate("location.pathname")


def run_axe(page) -> list[dict]:
    """axe-core's violations for the page as it is now, WCAG 2.0/2.1/2.2 A and AA rules only."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                           WCAG_TAGS)
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip() if node.get('failureSummary') else ''}")
            lines.append(f"        {node['html'][:200]}")
    return "\n".join(lines)


def build_with_zensical(project: Path, env: dict) -> Path:
    """The site as MAINTAINERS.md's "Building with Zensical" builds it: `cpguide generate --links sources`
    into `project`, `zensical build --strict` there, then `cpguide publish`; returns the built site.
    `env` is the environment of all three steps (CPGUIDE_OFFLINE=true: the build for files)."""
    import subprocess
    import sys

    zensical = Path(sys.executable).parent / "zensical"
    assert zensical.exists(), f"zensical is not installed in {zensical.parent}: run `make venv` (requirements.lock pins it)"
    cpguide = [sys.executable, "-m", "cpguide.cli"]
    for cmd, cwd in ((cpguide + ["generate", "--out", str(project), "--links", "sources"], ROOT),
                     ([str(zensical), "build", "--strict"], project),
                     (cpguide + ["publish", str(project / "site")], ROOT)):
        result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
        assert result.returncode == 0, f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}"
    return project / "site"

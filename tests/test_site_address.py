"""With no site address configured (CPGUIDE_SITE_URL unset: `make build`, a fork, a local copy), the
built pages name no address at all: no canonical link and no sitemap entry pointing at 127.0.0.1 or
anywhere else. `mkdocs serve` sets its own address; the Pages workflow sets the published one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "good" / "checklists"


def test_without_a_site_address_no_page_names_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("CPGUIDE_SITE_URL", "CPGUIDE_REPO_URL")}
    env.update(CPGUIDE_CONTENT=str(FIXTURE), NO_MKDOCS_2_WARNING="1")
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    pages = list(out.rglob("*.html"))
    assert len(pages) > 10
    named = [p.relative_to(out).as_posix() for p in pages if 'rel="canonical"' in p.read_text(encoding="utf-8")]
    assert named == [], f"canonical links without a site address: {named[:5]}"
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>" not in sitemap and "127.0.0.1" not in sitemap

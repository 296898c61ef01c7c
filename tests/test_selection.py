"""CPGUIDE_AUTHORITIES=id1,id2 builds or serves only those authorities and the national framework."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cpguide.errors import ContentInvalid
from cpguide.loader import load_content
from cpguide.selection import from_env

ROOT = Path(__file__).resolve().parent.parent


def test_the_variable_names_authorities_and_the_national_framework_is_always_in(monkeypatch):
    monkeypatch.setenv("CPGUIDE_AUTHORITIES", " west-berkshire, bath-and-north-east-somerset ")
    assert from_env() == {"west-berkshire", "bath-and-north-east-somerset", "national"}
    monkeypatch.setenv("CPGUIDE_AUTHORITIES", "")
    assert from_env() is None


def test_only_the_chosen_folders_are_read():
    content = load_content(ROOT / "checklists", only={"bath-and-north-east-somerset", "national"})
    assert set(content.authorities) == {"bath-and-north-east-somerset", "national"}
    assert not [e for e in content.index.values() if e.authority == "west-berkshire"]
    # glossary terms quoting only West Berkshire's documents are left out with it; B&NES's stay
    cited = {s["document"] for e in content.entries(type_="term") for s in
             ([e.item["source"]] if e.item.get("source") else e.item.get("sources", []))}
    assert cited and cited <= set(content.documents)
    assert any(d.startswith("banes-") for d in cited)


def test_an_unknown_authority_is_an_error():
    with pytest.raises(ContentInvalid) as info:
        load_content(ROOT / "checklists", only={"north-somerset", "national"})
    assert any("CPGUIDE_AUTHORITIES: 'north-somerset' is not an authority folder" in str(e) for e in info.value.errors)


def test_a_build_of_one_authority_is_strict_and_holds_only_it(tmp_path):
    out = tmp_path / "site"
    env = {**os.environ, "CPGUIDE_AUTHORITIES": "unnamed-authority", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=ROOT,
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert (out / "unnamed-authority" / "index.html").exists() and (out / "national" / "index.html").exists()
    assert not (out / "west-berkshire").exists() and not (out / "bath-and-north-east-somerset").exists()

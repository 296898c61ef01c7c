"""The README documents every command, option, task and environment variable once, and nothing that
does not exist: a documented command or option that is not there (a rename, a typo) fails here, and
so does one added without a line in the README."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from cpguide.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = [README, ROOT / "MAINTAINERS.md", ROOT / "CONTRIBUTING.md"]
# where code reads environment variables
CODE = [*ROOT.glob("cpguide/**/*.py"), *ROOT.glob("hooks/*.py"), *ROOT.glob("benchmarks/*.py"), ROOT / "tests" / "conftest.py",
        ROOT / "mkdocs.yml", ROOT / "Makefile"]
COMMAND = re.compile(r"\bcpguide((?:\s+--content\s+\S+)?)\s+([a-z][a-z-]+)\b(.*)")
OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]*)")
TASK = re.compile(r"\bmake ([a-z][a-z-]*)\b")
VARIABLE = re.compile(r"\bCPGUIDE_[A-Z_]+\b")


def _commands() -> dict[str, set[str]]:
    """{command: its options}, from the command line's own parser."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {name: {o for a in p._actions for o in a.option_strings if o.startswith("--") and o != "--help"}
            for name, p in sub.choices.items()}


def _tasks() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):.*## ", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))


def _documented(path: Path):
    """(line number, command, options) of every `cpguide <command> ...` in backticks or a code block;
    on a line naming one command (a table row), the options in the line's other backticks are its too."""
    inside, found = False, []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            inside = not inside
            continue
        spans = [line] if inside else re.findall(r"`([^`]+)`", line)
        named = [(m.group(2), set(OPTION.findall(m.group(3)))) for span in spans for m in COMMAND.finditer(span)]
        if len(named) == 1 and not inside:
            command, _ = named[0]
            found.append((n, command, set(OPTION.findall(" ".join(spans))) - {"--content"}))
        else:
            found += [(n, command, options - {"--content"}) for command, options in named]
    return found


def test_every_documented_command_and_option_exists():
    commands = _commands()
    wrong = []
    for path in DOCS:
        for n, command, options in _documented(path):
            if command not in commands:
                wrong.append(f"{path.name}:{n}: cpguide {command} is not a command ({', '.join(sorted(commands))})")
            elif options - commands[command]:
                wrong.append(f"{path.name}:{n}: cpguide {command} has no {', '.join(sorted(options - commands[command]))}")
    assert not wrong, "\n".join(wrong)


def test_every_documented_task_and_variable_exists():
    tasks = _tasks()
    code = "\n".join(p.read_text(encoding="utf-8") for p in CODE if p.is_file())
    wrong = []
    for path in DOCS:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            wrong += [f"{path.name}:{n}: make {t} is not a task" for t in TASK.findall(line) if t not in tasks]
            wrong += [f"{path.name}:{n}: {v} is read nowhere" for v in VARIABLE.findall(line) if v not in code]
    assert not wrong, "\n".join(wrong)


def test_the_readme_documents_every_command_option_task_and_variable():
    readme = README.read_text(encoding="utf-8")
    documented = {}
    for _, command, options in _documented(README):
        documented.setdefault(command, set()).update(options)
    missing = [f"cpguide {c}" for c in _commands() if c not in documented]
    missing += [f"cpguide {c} {o}" for c, options in _commands().items() for o in sorted(options - documented.get(c, set()))]
    missing += [f"make {t}" for t in sorted(_tasks()) if f"`make {t}" not in readme]
    code = "\n".join(p.read_text(encoding="utf-8") for p in CODE if p.is_file())
    missing += [v for v in sorted(set(VARIABLE.findall(code))) if not re.search(rf"`{v}\b", readme)]
    assert not missing, "not in README.md: " + ", ".join(missing)

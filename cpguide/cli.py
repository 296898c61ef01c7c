"""The `cpguide` command line. Each sub-command lives in its own module with `add_parser`."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module
from pathlib import Path

from .errors import ContentInvalid
from .loader import DEFAULT_ROOT, load_content

# sub-command modules (each defines add_parser(subparsers) setting `func`)
COMMAND_MODULES = ["cpguide.cli", "cpguide.deadlines.cli", "cpguide.opendata"]


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("validate", help="check all content: schema, ids, references, no HTML")
    p.set_defaults(func=cmd_validate)
    p = subparsers.add_parser("coverage", help="which statements of each source are not yet in the content")
    p.add_argument("--source", help="only this source file (path or name in sources/)")
    p.add_argument("--quiet", action="store_true", help="only the per-source figures")
    p.set_defaults(func=cmd_coverage)


def cmd_validate(args) -> int:
    content = load_content(args.content)
    entries = len(content.index)
    print(f"OK: {len(content.authorities)} folders, {entries} items, {len(content.documents)} source documents")
    return 0


def cmd_coverage(args) -> int:
    from .coverage import coverage, report

    content = load_content(args.content)
    results = coverage(content, only=args.source)
    print(report(results, verbose=not args.quiet))
    return 0 if all(r.percent == 100.0 for r in results) else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cpguide", description=__doc__)
    parser.add_argument("--content", type=Path, default=DEFAULT_ROOT, help="content folder (default: checklists/)")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError as exc:
            if not name.startswith(exc.name or "?"):  # module not written yet
                raise
            continue
        module.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ContentInvalid as exc:
        for error in exc.errors:
            print(f"error: {error}", file=sys.stderr)
        print(f"{len(exc.errors)} error(s); nothing was built.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

"""The `cpguide` command line. Each sub-command lives in its own module with `add_parser`."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module
from pathlib import Path

from .errors import SCREENFUL, ContentInvalid
from .gate import valid_content
from .loader import DEFAULT_ROOT
from .messages import PrintableStream, one_line, remember_arguments, shorten

# sub-command modules (each defines add_parser(subparsers) setting `func`)
COMMAND_MODULES = ["cpguide.cli", "cpguide.deadlines_cli", "cpguide.scaffold", "cpguide.sources_readme"]


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("validate", help="check all content: schema, ids, references, no HTML")
    p.set_defaults(func=cmd_validate)
    p = subparsers.add_parser("coverage", help="which statements of each source are not yet in the content")
    p.add_argument("--source", help="only this source file (path or name in sources/)")
    p.add_argument("--quiet", action="store_true", help="only the per-source figures")
    p.set_defaults(func=cmd_coverage)
    p = subparsers.add_parser("generate", help="write the whole site as a plain MkDocs project (no hooks) into a folder")
    p.add_argument("--out", type=Path, required=True, help="folder for the project: new, empty, or an earlier one")
    p.add_argument("--links", choices=["urls", "sources"], default="urls",
                   help="links in the pages written as HTML: 'urls' as served (MkDocs, default) or 'sources' "
                        "to the source files (x.md), for engines that rewrite links in raw HTML (Zensical)")
    p.set_defaults(func=cmd_generate)
    p = subparsers.add_parser("publish", help="after another engine (Zensical) has built the project `generate` wrote: "
                                              "the search index, offline lists and service worker in the built site (with "
                                              "CPGUIDE_OFFLINE=true, as for generate: links for opening it from files)")
    p.add_argument("site", type=Path, help="the built site's folder (e.g. DIR/site after `zensical build` in DIR)")
    p.set_defaults(func=cmd_publish)
    p = subparsers.add_parser("export", help="write the open data JSON (data/index.json, data/authorities/<id>.json)")
    p.add_argument("--out", type=Path, default=Path("build/data"), help="folder to write into (default build/data)")
    p.set_defaults(func=cmd_export)


def cmd_validate(args) -> int:
    from .coverage import coverage_errors
    from .deadlines.calendar import today
    from .examples import missing_examples
    from .law import passed_unchecked

    content = valid_content(args.content)
    lost = coverage_errors(content)  # nothing in a source may be lost: after loading, which it needs whole
    if lost:
        raise ContentInvalid(lost)
    for authority in missing_examples(content):  # a note, not an error: the tests then have no dates to hold it to
        print(f"note: {_folder(authority, content)} has no examples.yml: no conference worked out by hand "
              "holds its deadlines to a calendar (see CONTRIBUTING.md, 'Working a conference out by hand')")
    for file, line, flag in passed_unchecked(content, today()):  # the law moves on: a date passed since the last check
        print(f"note: {_shown(file, content)}:{line}: {flag} Re-check it, then update the dates and last_checked.")
    entries = len(content.index)
    print(f"OK: {len(content.authorities)} folders, {entries} items, {len(content.documents)} source documents")
    return 0


def _shown(path, content) -> str:
    from pathlib import Path

    try:
        return str(Path(path).relative_to(content.root.parent))
    except ValueError:
        return str(path)


def _folder(authority, content) -> str:
    try:
        return str(authority.folder.relative_to(content.root.parent))
    except ValueError:
        return str(authority.folder)


def cmd_coverage(args) -> int:
    from .coverage import CoverageError, coverage, report

    content = valid_content(args.content)
    try:
        results = coverage(content, only=args.source)
    except CoverageError as exc:
        print(f"cpguide coverage: {shorten(str(exc))}", file=sys.stderr)
        return 2
    print(report(results, verbose=not args.quiet))
    return 0 if all(r.percent == 100.0 for r in results) else 1


def cmd_generate(args) -> int:
    from .site import build_site
    from .site.project import ProjectError, write_project
    from .site.versioning import site_version

    from .checks import forget_pronunciations

    content = valid_content(args.content)
    forget_pronunciations()  # as the site build does: the memory goes to the pages
    build = build_site(content, site_version(content), args.links)
    try:
        pages = write_project(content, build, args.out)
    except ProjectError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("nothing was written.", file=sys.stderr)
        return 1
    print(f"OK: {pages} pages in {args.out}, a plain MkDocs project without hooks; build it with "
          f"'mkdocs build --strict -f {args.out / 'mkdocs.yml'}'")
    return 0


def cmd_publish(args) -> int:
    """What hooks/publish_hooks.py does after an MkDocs build, for a site built by another engine: for
    the web (search index, offline lists, service worker) or, with CPGUIDE_OFFLINE=true as for
    `generate`, for files (links to pages name their index.html)."""
    from .publish import PublishError, finish
    from .site.project import REPO, file_build_configured

    if not (args.site / "index.html").is_file():
        print(f"cpguide publish: {shorten(str(args.site))} has no index.html: give the folder a build wrote "
              "(e.g. DIR/site after `zensical build` in DIR)", file=sys.stderr)
        return 1
    file_build = file_build_configured((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    content = valid_content(args.content)
    try:
        changed = finish(args.site, [a.id for a in content.local_authorities], file_build)
    except PublishError as exc:
        print(f"cpguide publish: {exc}", file=sys.stderr)
        return 1
    if file_build:
        print(f"OK: built to be opened from files: links in {changed} pages of {args.site} name their index.html")
    else:
        print(f"OK: search index, offline lists and service worker written into {args.site}")
    return 0


def cmd_export(args) -> int:
    """The open data (cpguide/opendata.py) on its own, as the build publishes it."""
    from .opendata import files
    from .site.versioning import site_version

    content = valid_content(args.content)
    for rel, text in files(content, site_version(content)).items():
        path = args.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(content.authorities)} authorities to {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cpguide", description=__doc__)
    parser.add_argument("--content", type=Path, default=DEFAULT_ROOT, help="content folder (default: checklists/)")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:  # a command module that cannot be imported is an error, not a missing command
        module = import_module(name)
        module.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    remember_arguments(argv)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PrintableStream(sys.stdout), PrintableStream(sys.stderr)
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()  # a closed pipe shows up here, inside the handler, not at exit
        return status
    except ContentInvalid as exc:
        for error in exc.errors[:SCREENFUL]:
            print(shorten(f"error: {error}"), file=sys.stderr)
        if len(exc.errors) > SCREENFUL:
            print(f"… and {len(exc.errors) - SCREENFUL:,} more errors not shown: fix these first", file=sys.stderr)
        print(f"{len(exc.errors):,} error(s); nothing was built.", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `cpguide coverage | head`: the reader has what they wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:  # an unwritable --out, a full disk
        where = f": {shorten(str(exc.filename))}" if exc.filename else ""
        print(f"cpguide {args.command}: {exc.strerror or type(exc).__name__}{where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug: one line to report, never a traceback
        print(shorten(f"cpguide {args.command}: internal error ({type(exc).__name__}: {one_line(str(exc))[:300]}); nothing was built. "
                      "Please report this with the command and the content it ran on."), file=sys.stderr)
        return 70


class _Parser(argparse.ArgumentParser):
    """argparse's own messages, with long arguments cut short."""

    def error(self, message: str):
        super().error(shorten(message))


if __name__ == "__main__":
    sys.exit(main())

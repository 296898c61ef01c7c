"""Read all content: folders, files, YAML, schema, raw HTML, and the index of ids.

The loader only reads: it builds a Content, or says why it cannot (a file that cannot be read or
breaks its schema, a folder and id that differ, an id used twice). What the content says is checked
by cpguide/checks/, run by cpguide/gate.py: `valid_content` there is what the commands and the build
use. Tests that only need the model may use `load_content`.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from jsonschema.exceptions import ValidationError

from .content import Authority, Content, Entry, walk_items
from .duplicate_ids import duplicate_id_error
from .errors import ContentError, ContentInvalid
from . import selection
from .ids import ID_HINT, is_id
from .safefiles import UnsafeFile, check_inside, unsafe_entries
from .schemas import FILE_TYPES, is_valid, validator_for
from .yamlsource import YamlDocument, YamlSyntaxError, load_yaml

# CPGUIDE_CONTENT points the build at another content folder (benchmarks, test fixtures).
DEFAULT_ROOT = Path(os.environ.get("CPGUIDE_CONTENT") or Path(__file__).resolve().parent.parent / "checklists")

# Raw HTML or script in content would be rendered as-is by Markdown: refuse it.
_MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|javascript\s*:|\bon[a-z]+\s*=\s*[\"']", re.IGNORECASE)


@dataclass
class Loaded:
    """What reading found: the content, every problem met, and whether every file was read (with a
    file left out, its ids would show up in the checks as false "does not exist" errors)."""

    content: Content
    errors: list[ContentError]
    every_file_read: bool


def load_content(root: Path = DEFAULT_ROOT, only: set[str] | None = None) -> Content:
    """The content read and indexed, unchecked; ContentInvalid with every problem when it cannot be."""
    loaded = read_content(root, only)
    if loaded.errors:
        raise ContentInvalid(loaded.errors)
    return loaded.content


def read_content(root: Path = DEFAULT_ROOT, only: set[str] | None = None) -> Loaded:
    """All the content, or with `only` (cpguide/selection.py) just those authority folders."""
    root = Path(root)
    errors: list[ContentError] = []
    authorities: dict[str, Authority] = {}
    if root.is_symlink() or not root.is_dir():
        raise ContentInvalid([ContentError(root, None, "content folder not found (or a symbolic link)",
                                           "run from the project folder or pass --content")])
    for folder in selection.choose(_authority_folders(root, errors), only, errors):
        authority = _load_folder(folder, root, errors)
        if authority:
            authorities[authority.id] = authority
    content = Content(root=root, authorities=authorities)
    _check_published_folders(content, errors)
    every_file_read = not errors
    _index(content, errors)
    if only is not None:
        selection.leave_out_what_cites_the_rest(content)
    return Loaded(content, errors, every_file_read)


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _authority_folders(root: Path, errors: list[ContentError]) -> list[Path]:
    """Every entry of the content folder is an authority folder, or an error: nothing is skipped quietly."""
    folders = []
    for entry in sorted(root.iterdir()):
        if entry.is_symlink() or not entry.is_dir():
            errors.append(ContentError(_display(entry, root), None,
                                       "only authority folders belong here" + (" (this is a symbolic link)" if entry.is_symlink() else ""),
                                       "move or remove it; an authority is a folder of YAML files (see CONTRIBUTING.md)"))
        elif not is_id(entry.name):
            errors.append(ContentError(_display(entry, root), None, f"folder name {_quoted_name(entry.name)} is not an id",
                                       f"rename it: {ID_HINT}"))
        else:
            folders.append(entry)
    return folders


def _load_folder(folder: Path, root: Path, errors: list[ContentError]) -> Authority | None:
    authority = Authority(id=folder.name, folder=folder)
    if not (folder / "authority.yml").exists():
        errors.append(ContentError(_display(folder, root), None, "folder has no authority.yml",
                                   "every authority folder needs an authority.yml (see CONTRIBUTING.md)"))
    for path in sorted(folder.iterdir()):
        shown = _display(path, root)
        if validator_for(path.name) is None:
            errors.append(ContentError(shown, None, f"unknown content file {_quoted_name(path.name)}", _name_hint(path.name)))
            continue
        try:
            doc_errors, doc = _load_file(path, root, shown)
        except Exception as exc:  # noqa: BLE001 - a bug must still name the file, never show a traceback
            doc_errors, doc = [ContentError(shown, None, f"could not be checked ({type(exc).__name__})",
                                            "please report this with the file attached")], None
        errors.extend(doc_errors)
        if doc is not None and not doc_errors:
            authority.docs[path.name] = doc
    meta = authority.meta
    if meta and meta.get("id") != folder.name:
        doc = authority.docs["authority.yml"]
        errors.append(ContentError(_display(doc.path, root), doc.line_of(("id",)),
                                   f"id '{meta.get('id')}' does not match the folder name '{folder.name}'",
                                   f"set id: {folder.name}, or rename the folder"))
    return authority


def _load_file(path: Path, root: Path, shown: str) -> tuple[list[ContentError], YamlDocument | None]:
    try:
        doc = load_yaml(path, shown, root.parent)
    except YamlSyntaxError as exc:
        return [exc.error], None
    schema_errors = [] if doc.data is not None and is_valid(path.name, doc.data) else \
        list(_schema_errors(doc, validator_for(path.name), shown)) or [_disagreement(shown)]
    return schema_errors + list(_text_errors(doc, shown)), doc


def _disagreement(shown: str) -> ContentError:
    """The quick check refused the file and the full one found nothing: refused all the same."""
    return ContentError(shown, None, "the schema check refuses this file but cannot say where",
                        "please report this with the file attached (cpguide/schemas.py)")


def _quoted_name(name: str) -> str:
    return repr(name if len(name) <= 60 else name[:60] + "…")


def _name_hint(name: str) -> str:
    """Point at the file name meant: 'family.YML' or 'family.yml ' is almost certainly family.yml."""
    meant = [known for known in FILE_TYPES if known == name.strip().lower()]
    if meant:
        return f"rename it to {meant[0]}: file names are lower case with no spaces"
    close = difflib.get_close_matches(name.lower(), FILE_TYPES, n=1)
    suffix = f" (did you mean {close[0]}?)" if close else ""
    return "every file in an authority folder must be one of: " + ", ".join(sorted(FILE_TYPES)) + suffix


def _schema_errors(doc: YamlDocument, validator, shown: str) -> Iterator[ContentError]:
    if doc.data is None:
        yield ContentError(shown, 1, "file is empty", "see CONTRIBUTING.md for what this file holds")
        return
    # One error per cause: the same rule broken by many entries (a thousand entries of the wrong kind)
    # is reported at the first, with how many more there are.
    causes: dict[tuple, list[ValidationError]] = {}
    for error in validator.iter_errors(doc.data):
        causes.setdefault((error.validator, tuple(map(str, error.relative_schema_path)), _shape(error.absolute_path)), []).append(error)
    for errors in sorted(causes.values(), key=lambda es: list(map(str, es[0].absolute_path))):
        first = _describe(errors[0], doc, shown)
        if len(errors) > 1:
            first = ContentError(first.file, first.line, f"{first.message} (and {len(errors) - 1:,} more like it)", first.hint)
        yield first


def _shape(path) -> tuple:
    """A JSON path with its list indexes left out: terms/0/term and terms/7/term are one place."""
    return tuple(step for step in path if not isinstance(step, int))


def _describe(error: ValidationError, doc: YamlDocument, shown: str) -> ContentError:
    path = tuple(error.absolute_path)
    where = "/".join(map(str, path)) or "top level"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        key = extra[0] if extra else "?"
        return ContentError(shown, doc.key_line(path, key), f"unknown key '{key}' at {where}",
                            "allowed keys: " + ", ".join(allowed))
    line = doc.line_of(path)
    if error.validator == "minLength" and error.validator_value == 1:
        return ContentError(shown, line, f"empty text at {where}", "write the text, or remove the key if it is optional")
    if error.validator == "required":
        return ContentError(shown, line, f"{error.message} at {where}", "add the missing key")
    if error.validator == "oneOf" and isinstance(error.instance, dict) and "id" in error.instance:
        return ContentError(shown, line, f"item '{error.instance.get('id')}' needs exactly one of 'text' or 'ref'",
                            "give the source wording in 'text', or the id of an item kept elsewhere in 'ref'")
    if error.validator == "enum":
        return ContentError(shown, line, f"{_short(repr(error.instance))} is not allowed at {where}",
                            "use one of: " + ", ".join(map(str, error.validator_value)))
    if error.validator == "pattern" and "x-placeholders" in error.schema:
        names = ", ".join("{" + name + "}" for name in error.schema["x-placeholders"]) or "none"
        return ContentError(shown, line, f"{_short(repr(error.instance))} at {where} uses a placeholder or brace it may not",
                            f"the only placeholders here are: {names}, written exactly so (no dots, brackets, ':' or '!')")
    if error.validator == "pattern" and error.schema.get("description", "").startswith("Stable id"):
        return ContentError(shown, line, f"id {error.instance!r} at {where} is not a valid id",
                            "use lower-case letters, digits and single hyphens, e.g. wb-agenda-3-chair-prompt")
    return ContentError(shown, line, f"{_short(error.message, 200)} at {_short(where, 120)}",
                        "see the schema in schema/ for this file")


def _strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, path + (i,))


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")


# Control characters other than newline and tab: YAML writes them as "\0", "\e", "\x08"; a page
# would carry them raw (a terminal, a calendar file or a screen reader acts on them).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _text_errors(doc: YamlDocument, shown: str) -> Iterator[ContentError]:
    """No markup or control character in any string, no text of spaces only; a string written as an
    ISO date or month is a real one."""
    for path, text in _strings(doc.data):
        match = _MARKUP.search(text)
        control = _CONTROL.search(text)
        if control:
            yield ContentError(shown, doc.line_of(path), f"control character U+{ord(control.group(0)):04X} in text",
                               "remove it: content is plain text (a new line or a tab is the only control allowed)")
        elif text and text.isspace():
            yield ContentError(shown, doc.line_of(path), f"the text at {'/'.join(map(str, path))} is only spaces",
                               "write the text, or remove the key if it is optional")
        elif match:
            yield ContentError(shown, doc.line_of(path), f"raw HTML or script {_short(match.group(0))!r} in content",
                               "write plain text; put web addresses in a 'links' entry")
        elif not _real_date(text):
            yield ContentError(shown, doc.line_of(path), f"{text!r} is not a real date",
                               'write an existing date as "YYYY-MM-DD" (or a month as "YYYY-MM")')


def _real_date(text: str) -> bool:
    day, month = _ISO_DAY.fullmatch(text), _ISO_MONTH.fullmatch(text)
    try:
        if day:
            date(*map(int, day.groups()))
        elif month:
            date(int(month.group(1)), int(month.group(2)), 1)
    except ValueError:
        return False
    return True


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


PUBLISHED_FOLDERS = ("sources", "docs")  # beside the content folder; both are copied into the site


def _check_published_folders(content: Content, errors: list[ContentError]) -> None:
    """No symlink or special file anywhere in the folders the site copies from."""
    project = content.root.parent
    for name in PUBLISHED_FOLDERS:
        folder = project / name
        if folder.is_symlink():
            errors.append(ContentError(name, None, "is a symbolic link; it must be a real folder in the repository"))
        elif folder.is_dir():
            errors.extend(ContentError(problem.split(" ", 1)[0], None, problem.split(" ", 1)[1])
                          for problem in unsafe_entries(folder, project))


def _source_file_problem(content: Content, name: str | None) -> str | None:
    """Why the source copy `name` cannot be published, or None when it is a regular file in sources/."""
    if not name:
        return None
    path = content.sources_dir / name
    try:
        check_inside(path, content.root.parent)
    except UnsafeFile as exc:
        return exc.reason
    if not path.is_file():
        return f"there is no such file in {_display(content.sources_dir, content.root)}/"
    return None


def _index(content: Content, errors: list[ContentError]) -> None:
    for authority in content.authorities.values():
        for doc_entry in authority.documents:
            if doc_entry["id"] in content.documents:
                other = content.documents[doc_entry["id"]][0]
                errors.append(ContentError(_display(authority.docs["authority.yml"].path, content.root), None,
                                           f"document id '{doc_entry['id']}' is also used by '{other}'",
                                           "document ids must be unique across all authorities"))
            content.documents[doc_entry["id"]] = (authority.id, doc_entry)
            problem = _source_file_problem(content, doc_entry.get("file"))
            if problem:
                meta_doc = authority.docs["authority.yml"]
                index = authority.documents.index(doc_entry)
                errors.append(ContentError(_display(meta_doc.path, content.root),
                                           meta_doc.line_of(("documents", index, "file")),
                                           f"document '{doc_entry['id']}' names file '{doc_entry['file']}': {problem}",
                                           "put the plain-text copy itself (not a link to it) there, or correct the file name"))
        for file_name, doc in authority.docs.items():
            for path, item, type_, ancestors in walk_items(doc.data):
                entry = Entry(item["id"], type_, item, authority.id, file_name, path, ancestors)
                previous = content.index.get(entry.id)
                if previous is not None:
                    prev_doc = content.authorities[previous.authority].docs[previous.file]
                    errors.append(duplicate_id_error(content, entry.id, (prev_doc, previous.json_path),
                                                     (doc, path)))
                    continue
                content.index[entry.id] = entry

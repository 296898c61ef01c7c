"""Completeness: is every statement of every source document kept in the structured content?

A source is split into statements (each line, then each sentence). A statement is kept when,
normalised (case, bullets, quote styles, dashes, spacing), it occurs in the text of the items
whose provenance names that document. Lines that are layout only are listed in
sources/sources.yml with the reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .content import Content
from .errors import ContentError
from .safefiles import UnsafeFile, read_bytes
from .yamlsource import YamlSyntaxError, load_yaml

_TEXT_FIELDS = ("text", "title", "quote", "label", "guidance_title")
_LIST_FIELDS = ("intro", "guidance_intro")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9'\"(])")
# Word bookmarks and separator lines run into text are artefacts of the plain-text copies.
_WORD_ARTEFACT = re.compile(r"\[bookmark:[^\]]*\]|\s*_{3,}\s*$")
_TRANSLATE = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "·": " ", "\t": " ",
                            "\u00a0": " "})

def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    text = _WORD_ARTEFACT.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip().lower()

@dataclass
class SourceCoverage:
    file: str
    documents: list[str]
    statements: list[str] = field(default_factory=list)
    missing: list[tuple[int, str]] = field(default_factory=list)

    @property
    def kept(self) -> int:
        return len(self.statements) - len(self.missing)

    @property
    def percent(self) -> float:
        return 100.0 * self.kept / len(self.statements) if self.statements else 100.0

class CoverageError(Exception):
    """The coverage asked for cannot be measured (a source that is missing, unreadable or empty)."""

def source_settings(sources_dir: Path) -> dict:
    path = sources_dir / "sources.yml"
    if not path.exists() and not path.is_symlink():
        return {}
    try:
        return load_yaml(path, f"{sources_dir.name}/sources.yml", sources_dir.parent).data or {}
    except YamlSyntaxError as exc:
        raise CoverageError(str(exc.error)) from None

def statements_of(text: str, layout: list[re.Pattern]) -> list[tuple[int, str]]:
    """(line number, statement) for every statement of a source text."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        plain = _WORD_ARTEFACT.sub(" ", unicodedata.normalize("NFKC", line).translate(_TRANSLATE)).strip()
        if not re.search(r"[A-Za-z]", plain) or any(p.fullmatch(normalise(plain)) for p in layout):
            continue
        for sentence in _SENTENCE_END.split(plain):
            sentence = sentence.strip().rstrip(".:;, ")
            if re.search(r"[A-Za-z]", sentence):
                found.append((number, sentence))
    return found

def texts_by_document(content: Content) -> dict[str, list[str]]:
    """Document id -> the normalised text of every item citing it, and its own title, publisher and
    date: one pass over the content, whatever the number of source files (one pass per file would be
    quadratic at 150 authorities)."""
    texts: dict[str, list[str]] = {}
    for entry in content.index.values():
        source = entry.item.get("source") or {}
        cited = {s.get("document") for s in [source] + list(entry.item.get("sources", [])) if s}
        parts = [normalise(t) for t in _texts(entry.item)] if cited else []
        for doc_id in cited:
            texts.setdefault(doc_id, []).extend(parts)
    for authority in content.authorities.values():  # document titles themselves
        for doc in authority.documents:
            texts.setdefault(doc["id"], []).extend(normalise(str(doc[k])) for k in ("title", "publisher", "date"))
    return texts


def corpus_for(content: Content, document_ids: set[str], texts: dict[str, list[str]] | None = None) -> str:
    """All text of the items whose provenance is one of these documents, normalised."""
    texts = texts if texts is not None else texts_by_document(content)
    return "\n".join(part for doc_id in sorted(document_ids) for part in texts.get(doc_id, []))


def _texts(item: dict) -> list[str]:
    texts = [item[f] for f in _TEXT_FIELDS if isinstance(item.get(f), str)]
    for f in _LIST_FIELDS:
        texts.extend(item.get(f) or [])
    for link in item.get("links", []):
        texts.extend(filter(None, (link.get("text"), link.get("url"))))
    for typo in item.get("typos", []):  # the source's own spelling counts as kept
        texts.extend(t.replace(typo["corrected"], typo["original"]) for t in list(texts))
    return texts

def coverage(content: Content, sources_dir: Path | None = None, only: str | None = None) -> list[SourceCoverage]:
    sources_dir = sources_dir or content.sources_dir
    settings = source_settings(sources_dir)
    layout = [re.compile(entry["pattern"]) for entry in settings.get("layout", [])]
    by_file: dict[str, list[str]] = {}
    for doc_id, (_, doc) in content.documents.items():
        if doc.get("file"):
            by_file.setdefault(doc["file"], []).append(doc_id)
    paths = sorted(sources_dir.glob("*.txt"))
    if only:
        paths = [p for p in paths if p.name == Path(only).name]
        if not paths:
            raise CoverageError(f"there is no source '{Path(only).name}' in {sources_dir.name}/: "
                                "give the name of a .txt file there (check the spelling)")
    results = []
    texts = texts_by_document(content)
    for path in paths:
        documents = by_file.get(path.name, [])
        result = SourceCoverage(path.name, documents)
        corpus = corpus_for(content, set(documents), texts) if documents else ""
        for number, sentence in statements_of(_source_text(path, content), layout):
            result.statements.append(sentence)
            if normalise(sentence) not in corpus:
                result.missing.append((number, sentence))
        if only and not result.statements:
            raise CoverageError(f"{path.name} holds no statements: is it the plain-text copy of the document?")
        results.append(result)
    return results

def _source_text(path: Path, content: Content) -> str:
    try:
        return read_bytes(path, content.root.parent).decode("utf-8")
    except UnsafeFile as exc:
        raise CoverageError(f"{path.name}: {exc.reason}") from None
    except UnicodeDecodeError:
        raise CoverageError(f"{path.name} is not UTF-8 text: save it as UTF-8") from None

def report(results: list[SourceCoverage], verbose: bool = True) -> str:
    lines = []
    for r in results:
        docs = ", ".join(r.documents) or "NOT LISTED in any authority.yml"
        lines.append(f"{r.file} ({docs}): {r.kept}/{len(r.statements)} statements kept ({r.percent:.1f}%)")
        if verbose:
            lines.extend(f"    line {n}: {s}" for n, s in r.missing)
    total = sum(len(r.statements) for r in results)
    kept = sum(r.kept for r in results)
    pct = 100.0 * kept / total if total else 100.0
    lines.append(f"Total: {kept}/{total} statements kept ({pct:.1f}%) across {len(results)} sources")
    return "\n".join(lines)


def coverage_errors(content: Content) -> list[ContentError]:
    """What `cpguide validate` refuses, with file and line: a source file no authority.yml lists,
    and a statement of a source that is not in the structured content (nothing may be lost)."""
    try:
        results = coverage(content)
    except CoverageError as exc:
        return [ContentError(f"{content.sources_dir.name}/", None, str(exc))]
    folder = content.sources_dir.name
    errors = []
    for r in results:
        if not r.documents:
            errors.append(ContentError(f"{folder}/{r.file}", None, "no authority.yml lists this source file",
                                       "list it under documents (file:) in its authority's authority.yml, or remove it"))
            continue
        errors.extend(ContentError(f"{folder}/{r.file}", number, f"this statement is not in the content: '{sentence}'",
                                   f"add it, in its wording, to an item citing {', '.join(r.documents)} "
                                   f"(cpguide coverage --source {r.file} lists them all)")
                      for number, sentence in r.missing)
    return errors

"""Reading news articles, and ready-made ACLED incidents, from files, directories and URLs.

    >>> from incidents.readers import read_paths
    >>> result = read_paths(["seeds/"])
    >>> result.articles[0].published, result.articles[0].language
    (datetime.date(2024, 4, 22), 'ar')

Formats are chosen by suffix, and by content where the suffix does not settle it:
`.txt` (with an optional NAME.json sidecar), `.json`, `.jsonl`, `.html`/`.htm`,
RSS and Atom (`.xml`, `.rss`, `.atom` or a URL) and ACLED exports (`.csv`).

Arguments and the input's own metadata: for a `.txt` file the arguments win over
its sidecar (both come from the same user, the arguments later). Records, pages
and feed entries keep their own dates and languages, and the arguments fill what
they lack; a page's or feed's site name is only a default for `source`.

Nothing is raised from `read_paths`: whatever cannot be read becomes a ReadError
naming the file (and line) in `ReadResult.errors`, and the rest is read all the same.
Only Arabic and English articles are returned. Reading never writes anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from .acled import read_acled
from .articles import read_json, read_jsonl, read_text, read_txt, sidecar_path
from .base import MAX_BYTES, Options, ReadError, ReadResult, parse_date
from .feeds import read_feed
from .pages import read_html
from .sources import Source, fetch, is_url, open_file

Reader = Callable[[Source, Options], ReadResult]
READERS: dict[str, Reader] = {
    "text": read_txt,
    "json": read_json,
    "jsonl": read_jsonl,
    "html": read_html,
    "feed": read_feed,
    "acled": read_acled,
}
SUFFIXES = {
    ".txt": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xml": "markup",
    ".rss": "markup",
    ".atom": "markup",
    ".csv": "acled",
}
_CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "markup",
    "text/xml": "markup",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "text/csv": "acled",
    "text/plain": "text",
}
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)


def read_paths(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    source: str | None = None,
    language: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> ReadResult:
    """Read files, directories (recursively, sorted) and http(s) URLs into articles, incidents and errors.

    `published`, `source` and `language` apply to every input as described in the module docstring;
    `max_bytes` caps each file or download.
    """
    options = Options(
        published=parse_date(published) if published else None,
        source=source or None,
        language=(language or "").strip().lower() or None,
        max_bytes=max_bytes,
    )
    if isinstance(paths, str | Path):
        paths = [paths]
    result = ReadResult()
    for item in _inputs(paths):
        if isinstance(item, ReadError):
            result.errors.append(item)
        else:
            result.extend(_read_one(item, options))
    return result


def read_path(
    path: str | Path,
    *,
    published: date | None = None,
    source: str | None = None,
    language: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> ReadResult:
    """Read one file, directory or URL; see `read_paths`."""
    return read_paths([path], published=published, source=source, language=language, max_bytes=max_bytes)


def _inputs(paths: Iterable[str | Path]) -> list[str | Path | ReadError]:
    """URLs and files to read, directories expanded, each file once, and sidecars left to their text."""
    items: list[str | Path | ReadError] = []
    for path in paths:
        if is_url(path):
            items.append(str(path))
        else:
            items.extend(_expand(Path(path)))
    files = [item.resolve() for item in items if isinstance(item, Path)]
    sidecars = {sidecar_path(path) for path in files if _kind_of(path) == "text"}
    seen: set[Path] = set()
    chosen = []
    for item in items:
        if isinstance(item, Path):
            key = item.resolve()
            if key in seen or (key.suffix.lower() == ".json" and key in sidecars):
                continue
            seen.add(key)
        chosen.append(item)
    return chosen


def _kind_of(path: Path) -> str:
    return SUFFIXES.get(path.suffix.lower(), "text")


def _expand(path: Path) -> Iterator[Path | ReadError]:
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.suffix.lower() in SUFFIXES and p.is_file() and not _hidden(p.relative_to(path))
        )
        if not files:
            yield ReadError(path, f"no files to read in this directory ({', '.join(SUFFIXES)})")
        yield from files
    elif path.exists():
        yield path
    else:
        yield ReadError(path, "no such file or directory")


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _read_one(item: str | Path, options: Options) -> ReadResult:
    """One file or URL; every failure, even an unforeseen one, becomes a ReadError naming it."""
    name = str(item)
    try:
        source = fetch(name, options.max_bytes) if isinstance(item, str) else open_file(item, options.max_bytes)
        return READERS[_kind(source)](source, options)
    except ReadError as error:
        return ReadResult(errors=[error])
    except Exception as error:  # a reader's bug must not stop the batch
        return ReadResult(errors=[ReadError(name, f"cannot read: {type(error).__name__}: {error}")])


def _kind(source: Source) -> str:
    """The format: from the suffix, else the server's content type, else the content itself."""
    kind = SUFFIXES.get(source.suffix)
    if kind is None and source.content_type:
        kind = _CONTENT_TYPES.get(source.content_type)
    if kind == "markup":
        return _sniff_markup(source, default="feed")
    if kind == "html" and source.path is None:
        return _sniff_markup(source, default="html")
    return kind or _sniff(source)


def _sniff_markup(source: Source, default: str) -> str:
    head = source.text[:4096]
    if _FEED_ROOT.search(head):
        return "feed"
    if _HTML_ROOT.search(head):
        return "html"
    return default


def _sniff(source: Source) -> str:
    """Guess the format of a file with an unknown suffix: markup, JSON, JSON Lines or plain text."""
    text = source.text.lstrip()
    if text.startswith("<"):
        return _sniff_markup(source, default="feed" if text.startswith("<?xml") else "html")
    if text.startswith("{") and "\n{" in text.rstrip():
        return "jsonl"
    if text.startswith(("{", "[")):
        return "json"
    return "text"


__all__ = ["MAX_BYTES", "ReadError", "ReadResult", "read_path", "read_paths", "read_text"]

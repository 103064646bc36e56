"""Plain-text articles (with an optional NAME.json sidecar), JSON and JSON Lines articles, and pasted text."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from ..article import Article
from .base import Options, ReadError, ReadResult, checked, normalize_newlines, parse_date, record_fields
from .sources import Source, open_file

NO_DATE_TXT = "no published date: give --published or a NAME.json sidecar"
NO_DATE = "no published date: give --published"
_SENTENCE_END = (".", "!", "?", "…", "؟", "۔", ":", ";", "،", ",")
_CLOSERS = "\"'”’»)]"
HEADLINE_MAX = 200


def headline(text: str) -> str:
    """The first line when it reads as a headline: short, without end punctuation, and set off by a blank line.

    Plain-text articles saved from the web usually start that way; the line stays in the text as well.
    """
    lines = text.strip().split("\n", 2)
    if len(lines) < 3 or lines[1].strip():
        return ""
    first = lines[0].strip()
    if len(first) >= HEADLINE_MAX or first.rstrip(_CLOSERS).endswith(_SENTENCE_END):
        return ""
    return first


def read_text(
    text: str,
    *,
    published: date,
    source: str = "",
    url: str = "",
    title: str = "",
    language: str | None = None,
    id: str | None = None,
) -> Article:
    """An article from pasted text, its language checked; raises ReadError for empty or unsupported text.

    Without an `id` the article is named by its content hash, so pasting the same text twice gives one id.
    """
    text = normalize_newlines(text)
    article = Article(
        id=id or "",
        text=text,
        published=parse_date(published),
        source=source,
        url=url,
        title=title or headline(text),
        language=(language or "").strip().lower(),
    )
    if not id:
        article = dataclasses.replace(article, id=f"text:{article.content_hash[:16]}")
    return checked(article, id or "<text>")


def read_txt(source: Source, options: Options) -> ReadResult:
    """A whole text file as one article; the caller's arguments win over the sidecar, which wins over defaults."""
    text = normalize_newlines(source.text)
    meta, extra = _sidecar(source, options.max_bytes)
    published = options.published or (parse_date(meta["published"]) if meta["published"] else None)
    if published is None:
        raise ReadError(source.name, NO_DATE_TXT)
    article = Article(
        id=meta["id"] or source.stem,
        text=text,
        published=published,
        source=options.source or meta["source"],
        url=meta["url"] or source.url,
        title=meta["title"] or headline(text),
        language=options.language or meta["language"].lower(),
        extra=extra,
    )
    return ReadResult(articles=[checked(article, source.name)])


def sidecar_path(path: Path) -> Path:
    """Where a text file's metadata lives: NAME.json beside NAME.txt."""
    return path.with_suffix(".json")


def _sidecar(source: Source, max_bytes: int) -> tuple[dict[str, str], dict]:
    """The sidecar's fields (all "" when there is none); a broken sidecar is a ReadError naming it."""
    path = sidecar_path(source.path) if source.path is not None else None
    if path is None or path == source.path or not path.is_file():
        return record_fields({})
    name = str(path)
    try:
        record = json.loads(open_file(path, max_bytes).text)
    except json.JSONDecodeError as error:
        raise ReadError(name, f"not valid JSON: {error.msg}", error.lineno) from None
    if not isinstance(record, dict):
        raise ReadError(name, "not a JSON object")
    try:
        fields, extra = record_fields(record)
        if fields["published"]:
            parse_date(fields["published"])
    except ValueError as error:
        raise ReadError(name, str(error)) from None
    return fields, extra


def article_from_record(record: object, options: Options, default_id: str) -> Article:
    """An article from a JSON object: its own fields first, the caller's arguments for what it lacks.

    Raises ValueError with the reason when the record is not an object, has no text or a bad date.
    """
    if not isinstance(record, dict):
        raise ValueError(f"not a JSON object but {type(record).__name__}")
    fields, extra = record_fields(record)
    if not fields["text"].strip():
        raise ValueError("missing text")
    published = parse_date(fields["published"]) if fields["published"] else options.published
    if published is None:
        raise ValueError(NO_DATE)
    return Article(
        id=fields["id"] or default_id,
        text=normalize_newlines(fields["text"]),
        published=published,
        source=fields["source"] or options.source or "",
        url=fields["url"],
        title=fields["title"],
        language=(fields["language"] or options.language or "").lower(),
        extra=extra,
    )


def read_jsonl(source: Source, options: Options) -> ReadResult:
    """One article per line; a bad line is an error naming its line, and the other lines are read."""
    result = ReadResult()
    for number, line in enumerate(source.text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            article = article_from_record(json.loads(line), options, f"{source.stem}:{number}")
            result.articles.append(checked(article, source.name, number))
        except json.JSONDecodeError as error:
            result.errors.append(ReadError(source.name, f"not valid JSON: {error.msg}", number))
        except ValueError as error:
            result.errors.append(ReadError(source.name, str(error), number))
        except ReadError as error:
            result.errors.append(error)
    return result


def read_json(source: Source, options: Options) -> ReadResult:
    """A single article object, or a list of them; a bad item is an error, and the others are read."""
    try:
        data = json.loads(source.text)
    except json.JSONDecodeError as error:
        raise ReadError(source.name, f"not valid JSON: {error.msg}", error.lineno) from None
    if isinstance(data, dict):
        return _read_json_items(source, options, [data], single=True)
    if isinstance(data, list):
        return _read_json_items(source, options, data, single=False)
    raise ReadError(source.name, "expected an article object or a list of them")


def _read_json_items(source: Source, options: Options, items: list, single: bool) -> ReadResult:
    result = ReadResult()
    for number, item in enumerate(items, start=1):
        where = "" if single else f"item {number}: "
        try:
            article = article_from_record(item, options, source.stem if single else f"{source.stem}:{number}")
            result.articles.append(checked(article, source.name))
        except ValueError as error:
            result.errors.append(ReadError(source.name, where + _explain(str(error), source)))
        except ReadError as error:
            result.errors.append(ReadError(source.name, where + error.message))
    return result


def _explain(message: str, source: Source) -> str:
    """Point out a text file's sidecar read on its own, the usual cause of a JSON article without text."""
    if message == "missing text" and source.path is not None and source.path.with_suffix(".txt").is_file():
        return f"missing text (this looks like the metadata of {source.path.with_suffix('.txt').name}; read that)"
    return message

"""What every reader shares: the error and result records, the caller's options, dates, and checked articles."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..article import Article, UnsupportedLanguage, check_language, detect_language

MAX_BYTES = 20 * 1024 * 1024
ARTICLE_FIELDS = ("id", "text", "published", "source", "url", "title", "language")


class ReadError(Exception):
    """A file, line or feed entry that could not be read; the rest of the batch is read all the same.

    `str(error)` is "PATH, line N: message" or "PATH: message", ready to show to the user.
    """

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        super().__init__(str(path), message, line)
        self.path = str(path)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}, line {self.line}"
        return f"{where}: {self.message}"


@dataclass
class ReadResult:
    """Articles to extract from, incidents that arrived ready-made (ACLED CSV), and what could not be read."""

    articles: list[Article] = field(default_factory=list)
    incidents: list[dict] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)

    def extend(self, other: ReadResult) -> None:
        self.articles.extend(other.articles)
        self.incidents.extend(other.incidents)
        self.errors.extend(other.errors)


@dataclass(frozen=True)
class Options:
    """The caller's arguments, applied to every input of a batch."""

    published: date | None = None
    source: str | None = None
    language: str | None = None
    max_bytes: int = MAX_BYTES


def parse_date(value: object) -> date:
    """A date from a date, "YYYY-MM-DD" or an ISO date-time (its own calendar day, not converted to UTC).

    The publisher's local day is what "yesterday" in the text refers to.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise ValueError(f"bad published date {value!r}: expected YYYY-MM-DD or an ISO date-time")


def record_fields(record: dict) -> tuple[dict[str, str], dict]:
    """The article fields of a JSON record as stripped strings, and the record's other keys.

    Raises ValueError for a field that is not a string (an `id` may be a number).
    """
    fields = {}
    for key in ARTICLE_FIELDS:
        value = record.get(key)
        if value is None:
            value = ""
        elif key == "id" and isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        elif not isinstance(value, str):
            raise ValueError(f"field {key!r} must be a string, not {type(value).__name__}")
        fields[key] = value if key == "text" else value.strip()
    extra = {key: value for key, value in record.items() if key not in ARTICLE_FIELDS}
    return fields, extra


def normalize_newlines(text: str) -> str:
    """Text with LF line ends, as Python's text mode reads it, so a file and its pasted copy hash alike."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def language_code(article: Article) -> str:
    """The article's declared or detected language, as `check_language` reads it."""
    return (article.language or detect_language(article.text)).lower().split("-")[0]


def checked(article: Article, path: str, line: int | None = None) -> Article:
    """The article with its language filled in, or a ReadError when it is empty or not Arabic or English."""
    if not article.text.strip():
        raise ReadError(path, "no text", line)
    try:
        language = check_language(article)
    except UnsupportedLanguage:
        raise ReadError(path, f"unsupported language {language_code(article)!r}", line) from None
    return dataclasses.replace(article, language=language)

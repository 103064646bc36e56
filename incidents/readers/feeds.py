"""RSS and Atom feeds through feedparser: one article per entry."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from xml.sax import SAXParseException

from ..article import Article
from .base import Options, ReadError, ReadResult, checked
from .sources import Source

_ENCODING_DECLARATION = re.compile(r"""^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "article"}
_WHITESPACE = re.compile(r"\s+")
_SKIPPED = {"script", "style", "noscript", "template"}


def read_feed(source: Source, options: Options) -> ReadResult:
    """Every entry of a feed as an article; an entry without text or date is an error of its own."""
    import feedparser

    # Decoded here like every input, so feedparser gets UTF-8 and must not trust the old declaration.
    xml = _ENCODING_DECLARATION.sub(r"\1", source.text, count=1)
    feed = feedparser.parse(xml.encode("utf-8"))
    fault = feed.get("bozo_exception") if feed.get("bozo") else None
    if not feed.entries:
        if fault is not None:
            raise ReadError(source.name, f"not a readable feed: {_describe(fault)}", _fault_line(fault))
        if not feed.get("version"):
            raise ReadError(source.name, "not an RSS or Atom feed")
    result = ReadResult()
    if fault is not None and isinstance(fault, SAXParseException):
        message = f"feed is cut short or malformed ({_describe(fault)}); read the {len(feed.entries)} entries before it"
        result.errors.append(ReadError(source.name, message, _fault_line(fault)))
    outlet = options.source or feed.feed.get("title", "")
    for number, entry in enumerate(feed.entries, start=1):
        try:
            result.articles.append(_entry_article(entry, number, source, options, outlet))
        except ReadError as error:
            result.errors.append(error)
    return result


def _entry_article(entry: dict, number: int, source: Source, options: Options, outlet: str) -> Article:
    title = _plain(entry.get("title", ""), entry.get("title_detail", {}).get("type", ""))
    label = f"entry {number}" + (f" ({title[:60]})" if title else "")
    text = _entry_text(entry)
    if not text:
        raise ReadError(source.name, f"{label}: no content or summary")
    published = entry_date(entry) or options.published
    if published is None:
        raise ReadError(source.name, f"{label}: no published date: give --published")
    article = Article(
        id=entry.get("id") or entry.get("link") or f"{source.stem}:{number}",
        text=text,
        published=published,
        source=outlet,
        url=entry.get("link", ""),
        title=title,
        language=options.language or "",
    )
    try:
        return checked(article, source.name)
    except ReadError as error:
        raise ReadError(source.name, f"{label}: {error.message}") from None


def _entry_text(entry: dict) -> str:
    """The fullest text the entry has: its content, else its summary, as plain text."""
    for part in entry.get("content", []):
        text = _plain(part.get("value", ""), part.get("type", ""))
        if text:
            return text
    detail = entry.get("summary_detail", {})
    return _plain(entry.get("summary", ""), detail.get("type", "text/html"))


def entry_date(entry: dict) -> date | None:
    """The entry's publication day as the publisher wrote it, else its update day.

    feedparser's *_parsed fields are in UTC, which moves a report written after
    21:00 in Baghdad to the next day; the raw string keeps the publisher's day.
    """
    for key in ("published", "updated"):
        raw = entry.get(key)
        day = _local_day(raw) if raw else None
        if day is None and entry.get(f"{key}_parsed"):
            day = date(*entry[f"{key}_parsed"][:3])
        if day is not None:
            return day
    return None


def _local_day(raw: str) -> date | None:
    try:
        return parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw.strip()).date()
    except ValueError:
        return None


def _plain(value: str, content_type: str) -> str:
    """Text without markup; feed text is HTML unless the feed says it is plain."""
    if content_type == "text/plain" or "<" not in value:
        return value.strip()
    return strip_html(value)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_WHITESPACE.sub(" ", data))


def strip_html(markup: str) -> str:
    """The text of an HTML fragment, one paragraph a line (trafilatura wants whole pages, not snippets)."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _describe(fault: Exception) -> str:
    if isinstance(fault, SAXParseException):
        return fault.getMessage()
    return str(fault) or type(fault).__name__


def _fault_line(fault: Exception) -> int | None:
    return fault.getLineNumber() if isinstance(fault, SAXParseException) else None

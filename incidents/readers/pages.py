"""Web pages: the main text and the page's own title, date and address, through trafilatura."""

from __future__ import annotations

import re
from datetime import date

from ..article import Article
from .base import Options, ReadError, ReadResult, checked, normalize_newlines, parse_date
from .sources import Source

# Only the page's metadata and markup: htmldate's extensive search takes "Copyright 2024" for a date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_html(source: Source, options: Options) -> ReadResult:
    """A page as one article; the date comes from its metadata, else the caller's argument, else it is an error."""
    import trafilatura

    html = _XML_DECLARATION.sub("", source.text, count=1)
    document = trafilatura.bare_extraction(
        html,
        url=source.url or None,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if document is None or not (document.text or "").strip():
        raise ReadError(source.name, "no article text found in the page")
    published = _page_date(document.date) or options.published
    if published is None:
        raise ReadError(source.name, "no published date in the page: give --published")
    article = Article(
        id=source.url or source.stem,
        text=normalize_newlines(document.text),
        published=published,
        source=options.source or document.sitename or document.hostname or "",
        url=document.url or source.url,
        title=document.title or "",
        language=options.language or "",
    )
    return ReadResult(articles=[checked(article, source.name)])


def _page_date(value: str | None) -> date | None:
    try:
        return parse_date(value) if value else None
    except ValueError:
        return None

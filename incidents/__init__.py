"""Incidents from Arabic and English news: reading articles, extraction, the incident table, storage, export.

>>> import incidents
>>> table = incidents.extract(open("seeds/000_aa4d7466b8e6fa91.txt").read(), published="2024-04-22")
>>> table[["event_date", "location", "sub_event_type"]]
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from .article import Article, UnsupportedLanguage, check_language, detect_language
from .taxonomy import ACLED_COLUMNS, COLUMNS, EVENT_TYPES, SUB_EVENT_TYPES


def extract_rows(article: Article, gaz=None) -> list[dict]:
    """The incident-table rows of one article: a pure function of the article and the gazetteer."""
    import gazetteer

    from .extractor import extract_incidents
    from .table import row

    gaz = gaz or gazetteer.default()
    language = check_language(article)
    return [row(article, incident, language) for incident in extract_incidents(article, gaz)]


def extract(
    text: str,
    published: date | str,
    language: str | None = None,
    source: str | None = None,
    *,
    url: str = "",
    title: str = "",
    id: str = "",
) -> pd.DataFrame:
    """The incidents a text reports, as a DataFrame with ACLED's columns first.

    `published` (a date or "YYYY-MM-DD") anchors relative dates such as "أمس"
    or "on Sunday". `language` is "ar" or "en", detected from the script when
    not given; another language raises UnsupportedLanguage.
    """
    from .table import to_frame

    day = date.fromisoformat(published) if isinstance(published, str) else published
    article = Article(
        id=id or "text",
        text=text,
        published=day,
        source=source or "",
        url=url,
        title=title,
        language=language or "",
    )
    return to_frame(extract_rows(article))


__all__ = [
    "ACLED_COLUMNS",
    "COLUMNS",
    "EVENT_TYPES",
    "SUB_EVENT_TYPES",
    "Article",
    "UnsupportedLanguage",
    "detect_language",
    "extract",
    "extract_rows",
]

"""The article record every reader produces and the extractor consumes."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date

SUPPORTED_LANGUAGES = ("ar", "en")


class UnsupportedLanguage(ValueError):
    """An article in a language the extractor does not read."""


@dataclass(frozen=True)
class Article:
    """A news report: its text and what is known about it.

    `published` anchors every relative date in the text ("أمس", "on Sunday"),
    so it is required. `id` is the reader's id for the article (a file stem, a
    JSONL `id`, a feed entry id); `content_hash` identifies the text itself.
    """

    id: str
    text: str
    published: date
    source: str = ""
    url: str = ""
    title: str = ""
    language: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(unicodedata.normalize("NFC", self.text).encode("utf-8")).hexdigest()

    def to_dict(self) -> dict:
        data = asdict(self)
        data["published"] = self.published.isoformat()
        data["content_hash"] = self.content_hash
        return data


def detect_language(text: str) -> str:
    """ "ar" or "en" from the script of the letters; another script gives its own code or "und".

    Arabic-script text in Persian, Urdu or Kurdish uses letters Arabic lacks
    (پ چ ژ گ ڤ ڵ ێ ۆ): such text is reported, not read as Arabic.
    """
    arabic = latin = other = persian = 0
    for c in text:
        if not c.isalpha():
            continue
        o = ord(c)
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
            arabic += 1
            if c in "پچژڤڵێۆەھ":
                persian += 1
        elif o < 0x250 or 0x1E00 <= o < 0x1F00:
            latin += 1
        else:
            other += 1
    total = arabic + latin + other
    if not total:
        return "und"
    if arabic >= max(latin, other):
        return "fa" if persian > 0.02 * arabic else "ar"
    if latin >= other:
        return "en"
    return "und"


def check_language(article: Article) -> str:
    """The article's language, detected when not given; raises UnsupportedLanguage for others."""
    language = (article.language or detect_language(article.text)).lower().split("-")[0]
    if language not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguage(
            f"article {article.id!r} is in {language!r}; supported languages are {', '.join(SUPPORTED_LANGUAGES)}"
        )
    return language

"""Article text cut into the units extraction reasons over: lines, sentences, clauses and tokens.

Every unit keeps its character offsets in the original text, so that whatever
is found (a place, a date, a trigger) can be shown as the evidence it came from.
Lines are classed first: a headline, a photo caption, a dateline or a line of
page furniture is kept for context but never yields an incident of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from gazetteer.normalize import normalize

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
TOKEN = re.compile(rf"[^\W_{_MARKS}][^\W_]*(?:[{_MARKS}]+[^\W_]*)*(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])[\"”’»)]*\s+|\n+|(?<=[.!?؟])[\"”’»)]*$")
_CLAUSE_BREAK = re.compile(r"\s*(?:،|(?<!\d),(?!\d)|[;؛:])\s*|\s+[-–—]\s+")
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|No)\.$"
)

AGENCIES = (
    "رويترز|ا ف ب|أ ف ب|أ\\.ف\\.ب|فرانس برس|الأناضول|الاناضول|واس|سبأ|سانا|د ب أ|أسوشيتد برس|كونا|بترا|وام|قنا|"
    "Reuters|AP|AFP|Anadolu|dpa|Xinhua|SANA|WAFA|KUNA|Petra|WAM|QNA|UPI|Bloomberg"
)
_DATELINE = re.compile(
    rf"^\s*(?P<where>[^\n()\-–—]{{2,60}}?)\s*(?:,\s*[^\n()\-–—]{{2,30}}?)?\s*"
    rf"(?:\(\s*(?:{AGENCIES})\s*\)\s*[-–—:]|[-–—]\s*\(?\s*(?:{AGENCIES})\s*\)?\s*[-–—:]?)",
)
_CAPTION = re.compile(
    r"^\s*\(?\s*(?:صورة|صور|الصورة|صورة أرشيفية|Photo|FILE PHOTO|File photo|Picture|Pictured|Image)\b|"
    r"(?:REUTERS|Reuters|AFP|AP|Getty Images|EPA)/|"
    r"(?:[-–—/]\s*(?:REUTERS|Reuters|AFP|AP|Getty Images|EPA)\S*|\((?:REUTERS|Reuters|AFP|AP)\))\s*$",
)
_SENTENCE_PUNCTUATION = re.compile(r"[.!?؟،,]")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    line: int
    clauses: list[Clause] = field(default_factory=list)

    @property
    def tokens(self) -> list[Token]:
        return [t for c in self.clauses for t in c.tokens]


@dataclass(slots=True)
class Line:
    start: int
    end: int
    kind: str  # "body", "title", "caption", "dateline", "furniture"
    dateline_end: int = -1


@lru_cache(maxsize=200_000)
def token_key(word: str) -> str:
    """The normalised form of one token, as the gazetteer indexes it."""
    key = normalize(word)
    return key


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [
        Token(m.start() + start, m.end() + start, m.group(), token_key(m.group()))
        for m in TOKEN.finditer(text[start:end])
    ]


def _classify(text: str, start: int, end: int, index: int, previous: set[str]) -> Line:
    line = text[start:end]
    stripped = line.strip()
    if not stripped:
        return Line(start, end, "furniture")
    if stripped in previous or _CAPTION.search(stripped):
        return Line(start, end, "caption")
    dateline = _DATELINE.match(line)
    if dateline and len(dateline.group("where").split()) <= 4:
        return Line(start, end, "dateline" if len(stripped) <= dateline.end() + 2 else "body", start + dateline.end())
    if not _SENTENCE_PUNCTUATION.search(stripped) and len(stripped) < 120:
        return Line(start, end, "title" if index == 0 else "furniture")
    return Line(start, end, "body")


def lines(text: str) -> list[Line]:
    """The article's lines, each classed as body, title, caption, dateline or page furniture."""
    out: list[Line] = []
    seen: set[str] = set()
    position = 0
    first = True
    for raw in text.split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        line = _classify(text, start, end, 0 if first else 1, seen)
        if raw.strip():
            first = False
            seen.add(raw.strip())
        out.append(line)
    return out


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION.search(text[cursor : m.start()]):
            continue
        if m.start() > cursor:
            spans.append((cursor, m.start()))
        cursor = m.end()
    if cursor < end:
        spans.append((cursor, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentences(text: str, line: Line, index: int) -> list[Sentence]:
    """Sentences of one line, each cut into clauses at commas, semicolons and dashes."""
    begin = max(line.start, line.dateline_end)
    out = []
    for s, e in _sentence_spans(text, begin, line.end):
        sentence = Sentence(s, e, index)
        cursor = s
        for m in _CLAUSE_BREAK.finditer(text, s, e):
            if m.start() > cursor:
                sentence.clauses.append(Clause(cursor, m.start(), tokens(text, cursor, m.start())))
            cursor = m.end()
        if cursor < e:
            sentence.clauses.append(Clause(cursor, e, tokens(text, cursor, e)))
        sentence.clauses = [c for c in sentence.clauses if c.tokens]
        if sentence.clauses:
            out.append(sentence)
    return out

"""Whole numbers as news reports write them, in digits or in Arabic and English words.

Casualty figures arrive as "3", "٣", "2,500", "ثلاثة", "خمسة وعشرين", "3 آلاف",
"twenty-five" or "two dozen", often hedged ("نحو 20", "at least 20"). Each
mention keeps its offsets in the original text, so a figure can be shown as
evidence. Matching runs on a folded copy of the text (the gazetteer's Arabic
folding, one character for one character, plus Latin lower case) whose
offsets map back to the original.

Deliberately not numbers: decimals ("2.5"), digits glued to Latin letters
("F-16", "M4", "24h"), times and dates written with ":" or "/", percentages,
vague plurals ("مئات", "dozens", "several"; casualty reading has its own
conventions for those) and Arabic duals (their noun decides whether they count).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from gazetteer.normalize import normalize


@dataclass(frozen=True)
class NumberMention:
    """A whole number in the text: [start, end) spans the figure and any hedge written with it."""

    start: int
    end: int
    value: int
    approximate: bool


class Folded(NamedTuple):
    """Folded text, and where in it the characters folding dropped would have stood."""

    text: str
    dropped: list[int]  # folded index of each dropped character, ascending

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) of a folded span; marks trailing its last letter stay inside."""
        if not self.dropped:
            return start, end
        return start + bisect_right(self.dropped, start), end + bisect_right(self.dropped, end)


def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {cp: chr(cp + 32) for cp in range(ord("A"), ord("Z") + 1)}
    arabic = [*range(0x0600, 0x0700), *range(0x0750, 0x0780)]
    invisible = [*range(0x200B, 0x2010), *range(0x202A, 0x202F), 0x2060, 0xFEFF]
    for cp in arabic + invisible:
        ch = chr(cp)
        key = normalize(ch)
        category = unicodedata.category(ch)
        if category[0] in "LN" and len(key) == 1:
            table[cp] = key
        elif category in ("Mn", "Me", "Cf", "Lm") and not key:
            table[cp] = None
    table[0x066B] = "."  # Arabic decimal separator
    table[0x066C] = ","  # Arabic thousands separator
    return table


_FOLD = _fold_table()
_DROPPED = re.compile("[" + "".join(re.escape(chr(cp)) for cp, to in _FOLD.items() if to is None) + "]")


def fold(text: str) -> Folded:
    """Diacritics, tatweel and invisible marks dropped; أإآ->ا, ى->ي, ة->ه, Arabic-Indic digits->ASCII; A-Z lower."""
    folded = text.translate(_FOLD)
    if len(folded) == len(text):
        return Folded(folded, [])
    return Folded(folded, [m.start() - k for k, m in enumerate(_DROPPED.finditer(text))])


class _Word(NamedTuple):
    kind: str
    value: int


def _arabic_lexicon() -> dict[str, _Word]:
    units = {
        1: "واحد واحده احد احدي",
        2: "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي",
        3: "ثلاثه ثلاث",
        4: "اربعه اربع",
        5: "خمسه خمس",
        6: "سته ست",
        7: "سبعه سبع",
        8: "ثمانيه ثماني ثمان",
        9: "تسعه تسع",
    }
    tens = ["عشرون", "ثلاثون", "اربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
    lexicon = {word: _Word("unit", value) for value, words in units.items() for word in words.split()}
    lexicon.update({"عشره": _Word("ten", 10), "عشر": _Word("ten", 10)})
    for i, word in enumerate(tens, start=2):
        lexicon[word] = lexicon[word[:-2] + "ين"] = _Word("tens", 10 * i)
    lexicon.update({"مائه": _Word("hundred", 100), "مئه": _Word("hundred", 100)})
    for word in ["مائتان", "مائتين", "مئتان", "مئتين", "مائتا", "مئتا", "مائتي", "مئتي"]:
        lexicon[word] = _Word("hundreds", 200)
    stems = {3: "ثلاث", 4: "اربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان ثماني", 9: "تسع"}
    for value, words in stems.items():
        for stem in words.split():
            lexicon[stem + "مائه"] = lexicon[stem + "مئه"] = _Word("hundreds", 100 * value)
    lexicon.update({"الف": _Word("thousand", 1000), "الفا": _Word("thousand", 1000), "الاف": _Word("thousands", 1000)})
    lexicon.update({"الفان": _Word("hundreds", 2000), "الفين": _Word("hundreds", 2000)})
    lexicon.update({"مليون": _Word("million", 1_000_000), "ملايين": _Word("millions", 1_000_000)})
    lexicon["و"] = _Word("and", 0)
    return {fold(word).text: entry for word, entry in lexicon.items()}


def _english_lexicon() -> dict[str, _Word]:
    units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"]
    teens.append("nineteen")
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    lexicon = {word: _Word("unit", i) for i, word in enumerate(units, start=1)}
    lexicon.update({word: _Word("teen", i) for i, word in enumerate(teens, start=10)})
    lexicon.update({word: _Word("tens", 10 * i) for i, word in enumerate(tens, start=2)})
    lexicon.update(
        {
            "hundred": _Word("hundred", 100),
            "thousand": _Word("thousand", 1000),
            "million": _Word("million", 1_000_000),
            "dozen": _Word("dozen", 12),
            "a": _Word("head", 1),
            "an": _Word("head", 1),
            "and": _Word("and", 0),
        }
    )
    return lexicon


_ARABIC = _arabic_lexicon()
_ENGLISH = _english_lexicon()


def _arabic_forms() -> dict[str, tuple[int, _Word]]:
    """Every Arabic number word with the proclitics it may carry, mapped to (proclitic length, word)."""
    forms = {word: (0, entry) for word, entry in _ARABIC.items()}
    for conjunction in ("", "و", "ف"):
        for preposition in ("", "ب", "ل", "ك"):
            prefix = conjunction + preposition
            for word, entry in _ARABIC.items():
                if not prefix or entry.kind == "and" or (word == "ست" and preposition):
                    continue  # "لست" is "I am not", never "for six"
                forms.setdefault(prefix + word, (len(prefix), entry))
    return forms


_ARABIC_FORMS = _arabic_forms()

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*")
_INTEGER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_LATIN_BEFORE = re.compile(r"[a-z][-‐]?$")
_DIGIT_GLUE_AFTER = re.compile(r"[^\W\d_]|[-‐][^\W\d_]|[:/]\d|\s*[%٪]")
_DIGIT_GLUE_BEFORE = re.compile(r"\d[:/]$")
_GLUED_PROCLITIC = re.compile(r"(?<![^\W\d_])(?:[وف][بلك]?|[بلك])$")

_APPROX_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:[وفب]?(?:نحو|حوالي|قرابه|زهاء)|(?:ما )?(?:لا يقل|يزيد|يربو|يفوق|يقارب|يناهز)(?: (?:عن|علي))?"
    r"|[وب]?(?:اكثر|اقل) من"
    r"|at least|about|around|approximately|nearly|almost|more than|over|some|up to|roughly|as many as"
    r"|an estimated|upwards of|no fewer than|no less than|fewer than|less than|close to|at most)\s+$"
)
_APPROX_AFTER = re.compile(r"\s+(?:علي الاقل|or more|at least)(?![^\W\d_])")


class _Token(NamedTuple):
    start: int  # where the written word starts, proclitics included
    value_start: int  # where the number itself starts
    end: int
    kind: str
    value: int
    joined: bool  # Arabic "و" proclitic: this word continues a compound ("خمسة وعشرين")


def _digit_token(text: str, start: int, end: int) -> _Token | None:
    if not _INTEGER.fullmatch(text, start, end):
        return None
    if _DIGIT_GLUE_AFTER.match(text, end) or _DIGIT_GLUE_BEFORE.search(text, max(0, start - 2), start):
        return None
    before = text[max(0, start - 3) : start]
    if _LATIN_BEFORE.search(before):
        return None
    if before[-1:].isalpha() and not _GLUED_PROCLITIC.search(text, max(0, start - 2), start):
        return None  # only "و900", "ب24": digits glued to a word are part of a name or a code
    return _Token(start, start, end, "digits", int(text[start:end].replace(",", "")), False)


def _arabic_token(word: str, start: int, end: int) -> _Token | None:
    form = _ARABIC_FORMS.get(word)
    if form is None:
        return None
    cut, entry = form
    return _Token(start, start + cut, end, entry.kind, entry.value, cut == 1 and word[0] in "وف")


def _english_tokens(word: str, start: int, end: int) -> list[_Token] | None:
    if entry := _ENGLISH.get(word):
        return [_Token(start, start, end, entry.kind, entry.value, False)]
    parts = word.split("-")
    if len(parts) != 2 or parts[0] not in _ENGLISH or parts[1] not in _ENGLISH:
        return None
    first, second = _ENGLISH[parts[0]], _ENGLISH[parts[1]]
    if first.kind != "tens" or second.kind != "unit":
        return None
    return [_Token(start, start, end, "tens", first.value + second.value, False)]


def _tokens(text: str, arabic: bool, english: bool) -> list[_Token]:
    """Number words and digit groups in reading order (whatever stands between them is read from the text)."""
    out: list[_Token] = []
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if word[0].isdigit():
            out.append(_digit_token(text, start, end) or _Token(start, start, end, "void", 0, False))
        elif arabic and not word.isascii():
            if token := _arabic_token(word, start, end):
                out.append(token)
        elif english and word.isascii() and (tokens := _english_tokens(word, start, end)):
            out.extend(tokens)
    return out


_LARGE = ("thousand", "thousands", "million", "millions")
_MULTIPLIERS = ("hundred", "hundreds", *_LARGE)


class _Reading:
    """One number being read token by token: `take` adds a token when it can continue the number.

    Arabic puts units before tens ("خمسة وعشرون") and joins every part with "و";
    English puts tens first ("twenty-five") and joins with "and" only after a
    multiplier ("two hundred and fifty"). Teens are "unit + عشر" in Arabic.
    """

    def __init__(self) -> None:
        self.total = 0
        self.current = 0
        self.last = ""

    @property
    def value(self) -> int:
        return self.total + self.current

    def take(self, kind: str, value: int, joined: bool) -> bool:
        if not self.last:
            taken = self._begin(kind, value)
        else:
            step = self._STEPS.get(kind)
            taken = step is not None and step(self, value, joined)
        if taken:
            self.last = kind
        return taken

    def _begin(self, kind: str, value: int) -> bool:
        if kind in ("thousand", "million"):
            self.total = value
            return True
        if kind in ("unit", "teen", "ten", "tens", "digits", "hundreds", "head", "hundred", "dozen"):
            self.current = value
            return True
        return False

    def _add(self, value: int) -> bool:
        self.current += value
        return True

    def _after_multiplier(self) -> bool:
        return self.last in _MULTIPLIERS and self.current % 100 == 0

    def _unit(self, value: int, joined: bool) -> bool:
        if self.last == "tens" and not joined and self.current % 10 == 0:
            return self._add(value)  # "twenty five"
        return self._after_multiplier() and self._add(value)

    def _teen(self, value: int, joined: bool) -> bool:
        return self._after_multiplier() and self._add(value)

    def _ten(self, value: int, joined: bool) -> bool:
        if self.last == "unit" and not joined and 1 <= self.current <= 9:
            return self._add(10)  # "ثلاثة عشر"
        return joined and self._after_multiplier() and self._add(10)

    def _tens(self, value: int, joined: bool) -> bool:
        if joined and self.last == "unit" and 0 < self.current % 100 < 10:
            return self._add(value)  # "خمسة وعشرون"
        return self._after_multiplier() and self._add(value)

    def _hundred(self, value: int, joined: bool) -> bool:
        if not joined and self.last in ("unit", "teen", "head", "digits") and 0 < self.current < 20:
            self.current *= 100  # "ثلاث مئة", "fifteen hundred"
            return True
        return joined and self.last in ("thousand", "thousands") and self.current == 0 and self._add(100)

    def _hundreds(self, value: int, joined: bool) -> bool:
        return joined and self.last in ("thousand", "thousands") and self.current == 0 and self._add(value)

    def _multiply(self, value: int, joined: bool, plural: bool = False) -> bool:
        if joined or self.current == 0 or self.last in (*_LARGE, "dozen"):
            return False
        if plural and not 3 <= self.current <= 10:
            return False  # "آلاف" counts three to ten thousands
        self.total += self.current * value
        self.current = 0
        return True

    def _plural_multiply(self, value: int, joined: bool) -> bool:
        return self._multiply(value, joined, plural=True)

    def _dozen(self, value: int, joined: bool) -> bool:
        if self.last in ("unit", "head") and not joined:
            self.current *= 12
            return True
        return False

    _STEPS: dict[str, Callable[[_Reading, int, bool], bool]] = {
        "unit": _unit,
        "teen": _teen,
        "ten": _ten,
        "tens": _tens,
        "hundred": _hundred,
        "hundreds": _hundreds,
        "thousand": _multiply,
        "million": _multiply,
        "thousands": _plural_multiply,
        "millions": _plural_multiply,
        "dozen": _dozen,
    }


def _read(tokens: list[_Token], i: int, text: str) -> tuple[int | None, int]:
    """The value read from tokens[i:] and the index of the first token not used (None: no number here)."""
    reading = _Reading()
    k, used = i, i
    pending_and = False
    while k < len(tokens):
        token = tokens[k]
        if k > i and text[tokens[k - 1].end : token.start].strip(" \u00a0") not in ("", "-"):
            break
        if token.kind == "and" and reading.last:
            pending_and = True
            k += 1
            continue
        if not reading.take(token.kind, token.value, token.joined or pending_and):
            break
        pending_and = False
        k += 1
        used = k
    if reading.last in ("head", ""):
        return None, i + 1
    return reading.value, used


def _hedged(text: str, start: int, end: int) -> tuple[int, int, bool]:
    before = _APPROX_BEFORE.search(text, max(0, start - 24), start)
    after = _APPROX_AFTER.match(text, end)
    if before:
        start = before.start()
    if after:
        end = after.end()
    return start, end, bool(before or after)


def _orphan_multiplier(tokens: list[_Token], i: int, text: str) -> bool:
    """English "hundred"/"thousand" need a count before them; no multiplier may scale a rejected "1.5"."""
    token = tokens[i]
    if token.kind not in ("hundred", "thousand", "million"):
        return False
    previous = tokens[i - 1] if i else None
    adjacent = previous is not None and not text[previous.end : token.start].strip()
    return text[token.value_start].isascii() or (adjacent and previous.kind == "void")


def scan(text: str, language: str) -> list[NumberMention]:
    """Numbers in already-folded text, with offsets in that text (see `fold`)."""
    arabic = language != "en"
    english = language != "ar"
    tokens = _tokens(text, arabic, english)
    out = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind in ("and", "void") or _orphan_multiplier(tokens, i, text):
            i += 1
            continue
        value, nxt = _read(tokens, i, text)
        if value is not None:
            start, end, approximate = _hedged(text, token.value_start, tokens[nxt - 1].end)
            out.append(NumberMention(start, end, value, approximate))
        i = max(nxt, i + 1)
    return out


@lru_cache(maxsize=4096)
def _find(text: str, language: str) -> tuple[NumberMention, ...]:
    folded = fold(text)
    mentions = []
    for m in scan(folded.text, language):
        start, end = folded.span(m.start, m.end)
        mentions.append(NumberMention(start, end, m.value, m.approximate))
    return tuple(mentions)


def find_numbers(text: str, language: str) -> list[NumberMention]:
    """Every whole number written in `text`, in order, as offsets in `text`.

    `language` is "ar" or "en" and selects which number words are read (digits are
    always read; any other value reads both). A hedge written with the figure
    ("نحو 20", "at least 20", "more than 20", "20 على الأقل") marks it approximate
    and is part of its span; the value is the figure as stated.
    """
    return list(_find(text, language))

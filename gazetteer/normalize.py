"""One normaliser for place names, shared by the index and every query.

Arabic and Latin spellings of the same name must meet on one key: Arabic loses
its diacritics, letter variants and marks; Latin loses case, accents,
apostrophes and the common transliteration alternations (Ain/Ayn/Ein, ou/u,
ei/ay, doubled letters, al-/el-/ash-...). The index and the queries both go
through `normalize`, so whatever it folds, it folds on both sides.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARABIC_MARKS = [
    *range(0x0610, 0x061B),
    *range(0x064B, 0x0660),
    0x0670,
    *range(0x06D6, 0x06EE),
    0x0640,  # tatweel
]
_INVISIBLE = [
    0x200B,
    0x200C,
    0x200D,
    0x200E,
    0x200F,
    0x061C,
    0xFEFF,
    *range(0x202A, 0x202F),
]
_LETTERS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ک": "ك",
    "گ": "ك",
}
_APOSTROPHES = "'‘’`ʿʾʼ´ʹ"
_TABLE = str.maketrans(
    {
        **{cp: None for cp in _ARABIC_MARKS + _INVISIBLE},
        **{ord(a): b for a, b in _LETTERS.items()},
        **{0x0660 + d: str(d) for d in range(10)},
        **{0x06F0 + d: str(d) for d in range(10)},
        **{ord(c): None for c in _APOSTROPHES},
    }
)
_SEPARATORS = re.compile(r"[\s\-‐-―_.,;:/\\()\[\]\"«»،؛#@!?؟]+")
LATIN_ARTICLES = frozenset(
    [
        "al",
        "el",
        "il",
        "ul",
        "ad",
        "ed",
        "ud",
        "ash",
        "esh",
        "ush",
        "as",
        "es",
        "us",
        "az",
        "ez",
        "uz",
        "ar",
        "er",
        "ur",
        "at",
        "et",
        "ut",
        "an",
        "en",
        "un",
        "ath",
        "adh",
    ]
)
_DOUBLED = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=100_000)
def _fold_latin_token(token: str) -> str:
    """Ain/Ayn/Ein, ou/u, ei/ay, q/k, doubled letters and a final -ah/-eh meet on one spelling."""
    token = _DOUBLED.sub(r"\1", token)
    token = token.replace("ou", "u").replace("ai", "ay").replace("ei", "ay").replace("ey", "ay").replace("q", "k")
    if len(token) > 3 and token.endswith(("ah", "eh")):
        token = token[:-2] + "a"
    return token


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """The canonical key of a name: tokens joined by single spaces, articles kept as "al"/"ال"."""
    text = unicodedata.normalize("NFKC", text).translate(_TABLE).casefold()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        text = unicodedata.normalize("NFC", text).translate(_TABLE)
    tokens = _SEPARATORS.sub(" ", text).split()
    out = []
    for i, token in enumerate(tokens):
        if token.isascii() and token.isalpha():
            if token in LATIN_ARTICLES and i + 1 < len(tokens):
                token = "al"
            else:
                token = _fold_latin_token(token)
        out.append(token)
    return " ".join(out)


def without_article(key: str) -> str:
    """The key with a leading article dropped ("al anbar" -> "anbar", "الانبار" -> "انبار"), or the key."""
    if key.startswith("al ") and len(key) > 5:
        return key[3:]
    if key.startswith("ال") and len(key.split(" ", 1)[0]) > 3:
        return key[2:]
    return key


def without_spaces(key: str) -> str:
    return key.replace(" ", "")


def written_keys(key: str) -> set[str]:
    """Keys of a normalised name as written: with and without inner spaces (البو كمال / البوكمال)."""
    return {key, without_spaces(key)}


def index_keys(name: str) -> set[str]:
    """Every key a name is indexed under: as written, without its article, and without inner spaces."""
    key = normalize(name)
    if not key:
        return set()
    return written_keys(key) | written_keys(without_article(key))


_PROCLITIC_CONJUNCTIONS = "وف"
_PROCLITIC_PREPOSITIONS = "بكل"


@lru_cache(maxsize=200_000)
def _proclitic_forms(word: str) -> tuple[str, ...]:
    return tuple(_strip_proclitics(word))


def proclitic_forms(word: str) -> list[str]:
    """Readings of an Arabic word with its attached proclitics stripped, least-stripped first (cached)."""
    return list(_proclitic_forms(word))


def _strip_proclitics(word: str) -> list[str]:
    """Readings of an Arabic word with its attached proclitics stripped, least-stripped first.

    "والأنبار" -> ["والانبار", "الانبار"]; "للعراق" -> ["للعراق", "العراق"];
    "وبالموصل" -> ["وبالموصل", "بالموصل", "الموصل"].
    """
    forms = [word]
    stem = word
    if len(stem) > 3 and stem[0] in _PROCLITIC_CONJUNCTIONS:
        stem = stem[1:]
        forms.append(stem)
    if len(stem) > 3 and stem.startswith("لل"):
        forms.append("ال" + stem[2:])
    elif len(stem) > 3 and stem[0] in _PROCLITIC_PREPOSITIONS:
        forms.append(stem[1:])
    return forms


def is_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)

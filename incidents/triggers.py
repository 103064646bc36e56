"""Event triggers: the words that say something happened, and the words that say it did not.

A trigger names an event ("غارة", "clashes", "shot down") or a generic attack
("هجوم", "targeted") whose kind the weapon decides ("بطائرة مسيرة": a drone
strike). Weapons refine a trigger; an impact verb with a weapon ("سقط صاروخ",
"a rocket hit") is a trigger too. A trigger is set aside when its context says
the event did not happen or is not new: negated, threatened or planned,
stopped, pointed back to ("هذين الهجومين", "this attack"), or figurative
("هجوم سياسي", "a workers' strike", "a blow to the economy").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gazetteer.normalize import normalize, proclitic_forms

from .text import Token

DATA = Path(__file__).parent / "data"
MAX_TRIGGER_TOKENS = 4


def _keys(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split("|") if w)


NEGATIONS = _keys("لم|لن|لا|ليس|ليست|دون|بدون|عدم|نفى|نفت|ينفي|تنفي|no|not|never|without|denied|denies|deny|nor")
FUTURES = _keys(
    "هدد|هددت|يهدد|تهدد|توعد|توعدت|يتوعد|سوف|قد|يعتزم|تعتزم|تخطط|يخطط|محتمل|محتملة|تحذير|حذر|حذرت|خشية|مخاوف|"
    "will|would|could|may|might|threatened|threatens|threaten|vowed|vows|plan|plans|planned|planning|warned|warns|"
    "possible|potential|fears|feared|prepare|preparing|intend|intends"
)
CESSATIONS = _keys(
    "توقف|توقفت|توقيف|وقف|إيقاف|ايقاف|تعليق|علقت|هدنة|إنهاء|انهاء|تجميد|"
    "halt|halted|halting|stop|stopped|stopping|suspend|suspended|pause|paused|ceasefire|truce|end|ended|ending|ceased"
)
DEMONSTRATIVES = _keys("هذا|هذه|هذين|هذان|ذلك|تلك|هاتين|هاتان|this|these|that|those|such|same")
FIGURATIVE_AFTER = _keys(
    "سياسي|سياسية|إعلامي|إعلامية|اعلامي|اعلامية|لاذع|لاذعا|حاد|حادا|كلامي|الكتروني|إلكتروني|سيبراني|قاسية|"
    "للاقتصاد|للعملية|لجهود|للحكومة|للمفاوضات|للسياحة|للاستثمار|لصناعة|للقطاع|اقتصادية|معنوية|"
    "deal|balance|agreement|chord|pose|note|action"
)
FIGURATIVE_BEFORE = _keys(
    "heart|political|verbal|personal|cyber|scathing|blistering|hunger|general|workers|labour|labor|teachers|"
    "doctors|nurses|nationwide|union|lucky|panic|asthma|anxiety|economic|media|legal|"
    "إضراب|اضراب|عمال|مذكرة|مذكرات|رسالة|note|letter"
)
_LABOUR_STRIKE_AFTER = _keys("action|ballot|pay|wages|workers")


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # "attack", "event", "impact", "kill", "weapon"
    sub_event_type: str
    weapon: str


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    first: int
    last: int
    text: str
    entry: Entry
    blocked: str = ""  # "", "negated", "future", "cessation", "anaphoric", "figurative"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, Entry]]:
    """Normalised surface form -> entry, per language (multiword forms joined by spaces)."""
    table: dict[str, dict[str, Entry]] = {"ar": {}, "en": {}}
    with (DATA / "triggers.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            entry = Entry(row["kind"], row["sub_event_type"], row["weapon"])
            for form in row["forms"].split("|"):
                key = normalize(form.replace("-", " "))
                if key:
                    table[row["language"]].setdefault(key, entry)
    return table


_SUFFIXES = ("هما", "هم", "ها", "ه", "ا")


@lru_cache(maxsize=100_000)
def arabic_readings(key: str) -> tuple[str, ...]:
    """A token's readings without proclitics, article and pronoun suffix, most literal first."""
    out: list[str] = []
    for form in proclitic_forms(key):
        out.append(form)
        if form.startswith("ال") and len(form) > 4:
            out.append(form[2:])
    for form in list(out):
        for suffix in _SUFFIXES:
            if form.endswith(suffix) and len(form) - len(suffix) >= 3:
                out.append(form[: -len(suffix)])
                break
    return tuple(dict.fromkeys(out))


def _readings(token: Token, language: str) -> tuple[str, ...]:
    return arabic_readings(token.key) if language == "ar" else (token.key,)


def find_triggers(text: str, toks: list[Token], language: str) -> list[Trigger]:
    """Triggers and weapons in a run of tokens, longest match first, each with its blocking reason if any."""
    table = lexicon()[language]
    out: list[Trigger] = []
    i = 0
    while i < len(toks):
        match = _match(toks, i, table, language)
        if match is None:
            i += 1
            continue
        n, entry = match
        first, last = i, i + n - 1
        out.append(
            Trigger(
                start=toks[first].start,
                end=toks[last].end,
                first=first,
                last=last,
                text=text[toks[first].start : toks[last].end],
                entry=entry,
                blocked=_blocked(toks, first, last, entry, language),
            )
        )
        i += n
    return out


@lru_cache(maxsize=2)
def _starts(language: str) -> dict[str, int]:
    """First word of each trigger form -> the most words a form starting with it has."""
    starts: dict[str, int] = {}
    for form in lexicon()[language]:
        first, _, rest = form.partition(" ")
        starts[first] = max(starts.get(first, 0), rest.count(" ") + 2 if rest else 1)
    return starts


def _match(toks: list[Token], i: int, table: dict[str, Entry], language: str):
    starts = _starts(language)
    best = None
    for reading in _readings(toks[i], language):
        for n in range(min(starts.get(reading, 0), MAX_TRIGGER_TOKENS, len(toks) - i), 0, -1):
            if best is not None and n <= best[0]:
                break
            entry = table.get(" ".join([reading, *(t.key for t in toks[i + 1 : i + n])]))
            if entry is not None:
                best = (n, entry)
                break
    return best


def _bare(token: Token, language: str) -> set[str]:
    return set(_readings(token, language))


def _blocked(toks: list[Token], first: int, last: int, entry: Entry, language: str) -> str:
    before = toks[max(0, first - 3) : first]
    before_keys = set().union(*(_bare(t, language) for t in before)) if before else set()
    if before_keys & NEGATIONS:
        return "negated"
    if before_keys & FUTURES or (language == "ar" and _future_verb(toks[first].key)):
        return "future"
    if before_keys & CESSATIONS:
        return "cessation"
    if first > 0 and _bare(toks[first - 1], language) & DEMONSTRATIVES:
        return "anaphoric"
    if entry.kind in ("attack", "event") and entry.weapon != "drone":
        after = toks[last + 1 : last + 3]
        after_keys = set().union(*(_bare(t, language) for t in after)) if after else set()
        near_before = set().union(*(_bare(t, language) for t in toks[max(0, first - 2) : first])) if first else set()
        if after_keys & FIGURATIVE_AFTER or near_before & FIGURATIVE_BEFORE:
            return "figurative"
        if language == "en" and toks[first].key in ("strike", "strikes") and _labour_strike(toks, first, last):
            return "figurative"
    return ""


def _labour_strike(toks: list[Token], first: int, last: int) -> bool:
    before = [t.key for t in toks[max(0, first - 2) : first]]
    after = [t.key for t in toks[last + 1 : last + 2]]
    return "on" in before or "went" in before or "call" in before or bool(set(after) & _LABOUR_STRIKE_AFTER)


def _future_verb(key: str) -> bool:
    """An Arabic imperfect verb with the future prefix س ("سيستهدف", "ستشن")."""
    stem = key[1:] if key[:1] in "وف" else key
    return len(stem) > 4 and stem[0] == "س" and stem[1] in "يتن"

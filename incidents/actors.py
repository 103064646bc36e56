"""Who did it and to whom: armed actors, civilians, protesters and rioters named in the text, as ACLED names them.

ACLED's actor columns (actor1, inter1, actor2, ...) take a fixed vocabulary, so a
mention is read into ACLED's own actor name and inter code rather than kept as
written. Two sources of actors:

* the lexicon in `data/actors.csv`: one row per actor with its English and
  Arabic surface forms ("Kataib Hezbollah", "كتائب حزب الله"), matched through
  `gazetteer.normalize`, Arabic forms also with attached proclitics (و ف ب ل ك)
  and without their article ("الحوثيين" also matches "بالحوثيين" and "حوثيين");
* a generic rule for state forces: a force noun with a nationality ("قوات
  أميركية", "الجيش العراقي", "جنود أميركيون", "U.S. troops", "Nigerian
  soldiers", "Turkey's army") is "Military Forces of <Country>" (or "Police
  Forces of <Country>" for police), so a country needs no row of its own. A
  nationality alone ("مسؤول أميركي", "the Iraqi government") is no actor.

The longest reading wins and mentions never overlap: "كتائب حزب الله" is
Kataib Hezbollah and not Hezbollah, "الجيش الوطني السوري" the Syrian National
Army and not the Syrian army.

Naming follows ACLED with two deliberate differences. ACLED dates state actors
by government ("Military Forces of Iraq (2022-)"); the periods are left out
here, since the text rarely says which government was in office and ACLED's
periods change with every new one. A unit follows its parent force as in ACLED,
only without the period between them: "Military Forces of Iran Islamic
Revolutionary Guard Corps" is ACLED's "Military Forces of Iran (1989-) Islamic
Revolutionary Guard Corps", and the Houthis, whom ACLED codes as the de facto
state in Sanaa, are "Military Forces of Yemen Houthi". The Islamic State is
"Islamic State" with no country, where ACLED writes "Islamic State (Iraq)",
"Islamic State (Syria)".

Actors whose country the text leaves open (gunmen, civilians, protesters,
rioters) come back with an empty country and a bare name ("Civilians"); once
the event's country is known, `civilians("Iraq")` and its siblings give the
ACLED actor.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from gazetteer.demonyms import demonym_country, demonym_table
from gazetteer.normalize import LATIN_ARTICLES, is_arabic, normalize, proclitic_forms

_ACTORS_CSV = Path(__file__).parent / "data" / "actors.csv"

_INTER_BY_KIND = {
    "state": 1,
    "rebel": 2,
    "militia": 3,
    "identity": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external": 8,
}
_EXTERNAL = 8
_UNIDENTIFIED = "Unidentified Armed Group"
_ARMED_KINDS = frozenset({"state", "rebel", "militia", "identity", "external"})


@dataclass(frozen=True)
class Actor:
    """An ACLED actor: what goes in actor1/actor2, with the inter code for inter1/inter2."""

    name: str  # ACLED actor name, e.g. "Military Forces of the United States"
    inter: int  # ACLED inter code for the actor in its home country
    country: str  # ISO code of the actor's home state ("" for transnational groups such as IS)
    kind: str  # "state", "rebel", "militia", "identity", "rioters", "protesters", "civilians", "external"


@dataclass(frozen=True)
class ActorMention:
    """Where the text names an actor: character offsets and the words as written."""

    start: int
    end: int
    text: str
    actor: Actor


# --- naming -------------------------------------------------------------------------------------

# ACLED's spelling where it differs from the gazetteer's country name.
_ACLED_COUNTRY_NAMES = {
    "TR": "Turkey",
    "PS": "Palestine",
    "MM": "Myanmar",
    "CI": "Ivory Coast",
    "CZ": "Czech Republic",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "SZ": "eSwatini",
    "TL": "East Timor",
    "BA": "Bosnia and Herzegovina",
}
_WITH_THE = frozenset({"US", "GB", "AE", "NL", "PH", "CD", "CG", "CF"})


@lru_cache(maxsize=512)
def _country_name(code: str) -> str:
    """The country's name as ACLED writes it in actor names ("Turkey", "Palestine")."""
    if code in _ACLED_COUNTRY_NAMES:
        return _ACLED_COUNTRY_NAMES[code]
    import gazetteer

    place = gazetteer.default().country(code)
    return place.name if place else code


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    """Normalised country name (the gazetteer's and ACLED's) -> ISO code."""
    import gazetteer

    gaz = gazetteer.default()
    table = {}
    for code in gaz.index.country_places:
        table[normalize(_country_name(code))] = code
        place = gaz.country(code)
        if place:
            table.setdefault(normalize(place.name), code)
    return table


def _state_forces(code: str, police: bool = False) -> Actor:
    the = "the " if code in _WITH_THE else ""
    branch = "Police" if police else "Military"
    return Actor(f"{branch} Forces of {the}{_country_name(code)}", 1, code, "state")


def _group(kind: str, label: str, country_name: str) -> Actor:
    code = _codes_by_name().get(normalize(country_name), "")
    name = _country_name(code) if code else country_name
    return Actor(f"{label} ({name})", _INTER_BY_KIND[kind], code, kind)


def unidentified_armed_group(country_name: str) -> Actor:
    """ACLED's actor for armed men nobody named: "Unidentified Armed Group (Iraq)", inter 3."""
    return _group("militia", _UNIDENTIFIED, country_name)


def civilians(country_name: str) -> Actor:
    """ACLED's civilian actor for a country: "Civilians (Iraq)", inter 7."""
    return _group("civilians", "Civilians", country_name)


def protesters(country_name: str) -> Actor:
    """ACLED's protester actor for a country: "Protesters (Iraq)", inter 6."""
    return _group("protesters", "Protesters", country_name)


def rioters(country_name: str) -> Actor:
    """ACLED's rioter actor for a country: "Rioters (Iraq)", inter 5."""
    return _group("rioters", "Rioters", country_name)


_GROUP_MAKERS = {"civilians": civilians, "protesters": protesters, "rioters": rioters}


def _classed_actor(noun_class: str, code: str) -> Actor:
    if noun_class in _GROUP_MAKERS:
        return _GROUP_MAKERS[noun_class](_country_name(code))
    return _state_forces(code, police=noun_class == "police")


def inter_in(actor: Actor, event_country: str) -> int:
    """The actor's inter code in an event in `event_country` (ISO code).

    ACLED codes a state's forces acting abroad as External/Other forces (8):
    US forces in Iraq are 8, in the United States 1. Other actors keep their code.
    """
    abroad = bool(actor.country and event_country) and actor.country.upper() != event_country.upper()
    return _EXTERNAL if actor.kind == "state" and abroad else actor.inter


# --- tokens -------------------------------------------------------------------------------------

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_WORD = re.compile(rf"[A-Za-z](?:\.[A-Za-z])+\.?|[\w{_MARKS}]+(?:['’][\w{_MARKS}]+)*")  # "U.S." is one word
_SPLIT = re.compile(f"({_WORD.pattern})")
_BREAK = re.compile(r"[.!?؟،,;؛:()\[\]\n]")


@dataclass(slots=True)
class _Tokens:
    """A text's words as parallel lists, far cheaper to build than an object per word."""

    start: list[int]
    end: list[int]
    first: list[tuple[str, ...]]  # readings when the word starts a mention
    rest: list[tuple[str, ...]]  # readings when it continues one
    arabic: list[bool]
    joined: list[bool]  # no sentence or clause punctuation between the word and the one before

    def __len__(self) -> int:
        return len(self.start)


@lru_cache(maxsize=200_000)
def _readings(word: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """A word's readings: Arabic with its proclitics stripped; Latin as an acronym ("US", "IS") and as a word."""
    key = normalize(word)
    if is_arabic(word):
        return tuple(proclitic_forms(key)), (key,), True
    if key in LATIN_ARTICLES:
        key = "al"
    bare = word.replace(".", "")
    if len(bare) > 1 and bare.isupper() and bare.isalpha():
        return (bare, key), (bare, key), False
    return (key,), (key,), False


def _tokens(text: str) -> _Tokens:
    parts = _SPLIT.split(text)  # gap, word, gap, word, ..., gap
    n = len(parts) // 2
    bounds = list(accumulate(map(len, parts), initial=0))
    readings = list(map(_readings, parts[1::2]))
    joined = [gap == " " or not _BREAK.search(gap) for gap in parts[0 : 2 * n : 2]]
    if joined:
        joined[0] = False
    return _Tokens(
        start=bounds[1 : 2 * n : 2],
        end=bounds[2 : 2 * n + 1 : 2],
        first=[r[0] for r in readings],
        rest=[r[1] for r in readings],
        arabic=[r[2] for r in readings],
        joined=joined,
    )


def _canonical(phrase: str) -> tuple[str, ...]:
    """A lexicon form as the keys its tokens read as: acronyms stay acronyms, Arabic words stay whole."""
    return tuple(_readings(m.group())[1][0] for m in _WORD.finditer(phrase))


# --- lexicon ------------------------------------------------------------------------------------

_END = ""  # the trie key under which a complete form keeps its actor
_Span = tuple[int, int, Actor]  # a mention as (first token, end token, actor)
_Reading = tuple[int, list[_Span]]  # a reading at a token: where it ends and the mentions it makes


@lru_cache(maxsize=1)
def _rows() -> list[tuple[str, Actor, list[str]]]:
    """The rows of `data/actors.csv` as (key, actor, surface forms), each checked against ACLED's inter codes."""
    rows = []
    with _ACTORS_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            actor = Actor(row["acled_name"], int(row["inter"]), row["country"], row["kind"])
            if _INTER_BY_KIND.get(actor.kind) != actor.inter:
                raise ValueError(f"actors.csv: {row['key']} has kind {actor.kind!r} but inter {actor.inter}")
            forms = [f for f in (row["english"] + "|" + row["arabic"]).split("|") if f.strip()]
            rows.append((row["key"], actor, forms))
    return rows


@lru_cache(maxsize=1)
def _trie() -> dict:
    """Token trie of every surface form; Arabic forms with a leading article also without it."""
    root: dict = {}
    for _, actor, forms in _rows():
        for form in forms:
            keys = _canonical(form)
            variants = [keys]
            if keys and is_arabic(keys[0]) and keys[0].startswith("ال") and len(keys[0]) > 4:
                variants.append((keys[0][2:], *keys[1:]))
            for variant in variants:
                node = root
                for key in variant:
                    node = node.setdefault(key, {})
                node.setdefault(_END, actor)
    return root


def _lexicon_match(toks: _Tokens, i: int) -> tuple[int, Actor] | None:
    """The longest lexicon form starting at token i, as (end token, actor)."""
    root = _trie()
    best = None
    for reading in toks.first[i]:
        node = root.get(reading)
        k = i + 1
        while node is not None:
            if _END in node and (best is None or k > best[0]):
                best = (k, node[_END])
            if k == len(toks) or not toks.joined[k]:
                break
            node = next((node[r] for r in toks.rest[k] if r in node), None)
            k += 1
    return best


# --- the generic rule: force noun + nationality ---------------------------------------------------


def _keyset(words: str) -> frozenset[str]:
    return frozenset(" ".join(_canonical(w)) for w in words.split("|"))


class _Nouns(NamedTuple):
    classes: dict[str, str]  # normalised noun phrase -> "military", "police", "civilians", ...
    first_words: frozenset[str]


def _classes(**groups: str) -> _Nouns:
    classes = {key: name for name, words in groups.items() for key in _keyset(words)}
    return _Nouns(classes, frozenset(key.split(" ", 1)[0] for key in classes))


_AR_NOUNS = _classes(
    military="قوات|القوات|قوة|القوة|جيش|الجيش|جنود|الجنود|جندي|الجندي|جنديين|جنديان|عسكريين|عسكريون|العسكريين|"
    "العسكريون|ضباط|الضباط|ضابط|الضابط|البحرية|الطيران|طيران|سلاح الجو|مقاتلات|المقاتلات|طائرات حربية|"
    "الطائرات الحربية|طائرة حربية|الطائرة الحربية",
    police="الشرطة|شرطة|الشرطي|شرطي|عناصر الشرطة|رجال الشرطة|أفراد الشرطة",
    civilians="مدنيين|مدنيون|المدنيين|المدنيون",
    protesters="متظاهرين|متظاهرون|المتظاهرين|المتظاهرون|محتجين|محتجون|المحتجين|المحتجون",
    rioters="مثيري الشغب|مثيرو الشغب|مشاغبين|المشاغبين",
)
_AR_MODIFIERS = _keyset(
    "المسلحة|مسلحة|البرية|برية|الجوية|جوية|البحرية|بحرية|الخاصة|خاصة|الحربي|حربي|الحربية|حربية|الأمن|أمن|الأمنية|"
    "أمنية|النظامية|نظامية|العسكرية|عسكرية|الحكومية|حكومية|الحكومة|النظام|الاحتلال|الاتحادية|الاتحادي|المقاتلة|"
    "مقاتلة|المشتركة|مشتركة"
)
# Singular nouns agree with their nationality: "الجيش الأميركي", "قوة عراقية"; "شركة الطيران التركية" is an airline.
_AR_MASCULINE = _keyset("جيش|الجيش|جندي|الجندي|ضابط|الضابط|الطيران|طيران|سلاح الجو|الشرطي|شرطي")
_AR_FEMININE = _keyset("قوة|القوة|البحرية|الشرطة|شرطة|طائرة حربية|الطائرة الحربية")
# Nouns that are also adjectives ("military"): after these words they describe a person, not a force.
_AR_ADJECTIVAL = _keyset("عسكريين|عسكريون|العسكريين|العسكريون")
_AR_PERSON_BEFORE = _keyset(
    "مسؤول|مسؤولين|مسؤولون|المسؤولين|المسؤولون|مصدر|مصادر|متحدث|المتحدث|ناطق|خبير|خبراء|محلل|محللين|ملحق"
)
_AR_ORIGIN_AFTER = _keyset("الصنع|المنشأ|صنع")
# Nationality words that are more often something else: "مالي" is Malian but mostly "financial".
_AR_AMBIGUOUS_NATIONALITIES = frozenset(k for k, code in demonym_table().items() if code == "ML" and is_arabic(k))

_EN_NOUNS = _classes(
    military="forces|force|troops|soldiers|soldier|army|military|servicemen|serviceman|servicemembers|"
    "service members|service member|marines|navy|air force|warplanes|jets|fighter jets",
    police="police|policemen|policeman|police officers|police officer|police forces|police force",
    civilians="civilians",
    protesters="protesters|protestors|demonstrators",
    rioters="rioters",
)
_EN_MODIFIERS = _keyset("armed|security|special|ground|naval|government|regime|occupation|elite|federal|military")
_EN_BLOCK_BEFORE = _keyset("pro|anti")
_EN_BLOCK_AFTER = _keyset(
    "official|officials|spokesman|spokesperson|spokeswoman|source|sources|analyst|analysts|expert|experts|aid|"
    "assistance|support|sales|spending|budget|contractor|contractors|court"
)
_EN_AND = _keyset("and")
_EN_ACRONYMS = {"US": "US", "UK": "GB"}
_MAX_NOUN_TOKENS = 2
_MAX_MODIFIERS = 3


@lru_cache(maxsize=1)
def _english_nationalities() -> dict[str, str]:
    """Normalised English nationality words and country possessives ("israels", "saudi arabias") -> ISO code."""
    table = {k: code for k, code in demonym_table().items() if k.isascii() and not k.endswith(" led")}
    for name, code in _codes_by_name().items():
        if name.isascii():
            table.setdefault(name if name.endswith("s") else name + "s", code)
    return table


@lru_cache(maxsize=1)
def _english_first_words() -> frozenset[str]:
    return frozenset(key.split(" ", 1)[0] for key in _english_nationalities())


def _noun_at(toks: _Tokens, i: int, nouns: _Nouns) -> tuple[int, str, str] | None:
    """A force/group noun starting at token i, as (end token, class, noun key), longest first."""
    readings = [r for r in toks.first[i] if r in nouns.first_words]
    if not readings:
        return None
    for n in range(min(_MAX_NOUN_TOKENS, len(toks) - i), 0, -1):
        if any(not toks.joined[k] for k in range(i + 1, i + n)):
            continue
        tail = [toks.rest[k][0] for k in range(i + 1, i + n)]
        for reading in readings:
            key = " ".join([reading, *tail])
            if key in nouns.classes:
                return i + n, nouns.classes[key], key
    return None


def _agrees(noun_key: str, nationality: str) -> bool:
    feminine = nationality.endswith(("ه", "تان", "تين"))
    if noun_key in _AR_MASCULINE:
        return not feminine
    if noun_key in _AR_FEMININE:
        return feminine
    return True


def _arabic_nationality(toks: _Tokens, i: int) -> str | None:
    if i >= len(toks) or not toks.joined[i]:
        return None
    key = toks.rest[i][0]
    if key in _AR_AMBIGUOUS_NATIONALITIES or not is_arabic(key):
        return None
    return demonym_country(key)


def _arabic_forces(toks: _Tokens, i: int) -> _Reading | None:
    """ "القوات الأميركية", "قوة عراقية", "القوات العراقية والأميركية": noun, modifiers, nationality."""
    noun = _noun_at(toks, i, _AR_NOUNS)
    if noun is None:
        return None
    j, noun_class, noun_key = noun
    if noun_key in _AR_ADJECTIVAL and i > 0 and toks.rest[i - 1][0] in _AR_PERSON_BEFORE:
        return None
    while j < len(toks) and j - noun[0] < _MAX_MODIFIERS and toks.joined[j] and toks.rest[j][0] in _AR_MODIFIERS:
        j += 1
    code = _arabic_nationality(toks, j)
    if code is None or not _agrees(noun_key, toks.rest[j][0]):
        return None
    if j + 1 < len(toks) and toks.rest[j + 1][0] in _AR_ORIGIN_AFTER:
        return None
    found = [(i, j + 1, _classed_actor(noun_class, code))]
    k = j + 1
    while k < len(toks) and toks.joined[k] and toks.rest[k][0].startswith("و"):
        other = demonym_country(toks.rest[k][0][1:])
        if other is None or not toks.arabic[k]:
            break
        found.append((k, k + 1, _classed_actor(noun_class, other)))
        k += 1
    return k, found


def _english_nationality(toks: _Tokens, i: int) -> tuple[int, str] | None:
    """A nationality or country possessive at token i ("U.S.", "Iraqi", "South Korean", "Israel's")."""
    table = _english_nationalities()
    for reading in toks.first[i]:
        if reading in _EN_ACRONYMS:
            return i + 1, _EN_ACRONYMS[reading]
    if toks.rest[i][-1] not in _english_first_words():
        return None
    for n in range(min(3, len(toks) - i), 0, -1):
        if any(not toks.joined[k] for k in range(i + 1, i + n)):
            continue
        code = table.get(" ".join(toks.rest[k][-1] for k in range(i, i + n)))
        if code:
            return i + n, code
    return None


def _english_forces(toks: _Tokens, i: int) -> _Reading | None:
    """ "U.S. troops", "Iraqi security forces", "US and Iraqi forces", "Turkey's army": nationality, modifiers, noun."""
    nationality = _english_nationality(toks, i)
    if nationality is None:
        return None
    spans = [(i, *nationality)]
    k = nationality[0]
    while k + 1 < len(toks) and toks.joined[k] and toks.joined[k + 1] and toks.rest[k][-1] in _EN_AND:
        more = _english_nationality(toks, k + 1)
        if more is None:
            break
        spans.append((k + 1, *more))
        k = more[0]
    end, noun_class = _english_noun_phrase(toks, k)
    if end is None:
        return None
    found = [(s, e, _classed_actor(noun_class, code)) for s, e, code in spans]
    found[-1] = (spans[-1][0], end, found[-1][2])
    return end, found


def _english_noun_phrase(toks: _Tokens, j: int) -> tuple[int | None, str]:
    """The end of the longest "modifiers + noun" run at token j ("security forces", "military personnel")."""
    end, noun_class = None, ""
    steps = 0
    while j < len(toks) and toks.joined[j] and steps <= _MAX_MODIFIERS:
        noun = _noun_at(toks, j, _EN_NOUNS)
        if noun:
            end, noun_class, _ = noun
            j = end
        elif toks.rest[j][-1] in _EN_MODIFIERS:
            j += 1
        else:
            break
        steps += 1
    return end, noun_class


# --- reading a text -----------------------------------------------------------------------------

_LINKS = _keyset("من|التابعين|تابعين|التابعون|ينتمون|الى|from|of|belonging|to")


def find_actors(text: str, language: str) -> list[ActorMention]:
    """Actors named in a text, in text order, without overlaps, the longest reading first.

    Each word is read by its own script, so `language` ("ar" or "en") is only
    the article's: an English acronym inside an Arabic article still matches.
    A mention's span covers whole words, attached proclitics included.
    """
    toks = _tokens(text)
    found: list[_Span] = []
    free = 0
    for i in [i for i, (first, arabic) in enumerate(zip(toks.first, toks.arabic)) if _may_start(first, arabic)]:
        if i < free:
            continue
        end, mentions = _best_at(toks, i)
        if mentions:
            found.extend(mentions)
            free = end
    found = _drop_gunmen_of_named_groups(toks, found)
    return [ActorMention(toks.start[s], toks.end[e - 1], text[toks.start[s] : toks.end[e - 1]], a) for s, e, a in found]


def _best_at(toks: _Tokens, i: int) -> _Reading:
    """The longer of the lexicon's and the generic rule's readings at token i; the lexicon wins a tie."""
    lexical = _lexicon_match(toks, i)
    arabic = toks.arabic[i]
    generic = _arabic_forces(toks, i) if arabic else _english_forces(toks, i)
    if lexical is None and generic is None:
        return i + 1, []
    readings = [generic] if generic else []
    if lexical:
        readings.insert(0, (lexical[0], [(i, *lexical)]))
    readings = [r for r in readings if arabic or not _english_blocked(toks, i, r)]
    return max(readings, key=lambda r: r[0]) if readings else (i + 1, [])


@lru_cache(maxsize=100_000)
def _may_start(first: tuple[str, ...], arabic: bool) -> bool:
    """Whether a word can open a mention at all: most words cannot, and are passed over at once."""
    return any(r in _openers(arabic) for r in first)


@lru_cache(maxsize=2)
def _openers(arabic: bool) -> frozenset[str]:
    generic = _AR_NOUNS.first_words if arabic else _english_first_words() | _EN_ACRONYMS.keys()
    return frozenset(_trie().keys() | generic)


def _english_blocked(toks: _Tokens, i: int, reading: _Reading) -> bool:
    """ "pro-Iranian forces", "anti-Hamas": not the actor; "a US military official", "US military aid": no force."""
    if i > 0 and toks.joined[i] and toks.rest[i - 1][-1] in _EN_BLOCK_BEFORE:
        return True
    end, mentions = reading
    described = end < len(toks) and toks.joined[end] and toks.rest[end][-1] in _EN_BLOCK_AFTER
    return described and any(actor.kind == "state" for _, _, actor in mentions)


def _drop_gunmen_of_named_groups(toks: _Tokens, found: list[_Span]) -> list[_Span]:
    """ "مسلحين من داعش", "ISIS gunmen": unnamed gunmen next to a named armed group are that group."""

    def named(mention: _Span) -> bool:
        return mention[2].kind in _ARMED_KINDS and mention[2].name != _UNIDENTIFIED

    def linked(end: int, start: int) -> bool:
        gap = range(end, start)
        return len(gap) <= 2 and all(toks.rest[k][-1] in _LINKS for k in gap) and toks.joined[start]

    out = []
    for n, mention in enumerate(found):
        if mention[2].name == _UNIDENTIFIED:
            before = n > 0 and named(found[n - 1]) and linked(found[n - 1][1], mention[0])
            after = n + 1 < len(found) and named(found[n + 1]) and linked(mention[1], found[n + 1][0])
            if before or after:
                continue
        out.append(mention)
    return out

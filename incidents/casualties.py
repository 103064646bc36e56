"""Fatalities (and injuries) read from a clause or sentence about one event, the way ACLED codes them.

A figure counts only when it is attached to casualty wording: the death or injury
word itself ("3 قتلى", "killed 3", "مقتل ثلاثة جنود", "لقي 3 أشخاص حتفهم") within
a few words, in the same clause, with no other figure in between, and not
counting things ("خمسة صواريخ", "24 ساعة", "two drones") or sitting after a
preposition of time or place ("في 2003", "since 2014", "from 5 to 9").

Conventions (ACLED's where it states one: the most conservative figure; "tens" 10,
"dozens" 12, "hundreds" 100):
  * several figures for the same deaths: the lowest ("at least 5 ... officials said 7" -> 5);
  * figures joined by "and"/"و" under one death word add up ("killed 3 soldiers and 2 civilians" -> 5);
  * a sub-count ("بينهم 3 أطفال", "including 3 children") is never added; it is used
    only when it is the sole figure;
  * vague figures: "dozens"/"عشرات" -> 12, "tens of" -> 10, "hundreds"/"مئات" -> 100, and,
    by this project's convention, "several"/"a few"/"a number of"/"عدة"/"عدد من"/"بضعة" -> 3;
  * a report that nobody was hurt or killed ("no casualties", "لم ترد أنباء عن وقوع
    إصابات") gives 0; a figure elsewhere in the text wins over it;
  * injuries are kept apart and never added to fatalities; a combined figure
    ("مقتل وإصابة 10", "10 casualties") feeds neither.
Deaths reported without any figure ("سقوط قتلى", "people were killed") give None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from gazetteer.normalize import is_arabic
from incidents.numbers import fold, scan


@dataclass(frozen=True)
class Casualties:
    """Killed and wounded as reported (None: not reported); `evidence` spans the phrase that gave `killed`."""

    killed: int | None
    wounded: int | None
    evidence: tuple[int, int] | None


class _Cue(NamedTuple):
    kind: str  # "killed", "wounded", "mixed" (one figure for both) or "none" (an attempt: nobody counted)
    side: str  # where its figure sits: "after" the word, "before" it, or "both"
    intrinsic: int | None = None  # what the word counts by itself: قتيل 1, قتيلين 2
    needs_person: bool = False  # سقوط counts deaths only when people fall
    reach: int = 4  # how many words may stand between the word and its figure


class _Entry(NamedTuple):
    """What a word or phrase is: a casualty "cue", a "sub"-count marker, a vague "num", a person
    ("one", "two"), a conjunction ("and", "or")."""

    kind: str
    cue: _Cue | None = None
    value: int = 0


def _cue(kind: str, side: str, intrinsic: int | None = None, needs_person: bool = False, reach: int = 4) -> _Entry:
    return _Entry("cue", _Cue(kind, side, intrinsic, needs_person, reach))


_KILLED_AFTER, _KILLED_BOTH, _KILLED_BEFORE = _cue("killed", "after"), _cue("killed", "both"), _cue("killed", "before")

# Arabic vocabulary in everyday spelling (folded when compiled); "_" joins the words of a phrase.
_AR_WORDS: list[tuple[str, _Entry]] = [
    (
        "مقتل_وإصابة مقتل_وإصابات مقتل_وجرح قتل_وجرح قتل_وإصابة قتلى_وجرحى قتلى_ومصابين ضحايا خسائر_بشرية",
        _cue("mixed", "both"),
    ),
    ("محاولة_اغتيال محاولة_قتل", _cue("none", "after")),
    (
        "حصيلة_القتلى حصيلة_الضحايا حصيلة_الشهداء حصيلة_الوفيات عدد_القتلى عدد_الضحايا عدد_الشهداء الحصيلة",
        _cue("killed", "after", reach=7),
    ),
    ("حتفه حتفهم حتفها حتفهما حتفهن مصرعه مصرعهم مصرعها مصرعهما", _KILLED_BEFORE),
    ("قتيلين قتيلان شهيدين شهيدان جثتين جثتان", _cue("killed", "both", 2)),
    ("جريحين جريحان", _cue("wounded", "both", 2)),
    ("مقتل مصرع استشهاد وفاة اغتيال", _KILLED_AFTER),
    ("سقوط", _cue("killed", "after", needs_person=True)),
    ("قتل قتلت قتلوا يقتل تقتل يقتلون استشهد استشهدت استشهدوا توفي توفيت توفوا اغتيل وفيات جثث جثامين", _KILLED_BOTH),
    ("جثة جثمان", _cue("killed", "both", 1)),
    ("قتلى قتيلا شهداء شهيدا", _KILLED_BEFORE),
    ("قتيل شهيد", _cue("killed", "before", 1)),
    ("جريح", _cue("wounded", "before", 1)),
    ("جرحى جريحا", _cue("wounded", "before")),
    ("إصابة", _cue("wounded", "after")),
    (
        "جرح جرحت جرحوا يجرح أصيب أصيبت أصيبوا يصاب إصابات مصاب مصابين مصابا مصابون بجروح بجراح",
        _cue("wounded", "both"),
    ),
    ("بينهم بينهن بينهما منهم منهن من_بينهم من_بينهن من_بين", _Entry("sub")),
    ("عشرات", _Entry("num", value=12)),
    ("مئات", _Entry("num", value=100)),
    ("عدة بضعة بضع عدد_من", _Entry("num", value=3)),
    (
        "شخص رجل امرأة طفل طفلة فتى فتاة شاب شابة رضيع جندي عسكري ضابط شرطي مدني مواطن مسلح مقاتل عنصر فرد"
        " صحفي صحافي مسعف طبيب ممرض مزارع راعي سائق طالب متظاهر ناشط حارس مجند قائد قيادي زعيم انتحاري مهاجم"
        " عامل أسير معتقل لاجئ مستوطن",
        _Entry("one", value=1),
    ),
    (
        # Duals only where the form cannot be a plural: never مدنيين, عسكريين, مقاتلين, nor names like رميلان.
        "جنديين جنديان شخصين شخصان عنصرين عنصران طفلين طفلان طفلتين طفلتان امرأتين امرأتان رجلين رجلان"
        " ضابطين ضابطان فردين فردان شقيقين شقيقان شابين شابان فتاتين فتاتان"
        " مدنيان عسكريان شرطيان مسلحان مقاتلان صحفيان مسعفان آخران",
        _Entry("two", value=2),
    ),
    ("و", _Entry("and")),
    ("أو", _Entry("or")),
]
# Patterns beyond fixed phrases, with the words that may open them.
_AR_PATTERNS: list[tuple[str, _Entry, str]] = [
    (r"[وف]?(?:اودي|اودت|يودي|تودي)(?:\s+\S+){0,10}?\s+بحياه(?![^\W_])", _KILLED_AFTER, "اودي اودت يودي تودي"),
    (
        r"متاثر(?:ا|ه|ين|ون|تين|ان)?\s+ب(?:جراح|جروح|اصابات|اصابت|اصابه)\S*",
        _KILLED_BEFORE,
        "متاثر متاثرا متاثره متاثرين متاثرون متاثرتين متاثران",
    ),
]

_EN_PERSON_ONE = (
    "person man woman child boy girl baby infant toddler teenager teen soldier civilian policeman policewoman"
    " officer militant fighter gunman attacker assailant bomber insurgent rebel jihadist journalist reporter"
    " photographer doctor nurse medic paramedic farmer worker student resident villager protester protestor"
    " demonstrator guard trooper serviceman contractor bystander citizen refugee migrant detainee prisoner inmate"
    " worshipper cleric shepherd fisherman teacher driver passenger pedestrian commander leader member settler"
    " mother father son daughter brother sister wife husband"
)
_EN_WORDS: list[tuple[str, _Entry]] = [
    (
        "killed_or_wounded killed_and_wounded killed_or_injured killed_and_injured dead_or_wounded dead_and_wounded"
        " dead_and_injured dead_or_injured deaths_and_injuries casualties victims",
        _cue("mixed", "both"),
    ),
    ("attempted_murder assassination_attempt", _cue("none", "both")),
    ("death_toll toll", _cue("killed", "after", reach=7)),
    ("killing kills claimed_the_lives_of claiming_the_lives_of", _KILLED_AFTER),
    ("died have_died deaths fatalities", _KILLED_BEFORE),
    ("shot_dead killed dead slain murdered massacred martyred bodies corpses body", _KILLED_BOTH),
    ("wounding injuring", _cue("wounded", "after")),
    ("wounded injured hurt injuries", _cue("wounded", "both")),
    ("including of_whom of_them", _Entry("sub")),
    ("dozens", _Entry("num", value=12)),
    ("tens_of", _Entry("num", value=10)),
    ("hundreds", _Entry("num", value=100)),
    ("several a_few a_number_of", _Entry("num", value=3)),
    ("and", _Entry("and")),
    ("or", _Entry("or")),
]
_EN_PATTERNS: list[tuple[str, _Entry, str]] = [
    (
        r"(?:succumbed\s+to|died\s+(?:of|from))\s+(?:(?:his|her|their)\s+)?(?:wounds|injuries)\b"
        r"|lost\s+(?:their|his|her)\s+(?:lives|life)\b",
        _KILLED_BEFORE,
        "succumbed died lost",
    ),
    (
        r"among(?=\s+(?:them|whom|those|the\s+(?:dead|victims|wounded|injured|killed|casualties|fatalities))\b)",
        _Entry("sub"),
        "among",
    ),
    (
        rf"(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(_EN_PERSON_ONE.split())})\b"
        r"|an?\s+[a-z]+(?:ian|ean|ese|i)(?=\s+(?:was|has\s+been|had\s+been|is)\b)"
        r"|(?:he|she)(?=\s+(?:was|has\s+been|had\s+been|died|later\s+died)\b)",
        _Entry("one", value=1),
        "a an the he she",
    ),
]

_AR_NEG = r"(?<![^\W_])[وف]?(?:لم|لا|دون|بدون|من\s+دون|عدم)"
_AR_NEG_NOUN = (
    r"(?:[بل]?(?:ال)?)(?:(?P<all>اصابات|اصابه|ضحايا|جرحي|مصابين|خسائر\s+بشريه|خسائر\s+(?:في|ب)\s*الارواح)"
    r"|قتلي|وفيات|قتيل)(?![^\W_])"
)
_AR_NEGATION = re.compile(
    rf"{_AR_NEG}\s+(?:(?:ترد|يرد|تتوفر|تفد|تتحدث|تشر|يشر|يبلغ|تبلغ|يتم|تتم|يعلن|تعلن)(?:\s+\S+){{0,4}}?\s+(?:عن|الي|حول)"
    r"|(?:ان\s+)?(?:يسفر|تسفر|يسفرا|تسفرا|يؤد|تؤد|يؤدي|تؤدي|يخلف|تخلف|يوقع|توقع)(?:\s+\S+){0,3}?(?:\s+(?:عن|الي))?"
    r"|(?:تسجل|يسجل|تقع|يقع|توجد|يوجد|تسجيل|وقوع|سقوط|وجود|حدوث|تحدث))?"
    rf"(?:\s+(?:[بل]?(?:وقوع|سقوط|تسجيل|حدوث)|اي))*\s+{_AR_NEG_NOUN}"
    rf"|{_AR_NEG}\s+(?:(?P<hurt>يصب|تصب|يجرح|يصاب|يتعرض)|يقتل|تقتل)\s+(?:احد|شخص|اي\s+[^\W\d_]+)(?![^\W_])"
)
_EN_NEGATION = re.compile(
    r"\b(?:no|zero)\s+(?:(?:immediate|other|further|reported|official)\s+)*"
    r"(?:(?:reports?|word|indication|sign)\s+of\s+)?(?:any\s+)?(?:immediate\s+)?"
    r"(?:(?P<all>casualties|injuries|injured|victims|wounded)|deaths|fatalities|dead|loss\s+of\s+life)\b"
    r"|\b(?:no[- ]?one|nobody|none|no\s+(?:[a-z]+\s+)?(?:people|persons|civilians|soldiers|troops|personnel|staff))"
    r"\s+(?:else\s+)?(?:(?:was|were|had\s+been|has\s+been|have\s+been|got)\s+)?"
    r"(?:reported\s+)?(?:(?P<hurt>hurt|injured|wounded|harmed)|killed|died)\b"
    r"|\bwithout\s+(?:(?:causing|inflicting|any|reports?\s+of)\s+)*(?:(?P<hurt2>casualties|injuries)|deaths"
    r"|fatalities|loss\s+of\s+life)\b"
    r"|\b(?:did\s+not|didn't|does\s+not)\s+(?:immediately\s+)?(?:cause|result\s+in|lead\s+to|inflict)\s+(?:any\s+)?"
    r"(?:(?P<hurt3>casualties|injuries)|deaths|fatalities)\b"
    r"|\b(?P<hurt4>(?:were|was)\s+(?:unharmed|unhurt)|escaped\s+(?:unharmed|unhurt|unscathed))\b"
    r"|\b(?:was|were)(?:\s+not|n['’]t)\s+(?:(?P<hurt5>hurt|injured|wounded|harmed)|killed)\b"
)


def _f(words: str) -> list[str]:
    return fold(words).text.split()


_AR_PERSONS = (
    "أشخاص شخصا أشخاصا رجال نساء أطفال طفلا جنود جنديا عسكريا ضباط ضابطا عناصر عنصرا مدنيا مواطنين مواطنون"
    " مواطنا مسلحين مسلحون مسلحا مقاتلين مقاتلون مقاتلا صحفيين مسعفين أفراد أعضاء قادة متظاهرين ناشطين أسرى"
    " معتقلين لاجئين مستوطنين شبان فتيان فتيات آخرين آخرون"
)
_AR_THINGS = (
    "ساعة ساعات يوم أيام يوما أسبوع أسابيع شهر أشهر شهور سنة سنوات أعوام عام عاما دقيقة دقائق ثانية كيلومتر"
    " كيلومترات كيلومترا كم كلم متر أمتار مترا ميل بالمئة بالمائة صاروخ صواريخ صاروخا قذيفة قذائف طائرة طائرات"
    " مسيرة مسيرات عبوة عبوات قنبلة قنابل سيارة سيارات مركبة مركبات آليات آلية دبابة دبابات منزل منازل منزلا"
    " مبنى مباني قرية قرى بلدات هجوم هجمات هجوما غارة غارات ضربة ضربات انفجار انفجارات عملية عمليات دولار"
    " طن أطنان مواقع موقع نقاط نقطة محافظات مرة مرات يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس"
    " سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين صباحا مساء"
)
_EN_PERSONS = " ".join(
    [
        "people persons men women children babies policemen gunmen servicemen fishermen militiamen",
        "troops police personnel kids forces",
        *(w + "s" for w in _EN_PERSON_ONE.split() if not w.endswith(("man", "child", "person", "baby"))),
    ]
)
_EN_THINGS = (
    "hour hours day days week weeks month months year years minute minutes second seconds km kilometers"
    " kilometres mile miles meter meters metre metres feet percent times rocket rockets missile missiles drone"
    " drones shell shells mortar mortars bomb bombs grenade grenades rounds projectiles vehicle vehicles car cars"
    " truck trucks tank tanks bus buses boat boats house houses home homes building buildings village villages"
    " town towns attack attacks strike strikes airstrike airstrikes raid raids explosion explosions blast"
    " blasts incident incidents clash clashes operation operations dollars euros tons tonnes aircraft jets"
    " planes helicopters sorties targets sites positions bases checkpoints locations provinces districts"
    " points pm am gmt january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday"
)

_STOPS = frozenset('.,;:!?،؛؟()[]"«»“”…')
_WORD_START = r"(?<![^\W_])"
_WORD_END = r"(?![^\W_])"
_AR_PROCLITICS = r"[وف]?(?:[بك]?ال|لل|[بلك])?"


class _Language(NamedTuple):
    arabic: bool
    negation: re.Pattern[str]
    words: dict[str, _Entry]  # single words
    phrases: dict[str, re.Pattern[str]]  # by opening word: the phrases and patterns that may start there
    groups: dict[str, _Entry]  # what each named group of the phrase patterns is
    casualty_words: re.Pattern[str]  # finds any casualty word: a text without one needs no reading
    persons: frozenset[str]
    things: frozenset[str]
    blockers: frozenset[str]  # a figure right after one of these is a date, a time or a place
    transparent: frozenset[str]  # skipped when looking for what a figure counts ("one of the attackers")
    function: frozenset[str]  # end the search for what a figure counts


def _language(
    arabic: bool, vocabulary: list[tuple[str, _Entry]], patterns: list[tuple[str, _Entry, str]], *lists: str
) -> _Language:
    """A language's lexicon compiled: words to a dictionary, phrases and patterns to small regexes by opening word."""
    words: dict[str, _Entry] = {}
    groups: dict[str, _Entry] = {}
    by_head: dict[str, list[str]] = {}
    casualty_words: set[str] = set()
    opening = f"{_WORD_START}{_AR_PROCLITICS}" if arabic else r"\b"
    for n, (spec, entry) in enumerate(vocabulary):
        counts = entry.cue is not None and entry.cue.kind in ("killed", "wounded")
        for m, word in enumerate(_f(spec) if arabic else spec.split()):
            head = word.split("_")[0]
            if counts:
                casualty_words.add(head)
            if "_" not in word:
                words.setdefault(word, entry)
                continue
            groups[f"p{n}_{m}"] = entry
            phrase = word.replace("_", r"\s+")
            by_head.setdefault(head, []).append(f"(?P<p{n}_{m}>{opening}{phrase}{_WORD_END})")
    for n, (pattern, entry, heads) in enumerate(patterns):
        groups[f"r{n}"] = entry
        for head in heads.split():
            by_head.setdefault(head, []).append(f"(?P<r{n}>{_WORD_START}{pattern})")
        if entry.cue is not None and entry.cue.kind in ("killed", "wounded"):
            casualty_words.update(heads.split())
    phrases = {head: re.compile("|".join(sorted(alts, key=len, reverse=True))) for head, alts in by_head.items()}
    persons, things, blockers, transparent, function = (frozenset(_f(words)) for words in lists)
    persons |= {word for word, entry in words.items() if entry.kind in ("one", "two")}
    return _Language(
        arabic,
        _AR_NEGATION if arabic else _EN_NEGATION,
        words,
        phrases,
        groups,
        re.compile("|".join(sorted(casualty_words, key=len, reverse=True))),
        persons,
        things,
        blockers,
        transparent,
        function,
    )


_ARABIC = _language(
    True,
    _AR_WORDS,
    _AR_PATTERNS,
    _AR_PERSONS,
    _AR_THINGS,
    "في منذ خلال عام حتى بعد قبل من الساعة رقم عامي العام",
    "من",
    "في على إلى عن الذي الذين التي بعد قبل خلال أثناء حين عند قرب داخل إثر جراء",
)
_ENGLISH = _language(
    False,
    _EN_WORDS,
    _EN_PATTERNS,
    _EN_PERSON_ONE + " " + _EN_PERSONS,
    _EN_THINGS,
    "in on since during until till by within after before from aged age at for",
    "of the",
    "in on at by and or were was are is have had has after during when while who that as from near into to",
)


class _Item:
    """One unit of the clause: a figure, a casualty word, a plain word, a conjunction, a stop or a sub-count marker."""

    cue: _Cue | None = None
    region = -1  # index of the sub-count marker whose phrase holds this item
    edge = False  # a comma that only brackets a sub-count phrase
    approximate = False
    person = False  # a figure that is its own noun: "جنديين", "a soldier"
    people = False  # a figure known to count people
    joined = False  # written with a leading "و" ("وامرأة"): coordinated with what precedes

    def __init__(self, kind: str, start: int, end: int, text: str = "", value: int = 0) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.value = value


class _Negation(NamedTuple):
    start: int
    end: int
    hurt: bool  # the denial covers injuries too, not only deaths


def _negations(text: str, lang: _Language) -> list[_Negation]:
    """Statements that nobody died or was hurt; the pattern's named groups mark the ones covering injuries."""
    return [_Negation(m.start(), m.end(), any(m.groupdict().values())) for m in lang.negation.finditer(text)]


def _stems(word: str) -> list[str]:
    """An Arabic word with each reading of its proclitics removed ("وبالقصف" -> "بالقصف", "القصف", "قصف")."""
    out = [word]
    if len(word) > 2 and word[0] in "وف":
        word = word[1:]
        out.append(word)
    if len(word) > 2 and word[0] in "بلك":
        out.append(word[1:])
    if len(word) > 3 and word.startswith(("ال", "لل")):
        out.append(word[2:])
    elif len(word) > 4 and word[1:3] == "ال" and word[0] in "بك":
        out.append(word[3:])
    return out


_TOKEN = re.compile(r"[^\W_]+|[^\w\s]|\s[-–—]\s")


def _item(entry: _Entry, start: int, end: int, text: str) -> _Item:
    item = _Item(entry.kind, start, end, text, entry.value)
    if entry.kind == "cue":
        item.cue = entry.cue
    elif entry.kind == "num":
        item.approximate = True
    elif entry.kind in ("one", "two"):
        item.kind, item.person = "num", True
    return item


@lru_cache(maxsize=100_000)
def _classify(word: str, arabic: bool) -> tuple[re.Pattern[str] | None, _Entry | None, bool]:
    """For one token: the phrases that may open with it, its dictionary entry, whether it carries a joining "و"."""
    lang = _ARABIC if arabic else _ENGLISH
    stems = _stems(word) if arabic and word[0].isalpha() else [word]
    phrases = next((lang.phrases[stem] for stem in stems if stem in lang.phrases), None)
    stem = next((stem for stem in stems if stem in lang.words), None)
    if stem is None:
        return phrases, None, False
    entry = lang.words[stem]
    return phrases, entry, entry.kind in ("one", "two") and stem != word and word[0] == "و"


def _lex(text: str, start: int, end: int, lang: _Language, items: list[_Item]) -> None:
    """Items of text[start:end]: words by dictionary, phrases by pattern where a word may open one."""
    cursor = start
    for token in _TOKEN.finditer(text, start, end):
        at = token.start()
        if at < cursor:
            continue
        word = token.group()
        phrases, entry, joined = _classify(word, lang.arabic)
        if phrases is not None and (m := phrases.match(text, at, end)):
            items.append(_item(lang.groups[m.lastgroup], at, m.end(), m.group()))
            cursor = m.end()
        elif entry is not None:
            item = _item(entry, at, token.end(), word)
            item.joined = joined
            items.append(item)
        elif word[0].isalnum():
            items.append(_Item("word", at, token.end(), word))
        elif word in _STOPS or word[0].isspace():
            items.append(_Item("stop", at, token.end(), word.strip()))


def _items(text: str, lang: _Language, negations: list[_Negation]) -> list[_Item]:
    """The clause as items in reading order: negations and figures first claim their text, the lexer reads the rest."""
    claimed: list[_Item] = [_Item("stop", n.start, n.end, "neg") for n in negations]
    for m in scan(text, "ar" if lang.arabic else "en"):
        if not any(n.start < m.end and m.start < n.end for n in negations):
            item = _Item("num", m.start, m.end, text[m.start : m.end], m.value)
            item.approximate = m.approximate
            claimed.append(item)
    claimed.sort(key=lambda it: it.start)
    items: list[_Item] = []
    cursor = 0
    for it in claimed:
        if it.start < cursor:
            continue
        _lex(text, cursor, it.start, lang, items)
        items.append(it)
        cursor = it.end
    _lex(text, cursor, len(text), lang, items)
    for i, it in enumerate(items):
        if it.person and it.value == 1 and not it.joined and i and items[i - 1].kind == "num":
            it.kind, it.person = "word", False  # "2500 جندي": the noun a figure counts, not a figure of its own
    _mark_sub_counts(items)
    return items


def _mark_sub_counts(items: list[_Item]) -> None:
    """A sub-count phrase runs from its marker to the next stop, or to a casualty word after its figure."""
    for j, marker in enumerate(items):
        if marker.kind != "sub":
            continue
        if j and items[j - 1].kind == "stop" and items[j - 1].text in ",،(":
            items[j - 1].edge = True
        marker.region = j
        seen_figure = False
        for item in items[j + 1 :]:
            if item.kind == "stop":
                item.edge = item.text in ",،)"
                break
            if item.kind == "sub" or (item.kind == "cue" and seen_figure):
                break
            item.region = j
            seen_figure = seen_figure or item.kind == "num"


def _is_person(word: str, lang: _Language) -> bool:
    """A word for people: listed, or (Arabic) a plural nisba such as "عسكريين", "فلسطينيون"."""
    if not lang.arabic:
        return word in lang.persons
    stems = _stems(word)
    return any(stem in lang.persons for stem in stems) or (len(stems[-1]) >= 5 and stems[-1].endswith(("يين", "يون")))


def _is_thing(word: str, lang: _Language) -> bool:
    return any(stem in lang.things for stem in _stems(word)) if lang.arabic else word in lang.things


def _counted(items: list[_Item], i: int, lang: _Language) -> bool | None:
    """Whether figure i counts people: True, False (it counts things or hours), None (cannot tell)."""
    for item in items[i + 1 : i + 4]:
        if item.kind == "cue":
            return True
        if item.kind != "word":
            return None
        if item.text in lang.transparent:
            continue
        if item.text in lang.function:
            return None
        if _is_person(item.text, lang):
            return True
        if _is_thing(item.text, lang):
            return False
    return None


def _countable(items: list[_Item], i: int, lang: _Language) -> tuple[bool, bool]:
    """Whether figure i may count casualties at all, and whether it is known to count people."""
    item = items[i]
    if i and items[i - 1].kind == "word" and items[i - 1].text in lang.blockers and not item.approximate:
        return False, False
    people = _counted(items, i, lang)
    if people is False:
        return False, False
    if people is None and item.text.isdigit() and 1900 <= item.value <= 2100:
        return False, False
    return True, bool(people)


class _Option(NamedTuple):
    score: int  # words between figure and casualty word, plus a penalty when the figure sits on its unusual side
    cue: int  # index of the casualty word in the item list


_FARTHEST = 7  # the longest reach of any casualty word


def _walk(items: list[_Item], i: int, step: int, window: int = _FARTHEST) -> tuple[int, int] | None:
    """The nearest casualty word from figure i in one direction: (index, words between) or None."""
    region = items[i].region
    distance = 0
    k = i + step
    while 0 <= k < len(items):
        item = items[k]
        if region >= 0 and item.region != region:
            return None
        if region < 0 and (item.region >= 0 or item.edge):
            k += step
            continue
        if item.kind == "cue":
            return k, distance
        if item.kind in ("stop", "num", "sub"):
            return None
        distance += 1
        if distance > window:
            return None
        k += step
    return None


def _options(items: list[_Item], i: int) -> list[_Option]:
    """The casualty words figure i may belong to, best first."""
    people = items[i].people
    is_single = items[i].person and items[i].value == 1
    out = []
    for step in (-1, 1):
        found = _walk(items, i, step)
        if found is None:
            continue
        k, distance = found
        cue = items[k].cue
        if distance > (2 if is_single else cue.reach):
            continue
        natural = cue.side == "both" or (cue.side == "after") == (step < 0)
        if not natural and distance > 1:
            continue
        if cue.needs_person and not (people or items[i].person):
            continue
        out.append(_Option(distance + (0 if natural else 3), k))
    return sorted(out)


class _Tally:
    """Figures given for one casualty word; figures joined by "and" add up, "or" opens an alternative."""

    __slots__ = ("cue", "figures")

    def __init__(self, cue: int, figure: int) -> None:
        self.cue = cue
        self.figures = [figure]


def _assign(items: list[_Item], lang: _Language) -> list[_Tally]:
    """Each figure to one casualty word, each word to one figure.

    Figures with fewer choices go first, and stated figures before persons counted by
    their noun, so that in "the gunman killed 3 people" the 3 gets "killed".
    """
    for i in [i for i, it in enumerate(items) if it.kind == "num" and not it.person]:
        countable, people = _countable(items, i, lang)
        if not countable:
            items[i].kind = "word"  # "من 5 إلى 9", "in 2003": read past it like any other word
        items[i].people = people
    figures = [i for i, it in enumerate(items) if it.kind == "num"]
    choices = {i: _options(items, i) for i in figures}
    order = sorted(
        (i for i in figures if choices[i]), key=lambda i: (items[i].person, len(choices[i]), choices[i][0].score, i)
    )
    taken: set[int] = set()
    tallies: dict[int, _Tally] = {}
    for i in order:
        best = next((o for o in choices[i] if o.cue not in taken), None)
        if best is not None:
            taken.add(best.cue)
            tallies[i] = _Tally(best.cue, i)
    _chain(items, figures, tallies)
    return list({id(t): t for t in tallies.values()}.values())


def _chain(items: list[_Item], figures: list[int], tallies: dict[int, _Tally]) -> None:
    """Figures without a word of their own join a neighbour's tally across "and" ("3 soldiers and 2 civilians")."""
    changed = True
    while changed:
        changed = False
        for i in figures:
            if i in tallies:
                continue
            for step in (-1, 1):
                neighbour = _coordinated(items, i, step)
                if neighbour is None or neighbour[0] not in tallies:
                    continue
                j, conjunction = neighbour
                tally = tallies[j]
                if conjunction == "and":
                    tally.figures.append(i)
                    tallies[i] = tally
                else:
                    tallies[i] = _Tally(tally.cue, i)
                changed = True
                break


def _coordinated(items: list[_Item], i: int, step: int) -> tuple[int, str] | None:
    """The figure joined to figure i by a conjunction in one direction, with up to two words around it."""
    conjunction = "and" if step < 0 and items[i].joined else None
    words = 0
    k = i + step
    while 0 <= k < len(items):
        item = items[k]
        if item.region != items[i].region:
            return None
        if item.kind in ("and", "or") and conjunction is None:
            conjunction = item.kind
        elif item.kind == "num" and (conjunction or (step > 0 and item.joined)):
            return k, conjunction or "and"
        elif item.kind == "word" and words < 2:
            words += 1
        else:
            return None
        k += step
    return None


def _pick(items: list[_Item], tallies: list[_Tally], kind: str) -> tuple[int, tuple[int, int]] | None:
    """The lowest figure for `kind` and its span: main figures first, then intrinsic words, then sub-counts."""
    main, sub = [], []
    counted_cues = set()
    for tally in tallies:
        cue = items[tally.cue]
        counted_cues.add(tally.cue)
        if cue.cue.kind != kind:
            continue
        value = sum(items[i].value for i in tally.figures)
        members = [cue, *(items[i] for i in tally.figures)]
        span = (min(m.start for m in members), max(m.end for m in members))
        (sub if items[tally.figures[0]].region >= 0 else main).append((value, span))
    for k, item in enumerate(items):
        if item.kind == "cue" and item.cue.kind == kind and item.cue.intrinsic and k not in counted_cues:
            (sub if item.region >= 0 else main).append((item.cue.intrinsic, (item.start, item.end)))
    if main:
        return min(main)
    return max(sub) if sub else None


def _sub_counts_inherit(items: list[_Item], tallies: list[_Tally]) -> list[_Tally]:
    """A sub-count with no casualty word inside its phrase takes the word of the figure it details."""
    owner = {i: t for t in tallies for i in t.figures}
    extra = []
    last_main: _Tally | None = None
    for i, item in enumerate(items):
        if i in owner and item.region < 0:
            last_main = owner[i]
        elif item.kind == "num" and item.region >= 0 and i not in owner and last_main is not None:
            extra.append(_Tally(last_main.cue, i))
    return tallies + extra


@lru_cache(maxsize=4096)
def _read(text: str, language: str) -> Casualties:
    lang = _ARABIC if language == "ar" or (language != "en" and is_arabic(text)) else _ENGLISH
    folded = fold(text)
    negations = _negations(folded.text, lang)
    if not negations and not lang.casualty_words.search(folded.text):
        return Casualties(None, None, None)
    items = _items(folded.text, lang, negations)
    tallies = _sub_counts_inherit(items, _assign(items, lang))
    killed = _pick(items, tallies, "killed")
    wounded = _pick(items, tallies, "wounded")
    if killed is None and negations:
        killed = (0, (negations[0].start, negations[0].end))
    wounded_count = wounded[0] if wounded else (0 if any(n.hurt for n in negations) else None)
    if killed is None:
        return Casualties(None, wounded_count, None)
    return Casualties(killed[0], wounded_count, folded.span(*killed[1]))


def read_casualties(text: str, language: str) -> Casualties:
    """Fatalities and injuries reported in `text` (one clause or sentence about one event).

    `language` is "ar" or "en" (anything else: decided by the script). `killed` is the
    lowest figure reported for deaths, 0 when the text says nobody died or was hurt,
    None when it says nothing about deaths; `wounded` likewise for injuries, never
    added to `killed`. `evidence` is the span of `text` that gave `killed`.
    """
    return _read(text, language)

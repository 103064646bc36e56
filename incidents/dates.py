"""Date expressions in Arabic and English news, resolved against the publication day as ACLED codes them.

A sentence such as "أفادت مصادر ... الاثنين" or "late Saturday" dates its event
relative to the article, so every mention is resolved from `published`:

* weekday names mean the most recent such day on or before publication;
* yesterday, today, last week, last month, "N days ago" count back from it;
* explicit dates (Arabic standard and Levantine month names, ordinal words,
  D/M/YYYY, English "April 21" / "21 April 2024" / "Jan. 28") take the most
  recent such date when the year is missing;
* month expressions ("أواخر يناير", "early March") give month precision,
  "mid-March" gives the week of the 15th;
* a bare year needs a cue ("في 2003", "عام 2014", "since 2014") and counts
  ("2500 جندي", "900 soldiers") are never read as years.

Precision follows ACLED's time_precision: 1 day, 2 week (dated on its Monday),
3 month or year (dated on the first of the month, or January 1). A mention
introduced by "منذ"/"since" is a reference point (`since=True`), and one that
cannot be a current event (a past year, a period ended more than 30 days before
publication) is `background=True`. Future references ("الجمعة المقبلة",
"next week", an explicit date after publication) are omitted: they never date an
event that happened.

Matching runs on a folded copy of the text (diacritics and tatweel removed,
letter variants unified, Arabic-Indic digits made ASCII, Latin lowercased)
with a map back to the original offsets, so spans always index the original.
dateparser is not used: every form handled here is matched by one precompiled
regular expression and resolved arithmetically, which keeps a sentence well
under a millisecond.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from gazetteer.normalize import normalize

BACKGROUND_DAYS = 30
EARLIEST_YEAR = 1900


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text and the day it resolves to."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: int
    year_only: bool = False
    relative: bool = False
    since: bool = False
    background: bool = False


@dataclass(slots=True)
class _Hit:
    """A resolved match in folded-text offsets, before overlaps are settled."""

    start: int
    end: int
    date: dt.date
    precision: int
    kind: str  # "weekday", "day" (relative day), "explicit", "period", "year"
    year_only: bool = False
    relative: bool = False
    since: bool = False
    future: bool = False


@dataclass(slots=True)
class _Context:
    original: str
    folded: str
    offsets: list[int] | None
    published: dt.date

    def orig(self, i: int) -> int:
        return i if self.offsets is None else self.offsets[i]


# ---------------------------------------------------------------- folding


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    """One character as matched: Latin lowercased, Arabic normalised, marks dropped, spaces unified."""
    if c.isascii():
        return c.lower()
    category = unicodedata.category(c)
    if category in ("Mn", "Me", "Cf"):
        return ""
    if category[0] in "LN":
        return normalize(c).replace(" ", "")
    if category == "Zs":
        return " "
    return c


def _fold(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, unless folding kept every offset, the original offset of each folded character."""
    if text.isascii():
        return text.lower(), None
    parts: list[str] = []
    offsets: list[int] = []
    for i, c in enumerate(text):
        f = _fold_char(c)
        if f:
            parts.append(f)
            offsets.extend([i] * len(f))
    offsets.append(len(text))
    return "".join(parts), offsets


# ---------------------------------------------------------------- calendar helpers


def resolve_weekday(weekday: int, published: dt.date, last: bool = False) -> dt.date:
    """The most recent `weekday` (0 = Monday) on or before `published`.

    News names the day of an event that has already happened: a Monday article's
    "Monday" is that day, its "Sunday" the day before. With `last` ("الأحد
    الماضي", "last Sunday") the publication weekday itself means a week earlier.
    """
    delta = (published.weekday() - weekday) % 7
    if last and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month `months` away from `day`'s month."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, 1)


def _recent_day(month: int, day: int, published: dt.date) -> dt.date | None:
    """The most recent `day` of `month` on or before publication (Feb 29 looks back to a leap year)."""
    for year in range(published.year, published.year - 9, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    return None


def _recent_month_year(month: int, published: dt.date, past: bool = False) -> int:
    """The year of the most recent `month` whose first day is on or before publication.

    `past` ("يناير الماضي", "last April") skips the publication month itself.
    """
    year = published.year if month <= published.month else published.year - 1
    if past and month == published.month:
        year -= 1
    return year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _period_end(hit: _Hit) -> dt.date:
    if hit.precision == 1:
        return hit.date
    if hit.precision == 2:
        return hit.date + dt.timedelta(days=6)
    if hit.year_only:
        return dt.date(hit.date.year, 12, 31)
    return _add_months(hit.date, 1) - dt.timedelta(days=1)


def _is_background(hit: _Hit, published: dt.date) -> bool:
    """A past year, or a period that ended more than BACKGROUND_DAYS before publication."""
    if hit.year_only and hit.date.year < published.year:
        return True
    return _period_end(hit) < published - dt.timedelta(days=BACKGROUND_DAYS)


# ---------------------------------------------------------------- lexicons (folded forms)


def _ar(text: str) -> str:
    """Arabic lexicon or pattern text folded as the input is, so entries may be written naturally."""
    return "".join(c if c.isascii() else _fold_char(c) for c in text)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(_ar(pattern))


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, any run of spaces between their words."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _key(text: str) -> str:
    return " ".join(text.split())


_AR_MONTHS = {
    "يناير": 1, "جانفي": 1, "كانون الثاني": 1,
    "فبراير": 2, "فيفري": 2, "شباط": 2,
    "مارس": 3, "اذار": 3,
    "ابريل": 4, "افريل": 4, "نيسان": 4,
    "مايو": 5, "ماي": 5, "ايار": 5,
    "يونيو": 6, "يونيه": 6, "جوان": 6, "حزيران": 6,
    "يوليو": 7, "يوليه": 7, "جويليه": 7, "تموز": 7,
    "اغسطس": 8, "اوت": 8, "اب": 8,
    "سبتمبر": 9, "ايلول": 9,
    "اكتوبر": 10, "تشرين الاول": 10,
    "نوفمبر": 11, "تشرين الثاني": 11,
    "ديسمبر": 12, "كانون الاول": 12,
}  # fmt: skip

_AR_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]


def _arabic_ordinals() -> dict[str, int]:
    """Masculine ordinal day words, الاول (1) to الحادي والثلاثين (31)."""
    ordinals = {unit: n for n, unit in enumerate(_AR_UNITS, 1)}
    ordinals["العاشر"] = 10
    ordinals["الحادي عشر"] = 11
    for n, unit in enumerate(_AR_UNITS[1:], 2):
        ordinals[f"{unit} عشر"] = 10 + n
    for tens, word in ((20, "العشرين"), (30, "الثلاثين")):
        ordinals[word] = tens
        units = ["الحادي", *_AR_UNITS[1:]] if tens == 20 else ["الحادي"]
        for n, unit in enumerate(units, 1):
            ordinals[f"{unit} و{word}"] = tens + n
        ordinals[f"الواحد و{word}"] = tens + 1
    return ordinals


_AR_ORDINALS = _arabic_ordinals()
_AR_WEEKDAYS = {
    "الاثنين": 0,
    "اثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
_AR_NUMBERS = {"ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "ثمان": 8, "تسع": 9, "عشر": 10}
_AR_SINGLE_SPANS = {
    "يوم": ("d", 1),
    "يومين": ("d", 2),
    "اسبوع": ("w", 1),
    "اسبوعين": ("w", 2),
    "شهر": ("m", 1),
    "شهرين": ("m", 2),
}
_AR_UNIT_KINDS = {"ايام": "d", "يوما": "d", "اسابيع": "w", "اسبوعا": "w", "اشهر": "m", "شهور": "m", "شهرا": "m"}

_AR_PAST = "الماضي|المنصرم|الفائت"
_AR_PAST_F = "الماضيه|المنصرمه|الفائته|الماضي|المنصرم|الفائت"
_AR_CURRENT_F = "الجاريه|الحاليه|الجاري|الحالي"
_AR_FUTURE_F = "المقبله|القادمه|المقبل|القادم"
_AR_PAST_WORDS = frozenset(_AR_PAST_F.split("|"))
_AR_CURRENT_WORDS = frozenset(_AR_CURRENT_F.split("|"))
_AR_FUTURE_WORDS = frozenset(_AR_FUTURE_F.split("|"))
_AR_MODS = "مطلع|اوائل|بدايات|بدايه|مستهل|اواخر|نهايه|اخر|اواسط|منتصف"
_AR_MID = frozenset(["منتصف", "اواسط"])
_AR_TIME_OF_DAY = (
    r"صباح|مساء|فجر|ليله|ليل|ظهيره|ظهر|عصر|ضحي|نهار|سحر|منتصف\s+ليل(?:ه)?|ساعات\s+(?:الفجر|فجر|صباح|مساء|ليل)"
)
# "X العام" where العام means "general", not "the year": الامين العام الحالي is no date.
_AR_GENERAL = frozenset(
    _ar(
        "الامين المدعي النائب المدير المفتش الراي القائد المرشد المنسق المراقب الحاكم الاضراب القطاع الصالح "
        "النظام الامن المؤتمر الاتحاد الشان الانفاق التعليم الدين المال العفو"
    ).split()
)
_AR_COUNT_NOUNS = frozenset(
    _ar(
        "جندي جنود عسكري عسكريا عسكريين شخص اشخاص قتيل قتلي مقاتل مقاتلا مقاتلين عنصر عناصر مدني مدنيا مدنيين "
        "طفل اطفال امراه نساء رجل صاروخ صواريخ قذيفه قذائف غاره غارات طائره طائرات مسيره مسيرات منزل منازل "
        "عائله عائلات لاجئ لاجئا لاجئين معتقل معتقلا اسير اسري جريح جرحي مصاب مصابا مصابين متر كم كيلومتر "
        "كيلو دولار يورو ساعه ساعات يوم يوما ايام اسبوع اسابيع شهر اشهر عام عاما اعوام سنه سنوات دقيقه دقائق "
        "طن برميل هجوم هجمات عمليه عمليات"
    ).split()
)

_EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_EN_MONTH_FULL = "january|february|march|april|may|june|july|august|september|october|november|december"
_EN_MONTH_ANY = rf"(?:{_EN_MONTH_FULL}|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?!\w)\.?)"
_EN_CAPITALISED = frozenset(["may", "march", "mar"])  # also an English word: only the capitalised form is a month
_EN_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_EN_COUNT_NOUNS = frozenset([
    "soldiers", "troops", "people", "civilians", "fighters", "militants", "members", "personnel", "police",
    "officers", "children", "women", "men", "residents", "refugees", "families", "homes", "houses", "buildings",
    "rockets", "missiles", "drones", "shells", "strikes", "airstrikes", "raids", "attacks", "casualties", "deaths",
    "dead", "wounded", "injured", "prisoners", "detainees", "hostages", "km", "kilometres", "kilometers", "miles",
    "metres", "meters", "feet", "dollars", "euros", "hours", "minutes", "days", "weeks", "months", "years", "tons",
    "tonnes", "barrels", "vehicles", "tanks", "aircraft", "jets", "rounds",
])  # fmt: skip

_DAY_NUMBER = r"3[01]|[12]\d|0?[1-9]"
_YEAR = r"(?:19|20)\d\d"
_AR_START = r"(?<![\w:/])(?<!\d[.,])[وف]?[بلك]?"
_EN_START = r"(?<![\w.,:/])"

_AR_MONTH_NAMES = _alternation(_AR_MONTHS)
_AR_MONTH_REF = (
    rf"(?:(?P<mname>{_AR_MONTH_NAMES})(?!\w)(?:\s*[/(]\s*(?:{_AR_MONTH_NAMES})(?!\w)(?:\s*\))?)?"
    rf"|(?P<mrel>هذا\s+الشهر|الشهر(?:\s+(?P<mq>{_AR_PAST}|الجاري|الحالي|المقبل|القادم))?)(?!\w))"
)
_AR_YEAR_TAIL = (
    rf"(?:\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s+)?(?P<year>{_YEAR})(?!\d)(?:\s?م(?!\w))?"
    rf"|\s+(?:من\s+)?(?:(?:العام|السنه)\s+(?P<yq>{_AR_PAST_F}|{_AR_CURRENT_F}|{_AR_FUTURE_F})|(?P<ythis>هذا\s+العام|هذه\s+السنه))(?!\w)"
    rf"|\s+(?P<pf>{_AR_PAST}|المقبل|القادم)(?!\w))?"
)

_AR_DATE = _compile(
    rf"{_AR_START}(?P<body>(?P<day>{_DAY_NUMBER}|{_alternation(_AR_ORDINALS)})(?![\w:/]|[.,]\d)\s+(?:من\s+)?"
    rf"(?:شهر\s+)?{_AR_MONTH_REF}{_AR_YEAR_TAIL})"
)
_AR_MONTH = _compile(
    rf"{_AR_START}(?:(?P<cue>في|خلال|منذ|حتي|طيله|طوال)\s+)?"
    rf"(?P<body>(?:(?P<mod>{_AR_MODS})\s+)?(?P<shahr>شهر\s+)?{_AR_MONTH_REF}{_AR_YEAR_TAIL})"
)
_AR_YEAR = _compile(
    rf"{_AR_START}(?:(?P<cue>في|منذ|خلال|حتي|بين|بحلول|طيله|طوال)\s+)?"
    rf"(?P<body>(?:(?P<mod>{_AR_MODS})\s+)?(?:(?P<kw>(?:ال)?(?:عامي|عام|سنه))\s+)?(?P<year>{_YEAR})(?!\d)(?![.,]\d)"
    r"(?:\s?م(?!\w))?)(?!\w)"
)
_AR_RELATIVE_YEAR = _compile(
    rf"{_AR_START}(?P<body>(?:(?P<mod>{_AR_MODS})\s+)?(?:(?P<rel>العام|السنه)"
    rf"(?:\s+(?P<q>{_AR_PAST_F}|{_AR_CURRENT_F}|{_AR_FUTURE_F}))?|(?P<this>هذا\s+العام|هذه\s+السنه)))(?!\w)"
)
_AR_WEEKDAY = _compile(
    rf"{_AR_START}(?P<body>(?P<prefix>(?:(?:{_AR_TIME_OF_DAY}|يوم|اليوم|الامس|امس)\s+){{0,3}})"
    rf"(?P<wd>{_alternation(_AR_WEEKDAYS)})(?!\w)(?!\s+عشر)"
    rf"(?:\s+(?P<q>قبل\s+(?:الماضيه|الماضي)|{_AR_PAST_F}|{_AR_FUTURE_F})(?!\w))?)"
)
_AR_DAY = _compile(
    rf"(?<![\w:/])[وف]?ب?(?P<body>(?:(?:{_AR_TIME_OF_DAY}|يوم)\s+)?"
    r"(?P<rel>اول\s+من\s+امس|اول\s+امس|امس\s+الاول|(?:ال)?امس|البارحه|اليوم))(?!\w)"
)
_AR_WEEK = _compile(
    rf"{_AR_START}(?:(?P<cue>خلال|في|منذ|طيله|طوال)\s+)?"
    rf"(?P<body>(?:(?P<mod>عطله\s+نهايه|{_AR_MODS})\s+)?(?:(?P<this>هذا\s+الاسبوع)|الاسبوع"
    rf"(?:\s+(?P<q>قبل\s+الماضي|{_AR_PAST}|الجاري|الحالي|{_AR_FUTURE_F}))?))(?!\w)"
)
_AR_AGO = _compile(
    r"(?<![\w:/])[وف]?(?P<body>(?P<w>قبل|منذ)\s+(?:(?P<approx>نحو|حوالي|قرابه|زهاء|ما\s+يقارب|ما\s+يزيد\s+(?:عن|علي)"
    rf"|اكثر\s+من|اقل\s+من)\s+)?(?:(?P<num>\d{{1,2}}|{_alternation(_AR_NUMBERS)})ه?\s+(?P<unit>{_alternation(_AR_UNIT_KINDS)})"
    rf"|(?P<single>{_alternation(_AR_SINGLE_SPANS)})))(?!\w)"
)

_EN_DATE_MDY = _compile(
    rf"{_EN_START}(?P<body>(?P<month>{_EN_MONTH_ANY})\s+(?P<day>{_DAY_NUMBER})(?:st|nd|rd|th)?(?![\w:]|[.,]\d)"
    rf"(?:,?\s+(?P<year>{_YEAR})(?!\w))?)"
)
_EN_DATE_DMY = _compile(
    rf"{_EN_START}(?P<body>(?:the\s+)?(?P<day>{_DAY_NUMBER})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_EN_MONTH_ANY})"
    rf"(?!\w)(?:,?\s+(?P<year>{_YEAR})(?!\w))?)"
)
_EN_PERIOD_MODS = r"early|late|mid|earlier|later|(?:the\s+)?(?:end|start|beginning|middle)\s+of"
_EN_MONTH = _compile(
    rf"{_EN_START}(?:(?P<cue>in|during|since|from|until|through|throughout)\s+)?"
    rf"(?P<body>(?:(?P<mod>{_EN_PERIOD_MODS})(?:\s+|-))?(?:(?P<q>this\s+past|last|this|next)\s+)?"
    rf"(?:(?P<month>{_EN_MONTH_FULL})(?!\w)(?:,?\s+(?P<year>{_YEAR})(?!\w)|\s+(?:of\s+)?(?P<yq>last|this|next)\s+year(?!\w))?"
    r"|(?P<mrel>month)(?!\w)))"
)
_EN_YEAR = _compile(
    rf"{_EN_START}(?:(?P<cue>in|since|of|during|from|until|through|throughout|between|by)\s+)?"
    r"(?P<body>(?:(?P<mod>early|late|mid|(?:the\s+)?(?:end|start|beginning|middle|summer|spring|autumn|fall|winter)"
    rf"\s+of)(?:\s+|-))?(?:(?P<kw>the\s+year)\s+)?(?P<year>{_YEAR}))(?!\w)(?![.,]\d)"
)
_EN_RELATIVE_YEAR = _compile(
    rf"{_EN_START}(?P<body>(?:(?P<mod>{_EN_PERIOD_MODS})\s+)?(?P<q>last|this|next)\s+year)(?!\w)"
)
_EN_WEEKDAY = _compile(
    rf"{_EN_START}(?P<body>(?:(?:late|early)\s+(?:on\s+)?)?(?:(?P<q>this\s+past|last|past|previous|next|this)\s+)?"
    rf"(?P<wd>{_alternation(_EN_WEEKDAYS)})(?!\w)(?:\s+(?:morning|afternoon|evening|night|overnight)(?!\w))?)"
)
_EN_DAY = _compile(
    rf"{_EN_START}(?P<body>(?P<rel>the\s+day\s+before\s+yesterday|(?:(?:late|early)\s+)?yesterday"
    r"(?:\s+(?:morning|afternoon|evening))?|(?:(?:earlier|late|early)\s+)?today|this\s+(?:morning|afternoon|evening)"
    r"|tonight|last\s+night))(?!\w)"
)
_EN_WEEK = _compile(
    rf"{_EN_START}(?P<body>(?:(?P<mod>earlier|early|late|later)\s+)?(?P<q>last|this|next)\s+week(?!\w)"
    r"|(?P<we>the|last|this\s+past|this)\s+weekend(?!\w))"
)
_EN_AGO = _compile(
    rf"{_EN_START}(?P<body>(?:(?P<approx>about|around|some|nearly|almost|roughly|approximately|more\s+than|less\s+than"
    rf"|over|just\s+over|under)\s+)?(?P<num>\d{{1,2}}|{_alternation(_EN_NUMBERS)})\s+(?P<unit>days?|weeks?|months?)\s+ago)(?!\w)"
)

_NUMERIC_DATE = _compile(
    rf"(?<![\w.,:/-])(?P<body>(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<year>{_YEAR}))(?!\d)(?![/.-]\d)"
)
_ISO_DATE = _compile(rf"(?<![\w.,:/-])(?P<body>(?P<year>{_YEAR})-(?P<b>\d{{1,2}})-(?P<a>\d{{1,2}}))(?!\d)(?![/.-]\d)")

_TODAY_QUALIFIED = _compile(r"\s+(?:ال|نفس|ذات)")  # اليوم التالي, اليوم نفسه: "the day", not today
_SINCE_BEFORE = re.compile(r"(?<!\w)(?:[وف]?منذ|since)\s+$")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_PREVIOUS_WORD = re.compile(r"(\w+)\s+$")
_MERGE_GAP = _compile(r"[\s,،\-–—()]*(?:الموافق(?:\s+ل)?|on)?[\s,،\-–—()]*")


# ---------------------------------------------------------------- small readers


def _next_word(ctx: _Context, end: int, original: bool = False) -> str:
    """The word right after folded offset `end` (from the original text when case matters)."""
    if original:
        m = _NEXT_WORD.match(ctx.original, ctx.orig(end))
    else:
        m = _NEXT_WORD.match(ctx.folded, end)
    return m.group(1) if m else ""


def _previous_word(ctx: _Context, start: int) -> str:
    m = _PREVIOUS_WORD.search(ctx.folded, max(0, start - 30), start)
    return m.group(1) if m else ""


def _hit(m: re.Match, date: dt.date, precision: int, kind: str, **flags) -> _Hit:
    return _Hit(m.start("body"), m.end("body"), date, precision, kind, **flags)


def _future(m: re.Match, kind: str) -> _Hit:
    """A reference to a time after publication: it blocks overlapping readings, then is dropped."""
    return _Hit(m.start("body"), m.end("body"), dt.date.max, 1, kind, future=True)


def _period(m: re.Match, month_start: dt.date, mid: bool, **flags) -> _Hit:
    """A month (precision 3, its first day) or its middle (precision 2, the Monday of the week of the 15th)."""
    if mid:
        return _hit(m, _monday(month_start.replace(day=15)), 2, "period", **flags)
    return _hit(m, month_start, 3, "period", **flags)


def _ar_month(m: re.Match, published: dt.date) -> tuple[int, int | None, bool] | None:
    """(month, explicit year or None, past qualifier) of an Arabic month reference; None if it is in the future."""
    if m.group("pf") in _AR_FUTURE_WORDS or m.group("yq") in _AR_FUTURE_WORDS:
        return None
    year = int(m.group("year")) if m.group("year") else None
    yq = m.group("yq") or ""
    if yq:
        year = published.year - 1 if yq in _AR_PAST_WORDS else published.year
    elif m.group("ythis"):
        year = published.year
    if m.group("mname"):
        month = _AR_MONTHS[_key(m.group("mname"))]
        return month, year, bool(m.group("pf"))
    mq = m.group("mq") or ""
    if mq in _AR_FUTURE_WORDS:
        return None
    first = _add_months(published, -1) if mq in _AR_PAST_WORDS else published.replace(day=1)
    return first.month, first.year, False


# ---------------------------------------------------------------- Arabic handlers


def _ar_date(m: re.Match, ctx: _Context) -> _Hit | None:
    """Explicit Arabic day dates: "4 يناير 2022", "الرابع من فبراير", "12 آذار الماضي", "العاشر من الشهر الجاري"."""
    raw = _key(m.group("day"))
    day = _AR_ORDINALS[raw] if raw in _AR_ORDINALS else int(raw)
    month_info = _ar_month(m, ctx.published)
    if month_info is None:
        return _future(m, "explicit")
    month, year, _ = month_info
    date = _safe_date(year, month, day) if year else _recent_day(month, day, ctx.published)
    if date is None:
        return None
    return _hit(m, date, 1, "explicit", relative=bool(m.group("mrel")))


def _ar_month_expression(m: re.Match, ctx: _Context) -> _Hit | None:
    """Arabic months and their parts: "أواخر يناير الماضي", "في مارس", "منتصف آذار", "شباط 2024", "الشهر الماضي"."""
    mrel = m.group("mrel")
    named = bool(m.group("mname"))
    cued = m.group("cue") or m.group("mod") or m.group("shahr") or m.group("year") or m.group("yq") or m.group("ythis")
    if named and not (cued or m.group("pf")):
        return None
    if mrel and not (m.group("mq") or mrel.startswith("هذا") or m.group("mod")):
        return None
    month_info = _ar_month(m, ctx.published)
    if month_info is None:
        return _future(m, "period")
    month, year, past = month_info
    if year is None:
        year = _recent_month_year(month, ctx.published, past)
    return _period(m, dt.date(year, month, 1), m.group("mod") in _AR_MID, relative=bool(mrel))


def _ar_year(m: re.Match, ctx: _Context) -> _Hit | None:
    """Arabic years with a cue: "في 2003", "عام 2014", "منذ 2014", "أواخر عام 2023".

    Never a count such as "في 2000 غارة".
    """
    if not (m.group("cue") or m.group("mod") or m.group("kw")):
        return None
    if _next_word(ctx, m.end("body")) in _AR_COUNT_NOUNS:
        return None
    return _year_hit(m, int(m.group("year")), ctx.published)


def _year_hit(m: re.Match, year: int, published: dt.date, relative: bool = False) -> _Hit | None:
    if year > published.year:
        return _future(m, "year")
    if year < EARLIEST_YEAR:
        return None
    return _hit(m, dt.date(year, 1, 1), 3, "year", year_only=True, relative=relative)


def _ar_relative_year(m: re.Match, ctx: _Context) -> _Hit | None:
    """Arabic years named relatively: "العام الماضي", "مطلع العام الجاري", "هذا العام"; not "الامين العام الحالي"."""
    q = m.group("q") or ""
    if not (q or m.group("this") or m.group("mod")):
        return None
    if m.group("rel") and not m.group("mod") and _previous_word(ctx, m.start("body")) in _AR_GENERAL:
        return None
    if q in _AR_FUTURE_WORDS:
        return _future(m, "year")
    year = ctx.published.year - 1 if q in _AR_PAST_WORDS else ctx.published.year
    return _year_hit(m, year, ctx.published, relative=True)


def _ar_weekday(m: re.Match, ctx: _Context) -> _Hit | None:
    """Arabic weekdays: "الأحد", "يوم الأحد", "مساء السبت", "أمس الأحد", "الأحد الماضي"; "الجمعة المقبلة" is future."""
    wd = m.group("wd")
    prefix = m.group("prefix").split()
    if wd == "اثنين" and (not prefix or prefix[-1] != "يوم"):
        return None
    if wd == "الاثنين" and not prefix and _previous_word(ctx, m.start("body")) in ("بين", "كلا"):
        return None  # "بين الاثنين": the two of them
    q = _key(m.group("q") or "")
    if q in _AR_FUTURE_WORDS:
        return _future(m, "weekday")
    date = resolve_weekday(_AR_WEEKDAYS[wd], ctx.published, last=bool(q))
    if q.startswith("قبل"):
        date -= dt.timedelta(days=7)
    return _hit(m, date, 1, "weekday", relative=True)


def _ar_day(m: re.Match, ctx: _Context) -> _Hit | None:
    """Arabic relative days: "أمس", "البارحة", "أول من أمس", "اليوم", "صباح اليوم".

    Not "اليوم التالي" nor "ذلك اليوم".
    """
    rel = _key(m.group("rel"))
    if rel == "اليوم":
        if _TODAY_QUALIFIED.match(ctx.folded, m.end("body")):
            return None
        if _previous_word(ctx, m.start("body")) in ("ذلك", "هذا", "نفس", "ذات"):
            return None
        back = 0
    elif rel.startswith("اول") or rel.endswith("الاول"):
        back = 2
    else:
        back = 1
    return _hit(m, ctx.published - dt.timedelta(days=back), 1, "day", relative=True)


def _ar_week(m: re.Match, ctx: _Context) -> _Hit | None:
    """Arabic weeks: "الأسبوع الماضي", "هذا الأسبوع", "مطلع الأسبوع", "نهاية الأسبوع"; "الأسبوع المقبل" is future."""
    q = _key(m.group("q") or "")
    mod = _key(m.group("mod") or "")
    if not (q or m.group("this") or mod):
        return None
    if q in _AR_FUTURE_WORDS:
        return _future(m, "period")
    current = bool(m.group("this")) or q in _AR_CURRENT_WORDS
    return _week_hit(m, ctx.published, "نهايه" in mod, current, q.startswith("قبل"), bool(q) and not current)


def _week_hit(m: re.Match, published: dt.date, weekend: bool, current: bool, before_last: bool, last: bool) -> _Hit:
    """A week (precision 2, its Monday): this, last, the one before, or the weekend just passed."""
    this_monday = _monday(published)
    if weekend:
        if current and published.weekday() < 5:
            return _future(m, "period")
        saturday = resolve_weekday(5, published)
        monday = _monday(saturday)
    elif before_last:
        monday = this_monday - dt.timedelta(days=14)
    elif last:
        monday = this_monday - dt.timedelta(days=7)
    else:
        monday = this_monday
    return _hit(m, monday, 2, "period", relative=True)


def _ar_ago(m: re.Match, ctx: _Context) -> _Hit | None:
    """Arabic time ago: "قبل يومين", "قبل نحو ثلاثة أشهر", "منذ أسبوع".

    Not "قبل يومين من الانتخابات" nor "منذ يوم الأحد".
    """
    after = _next_word(ctx, m.end("body"))
    if after in ("من", "علي"):
        return None
    if m.group("single"):
        unit, count = _AR_SINGLE_SPANS[m.group("single")]
        if after.startswith("ال") or after in ("امس", "اثنين") or after in _AR_MONTHS:
            return None
    else:
        unit = _AR_UNIT_KINDS[m.group("unit")]
        num = m.group("num")
        count = int(num) if num.isdigit() else _AR_NUMBERS[num]
    return _ago_hit(m, ctx.published, unit, count, bool(m.group("approx")), since=m.group("w") == "منذ")


def _ago_hit(m: re.Match, published: dt.date, unit: str, count: int, approximate: bool, since: bool) -> _Hit | None:
    """N days (day, or week when approximate), weeks (week) or months (month) before publication."""
    if count < 1:
        return None
    if unit == "d":
        day = published - dt.timedelta(days=count)
        if approximate:
            return _hit(m, _monday(day), 2, "period", relative=True, since=since)
        return _hit(m, day, 1, "day", relative=True, since=since)
    if unit == "w":
        return _hit(m, _monday(published - dt.timedelta(weeks=count)), 2, "period", relative=True, since=since)
    return _hit(m, _add_months(published, -count), 3, "period", relative=True, since=since)


# ---------------------------------------------------------------- English handlers


def _en_month_number(m: re.Match, ctx: _Context) -> int | None:
    """The month of an English month token; "may"/"march" only when capitalised in the original."""
    token = m.group("month").rstrip(".")
    if token in _EN_CAPITALISED and not ctx.original[ctx.orig(m.start("month"))].isupper():
        return None
    return _EN_MONTHS[token[:3]]


def _en_date(m: re.Match, ctx: _Context) -> _Hit | None:
    """Explicit English day dates: "April 21", "April 21, 2024", "21 April 2024", "Jan. 28", "the 4th of February"."""
    month = _en_month_number(m, ctx)
    if month is None:
        return None
    day = int(m.group("day"))
    date = _safe_date(int(m.group("year")), month, day) if m.group("year") else _recent_day(month, day, ctx.published)
    if date is None:
        return None
    return _hit(m, date, 1, "explicit")


def _en_month_expression(m: re.Match, ctx: _Context) -> _Hit | None:
    """English months and their parts: "late January", "in March 2023", "mid-March", "early this month".

    "later this month" and "next month" are future.
    """
    mod = _key(m.group("mod") or "")
    q = _key(m.group("q") or "")
    if mod == "later" or q == "next" or m.group("yq") == "next":
        return _future(m, "period")
    if m.group("mrel"):
        if not q:
            return None
        first = _add_months(ctx.published, -1) if q in ("last", "this past") else ctx.published.replace(day=1)
        return _period(m, first, mod.startswith("mid") or mod.endswith("middle of"), relative=True)
    if not (m.group("cue") or mod or q or m.group("year") or m.group("yq")):
        return None
    month = _en_month_number(m, ctx)
    if month is None:
        return None
    if m.group("year"):
        year = int(m.group("year"))
    elif m.group("yq"):
        year = ctx.published.year - (m.group("yq") == "last")
    elif q == "this":
        year = ctx.published.year
    else:
        year = _recent_month_year(month, ctx.published, past=q in ("last", "this past"))
    return _period(m, dt.date(year, month, 1), mod.startswith("mid") or mod.endswith("middle of"))


def _en_year(m: re.Match, ctx: _Context) -> _Hit | None:
    """English years with a cue: "in 2019", "since 2014", "early 2020", "the summer of 2014".

    Never "in 2000 attacks".
    """
    if not (m.group("cue") or m.group("mod") or m.group("kw")):
        return None
    following = _next_word(ctx, m.end("body"), original=True)
    if following.islower() and following in _EN_COUNT_NOUNS:
        return None
    return _year_hit(m, int(m.group("year")), ctx.published)


def _en_relative_year(m: re.Match, ctx: _Context) -> _Hit | None:
    """English years named relatively: "last year", "earlier this year".

    "next year" and "later this year" are future.
    """
    if m.group("q") == "next" or m.group("mod") == "later":
        return _future(m, "year")
    year = ctx.published.year - (m.group("q") == "last")
    return _year_hit(m, year, ctx.published, relative=True)


def _en_weekday(m: re.Match, ctx: _Context) -> _Hit | None:
    """English weekdays: "Sunday", "on Sunday", "late Saturday", "Sunday night", "last Sunday".

    "next Friday" is future.
    """
    q = _key(m.group("q") or "")
    if q == "next":
        return _future(m, "weekday")
    date = resolve_weekday(_EN_WEEKDAYS[m.group("wd")], ctx.published, last=q in ("last", "previous"))
    return _hit(m, date, 1, "weekday", relative=True)


def _en_day(m: re.Match, ctx: _Context) -> _Hit | None:
    """English relative days: "yesterday", "the day before yesterday", "today", "this morning", "last night"."""
    rel = _key(m.group("rel"))
    if "before yesterday" in rel:
        back = 2
    elif "yesterday" in rel or rel == "last night":
        back = 1
    else:
        back = 0
    return _hit(m, ctx.published - dt.timedelta(days=back), 1, "day", relative=True)


def _en_week(m: re.Match, ctx: _Context) -> _Hit | None:
    """English weeks: "last week", "this week", "earlier this week", "the weekend".

    "next week"/"later this week" are future.
    """
    we = _key(m.group("we") or "")
    if we:
        if we == "last" and ctx.published.weekday() >= 5:
            return _hit(m, _monday(ctx.published) - dt.timedelta(days=7), 2, "period", relative=True)
        return _week_hit(m, ctx.published, True, we == "this", False, False)
    q = m.group("q")
    if q == "next" or (q == "this" and m.group("mod") == "later"):
        return _future(m, "period")
    return _week_hit(m, ctx.published, False, q == "this", False, q == "last")


def _en_ago(m: re.Match, ctx: _Context) -> _Hit | None:
    """English time ago: "two days ago", "about three months ago", "a week ago"."""
    num = m.group("num")
    count = int(num) if num.isdigit() else _EN_NUMBERS[num]
    return _ago_hit(m, ctx.published, m.group("unit")[0], count, bool(m.group("approx")), since=False)


# ---------------------------------------------------------------- numeric dates


def _numeric_date(m: re.Match, ctx: _Context, language: str) -> _Hit | None:
    """Numeric dates: "4/2/2024" is day/month (Arabic sources).

    English reads month/day first when that is a valid date.
    """
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    readings = [(b, a), (a, b)] if language == "en" else [(a, b), (b, a)]
    for day, month in readings:
        date = _safe_date(year, month, day)
        if date is not None:
            return _hit(m, date, 1, "explicit")
    return None


def _iso_date(m: re.Match, ctx: _Context) -> _Hit | None:
    date = _safe_date(int(m.group("year")), int(m.group("b")), int(m.group("a")))
    return _hit(m, date, 1, "explicit") if date else None


_Rule = tuple[re.Pattern[str], Callable[[re.Match, _Context], _Hit | None]]

_RULES: dict[str, list[_Rule]] = {
    "ar": [
        (_AR_DATE, _ar_date),
        (_AR_MONTH, _ar_month_expression),
        (_AR_YEAR, _ar_year),
        (_AR_RELATIVE_YEAR, _ar_relative_year),
        (_AR_WEEKDAY, _ar_weekday),
        (_AR_DAY, _ar_day),
        (_AR_WEEK, _ar_week),
        (_AR_AGO, _ar_ago),
        (_NUMERIC_DATE, lambda m, ctx: _numeric_date(m, ctx, "ar")),
        (_ISO_DATE, _iso_date),
    ],
    "en": [
        (_EN_DATE_MDY, _en_date),
        (_EN_DATE_DMY, _en_date),
        (_EN_MONTH, _en_month_expression),
        (_EN_YEAR, _en_year),
        (_EN_RELATIVE_YEAR, _en_relative_year),
        (_EN_WEEKDAY, _en_weekday),
        (_EN_DAY, _en_day),
        (_EN_WEEK, _en_week),
        (_EN_AGO, _en_ago),
        (_NUMERIC_DATE, lambda m, ctx: _numeric_date(m, ctx, "en")),
        (_ISO_DATE, _iso_date),
    ],
}
_RULES["other"] = _RULES["ar"] + _RULES["en"][:-2]


# ---------------------------------------------------------------- assembly


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping hits, the earliest and then the longest first; future references block, then go."""
    hits.sort(key=lambda h: (h.start, h.start - h.end))
    chosen: list[_Hit] = []
    end = -1
    for hit in hits:
        if hit.start >= end:
            chosen.append(hit)
            end = hit.end
    return [h for h in chosen if not h.future]


def _merge(hits: list[_Hit], folded: str) -> list[_Hit]:
    """A weekday or relative day right beside an explicit date ("الأحد 21 أبريل", "Sunday, Jan. 28") is one mention."""
    out: list[_Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.precision == hit.precision == 1
            and {prev.kind, hit.kind} in ({"weekday", "explicit"}, {"day", "explicit"})
            and _MERGE_GAP.fullmatch(folded, prev.end, hit.start)
        ):
            explicit = prev if prev.kind == "explicit" else hit
            out[-1] = _Hit(prev.start, hit.end, explicit.date, 1, "explicit", since=prev.since)
            continue
        out.append(hit)
    return out


def _mention(hit: _Hit, ctx: _Context) -> DateMention:
    start, end = ctx.orig(hit.start), ctx.orig(hit.end)
    since = hit.since or bool(_SINCE_BEFORE.search(ctx.folded, max(0, hit.start - 12), hit.start))
    return DateMention(
        start=start,
        end=end,
        text=ctx.original[start:end],
        date=hit.date,
        precision=hit.precision,
        year_only=hit.year_only,
        relative=hit.relative,
        since=since,
        background=_is_background(hit, ctx.published),
    )


def find_dates(text: str, published: dt.date, language: str) -> list[DateMention]:
    """The date expressions of `text` ("ar" or "en"; another value tries both), resolved against `published`.

    Mentions come in text order with spans in the original text. References to
    the future are left out; see the module docstring for the rules.
    """
    folded, offsets = _fold(text)
    ctx = _Context(text, folded, offsets, published)
    hits: list[_Hit] = []
    for pattern, handler in _RULES.get(language, _RULES["other"]):
        for m in pattern.finditer(folded):
            hit = handler(m, ctx)
            if hit is not None and hit.end > hit.start:
                if hit.date != dt.date.max and hit.date > published:
                    hit.future = True
                hits.append(hit)
    return [_mention(h, ctx) for h in _merge(_select(hits), folded)]

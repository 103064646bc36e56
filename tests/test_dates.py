import dataclasses
from datetime import date
from pathlib import Path

import pytest

from incidents.dates import DateMention, find_dates, resolve_weekday

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_aa4d7466b8e6fa91.txt"
MONDAY = date(2024, 4, 22)  # the seed article's publication day
TUESDAY = date(2024, 4, 23)
SATURDAY = date(2024, 4, 20)
SUNDAY = date(2024, 4, 21)


def dates(text: str, published: date = MONDAY, language: str = "ar") -> list[date]:
    return [m.date for m in find_dates(text, published, language)]


def only(text: str, published: date = MONDAY, language: str = "ar") -> DateMention:
    found = find_dates(text, published, language)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- resolve_weekday


@pytest.mark.parametrize(
    ("weekday", "published", "expected"),
    [
        (0, MONDAY, date(2024, 4, 22)),  # the publication day itself
        (6, MONDAY, date(2024, 4, 21)),
        (5, MONDAY, date(2024, 4, 20)),
        (1, MONDAY, date(2024, 4, 16)),
        (2, TUESDAY, date(2024, 4, 17)),  # six days before
        (0, TUESDAY, date(2024, 4, 22)),
        (6, SUNDAY, date(2024, 4, 21)),
        (0, SUNDAY, date(2024, 4, 15)),
        (4, SATURDAY, date(2024, 4, 19)),
        (6, SATURDAY, date(2024, 4, 14)),
    ],
)
def test_weekday_is_the_most_recent_on_or_before_publication(weekday, published, expected):
    assert resolve_weekday(weekday, published) == expected


def test_last_weekday_goes_back_a_week_only_on_the_publication_weekday():
    assert resolve_weekday(0, MONDAY, last=True) == date(2024, 4, 15)
    assert resolve_weekday(6, MONDAY, last=True) == date(2024, 4, 21)


# ---------------------------------------------------------------- the seed article


def test_seed_article_mentions():
    found = find_dates(SEED.read_text(encoding="utf-8"), MONDAY, "ar")
    summary = [(m.text, m.date, m.precision, m.year_only, m.relative, m.since, m.background) for m in found]
    assert summary == [
        ("4 يناير 2022", date(2022, 1, 4), 1, False, False, False, True),
        ("4 يناير 2022", date(2022, 1, 4), 1, False, False, False, True),
        ("الاثنين", date(2024, 4, 22), 1, False, True, False, False),
        ("قبل نحو ثلاثة أشهر", date(2024, 1, 1), 3, False, True, False, True),
        ("الأحد", date(2024, 4, 21), 1, False, True, False, False),
        ("فبراير", date(2024, 2, 1), 3, False, False, True, True),
        ("الأحد", date(2024, 4, 21), 1, False, True, False, False),
        ("الرابع من فبراير", date(2024, 2, 4), 1, False, False, True, True),
        ("السبت", date(2024, 4, 20), 1, False, True, False, False),
        ("أواخر يناير الماضي", date(2024, 1, 1), 3, False, False, False, True),
        ("مطلع الأسبوع", date(2024, 4, 22), 2, False, True, False, False),
        ("2003", date(2003, 1, 1), 3, True, False, False, True),
        ("عام 2011", date(2011, 1, 1), 3, True, False, False, True),
        ("عام 2014", date(2014, 1, 1), 3, True, False, False, True),
    ]


def test_seed_spans_index_the_original_text():
    text = SEED.read_text(encoding="utf-8")
    for m in find_dates(text, MONDAY, "ar"):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('أفادت مصادر أمنية عراقية ومسؤولان أميركيان لوكالة "رويترز"، الاثنين، بأن قوات أميركية', date(2024, 4, 22)),
        ("بخمسة صواريخ أُطلقت من شمال العراق، الأحد، بحسب مسؤولين أميركيين وعراقيين.", date(2024, 4, 21)),
        ("وأودى انفجار ضخم في قاعدة عسكرية بالعراق، السبت، بحياة أحد أفراد قوة عراقية", date(2024, 4, 20)),
    ],
)
def test_seed_weekday_sentences(sentence, expected):
    m = only(sentence)
    assert (m.date, m.precision, m.relative, m.since, m.background) == (expected, 1, True, False, False)


def test_seed_since_the_fourth_of_february():
    m = only("في أول هجوم على ما يبدو يستهدف القوات الأميركية في العراق وسوريا منذ الرابع من فبراير.")
    assert (m.text, m.date, m.precision, m.since) == ("الرابع من فبراير", date(2024, 2, 4), 1, True)


def test_seed_late_january_is_a_background_month():
    m = only("وتوقفت الهجمات في أواخر يناير الماضي تحت ضغط من السلطات العراقية وإيران")
    assert (m.date, m.precision, m.background, m.year_only) == (date(2024, 1, 1), 3, True, False)


def test_seed_years_and_counts():
    text = (
        "وغزت الولايات المتحدة العراق في 2003، وأطاحت بالرئيس صدام حسين، وانسحبت في عام 2011، قبل أن تعود "
        "في عام 2014 على رأس تحالف عسكري دولي. ولدى الولايات المتحدة حالياً نحو 2500 جندي في العراق، و900 جندي "
        "في شرق سوريا."
    )
    found = find_dates(text, MONDAY, "ar")
    assert [(m.date.year, m.year_only, m.precision, m.background) for m in found] == [
        (2003, True, 3, True),
        (2011, True, 3, True),
        (2014, True, 3, True),
    ]


def test_seed_durations_are_not_dates():
    assert dates("تعرّضت لهجومين منفصلين باستخدام صواريخ وطائرتين مسيّرتين، خلال أقل من 24 ساعة.") == []


def test_about_three_months_ago_is_a_relative_background_month():
    m = only("بعد إعلان الفصائل المسلحة، قبل نحو ثلاثة أشهر، توقيف هجماتها")
    assert (m.date, m.precision, m.relative, m.background) == (date(2024, 1, 1), 3, True, True)


# ---------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("قُتل جندي الاثنين", TUESDAY, date(2024, 4, 22)),
        ("قُتل جندي الإثنين", TUESDAY, date(2024, 4, 22)),
        ("قُتل جندي الأحد", TUESDAY, date(2024, 4, 21)),
        ("قُتل جندي الأربعاء", TUESDAY, date(2024, 4, 17)),
        ("قُتل جندي الثلاثاء", TUESDAY, date(2024, 4, 23)),
        ("قُتل جندي السبت", SUNDAY, date(2024, 4, 20)),
        ("قُتل جندي الأحد", SUNDAY, date(2024, 4, 21)),
        ("قُتل جندي الاثنين", SUNDAY, date(2024, 4, 15)),
        ("قُتل جندي الجمعة", SATURDAY, date(2024, 4, 19)),
        ("قُتل جندي الأحد", SATURDAY, date(2024, 4, 14)),
        ("قُتل جندي الخميس", SATURDAY, date(2024, 4, 18)),
    ],
)
def test_arabic_weekdays_across_the_week_boundary(text, published, expected):
    assert dates(text, published) == [expected]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("هاجم مسلحون القرية يوم الأحد", "يوم الأحد"),
        ("هاجم مسلحون القرية مساء السبت", "مساء السبت"),
        ("هاجم مسلحون القرية فجر الجمعة", "فجر الجمعة"),
        ("هاجم مسلحون القرية ليل الخميس", "ليل الخميس"),
        ("هاجم مسلحون القرية يوم اثنين", "يوم اثنين"),
        ("وفي صباح الأحد هاجم مسلحون القرية", "صباح الأحد"),
    ],
)
def test_arabic_weekday_with_time_of_day(text, span):
    weekday = {"الأحد": 6, "السبت": 5, "الجمعة": 4, "الخميس": 3, "اثنين": 0}[span.split()[-1]]
    m = only(text, TUESDAY)
    assert m.text == span
    assert m.date == resolve_weekday(weekday, TUESDAY)


def test_bare_ithnayn_is_the_number_two():
    assert dates("قتل اثنين من الجنود") == []


def test_arabic_last_weekday():
    assert dates("قتل جندي الاثنين الماضي", MONDAY) == [date(2024, 4, 15)]
    assert dates("قتل جندي الأحد الماضي", MONDAY) == [date(2024, 4, 21)]
    assert dates("قتل جندي الجمعة الماضية", MONDAY) == [date(2024, 4, 19)]
    assert dates("قتل جندي الأحد قبل الماضي", MONDAY) == [date(2024, 4, 14)]


def test_future_weekdays_are_omitted():
    assert dates("ستعقد الانتخابات الجمعة المقبلة") == []
    assert dates("ستعقد الانتخابات الأحد المقبل") == []
    assert dates("Elections will be held next Friday.", language="en") == []


def test_today_or_yesterday_with_a_weekday_is_one_mention():
    m = only("قال الجيش اليوم الاثنين إن", MONDAY)
    assert (m.text, m.date) == ("اليوم الاثنين", MONDAY)
    m = only("قال الجيش أمس الأحد إن", MONDAY)
    assert (m.text, m.date) == ("أمس الأحد", SUNDAY)


def test_bayn_al_ithnayn_is_the_two_of_them():
    assert dates("لا فرق بين الاثنين") == []


def test_al_ahad_ashar_is_eleven_not_sunday():
    assert dates("الأحد عشر كوكبا") == []


@pytest.mark.parametrize(
    ("text", "published", "expected", "span"),
    [
        ("Two soldiers were killed on Sunday.", MONDAY, SUNDAY, "Sunday"),
        ("Rockets hit the base Sunday night.", MONDAY, SUNDAY, "Sunday night"),
        ("The blast occurred late Saturday.", MONDAY, SATURDAY, "late Saturday"),
        ("Militants attacked on Wednesday.", TUESDAY, date(2024, 4, 17), "Wednesday"),
        ("Militants attacked on Monday.", SUNDAY, date(2024, 4, 15), "Monday"),
        ("Militants attacked on Friday.", SATURDAY, date(2024, 4, 19), "Friday"),
        ("Militants attacked last Monday.", MONDAY, date(2024, 4, 15), "last Monday"),
        ("Militants attacked last Sunday.", MONDAY, SUNDAY, "last Sunday"),
        ("Sunday's attack killed two.", MONDAY, SUNDAY, "Sunday"),
    ],
)
def test_english_weekdays(text, published, expected, span):
    m = only(text, published, "en")
    assert (m.text, m.date, m.precision, m.relative) == (span, expected, 1, True)


# ---------------------------------------------------------------- relative days, weeks and months


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("قصفت الطائرات المدينة أمس", 1),
        ("قصفت الطائرات المدينة بالأمس", 1),
        ("قصفت الطائرات المدينة البارحة", 1),
        ("قصفت الطائرات المدينة مساء أمس", 1),
        ("قصفت الطائرات المدينة أول أمس", 2),
        ("قصفت الطائرات المدينة أول من أمس", 2),
        ("قصفت الطائرات المدينة أمس الأول", 2),
        ("قصفت الطائرات المدينة اليوم", 0),
        ("قصفت الطائرات المدينة صباح اليوم", 0),
    ],
)
def test_arabic_relative_days(text, back):
    m = only(text, TUESDAY)
    assert (m.date, m.precision, m.relative) == (date(2024, 4, 23 - back), 1, True)


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("Planes struck the city yesterday.", 1),
        ("Planes struck the city the day before yesterday.", 2),
        ("Planes struck the city today.", 0),
        ("Planes struck the city earlier today.", 0),
        ("Planes struck the city this morning.", 0),
        ("Planes struck the city last night.", 1),
    ],
)
def test_english_relative_days(text, back):
    m = only(text, TUESDAY, "en")
    assert (m.date, m.precision, m.relative) == (date(2024, 4, 23 - back), 1, True)


def test_the_day_itself_is_not_today():
    assert dates("وفي اليوم التالي انسحبت القوات") == []
    assert dates("وفي ذلك اليوم انسحبت القوات") == []
    assert dates("وقتل في اليوم نفسه ثلاثة") == []


@pytest.mark.parametrize(
    ("text", "language", "published", "expected", "precision"),
    [
        ("قتل خلال الأسبوع الماضي", "ar", MONDAY, date(2024, 4, 15), 2),
        ("قتل الأسبوع الماضي", "ar", SUNDAY, date(2024, 4, 8), 2),
        ("قتل هذا الأسبوع", "ar", SUNDAY, date(2024, 4, 15), 2),
        ("قتل مطلع الأسبوع", "ar", TUESDAY, date(2024, 4, 22), 2),
        ("قتل في عطلة نهاية الأسبوع", "ar", MONDAY, date(2024, 4, 15), 2),
        ("قتل الشهر الماضي", "ar", MONDAY, date(2024, 3, 1), 3),
        ("قتل مطلع الشهر الجاري", "ar", MONDAY, date(2024, 4, 1), 3),
        ("killed last week", "en", MONDAY, date(2024, 4, 15), 2),
        ("killed last week", "en", SATURDAY, date(2024, 4, 8), 2),
        ("killed this week", "en", SATURDAY, date(2024, 4, 15), 2),
        ("killed earlier this week", "en", TUESDAY, date(2024, 4, 22), 2),
        ("killed over the weekend", "en", MONDAY, date(2024, 4, 15), 2),
        ("killed last month", "en", MONDAY, date(2024, 3, 1), 3),
        ("killed late last month", "en", date(2024, 1, 10), date(2023, 12, 1), 3),
        ("killed earlier this month", "en", MONDAY, date(2024, 4, 1), 3),
    ],
)
def test_relative_weeks_and_months(text, language, published, expected, precision):
    m = only(text, published, language)
    assert (m.date, m.precision, m.relative, m.background) == (expected, precision, True, False)


def test_future_periods_are_omitted():
    assert dates("ستبدأ المحادثات الأسبوع المقبل") == []
    assert dates("Talks start next week and end later this month.", language="en") == []


@pytest.mark.parametrize(
    ("text", "language", "expected", "precision"),
    [
        ("قتل قبل يومين", "ar", date(2024, 4, 20), 1),
        ("قتل قبل ثلاثة أيام", "ar", date(2024, 4, 19), 1),
        ("قتل قبل أسبوعين", "ar", date(2024, 4, 8), 2),
        ("killed two days ago", "en", date(2024, 4, 20), 1),
        ("killed a week ago", "en", date(2024, 4, 15), 2),
        ("killed about three months ago", "en", date(2024, 1, 1), 3),
    ],
)
def test_time_ago(text, language, expected, precision):
    m = only(text, MONDAY, language)
    assert (m.date, m.precision, m.relative) == (expected, precision, True)


def test_before_an_event_is_not_time_ago():
    assert dates("قبل يومين من الانتخابات") == []
    assert dates("قبل الحرب كانت المدينة هادئة") == []
    assert dates("Before the war the city was calm.", language="en") == []


# ---------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    ("text", "expected", "span"),
    [
        ("في 4 يناير 2022", date(2022, 1, 4), "4 يناير 2022"),
        ("في ٤ يناير ٢٠٢٢", date(2022, 1, 4), "٤ يناير ٢٠٢٢"),
        ("في الرابع من فبراير", date(2024, 2, 4), "الرابع من فبراير"),
        ("في 4 شباط/فبراير", date(2024, 2, 4), "4 شباط/فبراير"),
        ("في 4 شباط (فبراير) 2023", date(2023, 2, 4), "4 شباط (فبراير) 2023"),
        ("في 12 آذار الماضي", date(2024, 3, 12), "12 آذار الماضي"),
        ("في 12 أبريل/نيسان من العام الماضي", date(2023, 4, 12), "12 أبريل/نيسان من العام الماضي"),
        ("في 3 تشرين الثاني 2023", date(2023, 11, 3), "3 تشرين الثاني 2023"),
        ("في الأول من كانون الثاني", date(2024, 1, 1), "الأول من كانون الثاني"),
        ("في العاشر من الشهر الجاري", date(2024, 4, 10), "العاشر من الشهر الجاري"),
        ("في 4/2/2024", date(2024, 2, 4), "4/2/2024"),
        ("في 2024-02-04", date(2024, 2, 4), "2024-02-04"),
    ],
)
def test_arabic_explicit_dates(text, expected, span):
    m = only(text)
    assert (m.text, m.date, m.precision) == (span, expected, 1)


@pytest.mark.parametrize(
    ("month", "number"),
    [
        ("كانون الثاني", 1),
        ("شباط", 2),
        ("آذار", 3),
        ("نيسان", 4),
        ("أيار", 5),
        ("حزيران", 6),
        ("تموز", 7),
        ("آب", 8),
        ("أيلول", 9),
        ("تشرين الأول", 10),
        ("تشرين الثاني", 11),
        ("كانون الأول", 12),
        ("يناير", 1),
        ("ابريل", 4),
        ("يونيه", 6),
        ("يوليه", 7),
        ("أغسطس", 8),
        ("أكتوبر", 10),
        ("ديسمبر", 12),
    ],
)
def test_arabic_month_names(month, number):
    assert dates(f"وقع الهجوم في 15 {month} 2023") == [date(2023, number, 15)]


@pytest.mark.parametrize(
    ("ordinal", "day"),
    [
        ("الأول", 1),
        ("الثاني", 2),
        ("التاسع", 9),
        ("العاشر", 10),
        ("الحادي عشر", 11),
        ("الثاني عشر", 12),
        ("التاسع عشر", 19),
        ("العشرين", 20),
        ("الحادي والعشرين", 21),
        ("الخامس والعشرين", 25),
        ("الثلاثين", 30),
        ("الحادي والثلاثين", 31),
    ],
)
def test_arabic_ordinal_days(ordinal, day):
    m = only(f"وقع الهجوم في {ordinal} من ديسمبر 2023")
    assert (m.date, m.text) == (date(2023, 12, day), f"{ordinal} من ديسمبر 2023")


@pytest.mark.parametrize(
    ("text", "expected", "span"),
    [
        ("The attack took place on April 21.", date(2024, 4, 21), "April 21"),
        ("The attack took place on 21 April 2024.", date(2024, 4, 21), "21 April 2024"),
        ("The attack took place on April 21, 2024, in Erbil.", date(2024, 4, 21), "April 21, 2024"),
        ("The attack took place on Jan. 28 near the border.", date(2024, 1, 28), "Jan. 28"),
        ("The attack took place on Feb 4.", date(2024, 2, 4), "Feb 4"),
        ("The attack took place on the 4th of February.", date(2024, 2, 4), "the 4th of February"),
        ("The attack took place on 4/21/2024.", date(2024, 4, 21), "4/21/2024"),
        ("The attack took place on May 3, 2023.", date(2023, 5, 3), "May 3, 2023"),
    ],
)
def test_english_explicit_dates(text, expected, span):
    m = only(text, MONDAY, "en")
    assert (m.text, m.date, m.precision, m.relative) == (span, expected, 1, False)


def test_a_weekday_beside_its_date_is_one_explicit_mention():
    m = only("The drone struck on Sunday, Jan. 28, killing three.", MONDAY, "en")
    assert (m.text, m.date, m.relative) == ("Sunday, Jan. 28", date(2024, 1, 28), False)
    m = only("وقع الهجوم يوم الأحد الموافق 21 أبريل")
    assert (m.text, m.date) == ("يوم الأحد الموافق 21 أبريل", date(2024, 4, 21))


def test_levantine_date_with_its_weekday_and_standard_month():
    m = only("أعلنت وزارة الدفاع، الأحد 21 نيسان/أبريل 2024، أن")
    assert (m.text, m.date, m.relative) == ("الأحد 21 نيسان/أبريل 2024", date(2024, 4, 21), False)


def test_since_a_yearless_date_reaches_back_across_the_new_year():
    m = only("منذ السابع من أكتوبر")
    assert (m.date, m.since, m.background) == (date(2023, 10, 7), True, True)
    m = only("since Oct. 7", MONDAY, "en")
    assert (m.date, m.since) == (date(2023, 10, 7), True)


def test_yearless_dates_take_the_most_recent_past_date():
    january = date(2024, 1, 5)
    assert dates("The strike on December 30 killed two.", january, "en") == [date(2023, 12, 30)]
    assert dates("قتل اثنان في 30 ديسمبر", january) == [date(2023, 12, 30)]
    assert dates("قتل اثنان في 30 كانون الأول", january) == [date(2023, 12, 30)]
    assert dates("قتل اثنان في 4 فبراير", MONDAY) == [date(2024, 2, 4)]
    assert dates("The strike on 4 February killed two.", MONDAY, "en") == [date(2024, 2, 4)]
    assert dates("The strike on February 29 killed two.", date(2025, 3, 1), "en") == [date(2024, 2, 29)]


def test_a_date_across_the_new_year_is_not_background():
    m = only("The strike on December 30 killed two.", date(2024, 1, 5), "en")
    assert not m.background


def test_explicit_future_dates_are_omitted():
    assert dates("ستجرى الانتخابات في 4 يناير 2025") == []
    assert dates("Elections are due on January 4, 2025.", language="en") == []


# ---------------------------------------------------------------- month expressions


@pytest.mark.parametrize(
    ("text", "language", "published", "expected", "precision"),
    [
        ("في أواخر يناير", "ar", MONDAY, date(2024, 1, 1), 3),
        ("في أواخر يناير الماضي", "ar", MONDAY, date(2024, 1, 1), 3),
        ("في أواخر يناير الماضي", "ar", date(2024, 1, 25), date(2023, 1, 1), 3),
        ("في مطلع مارس", "ar", MONDAY, date(2024, 3, 1), 3),
        ("في أوائل مارس", "ar", MONDAY, date(2024, 3, 1), 3),
        ("في بداية مارس", "ar", MONDAY, date(2024, 3, 1), 3),
        ("في مارس", "ar", MONDAY, date(2024, 3, 1), 3),
        ("في شهر آذار", "ar", MONDAY, date(2024, 3, 1), 3),
        ("في نهاية أيلول", "ar", MONDAY, date(2023, 9, 1), 3),
        ("في منتصف مارس", "ar", MONDAY, date(2024, 3, 11), 2),
        ("في أيار 2023", "ar", MONDAY, date(2023, 5, 1), 3),
        ("in late January", "en", MONDAY, date(2024, 1, 1), 3),
        ("at the end of January", "en", MONDAY, date(2024, 1, 1), 3),
        ("in early March", "en", MONDAY, date(2024, 3, 1), 3),
        ("in March", "en", MONDAY, date(2024, 3, 1), 3),
        ("in mid-March", "en", MONDAY, date(2024, 3, 11), 2),
        ("in May 2023", "en", MONDAY, date(2023, 5, 1), 3),
        ("in March last year", "en", MONDAY, date(2023, 3, 1), 3),
        ("in December", "en", date(2024, 1, 5), date(2023, 12, 1), 3),
    ],
)
def test_month_expressions(text, language, published, expected, precision):
    m = only(text, published, language)
    assert (m.date, m.precision, m.year_only) == (expected, precision, False)


def test_a_month_name_needs_a_cue():
    assert dates("مارس الجيش ضغوطا على المسلحين") == []
    assert dates("Protesters may march on Friday.", SATURDAY, "en") == [date(2024, 4, 19)]


# ---------------------------------------------------------------- years


@pytest.mark.parametrize(
    ("text", "language", "year", "since", "background"),
    [
        ("غزت القوات العراق في 2003", "ar", 2003, False, True),
        ("انسحبت في عام 2011", "ar", 2011, False, True),
        ("سيطر التنظيم على المدينة منذ 2014", "ar", 2014, True, True),
        ("وقع ذلك في العام 2019", "ar", 2019, False, True),
        ("بدأت العملية في عام 2024", "ar", 2024, False, False),
        ("The city fell in 2019.", "en", 2019, False, True),
        ("The group has held the town since 2014.", "en", 2014, True, True),
        ("Fighting resumed in early 2024.", "en", 2024, False, False),
    ],
)
def test_years(text, language, year, since, background):
    m = only(text, MONDAY, language)
    assert (m.date, m.precision, m.year_only) == (date(year, 1, 1), 3, True)
    assert (m.since, m.background) == (since, background)


def test_relative_years():
    m = only("قتل المئات العام الماضي")
    assert (m.date, m.year_only, m.relative, m.background) == (date(2023, 1, 1), True, True, True)
    m = only("Hundreds were killed earlier this year.", MONDAY, "en")
    assert (m.date, m.year_only, m.background) == (date(2024, 1, 1), True, False)
    assert dates("قال الأمين العام الحالي للأمم المتحدة") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ولدى الولايات المتحدة نحو 2500 جندي في العراق", "ar"),
        ("وشارك في 2000 غارة جوية", "ar"),
        ("نشر 1500 عنصر في المنطقة", "ar"),
        ("The US has 900 soldiers in eastern Syria.", "en"),
        ("The force of 2000 troops withdrew.", "en"),
        ("The coalition took part in 2000 airstrikes.", "en"),
        ("A 2014 report said so.", "en"),
        ("المدينة التي تبعد 2020 كم", "ar"),
    ],
)
def test_counts_are_not_years(text, language):
    assert dates(text, MONDAY, language) == []


def test_years_outside_the_range_are_not_dates():
    assert dates("بني الحصن في عام 1850") == []
    assert dates("The fort was built in 1850.", language="en") == []


def test_dual_years_give_the_first():
    m = only("بين عامي 2014 و2017")
    assert (m.text, m.date, m.year_only) == ("عامي 2014", date(2014, 1, 1), True)


def test_future_years_are_omitted():
    assert dates("ستنسحب القوات بحلول عام 2026") == []
    assert dates("Troops will leave by 2026.", language="en") == []


# ---------------------------------------------------------------- since and background


def test_since_marks_a_reference_point():
    m = only("لم تقع هجمات منذ يوم الأحد")
    assert (m.date, m.since, m.text) == (SUNDAY, True, "يوم الأحد")
    m = only("No attacks have occurred since Sunday.", MONDAY, "en")
    assert (m.date, m.since) == (SUNDAY, True)
    m = only("لم تقع هجمات منذ مطلع مارس")
    assert (m.date, m.since, m.precision) == (date(2024, 3, 1), True, 3)
    m = only("No attacks since early March.", MONDAY, "en")
    assert (m.date, m.since) == (date(2024, 3, 1), True)
    m = only("ومنذ يومين تتواصل الاشتباكات")
    assert (m.date, m.since, m.relative) == (date(2024, 4, 20), True, True)


def test_background_is_more_than_thirty_days_before_publication():
    assert only("The strike on March 20 killed two.", MONDAY, "en").background
    assert not only("The strike on March 25 killed two.", MONDAY, "en").background
    assert not only("قتل جندي الثلاثاء", MONDAY).background
    assert not only("killed last week", MONDAY, "en").background
    assert not only("killed last month", MONDAY, "en").background


# ---------------------------------------------------------------- false positives and spans


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وقع الانفجار عند الساعة 10 صباحا", "ar"),
        ("للاستفسار اتصل على 07901234567 أو 0790 123 4567", "ar"),
        ("Call +964 770 123 4567 for details.", "en"),
        ("An F-16 was seen over the base.", "en"),
        ("Three US soldiers were killed at Tower 22 in Jordan.", "en"),
        ("قتل ثلاثة جنود في البرج 22 في الأردن", "ar"),
        ("استمر القصف لثلاثة أيام", "ar"),
        ("The shelling went on for three days.", "en"),
        ("The meeting ran from 10:30 to 12:45.", "en"),
        ("هجوم بـ 24 طائرة مسيرة", "ar"),
        ("You may leave now.", "en"),
    ],
)
def test_no_false_positives(text, language):
    assert dates(text, MONDAY, language) == []


def test_spans_survive_diacritics_tatweel_and_invisible_marks():
    text = "قُتِلَ جُنْدِيٌّ \u200fالأَحَدِ في أواخـــر يَنَايِر الماضي"
    found = find_dates(text, MONDAY, "ar")
    assert [m.text for m in found] == ["الأَحَدِ", "أواخـــر يَنَايِر الماضي"]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_mentions_are_in_text_order_and_frozen():
    found = find_dates("قتل جندي في 2003 ثم الأحد ثم أمس", MONDAY, "ar")
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert [m.date for m in found] == [date(2003, 1, 1), SUNDAY, SUNDAY]
    with pytest.raises(dataclasses.FrozenInstanceError):
        found[0].date = MONDAY  # type: ignore[misc]

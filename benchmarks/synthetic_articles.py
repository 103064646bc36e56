"""Synthetic Arabic and English news articles for the scale benchmark: a BENCHMARK FIXTURE, NEVER PRODUCT DATA.

Every article is invented and says so: `source` is "SYNTHETIC BENCHMARK DATA",
ids start with "syn-", titles (also the first line of the text) start with
"SYNTHETIC:", URLs are on the reserved `.invalid` domain, and the last line of
the text is a "[SYNTHETIC BENCHMARK DATA ...]" notice. Nothing here describes a
real event; never ship these articles, load them into a real incident store or
show them as news.

What is realistic is what extraction speed depends on: about `words` words
per article (600 by default), half Arabic and half English, a title and a
dateline line, one to four event paragraphs built from the product's own
trigger lexicon (drone and air strikes, rockets, mortars, IEDs, clashes,
protests, arrests, shot-down drones) at REAL gazetteer places (populated
places and curated sites in IQ, SY, YE, LB, PS, IL, JO, with their English or
Arabic names), weekday / yesterday / explicit dates relative to a random
publication day, fatality phrases in numerals and number words, actors from
the actor lexicon, and filler paragraphs of ordinary news prose (statements,
economy, aid, politics) that name places but report no event.

Each article carries the events it was built with in `Article.extra["synthetic_events"]`
(place id, date, kind, expected sub-event type), so a benchmark can check what
extraction recovered. `check_templates()` verifies that every event template
holds a live trigger of the lexicon and no filler sentence holds any trigger.

Generation is cheap: template strings filled with `str.format`, random draws
from one `random.Random`, place pools built once from the gazetteer index
columns: 100,000 articles take well under a minute.

    python benchmarks/synthetic_articles.py 10000 /tmp/shards      # JSONL shards for `extract_on_dask`
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from incidents.article import Article  # noqa: E402

SOURCE = "SYNTHETIC BENCHMARK DATA"
ID_PREFIX = "syn-"
TITLE_PREFIX = "SYNTHETIC:"
URL_PREFIX = "https://synthetic.invalid/article/"
NOTICE = {
    "en": "[SYNTHETIC BENCHMARK DATA - invented text for speed tests - not a news report]",
    "ar": "[SYNTHETIC BENCHMARK DATA - نص مختلق لاختبار السرعة وليس خبرا حقيقيا]",
}
FIRST_DAY = date(2023, 1, 1)
DAYS = 3 * 365
SITE_WEIGHT = 400.0  # a curated site (air base, crossing) is drawn as often as a town of 136,000 people

COUNTRIES: dict[str, dict[str, str]] = {
    "IQ": {"en": "Iraq", "ar": "العراق", "dateline_en": "BAGHDAD", "dateline_ar": "بغداد"},
    "SY": {"en": "Syria", "ar": "سوريا", "dateline_en": "DAMASCUS", "dateline_ar": "دمشق"},
    "YE": {"en": "Yemen", "ar": "اليمن", "dateline_en": "ADEN", "dateline_ar": "عدن"},
    "LB": {"en": "Lebanon", "ar": "لبنان", "dateline_en": "BEIRUT", "dateline_ar": "بيروت"},
    "PS": {"en": "the Palestinian territories", "ar": "الأراضي الفلسطينية", "dateline_en": "RAMALLAH",
           "dateline_ar": "رام الله"},
    "IL": {"en": "Israel", "ar": "إسرائيل", "dateline_en": "TEL AVIV", "dateline_ar": "تل أبيب"},
    "JO": {"en": "Jordan", "ar": "الأردن", "dateline_en": "AMMAN", "dateline_ar": "عمّان"},
}  # fmt: skip
COUNTRY_WEIGHTS = {"IQ": 0.22, "SY": 0.24, "YE": 0.16, "LB": 0.12, "PS": 0.14, "IL": 0.07, "JO": 0.05}

# Keys of incidents/data/actors.csv: who acts in each country, and which of them are the state's forces.
ARMED_ACTORS: dict[str, tuple[str, ...]] = {
    "IQ": ("iraq_forces", "pmf", "islamic_resistance_iraq", "kataib_hezbollah", "islamic_state", "us_forces",
           "peshmerga"),
    "SY": ("syria_forces", "sdf", "hts", "syrian_national_army", "islamic_state", "russia_forces", "turkey_forces"),
    "YE": ("houthis", "yemen_forces", "southern_transitional_council", "saudi_coalition"),
    "LB": ("hezbollah", "israel_forces", "lebanon_forces"),
    "PS": ("israel_forces", "hamas", "pij", "israeli_settlers"),
    "IL": ("israel_forces", "hezbollah", "hamas"),
    "JO": ("jordan_forces", "islamic_state"),
}  # fmt: skip
STATE_ACTORS: dict[str, tuple[str, ...]] = {
    "IQ": ("iraq_forces", "iraq_police", "us_forces"),
    "SY": ("syria_forces", "sdf"),
    "YE": ("yemen_forces", "houthis"),
    "LB": ("lebanon_forces",),
    "PS": ("israel_forces",),
    "IL": ("israel_forces", "israel_police"),
    "JO": ("jordan_forces",),
}

# kind -> (weight, the sub-event type the extractor should give it)
KINDS: dict[str, tuple[float, str]] = {
    "drone": (18.0, "Air/drone strike"),
    "rocket": (14.0, "Shelling/artillery/missile attack"),
    "mortar": (8.0, "Shelling/artillery/missile attack"),
    "ied": (10.0, "Remote explosive/landmine/IED"),
    "clash": (16.0, "Armed clash"),
    "protest": (14.0, "Peaceful protest"),
    "arrest": (10.0, "Arrests"),
    "shootdown": (10.0, "Disrupted weapons use"),
}
VIOLENT = frozenset({"drone", "rocket", "mortar", "ied", "clash"})

# Event sentences. Slots: {place} {when} {killed} {source} {actor} {actor2} {state} {count} {drones}.
# Every template must hold a trigger of incidents/data/triggers.csv (checked by `check_templates`).
EVENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "drone": (
            "A drone strike hit a car in {place} {when}, {killed}, {source}.",
            "{actor} carried out an airstrike on a house in {place} {when}, {killed}, {source}.",
            "An armed drone struck a motorcycle on a road in {place} {when}, {killed}, {source}.",
        ),
        "rocket": (
            "{count} rockets were fired at {place} {when}, {killed}, {source}.",
            "A rocket attack targeted a military position in {place} {when}, {killed}, {source}.",
        ),
        "mortar": (
            "Mortar fire hit a residential neighbourhood in {place} {when}, {killed}, {source}.",
            "{count} mortar rounds landed near a school in {place} {when}, {killed}, {source}.",
        ),
        "ied": (
            "A roadside bomb exploded next to a military vehicle in {place} {when}, {killed}, {source}.",
            "An improvised explosive device went off at a market in {place} {when}, {killed}, {source}.",
        ),
        "clash": (
            "Clashes broke out between {actor} and {actor2} in {place} {when}, {killed}, {source}.",
            "{actor} and {actor2} exchanged fire in {place} {when}, {killed}, {source}.",
        ),
        "protest": (
            "Hundreds of protesters rallied in {place} {when} to demand jobs and better public services, {source}.",
            "Demonstrators gathered in {place} {when} in a protest against rising fuel prices, {source}.",
        ),
        "arrest": (
            "{state} arrested {count} suspects in {place} {when}, {source}.",
            "{count} men were detained by {state} during a search operation in {place} {when}, {source}.",
        ),
        "shootdown": (
            "{state} shot down {drones} over {place} {when}, {source}.",
            "Air defences intercepted {drones} in {place} {when}, {source}.",
        ),
    },
    "ar": {
        "drone": (
            "استهدفت غارة بطائرة مسيرة سيارة في {place} {when}، {killed}، {source}.",
            "شنت {actor} غارة جوية على منزل في {place} {when}، {killed}، {source}.",
            "قصفت طائرة مسيرة دراجة نارية على طريق في {place} {when}، {killed}، {source}.",
        ),
        "rocket": (
            "سقطت {count} صواريخ على {place} {when}، {killed}، {source}.",
            "استهدف هجوم صاروخي موقعا عسكريا في {place} {when}، {killed}، {source}.",
        ),
        "mortar": (
            "سقطت قذائف هاون على حي سكني في {place} {when}، {killed}، {source}.",
            "استهدف قصف بقذائف الهاون محيط مدرسة في {place} {when}، {killed}، {source}.",
        ),
        "ied": (
            "انفجرت عبوة ناسفة بآلية عسكرية في {place} {when}، {killed}، {source}.",
            "انفجرت سيارة مفخخة في سوق شعبي في {place} {when}، {killed}، {source}.",
        ),
        "clash": (
            "اندلعت اشتباكات بين {actor} و{actor2} في {place} {when}، {killed}، {source}.",
            "دارت معارك عنيفة بين {actor} و{actor2} في {place} {when}، {killed}، {source}.",
        ),
        "protest": (
            "تظاهر مئات المواطنين في {place} {when} للمطالبة بتحسين الخدمات وتوفير فرص العمل، {source}.",
            "خرجت مظاهرة في {place} {when} احتجاجا على ارتفاع أسعار الوقود، {source}.",
        ),
        "arrest": (
            "اعتقلت {state} {count} مطلوبين في {place} {when}، {source}.",
            "ألقت {state} القبض على {count} مشتبه بهم في {place} {when}، {source}.",
        ),
        "shootdown": (
            "أسقطت {state} {drones} فوق {place} {when}، {source}.",
            "أعلنت {state} إسقاط {drones} في {place} {when}، {source}.",
        ),
    },
}
TITLES = {
    "en": {
        "drone": "Drone strike reported in {place}",
        "rocket": "Rockets fired at {place}",
        "mortar": "Mortar fire reported in {place}",
        "ied": "Roadside bomb in {place}",
        "clash": "Clashes in {place}",
        "protest": "Protest in {place}",
        "arrest": "Arrests in {place}",
        "shootdown": "Drone shot down over {place}",
    },
    "ar": {
        "drone": "غارة بطائرة مسيرة في {place}",
        "rocket": "صواريخ على {place}",
        "mortar": "قذائف هاون على {place}",
        "ied": "انفجار عبوة ناسفة في {place}",
        "clash": "اشتباكات في {place}",
        "protest": "مظاهرة في {place}",
        "arrest": "اعتقالات في {place}",
        "shootdown": "إسقاط طائرة مسيرة في {place}",
    },
}
SOURCES = {
    "en": ("security sources said", "a local official said", "witnesses said", "officials said",
           "according to local media", "a medical source said"),
    "ar": ("بحسب مصادر أمنية", "وفق مصدر محلي", "حسبما أفاد شهود عيان", "بحسب وسائل إعلام محلية",
           "وفقا لمسؤولين محليين", "بحسب مصدر طبي"),
}  # fmt: skip
KILLED = {
    "en": ("killing {n} people", "killing {n} civilians", "leaving {n} dead", "killing {n} fighters"),
    "ar": ("ما أدى إلى مقتل {n}", "وأسفر عن مقتل {n}", "ما أسفر عن مقتل {n}"),
}
NO_CASUALTIES = {
    "en": ("with no casualties reported", "causing damage but no casualties"),
    "ar": ("ولم ترد أنباء عن وقوع إصابات", "دون وقوع إصابات بشرية"),
}
EN_NUMBERS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
EN_NOUNS = {"people": "person", "civilians": "civilian", "dead": "dead", "fighters": "fighter"}
# Arabic counted nouns: (singular, dual, plural for 3-10, accusative singular for 11-99).
AR_PERSONS = (("شخص", "شخصين", "أشخاص", "شخصا"), ("مدني", "مدنيين اثنين", "مدنيين", "مدنيا"))
AR_NUMBERS = ("", "واحد", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة")
AR_DRONES = ("طائرة مسيرة", "طائرتين مسيرتين", "ثلاث طائرات مسيرة", "أربع طائرات مسيرة")
EN_DRONES = ("a drone", "two drones", "three drones", "four drones")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
AR_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")  # fmt: skip
AR_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
             "ديسمبر")  # fmt: skip
AR_MONTHS_LEVANT = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
                    "تشرين الثاني", "كانون الأول")  # fmt: skip

# Filler: ordinary news prose that reports no event. Slots: {city} {country} {person} {number} {percent} {year}.
# No sentence may hold a trigger word (checked by `check_templates`).
FILLER: dict[str, tuple[str, ...]] = {
    "en": (
        "The ministry of finance said in a statement that it expects to approve the budget within weeks, after "
        "months of negotiations between the main parliamentary blocs.",
        "{person}, a spokesman for the provincial council in {city}, told reporters that electricity supplies had "
        "improved but that water shortages remained a serious concern for residents.",
        "Officials in {city} said {number} families had returned to their homes over the past month, and that "
        "schools in the area were expected to reopen before the end of the term.",
        "The United Nations said humanitarian needs across {country} remain high, with an estimated {number} people "
        "depending on food assistance and prices of basic goods rising by {percent} percent this year.",
        "Diplomats said talks on a broader settlement were continuing, though several issues, including the release "
        "of prisoners and the reopening of border crossings, remain unresolved.",
        "The central bank kept its benchmark interest rate unchanged and said inflation had eased to {percent} "
        "percent, helped by a more stable exchange rate and lower fuel costs.",
        "Traders in {city} complained that the cost of transporting goods had doubled since the start of the year "
        "because of checkpoints and poor roads.",
        "Analysts say the situation in the region has become more complex since {year}, with several governments "
        "competing for influence and local communities caught in between.",
        "The health ministry said it had vaccinated more than {number} children in the province during a week-long "
        "campaign, and appealed for more funding to keep clinics open.",
        "Farmers in the countryside around {city} say a second year of low rainfall has cut wheat harvests sharply, "
        "and many have sold livestock to pay their debts.",
        "{person} told a news conference in {city} that the government was committed to dialogue and would present "
        "new proposals to parliament next week.",
        "The World Bank estimates that the economy of {country} shrank by {percent} percent last year, and that "
        "reconstruction will cost tens of billions of dollars.",
        "Residents said shops and markets in the centre of {city} had reopened, but that many people were still "
        "staying indoors after dark.",
        "A delegation from the European Union is expected to visit {country} later this month to discuss aid, "
        "migration and support for local elections.",
        "The electricity ministry said repairs to the main power station serving {city} would take at least two "
        "months, and that rationing would continue until then.",
        "Aid agencies say that funding for their operations in {country} covers less than half of what is needed "
        "this year, and that some programmes may close.",
        "Mobile phone and internet services were restored in parts of {city} after an outage of several days, the "
        "telecommunications company said.",
        "The governor of the province met tribal leaders in {city} to discuss reconciliation efforts and the return "
        "of displaced families, his office said.",
        "Prices of flour and cooking oil have risen by about {percent} percent since the spring, according to a "
        "survey of markets published by a local research group.",
        "Parliament postponed a vote on the new electoral law for the third time, citing the absence of a quorum, "
        "and lawmakers said a session could be held after the holidays.",
        "Engineers from a state company began repairing a bridge on the main road linking {city} to the provincial "
        "capital, officials said.",
        "The ministry of education said {number} students sat the national examinations this year, up from last "
        "year, and that results would be published online.",
        "Observers say public anger over corruption, unemployment and poor services has grown in recent months, "
        "particularly among young people.",
        "Negotiators from both sides met in a neighbouring capital last week, and mediators described the meeting "
        "as constructive and promised further rounds.",
        "A report by a human rights group called on the authorities to improve conditions for displaced families "
        "living in camps in {city} and to speed up compensation.",
        "{person}, an economist at a university in {city}, said that remittances from relatives abroad now make up "
        "a large share of household income.",
        "Officials said a new water treatment plant in {city}, funded by international donors, would serve about "
        "{number} people when it opens next year.",
        "The prime minister's office said the cabinet had approved a plan to hire {number} teachers and to raise "
        "the salaries of health workers.",
        "Local councils in {country} have long struggled to collect revenue, and many depend on transfers from the "
        "central government to pay staff.",
        "Bus drivers and taxi owners in {city} said fuel shortages had forced them to queue for hours at petrol "
        "stations this week.",
    ),
    "ar": (
        "وقالت وزارة المالية في بيان إنها تتوقع إقرار الموازنة خلال أسابيع، بعد أشهر من المفاوضات بين الكتل "
        "البرلمانية الرئيسية.",
        "وقال {person}، المتحدث باسم مجلس المحافظة في {city}، إن إمدادات الكهرباء تحسنت لكن نقص المياه لا يزال "
        "مصدر قلق كبير للسكان.",
        "وأفاد مسؤولون في {city} بأن {number} عائلة عادت إلى منازلها خلال الشهر الماضي، وأن المدارس في المنطقة "
        "ستعيد فتح أبوابها قبل نهاية الفصل الدراسي.",
        "وذكرت الأمم المتحدة أن الاحتياجات الإنسانية في {country} لا تزال مرتفعة، إذ يعتمد نحو {number} شخص على "
        "المساعدات الغذائية، فيما ارتفعت أسعار السلع الأساسية بنسبة {percent} في المئة هذا العام.",
        "وقال دبلوماسيون إن المحادثات بشأن تسوية أوسع مستمرة، رغم أن عدة قضايا، بينها ملف السجناء وإعادة فتح "
        "المعابر الحدودية، لا تزال عالقة.",
        "وأبقى البنك المركزي على سعر الفائدة الرئيسي من دون تغيير، وقال إن التضخم تراجع إلى {percent} في المئة "
        "بفضل استقرار سعر الصرف وانخفاض تكاليف الوقود.",
        "واشتكى تجار في {city} من أن كلفة نقل البضائع تضاعفت منذ بداية العام بسبب الحواجز وسوء حالة الطرق.",
        "ويقول محللون إن الوضع في المنطقة ازداد تعقيدا منذ عام {year}، مع تنافس عدة حكومات على النفوذ ووقوع "
        "المجتمعات المحلية بينها.",
        "وقالت وزارة الصحة إنها لقحت أكثر من {number} طفل في المحافظة خلال حملة استمرت أسبوعا، وناشدت توفير مزيد "
        "من التمويل لإبقاء العيادات مفتوحة.",
        "ويقول مزارعون في ريف {city} إن تراجع الأمطار للعام الثاني على التوالي خفض محصول القمح بشكل حاد، وإن "
        "كثيرين منهم باعوا مواشيهم لسداد الديون.",
        "وقال {person} في مؤتمر صحفي في {city} إن الحكومة ملتزمة بالحوار وستقدم مقترحات جديدة إلى البرلمان الأسبوع "
        "المقبل.",
        "ويقدر البنك الدولي أن اقتصاد {country} انكمش بنسبة {percent} في المئة العام الماضي، وأن إعادة الإعمار "
        "ستكلف عشرات المليارات من الدولارات.",
        "وقال سكان إن المحال التجارية والأسواق في وسط {city} أعادت فتح أبوابها، لكن كثيرين ما زالوا يلزمون منازلهم "
        "بعد حلول الظلام.",
        "ومن المتوقع أن يزور وفد من الاتحاد الأوروبي {country} في وقت لاحق من هذا الشهر لبحث المساعدات والهجرة ودعم "
        "الانتخابات المحلية.",
        "وقالت وزارة الكهرباء إن إصلاح محطة الطاقة الرئيسية التي تغذي {city} سيستغرق شهرين على الأقل، وإن برنامج "
        "التقنين سيستمر حتى ذلك الحين.",
        "وتقول وكالات الإغاثة إن التمويل المتاح لعملياتها في {country} لا يغطي سوى أقل من نصف الاحتياجات هذا العام.",
        "وأعلنت شركة الاتصالات عودة خدمات الهاتف المحمول والإنترنت إلى أجزاء من {city} بعد انقطاع استمر عدة أيام.",
        "والتقى المحافظ وجهاء العشائر في {city} لبحث جهود المصالحة وعودة العائلات النازحة، بحسب بيان صادر عن مكتبه.",
        "وارتفعت أسعار الطحين وزيت الطهي بنحو {percent} في المئة منذ الربيع، وفق مسح للأسواق نشرته مجموعة بحثية محلية.",
        "وأرجأ البرلمان التصويت على قانون الانتخابات الجديد للمرة الثالثة بسبب عدم اكتمال النصاب، وقال نواب إن "
        "جلسة قد تعقد بعد العطلة.",
        "وبدأ مهندسون من شركة حكومية إصلاح جسر على الطريق الرئيسي الذي يربط {city} بمركز المحافظة، وفق مسؤولين.",
        "وقالت وزارة التربية إن {number} طالب خاضوا الامتحانات الوطنية هذا العام، بزيادة عن العام الماضي، وإن "
        "النتائج ستنشر على موقعها الإلكتروني.",
        "ويرى مراقبون أن الغضب الشعبي من الفساد والبطالة وتردي الخدمات تزايد في الأشهر الأخيرة، لا سيما بين الشباب.",
        "واجتمع مفاوضون من الجانبين في عاصمة مجاورة الأسبوع الماضي، ووصف الوسطاء الاجتماع بأنه بناء ووعدوا بجولات "
        "أخرى.",
        "ودعا تقرير لمنظمة حقوقية السلطات إلى تحسين ظروف العائلات النازحة التي تعيش في مخيمات في {city} وتسريع "
        "صرف التعويضات.",
        "وقال {person}، وهو خبير اقتصادي في جامعة في {city}، إن تحويلات المغتربين باتت تشكل حصة كبيرة من دخل الأسر.",
        "وقال مسؤولون إن محطة جديدة لمعالجة المياه في {city}، بتمويل من مانحين دوليين، ستخدم نحو {number} شخص عند "
        "افتتاحها العام المقبل.",
        "وقال مكتب رئيس الوزراء إن مجلس الوزراء وافق على خطة لتعيين {number} معلم ورفع رواتب العاملين في القطاع الصحي.",
        "وتعاني المجالس المحلية في {country} منذ سنوات من صعوبة جباية الإيرادات، ويعتمد كثير منها على تحويلات "
        "الحكومة المركزية لدفع الرواتب.",
        "وقال سائقو حافلات وأصحاب سيارات أجرة في {city} إن نقص الوقود أجبرهم على الانتظار ساعات أمام محطات البنزين "
        "هذا الأسبوع.",
    ),
}
PERSONS = {
    "en": ("Ahmed Saleh", "Mahmoud Khalil", "Rana Haddad", "Omar Nasser", "Layla Mansour", "Khaled Yassin",
           "Hussein Abbas", "Samir Aziz", "Nadia Karim", "Yousef Hamdan", "Mariam Fares", "Tariq Jaber"),
    "ar": ("أحمد صالح", "محمود خليل", "رنا حداد", "عمر ناصر", "ليلى منصور", "خالد ياسين", "حسين عباس", "سمير عزيز",
           "نادية كريم", "يوسف حمدان", "مريم فارس", "طارق جابر"),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PlacePool:
    """Candidate places of one country as parallel tuples, with cumulative weights for `random.choices`."""

    ids: tuple[str, ...]
    names: dict[str, tuple[str, ...]]  # language -> names
    cum_weights: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """An event planted in an article: where, when, what, and the sentence that reports it."""

    place_id: str
    day: date
    kind: str
    sentence: str
    place_name: str


@lru_cache(maxsize=1)
def place_pools() -> dict[str, PlacePool]:
    """Populated places and curated sites with an Arabic name, per country, from the real gazetteer (loaded once)."""
    import gazetteer

    ix = gazetteer.default().index
    chosen: dict[str, list[tuple[str, str, str, float]]] = {code: [] for code in COUNTRIES}
    for i, (cc, fc, src, ar) in enumerate(zip(ix.country_codes, ix.feature_classes, ix.sources, ix.names_ar)):
        if cc in chosen and ar and (fc == "P" or src == "sites.csv"):
            weight = SITE_WEIGHT if src == "sites.csv" else max(ix.populations[i], 0) ** 0.5 + 30.0
            chosen[cc].append((ix.ids[i], _plain(ix.names[i]), _plain(ar), weight))
    pools = {}
    for code, rows in chosen.items():
        total, cumulative = 0.0, []
        for row in rows:
            total += row[3]
            cumulative.append(total)
        pools[code] = PlacePool(
            ids=tuple(r[0] for r in rows),
            names={"en": tuple(r[1] for r in rows), "ar": tuple(r[2] for r in rows)},
            cum_weights=tuple(cumulative),
        )
    return pools


def _plain(name: str) -> str:
    """A place name safe in a title line and a clause: no commas or brackets that would split it."""
    return name.replace(",", " ").replace("(", " ").replace(")", " ").replace("،", " ").strip()


@lru_cache(maxsize=1)
def actor_forms() -> dict[str, dict[str, tuple[str, ...]]]:
    """Actor key -> language -> surface forms, read from the product's actor lexicon (incidents/data/actors.csv)."""
    path = ROOT / "incidents" / "data" / "actors.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return {
            row["key"]: {"en": tuple(row["english"].split("|")), "ar": tuple(row["arabic"].split("|"))}
            for row in csv.DictReader(f)
        }


def _actor(rng: random.Random, key: str, language: str) -> str:
    """A surface form of the actor: the lexicon's first (canonical) form most often, another one sometimes."""
    forms = actor_forms()[key][language]
    return forms[0] if rng.random() < 0.6 else rng.choice(forms[:4])


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _when(rng: random.Random, published: date, language: str) -> tuple[str, date]:
    """A date phrase and the day it means: weekday, yesterday, explicit day-month, or none (the publication day)."""
    roll = rng.random()
    if roll < 0.1:
        return "", published
    if roll < 0.35:
        return ("yesterday" if language == "en" else "أمس"), published - timedelta(days=1)
    if roll < 0.7:
        day = published - timedelta(days=rng.randint(0, 6))
        if language == "en":
            return f"on {EN_WEEKDAYS[day.weekday()]}", day
        return (f"يوم {AR_WEEKDAYS[day.weekday()]}" if rng.random() < 0.5 else AR_WEEKDAYS[day.weekday()]), day
    day = published - timedelta(days=rng.randint(0, 10))
    if language == "en":
        month = EN_MONTHS[day.month - 1]
        return (f"on {month} {day.day}" if rng.random() < 0.5 else f"on {day.day} {month}"), day
    months = AR_MONTHS_LEVANT if rng.random() < 0.3 else AR_MONTHS
    return f"في {day.day} {months[day.month - 1]}", day


def _killed(rng: random.Random, language: str) -> str:
    """A fatality phrase: usually none or a few dead, sometimes dozens; numerals or number words."""
    roll = rng.random()
    if roll < 0.35:
        n = 0
    elif roll < 0.85:
        n = rng.randint(1, 4)
    else:
        n = rng.randint(5, 10) if roll < 0.95 else rng.randint(11, 60)
    if n == 0:
        return rng.choice(NO_CASUALTIES[language])
    words = rng.random() < 0.5
    if language == "en":
        phrase = rng.choice(KILLED["en"])
        noun = phrase.rsplit(" ", 1)[1]
        if n == 1:
            return phrase.replace("{n} " + noun, f"one {EN_NOUNS[noun]}" if noun != "dead" else "one dead")
        return phrase.format(n=EN_NUMBERS[n] if words and n <= 10 else str(n))
    singular, dual, plural, accusative = rng.choice(AR_PERSONS)
    if n == 1:
        counted = f"{singular} واحد" if rng.random() < 0.5 else singular
    elif n == 2:
        counted = dual
    elif n <= 10:
        counted = f"{AR_NUMBERS[n] if words else n} {plural}"
    else:
        counted = f"{n} {accusative}"
    return rng.choice(KILLED["ar"]).format(n=counted)


def _count(rng: random.Random, language: str) -> str:
    """A small count of rockets, rounds or suspects (3-6: Arabic counts from 3 take a plural noun)."""
    n = rng.randint(3, 6)
    if language == "en":
        return EN_NUMBERS[n] if rng.random() < 0.6 else str(n)
    return AR_NUMBERS[n] if rng.random() < 0.6 else str(n)


def _event(rng: random.Random, code: str, kind: str, published: date, language: str) -> Event:
    """One event sentence at a real place of the country, and what it reports."""
    pool = place_pools()[code]
    index = rng.choices(range(len(pool.ids)), cum_weights=pool.cum_weights)[0]
    place = pool.names[language][index]
    when, day = _when(rng, published, language)
    armed = ARMED_ACTORS[code]
    first = rng.choice(armed)
    second = rng.choice([a for a in armed if a != first] or armed)
    template = rng.choice(EVENTS[language][kind])
    sentence = template.format(
        place=place,
        when=when,
        killed=_killed(rng, language) if kind in VIOLENT else "",
        source=rng.choice(SOURCES[language]),
        actor=_actor(rng, first, language),
        actor2=_actor(rng, second, language),
        state=_actor(rng, rng.choice(STATE_ACTORS[code]), language),
        count=_count(rng, language),
        drones=rng.choice(EN_DRONES if language == "en" else AR_DRONES),
    )
    sentence = _capitalised(" ".join(sentence.split()).replace(" ,", ",").replace(" ،", "،"))
    return Event(pool.ids[index], day, kind, sentence, place)


def _filler(rng: random.Random, code: str, language: str, count: int) -> list[str]:
    """`count` filler sentences (distinct where the pool allows) about the country, naming its real places."""
    pool = place_pools()[code]
    names = pool.names[language]
    country = COUNTRIES[code][language]
    templates = FILLER[language]
    picks = rng.sample(templates, count) if count <= len(templates) else rng.choices(templates, k=count)
    out = []
    for template in picks:
        number = rng.randint(120, 95_000)
        out.append(
            _capitalised(
                template.format(
                    city=rng.choice(names),
                    country=country,
                    person=rng.choice(PERSONS[language]),
                    number=f"{number:,}" if language == "en" else str(number),
                    percent=rng.randint(2, 45),
                    year=rng.randint(2003, 2021),
                )
            )
        )
    return out


def _kinds(rng: random.Random, n: int) -> list[str]:
    names = list(KINDS)
    return rng.choices(names, weights=[KINDS[k][0] for k in names], k=n)


def _article(rng: random.Random, number: int, seed: int, words: int) -> Article:
    """One synthetic article of about `words` words with one to four events."""
    language = "ar" if rng.random() < 0.5 else "en"
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    code = rng.choices(list(COUNTRY_WEIGHTS), weights=list(COUNTRY_WEIGHTS.values()))[0]
    events = [_event(rng, code, kind, published, language) for kind in _kinds(rng, rng.choice((1, 1, 2, 2, 3, 4)))]
    event_words = sum(len(e.sentence.split()) for e in events)
    sentence_words = 25 if language == "en" else 20  # the filler's mean, so one draw gives about `words` words
    fillers = _filler(rng, code, language, max(2, round((words - event_words - 12) / sentence_words)))
    paragraphs = _paragraphs(rng, [e.sentence for e in events], fillers)
    title = f"{TITLE_PREFIX} " + TITLES[language][events[0].kind].format(place=events[0].place_name)
    dateline = COUNTRIES[code][f"dateline_{language}"] + " —"
    text = "\n\n".join([title, dateline, *paragraphs, NOTICE[language]])
    identifier = f"{ID_PREFIX}{seed}-{number:07d}"
    return Article(
        id=identifier,
        text=text,
        published=published,
        source=SOURCE,
        url=URL_PREFIX + identifier,
        title=title,
        language=language,
        extra={"synthetic_events": [(e.place_id, e.day.isoformat(), e.kind, KINDS[e.kind][1]) for e in events]},
    )


def _paragraphs(rng: random.Random, events: list[str], fillers: list[str]) -> list[str]:
    """News layout: the first event leads, later events open paragraphs further down, filler fills 1-3 per paragraph."""
    paragraphs: list[list[str]] = []
    rest = list(fillers)
    while rest:
        size = rng.choice((1, 2, 2, 3))
        paragraphs.append(rest[:size])
        rest = rest[size:]
    paragraphs = paragraphs or [[]]
    paragraphs[0].insert(0, events[0])
    for sentence in events[1:]:
        spot = rng.randrange(1, len(paragraphs) + 1)
        if spot == len(paragraphs):
            paragraphs.append([sentence])
        else:
            paragraphs[spot].insert(0, sentence)
    return [" ".join(p) for p in paragraphs if p]


def synthetic_articles(n: int, seed: int = 0, words: int = 600) -> Iterator[Article]:
    """n SYNTHETIC articles (labelled as such), the same for the same seed; about `words` words each."""
    rng = random.Random(seed)
    place_pools()
    for number in range(n):
        yield _article(rng, number, seed, words)


def record(article: Article) -> dict:
    """The article as a JSONL record with the fields `incidents.distributed` reads."""
    return {
        "id": article.id,
        "text": article.text,
        "published": article.published.isoformat(),
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "language": article.language,
    }


def write_shards(n: int, folder: str | Path, shard_size: int = 5000, *, seed: int = 0, words: int = 600) -> list[Path]:
    """Write n synthetic articles as JSONL shards of `shard_size` lines into `folder`; the shard paths, in order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    handle = None
    try:
        for i, article in enumerate(synthetic_articles(n, seed, words)):
            if i % shard_size == 0:
                if handle:
                    handle.close()
                paths.append(folder / f"synthetic-{seed}-{len(paths):05d}.jsonl")
                handle = paths[-1].open("w", encoding="utf-8")
            handle.write(json.dumps(record(article), ensure_ascii=False) + "\n")
    finally:
        if handle:
            handle.close()
    return paths


def check_templates() -> list[str]:
    """Problems with the templates: an event sentence without a live trigger, a filler sentence with any trigger.

    Runs the product's own tokenizer and trigger finder, so the fixture stays
    true to the lexicon when either changes.
    """
    from incidents.text import tokens
    from incidents.triggers import find_triggers

    problems = []
    for language in ("en", "ar"):
        for kind in KINDS:
            for template in EVENTS[language][kind]:
                text = _fill_event(template, language)
                found = [t for t in find_triggers(text, tokens(text), language) if not t.blocked]
                kinds = {t.entry.kind for t in found}
                if not kinds & {"attack", "event"} and not {"impact", "weapon"} <= kinds:
                    problems.append(f"event template without a live trigger ({language}, {kind}): {template}")
        for template in FILLER[language]:
            text = _filler_text(template, language)
            found = find_triggers(text, tokens(text), language)
            if found:
                problems.append(f"filler with trigger {[t.text for t in found]} ({language}): {template}")
    return problems


def _fill_event(template: str, language: str) -> str:
    rng = random.Random(0)
    return template.format(
        place="X",
        when="",
        killed=_killed(rng, language),
        source=SOURCES[language][0],
        actor=actor_forms()["iraq_forces"][language][0],
        actor2=actor_forms()["pmf"][language][0],
        state=actor_forms()["iraq_police"][language][0],
        count=_count(rng, language),
        drones=EN_DRONES[1] if language == "en" else AR_DRONES[1],
    )


def _filler_text(template: str, language: str) -> str:
    return template.format(city="X", country=COUNTRIES["IQ"][language], person=PERSONS[language][0], number=1234,
                           percent=12, year=2014)  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    """Write N synthetic articles as JSONL shards into a folder and say how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--shard-size", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = write_shards(args.articles, args.folder, args.shard_size, seed=args.seed, words=args.words)
    print(f"{args.articles:,} SYNTHETIC articles in {len(paths)} shards under {args.folder} "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()

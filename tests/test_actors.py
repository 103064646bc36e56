import csv
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from incidents.actors import (
    Actor,
    ActorMention,
    civilians,
    find_actors,
    inter_in,
    protesters,
    rioters,
    unidentified_armed_group,
)
from incidents.taxonomy import INTER_CODES

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_aa4d7466b8e6fa91.txt"
ACTORS_CSV = ROOT / "incidents" / "data" / "actors.csv"

US_FORCES = "Military Forces of the United States"
PMF = "Military Forces of Iraq Popular Mobilization Forces"
IRAQI_FORCES = "Military Forces of Iraq"
ISLAMIC_RESISTANCE = "Islamic Resistance in Iraq"


def names(text: str, language: str) -> list[str]:
    return [m.actor.name for m in find_actors(text, language)]


def only(text: str, language: str) -> ActorMention:
    mentions = find_actors(text, language)
    assert len(mentions) == 1, mentions
    return mentions[0]


# --- the seed article ---------------------------------------------------------------------------


def test_seed_us_forces_stationed_in_iraq_and_syria_are_us_forces():
    mention = only("بأن قوات أميركية متمركزة في العراق وسوريا، تعرّضت لهجومين منفصلين", "ar")
    assert mention.text == "قوات أميركية"
    assert mention.actor == Actor(US_FORCES, 1, "US", "state")


def test_seed_armed_factions_in_iraq_are_the_islamic_resistance():
    mention = only("بعد إعلان الفصائل المسلحة في العراق وسوريا، قبل نحو ثلاثة أشهر، توقيف هجماتها", "ar")
    assert mention.text == "الفصائل المسلحة في العراق"
    assert mention.actor.name == ISLAMIC_RESISTANCE
    assert mention.actor.inter == 3


def test_seed_an_iraqi_force_is_iraqi_state_forces():
    mention = only("وأودى انفجار ضخم في قاعدة عسكرية بالعراق، السبت، بحياة أحد أفراد قوة عراقية", "ar")
    assert mention.text == "قوة عراقية"
    assert mention.actor == Actor(IRAQI_FORCES, 1, "IQ", "state")


def test_seed_an_american_official_is_not_an_actor():
    assert find_actors("وقال مسؤول أميركي، إنه جرى إسقاط طائرتين مسيّرتين قرب قاعدة عين الأسد الجوية", "ar") == []


def test_seed_article_reads_us_forces_the_factions_iraqi_forces_and_islamic_state():
    found = names(SEED.read_text(encoding="utf-8"), "ar")
    assert set(found) == {US_FORCES, ISLAMIC_RESISTANCE, IRAQI_FORCES, "Islamic State"}
    assert found.count(US_FORCES) == 9


def test_seed_ministry_president_and_bare_army_are_not_actors():
    text = (
        "وقال مسؤول بوزارة الدفاع الأميركية رفض الكشف عن هويته. بينما ذكر الجيش أنه يحقق في الواقعة. "
        "حيث التقى مع الرئيس الأميركي جو بايدن"
    )
    assert find_actors(text, "ar") == []


# --- Arabic -------------------------------------------------------------------------------------


def test_definite_us_forces_are_us_forces():
    assert names("يستهدف القوات الأميركية في العراق وسوريا", "ar") == [US_FORCES]


def test_american_soldiers_plural_are_us_forces():
    assert names("أصيب جنود أميركيون في الهجوم على قاعدة التنف", "ar") == [US_FORCES]


def test_american_servicemen_are_us_forces():
    assert names("رداً على سقوط ثلاثة عسكريين أميركيين في هجوم بطائرة مسيرة", "ar") == [US_FORCES]


def test_american_military_officials_are_not_forces():
    assert find_actors("بحسب مسؤولين عسكريين أميركيين تحدثوا لرويترز", "ar") == []


def test_the_iraqi_army_is_iraqi_forces():
    assert names("أعلن الجيش العراقي مقتل ثلاثة من عناصره", "ar") == [IRAQI_FORCES]


def test_proclitic_lam_before_the_article_is_read():
    mention = only("في هجوم صاروخي على قاعدة تابعة للقوات الأميركية في سوريا", "ar")
    assert mention.text == "للقوات الأميركية"
    assert mention.actor.name == US_FORCES


def test_proclitic_waw_is_read_on_hezbollah():
    assert names("تبادلت إسرائيل وحزب الله القصف عبر الحدود", "ar") == ["Hezbollah"]


def test_proclitic_ba_is_read_on_the_houthis():
    mention = only("وندد البيان بالحوثيين بعد استهداف السفينة", "ar")
    assert mention.text == "بالحوثيين"
    assert mention.actor.name == "Military Forces of Yemen Houthi"


def test_kataib_hezbollah_is_not_also_hezbollah():
    mention = only("تبنت كتائب حزب الله الهجوم على القاعدة", "ar")
    assert mention.text == "كتائب حزب الله"
    assert mention.actor.name == "Kataib Hezbollah (Iraq)"


def test_a_crowd_is_not_the_popular_mobilization_forces():
    assert find_actors("تجمع الحشد أمام مبنى المحافظة", "ar") == []


def test_the_popular_mobilization_forces_are_read_with_their_adjective():
    assert names("انتشرت قوات من الحشد الشعبي في سنجار", "ar") == [PMF]


def test_the_state_is_not_the_islamic_state():
    assert find_actors("أعلنت الدولة حالة الطوارئ في المحافظة", "ar") == []


def test_the_islamic_state_organisation_is_islamic_state():
    assert names("هجوم تبناه تنظيم الدولة الإسلامية في البادية", "ar") == ["Islamic State"]


def test_sdf_by_name_and_acronym():
    assert names("قوات سوريا الديمقراطية (قسد) تعتقل خلية", "ar") == ["QSD: Syrian Democratic Forces"] * 2


def test_sudanese_army_and_rsf_in_text_order():
    mentions = find_actors("اشتباكات بين الجيش السوداني وقوات الدعم السريع في الفاشر", "ar")
    assert [m.actor.name for m in mentions] == ["Military Forces of Sudan", "Rapid Support Forces"]
    assert mentions[0].end <= mentions[1].start


def test_turkish_army_shells_the_pkk():
    text = "قصف الجيش التركي مواقع لحزب العمال الكردستاني في دهوك"
    assert names(text, "ar") == ["Military Forces of Turkey", "PKK: Kurdistan Workers Party"]


def test_irgc_wins_over_a_nationality_reading():
    mention = only("قال الحرس الثوري الإيراني إنه استهدف مقرات في أربيل", "ar")
    assert mention.actor.name == "Military Forces of Iran Islamic Revolutionary Guard Corps"


def test_the_occupation_army_is_israeli_forces():
    assert names("اقتحم جيش الاحتلال مخيم جنين فجر اليوم", "ar") == ["Military Forces of Israel"]


def test_qassam_and_quds_brigades_are_hamas_and_islamic_jihad():
    text = "أعلنت كتائب القسام وسرايا القدس قصف مواقع إسرائيلية"
    assert names(text, "ar") == ["Hamas Movement", "PIJ: Palestinian Islamic Jihad"]


def test_saudi_led_coalition_and_southern_transitional_council():
    text = "اتهم المجلس الانتقالي الجنوبي التحالف بقيادة السعودية"
    assert names(text, "ar") == ["Southern Transitional Council", "Operation Restoring Hope"]


def test_syrian_national_army_is_not_the_syrian_army():
    assert names("هاجمت فصائل الجيش الوطني السوري مواقع قسد", "ar") == [
        "Syrian National Army",
        "QSD: Syrian Democratic Forces",
    ]


def test_iraqi_and_american_forces_coordinated():
    mentions = find_actors("نفذت القوات العراقية والأميركية عملية مشتركة", "ar")
    assert [(m.text, m.actor.name) for m in mentions] == [
        ("القوات العراقية", IRAQI_FORCES),
        ("والأميركية", US_FORCES),
    ]


def test_new_countries_need_no_lexicon_row():
    assert names("انتشرت قوات فرنسية قرب الحدود", "ar") == ["Military Forces of France"]
    assert names("قصف الجيش الباكستاني مواقع للمسلحين", "ar")[0] == "Military Forces of Pakistan"


def test_iraqi_police_is_police_forces():
    assert names("أعلنت الشرطة العراقية اعتقال المتهم", "ar") == ["Police Forces of Iraq"]


def test_financial_power_is_not_malian_forces():
    assert find_actors("تراجعت القوة المالية للشركات", "ar") == []


def test_an_airline_is_not_an_air_force():
    assert find_actors("أعلنت شركة الطيران التركية تعليق رحلاتها", "ar") == []


def test_unknown_gunmen_are_an_unidentified_armed_group():
    mention = only("اغتال مسلحون مجهولون ناشطاً في البصرة", "ar")
    assert mention.actor == Actor("Unidentified Armed Group", 3, "", "militia")


def test_gunmen_of_a_named_group_are_that_group():
    assert names("هاجم مسلحين من داعش قرية في ديالى", "ar") == ["Islamic State"]


def test_iraqi_protesters_carry_their_country():
    assert only("خرج متظاهرين عراقيين إلى الشوارع", "ar").actor == Actor("Protesters (Iraq)", 6, "IQ", "protesters")


def test_civilians_without_a_nationality_have_no_country_yet():
    assert only("قتل مدنيان في قصف مدفعي", "ar").actor == Actor("Civilians", 7, "", "civilians")


# --- English ------------------------------------------------------------------------------------


def test_us_troops_with_dotted_abbreviation():
    assert only("Two U.S. troops were wounded in the attack", "en").text == "U.S. troops"
    assert names("Two U.S. troops were wounded in the attack", "en") == [US_FORCES]


def test_american_soldiers_and_us_forces():
    assert names("American soldiers and US forces came under fire", "en") == [US_FORCES, US_FORCES]


def test_iraqi_government_and_us_military_official_are_not_actors():
    assert find_actors("A US military official said the Iraqi government was informed", "en") == []


def test_pro_iranian_forces_are_not_iranian_forces():
    assert find_actors("pro-Iranian forces fired rockets", "en") == []


def test_us_and_iraqi_forces_are_two_actors():
    assert names("US and Iraqi forces conducted a joint raid", "en") == [US_FORCES, IRAQI_FORCES]


def test_country_possessive_reads_as_its_forces():
    assert names("Turkey's army shelled villages", "en") == ["Military Forces of Turkey"]


def test_new_country_in_english_needs_no_lexicon_row():
    assert names("Nigerian troops repelled the attack", "en") == ["Military Forces of Nigeria"]


def test_is_militants_but_not_the_verb_is():
    assert names("IS militants attacked a checkpoint, which is near Kirkuk", "en") == ["Islamic State"]


def test_kataib_hezbollah_in_english_is_not_hezbollah():
    assert names("Kataib Hezbollah denied the attack", "en") == ["Kataib Hezbollah (Iraq)"]


def test_houthi_rebels_and_ansar_allah():
    assert (
        names("Houthi rebels, who call themselves Ansar Allah, fired a missile", "en")
        == ["Military Forces of Yemen Houthi"] * 2
    )


def test_islamic_resistance_in_iraq_claims():
    assert names("The Islamic Resistance in Iraq claimed the drone attack", "en") == [ISLAMIC_RESISTANCE]


def test_pmf_by_name_and_acronym():
    assert names("the Popular Mobilization Forces (PMF) said", "en") == [PMF] * 2


def test_syrian_democratic_forces_are_not_syrian_forces():
    assert names("the Syrian Democratic Forces captured the town", "en") == ["QSD: Syrian Democratic Forces"]


def test_israeli_forces_and_idf():
    assert names("Israeli forces raided Jenin, the IDF said", "en") == ["Military Forces of Israel"] * 2


def test_coalition_forces_are_the_global_coalition():
    assert only("coalition forces struck an IS hideout", "en").actor == Actor(
        "Global Coalition Against Daesh", 8, "", "external"
    )


def test_all_capitals_headline_is_read():
    assert names("HAMAS FIGHTERS AMBUSH ISRAELI TROOPS", "en") == ["Hamas Movement", "Military Forces of Israel"]


def test_isis_gunmen_are_islamic_state_only():
    assert names("ISIS gunmen killed two shepherds", "en") == ["Islamic State"]


def test_unidentified_gunmen_and_protesters_without_a_country():
    assert names("unidentified gunmen fired on protesters", "en") == ["Unidentified Armed Group", "Protesters"]


def test_iraqi_protesters_in_english_carry_their_country():
    assert only("Iraqi protesters stormed the building", "en").actor.country == "IQ"


# --- inter codes and named group actors ---------------------------------------------------------


def test_us_forces_in_iraq_are_external_forces():
    us_forces = only("US forces", "en").actor
    assert inter_in(us_forces, "IQ") == 8


def test_us_forces_at_home_are_state_forces():
    us_forces = only("US forces", "en").actor
    assert inter_in(us_forces, "US") == 1


def test_non_state_actors_keep_their_inter_code_abroad():
    assert inter_in(only("Hezbollah", "en").actor, "SY") == 3


def test_unidentified_armed_group_of_a_country():
    assert unidentified_armed_group("Iraq") == Actor("Unidentified Armed Group (Iraq)", 3, "IQ", "militia")


def test_civilians_protesters_and_rioters_of_a_country():
    assert civilians("Iraq") == Actor("Civilians (Iraq)", 7, "IQ", "civilians")
    assert protesters("Iraq") == Actor("Protesters (Iraq)", 6, "IQ", "protesters")
    assert rioters("Iraq") == Actor("Rioters (Iraq)", 5, "IQ", "rioters")


def test_group_actors_use_acleds_country_names():
    assert civilians("Türkiye").name == "Civilians (Turkey)"
    assert protesters("Palestinian Territories").name == "Protesters (Palestine)"


def test_actors_are_frozen():
    with pytest.raises(FrozenInstanceError):
        civilians("Iraq").inter = 1  # type: ignore[misc]


# --- the lexicon and speed ----------------------------------------------------------------------


def test_every_lexicon_row_has_acleds_inter_code_for_its_kind():
    kinds = ["state", "rebel", "militia", "identity", "rioters", "protesters", "civilians", "external"]
    rows = list(csv.DictReader(ACTORS_CSV.open(encoding="utf-8")))
    assert len({row["key"] for row in rows}) == len(rows)
    for row in rows:
        assert int(row["inter"]) in INTER_CODES
        assert kinds.index(row["kind"]) + 1 == int(row["inter"]), row["key"]
        assert row["english"] and row["arabic"], row["key"]


def test_every_surface_form_reads_back_as_its_own_actor():
    for row in csv.DictReader(ACTORS_CSV.open(encoding="utf-8")):
        for language, column in (("en", "english"), ("ar", "arabic")):
            for form in row[column].split("|"):
                mention = only(form, language)
                assert (mention.text, mention.actor.name) == (form, row["acled_name"])


def test_mentions_are_in_text_order_and_point_into_the_text():
    text = SEED.read_text(encoding="utf-8")
    mentions = find_actors(text, "ar")
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))

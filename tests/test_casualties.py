from pathlib import Path

import pytest

from incidents.casualties import Casualties, read_casualties

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_aa4d7466b8e6fa91.txt"


def seed_sentence(fragment: str) -> str:
    """The sentence of the seed article that holds `fragment`, as the article writes it."""
    for line in SEED.read_text(encoding="utf-8").splitlines():
        for sentence in line.split(". "):
            if fragment in sentence:
                return sentence
    raise AssertionError(fragment)


def counts(text: str, language: str) -> tuple[int | None, int | None]:
    result = read_casualties(text, language)
    return result.killed, result.wounded


@pytest.mark.parametrize(
    ("fragment", "killed"),
    [
        ("بحياة أحد أفراد قوة عراقية", 1),
        ("ولم ترد أنباء عن وقوع إصابات", 0),
        ("سقوط ثلاثة عسكريين أميركيين", 3),
        ("وطائرتين مسيّرتين، خلال أقل من 24 ساعة", None),
        ("نحو 2500 جندي في العراق", None),
        ("بخمسة صواريخ أُطلقت من شمال العراق", None),
        ("وأطاحت بالرئيس صدام حسين", None),
    ],
)
def test_seed_article_sentences(fragment: str, killed: int | None) -> None:
    assert read_casualties(seed_sentence(fragment), "ar").killed == killed


def test_seed_evidence_is_the_phrase_in_the_original_text() -> None:
    sentence = seed_sentence("بحياة أحد أفراد")
    start, end = read_casualties(sentence, "ar").evidence
    assert sentence[start:end].startswith("وأودى") and sentence[start:end].endswith("بحياة أحد")
    sentence = seed_sentence("ولم ترد أنباء")
    start, end = read_casualties(sentence, "ar").evidence
    assert sentence[start:end] == "ولم ترد أنباء عن وقوع إصابات"
    sentence = seed_sentence("سقوط ثلاثة")
    start, end = read_casualties(sentence, "ar").evidence
    assert sentence[start:end] == "سقوط ثلاثة"


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        # Death words and figures.
        ("قُتل ثلاثة جنود أمريكيين", 3, None),
        ("قتل 20 شخصا على الأقل", 20, None),
        ("قتل خمسة وعشرين شخصا", 25, None),
        ("مقتل أحد عشر شخصا", 11, None),
        ("مقتل ٣ أشخاص", 3, None),
        ("قتل شخص واحد", 1, None),
        ("لقي 3 أشخاص حتفهم", 3, None),
        ("لقي جندي مصرعه", 1, None),
        ("استشهد 4 فلسطينيين برصاص قوات الاحتلال", 4, None),
        ("استشهاد شاب فلسطيني", 1, None),
        ("أسفرت الغارة عن سقوط 12 قتيلا", 12, None),
        ("سقط 5 قتلى", 5, None),
        ("ارتفعت حصيلة القتلى إلى 9", 9, None),
        ("ارتفع عدد القتلى من 5 إلى 9", 9, None),
        ("قالت مصادر طبية إن حصيلة القتلى ارتفعت إلى 12 قتيلا", 12, None),
        ("أودى القصف بحياة شخص", 1, None),
        ("أودت الغارة بحياة خمسة مدنيين", 5, None),
        ("توفي طفل متأثرا بجراحه", 1, None),
        ("انتشال 7 جثث", 7, None),
        ("العثور على جثة رجل", 1, None),
        ("قتل جندي", 1, None),
        ("مقتل 3 من الحوثيين", 3, None),
        ("قتل اثنان من المسلحين", 2, None),
        # Killed and wounded kept apart.
        ("قتل 3 جنود وأصيب 12 آخرون", 3, 12),
        ("أسفر الهجوم عن مقتل 7 أشخاص وإصابة 15 آخرين", 7, 15),
        ("وأسفر الهجوم عن مقتل شخصين وإصابة 5 آخرين بجروح", 2, 5),
        ("استشهد 3 فلسطينيين وأصيب 10 آخرون برصاص الاحتلال في جنين", 3, 10),
        ("قتل شخصان وأصيب ثلاثة آخرون", 2, 3),
        ("قتل اثنان وأصيب ثلاثة", 2, 3),
        ("قتيل وجريحان", 1, 2),
        ("قُتل شخص وأصيب آخران", 1, 2),
        ("أصيب شخصان بجروح", None, 2),
        ("جرح 5 مدنيين", None, 5),
        ("إصابة 3 جنود إسرائيليين", None, 3),
        ("مقتل وإصابة 10 أشخاص", None, None),
        ("سقوط قتلى وجرحى", None, None),
        # Lowest figure, sums and sub-counts.
        ("قتل 3 وفي رواية أخرى 5", 3, None),
        ("قتل 4 أشخاص، فيما قالت مصادر طبية إن عدد القتلى بلغ 6", 4, None),
        ("قتل 10 أشخاص بينهم 3 أطفال", 10, None),
        ("قتل 3 بينهم طفلان", 3, None),
        ("قتل 3 جنود و2 من المدنيين", 5, None),
        ("أعلن الجيش مقتل قائد ميداني و3 من مرافقيه", 4, None),
        ("مقتل طفلين وامرأة", 3, None),
        # Duals: counted only for nouns whose form cannot be a plural.
        ("مقتل جنديين إسرائيليين", 2, None),
        ("قتل رجلان", 2, None),
        ("قتل مدنيان في القصف", 2, None),
        ("قتل عنصران من الشرطة", 2, None),
        # Vague figures.
        ("سقوط عشرات القتلى", 12, None),
        ("قتل عدد من عناصر داعش", 3, None),
        ("أودى القصف بحياة عدد من المدنيين", 3, None),
        # Nobody hurt.
        ("دون وقوع إصابات", 0, 0),
        ("لم يسفر الهجوم عن إصابات", 0, 0),
        ("لم يصب أحد بأذى", 0, 0),
        ("لم يتم الإبلاغ عن وقوع إصابات", 0, 0),
        ("أطلقت خمسة صواريخ على القاعدة دون وقوع إصابات", 0, 0),
        ("لم يصب أي من الجنود", 0, 0),
        ("لم يقتل أي شخص في الهجوم", 0, None),
        ("لم يتضح عدد الضحايا", None, None),
        # Figures that count something else.
        ("سقوط 5 صواريخ", None, None),
        ("سقوط طائرة مسيرة", None, None),
        ("وصل ثلاثة عسكريين أميركيين إلى القاعدة", None, None),
        ("قتل 5 جنود في هجوم استمر 3 ساعات", 5, None),
        ("ما أدى إلى مقتل 6 من أفراد عائلة واحدة", 6, None),
    ],
)
def test_arabic(text: str, killed: int | None, wounded: int | None) -> None:
    assert counts(text, "ar") == (killed, wounded)


@pytest.mark.parametrize(
    "text",
    [
        "قتل حسين علي في الهجوم",
        "غارة على بلدة رميلان ومدينة عمان وجنوب لبنان",
        "مقتل عناصر من الحوثيين منذ سنين",
        "قتل مدنيين في القصف",
        "مقتل عسكريين في الهجوم",
        "مقتل مقاتلين من الفصائل",
        "تعرضت لهجومين بطائرتين مسيرتين أسفرا عن قتل",
    ],
)
def test_arabic_words_that_look_like_duals_count_nobody(text: str) -> None:
    assert read_casualties(text, "ar").killed is None


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("Gunmen killed 3 people and wounded 12.", 3, 12),
        ("At least 12 people were killed and 30 wounded in the bombing.", 12, 30),
        ("Three people were killed and 12 others wounded when a car bomb exploded in 2019.", 3, 12),
        ("Officials said 2 people died and 5 were injured.", 2, 5),
        ("Gunmen killed 3 police officers and injured 2 civilians on Monday.", 3, 2),
        ("At least two people were killed, while 15 were injured, 3 of them critically.", 2, 15),
        ("The attack killed at least 5 people, though health officials said 7 died.", 5, None),
        ("The bombing killed 12 people, according to police, while hospital sources put the toll at 15.", 12, None),
        ("The attack killed at least 5, possibly 7.", 5, None),
        ("Five people were killed, seven according to local officials.", 5, None),
        ("The death toll rose to 9.", 9, None),
        ("The death toll from the attack rose to 15.", 15, None),
        ("The blast killed a child.", 1, None),
        ("A soldier was killed.", 1, None),
        ("An Israeli was killed.", 1, None),
        ("A 25-year-old man was killed.", 1, None),
        ("A three-year-old girl was killed.", 1, None),
        ("He died in hospital.", 1, None),
        ("The man died of his wounds.", 1, None),
        ("Two people died.", 2, None),
        ("Twenty-five people were killed.", 25, None),
        ("Two dozen people were killed.", 24, None),
        ("Three Palestinian civilians were reportedly killed.", 3, None),
        ("Israeli strikes killed 25 Palestinians, the health ministry said.", 25, None),
        ("The UN said 1,200 people had been killed since January.", 1200, None),
        ("Police killed one of the attackers.", 1, None),
        ("One of the attackers was killed.", 1, None),
        ("Seven bodies were found.", 7, None),
        ("Police said 4 bodies were found.", 4, None),
        ("Rockets hit the base in 2023, killing 4 soldiers.", 4, None),
        ("F-16 jets killed 4 fighters.", 4, None),
        ("A gunman killed 3 people.", 3, None),
        ("The attack, which lasted two hours, killed three guards.", 3, None),
        # Sums and sub-counts.
        ("Troops killed 3 militants and 2 civilians.", 5, None),
        ("Three soldiers and two civilians were killed.", 5, None),
        ("The strike killed a mother and her two children.", 3, None),
        ("Five people, including two children, were killed.", 5, None),
        ("The attack killed 10 people, among them 3 children.", 10, None),
        ("The blast killed 3 people including a child.", 3, None),
        ("12 were killed, of whom 5 were soldiers.", 12, None),
        ("Among the dead were three children.", 3, None),
        # Vague figures.
        ("Dozens of people were killed.", 12, None),
        ("Several people were killed.", 3, None),
        ("Hundreds were killed.", 100, None),
        ("A number of soldiers were wounded.", None, 3),
        ("Tens of people were wounded.", None, 10),
        # Nobody hurt.
        ("No casualties were reported.", 0, 0),
        ("No one was hurt.", 0, 0),
        ("Nobody was injured.", 0, 0),
        ("No injuries were reported.", 0, 0),
        ("The attack ended without casualties.", 0, 0),
        ("There were no immediate reports of casualties.", 0, 0),
        ("The man said he was not hurt.", 0, 0),
        ("The explosion injured 7 people but caused no deaths.", 0, 7),
        ("No one was killed but 3 were wounded.", 0, 3),
        ("The army said no American soldiers were hurt.", 0, 0),
        # Figures that count something else, or no casualties at all.
        ("US forces fired two drones over 24 hours.", None, None),
        ("Two drones struck the base on Sunday.", None, None),
        ("The strike hit a building in 2014.", None, None),
        ("The plane carried 150 passengers.", None, None),
        ("3 killed 5 wounded", 3, 5),
        ("killed 3 wounded 5", 3, 5),
    ],
)
def test_english(text: str, killed: int | None, wounded: int | None) -> None:
    assert counts(text, "en") == (killed, wounded)


def test_english_evidence() -> None:
    text = "The attack killed at least 5 people, though health officials said 7 died."
    start, end = read_casualties(text, "en").evidence
    assert text[start:end] == "killed at least 5"


def test_nothing_reported() -> None:
    assert read_casualties("The minister met the envoy in Baghdad.", "en") == Casualties(None, None, None)
    assert read_casualties("والتقى الوزير المبعوث في بغداد.", "ar") == Casualties(None, None, None)


def test_language_other_than_ar_or_en_is_told_by_the_script() -> None:
    assert read_casualties("قتل 3 جنود", "und").killed == 3
    assert read_casualties("3 soldiers were killed", "und").killed == 3

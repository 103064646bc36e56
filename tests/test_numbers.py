from pathlib import Path

import pytest

from incidents.numbers import NumberMention, find_numbers, fold

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_aa4d7466b8e6fa91.txt"


def values(text: str, language: str) -> list[int]:
    return [m.value for m in find_numbers(text, language)]


def only(text: str, language: str) -> NumberMention:
    mentions = find_numbers(text, language)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3", 3),
        ("٣", 3),
        ("۲۵", 25),
        ("2500", 2500),
        ("2,500", 2500),
        ("٢٬٥٠٠", 2500),
        ("1,200,000", 1_200_000),
    ],
)
def test_digits(text: str, value: int) -> None:
    assert values(f"قتل {text} شخصا", "ar") == [value]
    assert values(f"killed {text} people", "en") == [value]


@pytest.mark.parametrize(
    "text",
    ["2.5", "٣٫٥", "F-16", "M4", "24h", "10:30", "4/1/2022", "20%", "٢٠٪", "a 25-year-old", "1.5 million"],
)
def test_what_is_not_a_whole_number(text: str) -> None:
    assert find_numbers(text, "en") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("واحد", 1),
        ("أحد", 1),
        ("إحدى", 1),
        ("اثنان", 2),
        ("اثنين", 2),
        ("اثنتان", 2),
        ("ثلاثة", 3),
        ("ثلاث", 3),
        ("أربعة", 4),
        ("ثمانية", 8),
        ("ثماني", 8),
        ("عشرة", 10),
        ("عشر", 10),
        ("أحد عشر", 11),
        ("إحدى عشرة", 11),
        ("اثنا عشر", 12),
        ("ثلاثة عشر", 13),
        ("تسعة عشر", 19),
        ("عشرون", 20),
        ("عشرين", 20),
        ("تسعين", 90),
        ("خمسة وعشرين", 25),
        ("واحد وثلاثون", 31),
        ("مائة", 100),
        ("مئة", 100),
        ("مئتان", 200),
        ("ثلاثمائة", 300),
        ("ثلاث مئة", 300),
        ("مائة وخمسون", 150),
        ("مائة وخمسة وعشرون", 125),
        ("ألف", 1000),
        ("ألفين", 2000),
        ("3 آلاف", 3000),
        ("ثلاثة آلاف", 3000),
        ("عشرة آلاف", 10000),
        ("عشرون ألفاً", 20000),
        ("ألف وخمسمائة", 1500),
    ],
)
def test_arabic_number_words(text: str, value: int) -> None:
    mention = only(f"قال إن {text} شخصا", "ar")
    assert mention.value == value
    assert not mention.approximate


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one", 1),
        ("twelve", 12),
        ("twenty", 20),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("a hundred", 100),
        ("one hundred and fifty", 150),
        ("two hundred fifty-three", 253),
        ("fifteen hundred", 1500),
        ("two thousand", 2000),
        ("three thousand five hundred", 3500),
        ("a dozen", 12),
        ("two dozen", 24),
    ],
)
def test_english_number_words(text: str, value: int) -> None:
    assert only(f"He said {text} people", "en").value == value


@pytest.mark.parametrize(
    ("text", "language", "hedge"),
    [
        ("نحو 20", "ar", "نحو 20"),
        ("حوالى عشرين", "ar", "حوالى عشرين"),
        ("ما لا يقل عن 20", "ar", "ما لا يقل عن 20"),
        ("أكثر من 20", "ar", "أكثر من 20"),
        ("20 على الأقل", "ar", "20 على الأقل"),
        ("at least 20", "en", "at least 20"),
        ("about 20", "en", "about 20"),
        ("more than twenty", "en", "more than twenty"),
        ("nearly 20", "en", "nearly 20"),
    ],
)
def test_hedged_figures_are_approximate_and_keep_the_stated_value(text: str, language: str, hedge: str) -> None:
    sentence = f"X {text} Y"
    mention = only(sentence, language)
    assert (mention.value, mention.approximate) == (20, True)
    assert sentence[mention.start : mention.end] == hedge


def test_spans_are_offsets_in_the_original_text() -> None:
    text = "قُتِلَ ثَلاثَةُ جُنودٍ و٢٥ مدنيا"
    spans = [text[m.start : m.end] for m in find_numbers(text, "ar")]
    assert spans == ["ثَلاثَةُ", "٢٥"]


def test_proclitics_are_read_but_left_out_of_the_span() -> None:
    text = "بخمسة صواريخ، و900 جندي"
    assert [(text[m.start : m.end], m.value) for m in find_numbers(text, "ar")] == [("خمسة", 5), ("900", 900)]


@pytest.mark.parametrize(
    "text",
    ["لست أدري", "يوم الأحد", "يوم الاثنين", "الثلاثاء", "طائرتين مسيرتين", "لهجومين", "مئات", "عشرات", "العشرات"],
)
def test_arabic_words_that_are_not_numbers(text: str) -> None:
    assert find_numbers(text, "ar") == []


@pytest.mark.parametrize("text", ["dozens of people", "hundreds were hurt", "several days", "the first day"])
def test_english_words_that_are_not_numbers(text: str) -> None:
    assert find_numbers(text, "en") == []


def test_separate_figures_stay_separate() -> None:
    assert values("قتل 3 و5 جرحى", "ar") == [3, 5]
    assert values("قتل ثلاثة وأصيب خمسة", "ar") == [3, 5]
    assert values("killed 3 and wounded 12", "en") == [3, 12]
    assert values("five six", "en") == [5, 6]


def test_language_selects_the_number_words() -> None:
    assert values("three ثلاثة 3", "ar") == [3, 3]
    assert values("three ثلاثة 3", "en") == [3, 3]
    assert values("three ثلاثة 3", "und") == [3, 3, 3]


def test_seed_article_figures() -> None:
    text = SEED.read_text(encoding="utf-8")
    mentions = {text[m.start : m.end]: m for m in find_numbers(text, "ar")}
    assert mentions["نحو 2500"].value == 2500 and mentions["نحو 2500"].approximate
    assert mentions["900"].value == 900
    assert mentions["أقل من 24"].value == 24
    assert mentions["ثلاثة"].value == 3
    assert "أحد" in mentions


def test_fold_maps_back_to_the_original() -> None:
    text = "أُصيـبَ ٣"
    folded = fold(text)
    assert folded.text == "اصيب 3"
    assert folded.span(0, 4) == (0, 7)
    assert text[slice(*folded.span(5, 6))] == "٣"

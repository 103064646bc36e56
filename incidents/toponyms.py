"""Place names in running text: found against the gazetteer, then resolved with the document as context.

Matching is longest first over tokens, with Arabic proclitics stripped least
first. Words that are also place names (الباب "the door", صور "pictures",
"Reading", "Nice") count as places only with a place cue before them, or, in
English, as a capitalised word inside a sentence. Names inside a set phrase
(a newspaper, an actor's name) are not places. Each mention also records the
role its context gives it: the place itself, near it, the origin of a
projectile ("أُطلقت من"), or where a statement was made or a visit took place.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gazetteer import Gazetteer, Place
from gazetteer.normalize import LATIN_ARTICLES, normalize, proclitic_forms

from .text import Sentence, Token, token_key

DATA = Path(__file__).parent / "data"
MAX_NAME_TOKENS = 6
PROMINENT_POPULATION = {"ar": 20_000, "en": 20_000}
WORLD_CITY_POPULATION = 1_000_000
# Where Arabic news names towns without a cue: the Arab world and its neighbours.
REGION = frozenset(
    [
        "AE",
        "BH",
        "DZ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MA",
        "MR",
        "OM",
        "PS",
        "QA",
        "SA",
        "SD",
        "SO",
        "SY",
        "TN",
        "YE",
        "DJ",
        "KM",
        "IL",
        "IR",
        "TR",
        "CY",
        "ER",
        "ET",
        "SS",
    ]
)
PLACE_TYPE_WORDS = frozenset(
    normalize(w)
    for w in "city province governorate district county region dam airport base camp crossing field valley "
    "strip bank heights island islands river lake mountains mountain border town village garrison airbase "
    "oil gas refinery port harbour harbor prison barrage refugee".split()
)


def _keys(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split("|") if w)


PLACE_CUES = _keys(
    "في|فى|قرب|بالقرب|مدينة|مدينتي|بلدة|بلدتي|قرية|قريتي|ناحية|قضاء|محافظة|محافظتي|قاعدة|مطار|ريف|منطقة|مخيم|معبر|"
    "حقل|سد|ميناء|مرفأ|حي|محيط|أطراف|ضواحي|داخل|إلى|الى|نحو|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|وسط|"
    "in|near|at|outside|town|city|village|province|district|governorate|region|of|from|into|to|across|around|"
    "north|south|east|west|northern|southern|eastern|western|central|outskirts"
)
NEAR_CUES = _keys(
    "قرب|بالقرب|محيط|أطراف|ضواحي|ريف|مشارف|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|شمالا|جنوبا|"
    "near|outside|outskirts|north|south|east|west|nearby|close|vicinity|countryside|suburbs"
)
ORIGIN_VERBS = _keys(
    "أطلقت|اطلقت|أطلق|اطلق|انطلقت|انطلق|أطلقتها|قادمة|قادما|مصدرها|launched|fired|originated|came|coming|flown|sent"
)
ORIGIN_PREPOSITIONS = _keys("من|from")
CUE_WORDS = PLACE_CUES | NEAR_CUES
STATEMENT_CUES = _keys(
    "زيارة|زيارته|زيارتها|زار|يزور|تزور|زيارة|مؤتمر|بيان|صادر|صدر|مقره|مقرها|ومقره|قمة|اجتماع|محادثات|لقاء|"
    "visit|visited|visiting|trip|summit|talks|conference|meeting|statement|headquartered|based|embassy|briefing|"
    "told|reporters|spoke|speaking|press|journalists|interview|تصريحات|تصريح|صحفي|للصحفيين|مقابلة"
)


@lru_cache(maxsize=1)
def homographs() -> dict[tuple[str, str], frozenset[str]]:
    """Words that are place names but more often ordinary words, by (language, rule).

    Rule "cue": a place only with a place cue before it ("في بلدة الباب", "the town of Hit").
    Rule "never": a function word, generic noun or personal name, never a place on its own.
    """
    table: dict[tuple[str, str], set[str]] = {}
    with (DATA / "homographs.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            table.setdefault((row["language"], row["rule"]), set()).add(normalize(row["word"]))
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def non_places() -> frozenset[str]:
    """Set phrases that contain a place name but are not places: media, epithets, organisations."""
    with (DATA / "non_places.csv").open(encoding="utf-8", newline="") as f:
        return frozenset(normalize(row["phrase"]) for row in csv.DictReader(f))


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    key: str
    sentence: int
    clause: int
    cued: bool = False
    near: bool = False
    role: str = "place"  # "place", "origin", "statement"
    place: Place | None = None


def _forms(token: Token, language: str) -> list[str]:
    return proclitic_forms(token.key) if language == "ar" else [token.key]


def _window_key(first: str, rest: list[Token]) -> str:
    """The gazetteer key of a run of words: an article before another word reads "al", as the index has it."""
    words = [first, *(t.key for t in rest)]
    return " ".join("al" if w in LATIN_ARTICLES and k < len(words) - 1 else w for k, w in enumerate(words))


def _cue_before(tokens: list[Token], i: int, first_form: str, first_key: str, cues: frozenset[str]) -> bool:
    """A place cue among the two tokens before, or an attached preposition before an article ("بالموصل")."""
    if first_form != first_key and first_key[:1] in "بل" and first_form.startswith("ال"):
        return True
    return any(t.key in cues or _bare(t.key) in cues for t in tokens[max(0, i - 2) : i])


def _bare(key: str) -> str:
    forms = proclitic_forms(key)
    return forms[-1]


def _english_ok(words: list[Token]) -> bool:
    """Every word of an English name is capitalised, but an article, "of", or a closing kind of place
    ("the al-Tanf garrison", "al-Omar oil field")."""
    content = [t for t in words if t.key not in LATIN_ARTICLES and t.key not in ("of", "the")]
    while len(content) > 1 and content[-1].key in PLACE_TYPE_WORDS:
        content.pop()
    return bool(content) and all(t.is_capitalised or t.text.isdigit() for t in content)


def _is_minor(gaz: Gazetteer, positions, language: str) -> bool:
    """Whether the best reading of a name is too small or too far to be named without a place cue.

    Countries, provinces, curated sites and world cities are known by name alone;
    in Arabic, so are towns of the region; anything else needs a cue.
    """
    ix = gaz.index
    best = positions[0]
    if ix.sources[best] == "sites.csv" or ix.feature_codes[best] in ("PCLI", "ADM1"):
        return False
    if ix.feature_classes[best] != "P":
        return True
    population = ix.populations[best]
    if population >= WORLD_CITY_POPULATION:
        return False
    if language == "ar" and ix.country_codes[best] not in REGION:
        return True
    return population < PROMINENT_POPULATION[language]


def find_mentions(text: str, sentences: list[Sentence], language: str, gaz: Gazetteer) -> list[PlaceMention]:
    """Place-name mentions in the sentences, longest match first, with their cues and roles."""
    ambiguous = homographs().get((language, "cue"), frozenset())
    never = homographs().get((language, "never"), frozenset())
    masked = non_places()
    out: list[PlaceMention] = []
    for s_index, sentence in enumerate(sentences):
        for c_index, clause in enumerate(sentence.clauses):
            toks = clause.tokens
            keys = [_name_word(t.key) for t in toks]
            i = 0
            while i < len(toks):
                found = _match_at(toks, keys, i, language, gaz, masked)
                if found is None:
                    i += 1
                    continue
                n, first_form = found
                words = toks[i : i + n]
                if _inside_compound(text, words[0].start, words[-1].end):
                    i += 1
                    continue
                key = _window_key(first_form, words[1:])
                sentence_start = c_index == 0 and i == 0
                cued = _cue_before(toks, i, first_form, toks[i].key, PLACE_CUES) or (
                    i + n < len(toks) and toks[i + n].key in PLACE_TYPE_WORDS
                )
                if language == "en" and not _english_ok(words):
                    i += 1
                    continue
                single = n == 1
                if single and ({key, first_form} & (CUE_WORDS | never)):
                    i += 1
                    continue
                if language == "en" and single and _inside_longer_name(toks, i, c_index == 0):
                    i += 1
                    continue
                needs_cue = single and (
                    key in ambiguous
                    or first_form in ambiguous
                    or _is_minor(gaz, gaz.positions(key, bare=False), language)
                )
                if language == "en" and single and not sentence_start and key not in ambiguous:
                    needs_cue = False
                if needs_cue and not cued:
                    i += 1
                    continue
                start, end = _widen(text, words[0].start, words[-1].end)
                mention = PlaceMention(
                    start=start,
                    end=end,
                    text=text[start:end],
                    key=key,
                    sentence=s_index,
                    clause=c_index,
                    cued=cued,
                    near=_cue_before(toks, i, first_form, toks[i].key, NEAR_CUES) and first_form == toks[i].key,
                    role=_role(toks, i, n),
                )
                out.append(mention)
                i += n
        taken = [(m.start, m.end) for m in out if m.sentence == s_index]
        out.extend(_phrase_mentions(text, sentence, s_index, language, gaz, taken))
    _first_origin_only(out)
    return out


def _first_origin_only(mentions: list[PlaceMention]) -> None:
    """ "أُطلق من اليمن في أجواء إيلات": the first place after "from" is the origin, the next is where it hit."""
    mentions.sort(key=lambda m: m.start)
    for a, b in zip(mentions, mentions[1:]):
        if a.role == "origin" and b.role == "origin" and (a.sentence, a.clause) == (b.sentence, b.clause):
            b.role = "place"


_CAPITAL_WORDS = frozenset({"العاصمه", "capital"})
_TERRITORY_WORDS = frozenset({"الاراضي", "اراضي", "territory", "soil", "territories"})


def _phrase_mentions(
    text: str, sentence, s_index: int, language: str, gaz: Gazetteer, taken: list[tuple[int, int]]
) -> list[PlaceMention]:
    """Places a nationality names: "العاصمة الليبية", "the Libyan capital", "الأراضي السورية", "Syrian territory"."""
    from gazetteer.demonyms import demonym_country

    out = []
    for c_index, clause in enumerate(sentence.clauses):
        toks = clause.tokens
        for i in range(len(toks) - 1):
            first, second = toks[i], toks[i + 1]
            if language == "ar":
                word, nationality = proclitic_forms(first.key)[-1], second
                span = (first.start, second.end)
            else:
                word, nationality = second.key, first
                span = (first.start, second.end)
            if word not in _CAPITAL_WORDS and word not in _TERRITORY_WORDS:
                continue
            code = demonym_country(nationality.text)
            if not code or any(s < span[1] and span[0] < e for s, e in taken):
                continue
            place = gaz.capital(code) if word in _CAPITAL_WORDS else gaz.country(code)
            if place is None:
                continue
            out.append(
                PlaceMention(
                    span[0],
                    span[1],
                    text[span[0] : span[1]],
                    place.name,
                    s_index,
                    c_index,
                    True,
                    False,
                    _role(toks, i),
                    place,
                )
            )
    return out


def _inside_longer_name(toks: list[Token], i: int, first_clause: bool) -> bool:
    """A capitalised word beside other capitalised words is part of a longer name ("Tom Jones", "Baghdad
    Operations Command"), unless the neighbour says what kind of place it is ("Mosul Dam", "Gaza City")."""
    following = toks[i + 1] if i + 1 < len(toks) else None
    if following is not None and following.is_capitalised and following.key not in PLACE_TYPE_WORDS:
        return True
    if i == 0:
        return False
    previous = toks[i - 1]
    starts_sentence = first_clause and i - 1 == 0
    return previous.is_capitalised and not starts_sentence and previous.key not in PLACE_TYPE_WORDS


def _inside_compound(text: str, start: int, end: int) -> bool:
    """Part of an underscore-joined hashtag ("#امطار_الكويت"), not the whole of it ("#حفر_الباطن")."""
    return (start > 0 and text[start - 1] == "_") or (end < len(text) and text[end] == "_")


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Include the closing dot of an abbreviation ("W.Va.")."""
    if end < len(text) and text[end] == "." and "." in text[start:end]:
        end += 1
    return start, end


def _name_word(key: str) -> str:
    return "al" if key in LATIN_ARTICLES else key


@lru_cache(maxsize=1)
def _masked_starts() -> dict[str, int]:
    starts: dict[str, int] = {}
    for phrase in non_places():
        first, _, rest = phrase.partition(" ")
        starts[first] = max(starts.get(first, 0), rest.count(" ") + 2 if rest else 1)
    return starts


def _match_at(toks: list[Token], keys: list[str], i: int, language: str, gaz: Gazetteer, masked: frozenset[str]):
    """The longest name starting at token i: (token count, reading of the first token), or None.

    Only windows that some indexed name (or set phrase) could fill are looked up;
    in English a name starts with a capital or an article ("al-Asad").
    """
    token = toks[i]
    if language == "en" and not (token.text[:1].isupper() or token.key in LATIN_ARTICLES):
        return None
    starts, masked_starts = gaz.name_starts, _masked_starts()
    best = None
    for form in _forms(token, language):
        head = _name_word(form)
        reach = max(starts.get(form, 0), starts.get(head, 0), masked_starts.get(form, 0))
        for n in range(min(reach, MAX_NAME_TOKENS, len(toks) - i), 0, -1):
            if best is not None and n <= best[0]:
                break
            key = form if n == 1 else " ".join([head, *keys[i + 1 : i + n]])
            if key in masked:
                return None
            if gaz.positions(key, bare=False):
                best = (n, form)
                break
    return best


SPEECH_VERBS = _keys(
    "قال|قالت|قالوا|افاد|افادت|اعلن|اعلنت|ذكر|ذكرت|اكد|اكدت|اضاف|اضافت|صرح|صرحت|اوضح|اوضحت|نقلت|"
    "said|says|told|confirmed|reported|announced|stated|added|condemned|denounced|warned"
)
COMPLEMENTIZERS = _keys("ان|أن|إن|بان|بأن|انه|انها|انهم|بانه|بانها|بانهم|that")
SPEAKER_NOUNS = _keys(
    "ministry|ministries|official|officials|spokesman|spokeswoman|spokesperson|agency|sources|source|military|army|"
    "police|office|council|government|monitor|observatory|statement|media"
)
EPITHET_CUES = _keys(
    "موالية|موالي|موالين|الموالية|الموالي|الموالين|مدعومة|المدعومة|مدعوم|المدعوم|backed|allies|allied|loyal|pro|"
    "aligned|linked|affiliated|sponsored|made"
)


def _launch_word(key: str) -> bool:
    """A verb of launching or firing in any person ("أُطلقا", "أطلقت", "انطلقت", "fired", "launched")."""
    stem = _bare(key)
    return stem in ORIGIN_VERBS or stem.startswith(("اطلق", "انطلق"))


def _role(toks: list[Token], i: int, n: int = 1) -> str:
    """What the place is to the clause: the place itself, the origin of a projectile, a statement's venue,
    or part of an epithet ("فصائل موالية لطهران", "Iran-backed")."""
    before = [t.key for t in toks[max(0, i - 4) : i]]
    bare = [_bare(k) for k in before]
    launch = next((j for j in range(i) if _launch_word(toks[j].key)), None)
    if launch is not None and any(_bare(t.key) in ORIGIN_PREPOSITIONS for t in toks[max(launch + 1, i - 5) : i]):
        return "origin"
    if any(k in STATEMENT_CUES or b in STATEMENT_CUES for k, b in zip(before, bare)):
        return "statement"
    if any(k in EPITHET_CUES or b in EPITHET_CUES for k, b in zip(before[-2:], bare[-2:])):
        return "epithet"
    after = toks[i + n : i + n + 2]
    if after and (after[0].text.startswith("-") or _bare(after[0].key) in EPITHET_CUES):
        return "epithet"
    if _speaker_place(toks, i, n):
        return "statement"
    return "place"


def _speaker_place(toks: list[Token], i: int, n: int) -> bool:
    """Where the speaker is, not where the event was: "قالت وزارة الصحة في رام الله إن ...",
    "the health ministry in Ramallah confirmed ..."."""
    keys = [_bare(t.key) for t in toks]
    for j in range(i - 1, -1, -1):
        if keys[j] in COMPLEMENTIZERS:
            break
        if keys[j] in SPEECH_VERBS:
            return True
    speaker_before = any(k in SPEAKER_NOUNS for k in keys[max(0, i - 4) : i])
    for j in range(i + n, min(len(keys), i + n + 3)):
        if keys[j] in SPEECH_VERBS:
            return speaker_before
    return False


def resolve_mentions(text: str, mentions: list[PlaceMention], gaz: Gazetteer) -> None:
    """Give each mention its place, choosing readings with the whole document as context."""
    named = {m.place.country_code for m in mentions if m.place is not None}
    for m in mentions:
        for p in gaz.positions(m.key, bare=False):
            if gaz.index.feature_codes[p].startswith("PCL"):
                named.add(gaz.index.country_codes[p])
    open_ = [m for m in mentions if m.place is None]
    places = gaz.resolve(text, [(m.start, m.end) for m in open_], countries=named)
    for mention, place in zip(open_, places):
        mention.place = place


__all__ = ["PlaceMention", "find_mentions", "resolve_mentions", "token_key"]

"""Words that say what kind of place a name is: "قاعدة عين الأسد", "Anbar Governorate".

A query that carries such a word asks for that kind of place, so the word is
stripped for matching and kept as a preference in ranking: an admin area or a
site asked for as such beats a homonymous village.
"""

from __future__ import annotations

from functools import lru_cache

from .normalize import normalize

BASE = frozenset({("S", "AIRB"), ("S", "INSM")})
AIRPORT = frozenset({("S", "AIRP"), ("S", "AIRB")})
PROVINCE = frozenset({("A", "ADM1")})
DISTRICT = frozenset({("A", "ADM2")})
SETTLEMENT = frozenset({("P", "")})
CAMP = frozenset({("S", "CMPRF"), ("S", "INSM")})
FIELD = frozenset({("L", "OILF"), ("L", "GASF")})
CROSSING = frozenset({("S", "PSTB")})
DAM = frozenset({("S", "DAM")})
PORT = frozenset({("L", "PRT")})

_PREFIXES = {
    "قاعدة": BASE,
    "قاعدة جوية": BASE,
    "مطار": AIRPORT,
    "محافظة": PROVINCE,
    "ولاية": PROVINCE,
    "قضاء": DISTRICT,
    "مديرية": DISTRICT,
    "منطقة": DISTRICT,
    "مدينة": SETTLEMENT,
    "بلدة": SETTLEMENT,
    "قرية": SETTLEMENT,
    "ناحية": SETTLEMENT,
    "مخيم": CAMP,
    "حقل": FIELD,
    "معبر": CROSSING,
    "سد": DAM,
    "ميناء": PORT,
    "مرفأ": PORT,
    "جامعة": SETTLEMENT,
    "مستشفى": SETTLEMENT,
    "city of": SETTLEMENT,
    "town of": SETTLEMENT,
    "village of": SETTLEMENT,
    "province of": PROVINCE,
    "governorate of": PROVINCE,
}
_SUFFIXES = {
    "air base": BASE,
    "airbase": BASE,
    "air field": AIRPORT,
    "airfield": AIRPORT,
    "base": BASE,
    "military base": BASE,
    "garrison": BASE,
    "airport": AIRPORT,
    "international airport": AIRPORT,
    "governorate": PROVINCE,
    "province": PROVINCE,
    "region": PROVINCE,
    "district": DISTRICT,
    "city": SETTLEMENT,
    "town": SETTLEMENT,
    "village": SETTLEMENT,
    "camp": CAMP,
    "refugee camp": CAMP,
    "oil field": FIELD,
    "oilfield": FIELD,
    "gas field": FIELD,
    "field": FIELD,
    "border crossing": CROSSING,
    "crossing": CROSSING,
    "dam": DAM,
    "port": PORT,
    "الجويه": BASE,
    "العسكريه": BASE,
}
PREFIX_CUES = {normalize(k): v for k, v in _PREFIXES.items()}
SUFFIX_CUES = {normalize(k): v for k, v in _SUFFIXES.items()}


@lru_cache(maxsize=50_000)
def split_cue(key: str) -> tuple[str, frozenset] | None:
    """Split a normalised key into the name and the kinds of place its cue word asks for, if it has one."""
    tokens = key.split(" ")
    if len(tokens) < 2:
        return None
    for n in (2, 1):
        cue = " ".join(tokens[:n])
        if cue in PREFIX_CUES and len(tokens) > n:
            rest = " ".join(tokens[n:])
            inner = split_cue(rest)
            return (inner[0], PREFIX_CUES[cue] | inner[1]) if inner else (rest, PREFIX_CUES[cue])
    for n in (2, 1):
        cue = " ".join(tokens[-n:])
        if cue in SUFFIX_CUES and len(tokens) > n:
            return " ".join(tokens[:-n]), SUFFIX_CUES[cue]
    return None


def wants(preference: frozenset, feature_class: str, feature_code: str) -> bool:
    return (feature_class, feature_code) in preference or (
        feature_class,
        "",
    ) in preference

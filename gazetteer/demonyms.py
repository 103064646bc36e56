"""Nationality words to countries: "American", "Iraqi", "أميركية", "العراقيين".

A nationality names an actor, not a place, so these words are kept out of the
place index; they serve to read actors ("قوات أميركية": US forces) and, when a
span someone marked as a place is only a nationality, to map it to its country.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from .normalize import normalize

DEMONYMS_CSV = Path(__file__).parent / "data" / "demonyms.csv"
_ARABIC_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين")


def _arabic_forms(base: str) -> set[str]:
    key = normalize(base)
    head, _, tail = key.rpartition(" ")
    forms = {f"{head} {tail}{end}".strip() for end in _ARABIC_ENDINGS}
    return forms | {"ال" + f for f in forms}


@lru_cache(maxsize=1)
def demonym_table() -> dict[str, str]:
    """Normalised nationality word -> ISO country code."""
    table: dict[str, str] = {}
    with DEMONYMS_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code = row["country_code"]
            for word in filter(None, row["english"].split("|")):
                table.setdefault(normalize(word), code)
            for word in filter(None, row["arabic"].split("|")):
                for form in _arabic_forms(word):
                    table.setdefault(form, code)
    return table


def demonym_country(word: str) -> str | None:
    """The country a nationality word refers to, or None."""
    return demonym_table().get(normalize(word))

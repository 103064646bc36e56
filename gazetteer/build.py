"""Turn source records into the place index.

The builder fills in what sources leave out: the province of a curated site
named only by its province's name, a representative point for every admin
area and country (an area's seat when it bears the area's name, else the
member place nearest the middle of its places), a population for admin areas, and a prior score per place that ranks
homonyms before any context is known.
"""

from __future__ import annotations

import math
import statistics
from array import array
from collections import defaultdict
from collections.abc import Iterable

from geopy.distance import great_circle

from .index import Index
from .normalize import normalize, without_article, without_spaces, written_keys
from .place import ADMIN1_CODES, ADMIN2_CODES, COUNTRY_CODES
from .sources import Record, ascii_name


def _population_score(population: int) -> float:
    return min(1.0, math.log10(population + 1) / 7)


def prior(record: Record) -> float:
    """How likely a bare mention of this place's name means it, before any context: in [0, 1]."""
    p = _population_score(record.population)
    if record.feature_code in COUNTRY_CODES:
        return 0.9 + 0.1 * p
    if record.feature_code in ADMIN1_CODES:
        return 0.45 + 0.4 * p
    if record.feature_code in ADMIN2_CODES:
        return 0.3 + 0.1 * p
    if record.source == "sites.csv":
        return 0.62 + 0.1 * p
    if record.feature_class == "P":
        return 0.2 + 0.6 * p + (0.1 if record.feature_code == "PPLC" else 0.0)
    return 0.15 + 0.3 * p


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return great_circle(a, b).km


def _centre(points: list[tuple[float, float]], reach_km: float = 3000) -> tuple[float, float]:
    """The member point nearest the middle of the members' extent.

    A country-level incident is not in the capital, so areas are drawn at their
    middle. Points farther than `reach_km` from the median member (Alaska,
    overseas islands) do not stretch the extent; taking a member point keeps the
    result on a real place inside the area.
    """
    median = (
        statistics.median(p[0] for p in points),
        statistics.median(p[1] for p in points),
    )
    core = [p for p in points if _km(p, median) <= reach_km] or points
    lat = (min(p[0] for p in core) + max(p[0] for p in core)) / 2
    lon = (min(p[1] for p in core) + max(p[1] for p in core)) / 2
    scale = math.cos(math.radians(lat)) ** 2
    return min(core, key=lambda p: (p[0] - lat) ** 2 + (p[1] - lon) ** 2 * scale)


_AREA_WORDS = {
    normalize(w)
    for w in [
        "governorate",
        "province",
        "district",
        "region",
        "municipality",
        "muhafazat",
        "state",
        "county",
        "sub-district",
        "nahiya",
        "qada",
    ]
}
_AREA_WORDS |= {normalize(w) for w in ("محافظة", "منطقة", "قضاء", "ناحية", "لواء", "ولاية", "مديرية")}


def _core_keys(names: Iterable[str]) -> set[str]:
    """Keys of an area's names without words like "Governorate" or "محافظة", to find its seat by name."""
    keys = set()
    for name in names:
        tokens = [t for t in normalize(name).split() if t not in _AREA_WORDS]
        if tokens:
            key = " ".join(tokens)
            keys |= {key, without_article(key)}
    return keys


def _place_points(records: list[Record], normalized: dict[str, list[str]]) -> None:
    """Give every admin area and country without coordinates a representative point and a population."""
    by_admin: dict[str, list[Record]] = defaultdict(list)
    by_country: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        if r.feature_class == "P" and r.latitude is not None:
            by_country[r.country_code].append(r)
            if r.admin1_code:
                by_admin[r.admin1_code].append(r)
            if r.admin2_code:
                by_admin[r.admin2_code].append(r)
    member_keys: dict[str, set[str]] = {}

    def keys_of(member: Record) -> set[str]:
        if member.id not in member_keys:
            written = normalized[member.id][:1]
            member_keys[member.id] = set(written) | {without_article(k) for k in written}
        return member_keys[member.id]

    for r in records:
        if r.latitude is not None:
            continue
        if r.feature_code in COUNTRY_CODES:
            members = by_country.get(r.country_code, [])
            wanted = set()
        else:
            members = by_admin.get(r.admin2_code or r.admin1_code, [])
            wanted = _core_keys(r.names)
            if not r.population:
                r.population = sum(m.population for m in members)
        if not members:
            continue
        largest = sorted(members, key=lambda m: -m.population)[:10]
        seats = [m for m in largest if wanted & keys_of(m)]
        if seats:
            r.latitude, r.longitude = seats[0].latitude, seats[0].longitude
            r.seat = seats[0].id
        else:
            r.latitude, r.longitude = _centre([(m.latitude, m.longitude) for m in members])


_SITE_KINDS = [
    normalize(w)
    for w in (
        "refugee camp",
        "camp",
        "air base",
        "airbase",
        "base",
        "international airport",
        "airport",
        "border crossing",
        "crossing",
        "oil field",
        "gas field",
        "field",
        "dam",
        "garrison",
        "refinery",
        "prison",
        "port",
    )
]
_SITE_KIND_PREFIXES = [normalize(w) for w in ("مخيم", "قاعدة", "مطار", "معبر", "حقل", "سد", "سجن", "ميناء")]


def _without_kind(keys: list[str]) -> set[str]:
    """A curated site's names without their kind word ("Nur Shams Camp" -> "Nur Shams"), when that leaves a name."""
    out = set()
    for key in keys:
        for kind in _SITE_KINDS:
            if key.endswith(" " + kind) and len(key) > len(kind) + 3:
                out.add(key[: -len(kind) - 1])
                break
        for kind in _SITE_KIND_PREFIXES:
            if key.startswith(kind + " ") and len(key) > len(kind) + 3:
                out.add(key[len(kind) + 1 :])
                break
    return {k for k in out if k.split()[-1] not in ("al", "ال")}


def _mark_capitals(records: list[Record]) -> None:
    """Mark each country's capital (named by the country record) as PPLC."""
    capitals = {(r.country_code, normalize(r.seat)) for r in records if r.feature_code in COUNTRY_CODES and r.seat}
    best: dict[str, Record] = {}
    for r in records:
        if (
            r.feature_class == "P"
            and (r.country_code, normalize(r.name)) in capitals
            and (r.country_code not in best or r.population > best[r.country_code].population)
        ):
            best[r.country_code] = r
    for r in best.values():
        r.feature_code = "PPLC"


def _assign_site_admins(records: list[Record]) -> None:
    """Code the province of curated sites from its name, or from the nearest town when the name is unknown."""
    admin1_by_key: dict[tuple[str, str], str] = {}
    towns: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        if r.feature_code in ADMIN1_CODES:
            for key in _core_keys(r.names):
                admin1_by_key.setdefault((r.country_code, key), r.admin1_code)
        elif r.feature_class == "P" and r.admin1_code and r.latitude is not None:
            towns[r.country_code].append(r)
    for r in records:
        if r.admin1_code or not r.admin1_name:
            continue
        for key in _core_keys([r.admin1_name]):
            code = admin1_by_key.get((r.country_code, key))
            if code:
                r.admin1_code = code
                break
        else:
            nearby = towns.get(r.country_code)
            if nearby and r.latitude is not None:
                nearest = min(
                    nearby,
                    key=lambda t: (t.latitude - r.latitude) ** 2 + (t.longitude - r.longitude) ** 2,
                )
                r.admin1_code = nearest.admin1_code


def build_index(records: Iterable[Record], fingerprint: str = "") -> Index:
    """Build the index from records; a later record with the same id replaces an earlier one."""
    merged: dict[str, Record] = {}
    for record in records:
        merged[record.id] = record
    ordered = list(merged.values())
    normalized = {r.id: [k for k in map(normalize, r.names) if k] for r in ordered}
    _mark_capitals(ordered)
    _assign_site_admins(ordered)
    _place_points(ordered, normalized)
    ordered = [r for r in ordered if r.latitude is not None and r.longitude is not None]

    admin_names: dict[str, str] = {}
    admin_places: dict[str, int] = {}
    country_names: dict[str, str] = {}
    country_places: dict[str, int] = {}
    for i, r in enumerate(ordered):
        if r.feature_code in ADMIN1_CODES or r.feature_code in ADMIN2_CODES:
            code = r.admin2_code or r.admin1_code
            admin_names.setdefault(code, ascii_name(r.name))
            admin_places.setdefault(code, i)
        elif r.feature_code in COUNTRY_CODES:
            country_names[r.country_code] = r.name
            country_places[r.country_code] = i

    priors = array("d", (prior(r) for r in ordered))
    # An area whose seat bears its name yields to the seat: "Aleppo" is the city.
    position = {r.id: i for i, r in enumerate(ordered)}
    for i, r in enumerate(ordered):
        if r.feature_class == "A" and r.seat in position and r.feature_code not in COUNTRY_CODES:
            priors[i] = min(priors[i], priors[position[r.seat]] - 0.1)

    exact: dict[str, set[int]] = defaultdict(set)
    bare: dict[str, set[int]] = defaultdict(set)
    for i, r in enumerate(ordered):
        for key in normalized[r.id]:
            written = written_keys(key)
            for k in written:
                exact[k].add(i)
            for k in written_keys(without_article(key)) - written:
                bare[k].add(i)
    for k in list(bare):
        if k in exact:
            exact[k] |= bare.pop(k)
    for i, r in enumerate(ordered):
        if r.source == "sites.csv":
            for key in _without_kind(normalized[r.id]) - set(exact) - set(bare):
                exact[key].add(i)

    def main_forms(r: Record) -> set[str]:
        forms = set()
        for name in (r.name, r.name_ar):
            key = normalize(name) if name else ""
            if key:
                bare_key = without_article(key)
                forms |= {key, without_spaces(key), bare_key, without_spaces(bare_key)}
        return forms

    mains = [main_forms(r) for r in ordered]
    postings = array("i")
    offsets = array("i", [0])
    main_flags = array("b")
    keys: dict[str, int] = {}
    bare_keys: dict[str, int] = {}
    for table, target in ((exact, keys), (bare, bare_keys)):
        for k, members in table.items():
            target[k] = len(offsets) - 1
            ranked = sorted(members, key=lambda i: -priors[i])
            postings.extend(ranked)
            main_flags.extend(k in mains[i] for i in ranked)
            offsets.append(len(postings))

    return Index(
        ids=[r.id for r in ordered],
        names=[r.name for r in ordered],
        names_ar=[r.name_ar for r in ordered],
        latitudes=array("d", (r.latitude for r in ordered)),
        longitudes=array("d", (r.longitude for r in ordered)),
        country_codes=[r.country_code for r in ordered],
        admin1_codes=[r.admin1_code for r in ordered],
        admin2_codes=[r.admin2_code for r in ordered],
        feature_classes=[r.feature_class for r in ordered],
        feature_codes=[r.feature_code for r in ordered],
        populations=array("q", (r.population for r in ordered)),
        sources=[r.source for r in ordered],
        priors=priors,
        admin_names=admin_names,
        country_names=country_names,
        country_places=country_places,
        admin_places=admin_places,
        keys=keys,
        bare_keys=bare_keys,
        postings=postings,
        offsets=offsets,
        main_flags=main_flags,
        fingerprint=fingerprint,
    )

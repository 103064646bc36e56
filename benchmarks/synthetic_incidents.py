"""Synthetic incident tables for the dashboard speed benchmark: a BENCHMARK FIXTURE, NEVER PRODUCT DATA.

Every row is invented and says so: `source` is "SYNTHETIC BENCHMARK DATA",
`notes` start with "SYNTHETIC:", `tags` contain "synthetic", `event_id_cnty`
starts with "SYN", source URLs are on the reserved `.invalid` domain, and the
evidence text is generic wording marked as synthetic in English and Arabic.
Nothing here describes a real event; do not load it into a real incident
database or show it to anyone as data.

What is realistic is the shape, because that is what the dashboard's speed
depends on: places drawn from the real gazetteer (populated places and curated
sites, weighted toward Iraq, Syria, Yemen, Lebanon, Palestine, Israel and
Jordan, some elsewhere), dates over three years with escalation bursts, ACLED
event and sub-event types in a plausible mix, skewed fatalities (mostly 0-3,
rarely hundreds), a small actor pool, ~150-character evidence strings, and
exactly the product's columns and dtypes (rows go through
`incidents.table.to_frame`, as the store's reader does).

Generation is vectorised (numpy per column, `to_frame` per chunk of rows):
a million rows take seconds, not minutes.

    python benchmarks/synthetic_incidents.py 100000 out.parquet
    python benchmarks/synthetic_incidents.py 100000 out.db      # an incident store for INCIDENTS_DB
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from incidents.table import to_frame  # noqa: E402
from incidents.taxonomy import (  # noqa: E402
    COLUMNS,
    PROTESTS,
    RIOTS,
    SUB_EVENT_TYPES,
    VIOLENCE_AGAINST_CIVILIANS,
    acled_region,
    disorder_type,
    iso_codes,
)

SOURCE = "SYNTHETIC BENCHMARK DATA"
NOTES_PREFIX = "SYNTHETIC:"
TAG = "synthetic"
ID_PREFIX = "SYN"
URL_PREFIX = "https://synthetic.invalid/article/"
FIRST_DAY = date(2023, 1, 1)
DAYS = 3 * 365 + 1
CHUNK_ROWS = 100_000

# Share of incidents per country: the Middle East first (85 %), some elsewhere.
COUNTRY_WEIGHTS: dict[str, float] = {
    "SY": 0.24,
    "IQ": 0.17,
    "YE": 0.15,
    "PS": 0.13,
    "LB": 0.08,
    "IL": 0.05,
    "JO": 0.03,
    "SD": 0.03,
    "UA": 0.03,
    "SO": 0.02,
    "LY": 0.02,
    "AF": 0.02,
    "EG": 0.01,
    "IR": 0.01,
    "TR": 0.01,
}
SITE_WEIGHT = 400.0  # a curated site (air base, crossing, port) draws as many incidents as a city of 160,000

# Relative frequency of each ACLED sub-event type: strikes, shelling and clashes dominate, as in ACLED's Middle East.
SUB_EVENT_WEIGHTS: dict[str, float] = {
    "Government regains territory": 1.0,
    "Non-state actor overtakes territory": 1.0,
    "Armed clash": 15.0,
    "Chemical weapon": 0.05,
    "Air/drone strike": 14.0,
    "Suicide bomb": 0.5,
    "Shelling/artillery/missile attack": 16.0,
    "Remote explosive/landmine/IED": 5.0,
    "Grenade": 1.0,
    "Sexual violence": 0.3,
    "Attack": 9.0,
    "Abduction/forced disappearance": 3.0,
    "Peaceful protest": 12.0,
    "Protest with intervention": 2.0,
    "Excessive force against protesters": 0.3,
    "Violent demonstration": 3.0,
    "Mob violence": 1.5,
    "Agreement": 0.5,
    "Arrests": 4.0,
    "Change to group/activity": 2.0,
    "Disrupted weapons use": 3.0,
    "Headquarters or base established": 0.5,
    "Looting/property destruction": 3.0,
    "Non-violent transfer of territory": 0.3,
    "Other": 0.5,
}
WEAPONS: dict[str, tuple[str, ...]] = {
    "Armed clash": ("small arms", "small arms", ""),
    "Chemical weapon": ("chemical weapon",),
    "Air/drone strike": ("airstrike", "drone", "drone"),
    "Suicide bomb": ("suicide bomb",),
    "Shelling/artillery/missile attack": ("artillery", "rocket", "mortar", "missile"),
    "Remote explosive/landmine/IED": ("IED", "explosive"),
    "Grenade": ("grenade",),
    "Attack": ("small arms", ""),
    "Disrupted weapons use": ("drone", "explosive", ""),
}
ARMED_ACTORS: tuple[tuple[str, int], ...] = (
    ("Military Forces of Israel", 1),
    ("Military Forces of Syria", 1),
    ("Military Forces of Iraq", 1),
    ("Military Forces of Yemen Houthi", 1),
    ("Military Forces of Turkey", 1),
    ("Military Forces of Russia", 1),
    ("Operation Restoring Hope", 8),
    ("Global Coalition Against Daesh", 8),
    ("Hezbollah", 3),
    ("Hamas Movement", 2),
    ("Islamic State", 2),
    ("QSD: Syrian Democratic Forces", 2),
    ("HTS: Hayat Tahrir al Sham", 2),
    ("Islamic Resistance in Iraq", 3),
    ("Rapid Support Forces", 2),
    ("Unidentified Armed Group", 3),
)
ARMED_WEIGHTS = np.array([12, 9, 5, 9, 3, 3, 4, 2, 5, 5, 4, 4, 3, 4, 3, 8], dtype=float)
CIVILIANS, PROTESTERS, RIOTERS = ("Civilians", 7), ("Protesters", 6), ("Rioters", 5)
ACTORS: tuple[tuple[str, int], ...] = (*ARMED_ACTORS, CIVILIANS, PROTESTERS, RIOTERS, ("", 0))
NO_ACTOR = len(ACTORS) - 1

# Generic evidence wording, marked synthetic, one per kind of event; "{}" is the place name (~150 characters filled).
EVIDENCE_EN: tuple[str, ...] = (
    "[SYNTHETIC] A drone strike was reported near {} according to this generic benchmark sentence; "
    "the text is invented test data and describes nothing real.",
    "[SYNTHETIC] Shelling and artillery fire hit the outskirts of {} in this made-up benchmark "
    "report, which describes no real event, place or person at all.",
    "[SYNTHETIC] Armed clashes broke out in {} between two groups, says this fabricated sentence "
    "written only to measure how fast the incident dashboard is.",
    "[SYNTHETIC] Protesters gathered in the centre of {} in this invented benchmark text; no real "
    "source, person or event is described by these generic words.",
    "[SYNTHETIC] An explosive device went off on a road near {}, reads this synthetic fixture line "
    "used for load testing the dashboard, never for any analysis.",
    "[SYNTHETIC] Security forces were reported active around {} in this generic made-up sentence; "
    "it exists only as benchmark data and reports nothing that happened.",
)
EVIDENCE_AR: tuple[str, ...] = (
    "[بيانات اصطناعية] أفادت هذه الجملة المختلقة بغارة بطائرة مسيرة قرب {}، وهي نص تجريبي لقياس "
    "سرعة لوحة المعلومات ولا تصف أي حدث حقيقي أو شخص أو مكان.",
    "[بيانات اصطناعية] قصف مدفعي استهدف أطراف {} في هذا التقرير المصطنع المعد لاختبار الأداء فقط، "
    "ولا يستند إلى أي مصدر حقيقي ولا يصف ما حدث فعلا.",
    "[بيانات اصطناعية] اشتباكات مسلحة اندلعت في {} بحسب هذا النص التجريبي المختلق، الذي كتب لقياس "
    "سرعة لوحة المعلومات وليس للتحليل أو النشر أبدا.",
    "[بيانات اصطناعية] تجمع متظاهرون وسط {} في هذه الجملة الاصطناعية؛ لا يصف هذا النص أي شخص أو "
    "حدث أو مصدر حقيقي على الإطلاق، بل هو بيانات اختبار.",
    "[بيانات اصطناعية] انفجرت عبوة ناسفة على طريق قرب {} وفق هذا السطر التجريبي المصطنع المستخدم "
    "في اختبار الحمل فقط، ولا علاقة له بأي واقعة حقيقية.",
    "[بيانات اصطناعية] انتشرت قوات أمنية في محيط {} بحسب هذه الجملة العامة المختلقة، وهي بيانات "
    "لقياس الأداء فقط ولا تروي شيئا حدث في الواقع.",
)
# Which evidence template each sub-event type uses (index into EVIDENCE_EN / EVIDENCE_AR); the rest use the last.
EVIDENCE_OF: dict[str, int] = {
    "Air/drone strike": 0,
    "Chemical weapon": 0,
    "Shelling/artillery/missile attack": 1,
    "Armed clash": 2,
    "Government regains territory": 2,
    "Non-state actor overtakes territory": 2,
    "Attack": 2,
    "Peaceful protest": 3,
    "Protest with intervention": 3,
    "Excessive force against protesters": 3,
    "Violent demonstration": 3,
    "Mob violence": 3,
    "Remote explosive/landmine/IED": 4,
    "Suicide bomb": 4,
    "Grenade": 4,
}


@dataclass(frozen=True)
class PlacePool:
    """Candidate places as columns, with the probability of each being an incident's place."""

    ids: np.ndarray
    names: np.ndarray
    names_ar: np.ndarray
    latitudes: np.ndarray
    longitudes: np.ndarray
    countries: np.ndarray
    admin1: np.ndarray
    admin2: np.ndarray
    iso3: np.ndarray
    iso_numeric: np.ndarray
    regions: np.ndarray
    probabilities: np.ndarray


@lru_cache(maxsize=1)
def place_pool() -> PlacePool:
    """Populated places and curated sites of the weighted countries, from the real gazetteer (loaded once)."""
    import gazetteer

    g = gazetteer.default()
    ix = g.index
    wanted = set(COUNTRY_WEIGHTS)
    positions = [
        i
        for i, (cc, fc, src) in enumerate(zip(ix.country_codes, ix.feature_classes, ix.sources))
        if cc in wanted and (fc == "P" or src == "sites.csv")
    ]
    places = [g.place(i) for i in positions]
    codes = np.array([p.country_code for p in places])
    population = np.array([max(p.population, 0) for p in places], dtype=float)
    weights = np.sqrt(population) + 30.0
    weights[np.array([p.source == "sites.csv" for p in places])] = SITE_WEIGHT
    for code, share in COUNTRY_WEIGHTS.items():
        in_country = codes == code
        weights[in_country] *= share / weights[in_country].sum()
    return PlacePool(
        ids=np.array([p.id for p in places], dtype=object),
        names=np.array([p.name for p in places], dtype=object),
        names_ar=np.array([p.name_ar or p.name for p in places], dtype=object),
        latitudes=np.round(np.array([p.latitude for p in places]), 5),
        longitudes=np.round(np.array([p.longitude for p in places]), 5),
        countries=np.array([p.country for p in places], dtype=object),
        admin1=np.array([p.admin1 for p in places], dtype=object),
        admin2=np.array([p.admin2 for p in places], dtype=object),
        iso3=np.array([iso_codes(c)[0] for c in codes], dtype=object),
        iso_numeric=np.array([str(iso_codes(c)[1] or "") for c in codes], dtype=object),
        regions=np.array([acled_region(c) for c in codes], dtype=object),
        probabilities=weights / weights.sum(),
    )


def _join(*parts) -> np.ndarray:
    """Element-wise concatenation of string arrays and scalars, as a Python-object array (fast in numpy)."""
    text = np.asarray(parts[0], dtype=object)
    for part in parts[1:]:
        text = text + (part if isinstance(part, str) else np.asarray(part, dtype=object))
    return text


def _digits(values: np.ndarray, width: int = 0) -> np.ndarray:
    """Integers as decimal strings (zero-padded to `width`), as a Python-object array."""
    text = values.astype(str)
    return (np.strings.zfill(text, width) if width else text).astype(object)


def _day_offsets(rng: np.random.Generator, n: int, seed: int) -> np.ndarray:
    """Days since FIRST_DAY: a steady background plus escalation bursts of a few weeks (the same for a seed)."""
    days = rng.integers(0, DAYS, size=n)
    bursts = rng.random(n) < 0.3
    centres = np.random.default_rng(seed).integers(60, DAYS - 60, size=6)
    picked = centres[rng.integers(0, len(centres), size=int(bursts.sum()))]
    days[bursts] = np.clip(np.round(rng.normal(picked, 15)), 0, DAYS - 1).astype(np.int64)
    return days


def _fatalities(rng: np.random.Generator, violent: np.ndarray) -> np.ndarray:
    """Skewed counts: most violent events 0-3 dead, 3 % tens to hundreds; demonstrations rarely any."""
    n = len(violent)
    small = rng.geometric(0.45, size=n) - 1
    large = np.minimum(np.round(rng.lognormal(2.5, 1.1, size=n)), 1500).astype(np.int64)
    counts = np.where(rng.random(n) < 0.03, large, small)
    counts = np.where(rng.random(n) < 0.35, 0, counts)
    calm = np.where(rng.random(n) < 0.95, 0, np.minimum(small, 2))
    return np.where(violent, counts, calm)


def _weapons(rng: np.random.Generator, sub_index: np.ndarray, subs: list[str]) -> np.ndarray:
    """A weapon fitting each sub-event type, or empty where the type implies none."""
    weapons = np.full(len(sub_index), "", dtype=object)
    for i, sub in enumerate(subs):
        options = WEAPONS.get(sub)
        rows = np.flatnonzero(sub_index == i)
        if options and len(rows):
            weapons[rows] = np.array(options, dtype=object)[rng.integers(0, len(options), size=len(rows))]
    return weapons


def _actors(rng: np.random.Generator, event_types: np.ndarray, subs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indexes into ACTORS of actor1 and actor2, shaped by event type (civilians as targets, protesters...)."""
    n = len(event_types)
    armed_p = ARMED_WEIGHTS / ARMED_WEIGHTS.sum()
    first = rng.choice(len(ARMED_ACTORS), size=n, p=armed_p)
    other = rng.choice(len(ARMED_ACTORS), size=n, p=armed_p)
    other = np.where(other == first, (other + 1) % len(ARMED_ACTORS), other)
    civilians, protesters, rioters = (ACTORS.index(a) for a in (CIVILIANS, PROTESTERS, RIOTERS))
    second = np.full(n, NO_ACTOR)
    battles = event_types == "Battles"
    second[battles] = other[battles]
    second[event_types == VIOLENCE_AGAINST_CIVILIANS] = civilians
    explosions = (event_types == "Explosions/Remote violence") & (rng.random(n) < 0.5)
    second[explosions] = civilians
    demo = event_types == PROTESTS
    riots = event_types == RIOTS
    first[demo] = protesters
    first[riots] = rioters
    policed = np.isin(subs, ["Protest with intervention", "Excessive force against protesters"])
    second[policed] = other[policed]
    return first, second


def _notes(day: np.ndarray, actor1: np.ndarray, actor2: np.ndarray, what: np.ndarray) -> np.ndarray:
    """The start of ACLED-style notes, marked synthetic: "SYNTHETIC: On <day>, <actor1>: <what> against <actor2>"."""
    against = np.where(actor2 != "", _join(" against ", actor2), "")
    return _join(f"{NOTES_PREFIX} On ", day, ", ", actor1, ": ", what, against)


def _evidence(
    language: np.ndarray, sub_index: np.ndarray, subs: list[str], name_ar: np.ndarray, name_en: np.ndarray
) -> np.ndarray:
    """~150 characters of generic wording marked synthetic, in the row's language, fitting its event and place."""
    template = np.array([EVIDENCE_OF.get(sub, len(EVIDENCE_EN) - 1) for sub in subs])[sub_index]
    arabic = language == "ar"
    which = template + np.where(arabic, len(EVIDENCE_EN), 0)
    heads = np.array([t.split("{}")[0] for t in EVIDENCE_EN + EVIDENCE_AR], dtype=object)
    tails = np.array([t.split("{}")[1] for t in EVIDENCE_EN + EVIDENCE_AR], dtype=object)
    return _join(heads[which], np.where(arabic, name_ar, name_en), tails[which])


def _columns(n: int, seed: int, first_row: int = 0) -> dict[str, np.ndarray]:
    """Every column of n rows numbered from `first_row`, as arrays; the same seed and rows give the same values."""
    rng = np.random.default_rng([seed, first_row])
    pool = place_pool()
    place = rng.choice(len(pool.ids), size=n, p=pool.probabilities)
    days = _day_offsets(rng, n, seed)
    calendar = pd.date_range(FIRST_DAY, periods=DAYS, freq="D")
    day_text = np.array([d.date().isoformat() for d in calendar], dtype=object)
    long_day = np.array([f"{d.day} {d:%B %Y}" for d in calendar], dtype=object)
    subs = list(SUB_EVENT_TYPES)
    sub_p = np.array([SUB_EVENT_WEIGHTS[s] for s in subs])
    sub_index = rng.choice(len(subs), size=n, p=sub_p / sub_p.sum())
    sub_names = np.array(subs, dtype=object)[sub_index]
    event_types = np.array([SUB_EVENT_TYPES[s] for s in subs], dtype=object)[sub_index]
    disorder = np.array([disorder_type(SUB_EVENT_TYPES[s], s) for s in subs], dtype=object)[sub_index]
    first, second = _actors(rng, event_types, sub_names)
    names = np.array([a[0] for a in ACTORS], dtype=object)
    inters = np.array([a[1] for a in ACTORS], dtype=np.int64)
    inter1, inter2 = inters[first], inters[second]
    interaction = np.where(inter2 > 0, np.minimum(inter1, inter2) * 10 + np.maximum(inter1, inter2), inter1 * 10)
    violent = ~np.isin(event_types, [PROTESTS, "Strategic developments"])
    fatalities = _fatalities(rng, violent)
    language = np.where(rng.random(n) < 0.55, "ar", "en").astype(object)
    row = np.arange(first_row, first_row + n)
    article = _join(f"syn-{seed}-", _digits(row // 3))
    what = np.array([sub.lower() for sub in subs], dtype=object)[sub_index]
    notes = _notes(long_day[days], names[first], np.where(second != NO_ACTOR, names[second], ""), what)
    notes = _join(notes, " in ", pool.names[place], ", ", pool.countries[place], ".")
    background = rng.random(n) < 0.03
    return {
        "event_id_cnty": _join(ID_PREFIX, pool.iso3[place], _digits(row, 8)),
        "event_date": day_text[days],
        "year": calendar.year.to_numpy()[days],
        "time_precision": rng.choice([1, 2, 3], size=n, p=[0.86, 0.1, 0.04]),
        "disorder_type": disorder,
        "event_type": event_types,
        "sub_event_type": sub_names,
        "actor1": names[first],
        "assoc_actor_1": np.full(n, "", dtype=object),
        "inter1": inter1,
        "actor2": names[second],
        "assoc_actor_2": np.full(n, "", dtype=object),
        "inter2": np.where(inter2 > 0, inter2, None),
        "interaction": interaction,
        "civilian_targeting": np.where(second == ACTORS.index(CIVILIANS), "Civilian targeting", "").astype(object),
        "iso": pool.iso_numeric[place],  # TEXT in the store, so the dashboard reads digit strings
        "region": pool.regions[place],
        "country": pool.countries[place],
        "admin1": pool.admin1[place],
        "admin2": pool.admin2[place],
        "admin3": np.full(n, "", dtype=object),
        "location": pool.names[place],
        "latitude": pool.latitudes[place],
        "longitude": pool.longitudes[place],
        "geo_precision": rng.choice([1, 2, 3], size=n, p=[0.7, 0.25, 0.05]),
        "source": np.full(n, SOURCE, dtype=object),
        "source_scale": np.full(n, "Other", dtype=object),
        "notes": _join(notes, " ", _digits(fatalities), " reported killed."),
        "fatalities": fatalities,
        "tags": np.where(background, f"{TAG}; background", TAG).astype(object),
        "timestamp": 1_672_531_200 + days * 86_400 + rng.integers(86_400, 10 * 86_400, size=n),
        "incident_id": _join(f"syn{seed:04d}", _digits(row, 9)),
        "article_id": article,
        "source_url": _join(URL_PREFIX, article),
        "language": language,
        "weapon": _weapons(rng, sub_index, subs),
        "evidence": _evidence(language, sub_index, subs, pool.names_ar[place], pool.names[place]),
        "confidence": np.round(rng.uniform(0.55, 0.98, size=n), 2),
        "place_id": pool.ids[place],
        "status": rng.choice(np.array(["new", "reviewed", "rejected"], dtype=object), size=n, p=[0.8, 0.18, 0.02]),
    }


def _complete(columns: dict[str, np.ndarray], n: int) -> dict[str, np.ndarray]:
    """Fill the product's columns this generator does not model: a report is its own event, anything else empty.

    The table's columns live in `incidents.taxonomy.COLUMNS` and grow with the
    product; an unknown column gets empty values (coerced by `to_frame` if it is
    numeric) rather than breaking the benchmark.
    """
    filled = dict(columns)
    if "event_id" in COLUMNS:
        filled["event_id"] = columns["incident_id"]
    for name in COLUMNS:
        if name not in filled:
            filled[name] = np.full(n, "", dtype=object)
    return filled


def synthetic_table(n: int, seed: int = 0) -> pd.DataFrame:
    """n synthetic incidents (clearly labelled as such) with the product's columns and dtypes.

    Rows pass through `incidents.table.to_frame`, exactly as the store's reader
    builds the table, so every dtype matches what the dashboard sees. They are
    made a chunk at a time so that only one chunk's Python objects exist at once.
    """
    chunks = []
    for start in range(0, n, CHUNK_ROWS):
        size = min(CHUNK_ROWS, n - start)
        columns = _complete(_columns(size, seed, start), size)
        chunks.append(to_frame(zip(*(columns[c].tolist() for c in COLUMNS))))
    if not chunks:
        return to_frame([])
    return pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]


def write_sqlite(frame: pd.DataFrame, path: Path) -> None:
    """Write the table into an incident store at `path` (schema from `incidents.store.Store`), in one transaction."""
    from incidents.store import Store

    Store(path)  # creates the schema
    columns = [c for c in COLUMNS]
    placeholders = ", ".join("?" for _ in columns)
    values = frame[columns].astype(object).where(frame[columns].notna(), None)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA synchronous=OFF")
        db.executemany(
            f"INSERT OR REPLACE INTO incidents ({', '.join(columns)}) VALUES ({placeholders})",
            values.itertuples(index=False, name=None),
        )
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def main(argv: list[str] | None = None) -> None:
    """Write N synthetic rows to a Parquet file (.parquet) or an incident store (.db / .sqlite)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    frame = synthetic_table(args.rows, args.seed)
    made = time.perf_counter() - started
    if args.output.suffix in (".db", ".sqlite", ".sqlite3"):
        write_sqlite(frame, args.output)
    else:
        frame.to_parquet(args.output, index=False)
    print(
        f"{len(frame):,} SYNTHETIC rows generated in {made:.1f} s, "
        f"written to {args.output} in {time.perf_counter() - started - made:.1f} s"
    )


if __name__ == "__main__":
    main()

"""Incidents as a pandas DataFrame with ACLED's 31 columns first, in ACLED's order, then ours."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pandas as pd

from .article import Article
from .dedup import INFERRED_DATE_TAG
from .extractor import Incident
from .taxonomy import COLUMNS, acled_region, disorder_type, interaction, iso_codes

INTERNATIONAL_SOURCES = (
    "reuters",
    "associated press",
    "ap",
    "afp",
    "agence france",
    "bbc",
    "al jazeera",
    "asharq",
    "al arabiya",
    "sky news",
    "cnn",
    "bloomberg",
    "new york times",
    "washington post",
    "guardian",
    "anadolu",
    "xinhua",
    "dpa",
    "رويترز",
    "الشرق",
    "الجزيرة",
    "العربية",
)
_DTYPES = {
    "year": "Int64",
    "time_precision": "Int64",
    "inter1": "Int64",
    "inter2": "Int64",
    "interaction": "Int64",
    "geo_precision": "Int64",
    "fatalities": "Int64",
    "timestamp": "Int64",
    "latitude": "float64",
    "longitude": "float64",
    "confidence": "float64",
}


def source_scale(source: str) -> str:
    """ACLED's source scale from the outlet's name: wire services and global broadcasters are international."""
    name = source.casefold()
    if any(outlet in name for outlet in INTERNATIONAL_SOURCES):
        return "International"
    return "Other" if name else ""


def incident_id(article: Article, incident: Incident) -> str:
    """Stable across runs: the same article and event always give the same id."""
    basis = "|".join(
        [article.content_hash, incident.place.id, incident.event_date.isoformat(), incident.sub_event_type]
    )
    return hashlib.sha256(basis.encode()).hexdigest()[:16]


def event_id_cnty(iso3: str, identifier: str) -> str:
    """ACLED-style event id: the country's ISO 3166 alpha-3 code and a number."""
    return f"{iso3}{int(identifier[:12], 16) % 10**8:08d}"


def notes(incident: Incident) -> str:
    """A one-line English summary in ACLED's manner."""
    place = incident.place
    where = ", ".join(dict.fromkeys(p for p in (place.name, place.admin1, place.country) if p))
    day = incident.event_date
    when = f"{day.day} {day:%B %Y}" if incident.time_precision == 1 else f"{day:%B %Y}"
    who = incident.actor1.name if incident.actor1 else "An unidentified actor"
    whom = f" against {incident.actor2.name}" if incident.actor2 else ""
    what = incident.sub_event_type.lower()
    weapon = f" ({incident.weapon})" if incident.weapon else ""
    near = "near" if incident.geo_precision == 2 else "in"
    dead = f"{incident.fatalities} reported killed." if incident.fatalities else "No fatalities reported."
    background = " Background event mentioned in a later report." if incident.background else ""
    preposition = "On" if incident.time_precision == 1 else "In"
    return f"{preposition} {when}, {who}: {what}{weapon}{whom} {near} {where}. {dead}{background}"


def row(article: Article, incident: Incident, language: str) -> dict:
    place = incident.place
    identifier = incident_id(article, incident)
    actor1, actor2 = incident.actor1, incident.actor2
    from .actors import inter_in

    inter1 = inter_in(actor1, place.country_code) if actor1 else None
    inter2 = inter_in(actor2, place.country_code) if actor2 else None
    tags = ["background"] if incident.background else []
    if incident.dated_by_publication:
        tags.append(INFERRED_DATE_TAG)
    return {
        "event_id_cnty": event_id_cnty(iso_codes(place.country_code)[0], identifier),
        "event_date": incident.event_date.isoformat(),
        "year": incident.event_date.year,
        "time_precision": incident.time_precision,
        "disorder_type": disorder_type(incident.event_type, incident.sub_event_type),
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "actor1": actor1.name if actor1 else "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": actor2.name if actor2 else "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if incident.civilian_targeting else "",
        "iso": iso_codes(place.country_code)[1],
        "region": acled_region(place.country_code),
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "admin3": "",
        "location": place.name,
        "latitude": round(place.latitude, 5),
        "longitude": round(place.longitude, 5),
        "geo_precision": incident.geo_precision,
        "source": article.source,
        "source_scale": source_scale(article.source),
        "notes": notes(incident),
        "fatalities": incident.fatalities,
        "tags": "; ".join(tags),
        "timestamp": None,
        "incident_id": identifier,
        "article_id": article.id,
        "source_url": article.url,
        "language": language,
        "weapon": incident.weapon,
        "evidence": incident.evidence,
        "confidence": incident.confidence,
        "place_id": place.id,
        "status": "new",
        "event_id": identifier,
    }


def plain_value(value):
    """A plain Python value for storage or JSON: missing values become None, numpy scalars Python ones."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") else value


def to_frame(rows: Iterable[dict] | pd.DataFrame) -> pd.DataFrame:
    """Rows (or a frame) as the incident table: its columns in order, nullable integer columns."""
    frame = (
        rows.reindex(columns=COLUMNS) if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows), columns=COLUMNS)
    )
    for column, dtype in _DTYPES.items():
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(dtype)
    return frame

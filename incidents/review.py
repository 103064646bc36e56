"""Corrections a person makes to extracted incidents before saving them.

The reviewer edits a few fields (place, date, type, actors, fatalities) or
drops a row; everything derived from those fields (coordinates and provinces
of a new place, the event type of a sub-event type, the year, ACLED's
interaction code) follows, and the row is marked reviewed.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from gazetteer import Gazetteer, Place

from .taxonomy import SUB_EVENT_TYPES, disorder_type, interaction

EDITABLE = ["event_date", "sub_event_type", "location", "country", "actor1", "actor2", "fatalities", "geo_precision"]
SHOWN = ["keep", *EDITABLE, "weapon", "evidence", "incident_id"]


def preview(rows: list[dict]) -> pd.DataFrame:
    """The columns a reviewer sees, with a `keep` box ticked for every row."""
    frame = pd.DataFrame(rows, columns=[c for c in SHOWN if c != "keep"])
    frame.insert(0, "keep", True)
    return frame


def place_label(place: Place) -> str:
    where = ", ".join(dict.fromkeys(p for p in (place.name, place.admin1, place.country) if p))
    return f"{where} ({place.feature_code}, {place.latitude:.3f}, {place.longitude:.3f})"


def search_places(gaz: Gazetteer, query: str, limit: int = 8) -> list[Place]:
    """Places for a reviewer's search box, best first."""
    return gaz.lookup(query, limit=limit) if query.strip() else []


def _with_place(row: dict, place: Place) -> dict:
    return {
        **row,
        "location": place.name,
        "latitude": round(place.latitude, 5),
        "longitude": round(place.longitude, 5),
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "place_id": place.id,
    }


def apply_corrections(original: list[dict], edited: pd.DataFrame, gaz: Gazetteer) -> list[dict]:
    """The rows to save: kept rows with the reviewer's edits and everything that follows from them."""
    by_id = {row["incident_id"]: row for row in original}
    out = []
    for record in edited.to_dict("records"):
        if not record.get("keep", True):
            continue
        before = by_id.get(record["incident_id"])
        if before is None:
            continue
        row = {**before, **{k: record[k] for k in EDITABLE if k in record}}
        if record.get("location") != before.get("location") or record.get("country") != before.get("country"):
            found = gaz.lookup(str(record.get("location") or ""), country=record.get("country") or None)
            found = found or gaz.lookup(str(record.get("location") or ""))
            if not found:
                raise ValueError(f"no place named {record.get('location')!r} in the gazetteer")
            row = _with_place(row, found[0])
        if row.get("sub_event_type") not in SUB_EVENT_TYPES:
            raise ValueError(f"unknown sub-event type {row.get('sub_event_type')!r}")
        day = date.fromisoformat(str(row["event_date"])[:10])
        row["event_date"] = day.isoformat()
        row["year"] = day.year
        row["event_type"] = SUB_EVENT_TYPES[row["sub_event_type"]]
        row["disorder_type"] = disorder_type(row["event_type"], row["sub_event_type"])
        row["interaction"] = interaction(row.get("inter1"), row.get("inter2"))
        row["fatalities"] = int(row.get("fatalities") or 0)
        row["status"] = "reviewed"
        out.append(row)
    return out

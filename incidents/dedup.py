"""One event, many reports: linking incidents from different articles that describe the same event.

ACLED codes one event per place, day and actor pair, listing every source;
counting reports instead (GDELT's best-known flaw) would count one rocket
attack three times. Two reports are the same event when they come from
different articles and have the same event type, compatible places (within a
radius that grows as the place gets vaguer, or a province- or country-level
report that names the area holding exactly one such incident), compatible
dates (the same day, or a day apart when a report's date was only inferred
from its publication), and no conflicting actors.

No all-pairs comparison: incidents are blocked by day and by a grid cell of
about 25 km, and only neighbouring blocks are compared, so a million
incidents link in seconds. An incident a person reviewed, or unlinked by
hand, is never linked automatically.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

CELL_DEGREES = 0.25
RADIUS_KM = {1: 10.0, 2: 25.0}
INFERRED_DATE_TAG = "date from report"
UNIDENTIFIED = "Unidentified"
_EARTH_KM = 6371.0088


def _days(frame: pd.DataFrame) -> np.ndarray:
    dates = pd.to_datetime(frame["event_date"], errors="coerce")
    return (dates - pd.Timestamp("1970-01-01")).dt.days.fillna(-(10**6)).to_numpy(dtype=np.int64)


def _codes(values: pd.Series) -> np.ndarray:
    return pd.factorize(values.fillna("").astype(str))[0].astype(np.int64)


@dataclass
class _Columns:
    """The columns linking compares, as integer codes and numbers, computed once."""

    day: np.ndarray
    span: np.ndarray
    inferred: np.ndarray
    precision: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    kind: np.ndarray
    country: np.ndarray
    admin1: np.ndarray
    place: np.ndarray
    location_is_country: np.ndarray
    origin: np.ndarray
    eligible: np.ndarray
    actor1: np.ndarray
    actor2: np.ndarray

    @classmethod
    def of(cls, frame: pd.DataFrame) -> _Columns:
        n = len(frame)
        time_precision = frame["time_precision"].fillna(1).to_numpy()
        tags = frame["tags"].fillna("").astype(str)
        status = frame["status"].fillna("new").astype(str).to_numpy()
        locked = frame["link_locked"].fillna(0).to_numpy() if "link_locked" in frame else np.zeros(n)
        actors = pd.concat([frame["actor1"], frame["actor2"]]).fillna("").astype(str)
        actors = actors.where(~actors.str.startswith(UNIDENTIFIED) & (actors != ""), "")
        codes, uniques = pd.factorize(actors)
        blank = np.flatnonzero(uniques == "")
        codes = np.where(np.isin(codes, blank), -1, codes)
        location = frame["location"].fillna("").astype(str)
        place = frame["place_id"].fillna("").astype(str) if "place_id" in frame else location
        return cls(
            day=_days(frame),
            span=np.where(time_precision >= 3, 30, np.where(time_precision == 2, 6, 0)),
            inferred=tags.str.contains(INFERRED_DATE_TAG, regex=False).to_numpy(),
            precision=frame["geo_precision"].fillna(3).to_numpy(dtype=np.int64),
            lat=frame["latitude"].to_numpy(dtype=float),
            lon=frame["longitude"].to_numpy(dtype=float),
            kind=_codes(frame["event_type"]),
            country=_codes(frame["country"]),
            admin1=_codes(frame["country"].fillna("").astype(str) + "|" + frame["admin1"].fillna("").astype(str)),
            place=_codes(place.where(place != "", location + "|" + frame["country"].fillna("").astype(str))),
            location_is_country=(location == frame["country"].fillna("").astype(str)).to_numpy(),
            origin=_origins(frame),
            eligible=(status != "reviewed") & (status != "rejected") & (locked == 0),
            actor1=codes[:n],
            actor2=codes[n:],
        )


def _origins(frame: pd.DataFrame) -> np.ndarray:
    """The article each report came from, as a code; a report of unknown origin is its own."""
    origin = (frame["content_hash"] if "content_hash" in frame else frame["article_id"]).fillna("").astype(str)
    unknown = origin == ""
    origin = origin.where(~unknown, "row:" + pd.Series(np.arange(len(frame)), index=frame.index).astype(str))
    return _codes(origin)


def _haversine(lat1, lon1, lat2, lon2) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _join(left_keys: np.ndarray, left_rows: np.ndarray, right_keys: np.ndarray, right_rows: np.ndarray) -> np.ndarray:
    """Row pairs whose 64-bit block keys are equal."""
    left = pd.DataFrame({"k": left_keys, "i": left_rows})
    right = pd.DataFrame({"k": right_keys, "j": right_rows})
    merged = left.merge(right, on="k")
    return merged[["i", "j"]].to_numpy()


def _pack(*parts: tuple[np.ndarray, int]) -> np.ndarray:
    """Several small non-negative integers in one 64-bit key (each with its bit width)."""
    key = np.zeros(len(parts[0][0]), dtype=np.int64)
    for values, bits in parts:
        key = (key << bits) | (values.astype(np.int64) & ((1 << bits) - 1))
    return key


def candidate_pairs(frame: pd.DataFrame, columns: _Columns | None = None) -> np.ndarray:
    """Pairs (i < j) close enough in type, day and place to be compared: never all pairs.

    Precise reports are blocked by event type, day and a grid cell of about
    25 km, and compared with the neighbouring days and cells; province- or
    country-level reports only with reports of the same type and country a day
    apart at most.
    """
    c = columns or _Columns.of(frame)
    rows = np.arange(len(frame))
    found = []
    precise = c.precision < 3
    cx = np.floor(c.lat / CELL_DEGREES).astype(np.int64) + 1000
    cy = np.floor(c.lon / CELL_DEGREES).astype(np.int64) + 1000
    day = c.day - c.day.min() + 2 if len(c.day) else c.day
    p = precise & c.eligible
    base = (c.kind[p], 8), (day[p], 20), (cx[p], 12), (cy[p], 12)
    left = _pack(*base)
    for dd in (0, 1):
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dd == 0 and (dx, dy) < (0, 0):
                    continue
                right = _pack((c.kind[p], 8), (day[p] + dd, 20), (cx[p] + dx, 12), (cy[p] + dy, 12))
                found.append(_join(left, rows[p], right, rows[p]))
    vague = (~precise) & c.eligible
    if vague.any():
        everyone = c.eligible
        area = _pack((c.kind[vague], 8), (c.country[vague], 12), (day[vague], 20))
        for dd in (-1, 0, 1):
            other = _pack((c.kind[everyone], 8), (c.country[everyone], 12), (day[everyone] + dd, 20))
            found.append(_join(area, rows[vague], other, rows[everyone]))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    pairs = np.sort(pairs, axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    flat = np.unique(pairs[:, 0] * len(frame) + pairs[:, 1])
    return np.stack([flat // max(1, len(frame)), flat % max(1, len(frame))], axis=1)


def compatible(frame: pd.DataFrame, pairs: np.ndarray, columns: _Columns | None = None) -> np.ndarray:
    """Which candidate pairs are the same event: a boolean per pair."""
    if not len(pairs):
        return np.zeros(0, dtype=bool)
    c = columns or _Columns.of(frame)
    i, j = pairs[:, 0], pairs[:, 1]
    ok = (c.origin[i] != c.origin[j]) & (c.kind[i] == c.kind[j]) & c.eligible[i] & c.eligible[j]
    slack = (c.inferred[i] | c.inferred[j]).astype(np.int64)
    ok &= (c.day[i] <= c.day[j] + c.span[j] + slack) & (c.day[j] <= c.day[i] + c.span[i] + slack)
    ok &= _places_agree(c, i, j)
    ok &= _actors_agree(c, i, j)
    return ok


_RADIUS = np.array([RADIUS_KM[2], RADIUS_KM[1], RADIUS_KM[2], 0.0])


def _places_agree(c: _Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    radius = np.maximum(_RADIUS[np.clip(c.precision[i], 0, 3)], _RADIUS[np.clip(c.precision[j], 0, 3)])
    both_precise = (c.precision[i] < 3) & (c.precision[j] < 3)
    near = both_precise & (_haversine(c.lat[i], c.lon[i], c.lat[j], c.lon[j]) <= radius)
    same_place = c.place[i] == c.place[j]
    vague_i, vague_j = c.precision[i] >= 3, c.precision[j] >= 3
    same_country = c.country[i] == c.country[j]
    same_admin1 = c.admin1[i] == c.admin1[j]
    within = same_country & (
        (vague_i & (c.location_is_country[i] | same_admin1)) | (vague_j & (c.location_is_country[j] | same_admin1))
    )
    return near | same_place | within


def _actors_agree(c: _Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """No conflict: one side names no actor, or the two share one."""
    a1i, a2i, a1j, a2j = c.actor1[i], c.actor2[i], c.actor1[j], c.actor2[j]
    named_i = (a1i >= 0) | (a2i >= 0)
    named_j = (a1j >= 0) | (a2j >= 0)
    shared = ((a1i >= 0) & ((a1i == a1j) | (a1i == a2j))) | ((a2i >= 0) & ((a2i == a1j) | (a2i == a2j)))
    return ~named_i | ~named_j | shared


def _single_target_links(c: _Columns, pairs: np.ndarray) -> np.ndarray:
    """A vague report (province- or country-level, or dated only to a week or a month) links only when it has
    exactly one candidate: otherwise it would chain separate events into one."""
    if not len(pairs):
        return pairs
    vague = (c.precision >= 3) | (c.span > 0)
    keep = np.ones(len(pairs), dtype=bool)
    for side, other in ((0, 1), (1, 0)):
        rows = vague[pairs[:, side]]
        if rows.any():
            counts = pd.Series(pairs[rows, other]).groupby(pairs[rows, side]).nunique()
            crowded = counts[counts > 1].index.to_numpy()
            keep &= ~(rows & np.isin(pairs[:, side], crowded))
    return pairs[keep]


def _components(n: int, pairs: np.ndarray) -> np.ndarray:
    """Connected components of the link graph: a component label per row (iterative label propagation)."""
    labels = np.arange(n)
    if not len(pairs):
        return labels
    a, b = pairs[:, 0], pairs[:, 1]
    while True:
        low = np.minimum(labels[a], labels[b])
        before = labels.copy()
        np.minimum.at(labels, a, low)
        np.minimum.at(labels, b, low)
        labels = labels[labels]
        if np.array_equal(labels, before):
            return labels


def _anchored(c: _Columns, labels: np.ndarray) -> np.ndarray:
    """Reports too far from their event's anchor (its most precise report) leave the event: links must not chain
    a string of nearby reports into one event spread over days or across a province."""
    order = np.lexsort((c.span, c.precision, labels))
    first = np.ones(len(order), dtype=bool)
    first[1:] = labels[order][1:] != labels[order][:-1]
    anchor_of = np.empty(len(labels), dtype=np.int64)
    anchor_of[labels[order][first]] = order[first]
    anchor = anchor_of[labels]
    rows = np.arange(len(labels))
    precise = (c.precision < 3) & (c.precision[anchor] < 3)
    far = precise & (_haversine(c.lat, c.lon, c.lat[anchor], c.lon[anchor]) > 2 * RADIUS_KM[2])
    late = np.abs(c.day - c.day[anchor]) > 1 + c.span + c.span[anchor]
    return np.where(far | late, rows, labels)


def link(frame: pd.DataFrame) -> pd.Series:
    """The event id of every incident: the smallest incident id among the reports of the same event."""
    if frame.empty:
        return pd.Series([], dtype=object, index=frame.index)
    columns = _Columns.of(frame)
    pairs = candidate_pairs(frame, columns)
    pairs = pairs[compatible(frame, pairs, columns)]
    pairs = _single_target_links(columns, pairs)
    labels = _anchored(columns, _components(len(frame), pairs))
    ids = frame["incident_id"].astype(str).to_numpy()
    smallest = pd.Series(ids).groupby(labels).transform("min").to_numpy()
    return pd.Series(smallest, index=frame.index, name="event_id")


def events(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per event, from its reports: the most precise place and date, every source, ACLED's fatality rule.

    Columns are the incident table's, plus `sources` (how many reports) and
    `reports` (their incident ids, "; "-separated).
    """
    if frame.empty:
        return frame.assign(sources=pd.Series(dtype="Int64"), reports=pd.Series(dtype=object))
    data = frame.copy()
    if "event_id" not in data:
        data["event_id"] = data["incident_id"]
    data["event_id"] = data["event_id"].fillna(data["incident_id"])
    ordered = data.assign(_geo=data["geo_precision"].fillna(3), _time=data["time_precision"].fillna(3)).sort_values(
        ["event_id", "_geo", "_time", "incident_id"]
    )
    out = ordered.drop_duplicates("event_id", keep="first").set_index("event_id").drop(columns=["_geo", "_time"])
    counts = data.groupby("event_id", sort=False).size()
    killed = pd.to_numeric(data["fatalities"], errors="coerce")
    out["fatalities"] = killed.where(killed > 0).groupby(data["event_id"]).min().reindex(out.index).fillna(0)
    out["fatalities"] = out["fatalities"].astype("Int64")
    out["sources"] = counts.reindex(out.index).astype("Int64")
    out["reports"] = out["incident_id"]
    shared = counts[counts > 1].index
    if len(shared):
        many = data[data["event_id"].isin(shared)].sort_values(["timestamp", "incident_id"], na_position="first")
        grouped = many.groupby("event_id", sort=False)
        out.loc[shared, "source"] = grouped["source"].agg(
            lambda s: "; ".join(dict.fromkeys(x for x in s.fillna("") if x))
        )
        out.loc[shared, "reports"] = grouped["incident_id"].agg("; ".join)
    return out.reset_index().reindex(columns=[*frame.columns, "sources", "reports"])

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

import numpy as np
import pandas as pd

CELL_DEGREES = 0.25
RADIUS_KM = {1: 10.0, 2: 25.0}
INFERRED_DATE_TAG = "date from report"
UNIDENTIFIED = "Unidentified"
_EARTH_KM = 6371.0088


def _days(frame: pd.DataFrame) -> np.ndarray:
    dates = pd.to_datetime(frame["event_date"], errors="coerce")
    return (dates - pd.Timestamp("1970-01-01")).dt.days.fillna(-(10**9)).to_numpy(dtype=np.int64)


def _actor_sets(frame: pd.DataFrame) -> list[frozenset]:
    out = []
    for a1, a2 in zip(frame["actor1"].fillna(""), frame["actor2"].fillna("")):
        out.append(frozenset(a for a in (a1, a2) if a and not a.startswith(UNIDENTIFIED)))
    return out


def _haversine(lat1, lon1, lat2, lon2) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _pairs_by_blocks(keys: pd.DataFrame, offsets: list[tuple[int, ...]]) -> np.ndarray:
    """Index pairs (i < j) whose block keys differ by one of the offsets."""
    found = []
    columns = [c for c in keys.columns if c != "row"]
    for offset in offsets:
        shifted = keys.copy()
        for column, delta in zip(columns, offset):
            if delta:
                shifted[column] = shifted[column] + delta
        merged = keys.merge(shifted, on=columns, suffixes=("_i", "_j"))
        pairs = merged[["row_i", "row_j"]].to_numpy()
        found.append(pairs[pairs[:, 0] < pairs[:, 1]])
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(found), axis=0)


def candidate_pairs(frame: pd.DataFrame) -> np.ndarray:
    """Pairs of row positions close enough in day and place to be compared: never all pairs."""
    day = _days(frame)
    precise = frame["geo_precision"].fillna(3).to_numpy() < 3
    lat = frame["latitude"].to_numpy(dtype=float)
    lon = frame["longitude"].to_numpy(dtype=float)
    rows = np.arange(len(frame))
    point_keys = pd.DataFrame(
        {
            "day": day[precise],
            "cx": np.floor(lat[precise] / CELL_DEGREES).astype(np.int64),
            "cy": np.floor(lon[precise] / CELL_DEGREES).astype(np.int64),
            "row": rows[precise],
        }
    )
    offsets = [(dd, dx, dy) for dd in (-1, 0, 1) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    point_pairs = _pairs_by_blocks(point_keys, offsets)
    area_keys = pd.DataFrame({"day": day, "country": frame["country"].fillna("").to_numpy(), "row": rows})
    vague = ~precise
    area_pairs = _pairs_by_blocks(area_keys, [(dd, 0) for dd in (-1, 0, 1)])
    if len(area_pairs):
        involved = vague[area_pairs[:, 0]] | vague[area_pairs[:, 1]]
        area_pairs = area_pairs[involved]
    return np.unique(np.concatenate([point_pairs, area_pairs]), axis=0) if len(area_pairs) else point_pairs


def compatible(frame: pd.DataFrame, pairs: np.ndarray) -> np.ndarray:
    """Which candidate pairs are the same event: a boolean per pair."""
    if not len(pairs):
        return np.zeros(0, dtype=bool)
    i, j = pairs[:, 0], pairs[:, 1]
    article = frame["article_id"].fillna("").astype(str).to_numpy()
    source_hash = frame.get("content_hash")
    origin = source_hash.fillna("").to_numpy() if source_hash is not None else article
    kind = frame["event_type"].fillna("").to_numpy()
    status = frame["status"].fillna("new").to_numpy()
    locked = frame["link_locked"].fillna(0).to_numpy() if "link_locked" in frame else np.zeros(len(frame))
    ok = (origin[i] != origin[j]) | (origin[i] == "")
    ok &= kind[i] == kind[j]
    ok &= (status[i] != "reviewed") & (status[j] != "reviewed") & (status[i] != "rejected") & (status[j] != "rejected")
    ok &= (locked[i] == 0) & (locked[j] == 0)
    ok &= _dates_agree(frame, i, j)
    ok &= _places_agree(frame, i, j)
    ok &= _actors_agree(frame, i, j)
    return ok


def _dates_agree(frame: pd.DataFrame, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    day = _days(frame)
    precision = frame["time_precision"].fillna(1).to_numpy()
    span = np.where(precision >= 3, 30, np.where(precision == 2, 6, 0))
    inferred = frame["tags"].fillna("").str.contains(INFERRED_DATE_TAG, regex=False).to_numpy()
    slack = np.where(inferred[i] | inferred[j], 1, 0)
    start_i, end_i = day[i], day[i] + span[i]
    start_j, end_j = day[j], day[j] + span[j]
    return (start_i <= end_j + slack) & (start_j <= end_i + slack)


def _places_agree(frame: pd.DataFrame, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    precision = frame["geo_precision"].fillna(3).to_numpy()
    lat = frame["latitude"].to_numpy(dtype=float)
    lon = frame["longitude"].to_numpy(dtype=float)
    country = frame["country"].fillna("").to_numpy()
    admin1 = frame["admin1"].fillna("").to_numpy()
    place = frame["place_id"].fillna("").to_numpy() if "place_id" in frame else np.full(len(frame), "")
    location = frame["location"].fillna("").to_numpy()
    distance = _haversine(lat[i], lon[i], lat[j], lon[j])
    radius = np.maximum(np.vectorize(RADIUS_KM.get)(precision[i], 0.0), np.vectorize(RADIUS_KM.get)(precision[j], 0.0))
    both_precise = (precision[i] < 3) & (precision[j] < 3)
    near = both_precise & (distance <= radius)
    same_area = (place[i] == place[j]) & (place[i] != "") | (location[i] == location[j]) & (country[i] == country[j])
    vague_i, vague_j = precision[i] >= 3, precision[j] >= 3
    contains = (vague_i | vague_j) & (country[i] == country[j])
    area_is_country_i = location[i] == country[i]
    area_is_country_j = location[j] == country[j]
    within_area = contains & (
        (vague_i & (area_is_country_i | (admin1[i] == admin1[j])))
        | (vague_j & (area_is_country_j | (admin1[i] == admin1[j])))
    )
    return near | same_area | within_area


def _actors_agree(frame: pd.DataFrame, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    actors = _actor_sets(frame)
    return np.array([not (actors[a] and actors[b]) or bool(actors[a] & actors[b]) for a, b in zip(i, j)], dtype=bool)


def _unambiguous_area_links(frame: pd.DataFrame, pairs: np.ndarray) -> np.ndarray:
    """A province- or country-level report links only when its area holds one candidate event, not several."""
    if not len(pairs):
        return pairs
    precision = frame["geo_precision"].fillna(3).to_numpy()
    vague_side = np.where(
        precision[pairs[:, 0]] >= 3, pairs[:, 0], np.where(precision[pairs[:, 1]] >= 3, pairs[:, 1], -1)
    )
    other_side = np.where(vague_side == pairs[:, 0], pairs[:, 1], pairs[:, 0])
    keep = np.ones(len(pairs), dtype=bool)
    vague_rows = vague_side >= 0
    if vague_rows.any():
        targets = pd.DataFrame({"vague": vague_side[vague_rows], "other": other_side[vague_rows]})
        precise_other = precision[targets["other"].to_numpy()] < 3
        counts = targets[precise_other].groupby("vague")["other"].nunique()
        ambiguous = set(counts[counts > 1].index)
        keep[np.flatnonzero(vague_rows)] = ~np.isin(vague_side[vague_rows], list(ambiguous)) | ~precise_other
    return pairs[keep]


def _components(n: int, pairs: np.ndarray) -> np.ndarray:
    """Connected components of the link graph: a component label per row."""
    parent = np.arange(n)

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return np.array([find(x) for x in range(n)])


def link(frame: pd.DataFrame) -> pd.Series:
    """The event id of every incident: the smallest incident id among the reports of the same event."""
    if frame.empty:
        return pd.Series([], dtype=object, index=frame.index)
    pairs = candidate_pairs(frame)
    pairs = pairs[compatible(frame, pairs)]
    pairs = _unambiguous_area_links(frame, pairs)
    labels = _components(len(frame), pairs)
    ids = frame["incident_id"].astype(str).to_numpy()
    smallest = pd.Series(ids).groupby(labels).transform("min").to_numpy()
    return pd.Series(smallest, index=frame.index, name="event_id")


def _lowest_reported(fatalities: pd.Series) -> int:
    reported = fatalities[fatalities > 0]
    return int(reported.min()) if len(reported) else 0


def events(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per event, from its reports: the most precise place and date, every source, ACLED's fatality rule.

    Columns are the incident table's, plus `sources` (how many reports) and
    `reports` (their incident ids, "; "-separated).
    """
    if frame.empty:
        return frame.assign(sources=pd.Series(dtype="Int64"), reports=pd.Series(dtype=object))
    data = frame.copy()
    if "event_id" not in data or data["event_id"].isna().any():
        data["event_id"] = data.get("event_id", pd.Series(index=data.index, dtype=object)).fillna(data["incident_id"])
    data["_rank_geo"] = data["geo_precision"].fillna(3)
    data["_rank_time"] = data["time_precision"].fillna(3)
    ordered = data.sort_values(["event_id", "_rank_geo", "_rank_time", "incident_id"])
    best = ordered.drop_duplicates("event_id", keep="first").set_index("event_id")
    grouped = ordered.groupby("event_id", sort=False)
    arrival = data.sort_values(["timestamp", "incident_id"], na_position="first").groupby("event_id", sort=False)
    sources = arrival["source"].agg(lambda s: "; ".join(dict.fromkeys(x for x in s.fillna("") if x)))
    reports = grouped["incident_id"].agg(lambda s: "; ".join(s))
    counts = grouped["incident_id"].size()
    fatalities = grouped["fatalities"].agg(lambda s: _lowest_reported(pd.to_numeric(s, errors="coerce").fillna(0)))
    out = best.drop(columns=["_rank_geo", "_rank_time"])
    out["source"] = sources
    out["fatalities"] = fatalities.astype("Int64")
    out["sources"] = counts.astype("Int64")
    out["reports"] = reports
    return out.reset_index().reindex(columns=[*frame.columns, "sources", "reports"])

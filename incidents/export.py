"""The incident table as files analysts open elsewhere: CSV with ACLED's columns first, and GeoJSON.

CSV cells that a spreadsheet would run as a formula (text starting with =, +,
-, @, a tab or a carriage return) are prefixed with a single quote, as OWASP
advises; numbers stay numbers.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from .table import plain_value
from .taxonomy import COLUMNS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(value):
    """A text cell made safe to open in a spreadsheet; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """ACLED's 31 columns first, in ACLED's order, then ours, then anything else."""
    first = [c for c in COLUMNS if c in frame.columns]
    return frame[first + [c for c in frame.columns if c not in first]]


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV (with a byte-order mark, so spreadsheets read Arabic right), formula-safe."""
    safe = ordered(frame).copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(defuse)
    buffer = io.StringIO()
    safe.to_csv(buffer, index=False)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_geojson(frame: pd.DataFrame) -> bytes:
    """A GeoJSON FeatureCollection: one Point per incident, every column as a property."""
    features = []
    for record in ordered(frame).to_dict("records"):
        lat, lon = plain_value(record.get("latitude")), plain_value(record.get("longitude"))
        if lat is None or lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {k: plain_value(v) for k, v in record.items()},
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False).encode("utf-8")


def to_parquet(frame: pd.DataFrame, folder: Path) -> int:
    """A Parquet dataset partitioned by month (`month=2024-04/…`), for analysts' own tools; returns files written."""
    data = ordered(frame).copy()
    data["month"] = data["event_date"].astype(str).str[:7]
    folder.mkdir(parents=True, exist_ok=True)
    data.to_parquet(folder, partition_cols=["month"], index=False)
    return sum(1 for _ in folder.rglob("*.parquet"))

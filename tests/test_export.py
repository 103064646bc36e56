import io
import json

import pandas as pd

from incidents.export import defuse, to_csv, to_geojson
from incidents.table import to_frame
from incidents.taxonomy import ACLED_COLUMNS


def frame(**overrides):
    row = {
        "event_id_cnty": "SYR1",
        "event_date": "2024-04-21",
        "location": "Rmeilan",
        "latitude": 37.0,
        "longitude": 41.95,
        "fatalities": 0,
        "notes": "Rockets fired at a base.",
        "evidence": "استهداف قوات أميركية بقاعدة في بلدة رميلان",
    }
    row.update(overrides)
    return to_frame([row])


def read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(data.decode("utf-8-sig")), dtype=str, keep_default_na=False)


def test_csv_starts_with_acled_columns_in_acled_order():
    assert list(read_csv(to_csv(frame())).columns[:31]) == ACLED_COLUMNS


def test_arabic_text_survives_the_csv_round_trip():
    assert read_csv(to_csv(frame())).loc[0, "evidence"] == "استهداف قوات أميركية بقاعدة في بلدة رميلان"


def test_formula_like_text_is_defused_and_numbers_stay_numbers():
    data = read_csv(to_csv(frame(notes='=HYPERLINK("http://evil")', location="@SUM(A1)", fatalities=3)))
    assert data.loc[0, "notes"].startswith("'=")
    assert data.loc[0, "location"] == "'@SUM(A1)"
    assert data.loc[0, "fatalities"] == "3"


def test_every_formula_start_is_defused():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert defuse(start + "1+1") == "'" + start + "1+1"
    assert defuse("Mosul") == "Mosul"
    assert defuse(-3) == -3


def test_geojson_is_a_feature_collection_of_points():
    collection = json.loads(to_geojson(frame()))
    assert collection["type"] == "FeatureCollection"
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [41.95, 37.0]}
    assert feature["properties"]["location"] == "Rmeilan"

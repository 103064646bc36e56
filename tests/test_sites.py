import csv

import numpy as np
from geopy.distance import geodesic

from gazetteer.sources import SITES_COLUMNS, SITES_CSV


def rows():
    with SITES_CSV.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_supplement_has_the_documented_columns_and_enough_rows():
    with SITES_CSV.open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == SITES_COLUMNS
    assert len(rows()) >= 150


def test_ids_are_unique_and_prefixed_by_country():
    ids = [r["id"] for r in rows()]
    assert len(ids) == len(set(ids))
    assert all(r["id"].startswith(r["country_code"].lower() + "-") for r in rows())


def test_every_row_has_english_and_arabic_names_and_a_source_note():
    for r in rows():
        assert r["name"] and r["name_ar"] and r["source_note"], r["id"]


def test_required_sites_are_present_where_they_are():
    by_id = {r["id"]: r for r in rows()}
    checks = {
        "iq-ain-al-asad-air-base": (33.79, 42.44, "IQ"),
        "sy-rmeilan": (37.0, 41.95, "SY"),
        "jo-tower-22": (33.31, 38.70, "JO"),
    }
    for site, (lat, lon, country) in checks.items():
        row = by_id[site]
        assert row["country_code"] == country
        assert geodesic((lat, lon), (float(row["latitude"]), float(row["longitude"]))).km < 15


def test_every_site_lies_in_its_country_or_on_its_border(gaz):
    ix = gaz.index
    lat = np.radians(np.frombuffer(ix.latitudes))
    lon = np.radians(np.frombuffer(ix.longitudes))
    towns = np.array([s == "geonames" for s in ix.sources])
    countries = np.array(ix.country_codes)
    for r in rows():
        p, q = np.radians(float(r["latitude"])), np.radians(float(r["longitude"]))
        a = np.sin((lat - p) / 2) ** 2 + np.cos(p) * np.cos(lat) * np.sin((lon - q) / 2) ** 2
        km = 2 * 6371 * np.arcsin(np.sqrt(a))
        own = km[towns & (countries == r["country_code"])].min()
        anywhere = km[towns].min()
        assert own < 150, f"{r['id']} is {own:.0f} km from any town of {r['country_code']}"
        assert own < anywhere + 70, f"{r['id']} lies inside another country"


def test_every_site_is_coded_to_the_province_its_row_names(gaz):
    for r in rows():
        coded = gaz.get(f"site:{r['id']}").admin1_code
        assert gaz.admin_area(coded).feature_code == "ADM1", r["id"]
        named = gaz.lookup(r["admin1"], country=r["country_code"])
        assert named, (r["id"], r["admin1"])
        assert coded in {p.admin1_code for p in named}, (r["id"], r["admin1"], coded)

"""The seed article (Asharq / Reuters, Arabic, published Monday 2024-04-22) and what it must yield."""

from pathlib import Path

import pytest

import incidents
from incidents.readers import read_path

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_aa4d7466b8e6fa91.txt"


@pytest.fixture(scope="module")
def table(gaz):
    article = read_path(SEED).articles[0]
    return incidents.extract(article.text, published=article.published, source=article.source)


@pytest.fixture(scope="module")
def current(table):
    return table[~table["tags"].str.contains("background")]


def test_three_current_incidents_and_nothing_else(current):
    assert len(current) == 3


def test_two_drones_shot_down_near_ain_al_asad(current):
    row = current[current["location"] == "Ain al-Asad Air Base"].iloc[0]
    assert row["event_date"] == "2024-04-22"
    assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Disrupted weapons use")
    assert (row["admin1"], row["country"]) == ("Al Anbar", "Iraq")
    assert row["weapon"] == "drone"
    assert row["geo_precision"] == 2
    assert row["fatalities"] == 0


def test_five_rockets_at_us_forces_in_rmeilan_on_sunday(current):
    row = current[current["location"] == "Rmeilan"].iloc[0]
    assert row["event_date"] == "2024-04-21"
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert (row["admin1"], row["country"]) == ("Al Hasakah", "Syria")
    assert row["actor2"] == "Military Forces of the United States"
    assert row["inter2"] == 8
    assert row["fatalities"] == 0


def test_the_explosion_at_a_base_in_iraq_is_country_level_on_saturday_with_one_killed(current):
    row = current[current["event_date"] == "2024-04-20"].iloc[0]
    assert (row["location"], row["geo_precision"]) == ("Iraq", 3)
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["fatalities"] == 1


def test_the_january_attacks_are_at_most_background_with_month_precision(table):
    background = table[table["tags"].str.contains("background")]
    assert (background["event_date"].str.startswith("2024-01")).all()
    assert (background["time_precision"] == 3).all()


def test_nothing_at_the_dateline_or_washington_and_no_old_years_as_current_events(table, current):
    assert "Baghdad" not in set(table["location"])
    assert "Washington" not in set(table["location"]) and "United States" not in set(table["location"])
    assert not current["event_date"].str[:4].isin(["2003", "2011", "2014", "2022"]).any()


def test_each_incident_carries_its_arabic_evidence_sentence(current):
    assert current["evidence"].str.contains("رميلان").any()
    assert (current["language"] == "ar").all()
    assert (current["source"] == "Asharq / Reuters").all()
    assert (current["source_scale"] == "International").all()


def test_the_table_starts_with_acled_columns_in_order(table):
    assert list(table.columns[:31]) == incidents.ACLED_COLUMNS
    assert list(table.columns) == incidents.COLUMNS


def test_extraction_is_deterministic(table):
    article = read_path(SEED).articles[0]
    again = incidents.extract(article.text, published=article.published, source=article.source)
    assert list(again["incident_id"]) == list(table["incident_id"])

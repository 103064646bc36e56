"""One event, many reports: linking reports across articles, and keeping distinct events apart."""

from datetime import date

import pandas as pd
import pytest

from incidents import Article
from incidents.dedup import events, link
from incidents.pipeline import ingest
from incidents.readers import read_path
from incidents.store import Store
from incidents.table import to_frame

SEED = read_path("seeds/000_aa4d7466b8e6fa91.txt").articles[0]
AP_RMEILAN = Article(
    id="ap-rmeilan",
    text=(
        "WASHINGTON, April 23 (AP) - Five rockets were fired at U.S. forces at a base in Rmeilan in "
        "northeastern Syria on Sunday from northern Iraq, U.S. officials said, adding that there were no casualties."
    ),
    published=date(2024, 4, 23),
    source="AP",
    language="en",
)


@pytest.fixture
def store(tmp_path, gaz):
    return Store(tmp_path / "incidents.db")


def test_the_seed_and_an_english_report_next_day_make_one_rmeilan_event_with_two_sources(store):
    ingest([SEED], db=store.path)
    ingest([AP_RMEILAN], db=store.path)
    rmeilan = store.events().query("location == 'Rmeilan'")
    assert len(rmeilan) == 1
    event = rmeilan.iloc[0]
    assert event["sources"] == 2
    assert set(event["source"].split("; ")) == {"Asharq / Reuters", "AP"}
    assert event["event_date"] == "2024-04-21"


def test_reports_stay_stored_and_the_link_is_logged(store):
    ingest([SEED], db=store.path)
    ingest([AP_RMEILAN], db=store.path)
    reports = store.incidents().query("location == 'Rmeilan'")
    assert len(reports) == 2
    assert reports["event_id"].nunique() == 1
    log = store.link_log()
    assert set(log["reason"]) == {"linked as the same event"}


def test_an_unlinked_report_stays_apart_even_after_relinking(store):
    ingest([SEED], db=store.path)
    ingest([AP_RMEILAN], db=store.path)
    reports = store.incidents().query("location == 'Rmeilan'")
    moved = reports["incident_id"].max()
    store.unlink(moved)
    store.relink()
    assert len(store.events().query("location == 'Rmeilan'")) == 2
    assert "unlinked by a reviewer" in set(store.link_log()["reason"])


def report(**fields) -> dict:
    base = {
        "event_date": "2024-04-21",
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "location": "Ain al-Asad Air Base",
        "country": "Iraq",
        "admin1": "Al Anbar",
        "latitude": 33.7856,
        "longitude": 42.4411,
        "geo_precision": 1,
        "place_id": "site:iq-ain-al-asad-air-base",
        "actor1": "Unidentified Armed Group (Iraq)",
        "actor2": "Military Forces of the United States",
        "fatalities": 0,
        "status": "new",
        "tags": "",
    }
    base.update(fields)
    return base


def table(*rows) -> pd.DataFrame:
    frame = to_frame(
        [{**r, "incident_id": f"r{i}", "article_id": f"a{i}", "source": f"S{i}"} for i, r in enumerate(rows)]
    )
    frame["content_hash"] = [f"h{i}" for i in range(len(frame))]
    return frame


def test_two_attacks_on_the_same_base_on_different_days_stay_two_events():
    frame = table(report(), report(event_date="2024-04-19"))
    assert link(frame).nunique() == 2


def test_a_protest_and_an_air_strike_in_the_same_city_on_the_same_day_stay_two_events():
    frame = table(
        report(event_type="Protests", sub_event_type="Peaceful protest", location="Mosul", place_id="gn:99072"),
        report(
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            location="Mosul",
            place_id="gn:99072",
        ),
    )
    assert link(frame).nunique() == 2


def test_reports_a_few_kilometres_apart_on_the_same_day_are_one_event():
    frame = table(report(), report(latitude=33.80, longitude=42.50, location="near the base", place_id="x"))
    assert link(frame).nunique() == 1


def test_reports_from_one_article_are_never_linked_to_each_other():
    frame = table(report(), report())
    frame["content_hash"] = "same"
    assert link(frame).nunique() == 2


def test_conflicting_actors_keep_events_apart():
    frame = table(report(), report(actor1="Military Forces of Israel", actor2="Hezbollah"))
    assert link(frame).nunique() == 2


def test_a_date_inferred_from_publication_may_be_a_day_off():
    frame = table(report(), report(event_date="2024-04-22", tags="date from report"))
    assert link(frame).nunique() == 1


def test_a_reviewed_report_is_never_linked_automatically():
    frame = table(report(), report(status="reviewed"))
    assert link(frame).nunique() == 2


def test_a_country_level_report_joins_the_only_matching_event_in_that_country():
    vague = report(location="Iraq", admin1="", geo_precision=3, latitude=33.3, longitude=44.0, place_id="gn:99237")
    assert link(table(report(), vague)).nunique() == 1


def test_a_country_level_report_joins_nothing_when_the_country_has_several_candidates():
    vague = report(location="Iraq", admin1="", geo_precision=3, latitude=33.3, longitude=44.0, place_id="gn:99237")
    other = report(location="Mosul", admin1="Ninawa", latitude=36.34, longitude=43.13, place_id="gn:99072")
    assert link(table(report(), other, vague)).nunique() == 3


def test_an_event_keeps_the_most_precise_place_and_the_lowest_reported_toll():
    vague = report(
        location="Al Anbar", geo_precision=3, latitude=33.4, longitude=42.0, place_id="gn:99592", fatalities=5
    )
    frame = table(report(fatalities=3), vague)
    frame["event_id"] = link(frame)
    (event,) = events(frame).to_dict("records")
    assert (event["location"], event["geo_precision"], event["fatalities"], event["sources"]) == (
        "Ain al-Asad Air Base",
        1,
        3,
        2,
    )
    assert event["source"] == "S0; S1"

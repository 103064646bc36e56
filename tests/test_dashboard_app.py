"""The dashboard as a script: what it shows, filters, maps and stores, driven through Streamlit's AppTest.

Every test starts from an empty database of its own, which the first run fills
from the bundled seed article: three current incidents (Ain al-Asad Air Base
and a country-level incident in Iraq, Rmeilan in Syria) and one background
incident that is hidden unless asked for.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from incidents.maps import incident_layers
from incidents.readers import read_paths
from incidents.store import Store

REPO = Path(__file__).resolve().parents[1]
DASHBOARD = REPO / "dashboard.py"
BINT_JBEIL = (
    "BEIRUT (Reuters) - An Israeli drone strike killed two people in the southern Lebanese town of "
    "Bint Jbeil on Sunday, Lebanese security sources said."
)


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "incidents.db"
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    return path


@pytest.fixture
def app(db_path) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=180)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def figures(at: AppTest) -> dict[str, str]:
    return {label: metric(at, label) for label in ("Incidents", "Fatalities", "Countries")}


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_page(at: AppTest, title: str) -> AppTest:
    """Go to a page of the sidebar navigation, as a click on its link does.

    `AppTest.switch_page()` only reaches pages defined in files; the dashboard's
    pages are functions, which `st.navigation` registers by a hash that AppTest
    keeps in `_registered_pages` (Streamlit 1.67 has no public way to request
    them). A click on a navigation link drops the query string.
    """
    pages = at._registered_pages
    matches = [page_hash for page_hash, info in pages.items() if info.get("page_name") == title]
    assert matches, f"no page titled {title!r} among {[info.get('page_name') for info in pages.values()]}"
    at._page_hash = matches[0]
    at.query_params.clear()
    return rerun(at)


def map_arguments(at: AppTest) -> dict:
    """The arguments the map component receives in the last run."""
    components = [
        element
        for element in at.main.get("component_instance")
        if "st_folium" in getattr(element.proto, "component_name", "")
    ]
    assert len(components) == 1, "the Explore page shows one map"
    return json.loads(components[0].proto.json_args)


def map_points(at: AppTest) -> list[tuple[float, float]]:
    """The incident markers sent to the map: (latitude, longitude) of each."""
    layer = map_arguments(at)["feature_group"] or ""
    found = re.search(r"var data = (\[.*?\]);\n", layer, flags=re.DOTALL)
    rows = json.loads(found.group(1)) if found else []
    return [(row[0], row[1]) for row in rows]


def choose_country(at: AppTest, country: str) -> AppTest:
    at.multiselect(key="country").select(country)
    return rerun(at)


def test_first_run_on_an_empty_database_seeds_it(app, db_path):
    stored = Store(db_path)
    seeds = read_paths([REPO / "seeds"]).articles
    assert stored.count() > 0
    assert sorted(stored.articles()["article_id"]) == sorted(article.id for article in seeds)
    assert [title.value for title in app.title] == ["Incident Atlas"]


def test_headline_figures_count_the_current_seed_incidents(app):
    assert figures(app) == {"Incidents": "3", "Fatalities": "1", "Countries": "2"}


def test_choosing_a_country_narrows_the_figures(app):
    choose_country(app, "Syria")

    assert app.multiselect(key="country").value == ["Syria"]
    assert figures(app) == {"Incidents": "1", "Fatalities": "0", "Countries": "1"}


def test_the_url_follows_the_filters(app):
    assert app.query_params["background"] == "0"
    assert "country" not in app.query_params

    choose_country(app, "Syria")
    app.toggle(key="background").set_value(True)
    rerun(app)

    assert app.query_params["country"] == "Syria"
    assert app.query_params["background"] == "1"


def test_a_url_with_a_country_restores_the_filter(db_path):
    at = AppTest.from_file(str(DASHBOARD), default_timeout=180)
    at.query_params["country"] = "Iraq"
    rerun(at)

    assert at.multiselect(key="country").value == ["Iraq"]
    assert metric(at, "Incidents") == "2"
    assert at.query_params["country"] == "Iraq"


def test_the_map_receives_only_the_filtered_incidents(app, db_path):
    assert len(map_points(app)) == int(metric(app, "Incidents")) == 3

    choose_country(app, "Syria")

    table = Store(db_path).incidents()
    syria = table[(table["country"] == "Syria") & ~table["tags"].fillna("").str.contains("background")]
    assert len(map_points(app)) == int(metric(app, "Incidents")) == incident_layers(syria).points == 1
    assert map_points(app) == [
        (pytest.approx(lat, abs=1e-4), pytest.approx(lon, abs=1e-4))
        for lat, lon in syria[["latitude", "longitude"]].itertuples(index=False)
    ]


def test_the_map_holds_nothing_of_an_earlier_selection(app):
    choose_country(app, "Syria")

    arguments = map_arguments(app)
    assert "Ain al-Asad" not in arguments["script"], "the base map still carries the first selection"
    assert "Ain al-Asad" not in arguments["feature_group"]
    assert "fast_marker_cluster" not in arguments["script"], "incidents belong to the feature group alone"


def test_the_background_toggle_brings_back_the_background_incident(app):
    app.toggle(key="background").set_value(True)
    rerun(app)

    assert metric(app, "Incidents") == "4"
    assert len(map_points(app)) == 4


def paste_article(at: AppTest, text: str, published: date, source: str) -> AppTest:
    open_page(at, "Add and review")
    at.text_area(key="text").input(text)
    at.date_input(key="published").set_value(published)
    at.text_input(key="source").input(source)
    next(button for button in at.button if button.label == "Extract incidents").click()
    return rerun(at)


def test_a_pasted_english_article_is_extracted_for_review(app):
    paste_article(app, BINT_JBEIL, date(2024, 5, 6), "Test wire")

    assert [header.value for header in app.subheader] == ["Review: 1 extracted, 0 imported"]
    review = app.data_editor[0].value
    assert review[["location", "country", "fatalities", "event_date"]].to_dict("records") == [
        {"location": "Bint Jbeil", "country": "Lebanon", "fatalities": 2, "event_date": "2024-05-05"}
    ]
    assert review["keep"].tolist() == [True]


def test_saving_the_review_stores_the_incidents_as_reviewed(app, db_path):
    paste_article(app, BINT_JBEIL, date(2024, 5, 6), "Test wire")
    app.button(key="save").click()
    rerun(app)

    assert [message.value for message in app.success] == ["Saved 1 reviewed incidents and 0 imported ones."]
    table = Store(db_path).incidents()
    saved = table[table["location"] == "Bint Jbeil"]
    assert saved[["status", "source", "fatalities"]].to_dict("records") == [
        {"status": "reviewed", "source": "Test wire", "fatalities": 2}
    ]

    open_page(app, "Explore")
    assert figures(app) == {"Incidents": "4", "Fatalities": "3", "Countries": "3"}
    assert len(map_points(app)) == 4


def test_a_link_opened_again_shows_incidents_saved_since(app, db_path):
    link = dict(app.query_params)
    paste_article(app, BINT_JBEIL, date(2024, 5, 6), "Test wire")
    app.button(key="save").click()
    rerun(app)

    again = AppTest.from_file(str(DASHBOARD), default_timeout=180)
    again.query_params.update(link)
    rerun(again)

    assert metric(again, "Incidents") == "4"

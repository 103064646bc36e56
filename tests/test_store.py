import sqlite3
from datetime import date

import pytest

from incidents import Article, extract_rows
from incidents.pipeline import ingest
from incidents.store import Store

TEXT = (
    "BEIRUT (Reuters) - An Israeli drone strike killed two people in the southern Lebanese town of "
    "Bint Jbeil on Sunday, Lebanese security sources said."
)


def article(text=TEXT, **extra):
    return Article(id="a1", text=text, published=date(2024, 4, 22), source="Reuters", language="en", **extra)


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "incidents.db")


def test_the_database_is_in_wal_mode(store):
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_ingest_stores_the_article_and_its_incidents(store, gaz):
    report = ingest([article()], db=store.path)
    assert (report.articles, report.incidents) == (1, 1)
    table = store.incidents()
    assert table.loc[0, "location"] == "Bint Jbeil"
    assert table.loc[0, "status"] == "new"
    assert table.loc[0, "timestamp"] > 0


def test_ingesting_the_same_article_again_changes_nothing(store, gaz):
    ingest([article()], db=store.path)
    before = store.incidents()
    report = ingest([article()], db=store.path)
    assert (report.articles, report.duplicates, report.incidents) == (0, 1, 0)
    assert store.incidents().equals(before)


def test_a_reviewed_incident_is_never_overwritten_by_extraction(store, gaz):
    rows = extract_rows(article())
    store.ingest([(article(), rows)])
    corrected = {**rows[0], "fatalities": 3, "notes": "Corrected by an analyst."}
    store.save_reviewed([corrected])
    report = store.ingest([(article(text=TEXT + " "), rows)])
    assert report.kept_reviewed == 1
    kept = store.incidents().set_index("incident_id").loc[rows[0]["incident_id"]]
    assert (kept["fatalities"], kept["status"]) == (3, "reviewed")


def test_rejected_incidents_are_hidden_but_never_deleted(store, gaz):
    ingest([article()], db=store.path)
    identifier = store.incidents().loc[0, "incident_id"]
    store.set_status([identifier], "rejected")
    assert store.incidents(include_rejected=False).empty
    assert store.incidents().loc[0, "status"] == "rejected"


def test_an_unknown_status_is_refused(store):
    with pytest.raises(ValueError, match="status must be one of"):
        store.set_status(["x"], "deleted")


def test_a_batch_that_fails_midway_leaves_nothing_of_itself(store, gaz):
    ingest([article()], db=store.path)
    before = store.incidents()
    good = (article(text="An explosion hit Mosul on Sunday, killing three."), [dict(extract_rows(article())[0])])
    good[1][0]["incident_id"] = "fresh-row"
    broken = (article(text="Another report."), [{"incident_id": "broken", "notes": {"not": "storable"}}])
    with pytest.raises(sqlite3.ProgrammingError):
        store.ingest([good, broken])
    assert store.incidents().equals(before)
    assert len(store.articles()) == 1


def test_imported_acled_rows_keep_their_event_id(store):
    row = {
        "event_id_cnty": "IRQ34567",
        "event_date": "2024-04-20",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "country": "Iraq",
        "latitude": 32.5,
        "longitude": 44.4,
    }
    store.ingest([], imported=[row])
    table = store.incidents()
    assert table.loc[0, "event_id_cnty"] == "IRQ34567"
    assert table.loc[0, "incident_id"] == "acled:IRQ34567"

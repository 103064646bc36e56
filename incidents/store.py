"""The embedded incident database: SQLite in WAL mode, one transaction per batch.

Articles are kept with a content hash, so ingesting the same text again changes
nothing. A batch is written in one transaction: a crash mid-ingest leaves what
was stored before and nothing of the half batch. An incident a person reviewed
is never overwritten by extraction.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .article import Article
from .table import plain_value, to_frame
from .taxonomy import COLUMNS

DEFAULT_DB = Path("data") / "incidents.db"
STATUSES = ("new", "reviewed", "rejected")
_INTEGER = {"year", "time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities", "timestamp"}
_REAL = {"latitude", "longitude", "confidence"}
SCHEMA_VERSION = 1


def default_path() -> Path:
    """`$INCIDENTS_DB`, else `data/incidents.db`."""
    return Path(os.environ.get("INCIDENTS_DB") or DEFAULT_DB)


def _column_type(name: str) -> str:
    if name in _INTEGER:
        return "INTEGER"
    if name in _REAL:
        return "REAL"
    return "TEXT"


_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS articles (
    content_hash TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    title TEXT, source TEXT, url TEXT, published TEXT NOT NULL, language TEXT,
    text TEXT NOT NULL,
    ingested_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS incidents (
    {", ".join(f"{c} {_column_type(c)}" for c in COLUMNS if c != "incident_id")},
    incident_id TEXT PRIMARY KEY,
    content_hash TEXT,
    reviewed_at INTEGER,
    link_locked INTEGER DEFAULT 0
);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents(event_date);
CREATE INDEX IF NOT EXISTS incidents_country ON incidents(country);
CREATE INDEX IF NOT EXISTS incidents_article ON incidents(content_hash);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS link_log (
    at INTEGER NOT NULL, incident_id TEXT NOT NULL, old_event_id TEXT, new_event_id TEXT, reason TEXT NOT NULL
);
"""


@dataclass
class IngestReport:
    articles: int = 0
    duplicates: int = 0
    incidents: int = 0
    kept_reviewed: int = 0


class Store:
    """An incident database at a path (created on first use)."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)
            self._migrate(db)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        """Add columns a database made by an older version lacks."""
        present = {row[1] for row in db.execute("PRAGMA table_info(incidents)")}
        for column, kind in (("event_id", "TEXT"), ("link_locked", "INTEGER DEFAULT 0")):
            if column not in present:
                db.execute(f"ALTER TABLE incidents ADD COLUMN {column} {kind}")
        db.execute("UPDATE incidents SET event_id = incident_id WHERE event_id IS NULL")
        db.execute("CREATE INDEX IF NOT EXISTS incidents_event ON incidents(event_id)")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            yield db
        finally:
            db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing write: committed at the end, rolled back on any error."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.rollback()
                raise
            db.commit()

    def has_article(self, article: Article) -> bool:
        with self._connect() as db:
            row = db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (article.content_hash,)).fetchone()
        return row is not None

    def ingest(self, batch: Iterable[tuple[Article, list[dict]]], imported: Iterable[dict] = ()) -> IngestReport:
        """Store articles with their incidents, and incidents imported as they are, in one transaction."""
        report = IngestReport()
        now = int(time.time())
        with self.transaction() as db:
            for article, rows in batch:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.content_hash,
                        article.id,
                        article.title,
                        article.source,
                        article.url,
                        article.published.isoformat(),
                        article.language,
                        article.text,
                        now,
                    ),
                )
                if cursor.rowcount == 0:
                    report.duplicates += 1
                    continue
                report.articles += 1
                for row in rows:
                    self._put(db, {**row, "content_hash": article.content_hash}, now, report)
            for row in imported:
                identifier = row.get("incident_id") or f"acled:{row['event_id_cnty']}"
                row = {**row, "incident_id": identifier, "event_id": row.get("event_id") or identifier}
                self._put(db, {**row, "status": row.get("status") or "new"}, now, report)
        return report

    def _put(self, db: sqlite3.Connection, row: dict, now: int, report: IngestReport) -> None:
        existing = db.execute("SELECT status FROM incidents WHERE incident_id = ?", (row["incident_id"],)).fetchone()
        if existing and existing[0] != "new":
            report.kept_reviewed += 1
            return
        row = {**row, "timestamp": row.get("timestamp") or now}
        columns = [c for c in (*COLUMNS, "content_hash") if c in row]
        db.execute(
            f"INSERT OR REPLACE INTO incidents ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [plain_value(row[c]) for c in columns],
        )
        report.incidents += 1

    def incidents(
        self, include_rejected: bool = True, start: str | None = None, end: str | None = None
    ) -> pd.DataFrame:
        """Stored incidents (reports) as the incident table, optionally for a span of event dates."""
        query = f"SELECT {', '.join(COLUMNS)} FROM incidents WHERE 1 = 1"
        parameters: list = []
        if not include_rejected:
            query += " AND status != 'rejected'"
        if start:
            query += " AND event_date >= ?"
            parameters.append(start)
        if end:
            query += " AND event_date <= ?"
            parameters.append(end)
        with self._connect() as db:
            frame = pd.read_sql_query(query + " ORDER BY event_date DESC, incident_id", db, params=parameters)
        return to_frame(frame)

    def events(self, include_rejected: bool = False) -> pd.DataFrame:
        """One row per event, its reports merged: what the map and the counts show."""
        from .dedup import events

        return events(self.incidents(include_rejected=include_rejected))

    def relink(self, start: str | None = None, end: str | None = None) -> int:
        """Link reports of the same event (in a span of dates, with a day's margin); returns links changed."""
        from datetime import date, timedelta

        from .dedup import link

        def widen(day: str | None, days: int) -> str | None:
            return (date.fromisoformat(day) + timedelta(days=days)).isoformat() if day else None

        with self._connect() as db:
            query = (
                f"SELECT {', '.join(COLUMNS)}, content_hash, link_locked FROM incidents "
                "WHERE status != 'rejected' AND (? IS NULL OR event_date >= ?) AND (? IS NULL OR event_date <= ?)"
            )
            low, high = widen(start, -31), widen(end, 31)
            frame = pd.read_sql_query(query, db, params=[low, low, high, high])
        if frame.empty:
            return 0
        linked = link(frame)
        moved = (linked != frame["event_id"]).to_numpy()
        changed = frame.loc[moved, ["incident_id", "event_id"]].copy()
        changed["new"] = linked[moved].to_numpy()
        if changed.empty:
            return 0
        now = int(time.time())
        with self.transaction() as db:
            db.executemany(
                "UPDATE incidents SET event_id = ? WHERE incident_id = ?",
                list(zip(changed["new"], changed["incident_id"])),
            )
            db.executemany(
                "INSERT INTO link_log VALUES (?, ?, ?, ?, 'linked as the same event')",
                [
                    (now, i, old, new)
                    for i, old, new in changed[["incident_id", "event_id", "new"]].itertuples(index=False)
                ],
            )
        return len(changed)

    def unlink(self, incident_id: str) -> None:
        """Take a report out of its event, for good: automatic linking will not put it back."""
        with self.transaction() as db:
            row = db.execute("SELECT event_id FROM incidents WHERE incident_id = ?", (incident_id,)).fetchone()
            if row is None:
                raise KeyError(f"no incident {incident_id!r}")
            db.execute(
                "UPDATE incidents SET event_id = incident_id, link_locked = 1 WHERE incident_id = ?", (incident_id,)
            )
            db.execute(
                "INSERT INTO link_log VALUES (?, ?, ?, ?, 'unlinked by a reviewer')",
                (int(time.time()), incident_id, row[0], incident_id),
            )
            remaining = db.execute(
                "SELECT incident_id FROM incidents WHERE event_id = ? ORDER BY incident_id", (row[0],)
            ).fetchall()
            if remaining and remaining[0][0] != row[0]:
                db.execute("UPDATE incidents SET event_id = ? WHERE event_id = ?", (remaining[0][0], row[0]))

    def link_log(self) -> pd.DataFrame:
        """Every change of an incident's event, automatic or by hand, newest first."""
        with self._connect() as db:
            return pd.read_sql_query("SELECT * FROM link_log ORDER BY at DESC, rowid DESC", db)

    def version(self) -> tuple:
        """Changes whenever incidents are added, changed or reviewed: a cache key for readers."""
        with self._connect() as db:
            return tuple(db.execute("SELECT COUNT(*), MAX(timestamp), MAX(reviewed_at) FROM incidents").fetchone())

    def count(self) -> int:
        with self._connect() as db:
            return db.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]

    def set_status(self, incident_ids: Iterable[str], status: str) -> int:
        """Mark incidents new, reviewed or rejected; rejected ones are hidden, never deleted."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        ids = list(incident_ids)
        with self.transaction() as db:
            db.executemany(
                "UPDATE incidents SET status = ?, reviewed_at = ?, timestamp = ? WHERE incident_id = ?",
                [(status, int(time.time()), int(time.time()), i) for i in ids],
            )
        return len(ids)

    def save_reviewed(self, rows: Iterable[dict]) -> int:
        """Store corrected incidents as reviewed; they are kept whatever extraction later says."""
        now = int(time.time())
        count = 0
        with self.transaction() as db:
            for row in rows:
                row = {**row, "status": "reviewed", "timestamp": now}
                columns = [c for c in COLUMNS if c in row]
                db.execute(
                    f"INSERT OR REPLACE INTO incidents ({', '.join(columns)}, reviewed_at) "
                    f"VALUES ({', '.join('?' for _ in columns)}, ?)",
                    [*(plain_value(row[c]) for c in columns), now],
                )
                count += 1
        return count

    def articles(self) -> pd.DataFrame:
        with self._connect() as db:
            return pd.read_sql_query(
                "SELECT article_id, title, source, url, published, language, content_hash FROM articles", db
            )

"""Incident Atlas: explore, review and export conflict incidents in the browser.

    streamlit run dashboard.py

The database is `$INCIDENTS_DB` (default `data/incidents.db`); an empty one is
filled with the bundled seed articles first. Map tiles come from
`$INCIDENTS_TILES` (OpenStreetMap by default); Leaflet itself is served by the
app. Everything here is presentation: reading, extraction, filtering, maps and
exports live in the `incidents` and `gazetteer` packages.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

import gazetteer
from incidents import SUB_EVENT_TYPES, extract_rows
from incidents.charts import selected_range, timeline_chart, timeline_data
from incidents.export import to_csv, to_geojson
from incidents.maps import DEFAULT_ATTRIBUTION, DEFAULT_TILES, base_map, incident_layers, install_assets
from incidents.pipeline import ensure_seeded, extract_many
from incidents.query import (
    BROWSE_COLUMNS,
    BROWSE_ROWS,
    DASHBOARD_DEFAULTS,
    Filters,
    apply,
    from_params,
    summary,
    to_params,
)
from incidents.readers import read_paths, read_text
from incidents.review import EDITABLE, apply_corrections, place_label, preview, search_places
from incidents.store import STATUSES, Store

APP_DIR = Path(__file__).resolve().parent

st.set_page_config(page_title="Incident Atlas", page_icon="🗺️", layout="wide")


@st.cache_resource
def resources() -> tuple[gazetteer.Gazetteer, Path]:
    return gazetteer.default(), install_assets(APP_DIR / "static")


def the_map(tiles: str, attribution: str):
    prefix = st.get_option("server.baseUrlPath").strip("/")
    assets = "/" + "/".join(p for p in (prefix, "app/static/vendor") if p)
    return base_map(tiles_url=tiles, attribution=attribution, assets_url=assets)


@st.cache_resource(show_spinner=False, max_entries=2)
def load_table(path: str, version: tuple):
    """Events (reports of the same event merged), newest first, and the reports behind them; read-only."""
    db = Store(path)
    reports = db.incidents()
    from incidents.dedup import events

    table = events(reports).sort_values(["event_date", "incident_id"], ascending=[False, True], ignore_index=True)
    return table, reports


def store() -> Store:
    return Store(os.environ.get("INCIDENTS_DB") or None)


def seed_if_empty(db: Store) -> None:
    if db.count():
        return
    bar = st.progress(0.0, text="Reading the bundled seed articles…")
    ensure_seeded(db, APP_DIR / "seeds", lambda n, total: bar.progress(n / total, text=f"Seed article {n} of {total}"))
    bar.empty()


def sidebar_filters(table) -> Filters:
    """Filters from the URL, shown in the sidebar, and written back to the URL."""
    current = from_params(st.query_params.get_all, DASHBOARD_DEFAULTS)
    bar = st.sidebar
    bar.header("Filters")
    dates = [d for d in (table["event_date"].min(), table["event_date"].max()) if isinstance(d, str)]
    low = date.fromisoformat(dates[0]) if dates else date.today()
    high = date.fromisoformat(dates[1]) if dates else date.today()
    span = bar.date_input("Dates", value=(current.start or low, current.end or high), key="dates")
    start, end = span if isinstance(span, tuple) and len(span) == 2 else (current.start, current.end)
    start = None if start == low else start
    end = None if end == high else end

    def pick(label: str, column: str, chosen: tuple, options=None):
        values = sorted(options if options is not None else table[column].dropna().unique().tolist())
        return tuple(bar.multiselect(label, values, default=[v for v in chosen if v in values], key=column))

    countries = pick("Country", "country", current.countries)
    in_countries = table[table["country"].isin(countries)] if countries else table
    admin1 = pick("Province (admin1)", "admin1", current.admin1, in_countries["admin1"].dropna().unique().tolist())
    types = pick("Event type", "event_type", current.event_types)
    subtypes = pick("Sub-event type", "sub_event_type", current.sub_event_types)
    actors = sorted(a for a in pd.unique(table[["actor1", "actor2"]].to_numpy().ravel()) if isinstance(a, str) and a)
    chosen_actors = tuple(
        bar.multiselect("Actor", actors, default=[a for a in current.actors if a in actors], key="actor")
    )
    weapons = pick("Weapon", "weapon", current.weapons)
    precision = pick("Geo precision", "geo_precision", current.geo_precision, [1, 2, 3])
    sources = pick("Source", "source", current.sources)
    statuses = pick("Review status", "status", current.statuses, list(STATUSES))
    text = bar.text_input("Search notes and evidence", value=current.text, key="q")
    background = bar.toggle("Include background events", value=current.include_background, key="background")
    chosen = Filters(
        start=start,
        end=end,
        countries=countries,
        admin1=admin1,
        event_types=types,
        sub_event_types=subtypes,
        actors=chosen_actors,
        weapons=weapons,
        geo_precision=precision,
        sources=sources,
        statuses=statuses,
        text=text,
        include_background=background,
    )
    st.query_params.from_dict(to_params(chosen))
    return chosen


def headline(selection) -> None:
    figures = summary(selection)
    a, b, c, d = st.columns(4)
    a.metric("Incidents", f"{figures['incidents']:,}")
    b.metric("Fatalities", f"{figures['fatalities']:,}")
    c.metric("Countries", figures["countries"])
    first, last = figures["first"], figures["last"]
    span = f"{first:%d %b %Y}" if first and first == last else (f"{first:%d %b} – {last:%d %b %Y}" if first else "–")
    d.metric("Dates", span)


def explore() -> None:
    db = store()
    seed_if_empty(db)
    table, reports = load_table(str(db.path), db.version())
    filters = sidebar_filters(table)
    selection = apply(table, filters)
    st.title("Incident Atlas")
    headline(selection)

    data, unit = timeline_data(selection)
    chart = st.altair_chart(timeline_chart(data, unit), on_select="rerun", key="timeline", width="stretch")
    dragged = selected_range(chart)
    if dragged:
        selection = apply(selection, Filters(start=dragged[0], end=dragged[1]))
        st.caption(f"Timeline range: {dragged[0]} → {dragged[1]} ({len(selection):,} incidents)")

    newest = selection
    heat = st.toggle("Heat map", key="heat")
    picked = st.session_state.get("picked")
    centre = (picked["latitude"], picked["longitude"]) if picked else None
    layers = incident_layers(newest, heat=heat)
    if layers.aggregated:
        st.caption(f"{layers.points:,} incidents shown as grid cells sized by count.")
    tiles = os.environ.get("INCIDENTS_TILES", DEFAULT_TILES)
    st_folium(
        the_map(tiles, os.environ.get("INCIDENTS_TILES_ATTRIBUTION", DEFAULT_ATTRIBUTION)),
        key="map",
        height=520,
        use_container_width=True,
        feature_group_to_add=layers.group,
        returned_objects=[],
        center=centre,
        zoom=9 if centre else None,
    )

    st.subheader("Incidents")
    shown = newest[[*BROWSE_COLUMNS, "incident_id"]].head(BROWSE_ROWS).reset_index(drop=True)
    if len(newest) > BROWSE_ROWS:
        st.caption(f"The newest {BROWSE_ROWS:,} of {len(newest):,}; narrow the filters or download the selection.")
    event = st.dataframe(
        shown,
        key="table",
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        column_config={"incident_id": None},
        width="stretch",
    )
    rows = event.selection.rows if event and event.selection else []
    if rows:
        details(newest.iloc[rows[0]].to_dict(), reports, db)
    export(selection)


def details(row: dict, reports, db: Store) -> None:
    if st.session_state.get("picked", {}).get("incident_id") != row["incident_id"]:
        st.session_state["picked"] = {k: row[k] for k in ("incident_id", "latitude", "longitude")}
        st.rerun()
    with st.container(border=True):
        st.markdown(f"**{row['event_date']} · {row['sub_event_type']} · {row['location']}, {row['country']}**")
        st.text(row["notes"])
        direction = "rtl" if row.get("language") == "ar" else "ltr"
        st.html(f'<blockquote dir="{direction}">{_escape(row["evidence"])}</blockquote>')
        if str(row.get("source_url") or "").startswith(("http://", "https://")):
            st.link_button("Open the source", row["source_url"])
        status = st.segmented_control("Review status", STATUSES, default=row["status"], key=f"s-{row['incident_id']}")
        if status and status != row["status"]:
            db.set_status([row["incident_id"]], status)
            st.toast(f"Marked {status}.")
            st.rerun()
        behind = reports[reports["event_id"] == row["event_id"]]
        st.markdown(f"**{len(behind)} source{'s' if len(behind) != 1 else ''}:** {row['source']}")
        if len(behind) > 1:
            for report in behind.to_dict("records"):
                left, right = st.columns([5, 1])
                left.text(f"{report['source']} · {report['event_date']} · {report['location']}: {report['notes']}")
                if right.button("Unlink", key=f"u-{report['incident_id']}", help="Take this report out of the event"):
                    db.unlink(report["incident_id"])
                    st.rerun()


def _escape(text) -> str:
    import html

    return html.escape(str(text or ""))


def export(selection) -> None:
    left, right = st.columns(2)
    left.download_button(
        "Download CSV",
        data=lambda: to_csv(selection),
        file_name="incidents.csv",
        mime="text/csv",
        key="csv",
    )
    right.download_button(
        "Download GeoJSON",
        data=lambda: to_geojson(selection),
        file_name="incidents.geojson",
        mime="application/geo+json",
        key="geojson",
    )


def add() -> None:
    gaz, _ = resources()
    st.title("Add and review incidents")
    paste, upload = st.tabs(["Paste an article", "Upload files"])
    with paste, st.form("paste"):
        text = st.text_area("Article text (Arabic or English)", height=220, key="text")
        a, b, c = st.columns(3)
        published = a.date_input("Published", value=date.today(), key="published")
        source = b.text_input("Source", key="source")
        url = c.text_input("URL", key="url")
        if st.form_submit_button("Extract incidents"):
            try:
                article = read_text(text, published=published, source=source, url=url)
            except Exception as error:  # shown to the user, who can fix the input
                st.error(str(error))
            else:
                st.session_state["pending"] = {"articles": [article], "rows": {article.id: extract_rows(article, gaz)}}
    with upload:
        files = st.file_uploader(
            "Files: .txt, .html, .json, .jsonl, RSS/Atom .xml, ACLED .csv",
            accept_multiple_files=True,
            key="files",
        )
        published = st.date_input("Published date for files that lack one", value=None, key="files_published")
        if files and st.button("Read and extract", key="read"):
            read_uploads(files, published, gaz)
    review(gaz)


def read_uploads(files, published, gaz) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for upload in files:
            path = Path(folder) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
            paths.append(path)
        result = read_paths(paths, published=published)
    for error in result.errors:
        st.error(str(error).replace(folder, "").lstrip("/"))
    outcomes = extract_many(result.articles)
    rows = {o.article_id: o.rows for o in outcomes}
    for o in outcomes:
        if o.error:
            st.error(f"{o.article_id}: {o.error}")
    st.session_state["pending"] = {"articles": result.articles, "rows": rows, "imported": result.incidents}


def review(gaz) -> None:
    pending = st.session_state.get("pending")
    if not pending:
        return
    rows = [row for article in pending["articles"] for row in pending["rows"].get(article.id, [])]
    imported = pending.get("imported", [])
    st.subheader(f"Review: {len(rows)} extracted, {len(imported)} imported")
    with st.expander("Find a place in the gazetteer"):
        query = st.text_input("Place name (Arabic or English)", key="place_query")
        for place in search_places(gaz, query):
            st.text(place_label(place))
    edited = st.data_editor(
        preview(rows),
        key="editor",
        hide_index=True,
        disabled=[c for c in preview(rows).columns if c not in ("keep", *EDITABLE)],
        column_config={
            "keep": st.column_config.CheckboxColumn("keep"),
            "sub_event_type": st.column_config.SelectboxColumn("sub-event type", options=list(SUB_EVENT_TYPES)),
            "geo_precision": st.column_config.SelectboxColumn("geo precision", options=[1, 2, 3]),
            "incident_id": None,
        },
        width="stretch",
    )
    if st.button("Save", type="primary", key="save"):
        try:
            corrected = apply_corrections(rows, edited, gaz)
        except ValueError as error:
            st.error(str(error))
            return
        db = store()
        kept = {row["incident_id"] for row in corrected}
        batch = [
            (article, [r for r in corrected if r["article_id"] == article.id and r["incident_id"] in kept])
            for article in pending["articles"]
        ]
        report = db.ingest(batch, imported)
        db.save_reviewed(corrected)
        del st.session_state["pending"]
        st.success(f"Saved {len(corrected)} reviewed incidents and {len(imported)} imported ones.")
        if report.duplicates:
            st.info(f"{report.duplicates} article(s) were already stored; their reviewed incidents were updated.")


resources()
page = st.navigation([st.Page(explore, title="Explore", default=True), st.Page(add, title="Add and review")])
page.run()

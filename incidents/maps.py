"""The incident map: folium over Leaflet served by the app itself, never from a CDN.

Leaflet and Leaflet.markercluster come from their XStatic packages on PyPI
and are copied into the app's static folder, so the map works with no network
(tiles aside: markers still show when no tile server answers). Every text that
comes from an article or a file is HTML-escaped before it reaches a popup or a
tooltip: the map runs scripts on the app's own origin.

Above `AGGREGATE_ABOVE` incidents the map receives grid cells sized by count
instead of raw points, so the page stays small at any table size.
"""

from __future__ import annotations

import html
import json
import math
import shutil
from dataclasses import dataclass
from pathlib import Path

import folium
import folium.plugins
import numpy as np
import pandas as pd

from .taxonomy import EVENT_TYPES

AGGREGATE_ABOVE = 20_000
DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = "&copy; OpenStreetMap contributors"
STATIC_URL = "/app/static/vendor"

EVENT_COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}
assert set(EVENT_COLOURS) == set(EVENT_TYPES)


def install_assets(static_dir: Path) -> Path:
    """Copy Leaflet and its marker-cluster plugin from their installed packages into the app's static folder."""
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster

    target = static_dir / "vendor"
    (target / "images").mkdir(parents=True, exist_ok=True)
    base = Path(leaflet.BASE_DIR)
    for name in ("leaflet.js", "leaflet.css"):
        _copy(base / name, target / name)
    for image in (base / "images").iterdir():
        _copy(image, target / "images" / image.name)
    cluster = Path(markercluster.BASE_DIR)
    for name in ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"):
        _copy(cluster / name, target / name)
    return target


def _copy(source: Path, target: Path) -> None:
    if not target.exists() or target.stat().st_size != source.stat().st_size:
        shutil.copyfile(source, target)


def _use_local_assets(base_url: str) -> None:
    """Point folium's Leaflet and marker-cluster templates at the app's own copies."""
    folium.Map.default_js = [("leaflet", f"{base_url}/leaflet.js")]
    folium.Map.default_css = [("leaflet_css", f"{base_url}/leaflet.css")]
    folium.plugins.MarkerCluster.default_js = [("markerclusterjs", f"{base_url}/leaflet.markercluster.js")]
    folium.plugins.MarkerCluster.default_css = [
        ("markerclustercss", f"{base_url}/MarkerCluster.css"),
        ("markerclusterdefaultcss", f"{base_url}/MarkerCluster.Default.css"),
    ]


def esc(value) -> str:
    """Text made safe for HTML: missing values become empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return html.escape(str(value), quote=True)


def _direction(language: str) -> str:
    return "rtl" if language == "ar" else "ltr"


def popup_html(row: dict) -> str:
    """The popup of one incident: date, type, place, fatalities, actors, evidence in its own direction, source."""
    url = str(row.get("source_url") or "")
    link = ""
    if url.startswith(("http://", "https://")):
        link = f'<div><a href="{esc(url)}" target="_blank" rel="noopener noreferrer">source</a></div>'
    actors = " vs ".join(esc(a) for a in (row.get("actor1"), row.get("actor2")) if esc(a))
    sources = row.get("sources")
    sources_line = f"<div>{esc(sources)} sources</div>" if sources and str(sources) != "1" else ""
    return (
        '<div style="max-width:320px">'
        f"<b>{esc(row.get('event_date'))}</b> · {esc(row.get('sub_event_type'))}<br>"
        f"{esc(row.get('location'))}, {esc(row.get('admin1'))}, {esc(row.get('country'))}<br>"
        f"Fatalities: {esc(row.get('fatalities'))}<br>"
        f"<div>{actors}</div>{sources_line}"
        f'<blockquote dir="{_direction(str(row.get("language") or ""))}" '
        f'style="margin:4px 0;padding:4px;border-left:3px solid #ccc">{esc(row.get("evidence"))}</blockquote>'
        f"{link}</div>"
    )


def tooltip_text(row: dict) -> str:
    return esc(f"{row.get('event_date')} · {row.get('sub_event_type')} · {row.get('location')}")


FULL_POPUPS_UP_TO = 1_500
_TYPE_INDEX = {name: i for i, name in enumerate(EVENT_COLOURS)}
_MARKER_JS = """
function callback(row) {
    var colours = %s;
    var colour = colours[row[2]] || "#555555";
    var marker = L.circleMarker([row[0], row[1]], {
        radius: row[3], color: colour, fillColor: colour, fillOpacity: 0.8, weight: 1
    });
    if (row[4]) { marker.bindPopup(row[4], {maxWidth: 340}); }
    if (row[5]) { marker.bindTooltip(row[5]); }
    return marker;
}
"""


@dataclass
class MapLayers:
    """The parts of the map that change with the selection, handed to streamlit-folium as one group."""

    group: folium.FeatureGroup
    aggregated: bool
    points: int


def base_map(
    center: tuple[float, float] = (33.5, 40.0),
    zoom: int = 5,
    tiles_url: str = DEFAULT_TILES,
    attribution: str = DEFAULT_ATTRIBUTION,
    assets_url: str = STATIC_URL,
) -> folium.Map:
    """The map without incidents: tiles, legend and local assets.

    Built afresh for every page run (the incident layer is added to it), with
    fixed element ids so that its script is the same each time and the browser
    keeps the user's view instead of redrawing the map.
    """
    _use_local_assets(assets_url)
    m = folium.Map(location=center, zoom_start=zoom, tiles=None, control_scale=True)
    m._id = "atlas"
    tiles = folium.TileLayer(tiles=tiles_url, attr=attribution, name="Map", max_zoom=19)
    tiles._id = "tiles"
    tiles.add_to(m)
    root = m.get_root()
    for _, url in folium.plugins.MarkerCluster.default_css:
        root.header.add_child(folium.CssLink(url))
    for _, url in folium.plugins.MarkerCluster.default_js:
        root.header.add_child(folium.JavascriptLink(url))
    root.html.add_child(folium.Element(legend_html()))
    return m


def legend_html() -> str:
    rows = "".join(
        f'<div><span style="display:inline-block;width:10px;height:10px;border-radius:5px;'
        f'background:{colour};margin-right:6px"></span>{esc(name)}</div>'
        for name, colour in EVENT_COLOURS.items()
    )
    return (
        '<div id="incident-legend" style="position:fixed;bottom:24px;left:10px;z-index:9999;background:white;'
        'padding:6px 8px;border-radius:4px;font:12px sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.3)">'
        f"{rows}</div>"
    )


def short_popup(row: dict) -> str:
    return (
        f"<b>{esc(row.get('event_date'))}</b> {esc(row.get('sub_event_type'))}<br>"
        f"{esc(row.get('location'))} · {esc(row.get('fatalities'))} killed"
    )


_SHORT_COLUMNS = ("latitude", "longitude", "event_type", "event_date", "sub_event_type", "location", "fatalities")
_POPUP_COLUMNS = (
    *_SHORT_COLUMNS,
    "admin1",
    "country",
    "actor1",
    "actor2",
    "sources",
    "language",
    "evidence",
    "source_url",
)


def marker_rows(frame: pd.DataFrame, full: bool) -> list[list]:
    """Compact marker data: [lat, lon, type, radius, popup, tooltip], every text escaped."""
    rows = []
    wanted = [c for c in _POPUP_COLUMNS if c in frame.columns] if full else [c for c in _SHORT_COLUMNS if c in frame]
    for row in frame[wanted].to_dict("records"):
        radius = round(6 + min(10, math.log1p(_int(row.get("fatalities"))) * 3), 1)
        rows.append(
            [
                round(float(row["latitude"]), 5),
                round(float(row["longitude"]), 5),
                _TYPE_INDEX.get(row.get("event_type"), -1),
                radius,
                popup_html(row) if full else short_popup(row),
                tooltip_text(row) if full else "",
            ]
        )
    return rows


def incident_layers(frame: pd.DataFrame, heat: bool = False, zoom: int = 5) -> MapLayers:
    """The selected incidents: clustered points, or grid cells above `AGGREGATE_ABOVE` rows; optionally a heat grid."""
    group = folium.FeatureGroup(name="Incidents")
    located = frame.dropna(subset=["latitude", "longitude"])
    aggregated = len(located) > AGGREGATE_ABOVE
    if aggregated:
        for cell in aggregate(located, zoom).itertuples():
            _cell_marker(cell).add_to(group)
    elif len(located):
        colours = json.dumps(list(EVENT_COLOURS.values()))
        folium.plugins.FastMarkerCluster(
            data=marker_rows(located, full=len(located) <= FULL_POPUPS_UP_TO),
            callback=_MARKER_JS % colours,
            options={"maxClusterRadius": 40, "chunkedLoading": True},
        ).add_to(group)
    if heat and len(located):
        for cell in aggregate(located, zoom).itertuples():
            _heat_cell(cell).add_to(group)
    return MapLayers(group, aggregated, len(located))


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def cell_size(zoom: int) -> float:
    """Grid cell size in degrees for a zoom level: about 40 pixels on screen."""
    return max(0.01, 360 / (2 ** max(0, zoom)) / 256 * 40)


def aggregate(frame: pd.DataFrame, zoom: int) -> pd.DataFrame:
    """Incidents counted per grid cell for a zoom level: cell centre, count and fatalities."""
    size = cell_size(zoom)
    lat = np.floor(frame["latitude"].to_numpy(dtype=float) / size)
    lon = np.floor(frame["longitude"].to_numpy(dtype=float) / size)
    cells = pd.DataFrame(
        {"lat": lat, "lon": lon, "fatalities": pd.to_numeric(frame["fatalities"], errors="coerce").fillna(0)}
    )
    grouped = cells.groupby(["lat", "lon"], sort=False).agg(
        count=("fatalities", "size"), fatalities=("fatalities", "sum")
    )
    grouped = grouped.reset_index()
    grouped["latitude"] = (grouped["lat"] + 0.5) * size
    grouped["longitude"] = (grouped["lon"] + 0.5) * size
    grouped["size"] = size
    return grouped[["latitude", "longitude", "count", "fatalities", "size"]]


def _cell_marker(cell) -> folium.CircleMarker:
    radius = 4 + 4 * math.log10(1 + cell.count)
    return folium.CircleMarker(
        location=(cell.latitude, cell.longitude),
        radius=radius,
        color="#b30000",
        fill=True,
        fill_opacity=0.6,
        weight=1,
        tooltip=folium.Tooltip(f"{int(cell.count)} incidents, {int(cell.fatalities)} fatalities"),
    )


def _heat_cell(cell) -> folium.Rectangle:
    half = cell.size / 2
    opacity = min(0.7, 0.15 + 0.12 * math.log2(1 + cell.count))
    return folium.Rectangle(
        bounds=[(cell.latitude - half, cell.longitude - half), (cell.latitude + half, cell.longitude + half)],
        stroke=False,
        fill=True,
        fill_color="#ff3300",
        fill_opacity=opacity,
        interactive=False,
    )

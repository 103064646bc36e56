"""Dashboard speed: filter change to map and timeline, map bytes sent to the browser, first map paint in Chromium.

Runs the dashboard's own code path (`dashboard.explore`) on SYNTHETIC incidents
from `synthetic_incidents.py` (a benchmark fixture, never product data) and
prints figures next to their targets. It asserts nothing: it is a benchmark,
not a test.

a. Filter change to map and timeline data ready, for typical filter changes:
   `query.apply`, `maps.incident_layers`, the map
   component's arguments exactly as `st_folium` builds them (its
   `_component_func` is replaced by a recorder, so the real rendering runs),
   then `charts.timeline_data` and `timeline_chart(...).to_dict()`. Median and
   max over repeats; target under 1 s at 1M incidents.
b. Bytes of map sent to the browser for each case: the component's JSON
   arguments as Streamlit serialises them (header, html, map script and the
   feature-group script), on the fresh map the dashboard builds each rerun;
   target under 3 MB at any size.
   Includes cases just under the full-popup limit and just under the
   aggregation threshold, the worst cases for raw points.
c. Time to first map paint in Chromium: `streamlit run dashboard.py` on a
   free loopback port over a SQLite store of synthetic incidents, tiles from a
   local stub server, measured from navigation start until the incident layer
   is drawn inside the map's component frame; cold first load (gazetteer
   cache already built) and warm reloads. Target under 5 s.

Also printed, since they run on every rerun too: the sidebar's option lists,
the headline figures and the incident table sent by st.dataframe (its newest
rows); and the once-per-data-change load (events from reports).

    python benchmarks/dashboard_speed.py [--sizes 100000 1000000] [--no-browser] [--repeats 5]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _path in (str(ROOT), str(HERE)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from synthetic_incidents import synthetic_table, write_sqlite  # noqa: E402

from incidents.charts import timeline_chart, timeline_data  # noqa: E402
from incidents.maps import AGGREGATE_ABOVE, FULL_POPUPS_UP_TO, base_map, incident_layers  # noqa: E402
from incidents.query import BROWSE_COLUMNS, BROWSE_ROWS, DASHBOARD_DEFAULTS, Filters, apply, summary  # noqa: E402

TARGET_READY_S = 1.0
TARGET_PAYLOAD_MB = 3.0
TARGET_PAINT_S = 5.0
MB = 1_000_000
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LAYER_DRAWN = ".leaflet-interactive, .marker-cluster"


# -- the table the dashboard filters ------------------------------------------------------------


def single_report_events(reports: pd.DataFrame) -> pd.DataFrame:
    """`dedup.events` for reports that are each their own event, computed without per-event Python.

    The synthetic reports are all single-report events (event_id == incident_id);
    the product's `events` takes ~4 minutes for a million of them, so the filter
    benchmark builds the same table this way and `dashboard_table` checks that
    it matches `events` on a sample.
    """
    out = reports.sort_values("event_id", kind="stable").reset_index(drop=True)
    deaths = pd.to_numeric(out["fatalities"], errors="coerce")
    out["fatalities"] = deaths.where(deaths > 0, 0).fillna(0).astype("Int64")
    out["source"] = out["source"].fillna("")
    out["sources"] = pd.array([1] * len(out), dtype="Int64")
    out["reports"] = out["incident_id"]
    return out


def dashboard_table(reports: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The events table `dashboard.load_table` gives for these reports, and how it was made."""
    from incidents.dedup import events

    sample = reports.head(2_000)
    try:
        pd.testing.assert_frame_equal(events(sample), single_report_events(sample))
    except AssertionError:
        return events(reports), "incidents.dedup.events"
    return single_report_events(reports), "single-report equivalent of dedup.events (checked on a sample)"


def as_loaded(reports: pd.DataFrame) -> pd.DataFrame:
    """Reports in the order `Store.incidents` returns them: newest first, then by id."""
    ordered = reports.sort_values(["event_date", "incident_id"], ascending=[False, True], kind="stable")
    return ordered.reset_index(drop=True)


# -- the filter changes -------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One view of the dashboard: the filters a person set (on top of the defaults) and the heat toggle."""

    name: str
    filters: Filters
    heat: bool = False


def newest_window(table: pd.DataFrame, at_most: int) -> Filters:
    """Default filters narrowed to the newest days whose selection holds at most `at_most` incidents."""
    dates = apply(table, DASHBOARD_DEFAULTS)["event_date"].value_counts().sort_index(ascending=False)
    within = dates[dates.cumsum() <= at_most]
    first = within.index[-1] if len(within) else dates.index[0]
    return replace(DASHBOARD_DEFAULTS, start=date.fromisoformat(first), end=date.fromisoformat(dates.index[0]))


def cases(table: pd.DataFrame) -> list[Case]:
    """Typical filter changes, plus the two sizes just under the map's thresholds."""
    last = date.fromisoformat(table["event_date"].max())
    return [
        Case("default view", DASHBOARD_DEFAULTS),
        Case("country: Syria", replace(DASHBOARD_DEFAULTS, countries=("Syria",))),
        Case("dates: last 90 days", replace(DASHBOARD_DEFAULTS, start=last - timedelta(days=89), end=last)),
        Case("type: Explosions", replace(DASHBOARD_DEFAULTS, event_types=("Explosions/Remote violence",))),
        Case("text: 'drone'", replace(DASHBOARD_DEFAULTS, text="drone")),
        Case("text: 'مسيرة' (Arabic)", replace(DASHBOARD_DEFAULTS, text="مسيرة")),
        Case("heat map on", DASHBOARD_DEFAULTS, heat=True),
        Case(f"<= {FULL_POPUPS_UP_TO:,} (full popups)", newest_window(table, FULL_POPUPS_UP_TO)),
        Case(f"<= {AGGREGATE_ABOVE - 1_000:,} (raw points)", newest_window(table, AGGREGATE_ABOVE - 1_000)),
    ]


# -- what st_folium sends -----------------------------------------------------------------------


class ComponentRecorder:
    """Stands in for streamlit-folium's component function: keeps the arguments st_folium would send."""

    def __init__(self) -> None:
        self.args: dict = {}

    def __call__(self, **kwargs):
        self.args = kwargs
        return kwargs.get("default")

    @contextlib.contextmanager
    def installed(self) -> Iterator[ComponentRecorder]:
        import streamlit_folium

        original = streamlit_folium._component_func
        streamlit_folium._component_func = self
        try:
            yield self
        finally:
            streamlit_folium._component_func = original


def send_map(recorder: ComponentRecorder, folium_map, layers) -> dict:
    """Call st_folium exactly as dashboard.explore does and return the component arguments it built."""
    from streamlit_folium import st_folium

    st_folium(
        folium_map,
        key="map",
        height=520,
        use_container_width=True,
        feature_group_to_add=layers.group,
        returned_objects=[],
        center=None,
        zoom=None,
    )
    return recorder.args


def payload_bytes(args: dict) -> int:
    """Bytes of the component's JSON arguments, serialised as Streamlit does (json.dumps of all but callbacks)."""
    return len(json.dumps({k: v for k, v in args.items() if not callable(v)}).encode())


def a_map():
    """The dashboard's base map (what `dashboard.the_map` caches), with stub tiles."""
    return base_map(tiles_url="http://127.0.0.1:9/{z}/{x}/{y}.png", assets_url="/app/static/vendor")


# -- part a and b: filter change to map and timeline ready -------------------------------------


@dataclass
class CaseResult:
    """Timings of one case over repeats, and the map bytes it sends."""

    case: Case
    selected: int = 0
    aggregated: bool = False
    stages: dict[str, list[float]] = field(default_factory=dict)
    cpu: list[float] = field(default_factory=list)
    payload: int = 0
    feature_group: int = 0

    def total(self) -> list[float]:
        return [sum(parts) for parts in zip(*self.stages.values())]


def filter_change(table: pd.DataFrame, case: Case, folium_map, recorder: ComponentRecorder) -> tuple[dict, dict]:
    """One rerun's path from filters to map and timeline data: stage timings and the map arguments.

    Stages are wall-clock seconds; "cpu" is this process's CPU seconds for the
    whole path, which other load on the machine inflates far less.
    """
    clock = time.perf_counter
    cpu = time.process_time()
    t0 = clock()
    selection = apply(table, case.filters)
    t1 = clock()
    t2 = clock()
    layers = incident_layers(selection, heat=case.heat)
    t3 = clock()
    args = send_map(recorder, folium_map, layers)
    t4 = clock()
    data, unit = timeline_data(selection)
    timeline_chart(data, unit).to_dict()
    t5 = clock()
    cpu = time.process_time() - cpu
    stages = {"apply": t1 - t0, "layers": t3 - t2, "map html": t4 - t3, "timeline": t5 - t4}
    return stages, {"args": args, "layers": layers, "selected": len(selection), "cpu": cpu}


def measure_case(table: pd.DataFrame, case: Case, repeats: int, recorder: ComponentRecorder) -> CaseResult:
    """Time a change from the default view to this case, `repeats` times, on a fresh map each time as the
    dashboard builds one per rerun."""
    result = CaseResult(case)
    for _ in range(repeats):
        stages, out = filter_change(table, case, a_map(), recorder)
        for name, seconds in stages.items():
            result.stages.setdefault(name, []).append(seconds)
        result.cpu.append(out["cpu"])
    result.selected = out["selected"]
    result.aggregated = out["layers"].aggregated
    result.payload = payload_bytes(out["args"])
    result.feature_group = len((out["args"].get("feature_group") or "").encode())
    return result


def filter_figures(table: pd.DataFrame, repeats: int) -> list[CaseResult]:
    """Every case measured on one table."""
    recorder = ComponentRecorder()
    with recorder.installed():
        return [measure_case(table, case, repeats, recorder) for case in cases(table)]


# -- the rest of a rerun, and the load ----------------------------------------------------------


def timed(action: Callable[[], object]) -> tuple[float, object]:
    """Seconds an action takes, and its result."""
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def sidebar_options(table: pd.DataFrame) -> None:
    """The option lists dashboard.sidebar_filters computes from the whole table on every rerun."""
    table["event_date"].min(), table["event_date"].max()
    for column in ("country", "admin1", "event_type", "sub_event_type", "weapon", "source", "status"):
        sorted(table[column].dropna().unique().tolist())
    sorted(a for a in pd.unique(table[["actor1", "actor2"]].to_numpy().ravel()) if isinstance(a, str) and a)


def rerun_overheads(table: pd.DataFrame, reports: pd.DataFrame) -> dict[str, str]:
    """Other work on every rerun of the default view: cache copy, sidebar, headline, incident table."""
    from streamlit.dataframe_util import convert_pandas_df_to_arrow_bytes

    sidebar_s, _ = timed(lambda: sidebar_options(table))
    selection = apply(table, DASHBOARD_DEFAULTS)
    summary_s, _ = timed(lambda: summary(selection))
    shown = selection[[*BROWSE_COLUMNS, "incident_id"]].head(BROWSE_ROWS).reset_index(drop=True)
    table_s, arrow = timed(lambda: convert_pandas_df_to_arrow_bytes(shown))
    sent = f"{len(arrow) / MB:,.1f} MB sent, {len(shown):,} rows"
    return {
        "sidebar option lists": f"{sidebar_s:.2f} s",
        "headline summary": f"{summary_s:.2f} s",
        "incident table to Arrow (st.dataframe)": f"{table_s:.2f} s, {sent}",
    }


def load_figures(reports: pd.DataFrame, limit: int) -> dict[str, str]:
    """The once-per-data-change work of dashboard.load_table: events from reports (real, up to `limit` rows)."""
    from incidents.dedup import events

    if len(reports) > limit:
        return {"incidents.dedup.events (load_table)": f"not run above --events-limit {limit:,} (linear in reports)"}
    seconds, _ = timed(lambda: events(reports))
    return {"incidents.dedup.events (load_table)": f"{seconds:.1f} s for {len(reports):,} reports"}


# -- part c: first map paint in Chromium -------------------------------------------------------


def png(size: int = 256, rgb: tuple[int, int, int] = (228, 232, 236)) -> bytes:
    """A plain square PNG, the stub server's only tile."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@contextlib.contextmanager
def stub_tiles() -> Iterator[str]:
    """A tile server on a free loopback port answering every path with one PNG; yields the tile URL template."""
    tile = png()

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, timeout: float) -> None:
    """Poll a URL until it answers 200, or raise TimeoutError."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as answer:
            if answer.status == 200:
                return
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


@contextlib.contextmanager
def dashboard(db: Path, tiles: str, log: Path) -> Iterator[str]:
    """`streamlit run dashboard.py` on a free loopback port over `db`; yields its URL and stops it afterwards."""
    port = free_port()
    env = {**os.environ, "INCIDENTS_DB": str(db), "INCIDENTS_TILES": tiles}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard.py",
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--server.headless=true",
        "--server.fileWatcherType=none",
        "--browser.gatherUsageStats=false",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for_http(f"{url}/_stcore/health", 60)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def map_frame_has_layer(page) -> bool:
    """Whether the map's component frame (streamlit-folium's iframe) shows incident markers, cells or clusters."""
    for frame in page.frames:
        if "streamlit_folium" not in frame.url and "st_folium" not in frame.url:
            continue
        with contextlib.suppress(Exception):  # a frame can be replaced while we look
            if frame.query_selector(LAYER_DRAWN):
                return True
    return False


def time_to_map(page, navigate: Callable[[], object], timeout: float) -> float:
    """Seconds from navigation start until the incident layer is drawn: the page's own clock when it is seen."""
    navigate()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if map_frame_has_layer(page):
            return page.evaluate("performance.now()") / 1000
        page.wait_for_timeout(20)  # not time.sleep: Playwright learns of new frames only while it runs
    raise TimeoutError(f"no incident layer drawn within {timeout:.0f} s")


def browser_figures(rows: int, reloads: int, screenshot: Path | None) -> dict[str, str]:
    """Cold first load and warm reloads of the dashboard over `rows` synthetic incidents."""
    from playwright.sync_api import sync_playwright

    import gazetteer
    from incidents.store import Store

    gazetteer.default()  # the cache is built before the cold load, as the brief for this figure says
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as folder, stub_tiles() as tiles:
        db = Path(folder) / "incidents.db"
        made, _ = timed(lambda: write_sqlite(synthetic_table(rows), db))
        read, _ = timed(lambda: Store(db).incidents())
        log = Path(folder) / "streamlit.log"
        figures = {
            "database": f"{rows:,} synthetic incidents written in {made:.1f} s",
            "Store.incidents() read (load_table does it twice, then dedup.events)": f"{read:.1f} s",
        }
        try:
            with dashboard(db, tiles, log) as url, sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                page = browser.new_page(viewport={"width": 1400, "height": 1100})
                cold = time_to_map(page, lambda: page.goto(url, wait_until="commit"), timeout=300)
                warm = [
                    time_to_map(page, lambda: page.reload(wait_until="commit"), timeout=120) for _ in range(reloads)
                ]
                if screenshot:
                    page.screenshot(path=str(screenshot), full_page=True)
                browser.close()
        except Exception as error:  # reported as a figure: a benchmark prints what it could not measure
            tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
            figures["error"] = f"{type(error).__name__}: {error}\n{tail}"
            return figures
        figures["cold first load"] = f"{cold:.1f} s"
        figures["warm reload"] = f"median {statistics.median(warm):.1f} s, max {max(warm):.1f} s over {len(warm)}"
        return figures


# -- printing ------------------------------------------------------------------------------------


def table_text(headers: list[str], rows: list[list[str]]) -> str:
    """A plain text table, columns padded to their widest cell."""
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def case_rows(results: list[CaseResult]) -> list[list[str]]:
    """One printed row per case: selection, timings (median, max, median per stage), bytes."""
    rows = []
    for r in results:
        total = r.total()
        rows.append(
            [
                r.case.name,
                f"{r.selected:,}",
                "cells" if r.aggregated else "points",
                f"{statistics.median(total):.2f}",
                f"{max(total):.2f}",
                f"{statistics.median(r.cpu):.2f}",
                *(f"{statistics.median(v):.2f}" for v in r.stages.values()),
                f"{r.payload / MB:.2f}",
            ]
        )
    return rows


def report_size(n: int, repeats: int, events_limit: int) -> None:
    """Generate n synthetic incidents, then print the filter-change table and the other per-rerun figures."""
    made, reports = timed(lambda: as_loaded(synthetic_table(n)))
    built, (table, how) = timed(lambda: dashboard_table(reports))
    print(f"\n== {n:,} synthetic incidents (generated in {made:.1f} s; events table in {built:.1f} s: {how})")
    results = filter_figures(table, repeats)
    headers = ["case", "selected", "map", "median s", "max s", "cpu s", "apply", "layers", "map html"]
    headers += ["timeline", "sent MB"]
    print(f"filter change -> map + timeline ready (target < {TARGET_READY_S:.0f} s at 1M): wall s, median and max;")
    print("'cpu s' is the median CPU time of this process (less sensitive to other load); stages are wall medians")
    print(f"map bytes sent (target < {TARGET_PAYLOAD_MB:.0f} MB): the component's arguments on a fresh map")
    print(table_text(headers, case_rows(results)))
    print("other work on a default-view rerun, and the load (not in the figures above):")
    for name, value in {**rerun_overheads(table, reports), **load_figures(reports, events_limit)}.items():
        print(f"  {name}: {value}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeats", type=int, default=5, help="repeats of each filter change (default 5)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium first-paint figures")
    parser.add_argument("--browser-rows", type=int, default=100_000, help="incidents in the browser's database")
    parser.add_argument("--reloads", type=int, default=3, help="warm reloads measured in Chromium (default 3)")
    parser.add_argument("--events-limit", type=int, default=100_000, help="largest table to run dedup.events on")
    parser.add_argument("--screenshot", type=Path, help="save a full-page screenshot after the browser runs")
    args = parser.parse_args(argv)
    print("Incident Atlas dashboard speed, on SYNTHETIC BENCHMARK DATA")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; pandas {pd.__version__}")
    for n in args.sizes:
        report_size(n, args.repeats, args.events_limit)
    if not args.no_browser:
        print(f"\n== first map paint in Chromium, {args.browser_rows:,} incidents (target < {TARGET_PAINT_S:.0f} s)")
        for name, value in browser_figures(args.browser_rows, args.reloads, args.screenshot).items():
            print(f"  {name}: {value}")


if __name__ == "__main__":
    main()

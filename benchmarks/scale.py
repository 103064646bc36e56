"""Extraction and event linking at scale: throughput, memory per worker, and a million-incident dedup.

Figures, not assertions. On SYNTHETIC articles and incidents (benchmark
fixtures, see `synthetic_articles.py` and `synthetic_incidents.py`), it measures:

a. articles per second for extraction in 1 process (`extract_many(workers=1)`),
   N processes (`extract_many(workers=N)`) and a Dask local cluster
   (`extract_on_dask(shards, workers=N)` over JSONL shards in a temp folder),
   once the gazetteer's disk cache exists and, for the single process, once it
   is loaded. Pool and cluster timings include their start-up (process spawn,
   one gazetteer load per worker), which is also measured on its own and shown;
b. memory per worker: peak resident set (RSS) and unique set (USS: what the
   process does not share; forked pool workers share the parent's pages) of
   worker processes, sampled with psutil during the run;
c. the time `incidents.dedup.link` takes on a synthetic table of 1,000,000
   incident reports where a share of events has 2-3 reports from different
   articles with small place and date jitter, and how many events it finds
   against the true number (pairwise link precision and recall). It runs in a
   child process with an address-space limit, so a memory blow-up ends in a
   MemoryError instead of taking the shared machine down.

Targets: 300 articles/s on one core for 600-word articles with the gazetteer
loaded; dedup of 1M incidents in under 30 s.

    python benchmarks/scale.py [--articles 100000] [--workers 2] [--incidents 1000000] [--skip-dask]
"""

from __future__ import annotations

import argparse
import gc
import logging
import multiprocessing
import os
import platform
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import psutil

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
for folder in (ROOT, BENCHMARKS):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from synthetic_articles import synthetic_articles, write_shards  # noqa: E402

TARGET_ARTICLES_PER_SECOND = 300.0
TARGET_DEDUP_SECONDS = 30.0
MB = 1024 * 1024
REPORTS_PER_EVENT = np.array([1, 2, 3])
REPORT_SHARES = np.array([0.55, 0.30, 0.15])  # 45 % of events reported more than once: 1.6 reports per event
BLOCK_DAYS = 1096  # the synthetic incident table spans three years; events are spread over several such blocks
DEDUP_COLUMNS = (
    "incident_id event_date event_type sub_event_type actor1 actor2 country admin1 location latitude longitude "
    "geo_precision time_precision tags status article_id place_id fatalities"
).split()


# --- measuring ----------------------------------------------------------------------------------


class PeakMemory:
    """Peak RSS and USS, and last CPU time, of this process or of its descendants, sampled in a background thread.

    Sampling (rather than one reading at the end) is what catches a worker's
    peak: pool workers exit with the pool, Dask workers with the cluster.
    """

    def __init__(self, descendants: bool, interval: float = 0.5, uss_every: int = 4):
        self.descendants = descendants
        self.interval = interval
        self.uss_every = uss_every
        self.rss: dict[int, int] = {}
        self.uss: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()

    def _processes(self) -> list[psutil.Process]:
        me = psutil.Process()
        return me.children(recursive=True) if self.descendants else [me]

    def _run(self) -> None:
        tick = 0
        while True:
            for process in self._processes():
                self._sample(process, full=tick % self.uss_every == 0)
            tick += 1
            if self._stop.wait(self.interval):
                return

    def _sample(self, process: psutil.Process, full: bool) -> None:
        try:
            if full:
                info = process.memory_full_info()
                self.uss[process.pid] = max(self.uss.get(process.pid, 0), info.uss)
            else:
                info = process.memory_info()
            self.rss[process.pid] = max(self.rss.get(process.pid, 0), info.rss)
            times = process.cpu_times()
            self.cpu[process.pid] = times.user + times.system
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            pass

    def worst(self) -> tuple[int, int]:
        """The largest peak RSS and USS of any sampled process, in bytes."""
        return max(self.rss.values(), default=0), max(self.uss.values(), default=0)


@dataclass
class Run:
    """One extraction run: what it processed, how long it took, and what its workers used."""

    label: str
    articles: int
    seconds: float
    cpu_seconds: float
    peak_rss: int
    peak_uss: int
    incidents: int = 0
    failures: int = 0
    startup: float = 0.0  # seconds of start-up measured on a tiny input, included in `seconds`
    note: str = ""

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def rate_after_startup(self) -> float:
        busy = self.seconds - self.startup
        return self.articles / busy if busy > 0 else 0.0

    @property
    def per_cpu_second(self) -> float:
        return self.articles / self.cpu_seconds if self.cpu_seconds else 0.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# --- extraction ---------------------------------------------------------------------------------


def warm_gazetteer() -> float:
    """Load the gazetteer (building its disk cache first if it is missing); the seconds it took."""
    import gazetteer

    started = time.perf_counter()
    gazetteer.default()
    return time.perf_counter() - started


def warm_extractor(seed: int) -> None:
    """Extract a few articles (not the measured ones) so lexicons and regexes are loaded before timing."""
    from incidents.pipeline import extract_many

    extract_many(list(synthetic_articles(20, seed=seed + 1_000_003)), workers=1)


def _count(outcomes: Iterable) -> tuple[int, int]:
    incidents = failures = 0
    for outcome in outcomes:
        incidents += len(outcome.rows)
        failures += bool(outcome.error)
    return incidents, failures


def run_single(articles: list) -> tuple[Run, list]:
    """`extract_many(workers=1)` in this process, with the gazetteer already loaded; the run and its outcomes."""
    from incidents.pipeline import extract_many

    gc.collect()
    cpu = _self_cpu()
    with PeakMemory(descendants=False) as memory:
        started = time.perf_counter()
        outcomes = extract_many(articles, workers=1)
        seconds = time.perf_counter() - started
    incidents, failures = _count(outcomes)
    rss, uss = memory.worst()
    note = "RSS is the whole process: it also holds every article and outcome (extract_many returns a list)"
    return Run(
        "1 process", len(articles), seconds, _self_cpu() - cpu, rss, uss, incidents, failures, 0.0, note
    ), outcomes


def run_pool(articles: list, workers: int) -> Run:
    """`extract_many(workers=N)`: a process pool whose workers each load the gazetteer from its disk cache."""
    from incidents.pipeline import extract_many

    startup = _timed(lambda: extract_many(articles[: workers * 2], workers=workers))
    gc.collect()
    cpu = _children_cpu()
    with PeakMemory(descendants=True) as memory:
        started = time.perf_counter()
        outcomes = extract_many(articles, workers=workers)
        seconds = time.perf_counter() - started
    incidents, failures = _count(outcomes)
    del outcomes
    rss, uss = memory.worst()
    note = (
        "forked workers inherit the parent's loaded gazetteer (no reload): RSS counts pages shared with the"
        " parent, USS only the worker's own"
    )
    label = f"{workers} processes (pool)"
    return Run(label, len(articles), seconds, _children_cpu() - cpu, rss, uss, incidents, failures, startup, note)


def run_dask(shards: list[str], articles: int, workers: int, tiny_shard: str) -> Run:
    """`extract_on_dask(shards, workers=N)`: a local cluster of N single-threaded worker processes."""
    from incidents.distributed import extract_on_dask

    logging.getLogger("distributed").setLevel(logging.ERROR)
    startup = _timed(lambda: _consume(extract_on_dask([tiny_shard], workers=workers)))
    gc.collect()
    with PeakMemory(descendants=True) as memory:
        started = time.perf_counter()
        incidents, failures = _consume(extract_on_dask(shards, workers=workers))
        seconds = time.perf_counter() - started
    rss, uss = memory.worst()
    cpu = sum(memory.cpu.values())
    note = "spawned workers, each loads the gazetteer; CPU sampled every 0.5 s from the workers (slightly low)"
    label = f"Dask local cluster, {workers} workers"
    return Run(label, articles, seconds, cpu, rss, uss, incidents, failures, startup, note)


def _consume(results: Iterable) -> tuple[int, int]:
    """Count incidents and failures of (article, outcome) pairs without keeping them."""
    incidents = failures = 0
    for _article, outcome in results:
        incidents += len(outcome.rows)
        failures += bool(outcome.error)
    return incidents, failures


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


@dataclass
class Recovery:
    """How many of the planted events extraction found at their place, and on their day."""

    planted: int = 0
    at_place: int = 0
    at_place_and_day: int = 0
    same_type: int = 0
    incidents: int = 0
    elsewhere: int = 0  # incidents at no planted place (a filler town, a wrongly resolved name)


def recovery(articles: list, outcomes: list) -> Recovery:
    """Compare outcomes with the events each synthetic article was built from (a sanity check of the fixture)."""
    found = Recovery()
    for article, outcome in zip(articles, outcomes):
        planted = article.extra.get("synthetic_events", [])
        places = {p[0] for p in planted}
        found.planted += len(planted)
        found.incidents += len(outcome.rows)
        found.elsewhere += sum(1 for r in outcome.rows if r["place_id"] not in places)
        for place_id, day, _kind, sub_event in planted:
            rows = [r for r in outcome.rows if r["place_id"] == place_id]
            found.at_place += bool(rows)
            found.at_place_and_day += any(r["event_date"] == day for r in rows)
            found.same_type += any(r["sub_event_type"] == sub_event for r in rows)
    return found


# --- dedup --------------------------------------------------------------------------------------


def event_table(events: int, seed: int) -> tuple[pd.DataFrame, str]:
    """One row per true event: the shared synthetic incident table if it works, else a small generator here."""
    try:
        from synthetic_incidents import synthetic_table

        probe = synthetic_table(10, seed)
        missing = [c for c in DEDUP_COLUMNS if c not in probe]
        if missing:
            raise ValueError(f"columns missing: {missing}")
        return synthetic_table(events, seed), "benchmarks/synthetic_incidents.synthetic_table"
    except Exception as error:  # missing or broken: the benchmark must still run
        return fallback_event_table(events, seed), f"own generator ({type(error).__name__}: {error})"


def fallback_event_table(events: int, seed: int) -> pd.DataFrame:
    """Minimal SYNTHETIC events with the columns `link` reads: real gazetteer places, three years, common types."""
    import gazetteer

    g = gazetteer.default()
    ix = g.index
    wanted = {"IQ", "SY", "YE", "LB", "PS", "IL", "JO"}
    positions = [
        i for i, (cc, fc) in enumerate(zip(ix.country_codes, ix.feature_classes)) if cc in wanted and fc == "P"
    ]
    places = [g.place(i) for i in positions]
    weights = np.sqrt([max(p.population, 0) for p in places]) + 30.0
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(places), size=events, p=weights / weights.sum())
    kinds = np.array(["Battles", "Explosions/Remote violence", "Protests", "Violence against civilians"], dtype=object)
    actors = np.array(["Military Forces of Israel", "Hezbollah", "Islamic State", "Unidentified Armed Group", ""])
    column = {
        "incident_id": [f"synf{seed}-{i:09d}" for i in range(events)],
        "event_date": (pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 1095, events), unit="D")).strftime(
            "%Y-%m-%d"
        ),
        "event_type": kinds[rng.integers(0, len(kinds), events)],
        "actor1": actors[rng.integers(0, len(actors), events)],
        "actor2": actors[rng.integers(0, len(actors), events)],
        "geo_precision": rng.choice([1, 2, 3], size=events, p=[0.7, 0.25, 0.05]),
        "time_precision": rng.choice([1, 2, 3], size=events, p=[0.86, 0.1, 0.04]),
        "article_id": [f"syn-{seed}-{i // 3}" for i in range(events)],
        "fatalities": rng.geometric(0.45, size=events) - 1,
    }
    frame = pd.DataFrame(column)
    for name, attribute in (("country", "country"), ("admin1", "admin1"), ("location", "name"), ("place_id", "id")):
        frame[name] = np.array([getattr(places[k], attribute) for k in pick], dtype=object)
    frame["latitude"] = np.array([places[k].latitude for k in pick])
    frame["longitude"] = np.array([places[k].longitude for k in pick])
    frame["sub_event_type"] = frame["event_type"]
    frame["tags"] = "synthetic"
    frame["status"] = "new"
    return frame


def incident_table(n: int, seed: int, years: int = 9) -> tuple[pd.DataFrame, np.ndarray, str]:
    """n incident reports of fewer true events, and the true event of each report.

    55 % of events have one report, 30 % two and 15 % three; the extra reports
    come from other articles, with the jitter real reports of one event show.
    Events are spread over `years` (in three-year blocks): a million reports
    over nine years is about 190 events a day, the order of ACLED's Middle
    East; over three years the same million is three times as dense.
    """
    rng = np.random.default_rng([seed, 7])
    sizes = rng.choice(REPORTS_PER_EVENT, p=REPORT_SHARES, size=n)
    events = int(np.searchsorted(np.cumsum(sizes), n)) + 1
    sizes = sizes[:events]
    sizes[-1] -= int(sizes.sum()) - n
    base, origin = event_table(events, seed)
    _spread(base, max(1, round(years / 3)), rng)
    truth = np.repeat(np.arange(events), sizes)
    frame = base.take(truth).reset_index(drop=True)
    copy = np.arange(n) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    _as_reports(frame, copy, rng, seed)
    return frame, truth, origin


def _spread(base: pd.DataFrame, blocks: int, rng: np.random.Generator) -> None:
    """Move each event back by a whole number of three-year blocks, so the events span `blocks` times as many days."""
    if blocks <= 1:
        return
    shift = pd.to_timedelta(rng.integers(0, blocks, size=len(base)) * BLOCK_DAYS, unit="D")
    base["event_date"] = (pd.to_datetime(base["event_date"]) - shift).dt.strftime("%Y-%m-%d").to_numpy()


def _as_reports(frame: pd.DataFrame, copy: np.ndarray, rng: np.random.Generator, seed: int) -> None:
    """Turn repeated event rows into reports: own ids and articles, a fresh status, jitter on the extra reports."""
    from incidents.dedup import INFERRED_DATE_TAG

    n = len(frame)
    row = pd.Series(np.arange(n)).astype(str).str.zfill(9)
    frame["incident_id"] = (f"synr{seed}-" + row).to_numpy()
    frame["event_id"] = frame["incident_id"]
    extra = copy > 0
    frame.loc[extra, "article_id"] = ("syn-dup-" + row[extra]).to_numpy()
    frame["content_hash"] = frame["article_id"]
    frame["status"] = "new"
    if "link_locked" in frame:
        frame["link_locked"] = 0
    _jitter_dates(frame, extra & (rng.random(n) < 0.2), rng, INFERRED_DATE_TAG)
    _jitter_places(frame, extra, rng)
    _jitter_actors(frame, extra, rng)


def _jitter_dates(frame: pd.DataFrame, moved: np.ndarray, rng: np.random.Generator, tag: str) -> None:
    """A report dated by its publication: a day later or earlier, tagged as such (so `link` allows a day)."""
    days = pd.to_datetime(frame.loc[moved, "event_date"]) + pd.to_timedelta(
        rng.choice([-1, 1], size=int(moved.sum())), unit="D"
    )
    frame.loc[moved, "event_date"] = days.dt.strftime("%Y-%m-%d").to_numpy()
    tags = frame.loc[moved, "tags"].fillna("").astype(str)
    frame.loc[moved, "tags"] = np.where(tags == "", tag, tags + "; " + tag)


def _jitter_places(frame: pd.DataFrame, extra: np.ndarray, rng: np.random.Generator) -> None:
    """25 % of extra reports name a spot 1-6 km away; 5 % only the province (geo precision 3, ~20 km off)."""
    roll = rng.random(len(frame))
    nearby = extra & (roll < 0.25)
    province = extra & (roll >= 0.25) & (roll < 0.30)
    for rows, km in ((nearby, (1.0, 6.0)), (province, (5.0, 25.0))):
        count = int(rows.sum())
        distance = rng.uniform(*km, size=count) / 111.0
        bearing = rng.uniform(0, 2 * np.pi, size=count)
        latitude = frame.loc[rows, "latitude"].to_numpy(dtype=float)
        frame.loc[rows, "latitude"] = np.round(latitude + distance * np.cos(bearing), 5)
        frame.loc[rows, "longitude"] = np.round(
            frame.loc[rows, "longitude"].to_numpy(dtype=float)
            + distance * np.sin(bearing) / np.cos(np.radians(latitude)),
            5,
        )
    frame.loc[nearby, "location"] = (frame.loc[nearby, "location"].astype(str) + " outskirts").to_numpy()
    frame.loc[nearby | province, "place_id"] = ""
    frame.loc[province, "location"] = frame.loc[province, "admin1"].to_numpy()
    frame.loc[province, "geo_precision"] = 3


def _jitter_actors(frame: pd.DataFrame, extra: np.ndarray, rng: np.random.Generator) -> None:
    """Some extra reports do not name the perpetrator (15 %) or the target (10 %)."""
    roll = rng.random(len(frame))
    frame.loc[extra & (roll < 0.15), "actor1"] = "Unidentified Armed Group"
    frame.loc[extra & (roll >= 0.15) & (roll < 0.25), "actor2"] = ""


def _pairs(group_sizes: np.ndarray) -> int:
    sizes = group_sizes.astype(np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def link_scores(truth: np.ndarray, labels: pd.Series) -> dict[str, float]:
    """Events found vs true events, and pairwise precision and recall of 'same event' links."""
    predicted = pd.factorize(labels.to_numpy())[0]
    true_pairs = _pairs(np.bincount(truth))
    found_pairs = _pairs(np.bincount(predicted))
    both = _pairs(pd.DataFrame({"t": truth, "p": predicted}).value_counts().to_numpy())
    return {
        "true_events": int(truth.max()) + 1,
        "events_found": int(predicted.max()) + 1,
        "precision": both / found_pairs if found_pairs else 1.0,
        "recall": both / true_pairs if true_pairs else 1.0,
    }


def stage_times(frame: pd.DataFrame) -> dict[str, float]:
    """Seconds of each step `link` takes, run one after another as `link` runs them (for finding the slow one)."""
    from incidents import dedup

    times: dict[str, float] = {}
    started = time.perf_counter()
    columns = dedup._Columns.of(frame)
    times["columns"] = time.perf_counter() - started
    started = time.perf_counter()
    pairs = dedup.candidate_pairs(frame, columns)
    times["candidate_pairs"] = time.perf_counter() - started
    times["candidates"] = float(len(pairs))
    started = time.perf_counter()
    pairs = pairs[dedup.compatible(frame, pairs, columns)]
    times["compatible"] = time.perf_counter() - started
    started = time.perf_counter()
    pairs = dedup._single_target_links(columns, pairs)
    times["_single_target_links"] = time.perf_counter() - started
    started = time.perf_counter()
    dedup._anchored(columns, dedup._components(len(frame), pairs))
    times["_components + _anchored"] = time.perf_counter() - started
    return times


def dedup_child(n: int, seed: int, years: int, limit_gb: float, breakdown_under: float, connection) -> None:
    """In a child process with at most `limit_gb` of address space: build the table, time `link`, send figures."""
    limit = int(limit_gb * 1024**3)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    result: dict = {"incidents": n, "years": years}
    try:
        from incidents.dedup import link

        started = time.perf_counter()
        frame, truth, origin = incident_table(n, seed, years)
        result.update(table_seconds=time.perf_counter() - started, origin=origin)
        gc.collect()
        with PeakMemory(descendants=False, interval=0.25, uss_every=1000) as memory:
            started = time.perf_counter()
            labels = link(frame)
            result["seconds"] = time.perf_counter() - started
        result["peak_rss"] = memory.worst()[0]
        result.update(link_scores(truth, labels))
        if result["seconds"] < breakdown_under:
            result["stages"] = stage_times(frame)
    except MemoryError as error:
        result["error"] = f"MemoryError at the {limit_gb:g} GB address-space limit: {error}"
    except Exception as error:
        result["error"] = f"{type(error).__name__}: {error}"
    connection.send(result)


def run_dedup(n: int, seed: int, years: int, limit_gb: float, timeout: float, breakdown_under: float) -> dict:
    """Run `dedup_child` in a spawned process; a crash, a kill or a timeout comes back as an error."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=dedup_child, args=(n, seed, years, limit_gb, breakdown_under, sender))
    started = time.perf_counter()
    child.start()
    sender.close()
    result = {"incidents": n, "error": f"no answer within {timeout:.0f} s"}
    if receiver.poll(timeout):
        try:
            result = receiver.recv()
        except EOFError:
            result = {"incidents": n, "error": "the child process died (out of memory?)"}
    child.join(5)
    if child.is_alive():
        child.kill()
        child.join()
    if child.exitcode not in (0, None) and "seconds" not in result:
        result.setdefault("error", f"exit code {child.exitcode}")
    result["wall"] = time.perf_counter() - started
    return result


# --- report -------------------------------------------------------------------------------------


@dataclass
class Report:
    """Everything measured, printed as one table at the end."""

    articles: int = 0
    words: float = 0.0
    gazetteer_load: float = 0.0
    generation: float = 0.0
    shards: int = 0
    runs: list[Run] = field(default_factory=list)
    found: Recovery | None = None
    dedups: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _mb(value: int) -> str:
    return f"{value / MB:,.0f} MB" if value else "-"


def print_report(report: Report) -> None:
    """The table of figures with their targets, then notes."""
    rows: list[tuple[str, str, str]] = [
        ("articles (synthetic)", f"{report.articles:,}", ""),
        ("words per article (mean)", f"{report.words:,.0f}", "about 600"),
        ("gazetteer load from disk cache", f"{report.gazetteer_load:.2f} s", ""),
        ("article generation", f"{report.generation:.1f} s", "a few minutes at most"),
    ]
    for run in report.runs:
        target = f">= {TARGET_ARTICLES_PER_SECOND:.0f}/s" if run.label == "1 process" else ""
        rows.append((f"extraction, {run.label}", f"{run.rate:,.1f} articles/s", target))
        if run.startup:
            rows.append(("  start-up (included above)", f"{run.startup:.1f} s", ""))
            rows.append(("  excluding start-up", f"{run.rate_after_startup:,.1f} articles/s", ""))
        rows.append(("  per CPU-second (all workers)", f"{run.per_cpu_second:,.1f} articles/s", ""))
        rows.append(("  wall time", f"{run.seconds:,.1f} s", ""))
        rows.append(("  peak RSS of a worker", _mb(run.peak_rss), ""))
        rows.append(("  peak USS of a worker", _mb(run.peak_uss), ""))
        rows.append(("  incidents / failed articles", f"{run.incidents:,} / {run.failures:,}", ""))
    if report.found:
        f = report.found
        rows.append(
            ("planted events found at their place", f"{f.at_place / max(f.planted, 1):.1%} of {f.planted:,}", "")
        )
        rows.append(("  ... and on their day", f"{f.at_place_and_day / max(f.planted, 1):.1%}", ""))
        rows.append(("  ... with the planted sub-event type", f"{f.same_type / max(f.planted, 1):.1%}", ""))
        rows.append(("incidents at no planted place", f"{f.elsewhere:,} of {f.incidents:,}", ""))
    for d in report.dedups:
        rows += _dedup_rows(d)
    width = max(len(r[0]) for r in rows) + 2
    value_width = max(len(r[1]) for r in rows) + 2
    print("\n" + "measure".ljust(width) + "figure".ljust(value_width) + "target")
    print("-" * (width + value_width + 24))
    for name, value, target in rows:
        print(name.ljust(width) + value.ljust(value_width) + target)
    for note in report.notes + [f"{r.label}: {r.note}" for r in report.runs if r.note]:
        print(f"note: {note}")


def _dedup_rows(d: dict) -> list[tuple[str, str, str]]:
    n = d["incidents"]
    target = f"< {TARGET_DEDUP_SECONDS:.0f} s" if n >= 1_000_000 else ""
    if "seconds" not in d:
        return [(f"dedup.link, {n:,} incidents", "FAILED", target), ("  error", d.get("error", "?"), "")]
    rows = [
        (f"dedup.link, {n:,} incidents over {d['years']} years", f"{d['seconds']:,.1f} s", target),
        ("  events found / true events", f"{d['events_found']:,} / {d['true_events']:,}", ""),
        ("  link precision / recall (pairs)", f"{d['precision']:.3f} / {d['recall']:.3f}", ""),
        ("  peak RSS during link", _mb(d.get("peak_rss", 0)), ""),
        ("  table generation", f"{d['table_seconds']:.1f} s ({d['origin'].split(' (')[0]})", ""),
    ]
    for stage, value in d.get("stages", {}).items():
        figure = f"{value:,.0f}" if stage == "candidates" else f"{value:,.1f} s"
        rows.append((f"    {stage}", figure, ""))
    if "error" in d:
        rows.append(("  error", d["error"], ""))
    return rows


# --- main ---------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="synthetic articles to extract (0: skip)")
    parser.add_argument("--workers", type=int, default=2, help="processes for the pool and the Dask cluster")
    parser.add_argument("--incidents", type=int, default=1_000_000, help="incident reports to deduplicate (0: skip)")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-single", action="store_true", help="skip the one-process run")
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shard-size", type=int, default=5000)
    parser.add_argument("--dedup-scaling", action="store_true", help="also deduplicate 1/4 and 1/2 of --incidents")
    parser.add_argument("--dedup-years", type=int, default=9, help="years the synthetic events span")
    parser.add_argument("--dedup-memory-gb", type=float, default=14.0, help="address-space limit of the dedup child")
    parser.add_argument("--dedup-timeout", type=float, default=1800.0)
    return parser.parse_args(argv)


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def measure_extraction(args: argparse.Namespace, report: Report) -> None:
    """Part a and b: generate articles and shards, then time the three ways of extracting them."""
    started = time.perf_counter()
    articles = list(synthetic_articles(args.articles, seed=args.seed, words=args.words))
    report.generation = time.perf_counter() - started
    report.articles = len(articles)
    report.words = sum(len(a.text.split()) for a in articles) / max(len(articles), 1)
    _log(f"{len(articles):,} articles generated in {report.generation:.1f} s, {report.words:.0f} words each")
    warm_extractor(args.seed)
    if not args.skip_single:
        run, outcomes = run_single(articles)
        report.found = recovery(articles, outcomes)
        del outcomes
        report.runs.append(run)
        _log(f"1 process: {run.rate:.1f} articles/s")
    if args.workers > 1:
        run = run_pool(articles, args.workers)
        report.runs.append(run)
        _log(f"pool: {run.rate:.1f} articles/s")
    if not args.skip_dask:
        del articles
        gc.collect()
        report.runs.append(_dask(args))


def _dask(args: argparse.Namespace) -> Run:
    """Write the same articles as JSONL shards (at least 4 per worker, so every worker has work) and run Dask."""
    size = max(1, min(args.shard_size, args.articles // (4 * max(args.workers, 1))))
    with tempfile.TemporaryDirectory(prefix="scale-shards-") as folder:
        started = time.perf_counter()
        shards = [str(p) for p in write_shards(args.articles, folder, size, seed=args.seed, words=args.words)]
        tiny = write_shards(args.workers, Path(folder) / "tiny", seed=args.seed + 1, words=args.words)[0]
        _log(f"{len(shards)} JSONL shards written in {time.perf_counter() - started:.1f} s")
        run = run_dask(shards, args.articles, args.workers, str(tiny))
    _log(f"dask: {run.rate:.1f} articles/s")
    return run


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    report = Report()
    report.notes.append(
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average at start {os.getloadavg()[0]:.2f}; all data SYNTHETIC"
    )
    report.gazetteer_load = warm_gazetteer()
    _log(f"gazetteer loaded in {report.gazetteer_load:.2f} s")
    if args.articles > 0:
        measure_extraction(args, report)
    sizes = [args.incidents // 4, args.incidents // 2] if args.dedup_scaling else []
    for n in [*sizes, args.incidents] if args.incidents > 0 else []:
        _log(f"dedup of {n:,} incidents ...")
        result = run_dedup(
            n, args.seed, args.dedup_years, args.dedup_memory_gb, args.dedup_timeout, breakdown_under=600.0
        )
        _log(f"dedup of {n:,}: {result.get('seconds', result.get('error'))}")
        report.dedups.append(result)
    report.notes.append(f"load average at end {os.getloadavg()[0]:.2f}")
    print_report(report)


if __name__ == "__main__":
    main()

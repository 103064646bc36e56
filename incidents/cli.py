"""Command line: `python -m incidents extract|ingest|export`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from .article import UnsupportedLanguage


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _read(args: argparse.Namespace):
    from .readers import read_paths

    result = read_paths(args.paths, published=args.published, source=args.source, language=args.language)
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    return result


def _extract_all(articles, workers: int = 1):
    """Rows per article, in a process pool when asked; an article that fails is reported, not fatal."""
    from .pipeline import extract_many

    return extract_many(articles, workers=workers)


def _extract(args: argparse.Namespace) -> int:
    from .export import to_csv
    from .table import to_frame

    result = _read(args)
    outcomes = _extract_all(result.articles)
    rows = [row for outcome in outcomes for row in outcome.rows]
    failures = [o for o in outcomes if o.error]
    for failure in failures:
        print(f"error: {failure.article_id}: {failure.error}", file=sys.stderr)
    rows.extend(result.incidents)
    frame = to_frame(rows)
    if args.format == "csv":
        sys.stdout.write(to_csv(frame).decode("utf-8").lstrip("\ufeff"))
    else:
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=2))
    return 1 if result.errors or failures else 0


def _ingest(args: argparse.Namespace) -> int:
    from .pipeline import ingest

    if args.engine == "dask":
        return _ingest_on_dask(args)
    result = _read(args)
    report = ingest(result.articles, result.incidents, db=args.db, workers=args.workers, progress=True)
    print(
        f"{report.articles} new articles, {report.duplicates} already stored, "
        f"{report.incidents} incidents written, {report.kept_reviewed} reviewed incidents kept as they were"
    )
    for failure in report.failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if result.errors or report.failures else 0


def _ingest_on_dask(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .distributed import extract_on_dask, shard_paths
    from .pipeline import store_outcomes
    from .store import Store

    shards = shard_paths(args.paths)
    if not shards:
        print("error: no .jsonl or .parquet shards in the given paths", file=sys.stderr)
        return 1
    outcomes = extract_on_dask(shards, scheduler=args.scheduler, workers=max(1, args.workers))
    report = store_outcomes(Store(args.db), tqdm(outcomes, unit="article", file=sys.stderr))
    print(f"{report.articles} new articles, {report.duplicates} already stored, {report.incidents} incidents written")
    for failure in report.failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if report.failures else 0


def _link(args: argparse.Namespace) -> int:
    from .store import Store

    changed = Store(args.db).relink()
    print(f"{changed} reports linked to a different event")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .export import to_csv, to_geojson, to_parquet
    from .query import Filters, apply
    from .store import Store

    store = Store(args.db)
    frame = store.incidents(include_rejected=False) if args.reports else store.events()
    frame = apply(frame, Filters(start=args.date_from, end=args.date_to, countries=tuple(args.country or ())))
    if args.format == "parquet":
        if not args.output:
            print("error: --format parquet needs --output FOLDER", file=sys.stderr)
            return 2
        files = to_parquet(frame, Path(args.output))
        print(f"{len(frame)} rows in {files} files under {args.output}, partitioned by month")
        return 0
    data = to_geojson(frame) if args.format == "geojson" else to_csv(frame)
    if args.output:
        Path(args.output).write_bytes(data)
    else:
        sys.stdout.write(data.decode("utf-8").lstrip("\ufeff"))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m incidents", description="Conflict incidents from news.")
    commands = parser.add_subparsers(dest="command", required=True)

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .json, .jsonl, .html, RSS/Atom, ACLED .csv, URL")
        p.add_argument("--published", type=_date, help="publication date for inputs that lack one")
        p.add_argument("--source", help="source name for inputs that lack one")
        p.add_argument("--language", choices=("ar", "en"), help="language, when detection should not decide")

    extract = commands.add_parser("extract", help="print the incidents of articles (nothing is stored)")
    inputs(extract)
    extract.add_argument("--format", choices=("json", "csv"), default="json")
    extract.set_defaults(run=_extract)

    ingest = commands.add_parser("ingest", help="extract and store incidents")
    inputs(ingest)
    ingest.add_argument("--db", help="database path (default $INCIDENTS_DB or data/incidents.db)")
    ingest.add_argument("--workers", type=int, default=1, help="extract in N processes (or N local Dask workers)")
    ingest.add_argument("--engine", choices=("local", "dask"), default="local", help="dask: sharded .jsonl/.parquet")
    ingest.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (default: a local cluster)")
    ingest.set_defaults(run=_ingest)

    link = commands.add_parser("link", help="link reports of the same event across the whole database")
    link.add_argument("--db")
    link.set_defaults(run=_link)

    export = commands.add_parser("export", help="write stored incidents as CSV or GeoJSON")
    export.add_argument("--db")
    export.add_argument("--format", choices=("csv", "geojson", "parquet"), default="csv")
    export.add_argument("--reports", action="store_true", help="every report, not one row per event")
    export.add_argument("--from", dest="date_from", type=_date)
    export.add_argument("--to", dest="date_to", type=_date)
    export.add_argument("--country", action="append", help="country name (repeatable)")
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    export.set_defaults(run=_export)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except UnsupportedLanguage as error:
        print(f"error: {error}", file=sys.stderr)
        return 1

"""Command line: `python -m gazetteer lookup|import-geonames|stats`."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from .geonames import GeoNamesFormatError, ImportFilter
from .store import default, home, import_geonames


def _lookup(args: argparse.Namespace) -> int:
    places = default().lookup(args.name, country=args.country, limit=args.limit)
    if args.json:
        fields = (
            "name",
            "latitude",
            "longitude",
            "country_code",
            "admin1",
            "feature_code",
            "population",
        )
        rows = [{**{f: getattr(p, f) for f in fields}, "id": p.id, "score": p.score} for p in places]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not places:
        print(f"no place named {args.name!r}", file=sys.stderr)
    else:
        for p in places:
            where = ", ".join(x for x in (p.admin1, p.country) if x)
            print(f"{p.score:5.2f}  {p.name} ({where})  {p.latitude:.4f}, {p.longitude:.4f}  {p.feature_code}  {p.id}")
    return 0 if places else 1


def _import(args: argparse.Namespace) -> int:
    keep = ImportFilter(
        countries=frozenset(c.strip().upper() for c in args.countries.split(",")) if args.countries else frozenset(),
        feature_classes=frozenset(args.feature_classes.replace(",", "")),
        min_population=args.min_population,
    )
    try:
        report = import_geonames(
            args.source,
            alternate_names=args.alternate_names,
            admin1_codes=args.admin1,
            keep=keep,
        )
    except GeoNamesFormatError as error:
        print(f"import refused, nothing changed: {error}", file=sys.stderr)
        return 2
    print(f"imported {report.places} places ({report.total} imported in all) into {report.path}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    g = default()
    ix = g.index
    by_source = Counter(ix.sources)
    by_class = Counter(ix.feature_classes)
    print(f"places: {len(ix)}")
    print(f"name keys: {len(ix.keys)} (+{len(ix.bare_keys)} without article)")
    print(f"countries: {len(ix.country_places)}  admin areas: {len(ix.admin_places)}")
    print("by source: " + ", ".join(f"{k} {v}" for k, v in by_source.most_common()))
    print("by feature class: " + ", ".join(f"{k} {v}" for k, v in by_class.most_common()))
    print(f"home: {home()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gazetteer", description="Offline Arabic/English gazetteer.")
    commands = parser.add_subparsers(dest="command", required=True)

    lookup = commands.add_parser("lookup", help="places a name may mean, best first")
    lookup.add_argument("name")
    lookup.add_argument("--country", help="ISO code or country name to keep")
    lookup.add_argument("--limit", type=int, default=10)
    lookup.add_argument("--json", action="store_true", help="print a JSON list of candidates")
    lookup.set_defaults(run=_lookup)

    imp = commands.add_parser("import-geonames", help="add places from a GeoNames dump (path or URL)")
    imp.add_argument("source", metavar="PATH_OR_URL", help="allCountries.txt, XX.txt or XX.zip")
    imp.add_argument(
        "--alternate-names",
        metavar="PATH_OR_URL",
        help="alternateNamesV2.txt (or its zip)",
    )
    imp.add_argument(
        "--admin1",
        metavar="PATH_OR_URL",
        help="admin1CodesASCII.txt, for province names",
    )
    imp.add_argument("--countries", help="comma-separated ISO codes to keep, e.g. IQ,SY")
    imp.add_argument("--feature-classes", default="APSLHTV", help="GeoNames feature classes to keep")
    imp.add_argument(
        "--min-population",
        type=int,
        default=0,
        help="drop populated places smaller than this",
    )
    imp.set_defaults(run=_import)

    stats = commands.add_parser("stats", help="what the index holds")
    stats.set_defaults(run=_stats)

    args = parser.parse_args(argv)
    return args.run(args)

"""Toponym resolution quality on public corpora, given the gold mention spans.

Prints, per corpus: coverage (mentions given a place), accuracy@161 km over all
mentions (an unresolved mention counts as a miss), median and mean error in km
over resolved mentions, AUC of the log error (lower is better, as in Gritta et
al. 2018) and, for LGL, GeoNames-id and country accuracy.

    python benchmarks/resolution.py [--corpus lgl|geovirus|idrisi] [--errors N]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora
from geopy.distance import great_circle

import gazetteer

MAX_ERROR_KM = 20039.0
READERS = {"lgl": corpora.lgl, "geovirus": corpora.geovirus, "idrisi": corpora.idrisi_resolution}


def evaluate(name: str, show_errors: int = 0) -> dict:
    g = gazetteer.default()
    errors: list[float] = []
    resolved = total = same_id = same_country = 0
    worst = []
    started = time.perf_counter()
    for doc in READERS[name]():
        spans = [(t.start, t.end) for t in doc.toponyms]
        places = g.resolve(doc.text, spans)
        for gold, place in zip(doc.toponyms, places):
            total += 1
            if place is None:
                errors.append(MAX_ERROR_KM)
                worst.append((MAX_ERROR_KM, gold.text, "-", doc.id))
                continue
            resolved += 1
            km = great_circle((gold.latitude, gold.longitude), (place.latitude, place.longitude)).km
            errors.append(km)
            worst.append((km, gold.text, f"{place.name}, {place.admin1}, {place.country_code}", doc.id))
            same_id += gold.geonameid != "" and place.id == f"gn:{gold.geonameid}"
            same_country += bool(gold.country) and gold.country in (place.country, place.country_code)
    seconds = time.perf_counter() - started
    found = [e for e in errors if e < MAX_ERROR_KM]
    auc = sum(math.log(1 + e) / math.log(1 + MAX_ERROR_KM) for e in errors) / len(errors)
    result = {
        "corpus": name,
        "mentions": total,
        "coverage": resolved / total,
        "acc@161": sum(e <= 161 for e in errors) / total,
        "acc@161 resolved": sum(e <= 161 for e in found) / max(1, len(found)),
        "median km": statistics.median(found) if found else float("nan"),
        "mean km": statistics.fmean(found) if found else float("nan"),
        "AUC": auc,
        "seconds": seconds,
    }
    if name == "lgl":
        result["geonames id"] = same_id / total
        result["country"] = same_country / total
    if show_errors:
        counted: dict[str, int] = {}
        for km, text, got, _doc in sorted(worst, reverse=True):
            if km > 161:
                counted[f"{text} -> {got}"] = counted.get(f"{text} -> {got}", 0) + 1
        for label, n in sorted(counted.items(), key=lambda kv: -kv[1])[:show_errors]:
            print(f"  {n:4d}  {label}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(READERS), action="append")
    parser.add_argument("--errors", type=int, default=0, help="show the N most frequent misses")
    args = parser.parse_args()
    if not corpora.available():
        sys.exit(f"corpora not found at {corpora.CORPORA}")
    for name in args.corpus or ["lgl", "geovirus", "idrisi"]:
        r = evaluate(name, args.errors)
        figures = "  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in r.items())
        print(figures)


if __name__ == "__main__":
    main()

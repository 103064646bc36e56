"""Gazetteer speed and memory: cache load time, resident memory, name lookups per second.

Each figure is measured in a fresh process so that the load is a real cold start
from the disk cache. Lookup names are the toponyms of the public corpora (LGL,
GeoVirus, IDRISI) plus the curated sites: a realistic mix of hits, misses,
Arabic and English. "first pass" looks up every distinct name once (no cache helps); "repeated"
replays the corpus stream, where a name recurs as it does in news; "key
probes" are what text matching does per n-gram: a normalised key to its
candidate places.

    python benchmarks/gazetteer_speed.py
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def names() -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpora

    stream: list[str] = []
    if corpora.available():
        for reader in (corpora.lgl, corpora.geovirus, corpora.idrisi_resolution):
            stream += [t.text for doc in reader() for t in doc.toponyms]
    import csv

    with (ROOT / "gazetteer" / "data" / "sites.csv").open(encoding="utf-8") as f:
        stream += [row[k] for row in csv.DictReader(f) for k in ("name", "name_ar")]
    return stream


def child() -> None:
    started = time.perf_counter()
    import gazetteer

    g = gazetteer.load()
    load_seconds = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stream = names()
    distinct = list(dict.fromkeys(stream))
    t = time.perf_counter()
    for name in distinct:
        g.lookup(name)
    first = len(distinct) / (time.perf_counter() - t)
    replay = stream * max(1, 300_000 // len(stream))
    t = time.perf_counter()
    for name in replay:
        g.lookup(name)
    repeated = len(replay) / (time.perf_counter() - t)
    keys = [gazetteer.normalize(n) for n in replay]
    t = time.perf_counter()
    for key in keys:
        g.positions(key)
    probes = len(keys) / (time.perf_counter() - t)
    found = sum(bool(g.lookup(n)) for n in distinct) / len(distinct)
    print(
        json.dumps(
            {
                "places": len(g),
                "load seconds": round(load_seconds, 3),
                "peak resident MB": round(rss_mb, 1),
                "distinct names": len(distinct),
                "names found": round(found, 3),
                "lookups/s first pass": round(first),
                "lookups/s repeated": round(repeated),
                "key probes/s": round(probes),
            }
        )
    )


def main() -> None:
    subprocess.run([sys.executable, "-c", "import gazetteer; gazetteer.load()"], check=True, cwd=ROOT)
    out = subprocess.run(
        [sys.executable, __file__, "--child"], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    figures = json.loads(out)
    for key, value in figures.items():
        print(f"{key:>24}: {value}")
    print("targets: load < 1.5 s, resident < 500 MB, >= 200,000 lookups/s")


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
    else:
        main()

"""Extraction beyond one machine: the same pure extraction on a Dask cluster, over sharded archives.

Input is sharded: JSON-lines files (one article per line, as the `.jsonl`
reader takes them) or a Parquet dataset of articles with the same fields.
Each Dask task reads one shard and extracts its articles; every worker process
loads the gazetteer once, from its disk cache, on first use. Without a
scheduler address a local cluster is started for the run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from .article import Article
from .pipeline import Outcome, extract_one

ARTICLE_FIELDS = ("id", "text", "published", "source", "url", "title", "language")


def shard_paths(paths: Iterable[str | Path]) -> list[str]:
    """The shards named by paths: JSONL files, Parquet files, or folders holding them (a Parquet dataset)."""
    shards: list[str] = []
    for path in map(Path, paths):
        if path.is_dir():
            shards += sorted(str(p) for p in path.rglob("*") if p.suffix in (".jsonl", ".parquet"))
        else:
            shards.append(str(path))
    return shards


def _article(record: dict, shard: str, line: int) -> Article:
    published = record.get("published")
    if hasattr(published, "date") and not isinstance(published, date):
        published = published.date()
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    if not record.get("text") or not isinstance(published, date):
        raise ValueError(f"{shard}, line {line}: an article needs text and a published date")
    return Article(
        id=str(record.get("id") or f"{Path(shard).stem}:{line}"),
        text=record["text"],
        published=published,
        source=record.get("source") or "",
        url=record.get("url") or "",
        title=record.get("title") or "",
        language=record.get("language") or "",
    )


def read_shard(shard: str) -> Iterator[Article]:
    """The articles of one shard; a bad record is reported as an error outcome by `extract_shard`."""
    if shard.endswith(".parquet"):
        import pyarrow.parquet as pq

        columns = [c for c in ARTICLE_FIELDS if c in pq.read_schema(shard).names]
        for line, record in enumerate(pq.read_table(shard, columns=columns).to_pylist(), start=1):
            yield _article(record, shard, line)
        return
    with open(shard, encoding="utf-8") as f:
        for line, text in enumerate(f, start=1):
            if text.strip():
                yield _article(json.loads(text), shard, line)


def extract_shard(shard: str) -> list[tuple[Article | None, Outcome]]:
    """Extraction of one shard, article by article; a shard that cannot be read yields one failed outcome."""
    out: list[tuple[Article | None, Outcome]] = []
    try:
        for article in read_shard(shard):
            out.append((article, extract_one(article)))
    except (OSError, ValueError) as error:
        out.append((None, Outcome(shard, error=f"{type(error).__name__}: {error}")))
    return out


def extract_on_dask(
    shards: list[str], scheduler: str | None = None, workers: int = 2
) -> Iterator[tuple[Article | None, Outcome]]:
    """Outcomes of every article in the shards, computed on a Dask cluster, shard by shard as they finish."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        for future in as_completed(client.map(extract_shard, shards, pure=False)):
            outcomes = future.result()
            future.release()
            yield from outcomes
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
